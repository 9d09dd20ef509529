"""The story desk's store: an incremental SQLite store of documents, their layers and events.

``storyline ingest`` fills it, ``storyline serve`` serves it, ``storyline build --db`` reads a
timeline from it through :func:`timeline_from_store`.
"""

from __future__ import annotations

from pathlib import Path

from storyline.model import Timeline
from storyline.store.core import DEFAULT_STORY, EditError, EventFilter, IngestReport, Store, UnknownEvent

__all__ = [
    "DEFAULT_STORY",
    "EditError",
    "EventFilter",
    "IngestReport",
    "Store",
    "UnknownEvent",
    "timeline_from_store",
]


def timeline_from_store(
    db_path: str | Path, story: str = DEFAULT_STORY, query: str | None = None, max_events: int | None = None
) -> Timeline:
    """The timeline of a stored story (edits applied, hidden events left out)."""
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"no store at {db_path}")
    store = Store(db_path, story)
    try:
        return store.timeline(query=query, max_events=max_events)
    finally:
        store.close()
