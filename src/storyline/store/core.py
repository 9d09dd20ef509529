"""The story desk's store: documents, their derived layers and the merged events in SQLite.

Writes happen in batches, each one ``BEGIN IMMEDIATE`` transaction that changes the documents,
their sentences, time expressions and mentions, the mentions' event assignments and the
materialised ``events`` rows together, so a killed process leaves either all of a batch or
none of it.  Events are merged incrementally: an :class:`~storyline.events.EventIndex` is
restored from the stored assignments (``add_to``), then only new mentions are ``add``-ed and
only replaced or retracted documents removed; only the events this touched are re-written.
Merges and splits are held in the mentions' assignments: an edit lists the keys of the mentions
it placed, which move to their successors when an article is replaced, and those successors
go to the events the desk put their predecessors in (``_successors_held``).
Each document is kept as its reader gave it (text and metadata), so that after an upgrade
:meth:`Store.reanalyse` can feed the stored documents through the same path as changed files.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import sqlite3
import threading
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import timedelta
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from storyline import events, ingest, pipeline, timeline
from storyline.dates import Period
from storyline.ingest.duplicates import COPY_WINDOW_DAYS, publication_order
from storyline.model import Document, Event, EventMention, InputError, Sentence, Status, TimeExpression, Timeline
from storyline.render.common import date_label, section_label, zone_note
from storyline.store import codec
from storyline.store.schema import migrate

if TYPE_CHECKING:
    from storyline.tls import Summary

DEFAULT_STORY = "default"


@dataclass
class IngestReport:
    """What one ingest did, by document id."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # ids that two different inputs share

    @property
    def read(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged)

    @property
    def unreadable(self) -> list[InputError]:
        """The errors of inputs that were not read (others were read without the part at fault)."""
        return [error for error in self.errors if not error.kept]


class _AsRead(NamedTuple):
    """A document as its reader gave it, before analysis fills in its language: its content
    hash and metadata, stored so that a re-analysis starts from the same document and arrives
    at the same hash as ingesting the article again would."""

    digest: str
    meta: dict[str, Any]


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``GET /api/events``; ``None`` means no filter.

    ``date_from`` and ``date_to`` (ISO, any precision) keep the events whose date lies wholly
    inside the range from the first day of ``date_from`` to the last day of ``date_to``.
    """

    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None
    participant: str | None = None
    lang: str | None = None
    text: str | None = None
    include_hidden: bool = False
    include_background: bool = True
    limit: int = 500
    offset: int = 0


class EditError(ValueError):
    """An edit that cannot be applied (bad date, nothing to split …)."""


class UnknownEvent(EditError):
    """An edit names an event the story does not have (or no longer has)."""


class NotAStore(ValueError):
    """A file given as a store that SQLite cannot read as one."""


class Store:
    """One story in a store file.  Safe to share between threads (one connection each)."""

    def __init__(self, path: str | Path, story: str = DEFAULT_STORY) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.story = story
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._index: tuple[int, events.EventIndex] | None = None
        try:
            conn = self._conn()
            migrate(conn)
        except sqlite3.DatabaseError as error:
            raise NotAStore(f"{path} is no storyline store ({error})") from None
        # a story the store lacks reads as empty; its first write creates it (opening never does)
        self.story_id = self._story_row_id(conn)
        # what a killed ingest or an older storyline left to do
        self._mark_copies_across_ingests()
        self._rewrite_unscored_events()

    # -- connections and transactions ----------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=60, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crashed process loses nothing
            self._local.conn = conn
        return conn

    def _story_row_id(self, conn: sqlite3.Connection) -> int:
        """The story's row id; 0, which no row has, while the store lacks the story."""
        row = conn.execute("SELECT id FROM stories WHERE name = ?", (self.story,)).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; bumps the story's revision on commit."""
        conn = self._conn()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("INSERT OR IGNORE INTO stories (name) VALUES (?)", (self.story,))
                self.story_id = self._story_row_id(conn)
                yield conn
                conn.execute("UPDATE stories SET revision = revision + 1 WHERE name = ?", (self.story,))
                revision = self.revision()
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                self.story_id = self._story_row_id(conn)  # the story may have been created in vain
                self._index = None  # it may hold changes that were rolled back
                raise
            if self._index is not None:
                self._index = (revision, self._index[1])

    def revision(self) -> int:
        """A number that changes whenever anything in this story changes."""
        row = self._conn().execute("SELECT revision FROM stories WHERE name = ?", (self.story,)).fetchone()
        return int(row[0]) if row else 0

    # -- the event index ------------------------------------------------------------------
    def _event_index(self, conn: sqlite3.Connection) -> events.EventIndex:
        """The index as stored: reused while no other writer changed the story, else restored."""
        revision = self.revision()
        if self._index is not None and self._index[0] == revision:
            return self._index[1]
        # rowid order is arrival order: a replaced document's mentions are inserted anew
        rows = conn.execute("SELECT event_id, data FROM mentions WHERE story_id = ? ORDER BY rowid", (self.story_id,))
        index = _restored(rows)
        self._index = (revision, index)
        return index

    def _edited_events(self, conn: sqlite3.Connection, event_ids: set[str]) -> None:
        """Re-write events whose assignments an edit changed.  Each event is built from its own
        mentions alone, so only theirs are read; the story's index is dropped, to be restored
        by the next ingest."""
        self._index = None
        rows = conn.execute(
            "SELECT event_id, data FROM mentions WHERE story_id = ?"
            " AND event_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            (self.story_id, json.dumps(sorted(event_ids))),
        )
        self._materialise(conn, _restored(rows), event_ids)

    def _assigned_events(self, conn: sqlite3.Connection, doc_id: str) -> set[str]:
        # no DISTINCT: it would make SQLite walk the story's mentions by event, not the document's
        rows = conn.execute("SELECT event_id FROM mentions WHERE story_id = ? AND doc_id = ?", (self.story_id, doc_id))
        return {row[0] for row in rows}

    def _materialise(self, conn: sqlite3.Connection, index: events.EventIndex, event_ids: set[str]) -> None:
        """Re-write the ``events`` rows of ``event_ids`` from the index, edits applied."""
        if not event_ids:
            return
        current = {event.id: event for event in index.events(event_ids)}
        for event_id in event_ids:
            self._delete_event_rows(conn, event_id)
            event = current.get(event_id)
            if event is not None:
                self._write_event(conn, event)

    def _independent_sources(self, conn: sqlite3.Connection, doc_ids: list[str]) -> int:
        """Documents counted once per original: wire copies (as marked when stored) count with it."""
        rows = conn.execute(
            "SELECT doc_id, duplicate_of FROM documents"
            " WHERE story_id = ? AND doc_id IN (SELECT value FROM json_each(?))",
            (self.story_id, json.dumps(doc_ids)),
        )
        return timeline.count_originals(doc_ids, dict(rows.fetchall()))

    def _delete_event_rows(self, conn: sqlite3.Connection, event_id: str) -> None:
        for table in ("events", "event_participants"):
            conn.execute(f"DELETE FROM {table} WHERE story_id = ? AND event_id = ?", (self.story_id, event_id))

    def _write_event(self, conn: sqlite3.Connection, event: Event) -> None:
        """Write an event's rows, edits applied, scored as ``storyline build`` scores it."""
        hidden = self._apply_presentation_edits(conn, event)
        doc_ids = event.doc_ids
        independent = self._independent_sources(conn, doc_ids)
        event.salience = timeline.salience_of(event, independent)
        data = _event_json(event)
        search = " ".join([event.title, event.summary, *(p.name for p in event.participants)]).lower()
        langs = sorted({m.lang for m in event.mentions})
        api = _event_api(data, hidden, langs, len(doc_ids), independent)
        conn.execute(
            "INSERT INTO events (story_id, event_id, first_day, last_day, sort_day, precision_rank, date_value,"
            " salience, status, hidden, background, search, langs, data, api)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.story_id,
                event.id,
                event.date.first.isoformat(),
                event.date.last.isoformat(),
                event.date.likely_span()[0].isoformat(),
                event.date.precision.rank,
                event.date.value,
                event.salience,
                event.status.value,
                int(hidden),
                int(event.background),
                search,
                " ".join(langs),
                _dumps(data),
                _dumps(api),
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_participants (story_id, event_id, key, name) VALUES (?, ?, ?, ?)",
            [(self.story_id, event.id, p.key, p.name) for p in event.participants],
        )

    def _apply_presentation_edits(self, conn: sqlite3.Connection, event: Event) -> bool:
        """Apply the stored rename/re-date/hide edits of ``event`` in order; return whether hidden."""
        hidden = False
        rows = conn.execute(
            "SELECT kind, payload FROM edits WHERE story_id = ? AND event_id = ? ORDER BY seq",
            (self.story_id, event.id),
        )
        for kind, payload_text in rows:
            payload = json.loads(payload_text)
            if kind == "rename":
                event.title = payload["title"]
            elif kind == "redate":
                event.date = Period.parse(payload["date"], payload.get("mod") or None)
            elif kind == "hide":
                hidden = bool(payload["hidden"])
        return hidden

    # -- ingest ---------------------------------------------------------------------------
    def stored_hash(self, doc_id: str) -> str | None:
        row = (
            self._conn()
            .execute("SELECT content_hash FROM documents WHERE story_id = ? AND doc_id = ?", (self.story_id, doc_id))
            .fetchone()
        )
        return str(row[0]) if row else None

    def ingest(
        self,
        items: Iterable[Document | InputError],
        *,
        batch_size: int = 100,
        workers: int = 1,
        on_error: Callable[[InputError], None] | None = None,
        on_batch: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Add new documents and replace changed ones; unchanged ones cost only a hash.

        Only new and changed documents are analysed (in ``workers`` processes when > 1); every
        ``batch_size`` of them are written in one transaction, so an interrupted ingest can
        simply be run again.
        """
        return self._store(items, None, batch_size, workers, on_error, on_batch)

    def reanalyse(
        self,
        *,
        batch_size: int = 100,
        workers: int = 1,
        on_error: Callable[[InputError], None] | None = None,
        on_batch: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Analyse afresh, from their stored text and metadata, the story's documents that
        another storyline analysed (their content hash is not this storyline's); they are
        ``replaced`` as an ingest replaces a changed article, the others ``unchanged``.

        What reading the files did (the publication date refined from a page stamp, teaser
        lists cut off) stays as stored.  Batches are transactions as in :meth:`ingest`, so an
        interrupted run can simply be run again; a document another writer changes or retracts
        meanwhile is left as that writer left it.
        """
        stored: dict[str, str] = {}
        metas: dict[str, dict[str, Any]] = {}
        return self._store(self._stored_as_read(stored, metas), stored, batch_size, workers, on_error, on_batch, metas)

    def _store(
        self,
        items: Iterable[Document | InputError],
        replacing: dict[str, str] | None,
        batch_size: int,
        workers: int,
        on_error: Callable[[InputError], None] | None,
        on_batch: Callable[[IngestReport], None] | None,
        stored_meta: dict[str, dict[str, Any]] | None = None,
    ) -> IngestReport:
        """Analyse and store the new and changed documents among ``items``, a batch a
        transaction; with ``replacing`` (hash by document id) only where that is still stored,
        and ``stored_meta`` for documents read back from the store (:meth:`_fresh`)."""
        report = IngestReport()

        def fail(error: InputError) -> None:
            report.errors.append(error)
            if on_error:
                on_error(error)

        as_read: dict[str, _AsRead] = {}
        batch: list[Document] = []

        def flush() -> None:
            self._commit_batch([(d, as_read.pop(d.id)) for d in batch], report, replacing)
            batch.clear()
            if on_batch:
                on_batch(report)

        for doc in self._analysed(self._fresh(items, as_read, report, fail, stored_meta), workers, fail):
            batch.append(doc)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        self._mark_copies_across_ingests()
        return report

    def _rewrite_unscored_events(self) -> None:
        """Re-write the events an older storyline stored without their salience."""
        unscored = "SELECT event_id FROM events WHERE story_id = ? AND salience IS NULL"
        if self._conn().execute(unscored, (self.story_id,)).fetchone() is None:
            return
        with self._write() as conn:
            event_ids = {event_id for (event_id,) in conn.execute(unscored, (self.story_id,))}
            self._materialise(conn, self._event_index(conn), event_ids)

    def _mark_copies_across_ingests(self) -> None:
        """Mark the wire copies among the documents stored since the last check and the stored
        originals published within ``COPY_WINDOW_DAYS`` of them (a batch marks only its own),
        streaming in publication order; re-write the events whose independent sources change.
        An interrupted check is done by the next ingest."""
        if not self._conn().execute(
            "SELECT 1 FROM documents d JOIN stories s ON s.id = d.story_id WHERE s.id = ? AND d.seq > s.copies_checked",
            (self.story_id,),
        ).fetchone():
            return
        with self._write() as conn:
            checked = conn.execute("SELECT copies_checked FROM stories WHERE id = ?", (self.story_id,)).fetchone()[0]
            rows = conn.execute(
                "SELECT doc_id, published, seq, duplicate_of FROM documents WHERE story_id = ?", (self.story_id,)
            ).fetchall()
            fresh = [doc_id for doc_id, _, seq, _ in rows if seq > checked]
            if not fresh:
                return
            published = {doc_id: Period.parse(day) if day else None for doc_id, day, _, _ in rows}
            near = _near_days([published[doc_id] for doc_id in fresh], COPY_WINDOW_DAYS)
            originals = [
                doc_id
                for doc_id, _, seq, duplicate_of in rows
                if seq <= checked and duplicate_of is None and near(published[doc_id])
            ]
            in_order = sorted(fresh + originals, key=lambda doc_id: publication_order(published[doc_id], doc_id))
            marked = ingest.mark_in_order(self._texts_in_order(conn, in_order, published), COPY_WINDOW_DAYS)
            before = {doc_id: duplicate_of for doc_id, _, _, duplicate_of in rows}
            changed = {doc.id: doc.duplicate_of for doc in marked if doc.duplicate_of != before[doc.id]}
            copies_of: dict[str, list[str]] = defaultdict(list)
            for doc_id, duplicate_of in before.items():
                if duplicate_of in changed and doc_id not in changed:
                    copies_of[duplicate_of].append(doc_id)
            touched: set[str] = set()
            for doc_id, original in changed.items():
                # a stored original that turned out to be a copy takes its own copies along
                for copy in [doc_id, *(copies_of[doc_id] if original else [])]:
                    conn.execute(
                        "UPDATE documents SET duplicate_of = ? WHERE story_id = ? AND doc_id = ?",
                        (original, self.story_id, copy),
                    )
                    touched |= self._assigned_events(conn, copy)
            self._materialise(conn, self._event_index(conn), touched)
            last_seq = max(seq for _, _, seq, _ in rows)
            conn.execute("UPDATE stories SET copies_checked = ? WHERE id = ?", (last_seq, self.story_id))

    def _texts_in_order(
        self, conn: sqlite3.Connection, doc_ids: list[str], published: dict[str, Period | None], chunk: int = 500
    ) -> Iterator[Document]:
        """The documents ``doc_ids`` in that order, read a chunk at a time, with only what the
        copy detector reads: text and publication date."""
        for start in range(0, len(doc_ids), chunk):
            wanted = doc_ids[start : start + chunk]
            rows = conn.execute(
                "SELECT doc_id, text FROM documents WHERE story_id = ? AND doc_id IN (SELECT value FROM json_each(?))",
                (self.story_id, json.dumps(wanted)),
            )
            found = {doc_id: Document(doc_id, text, published=published[doc_id]) for doc_id, text in rows}
            yield from (found[doc_id] for doc_id in wanted)

    def _fresh(
        self,
        items: Iterable[Document | InputError],
        as_read: dict[str, _AsRead],
        report: IngestReport,
        fail: Callable[[InputError], None],
        stored_meta: dict[str, dict[str, Any]] | None = None,
    ) -> Iterator[Document]:
        """The new and changed documents among ``items`` (their hashes and metadata as read go
        to ``as_read`` until they are stored); an id seen before counts as unchanged.  Documents
        read back from the store (``stored_meta``: their stored metadata, by id) keep their ids
        and where they were first read from."""
        seen: set[str] = set()
        for item in items:
            if isinstance(item, InputError):
                fail(item)
                continue
            digest = codec.content_hash(item)  # before analysis, which may fill in the language
            if stored_meta is None:  # an input: a same-named article from elsewhere gets an id of its own
                stored_id = self._stored_id(item, digest, report)
                item = item if stored_id == item.id else replace(item, id=stored_id)
            if item.id in seen or self.stored_hash(item.id) == digest:
                report.unchanged.append(item.id)
                continue
            seen.add(item.id)
            if stored_meta is not None:
                meta = stored_meta[item.id]
            else:
                meta = {**codec.document_meta(item), "origin": _origin(item)}
            as_read[item.id] = _AsRead(digest, meta)
            yield item

    def _stored_id(self, doc: Document, digest: str, report: IngestReport) -> str:
        """The id ``doc`` is stored under: its own, unless a stored document of another input
        (a same-named file elsewhere) holds that id with other content.  Such a document gets
        the id plus a digest of where it was read from, stable on every later ingest, so that
        nothing stored is replaced by an unrelated article; an id the input gave itself
        (``own_id``) is kept and replaces, with a notice.  ``digest`` is the content hash,
        which leaves out where a document was read from: the same content moved stays unchanged."""
        conn = self._conn()
        row = conn.execute(
            "SELECT content_hash, meta FROM documents WHERE story_id = ? AND doc_id = ?", (self.story_id, doc.id)
        ).fetchone()
        if row is None or row[0] == digest:
            return doc.id
        stored = json.loads(row[1])
        if _same_input(stored, doc):
            return doc.id
        other = stored.get("source") or "an input without a name"
        if doc.own_id:
            report.notices.append(f"{doc.source} replaces {other}: both give the id {doc.id!r}")
            return doc.id
        article_id = doc.id.rpartition("~")[0] if doc.teaser is not None else doc.id
        moved = conn.execute(
            "SELECT doc_id FROM documents WHERE story_id = ? AND doc_id > ? AND doc_id < ? AND content_hash = ?",
            (self.story_id, f"{article_id}-", f"{article_id}-\U0010ffff", digest),
        ).fetchone()
        if moved is not None:
            return str(moved[0])
        distinct = _distinct_id(doc, article_id)
        if self.stored_hash(distinct) is None:
            report.notices.append(f"{doc.source} is stored as {distinct!r}: {other} already has the id {doc.id!r}")
        return distinct

    def _stored_as_read(
        self, hashes: dict[str, str], metas: dict[str, dict[str, Any]], chunk: int = 500
    ) -> Iterator[Document]:
        """The story's documents as their readers gave them (stored metadata and text, without
        their analysis), in arrival order, read a chunk at a time; their stored hashes go to
        ``hashes``, their stored metadata to ``metas``.  The ids are listed first: re-analysed
        documents are stored anew meanwhile."""
        conn = self._conn()
        arrived = conn.execute("SELECT doc_id FROM documents WHERE story_id = ? ORDER BY seq", (self.story_id,))
        doc_ids = [doc_id for (doc_id,) in arrived]
        for start in range(0, len(doc_ids), chunk):
            wanted = doc_ids[start : start + chunk]
            rows = conn.execute(
                "SELECT doc_id, content_hash, meta, text FROM documents"
                " WHERE story_id = ? AND doc_id IN (SELECT value FROM json_each(?))",
                (self.story_id, json.dumps(wanted)),
            ).fetchall()
            found = {doc_id: (digest, meta, text) for doc_id, digest, meta, text in rows}
            for doc_id in wanted:
                if doc_id in found:  # not retracted meanwhile
                    digest, meta, text = found[doc_id]
                    hashes[doc_id], metas[doc_id] = digest, json.loads(meta)
                    yield codec.from_json(Document, metas[doc_id], text=text)

    @staticmethod
    def _analysed(docs: Iterable[Document], workers: int, fail: Callable[[InputError], None]) -> Iterator[Document]:
        """Analysed documents; in one process a document the analysis fails on is reported and
        skipped (with workers, such a failure stops the ingest after the batches stored so far)."""
        if workers > 1:
            yield from (doc for doc in pipeline.analysed(docs, workers) if isinstance(doc, Document))
            return
        for doc in docs:
            try:
                yield pipeline.analyse(doc)
            except Exception as error:  # one document's failure must not cost the others
                fail(InputError(doc.source or doc.id, f"analysis failed: {error!r}"))

    def _commit_batch(
        self, analysed: list[tuple[Document, _AsRead]], report: IngestReport, replacing: dict[str, str] | None = None
    ) -> None:
        """Store analysed documents and merge their mentions into the events, in one transaction.
        With ``replacing`` (a re-analysis), a document is stored only where it still holds the
        hash listed there: another writer may have changed or retracted it meanwhile."""
        ingest.mark_duplicates([doc for doc, _ in analysed])
        with self._write() as conn:
            index = self._event_index(conn)
            touched: set[str] = set()
            new_mentions: list[tuple[str, int, EventMention]] = []
            # after the checked mark even when the last documents were deleted: a new one is checked
            next_seq = conn.execute(
                "SELECT MAX(COALESCE((SELECT MAX(seq) FROM documents WHERE story_id = s.id), 0), s.copies_checked) + 1"
                " FROM stories s WHERE s.id = ?",
                (self.story_id,),
            ).fetchone()[0]
            anchors = _EditAnchors(conn, self.story_id)
            held: dict[tuple[str, int], str] = {}  # the event a merge or split holds a mention in
            for doc, read in analysed:
                stored = self.stored_hash(doc.id)
                if stored == read.digest or (replacing is not None and stored != replacing[doc.id]):
                    report.unchanged.append(doc.id)  # another writer stored (or retracted) it meanwhile
                    continue
                if stored is not None:
                    held |= self._successors_held(conn, anchors, doc)
                    touched |= self._forget(conn, index, doc.id)
                    report.replaced.append(doc.id)
                else:
                    report.added.append(doc.id)
                self._insert_document(conn, doc, read, next_seq)
                next_seq += 1
                new_mentions += [(doc.id, idx, mention) for idx, mention in enumerate(doc.mentions)]
            anchors.save(conn)
            # the held mentions first, in the events the desk put them in; then the others in the
            # order the merge prefers (precise, dated ones found events)
            new_mentions.sort(key=lambda item: ((item[0], item[1]) not in held, events.merge_order(item[2])))
            for doc_id, idx, mention in new_mentions:
                event_id = held.get((doc_id, idx), "")
                if event_id:
                    index.add_to(mention, event_id)
                else:
                    event_id = index.add(mention)
                touched.add(event_id)
                conn.execute(
                    "INSERT INTO mentions (story_id, doc_id, idx, event_id, data) VALUES (?, ?, ?, ?, ?)",
                    (self.story_id, doc_id, idx, event_id, _dumps(codec.to_json(mention))),
                )
            self._materialise(conn, index, touched)

    def _insert_document(self, conn: sqlite3.Connection, doc: Document, read: _AsRead, seq: int) -> None:
        """Store an analysed document: its metadata as read (``meta``), its analysed language
        (``lang``) and its layers."""
        conn.execute(
            "INSERT INTO documents (story_id, doc_id, content_hash, seq, title, published, lang, url, outlet,"
            " duplicate_of, meta, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.story_id,
                doc.id,
                read.digest,
                seq,
                doc.title,
                doc.published.value if doc.published else None,
                doc.lang,
                doc.url,
                doc.outlet,
                doc.duplicate_of,
                _dumps(read.meta),
                doc.text,
            ),
        )
        conn.executemany(
            "INSERT INTO sentences (story_id, doc_id, idx, data) VALUES (?, ?, ?, ?)",
            [(self.story_id, doc.id, s.index, _dumps(codec.to_json(s))) for s in doc.sentences],
        )
        conn.executemany(
            "INSERT INTO timexes (story_id, doc_id, idx, data) VALUES (?, ?, ?, ?)",
            [(self.story_id, doc.id, i, _dumps(codec.to_json(t))) for i, t in enumerate(doc.timexes)],
        )

    def _successors_held(
        self, conn: sqlite3.Connection, anchors: _EditAnchors, doc: Document
    ) -> dict[tuple[str, int], str]:
        """Before a document is replaced by ``doc``: move the edits' keys of its mentions to
        their successors among ``doc``'s, and return the successors of those a merge or split
        placed, by key, with the event each is held in (where the old mention is).  A mention
        without a successor (its sentence is gone) leaves the edits; they hold for the rest."""
        if doc.id not in anchors.documents:
            return {}
        rows = conn.execute(
            "SELECT idx, event_id, data FROM mentions WHERE story_id = ? AND doc_id = ? ORDER BY idx",
            (self.story_id, doc.id),
        ).fetchall()
        old = [codec.from_json(EventMention, json.loads(data)) for _, _, data in rows]
        moved = {rows[position][0]: new for position, new in _successors(old, doc.mentions).items()}
        placed = anchors.placed(doc.id)
        anchors.rekey(doc.id, moved)
        return {(doc.id, moved[idx]): event_id for idx, event_id, _ in rows if idx in moved and idx in placed}

    def _forget(self, conn: sqlite3.Connection, index: events.EventIndex, doc_id: str) -> set[str]:
        """Remove a document, its derived rows and its evidence; return the events it touched.
        Its wire copies become originals until the next copy check compares them again."""
        touched = self._assigned_events(conn, doc_id)
        index.remove_document(doc_id)
        for table in ("documents", "sentences", "timexes", "mentions"):
            conn.execute(f"DELETE FROM {table} WHERE story_id = ? AND doc_id = ?", (self.story_id, doc_id))
        copies = conn.execute(
            "SELECT doc_id, seq FROM documents WHERE story_id = ? AND duplicate_of = ?", (self.story_id, doc_id)
        ).fetchall()
        if copies:
            conn.execute(
                "UPDATE documents SET duplicate_of = NULL WHERE story_id = ? AND duplicate_of = ?",
                (self.story_id, doc_id),
            )
            conn.execute(
                "UPDATE stories SET copies_checked = MIN(copies_checked, ?) WHERE id = ?",
                (min(seq for _, seq in copies) - 1, self.story_id),
            )
            for copy, _ in copies:
                touched |= self._assigned_events(conn, copy)
        return touched

    def delete_document(self, doc_id: str) -> None:
        """Retract a document: its evidence leaves the events (events left without any vanish)."""
        with self._write() as conn:
            if self.stored_hash(doc_id) is None:
                raise KeyError(doc_id)
            index = self._event_index(conn)
            anchors = _EditAnchors(conn, self.story_id)
            anchors.rekey(doc_id, {})  # its mentions leave the edits, which hold for the rest
            anchors.save(conn)
            self._materialise(conn, index, self._forget(conn, index, doc_id))
        self._mark_copies_across_ingests()  # its copies, released, may copy one another

    # -- edits ----------------------------------------------------------------------------
    def _require_event(self, conn: sqlite3.Connection, event_id: str) -> None:
        row = conn.execute(
            "SELECT 1 FROM events WHERE story_id = ? AND event_id = ?", (self.story_id, event_id)
        ).fetchone()
        if row is None:
            raise UnknownEvent(f"no event {event_id!r}")

    def _anchor(self, conn: sqlite3.Connection, event_id: str) -> list[str]:
        """The keys of an event's mentions: what an edit holds on to when event ids change."""
        rows = conn.execute(
            "SELECT doc_id, idx FROM mentions WHERE story_id = ? AND event_id = ? ORDER BY doc_id, idx",
            (self.story_id, event_id),
        )
        return [_mention_key(doc_id, idx) for doc_id, idx in rows]

    def _record(self, conn: sqlite3.Connection, kind: str, event_id: str, payload: dict[str, Any]) -> int:
        """Store an edit with the anchor of its event, so that :meth:`remerge` can find it again."""
        payload = {**payload, "anchor": self._anchor(conn, event_id)}
        cursor = conn.execute(
            "INSERT INTO edits (story_id, kind, event_id, payload) VALUES (?, ?, ?, ?)",
            (self.story_id, kind, event_id, _dumps(payload)),
        )
        return int(cursor.lastrowid or 0)

    def _presentation_edit(self, kind: str, event_id: str, payload: dict[str, Any]) -> None:
        """Record a rename, re-date or hide and re-write the event's row.

        These edits set values outright, so re-applying them all to the stored (already edited)
        event gives the same result as applying them to the merged one: no index is needed.
        """
        with self._write() as conn:
            self._require_event(conn, event_id)
            self._record(conn, kind, event_id, payload)
            event = self._stored_event(conn, event_id)
            self._delete_event_rows(conn, event_id)
            self._write_event(conn, event)

    def _stored_event(self, conn: sqlite3.Connection, event_id: str) -> Event:
        (data,) = conn.execute(
            "SELECT data FROM events WHERE story_id = ? AND event_id = ?", (self.story_id, event_id)
        ).fetchone()
        rows = conn.execute(
            "SELECT data FROM mentions WHERE story_id = ? AND event_id = ? ORDER BY rowid", (self.story_id, event_id)
        )
        mentions = [codec.from_json(EventMention, json.loads(mention)) for (mention,) in rows]
        return codec.from_json(Event, json.loads(data), mentions=mentions)

    def rename(self, event_id: str, title: str) -> None:
        if not title.strip():
            raise EditError("a title cannot be empty")
        self._presentation_edit("rename", event_id, {"title": title.strip()})

    def hide(self, event_id: str, hidden: bool = True) -> None:
        self._presentation_edit("hide", event_id, {"hidden": hidden})

    def redate(self, event_id: str, date: str, mod: str | None = None) -> None:
        """Set an event's date (any precision: ``2025``, ``2025-06``, ``2025-06-04`` …)."""
        try:
            Period.parse(date, mod or None)
        except ValueError as error:
            raise EditError(str(error)) from error
        self._presentation_edit("redate", event_id, {"date": date.strip(), "mod": mod or None})

    def merge(self, into_id: str, other_id: str) -> None:
        """Fold event ``other_id`` into ``into_id``: its mentions are re-assigned for good."""
        if into_id == other_id:
            raise EditError("cannot merge an event with itself")
        with self._write() as conn:
            self._require_event(conn, into_id)
            self._require_event(conn, other_id)
            self._record(conn, "merge", into_id, {"other": other_id, "other_anchor": self._anchor(conn, other_id)})
            conn.execute(
                "UPDATE mentions SET event_id = ? WHERE story_id = ? AND event_id = ?",
                (into_id, self.story_id, other_id),
            )
            self._edited_events(conn, {into_id, other_id})

    def split(self, event_id: str, mention_keys: list[str]) -> str:
        """Move the mentions ``mention_keys`` (``doc_id#idx``) out into a new event; return its id."""
        with self._write() as conn:
            self._require_event(conn, event_id)
            keys = [_parse_mention_key(key) for key in mention_keys]
            anchor = self._anchor(conn, event_id)
            held = set(anchor)
            chosen = [key for key in keys if _mention_key(*key) in held]
            if not chosen or len(set(chosen)) >= len(anchor):
                raise EditError("choose some, but not all, of the event's mentions to split off")
            moved = [_mention_key(d, i) for d, i in chosen]
            seq = self._record(conn, "split", event_id, {"mentions": moved})
            new_id = f"{event_id}.{seq}"
            payload = {"mentions": moved, "new": new_id, "anchor": anchor}
            conn.execute("UPDATE edits SET payload = ? WHERE seq = ?", (_dumps(payload), seq))
            conn.executemany(
                "UPDATE mentions SET event_id = ? WHERE story_id = ? AND doc_id = ? AND idx = ?",
                [(new_id, self.story_id, *key) for key in chosen],
            )
            self._edited_events(conn, {event_id, new_id})
            return new_id

    def edits(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """The story's edits in order, or only those of ``event_id``."""
        event_clause = "" if event_id is None else "AND event_id = ?"
        rows = self._conn().execute(
            f"SELECT seq, kind, event_id, payload, created_at FROM edits"
            f" WHERE story_id = ? {event_clause} ORDER BY seq",
            (self.story_id,) if event_id is None else (self.story_id, event_id),
        )
        result = []
        for seq, kind, event_id, payload_text, created in rows:
            payload = {k: v for k, v in json.loads(payload_text).items() if not k.endswith("anchor")}
            result.append({"seq": seq, "kind": kind, "event": event_id, **payload, "created_at": created})
        return result

    def remerge(self) -> int:
        """Merge every stored mention afresh (say, after the merge improved), then re-apply the
        edits: each finds its event again through its anchor.  Returns the number of events."""
        with self._write() as conn:
            rows = conn.execute(
                "SELECT m.doc_id, m.idx, m.data FROM mentions m JOIN documents d"
                " ON d.story_id = m.story_id AND d.doc_id = m.doc_id WHERE m.story_id = ? ORDER BY d.seq, m.idx",
                (self.story_id,),
            )
            mentions = {_mention_key(d, i): codec.from_json(EventMention, json.loads(data)) for d, i, data in rows}
            fresh = events.EventIndex()
            assignment = {
                key: fresh.add(mention)
                for key, mention in sorted(mentions.items(), key=lambda item: events.merge_order(item[1]))
            }
            edits = conn.execute(
                "SELECT seq, kind, event_id, payload FROM edits WHERE story_id = ? ORDER BY seq", (self.story_id,)
            ).fetchall()
            for seq, kind, event_id, payload_text in edits:
                payload = json.loads(payload_text)
                target = _resolve(assignment, payload.get("anchor", []), event_id)
                if target is None:
                    continue
                if kind == "merge":
                    # nothing to fold in where every merged sentence is gone (rewritten, retracted)
                    left = payload.get("other_anchor")
                    other = None if left == [] else _resolve(assignment, left or [], payload["other"])
                    if other is not None and other != target:
                        assignment.update({k: target for k, e in assignment.items() if e == other})
                elif kind == "split":
                    moved = [k for k in payload["mentions"] if assignment.get(k) == target]
                    if moved and len(moved) < sum(e == target for e in assignment.values()):
                        assignment.update({k: payload["new"] for k in moved})
                conn.execute("UPDATE edits SET event_id = ? WHERE seq = ?", (target, seq))
            index = events.EventIndex()
            index.restore((mention, assignment[key]) for key, mention in mentions.items())
            conn.executemany(
                "UPDATE mentions SET event_id = ? WHERE story_id = ? AND doc_id = ? AND idx = ?",
                [(assignment[key], self.story_id, *_parse_mention_key(key)) for key in mentions],
            )
            stale = {row[0] for row in conn.execute("SELECT event_id FROM events WHERE story_id = ?", (self.story_id,))}
            self._materialise(conn, index, stale | set(assignment.values()))
            self._index = (-1, index)  # current once committed
            return len(set(assignment.values()))

    # -- reading --------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        conn = self._conn()
        return {
            table: conn.execute(f"SELECT COUNT(*) FROM {table} WHERE story_id = ?", (self.story_id,)).fetchone()[0]
            for table in ("documents", "sentences", "timexes", "mentions", "events", "edits")
        }

    def event_rows(self, where: EventFilter) -> list[dict[str, Any]]:
        """Events (in their API form, in date order) that pass the filter."""
        rows: list[dict[str, Any]] = json.loads(self.event_rows_json(where))
        return rows

    def event_rows_json(self, where: EventFilter) -> str:
        """:meth:`event_rows` as JSON text, joined from the stored API forms without decoding them."""
        sql = ["SELECT e.api FROM events e WHERE e.story_id = ?"]
        params: list[Any] = [self.story_id]
        if not where.include_hidden:
            sql.append("AND e.hidden = 0")
        if not where.include_background:
            sql.append("AND e.background = 0")
        # an event is in the range when every day its date may denote is: "May 2025" is not
        # in 18–20 May, nor is "2025" (the event may lie in any of its days)
        if where.date_from:
            sql.append("AND e.first_day >= ?")
            params.append(Period.parse(where.date_from).first.isoformat())
        if where.date_to:
            sql.append("AND e.last_day <= ?")
            params.append(Period.parse(where.date_to).last.isoformat())
        if where.status:
            sql.append("AND e.status = ?")
            params.append(Status(where.status).value)
        if where.lang:
            sql.append("AND (' ' || e.langs || ' ') LIKE ?")
            params.append(f"% {where.lang} %")
        if where.participant:
            sql.append(
                "AND e.event_id IN (SELECT event_id FROM event_participants"
                " WHERE story_id = ? AND (key = ? OR name = ?))"
            )
            params += [self.story_id, where.participant, where.participant]
        for word in (where.text or "").lower().split():
            sql.append("AND e.search LIKE ? ESCAPE '\\'")
            params.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql.append(f"ORDER BY {_EVENT_ORDER} LIMIT ? OFFSET ?")
        params += [where.limit, where.offset]
        rows = self._conn().execute(" ".join(sql), params)
        return "[" + ",".join(api for (api,) in rows) + "]"

    def participants(self) -> list[dict[str, Any]]:
        """Participants of visible events with their number of events, most frequent first."""
        rows = self._conn().execute(
            "SELECT p.key, MIN(p.name), COUNT(*) AS n FROM event_participants p JOIN events e"
            " ON e.story_id = p.story_id AND e.event_id = p.event_id"
            " WHERE p.story_id = ? AND e.hidden = 0 GROUP BY p.key ORDER BY n DESC, p.key",
            (self.story_id,),
        )
        return [{"key": key, "name": name, "events": int(n)} for key, name, n in rows]

    def event_detail(self, event_id: str) -> dict[str, Any]:
        """One event with its sources: each citing sentence, its article and its time expression."""
        conn = self._conn()
        row = conn.execute(
            "SELECT api FROM events WHERE story_id = ? AND event_id = ?", (self.story_id, event_id)
        ).fetchone()
        if row is None:
            raise KeyError(event_id)
        result: dict[str, Any] = json.loads(row[0])
        mentions = conn.execute(
            "SELECT m.doc_id, m.idx, m.data, d.title, d.url, d.outlet, d.published FROM mentions m"
            " JOIN documents d ON d.story_id = m.story_id AND d.doc_id = m.doc_id"
            " WHERE m.story_id = ? AND m.event_id = ? ORDER BY d.published, d.seq, m.idx",
            (self.story_id, event_id),
        )
        result["sources"] = [
            _source_api(
                _mention_key(doc_id, idx), codec.from_json(EventMention, json.loads(data)), title, url, outlet, date
            )
            for doc_id, idx, data, title, url, outlet, date in mentions
        ]
        result["edits"] = self.edits(event_id)
        return result

    def load_document(self, doc_id: str) -> Document:
        """A stored document with its derived layers (mentions in stored order)."""
        conn = self._conn()
        row = conn.execute(
            "SELECT meta, lang, text, duplicate_of FROM documents WHERE story_id = ? AND doc_id = ?",
            (self.story_id, doc_id),
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        doc = _document_from_row(*row)
        _attach_layers(doc, {table: self._layer(table, doc_id) for table in _LAYERS})
        return doc

    def _layer(self, table: str, doc_id: str) -> list[dict[str, Any]]:
        """The JSON rows of one derived layer of a document, in order."""
        rows = self._conn().execute(
            f"SELECT data FROM {table} WHERE story_id = ? AND doc_id = ? ORDER BY idx", (self.story_id, doc_id)
        )
        return [json.loads(data) for (data,) in rows]

    def _layers(self, table: str) -> dict[str, list[dict[str, Any]]]:
        """The JSON rows of one derived layer of every document in the story, by document, in order."""
        rows = self._conn().execute(
            f"SELECT doc_id, data FROM {table} WHERE story_id = ? ORDER BY doc_id, idx", (self.story_id,)
        )
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for doc_id, data in rows:
            by_doc.setdefault(doc_id, []).append(json.loads(data))
        return by_doc

    def assigned_events(self, doc_id: str) -> set[str]:
        """The events a document's mentions are assigned to."""
        return self._assigned_events(self._conn(), doc_id)

    def documents(self, *, with_text: bool = False) -> list[Document]:
        """Every document's metadata (and text when asked), in arrival order."""
        text_column = "text" if with_text else "''"
        rows = self._conn().execute(
            f"SELECT meta, lang, {text_column}, duplicate_of FROM documents WHERE story_id = ? ORDER BY seq",
            (self.story_id,),
        )
        return [_document_from_row(*row) for row in rows]

    def timeline(self, *, query: str | None = None, max_events: int | None = None) -> Timeline:
        """The story's timeline: its visible events ranked and chosen as ``storyline build``
        does, with the wire copies as marked at ingest (so that the event list agrees)."""
        documents = self.documents(with_text=True)
        return timeline.select(self.events(), documents, query=query, max_events=max_events, errors=[])

    def summary(self, *, max_dates: int, sentences_per_date: int, keywords: Iterable[str] = ()) -> Summary:
        """The story summarised as ``storyline summarise`` does, from the stored layers."""
        documents = self.documents(with_text=True)
        layers = {table: self._layers(table) for table in _LAYERS}
        for doc in documents:
            _attach_layers(doc, {table: rows.get(doc.id, []) for table, rows in layers.items()})
        return pipeline.summary_of(
            documents, [], max_dates=max_dates, sentences_per_date=sentences_per_date, keywords=keywords
        )

    def events(self) -> list[Event]:
        """The stored visible events (edits applied) with their mentions, in date order."""
        conn = self._conn()
        mentions: dict[str, list[EventMention]] = {}
        rows = conn.execute(
            "SELECT m.event_id, m.data FROM mentions m JOIN documents d"
            " ON d.story_id = m.story_id AND d.doc_id = m.doc_id WHERE m.story_id = ? ORDER BY d.seq, m.idx",
            (self.story_id,),
        )
        for event_id, data in rows:
            mentions.setdefault(event_id, []).append(codec.from_json(EventMention, json.loads(data)))
        event_rows = conn.execute(
            f"SELECT event_id, data FROM events e WHERE story_id = ? AND hidden = 0 ORDER BY {_EVENT_ORDER}",
            (self.story_id,),
        )
        return [codec.from_json(Event, json.loads(data), mentions=mentions.get(eid, [])) for eid, data in event_rows]


_EVENT_ORDER = "e.sort_day, e.precision_rank, e.date_value, e.salience DESC, e.event_id"
"""The order of ``storyline build`` (:meth:`Period.sort_key`, then the most salient first)."""


def _event_json(event: Event) -> dict[str, Any]:
    """An event without its mentions (the store links mentions to events by assignment)."""
    data: dict[str, Any] = codec.to_json(replace(event, mentions=[]))
    del data["mentions"]
    return data


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _resolve(assignment: dict[str, str], anchor: list[str], event_id: str) -> str | None:
    """The event that now holds most of an edit's anchor mentions (else its old id, if alive)."""
    holders = Counter(assignment[key] for key in anchor if key in assignment)
    if holders:
        return holders.most_common(1)[0][0]
    return event_id if event_id in assignment.values() else None


def _mention_key(doc_id: str, idx: int) -> str:
    """How edits and the API name a mention: its document and its index there ("a#3")."""
    return f"{doc_id}#{idx}"


def _parse_mention_key(key: str) -> tuple[str, int]:
    doc_id, sep, idx = key.rpartition("#")
    if not sep or not idx.isdigit():
        raise EditError(f"not a mention key (doc_id#index): {key!r}")
    return doc_id, int(idx)


_KEY_LISTS = ("anchor", "other_anchor", "mentions")
"""The payload fields of an edit that list mention keys."""

_PLACING = ("merge", "split")
"""The edits that place mentions in events (the others only present an event)."""

_CORRESPONDENCES: tuple[Callable[[EventMention], Hashable], ...] = (
    lambda mention: (mention.text, mention.trigger),
    lambda mention: mention.text,
    lambda mention: (mention.sentence, mention.trigger),
)
"""How a new mention succeeds an old one, best first: the same sentence telling the same
happening; the same sentence (analysed differently); the same place in the article with the
same trigger (the sentence reworded in place)."""


def _successors(old: Sequence[EventMention], new: Sequence[EventMention]) -> dict[int, int]:
    """The position in ``new`` of the mention that succeeds each mention of ``old`` that has one
    (by position in ``old``); each new mention succeeds at most one old one, in order."""
    found: dict[int, int] = {}
    for correspondence in _CORRESPONDENCES:
        waiting: dict[Hashable, deque[int]] = defaultdict(deque)
        taken = set(found.values())
        for position, mention in enumerate(new):
            if position not in taken:
                waiting[correspondence(mention)].append(position)
        for position, mention in enumerate(old):
            queue = waiting.get(correspondence(mention))
            if position not in found and queue:
                found[position] = queue.popleft()
    return found


class _EditAnchors:
    """A story's edits as far as they list mention keys, changed in memory and saved at once."""

    def __init__(self, conn: sqlite3.Connection, story_id: int) -> None:
        rows = conn.execute("SELECT seq, kind, payload FROM edits WHERE story_id = ?", (story_id,))
        self._edits = {seq: (kind, json.loads(payload)) for seq, kind, payload in rows}
        self._changed: set[int] = set()
        self.documents = {
            _parse_mention_key(key)[0]
            for _, payload in self._edits.values()
            for name in _KEY_LISTS
            for key in payload.get(name, ())
        }
        """The documents whose mentions some edit lists (maybe more, never fewer)."""

    def placed(self, doc_id: str) -> set[int]:
        """The mentions of ``doc_id`` (by index) that a merge or a split placed."""
        return {
            idx
            for kind, payload in self._edits.values()
            if kind in _PLACING
            for name in _KEY_LISTS
            for key_doc, idx in map(_parse_mention_key, payload.get(name, ()))
            if key_doc == doc_id
        }

    def rekey(self, doc_id: str, moved: dict[int, int]) -> None:
        """Move the keys of ``doc_id``'s mentions to their successors (``moved``: old index to
        new); the keys of mentions without one are dropped."""
        if doc_id not in self.documents:
            return
        for seq, (_, payload) in self._edits.items():
            for name in _KEY_LISTS:
                keys = payload.get(name)
                if not keys or not any(_parse_mention_key(key)[0] == doc_id for key in keys):
                    continue
                payload[name] = [
                    key if key_doc != doc_id else _mention_key(doc_id, moved[idx])
                    for key in keys
                    for key_doc, idx in [_parse_mention_key(key)]
                    if key_doc != doc_id or idx in moved
                ]
                self._changed.add(seq)

    def save(self, conn: sqlite3.Connection) -> None:
        """Write the edits whose keys moved."""
        conn.executemany(
            "UPDATE edits SET payload = ? WHERE seq = ?",
            [(_dumps(self._edits[seq][1]), seq) for seq in sorted(self._changed)],
        )
        self._changed.clear()


def _restored(rows: Iterable[tuple[str, str]]) -> events.EventIndex:
    """An event index restored from stored (event id, mention JSON) rows, in arrival order."""
    index = events.EventIndex()
    index.restore((codec.from_json(EventMention, json.loads(data)), event_id) for event_id, data in rows)
    return index


_LAYERS = ("sentences", "timexes", "mentions")
"""The tables of a document's derived layers."""


def _attach_layers(doc: Document, layers: dict[str, list[dict[str, Any]]]) -> None:
    """Fill a document's layers from their stored JSON rows, by table."""
    doc.sentences = [codec.from_json(Sentence, d) for d in layers["sentences"]]
    doc.timexes = [codec.from_json(TimeExpression, d) for d in layers["timexes"]]
    doc.mentions = [codec.from_json(EventMention, d) for d in layers["mentions"]]


def _near_days(periods: list[Period | None], window_days: int) -> Callable[[Period | None], bool]:
    """Whether a stored document may copy, or be copied by, a document published in one of
    ``periods``: its span comes within ``window_days`` of one of theirs.  An undated one may copy
    any other and is compared with the originals kept last in the stream, undated ones among them."""
    dated = sorted((period for period in periods if period is not None), key=lambda period: period.first)
    firsts = [period.first for period in dated]
    latest = list(accumulate((period.last for period in dated), max))  # the latest end among the first i
    window = timedelta(days=window_days)

    def near(period: Period | None) -> bool:
        if period is None:
            return True
        count = bisect.bisect_right(firsts, period.last + window)  # those starting early enough
        return count > 0 and latest[count - 1] >= period.first - window

    return near


def _origin(doc: Document) -> str:
    """Where a document was read from, independent of the working folder it was named from."""
    return os.path.abspath(doc.source) if doc.source else ""


def _same_input(stored_meta: dict[str, Any], doc: Document) -> bool:
    """Whether a stored document was read from the same input as ``doc`` (stores written before
    the origin was kept compare the source as it was named)."""
    if "origin" in stored_meta:
        return bool(stored_meta["origin"] == _origin(doc))
    return bool(stored_meta.get("source", "") == doc.source)


def _distinct_id(doc: Document, article_id: str) -> str:
    """The id of a document whose id another input's stored document holds: the article's id
    with a digest of where it was read from (a teaser keeps its ``~N`` after it)."""
    tag = hashlib.sha256(_origin(doc).encode("utf-8")).hexdigest()[:8]
    return f"{article_id}-{tag}{doc.id.removeprefix(article_id)}"


def _document_from_row(meta_text: str, lang: str, text: str, duplicate_of: str | None) -> Document:
    """A stored document in the language its analysis found (its ``meta`` has the one read)."""
    return codec.from_json(Document, json.loads(meta_text), lang=lang, text=text, duplicate_of=duplicate_of)


def _event_api(data: dict[str, Any], hidden: bool, langs: list[str], n_docs: int, n_independent: int) -> dict[str, Any]:
    """The API form of an event row: the JSON contract's keys plus the desk's own."""
    date = codec.period_from_json(data["date"])
    return {
        "id": data["id"],
        "date": date.value,
        "precision": date.precision.value,
        "mod": date.mod.value if date.mod else None,
        "first_day": date.first.isoformat(),
        "last_day": date.last.isoformat(),
        "date_label": date_label(date) + zone_note(data.get("timezone")),
        "timezone": data.get("timezone"),
        "section": section_label(date),
        "status": data["status"],
        "title": data["title"],
        "summary": data["summary"],
        "participants": data["participants"],
        "salience": data["salience"],
        "conflicts": [{"date": c["date"]["value"], "docs": c["docs"]} for c in data.get("conflicts", [])],
        "background": data.get("background", False),
        "hidden": hidden,
        "langs": langs,
        "n_docs": n_docs,
        "n_independent": n_independent,
    }


def _source_api(
    key: str, mention: EventMention, title: str, url: str | None, outlet: str | None, published: str | None
) -> dict[str, Any]:
    """A citation: the sentence, where its time expression sits in it, and its article."""
    time_start = mention.text.find(mention.time_text) if mention.time_text else -1
    return {
        "mention": key,
        "doc": mention.doc_id,
        "title": title,
        "url": url,
        "outlet": outlet,
        "published": published,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "time_text": mention.time_text,
        "time_value": mention.time_value,
        "time_span": [time_start, time_start + len(mention.time_text or "")] if time_start >= 0 else None,
        "date": mention.date.value,
        "status": mention.status.value,
        "attributed_to": mention.attributed_to,
        "participants": codec.to_json(mention.participants),
    }
