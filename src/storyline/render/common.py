"""What every human-facing renderer shows the same way: dates in words at their precision,
status wording, conflicts and citations.

The wording is English whatever the articles' language, so that one timeline built from German
and English sources reads as one text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from storyline.dates import Mod, Period, Precision
from storyline.model import Document, Event, EventMention, Status, Timeline

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_MOD_PREFIX = {Mod.START: "early ", Mod.MID: "mid-", Mod.END: "late ", Mod.APPROX: "around "}
QUOTE_LIMIT = 280


def chronological(events: list[Event]) -> list[Event]:
    """Events in date order (stable, so equal dates keep the timeline's order), those of one
    clock time together by its zone."""
    return sorted(events, key=lambda event: (event.date.sort_key(), event.timezone or ""))


def day_label(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_label(day: date) -> str:
    """ "May 2025": the month a day lies in."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _plain_label(period: Period) -> str:
    """The period in words without its modifier: "May 2025", "week 11 of 2025 (10–16 March)"."""
    precision, value, first = period.precision, period.value, period.first
    if precision is Precision.TIME:
        return f"{day_label(first)}, {value[11:16]}"
    if precision is Precision.DAY:
        return day_label(first)
    if precision is Precision.WEEK:
        last = period.last
        if first.month == last.month:
            days = f"{first.day}–{last.day} {_MONTHS[first.month - 1]}"
        else:
            days = f"{first.day} {_MONTHS[first.month - 1]} – {last.day} {_MONTHS[last.month - 1]}"
        return f"week {int(value[6:8])} of {value[:4]} ({days})"
    if precision is Precision.MONTH:
        return month_label(first)
    if precision is Precision.SEASON:
        season = _SEASON_NAMES[value[5:7]]
        years = f"{first.year}/{str(period.last.year)[2:]}" if season == "winter" else str(first.year)
        return f"{season} {years}"
    if precision is Precision.QUARTER:
        return f"Q{value[6]} {value[:4]}"
    if precision is Precision.HALF:
        return f"{'first' if value[6] == '1' else 'second'} half of {value[:4]}"
    if precision is Precision.YEAR:
        return value
    if precision is Precision.DECADE:
        return f"the {first.year // 10 * 10}s"
    return f"{period.first.year}–{period.last.year}"


def date_label(period: Period) -> str:
    """The period in words at exactly its precision, modifier included ("mid-August 2025")."""
    label = _plain_label(period)
    if period.mod is None:
        return label
    if period.is_day_or_finer and period.mod is not Mod.APPROX:
        return f"{label} ({period.mod.value})"
    return _MOD_PREFIX[period.mod] + label


def section_label(period: Period) -> str:
    """The heading a month-by-month listing files a date under: the month it starts in when it
    is known to the month or finer, else the date itself at its precision ("2025", "first half
    of 2025"), so that a coarse date is never filed under its first month."""
    if period.precision.rank >= Precision.MONTH.rank:
        return month_label(period.likely_span()[0])
    return _plain_label(period)


def split_background(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """The story's events and the background facts, each in date order.

    Background facts ("opened in 1869") are shown apart, after the story, so that they do not
    crowd out what happened.
    """
    ordered = chronological(events)
    return [e for e in ordered if not e.background], [e for e in ordered if e.background]


def zone_note(zone: str | None) -> str:
    """How the zone of a clock time reads after it: " (America/New_York)", " local time" (the
    local time of the place the sentence names), or nothing where no source names one."""
    if zone is None:
        return ""
    return " local time" if zone == "local" else f" ({zone})"


def event_date_label(event: Event) -> str:
    """The event's date in words, with the zone of its clock time ("19 May 2025, 10:00
    (America/New_York)"), so that nobody reads it in their own zone."""
    return date_label(event.date) + zone_note(event.timezone)


def group_by_date(events: list[Event]) -> list[tuple[Period, list[Event]]]:
    """Chronological events in runs that share one date (value and modifier) and time zone."""
    groups: list[tuple[Period, list[Event]]] = []
    for event in chronological(events):
        if groups and groups[-1][0] == event.date and groups[-1][1][-1].timezone == event.timezone:
            groups[-1][1].append(event)
        else:
            groups.append((event.date, [event]))
    return groups


def claimants(mentions: list[EventMention]) -> list[str]:
    """Who the ``reported`` mentions attribute the claim to, each once."""
    names = (m.attributed_to for m in mentions if m.status is Status.REPORTED and m.attributed_to)
    return list(dict.fromkeys(names))


def status_note(status: Status, mentions: list[EventMention]) -> str | None:
    """Status in words, or None for ``occurred`` (the unmarked case needs no badge)."""
    if status is Status.OCCURRED:
        return None
    if status is Status.REPORTED:
        who = claimants(mentions)
        return f"reported by {', '.join(who)}" if who else "reported, unconfirmed"
    return str(status.value)


def event_status_note(event: Event) -> str | None:
    return status_note(event.status, event.mentions)


def mention_status_note(mention: EventMention) -> str | None:
    return status_note(mention.status, [mention])


def doc_label(doc_id: str, documents: dict[str, Document]) -> str:
    """A short name for a source: its outlet, else its id."""
    doc = documents.get(doc_id)
    return doc.outlet if doc is not None and doc.outlet else doc_id


@dataclass(frozen=True)
class ConflictSide:
    """One of the dates that sources give for an event, with the sources giving it."""

    date: Period
    docs: list[str]


def conflict_sides(event: Event) -> list[ConflictSide]:
    """Every date the sources give, the event's own date first; empty without a conflict.

    The event's own date joins the sides (with the sources not named in any conflict) when
    the conflicts list only the dissenting dates.
    """
    if not event.conflicts:
        return []
    sides = [ConflictSide(conflict.date, list(conflict.docs)) for conflict in event.conflicts]
    if all(side.date.value != event.date.value for side in sides):
        named = {doc for side in sides for doc in side.docs}
        agreeing = [doc for doc in event.doc_ids if doc not in named]
        sides.insert(0, ConflictSide(event.date, agreeing))
    return sides


def conflict_sentence(event: Event, documents: dict[str, Document]) -> str | None:
    """ "sources disagree: 18 March 2025 (Reuters) vs 19 March 2025 (dpa)", or None."""
    sides = conflict_sides(event)
    if not sides:
        return None
    parts = []
    for side in sides:
        names = ", ".join(dict.fromkeys(doc_label(doc, documents) for doc in side.docs))
        parts.append(f"{date_label(side.date)} ({names})" if names else date_label(side.date))
    return "sources disagree: " + " vs ".join(parts)


def one_line(text: str) -> str:
    """Text with every run of whitespace (line breaks included) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def short_quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The cited text on one line, cut at a word boundary with "…" when longer than ``limit``."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link that may be offered to a reader, else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class Reference:
    """What a reader needs to find an article: outlet, title, date, link (or file)."""

    doc_id: str
    outlet: str | None
    title: str
    published: str | None
    url: str | None
    source: str
    lang: str
    duplicate_of: str | None  # the label of the document this one copies
    teaser: int | None = None  # its number in the teaser list of ``source``


def file_location(ref: Reference, path: Callable[[str], str]) -> str:
    """Where the article lies for a reader without a link: "file …", or "teaser 3 in file …"
    for a teaser cut from an article's list; ``path`` writes the path in the output's markup."""
    where = f"file {path(ref.source or ref.doc_id)}"
    return where if ref.teaser is None else f"teaser {ref.teaser} in {where}"


def reference(doc_id: str, documents: dict[str, Document]) -> Reference:
    doc = documents.get(doc_id)
    if doc is None:
        return Reference(doc_id, None, doc_id, None, None, "", "", None)
    return Reference(
        doc_id=doc_id,
        outlet=doc.outlet,
        title=one_line(doc.title) or doc_id,
        published=date_label(doc.published) if doc.published else None,
        url=safe_url(doc.url),
        source=doc.source,
        lang=doc.lang,
        duplicate_of=doc_label(doc.duplicate_of, documents) if doc.duplicate_of else None,
        teaser=doc.teaser,
    )


@dataclass(frozen=True)
class Quote:
    """One cited sentence, with the status its source gives where that differs from the
    event's (an article that announced what a later one reports as held)."""

    sentence: int
    text: str
    status: Status
    status_note: str | None


@dataclass(frozen=True)
class CitedArticle:
    """An article that reports the event and the sentences quoted from it; no quotes when its
    sentences are word for word those quoted above (a wire copy)."""

    ref: Reference
    quotes: list[Quote]


def cited_articles(event: Event, documents: dict[str, Document]) -> list[CitedArticle]:
    """The event's sources, one per article in the order first cited, each sentence quoted once;
    an article's headings (a subheading that names the topic) only where none of its body
    sentences reports the event."""
    articles: dict[str, CitedArticle] = {}
    shown: set[str] = set()
    reporting = {mention.doc_id for mention in event.mentions if not mention.heading}
    for mention in event.mentions:
        article = articles.setdefault(mention.doc_id, CitedArticle(reference(mention.doc_id, documents), []))
        text = short_quote(mention.text)
        if text in shown or (mention.heading and mention.doc_id in reporting):
            continue
        shown.add(text)
        own_status = mention_status_note(mention) or "occurred"
        status_note = None if mention.status is event.status else own_status
        article.quotes.append(Quote(mention.sentence, text, mention.status, status_note))
    return list(articles.values())


def _same_words(a: str, b: str) -> bool:
    return one_line(a).rstrip(" .!?…").casefold() == one_line(b).rstrip(" .!?…").casefold()


def summary_to_show(event: Event, cited: list[CitedArticle]) -> str | None:
    """The event's summary on one line, unless it only repeats the title or a quoted sentence."""
    summary = one_line(event.summary)
    if not summary or _same_words(summary, event.title):
        return None
    if any(_same_words(short_quote(summary), quote.text) for article in cited for quote in article.quotes):
        return None
    return summary


def fragment_id(event_id: str) -> str:
    """The event id with anything not safe in an HTML id or URL fragment replaced by "-"."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", event_id) or "event"


def documents_by_id(timeline: Timeline) -> dict[str, Document]:
    return {doc.id: doc for doc in timeline.documents}


def counted(number: int, noun: str) -> str:
    """ "1 source", "3 sources"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def lead(timeline: Timeline) -> str:
    """The sentence under every timeline's heading: its size and the promise about dates."""
    return (
        f"{counted(len(timeline.events), 'event')} from {counted(len(timeline.documents), 'article')}. "
        "Dates are given only as precisely as the sources support."
    )


def heading(timeline: Timeline) -> str:
    """ "Timeline: 12 February 2025 – 19 May 2025", the dates the story covers (background
    facts count only when there is nothing else).

    A coarse entry that holds finer ones ("2025" around 12 February) does not bound the span:
    "2025 – 26 August 2025" would claim a start that no source gives.
    """
    story, background = split_background(timeline.events)
    ordered = story or background
    if not ordered:
        return "Timeline"

    def holds_a_finer_entry(event: Event) -> bool:
        rank = event.date.precision.rank
        return any(other.date.precision.rank > rank and event.date.contains(other.date) for other in ordered)

    # the finest entry holds none, so both exist; from each end, as only coarse entries are skipped
    first = date_label(next(event for event in ordered if not holds_a_finer_entry(event)).date)
    last = date_label(next(event for event in reversed(ordered) if not holds_a_finer_entry(event)).date)
    return f"Timeline: {first}" if first == last else f"Timeline: {first} – {last}"
