"""Cross-document event merging (stage: mentions → events).

Two mentions are the same happening when their dates are compatible at their precisions
("Mitte Februar" and 12 February; never 18 and 19 May; the same clock time counts most), their
kinds agree (the same kind, or a related one about the same parties: negotiations and the
agreement they reached), their people do not contradict each other (a call of Trump and
Selenskyj is not one of Trump and Putin), and their participants, then their content words,
overlap.  A heading names what the text under it tells: a headline its article's lead, a
subheading the sentence after it.  The merge is incremental: an
:class:`EventIndex` takes mentions one at a time and can forget a document again, so a store can
grow without re-merging everything.  ``merge`` fills one index in a good order (precise dates
first, anaphoric references last).  A reference back joins, where it can, the event of its
article's sentence before, then one its article dates in words, then one of its article; it
may name talks a meeting ("das Treffen" for "direkte Gespräche").  A reference to a plan looks
ahead of its publication, at events some source dates in words.

An event's date is the most precise one its sources support; its status follows the latest
evidence (a planned call later reported as held is ``occurred``); sources that place it on an
incompatible day are listed as ``conflicts``.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.mentions import is_generic_kind, is_party_kind, related_kinds
from storyline.model import Conflict, Event, EventMention, Mod, Participant, Period, Precision, Status
from storyline.participants import keep_fullest
from storyline.tokens import CLOSING_QUOTATION_MARKS

# A candidate event must score at least this to take a mention (see ``_similarity``).
MATCH_THRESHOLD = 0.45
# A headline names its article's lead: the first sentence that tells a happening, if among these.
LEAD_SENTENCES = 2
# How far a related kind ("Verhandlungen" for an agreement) counts as the same kind.
RELATED_KIND_FIT = 0.5
# How many of an event's most frequent content words stand for it in matching.
TOP_LEMMAS = 40
# Sources one day apart may still report the same event (time zones, late reports) when
# their sentences say nearly the same thing; such events carry a conflict.
CONFLICT_CONTENT_SIMILARITY = 0.5
# A vague mention naming nobody joins a precise event of its kind when it shares this many words.
VAGUE_CONTENT_SIMILARITY = 0.12
# How long before its publication date an anaphoric mention may refer back ("nach dem Telefonat"),
# or, where it names a plan ("das geplante Telefonat"), ahead.
ANAPHORA_WINDOW_DAYS = 10

# A cited sentence this short is its own title; a longer one is cut.
TITLE_MAX_WORDS = 20
# Participants shown for an event: people first, then organisations, countries, places, other names.
MAX_PARTICIPANTS = 8

# Later evidence wins; at equal time, a definite statement beats a plan or a claim.
_STATUS_WEIGHT = {
    Status.REPORTED: 0,
    Status.PLANNED: 1,
    Status.OCCURRED: 2,
    Status.CANCELLED: 3,
    Status.DENIED: 3,
}


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _months(first: date, last: date) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass
class _Cluster:
    """An event under construction, with what matching needs kept up to date."""

    id: str
    mentions: list[EventMention] = field(default_factory=list)
    date: Period | None = None
    keys: set[str] = field(default_factory=set)
    people: Counter[str] = field(default_factory=Counter)  # person key → mentions naming them
    naming: int = 0  # mentions that name a person
    others: set[str] = field(default_factory=set)  # organisations, countries, places named
    lemma_counts: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    doc_ids: set[str] = field(default_factory=set)
    stated_by: set[str] = field(default_factory=set)  # documents that date the event in words
    support: dict[Period, set[str]] = field(default_factory=dict)  # dated value → documents giving it
    _top: frozenset[str] | None = None

    def record(self, mention: EventMention) -> None:
        """Take a mention's evidence without re-deciding the date (the caller does that once)."""
        self._top = None
        self.mentions.append(mention)
        self.keys |= _actors(mention)
        people = _people(mention)
        self.people.update(people)
        self.naming += bool(people)
        self.others |= _others(mention)
        self.lemma_counts.update(mention.lemmas)
        if mention.event_class:
            self.classes[mention.event_class] += 1
        self.doc_ids.add(mention.doc_id)
        if mention.time_text is not None and not mention.anaphoric:
            self.stated_by.add(mention.doc_id)
        if not mention.anaphoric or not self.support:
            self.support.setdefault(mention.date, set()).add(mention.doc_id)

    def tells(self, doc_id: str, sentence: int) -> bool:
        """Whether one of the event's mentions is that sentence of that document."""
        return any(m.sentence == sentence and m.doc_id == doc_id for m in self.mentions)

    def rebuild(self) -> None:
        """Recompute everything from the mentions (after a removal)."""
        mentions, self.mentions = self.mentions, []
        self.keys, self.lemma_counts, self.classes, self.support = set(), Counter(), Counter(), {}
        self.people, self.naming, self.others = Counter(), 0, set()
        self.doc_ids, self.stated_by = set(), set()
        for mention in sorted(mentions, key=lambda m: m.anaphoric):
            self.record(mention)
        self.date = _event_date(self.support)

    def principal_people(self) -> set[str]:
        """Who the event is about: the people at least half of its mentions naming anyone name
        (a call's two parties, not everyone its sources mention in passing)."""
        return {key for key, count in self.people.items() if 2 * count >= self.naming}

    def first_told(self, doc_id: str, after: int) -> int | None:
        """The first body sentence of that document after sentence ``after`` that tells the event."""
        told = [m.sentence for m in self.mentions if m.doc_id == doc_id and not m.heading and m.sentence > after]
        return min(told, default=None)

    def top_lemmas(self) -> frozenset[str]:
        """The event's characteristic words: a bounded set, so large events do not dilute.
        Equally frequent words are taken in alphabetical order: the lemmas arrive as sets,
        whose order changes from run to run, and the choice must not."""
        if self._top is None:
            top = heapq.nsmallest(TOP_LEMMAS, self.lemma_counts.items(), key=lambda item: (-item[1], item[0]))
            self._top = frozenset(lemma for lemma, _ in top)
        return self._top


def _event_date(support: dict[Period, set[str]]) -> Period | None:
    """The most precise date that most dated sources are compatible with."""
    if not support:
        return None

    def agreement(candidate: Period) -> tuple[int, int, int]:
        docs = set().union(*(d for value, d in support.items() if value.compatible(candidate)))
        return (len(docs), candidate.precision.rank, -candidate.first.toordinal())

    return max(support, key=agreement)


def _is_reported_event(cluster: _Cluster) -> bool:
    """A body sentence reports the event, or an article makes it its news: its headline, or
    several of its body sentences refer to it.  Headings alone found nothing."""
    if any(not m.anaphoric and not m.heading for m in cluster.mentions):
        return True
    per_doc = Counter(m.doc_id for m in cluster.mentions if not m.heading)
    return any(m.sentence == 0 for m in cluster.mentions) or max(per_doc.values(), default=0) >= 2


def _mention_id(mention: EventMention) -> str:
    raw = f"{mention.doc_id}\x00{mention.sentence}\x00{mention.trigger}".encode()
    return "e" + hashlib.sha1(raw).hexdigest()[:12]


class EventIndex:
    """Events built up mention by mention."""

    def __init__(self) -> None:
        self._clusters: dict[str, _Cluster] = {}
        self._index: dict[tuple[int, ...], set[str]] = {}
        self._by_doc: dict[str, set[str]] = {}  # the events each document's mentions are in

    def __len__(self) -> int:
        return len(self._clusters)

    # -- changes --------------------------------------------------------------------------
    def add(self, mention: EventMention) -> str:
        """Attach ``mention`` to the best matching event (or a new one); return the event id."""
        best = self._best_match(mention)
        if best is not None:
            self.add_to(mention, best)
            return best
        event_id = _mention_id(mention)
        while event_id in self._clusters:
            event_id = "e" + hashlib.sha1(event_id.encode()).hexdigest()[:12]
        self._clusters[event_id] = _Cluster(event_id)
        self.add_to(mention, event_id)
        return event_id

    def add_to(self, mention: EventMention, event_id: str) -> None:
        """Attach ``mention`` to a known event (also to restore a stored assignment)."""
        self.restore([(mention, event_id)])

    def restore(self, assignments: Iterable[tuple[EventMention, str]]) -> None:
        """Attach many mentions to known events at once (a store reloading its assignments):
        each touched event decides its date once, not after every mention."""
        touched: dict[str, Period | None] = {}
        for mention, event_id in assignments:
            cluster = self._clusters.setdefault(event_id, _Cluster(event_id))
            touched.setdefault(event_id, cluster.date)
            cluster.record(mention)
            self._by_doc.setdefault(mention.doc_id, set()).add(event_id)
        for event_id, old in touched.items():
            cluster = self._clusters[event_id]
            cluster.date = _event_date(cluster.support)
            if cluster.date != old:
                self._reindex(cluster, old)

    def remove_document(self, doc_id: str) -> None:
        """Forget every mention of a document; events left without evidence disappear."""
        for event_id in self._by_doc.pop(doc_id, set()):
            cluster = self._clusters[event_id]
            kept = [m for m in cluster.mentions if m.doc_id != doc_id]
            old = cluster.date
            cluster.mentions = kept
            if not kept:
                self._unindex(cluster.id, old)
                del self._clusters[cluster.id]
                continue
            cluster.rebuild()
            self._reindex(cluster, old)

    # -- reading --------------------------------------------------------------------------
    def events(self, ids: Collection[str] | None = None) -> list[Event]:
        """The current events in date order, each with status, participants and conflicts.

        An event made only of references back ("nach dem Telefonat") is kept when an article
        makes it its news (its headline, or several of its sentences), dated approximately by
        that article's publication; a single passing reference is left out.  ``ids`` limits
        the result to those events (a store rewriting only what changed)."""
        clusters = self._clusters.values() if ids is None else (self._clusters[i] for i in ids if i in self._clusters)
        built = [_build_event(c) for c in clusters if _is_reported_event(c)]
        return sorted(built, key=lambda e: (e.date.sort_key(), e.id))

    # -- matching -------------------------------------------------------------------------
    def _candidates(self, mention: EventMention) -> set[str]:
        first, last = _search_span(mention)
        found: set[str] = set()
        for key in _lookup_keys(first, last):
            found |= self._index.get(key, set())
        return found

    def _best_match(self, mention: EventMention) -> str | None:
        candidates = sorted(self._candidates(mention))
        if mention.heading:
            told = self._told_next(mention)
            if told is not None:
                return told
        if mention.anaphoric:
            # A reference back means its own article's event where it can: first the one the
            # sentence before tells ("… ein Telefonat zwischen Lawrow und Rubio. Das Gespräch
            # sei …"), then one the article dates in words, then one it dates only by
            # publication.  A plan ("das geplante Telefonat") means one some source dates in words.
            if mention.status is Status.PLANNED:
                candidates = [c for c in candidates if self._clusters[c].stated_by]
            own = [c for c in candidates if mention.doc_id in self._clusters[c].doc_ids]
            previous = [c for c in own if self._clusters[c].tells(mention.doc_id, mention.sentence - 1)]
            stated = [c for c in own if mention.doc_id in self._clusters[c].stated_by]
            for group in (previous, stated, own):
                found = self._best_of(mention, group)
                if found is not None:
                    return found
        return self._best_of(mention, candidates) or self._only_precise_of_kind(mention, candidates)

    def _told_next(self, heading: EventMention) -> str | None:
        """The event a heading names: the one the sentence right after it tells (for a
        headline, its article's lead, which a dateline may precede), where the heading fits it
        (:func:`_heading_fits`).  Of two events that sentence tells, the one the heading fits best."""
        reach = heading.sentence + (LEAD_SENTENCES if heading.sentence == 0 else 1)
        told = {
            event_id: sentence
            for event_id in self._by_doc.get(heading.doc_id, set())
            if (sentence := self._clusters[event_id].first_told(heading.doc_id, heading.sentence)) is not None
            and sentence <= reach
        }
        if not told:
            return None
        first = min(told.values())
        fitting = sorted(
            e for e, sentence in told.items() if sentence == first and _heading_fits(heading, self._clusters[e])
        )
        return max(fitting, key=lambda e: _similarity(heading, self._clusters[e]), default=None)

    def _only_precise_of_kind(self, mention: EventMention, candidates: list[str]) -> str | None:
        """A vague mention naming nobody ("die beiden Präsidenten hatten Mitte Februar
        telefoniert") joins the one precise event of its kind within its dates that shares a
        word with it; where there are several, it cannot tell which.  A kind that names only a
        phase of some other happening ("In mid-June the busy season begins") tells none."""
        if not _vague(mention) or not mention.event_class or _actors(mention):
            return None
        if is_generic_kind(mention.event_class, mention.lang):
            return None
        fitting = [
            event_id
            for event_id in candidates
            if (cluster := self._clusters[event_id]).date is not None
            and cluster.date.precision.rank > mention.date.precision.rank
            and mention.date.compatible(cluster.date)
            and cluster.classes[mention.event_class]
            and mention.lemmas & cluster.top_lemmas()
        ]
        return fitting[0] if len(fitting) == 1 else None

    def _best_of(self, mention: EventMention, candidates: list[str]) -> str | None:
        best: tuple[float, str] | None = None
        for event_id in candidates:
            score = _similarity(mention, self._clusters[event_id])
            if score >= MATCH_THRESHOLD and (best is None or score > best[0]):
                best = (score, event_id)
        return None if best is None else best[1]

    def _reindex(self, cluster: _Cluster, old: Period | None) -> None:
        self._unindex(cluster.id, old)
        if cluster.date is not None:
            for key in _index_keys(cluster.date):
                self._index.setdefault(key, set()).add(cluster.id)

    def _unindex(self, event_id: str, period: Period | None) -> None:
        if period is None:
            return
        for key in _index_keys(period):
            self._index.get(key, set()).discard(event_id)


# Index keys: an event dated to a day sits under its day ("d") and its month ("dm"); a vaguer
# event under each month it spans ("m"), or, spanning years, under one shared "wide" key.
_WIDE = (0,)
_MAX_INDEXED_MONTHS = 36


def _index_keys(period: Period) -> list[tuple[int, ...]]:
    if period.is_day_or_finer:
        return [(1, period.first.toordinal()), (2, period.first.year, period.first.month)]
    months = list(_months(period.first, period.last))
    if len(months) > _MAX_INDEXED_MONTHS:
        return [_WIDE]
    return [(3, year, month) for year, month in months]


def _lookup_keys(first: date, last: date) -> list[tuple[int, ...]]:
    months = list(_months(first, last))
    keys: list[tuple[int, ...]] = [_WIDE] + [(3, year, month) for year, month in months]
    if (last - first).days <= 40:
        keys += [(1, first.toordinal() + offset) for offset in range((last - first).days + 1)]
    else:
        keys += [(2, year, month) for year, month in months]
    return keys


def _search_span(mention: EventMention) -> tuple[date, date]:
    if mention.anaphoric and mention.published is not None:
        return _reference_span(mention.published, mention.status)
    return mention.date.first - timedelta(days=1), mention.date.last + timedelta(days=1)


def _reference_span(published: Period, status: Status) -> tuple[date, date]:
    """The days a sentence dated by nothing but its publication may mean: the recent past, or,
    where it names a plan ("das geplante Telefonat"), the days ahead."""
    window = timedelta(days=ANAPHORA_WINDOW_DAYS)
    if status is Status.PLANNED:
        return published.first, published.last + window
    return published.first - window, published.last


def _dates_fit(mention: EventMention, event_date: Period) -> float:
    """1 for compatible dates, 0.5 for near-misses worth a conflict, 0 otherwise."""
    if mention.anaphoric and mention.published is not None:
        return 1.0 if _within(event_date, _search_span(mention)) else 0.0
    if mention.date.compatible(event_date):
        return 1.0
    if mention.date.is_day_or_finer and event_date.is_day_or_finer and mention.date.days_apart(event_date) == 1:
        return 0.5
    return 0.0


def _within(period: Period, span: tuple[date, date]) -> bool:
    return span[0] <= period.first and period.last <= span[1]


def _heading_fits(heading: EventMention, cluster: _Cluster) -> bool:
    """Whether a heading may name the event the text under it tells: a kind that agrees (or
    none on one side), no contradicting people, and the heading's date, or, where it gives none,
    a day its publication may look back (or, for a plan, ahead) to."""
    if cluster.date is None or _kind_fit(heading, cluster) is None or _contradicts(heading, cluster):
        return False
    if heading.time_text is None and heading.published is not None:
        return _within(cluster.date, _reference_span(heading.published, heading.status))
    return heading.date.compatible(cluster.date)


def _kind_fit(mention: EventMention, cluster: _Cluster) -> float | None:
    """How the kinds of a mention and an event agree: 1 for the same kind; less for a related
    kind, where the sentence tells what took place (talks told as "das Treffen in Istanbul",
    negotiations as the agreement they reached) about whom the event is
    (:func:`_same_arguments`); 0 where one side names no kind of its own (a kind that names only a phase, "der
    Ausstand soll beginnen", is a phase of any); ``None`` for different kinds, which never name
    one happening.  A plan, a denial or a cancellation concerns the kind it names."""
    if mention.event_class and cluster.classes[mention.event_class]:
        return 1.0
    kinds = _specific_kinds(cluster, mention.lang)
    if not mention.event_class or is_generic_kind(mention.event_class, mention.lang) or not kinds:
        return 0.0
    told = mention.status in (Status.OCCURRED, Status.REPORTED)
    if told and kinds & related_kinds(mention.event_class, mention.lang) and _same_arguments(mention, cluster):
        return RELATED_KIND_FIT
    return None


def _same_arguments(mention: EventMention, cluster: _Cluster) -> bool:
    """Whether a mention is about whom an event is: a reference back is (it names its event
    otherwise); else at least half the people it names are the event's (a visit of Sikorski
    and Wadephul that quotes them on Putin is no talks of Putin's), or, naming nobody the event
    names, every organisation, country and place the event names (the Greens' board meeting is
    no agreement of the SPD and the Greens)."""
    if mention.anaphoric:
        return True
    actors = _actors(mention)
    known = actors & cluster.keys
    if known:
        return 2 * len(known) >= len(actors)
    return bool(cluster.others) and cluster.others <= _others(mention)


def _specific_kinds(cluster: _Cluster, lang: str) -> set[str]:
    """The kinds an event's mentions name, less those that name only a phase of a happening."""
    return {kind for kind in cluster.classes if not is_generic_kind(kind, lang)}


def _contradicts(mention: EventMention, cluster: _Cluster) -> bool:
    """Whether the people a mention names rule out the event's: none in common, or, for a
    happening its people define (a call, a meeting), two or more persons of a different group
    (a call of Trump and Selenskyj is not one of Trump and Putin, though it names Trump): one
    the event is not about, while leaving out one it is about."""
    keys = _actors(mention)
    if not keys or not cluster.keys:
        return False
    shared = keys & cluster.keys
    if not shared:
        return True
    if not mention.event_class or not is_party_kind(mention.event_class, mention.lang):
        return False
    people = _people(mention)
    if len(people) < 2:
        return False
    principal = cluster.principal_people()
    return bool(people - principal and principal - people)


def _vague(mention: EventMention) -> bool:
    """Dated coarser than a day ("im Februar", or a publication date known only to the month)."""
    return not mention.anaphoric and not mention.date.is_day_or_finer


def _similarity(mention: EventMention, cluster: _Cluster) -> float:
    """How well a mention fits an event: kinds that agree, the same day (the same clock time
    most of all), and the same arguments, people weighted above the other participants and
    both above plain words.

    Cheap tests come first: an event of another kind, or about other people, never takes a
    mention; where one side names no kind of its own (a dated sentence, a beginning), a mention
    naming a kind joins only with a person in common, or at the same clock time."""
    if cluster.date is None or _contradicts(mention, cluster):
        return 0.0
    kind = _kind_fit(mention, cluster)
    if kind is None:
        return 0.0
    keys = _actors(mention)
    shared = keys & cluster.keys
    in_doc = mention.doc_id in cluster.doc_ids
    same_time = mention.date.precision is Precision.TIME and mention.date.value == cluster.date.value
    if kind == 0.0 and mention.event_class and not (shared or same_time):
        return 0.0
    fit = _dates_fit(mention, cluster.date)
    if fit == 0.0:
        return 0.0
    content = _jaccard(mention.lemmas, cluster.top_lemmas())
    finer_event = cluster.date.precision.rank > mention.date.precision.rank
    # A vague date joins a precise event only on firm ground: same kind, and same people or
    # words; of a kind that names a phase of some other happening ("begins"), same people.
    generic = mention.event_class is not None and is_generic_kind(mention.event_class, mention.lang)
    same_kind = kind == 1.0
    firm = same_kind and (shared or (not keys and not generic and content >= VAGUE_CONTENT_SIMILARITY))
    if _vague(mention) and finer_event and not firm:
        return 0.0
    if mention.date.day is None and cluster.date.day is None and not (shared or content >= VAGUE_CONTENT_SIMILARITY):
        return 0.0  # meetings of one month, even in one article, are one only with people or words in common
    if fit < 1.0 and content < CONFLICT_CONTENT_SIMILARITY:
        return 0.0
    people = len(shared) / max(1, min(len(keys), len(cluster.keys))) if shared else 0.0
    others = _others(mention)
    named = _jaccard(others, cluster.others)
    # A reference back ("das Telefonat", a headline) most likely means its own article's event.
    same_doc = (0.3 if mention.anaphoric else 0.15) if in_doc else 0.0
    same_day = 0.15 if mention.date.day is not None and mention.date.day == cluster.date.day else 0.0
    # Two sources naming the same minute of the same day ("um 3 Uhr") mean one happening unless
    # their kinds or people differ.
    return 0.35 * kind + 0.35 * people + 0.2 * named + 0.6 * content + same_doc + same_day + 0.35 * same_time


def _actors(mention: EventMention) -> set[str]:
    """Keys of who acts in a mention, for telling happenings apart: its people, and names of no
    known kind (a ship, or a person the article never introduced), each under its full name;
    less, in a reference back, the one it quotes ("'Das Gespräch wird vorbereitet', sagte
    Kremlsprecher Peskow" is no call of Peskow's)."""
    quoted = mention.attributed_to if mention.anaphoric else None
    return {p.key for p in mention.participants if p.kind in ("person", "name") and p.name != quoted}


def _people(mention: EventMention) -> set[str]:
    """Keys of the people a mention names (a ship or an unknown name makes no group of callers)."""
    return {p.key for p in mention.participants if p.kind == "person"}


def _others(mention: EventMention) -> set[str]:
    """Keys of the organisations, countries and places a mention names: common to many
    happenings of a story, so they add to the evidence but never tell happenings apart."""
    return {p.key for p in mention.participants if p.kind not in ("person", "name")}


def _said(mention: EventMention, when: Period) -> Status:
    """What a mention can say of an event dated ``when``: an article published before that date
    cannot report it as held, only as planned ("In mid-June the busy season begins", merged
    with a strike due after publication, does not make the strike occurred)."""
    before = mention.published is not None and mention.published.last < when.first
    return Status.PLANNED if before and mention.status is Status.OCCURRED else mention.status


def _latest_status(mentions: list[EventMention], when: Period) -> Status:
    """The status of the latest evidence; a heading's only where no body sentence speaks.  Each
    article says one status: a definite one where it gives one (a call it reports as held beats
    its own mention of the plan), else a plan or a claim, and among those the one most of its
    sentences give, so that one sentence of a long article (a denial of a side issue) does not
    overrule the rest of it; an equal count goes to the weightier.  An event dated after an
    article's publication is at most planned in it (:func:`_said`)."""
    body = [m for m in mentions if not m.heading] or mentions
    statuses: dict[str, Counter[Status]] = {}
    for mention in body:
        statuses.setdefault(mention.doc_id, Counter())[_said(mention, when)] += 1

    def said(counts: Counter[Status]) -> Status:
        definite = _STATUS_WEIGHT[Status.OCCURRED]
        return max(counts, key=lambda s: (_STATUS_WEIGHT[s] >= definite, counts[s], _STATUS_WEIGHT[s]))

    def evidence(m: EventMention) -> tuple[date, int]:
        published = m.published.last if m.published is not None else date.min
        return (published, _STATUS_WEIGHT[said(statuses[m.doc_id])])

    return said(statuses[max(body, key=evidence).doc_id])


def _participants(mentions: list[EventMention]) -> list[Participant]:
    """Participants of an event, most mentioned first, each under its fullest name."""
    counts: Counter[str] = Counter()
    best: dict[str, Participant] = {}
    for mention in mentions:
        for participant in mention.participants:
            counts[participant.key] += 1
            keep_fullest(best, participant)
    kind_order = {"person": 0, "organisation": 1, "country": 2, "place": 3, "name": 4}
    first_seen = {key: i for i, key in enumerate(counts)}
    ranked = sorted(counts, key=lambda key: (kind_order.get(best[key].kind, 3), -counts[key], first_seen[key]))
    return [best[key] for key in ranked[:MAX_PARTICIPANTS]]


def _representative(mentions: list[EventMention], date: Period, status: Status) -> EventMention:
    """The mention that says it best: body text, not a heading; it gives the event's date and
    states its status (a call held is not titled by its announcement), else gives the date, else
    the status; it tells the event rather than referring back to it, is a full sentence, dated by
    its own words, prominent, short."""
    return max(
        mentions,
        key=lambda m: (
            not m.heading,
            m.date == date and m.status is status,
            m.date == date,
            m.status is status,
            not m.anaphoric,
            m.text.rstrip(CLOSING_QUOTATION_MARKS).endswith((".", "!", "?")),
            m.time_text is not None,
            m.prominence,
            -len(m.text),
        ),
    )


def _title(sentence: str) -> str:
    """A headline for the event: its best sentence, cut at a clause break or a word limit."""
    words = sentence.split()
    if len(words) <= TITLE_MAX_WORDS:
        return sentence.strip()
    head = " ".join(words[:TITLE_MAX_WORDS])
    cut = max(head.rfind(mark) for mark in (",", ";", ":", " - ", " – "))
    if cut >= len(head) // 2:
        head = head[:cut]
    return head.rstrip(" ,;:-–") + " …"


def _build_event(cluster: _Cluster) -> Event:
    mentions = sorted(cluster.mentions, key=lambda m: (m.doc_id, m.sentence))
    assert cluster.date is not None
    conflicts: dict[str, Conflict] = {}
    for mention in mentions:
        if not mention.anaphoric and not mention.date.compatible(cluster.date):
            conflict = conflicts.setdefault(mention.date.value, Conflict(mention.date, []))
            if mention.doc_id not in conflict.docs:
                conflict.docs.append(mention.doc_id)
    status = _latest_status(mentions, cluster.date)
    best = _representative(mentions, cluster.date, status)
    date = cluster.date if any(not m.anaphoric for m in mentions) else cluster.date.with_mod(Mod.APPROX)
    return Event(
        id=cluster.id,
        date=date,
        status=status,
        title=_title(best.text),
        summary=best.text,
        participants=_participants(mentions),
        mentions=mentions,
        conflicts=list(conflicts.values()),
        background=all(m.background for m in mentions),
        timezone=_timezone(mentions, date),
    )


def _timezone(mentions: list[EventMention], date: Period) -> str | None:
    """The zone of the event's clock time: the one its sources that give that time name."""
    if date.precision is not Precision.TIME:
        return None
    return next((m.timezone for m in mentions if m.timezone and m.date.value == date.value), None)


def merge_order(mention: EventMention) -> tuple[bool, bool, int, date, str, int]:
    """Dated, precise body mentions found events; vague ones, headings and references join
    them later."""
    return (
        mention.anaphoric,
        mention.heading,
        -mention.date.precision.rank,
        mention.date.first,
        mention.doc_id,
        mention.sentence,
    )


def merge(mentions: Iterable[EventMention]) -> list[Event]:
    """Events from a collection of mentions (an :class:`EventIndex` filled in a good order)."""
    index = EventIndex()
    for mention in sorted(mentions, key=merge_order):
        index.add(mention)
    return index.events()
