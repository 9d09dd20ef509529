"""``storyline bench store``: adding a few documents to a big store vs building it from scratch.

Builds a store of synthetic articles (:mod:`storyline.store.synthetic`) with the real pipeline,
then adds 10 more through a fresh :class:`~storyline.store.Store` (as a new ``storyline
ingest`` process would: the event index is restored from the store, not kept in memory), and
prints both times.  The issue's target: the 10 take well under a tenth of the full build.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from storyline.store import Store
from storyline.store.synthetic import articles


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "store",
        help="time adding 10 documents to a 5,000-document store against a full rebuild",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    sub.add_argument("--documents", type=int, default=5000, help="size of the store (default: %(default)s)")
    sub.add_argument("--added", type=int, default=10, help="documents added afterwards (default: %(default)s)")
    sub.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    sub.set_defaults(func=run)


def build_store(db: Path, documents: int, *, progress: bool = True) -> float:
    """Fill a fresh store with ``documents`` synthetic articles; return the seconds it took."""
    store = Store(db)
    started = time.perf_counter()

    def report(done: Any) -> None:
        if progress:
            print(f"\r  built {len(done.added)}/{documents}", end="", file=sys.stderr, flush=True)

    store.ingest(articles(0, documents), batch_size=100, on_batch=report)
    if progress:
        print(file=sys.stderr)
    store.close()
    return time.perf_counter() - started


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as folder:
        db = args.db or Path(folder) / "bench.db"
        if db.exists():
            raise SystemExit(f"storyline: {db} exists; the benchmark needs a fresh store")
        print(f"full build: {args.documents} synthetic documents (real pipeline) …", file=sys.stderr)
        full = build_store(db, args.documents)

        started = time.perf_counter()
        store = Store(db)  # as a new process: nothing in memory
        report = store.ingest(articles(args.documents, args.added))
        incremental = time.perf_counter() - started
        assert len(report.added) == args.added

        started = time.perf_counter()
        again = Store(db).ingest(articles(args.documents, args.added))
        unchanged = time.perf_counter() - started
        assert len(again.unchanged) == args.added
        counts = store.counts()
        store.close()

    print(f"store: {counts['documents']} documents, {counts['mentions']} mentions, {counts['events']} events")
    print(f"full build of {args.documents} documents: {full:.1f} s ({full / args.documents * 1000:.1f} ms/doc)")
    print(f"adding {args.added} documents to it: {incremental:.2f} s ({incremental / full:.1%} of the full build)")
    print(f"re-ingesting those {args.added} unchanged: {unchanged:.2f} s")
    return 0
