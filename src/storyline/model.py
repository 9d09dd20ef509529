"""The typed data model that every pipeline stage enriches.

documents → sentences → time expressions → event mentions → events → timeline.  Each stage is
a plain function over these dataclasses; nothing here imports from the stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from storyline.dates import Mod, Period, Precision

__all__ = [
    "Document",
    "Event",
    "EventMention",
    "InputError",
    "Mod",
    "Participant",
    "Period",
    "Precision",
    "Sentence",
    "SentenceKind",
    "Status",
    "TimeExpression",
    "Timeline",
    "TimexType",
]


class TimexType(StrEnum):
    """TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Status(StrEnum):
    """What a source says about an event: its modality."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    DENIED = "denied"
    REPORTED = "reported"


class SentenceKind(StrEnum):
    """What a sentence is on its page: running text, a heading, page furniture, or a reader's
    comment below the article.

    Only ``body`` sentences report events in their own right; the sentence splitter decides.
    """

    BODY = "body"
    HEADING = "heading"
    """A line of its own that ends no statement (no final ``.``, ``?``, ``!`` or ``…``): a
    headline, a subheading, a box label ("Das Wichtigste in Kürze"), a tag line, or a lead-in
    ending in a colon ("…, sagte Trump:").  It names a topic; it may support an event that body
    text reports, never found one (except an article's headline) or stand for it."""
    FURNITURE = "furniture"
    """Who, where and when of the page, not of the story: a dateline, a time stamp, a photo
    credit."""
    CLOCK = "clock"
    """A live-blog entry's clock time ("15:25 -", "15.25 Uhr:"): furniture that dates the
    sentence it heads."""
    COMMENT = "comment"
    """A reader's comment, or a comment section's label, below the article ("At 4:35 pm on 28
    May 2010, AlexB wrote: …", "Comments (12)"): not the story; its clock time, its writer and
    its words report nothing."""

    @property
    def is_story(self) -> bool:
        """The story's own words (body text or a heading): only these tell of a happening or
        name who takes part in it."""
        return self in (SentenceKind.BODY, SentenceKind.HEADING)


@dataclass
class Sentence:
    """A sentence as character offsets into its document's text, and what it is on the page."""

    index: int
    start: int
    end: int
    text: str
    kind: SentenceKind = SentenceKind.BODY


@dataclass
class TimeExpression:
    """A TIMEX3 expression found in a document, normalised against the DCT.

    ``start``/``end`` are offsets into the document text.  ``value`` is the TIMEX3 value
    (``2025-05-19``, ``2025-W11``, ``P3Y``, ``PAST_REF``, ``XXXX-WXX-1`` …); ``period`` is the
    calendar span it denotes when it denotes one (DATE and TIME values), else ``None``.
    ``after_dct`` says that it lies after the publication day, whichever day of a DCT known only
    to the month that is ("ab kommenden Montag" in an article of June: a plan).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    sentence: int = -1
    quant: str | None = None
    freq: str | None = None
    timezone: str | None = None
    period: Period | None = None
    after_dct: bool = False


@dataclass(frozen=True)
class Participant:
    """A named actor; ``key`` identifies it across mentions and languages
    (``person:putin``, ``country:RU``, ``org:nato``, ``place:jeddah``, ``name:ever-given``)."""

    key: str
    name: str
    kind: str  # "person", "organisation", "country", "place" or "name" (no evidence of a kind)


@dataclass
class EventMention:
    """One sentence (or clause) of one document reporting something that happens.

    ``date`` comes from the sentence's time expression (``time_text``/``time_value``) or, failing
    that, from the document's publication date.  An ``anaphoric`` mention ("nach dem Telefonat")
    refers back to an event reported elsewhere: it may join an event, never found one.
    ``event_class`` is the kind of happening (``communication``, ``meeting`` …) from the language
    data, ``lemmas`` the sentence's content words, both used to recognise the same event.  A
    ``heading`` mention (its sentence is a heading: a subheading, a box label) names a topic:
    it may join an event that body text reports, never found one (except an article's
    headline, which names its news) or stand for it.
    ``timezone`` is the zone its clock time is given in, where the text names one ("10 Uhr
    Ortszeit der US-Ostküste": ``America/New_York``; ``local`` for "Ortszeit" alone).
    """

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    phrase: str
    trigger: str
    date: Period
    status: Status = Status.OCCURRED
    participants: list[Participant] = field(default_factory=list)
    attributed_to: str | None = None
    time_text: str | None = None
    time_value: str | None = None
    timezone: str | None = None
    event_class: str | None = None
    lemmas: frozenset[str] = frozenset()
    anaphoric: bool = False
    heading: bool = False
    background: bool = False
    prominence: float = 0.0
    published: Period | None = None
    lang: str = "de"


@dataclass
class Document:
    """An input article and what the stages found in it.

    ``published`` is the document creation time (DCT) at the precision the input or the text
    supports; ``published_source`` says where it came from (``marker``, ``metadata``,
    ``dateline``, ``option`` …).  ``source`` is the file (and record) it was read from;
    ``teaser`` is its number in the teaser list it was cut from there (``None`` for an article).
    ``own_id`` says that the input named the id itself (a record's ``id``): the same id is then
    the same article wherever it comes from, while an id storyline made from a file name is not.
    """

    id: str
    text: str
    title: str = ""
    published: Period | None = None
    published_source: str | None = None
    lang: str = ""
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    duplicate_of: str | None = None
    teaser: int | None = None
    own_id: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)


@dataclass
class InputError:
    """A problem with one input (file or record), reported without stopping the others.

    ``kept`` says that the input was still read, without the part at fault (a bad date), so
    that it is counted among the documents read rather than among the unreadable inputs.
    """

    source: str
    error: str
    kept: bool = False

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


@dataclass
class Conflict:
    """Sources that place the same event on incompatible dates."""

    date: Period
    docs: list[str]


@dataclass
class Event:
    """A happening merged from mentions across sentences and documents."""

    id: str
    date: Period
    status: Status
    title: str
    summary: str
    participants: list[Participant]
    mentions: list[EventMention]
    salience: float = 0.0
    conflicts: list[Conflict] = field(default_factory=list)
    background: bool = False
    timezone: str | None = None
    """The zone the event's clock time is given in, where a source that gives it names one."""

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(m.doc_id for m in self.mentions))


@dataclass
class Timeline:
    """The result: documents read, events chosen (in date order), input errors."""

    documents: list[Document]
    events: list[Event]
    errors: list[InputError] = field(default_factory=list)
