"""``storyline bench store``: adding a few documents to a big store vs building it from scratch.

Builds a store of synthetic articles (:mod:`storyline.store.synthetic`) with the real pipeline,
then adds 10 more, three times, each through a fresh :class:`~storyline.store.Store` (as a new
``storyline ingest`` process would: the event index is restored from the store, not kept in
memory), and prints wall and CPU times (CPU time is steadier on a shared machine).  The
issue's target: the 10 take well under a tenth of the full build.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from storyline.store import Store
from storyline.store.synthetic import articles

ROUNDS = 3


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


def build_store(db: Path, documents: int, *, progress: bool = True) -> tuple[float, float]:
    """Fill a fresh store with ``documents`` synthetic articles; return (wall, CPU) seconds."""
    store = Store(db)
    wall, cpu = time.perf_counter(), time.process_time()

    def report(done: Any) -> None:
        if progress:
            print(f"\r  built {len(done.added)}/{documents}", end="", file=sys.stderr, flush=True)

    store.ingest(articles(0, documents), on_batch=report)
    if progress:
        print(file=sys.stderr)
    store.close()
    return time.perf_counter() - wall, time.process_time() - cpu


def add_documents(db: Path, start: int, count: int) -> tuple[float, float]:
    """Add ``count`` new articles through a fresh Store, as a new ``storyline ingest`` process
    would (nothing in memory: the event index is restored from the store); (wall, CPU) seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    store = Store(db)
    report = store.ingest(articles(start, count))
    store.close()
    assert len(report.added) == count
    return time.perf_counter() - wall, time.process_time() - cpu


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as folder:
        db = args.db or Path(folder) / "bench.db"
        if db.exists():
            raise SystemExit(f"storyline: {db} exists; the benchmark needs a fresh store")
        print(f"full build: {args.documents} synthetic documents (real pipeline) …", file=sys.stderr)
        full_wall, full_cpu = build_store(db, args.documents)
        rounds = [add_documents(db, args.documents + n * args.added, args.added) for n in range(ROUNDS)]
        add_wall = statistics.median(wall for wall, _ in rounds)
        add_cpu = statistics.median(cpu for _, cpu in rounds)
        started = time.perf_counter()
        again = Store(db).ingest(articles(args.documents, args.added))
        unchanged = time.perf_counter() - started
        assert len(again.unchanged) == args.added
        counts = Store(db).counts()

    print(f"store: {counts['documents']} documents, {counts['mentions']} mentions, {counts['events']} events")
    print(
        f"full build of {args.documents} documents: {full_wall:.1f} s wall, {full_cpu:.1f} s CPU"
        f" ({full_cpu / args.documents * 1000:.1f} ms CPU/doc)"
    )
    print(
        f"adding {args.added} documents to it (median of {ROUNDS}): {add_wall:.2f} s wall, {add_cpu:.2f} s CPU"
        f" = {add_wall / full_wall:.1%} (wall) / {add_cpu / full_cpu:.1%} (CPU) of the full build"
    )
    print(f"re-ingesting {args.added} unchanged documents: {unchanged:.2f} s")
    return 0
