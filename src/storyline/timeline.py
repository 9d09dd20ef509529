"""Salience, selection and sizing (stage: events → timeline).

Salience follows what the timeline-summarisation literature finds predictive: how many
independent sources report an event (wire copies count once), how prominently (headline,
lead), how often, and how definitely (a held call over a rumour); background facts rank low.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from storyline.mentions import is_compound_of, lemma
from storyline.model import Document, Event, InputError, Status, Timeline

_STATUS_FACTOR = {
    Status.OCCURRED: 1.0,
    Status.PLANNED: 0.9,
    Status.CANCELLED: 0.8,
    Status.DENIED: 0.8,
    Status.REPORTED: 0.7,
}
BACKGROUND_FACTOR = 0.3
# A happening named by an event word outranks a sentence that is merely dated.
UNCLASSED_FACTOR = 0.8
# A date the sources state in words outranks one taken from publication alone.
STATED_DATE_BONUS = 0.1
_QUERY_WORD = re.compile(r"\w+", re.UNICODE)


def independent_sources(event: Event, documents: dict[str, Document]) -> int:
    """Distinct original reports behind an event: wire copies count once with their original."""
    return count_originals(event.doc_ids, {d: doc.duplicate_of for d in event.doc_ids if (doc := documents.get(d))})


def count_originals(doc_ids: Iterable[str], duplicate_of: Mapping[str, str | None]) -> int:
    """How many distinct originals the documents are: a wire copy counts as the document it
    copies (``duplicate_of``), any other document as itself."""
    return len({duplicate_of.get(doc_id) or doc_id for doc_id in doc_ids})


def salience(event: Event, documents: dict[str, Document]) -> float:
    """A score in (0, ~1]: sources, prominence, mentions, a stated date, certainty."""
    return salience_of(event, independent_sources(event, documents))


def salience_of(event: Event, sources: int) -> float:
    """:func:`salience` from the number of independent sources, where a caller (the story
    desk) counts them itself."""
    prominence = max((m.prominence for m in event.mentions), default=0.0)
    score = (
        0.45 * min(1.0, math.log1p(sources) / math.log(8))
        + 0.35 * prominence
        + 0.2 * min(1.0, math.log1p(len(event.mentions)) / math.log(12))
    )
    if any(m.time_text for m in event.mentions):
        score += STATED_DATE_BONUS
    score *= _STATUS_FACTOR[event.status]
    if not any(m.event_class for m in event.mentions):
        score *= UNCLASSED_FACTOR
    if event.background:
        score *= BACKGROUND_FACTOR
    return round(score, 4)


def matches_query(event: Event, query: str) -> bool:
    """True when the event's sentences use a word of the query: as written or as lemma, or,
    in a language that writes compounds as one word, as the head of a compound ("Streik"
    finds "Warnstreik"; "Rat" does not find "Beratung")."""
    words = {w.lower() for w in _QUERY_WORD.findall(query)}
    for mention in event.mentions:
        wanted = words | {lemma(w, mention.lang) for w in words}
        told = mention.lemmas | {w.lower() for w in _QUERY_WORD.findall(mention.text)}
        if told & wanted or any(is_compound_of(word, w, mention.lang) for word in told for w in wanted):
            return True
    return False


def select(
    events: list[Event],
    documents: list[Document],
    *,
    query: str | None = None,
    max_events: int | None = None,
    errors: list[InputError] | None = None,
) -> Timeline:
    """Score salience, drop off-topic events for ``query``, keep the ``max_events`` most
    salient, and return them in date order."""
    by_id = {doc.id: doc for doc in documents}
    for event in events:
        event.salience = salience(event, by_id)
    kept = [e for e in events if not query or matches_query(e, query)]
    if max_events is not None and len(kept) > max_events:
        kept = sorted(kept, key=lambda e: (-e.salience, e.date.sort_key(), e.id))[:max_events]
    kept.sort(key=lambda e: (e.date.sort_key(), -e.salience, e.id))
    return Timeline(documents=documents, events=kept, errors=list(errors or []))
