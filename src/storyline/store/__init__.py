"""The story desk's store: an incremental SQLite store of documents, their layers and events.

``storyline ingest`` fills it, ``storyline serve`` serves it, ``storyline build --db`` reads a
timeline from it through :func:`timeline_from_store`, ``storyline summarise --db`` a summary
through :func:`summary_from_store`; these, and ``storyline ingest --reanalyse``, open only
stories the store holds (:func:`stories`, :func:`open_story`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.model import Timeline
from storyline.render.common import counted
from storyline.store.core import DEFAULT_STORY, EditError, EventFilter, IngestReport, NotAStore, Store, UnknownEvent

if TYPE_CHECKING:
    from storyline.tls import Summary

__all__ = [
    "DEFAULT_STORY",
    "EditError",
    "EventFilter",
    "IngestReport",
    "NotAStore",
    "Store",
    "UnknownEvent",
    "UnknownStory",
    "chosen_story",
    "open_story",
    "stories",
    "summary_from_store",
    "timeline_from_store",
]


class UnknownStory(LookupError):
    """A story that a store does not hold; the message lists the ones it does."""

    def __init__(self, db_path: str | Path, story: str | None, held: dict[str, int]) -> None:
        listed = ", ".join(f"{name} ({counted(count, 'document')})" for name, count in held.items()) or "none"
        if story is None:
            super().__init__(f"no story named, and {db_path} holds several; name one of: {listed}")
        else:
            super().__init__(f"no story {story!r} in {db_path}; its stories: {listed}")


def stories(db_path: str | Path) -> dict[str, int]:
    """The stories a store file holds, by name, with their number of documents (read only: a
    missing file is not created).  A file that is no store raises :class:`NotAStore`."""
    try:
        with closing(sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)) as conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'").fetchone() is None:
                return {}
            rows = conn.execute(
                "SELECT s.name, (SELECT COUNT(*) FROM documents d WHERE d.story_id = s.id)"
                " FROM stories s ORDER BY s.name"
            ).fetchall()
    except sqlite3.DatabaseError as error:
        raise NotAStore(f"{db_path} is no storyline store ({error})") from None
    return {name: int(count) for name, count in rows}


def chosen_story(db_path: str | Path, story: str | None) -> str:
    """The story meant where ``story`` may be left out: the one named, else the store's only
    story, else ``default``; :class:`UnknownStory` when it holds several and none is ``default``.
    Nothing is written (a missing file is not created)."""
    if story is not None or not Path(db_path).is_file():
        return story or DEFAULT_STORY
    held = stories(db_path)
    if len(held) == 1:
        return next(iter(held))
    if held and DEFAULT_STORY not in held:
        raise UnknownStory(db_path, None, held)
    return DEFAULT_STORY


def timeline_from_store(
    db_path: str | Path, story: str = DEFAULT_STORY, query: str | None = None, max_events: int | None = None
) -> Timeline:
    """The timeline of a stored story (edits applied, hidden events left out)."""
    store = open_story(db_path, story)
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
    store = open_story(db_path, story)
    try:
        return store.summary(max_dates=max_dates, sentences_per_date=sentences_per_date, keywords=keywords)
    finally:
        store.close()


def open_story(db_path: str | Path, story: str) -> Store:
    """A story the store holds, to read or to work on what it holds: neither the file nor the
    story is created (:class:`FileNotFoundError`, :class:`UnknownStory`)."""
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"no store at {db_path}")
    held = stories(db_path)
    if story not in held:
        raise UnknownStory(db_path, story, held)
    return Store(db_path, story)
