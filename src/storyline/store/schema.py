"""The store's schema as an ordered list of migrations.

``schema_version`` holds the number of migrations applied; opening a store applies the missing
ones in order, all in one transaction, so an old store file is upgraded in place.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Stories, documents with their derived layers, event assignments, materialised events, edits."""
    _execute_all(
        conn,
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            revision INTEGER NOT NULL DEFAULT 0  -- bumped by every write: a cheap change check
        );
        CREATE TABLE documents (
            story_id INTEGER NOT NULL REFERENCES stories(id),
            doc_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            seq INTEGER NOT NULL,               -- arrival order: mentions are re-added in it
            title TEXT NOT NULL,
            published TEXT,                     -- ISO value at its precision
            lang TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            duplicate_of TEXT,
            meta TEXT NOT NULL,                 -- JSON: codec.document_meta
            text TEXT NOT NULL,
            added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            PRIMARY KEY (story_id, doc_id)
        );
        CREATE TABLE sentences (
            story_id INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (story_id, doc_id, idx)
        );
        CREATE TABLE timexes (
            story_id INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (story_id, doc_id, idx)
        );
        CREATE TABLE mentions (
            story_id INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            event_id TEXT NOT NULL,             -- the event this mention is assigned to
            data TEXT NOT NULL,
            PRIMARY KEY (story_id, doc_id, idx)
        );
        CREATE INDEX mentions_by_event ON mentions (story_id, event_id);
        CREATE TABLE events (
            story_id INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            first_day TEXT NOT NULL,            -- the span the (possibly re-dated) date covers
            last_day TEXT NOT NULL,
            precision_rank INTEGER NOT NULL,
            status TEXT NOT NULL,
            hidden INTEGER NOT NULL DEFAULT 0,
            background INTEGER NOT NULL,        -- only background facts ("since 1869 …")
            search TEXT NOT NULL,               -- lower-cased title, summary and participants
            langs TEXT NOT NULL,                -- space-separated languages of the sources
            data TEXT NOT NULL,                 -- JSON: the Event without mentions, edits applied
            api TEXT NOT NULL,                  -- JSON: the event as GET /api/events lists it
            PRIMARY KEY (story_id, event_id)
        );
        CREATE INDEX events_by_date ON events (story_id, first_day, precision_rank);
        CREATE TABLE event_participants (
            story_id INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            key TEXT NOT NULL,                  -- Participant.key: person:putin, country:RU …
            name TEXT NOT NULL,
            PRIMARY KEY (story_id, key, event_id)
        );
        CREATE TABLE edits (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            story_id INTEGER NOT NULL,
            kind TEXT NOT NULL,                 -- merge | split | hide | redate | rename
            event_id TEXT NOT NULL,
            payload TEXT NOT NULL,              -- JSON, kind-specific
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX edits_by_event ON edits (story_id, event_id);
        """,
    )


def _v2_copies_checked_and_sort_day(conn: sqlite3.Connection) -> None:
    """How far (in document ``seq``) wire copies are marked across ingests, not only within a
    batch; and the day an event sorts at, where its date likely lies ("mid-April" after 3 April)."""
    _execute_all(
        conn,
        """
        ALTER TABLE stories ADD COLUMN copies_checked INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN sort_day TEXT NOT NULL DEFAULT '';
        UPDATE events SET sort_day = first_day;
        CREATE INDEX events_in_order ON events (story_id, sort_day, precision_rank)
        """,
    )


def _v3_salience_and_date_value(conn: sqlite3.Connection) -> None:
    """Each event's salience, so that the event list orders a day's events as ``storyline build``
    does (the most salient first), and its date value, which orders times within a day.  Events
    written before have no salience (``NULL``): opening the store re-writes them."""
    _execute_all(
        conn,
        """
        ALTER TABLE events ADD COLUMN salience REAL;
        ALTER TABLE events ADD COLUMN date_value TEXT NOT NULL DEFAULT '';
        UPDATE events SET date_value = json_extract(api, '$.date')
        """,
    )


def _v4_teaser_sources(conn: sqlite3.Connection) -> None:
    """A teaser's source is its article's file and its number in the list (``teaser``), not the
    ``path~N`` that names no file: re-written in the stored metadata of ``<id>~N`` documents."""
    rows = conn.execute("SELECT rowid, doc_id, meta FROM documents WHERE doc_id LIKE '%~%'").fetchall()
    for rowid, doc_id, meta_text in rows:
        meta = json.loads(meta_text)
        number = doc_id.rpartition("~")[2]
        source = meta.get("source") or ""
        if number.isdigit() and source.endswith(f"~{number}") and meta.get("teaser") is None:
            meta.update(source=source.removesuffix(f"~{number}"), teaser=int(number))
            conn.execute(
                "UPDATE documents SET meta = ? WHERE rowid = ?",
                (json.dumps(meta, ensure_ascii=False, separators=(",", ":")), rowid),
            )


def _v5_lookups_for_replacing(conn: sqlite3.Connection) -> None:
    """Indexes for what replacing or retracting a document looks up: its wire copies, and the
    participant rows of each event it touched (without them, each look-up read the whole story)."""
    _execute_all(
        conn,
        """
        CREATE INDEX IF NOT EXISTS documents_by_original ON documents (story_id, duplicate_of);
        CREATE INDEX IF NOT EXISTS event_participants_by_event ON event_participants (story_id, event_id)
        """,
    )


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_copies_checked_and_sort_day,
    _v3_salience_and_date_value,
    _v4_teaser_sources,
    _v5_lookups_for_replacing,
]


def _execute_all(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements inside the open transaction (``executescript`` would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migrations applied (0 for a new file)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    row = conn.execute("SELECT version FROM schema_version").fetchone() if exists else None
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this store lacks; return the resulting version.

    A current store is only read (no write lock is taken).  Raises ``RuntimeError`` for a store
    written by a newer storyline.
    """
    version = schema_version(conn)
    if version > len(MIGRATIONS):
        raise RuntimeError(f"store schema version {version} is newer than this storyline supports")
    if version == len(MIGRATIONS):
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        version = schema_version(conn)  # another process may have migrated meanwhile
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            migration(conn)
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)
