"""The story desk's store: an incremental SQLite store of documents, their layers and events.

``storyline ingest`` fills it, ``storyline serve`` serves it, ``storyline build --db`` reads a
timeline from it through :func:`timeline_from_store`, ``storyline summarise --db`` a summary
through :func:`summary_from_store`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.model import Timeline
from storyline.store.core import DEFAULT_STORY, EditError, EventFilter, IngestReport, Store, UnknownEvent

if TYPE_CHECKING:
    from storyline.tls import Summary

__all__ = [
    "DEFAULT_STORY",
    "EditError",
    "EventFilter",
    "IngestReport",
    "Store",
    "UnknownEvent",
    "summary_from_store",
    "timeline_from_store",
]


def timeline_from_store(
    db_path: str | Path, story: str = DEFAULT_STORY, query: str | None = None, max_events: int | None = None
) -> Timeline:
    """The timeline of a stored story (edits applied, hidden events left out)."""
    store = _open(db_path, story)
    try:
        return store.timeline(query=query, max_events=max_events)
    finally:
        store.close()


def summary_from_store(
    db_path: str | Path,
    story: str = DEFAULT_STORY,
    *,
    max_dates: int,
    sentences_per_date: int,
    keywords: Iterable[str] = (),
) -> Summary:
    """A stored story summarised as ``storyline summarise`` summarises articles."""
    store = _open(db_path, story)
    try:
        return store.summary(max_dates=max_dates, sentences_per_date=sentences_per_date, keywords=keywords)
    finally:
        store.close()


def _open(db_path: str | Path, story: str) -> Store:
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"no store at {db_path}")
    return Store(db_path, story)
