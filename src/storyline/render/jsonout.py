"""The JSON contract (``--format json``): documents, events with their sources, input errors.

Key names are stable within a major version; new keys may be added in a minor version and
readers should ignore keys they do not know.  docs/json-contract.md documents every key.
"""

from __future__ import annotations

import json
from typing import Any

from storyline.dates import Period
from storyline.model import Conflict, Document, Event, EventMention, InputError, Participant, Timeline
from storyline.render.common import chronological

VERSION = "1.2"
"""Contract version: the major part changes only when a key is renamed, removed or retyped."""

JsonObject = dict[str, Any]


def _date(period: Period) -> JsonObject:
    """A date as the contract writes it: value, precision and modifier."""
    mod = period.mod.value if period.mod is not None else None
    return {"date": period.value, "precision": period.precision.value, "mod": mod}


def document_json(doc: Document, *, with_text: bool = False) -> JsonObject:
    data: JsonObject = {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.value if doc.published else None,
        "published_precision": doc.published.precision.value if doc.published else None,
        "published_source": doc.published_source,
        "lang": doc.lang,
        "source": doc.source,
        "url": doc.url,
        "outlet": doc.outlet,
        "duplicate_of": doc.duplicate_of,
        "teaser": doc.teaser,
    }
    if with_text:
        data["text"] = doc.text
    return data


def source_json(mention: EventMention) -> JsonObject:
    return {
        "doc": mention.doc_id,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "time_text": mention.time_text,
        "time_value": mention.time_value,
        **_date(mention.date),
        "status": mention.status.value,
        "attributed_to": mention.attributed_to,
        "quote": mention.text,
    }


def participant_json(participant: Participant) -> JsonObject:
    return {"name": participant.name, "key": participant.key, "kind": participant.kind}


def conflict_json(conflict: Conflict) -> JsonObject:
    return {
        **_date(conflict.date),
        "docs": list(conflict.docs),
    }


def event_json(event: Event) -> JsonObject:
    return {
        "id": event.id,
        **_date(event.date),
        "status": event.status.value,
        "title": event.title,
        "summary": event.summary,
        "participants": [participant_json(participant) for participant in event.participants],
        "salience": round(event.salience, 4),
        "background": event.background,
        "timezone": event.timezone,
        "conflicts": [conflict_json(conflict) for conflict in event.conflicts],
        "sources": [source_json(mention) for mention in event.mentions],
    }


def error_json(error: InputError) -> JsonObject:
    return {"source": error.source, "error": error.error}


def timeline_json(timeline: Timeline, *, with_text: bool = False) -> JsonObject:
    """The contract as a plain object (what :func:`render_json` serialises)."""
    return {
        "version": VERSION,
        "documents": [document_json(doc, with_text=with_text) for doc in timeline.documents],
        "events": [event_json(event) for event in chronological(timeline.events)],
        "errors": [error_json(error) for error in timeline.errors],
    }


def render_json(timeline: Timeline, *, with_text: bool = False) -> str:
    return json.dumps(timeline_json(timeline, with_text=with_text), ensure_ascii=False, indent=2) + "\n"
