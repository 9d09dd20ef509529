"""``storyline bench serve``: throughput and latency of ``/api/events`` while an ingest runs.

Starts ``storyline serve`` on a free loopback port over a store of synthetic articles (built
first unless ``--db`` names one), starts ``storyline ingest`` of more synthetic articles into
the same store, and meanwhile sends ``GET /api/events`` requests from a few client threads,
bounded in count and time.  Prints requests/s and latency percentiles; the target is ≥ 200/s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from storyline.cli.bench_store import build_store
from storyline.render.common import counted
from storyline.store import Store
from storyline.store.synthetic import articles

QUERIES = (
    "/api/events?limit=50",
    "/api/events?limit=50&from=2025-06&to=2025-07",
    "/api/events?limit=50&q=harbour",
    "/api/events?limit=50&status=planned&lang=de",
)
_CLI = "import sys; from storyline.cli import main; sys.exit(main(sys.argv[1:]))"


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "serve",
        help="requests/s and p95 latency of /api/events on a 5,000-document store during an ingest",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    sub.add_argument("--db", type=Path, help="an existing store to serve (default: build one)")
    sub.add_argument("--documents", type=int, default=5000, help="size of the store built (default: %(default)s)")
    sub.add_argument("--ingest", type=int, default=300, help="documents ingested meanwhile (default: %(default)s)")
    sub.add_argument("--requests", type=int, default=5000, help="at most this many requests (default: %(default)s)")
    sub.add_argument("--seconds", type=float, default=20.0, help="at most this long (default: %(default)s)")
    sub.add_argument("--clients", type=int, default=8, help="client threads (default: %(default)s)")
    sub.set_defaults(func=run)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(conn: http.client.HTTPConnection, path: str) -> int:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    return response.status


def _wait_until_up(port: int, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("storyline: the server exited early")
        try:
            if _get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/api/events?limit=1") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("storyline: the server did not come up")


def _write_records(path: Path, start: int, count: int) -> None:
    """Synthetic articles as a JSONL file, the way a newsroom feed would deliver them."""
    with path.open("w", encoding="utf-8") as out:
        for doc in articles(start, count, seed=1):
            published = doc.published.value if doc.published else None
            record = {"id": doc.id, "title": doc.title, "text": doc.text, "published": published, "lang": doc.lang}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _load(port: int, requests: int, seconds: float, clients: int) -> tuple[list[float], int, float]:
    """Send up to ``requests`` requests within ``seconds``; return latencies, errors, wall time."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        nonlocal issued, errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if issued >= requests:
                    return
                issued += 1
                path = QUERIES[(issued + number) % len(QUERIES)]
            started = time.perf_counter()
            try:
                ok = _get(conn, path) == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="storyline-bench-serve-") as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "bench.db"
            print(f"building a store of {args.documents} synthetic documents …", file=sys.stderr)
            build_store(db, args.documents)
        before = Store(db).counts()
        feed = Path(folder) / "feed.jsonl"
        _write_records(feed, 10_000_000, args.ingest)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-c", _CLI, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        )
        ingest: subprocess.Popen[bytes] | None = None
        try:
            _wait_until_up(port, server)
            ingest = subprocess.Popen(
                [sys.executable, "-c", _CLI, "ingest", str(feed), "--db", str(db), "--batch-size", "10"],
                stderr=subprocess.DEVNULL,
            )
            time.sleep(2.0)  # let the ingest start analysing and writing
            latencies, errors, wall = _load(port, args.requests, args.seconds, args.clients)
            ingest_running = ingest.poll() is None
            during = Store(db).counts()
        finally:
            for process in (ingest, server):
                if process is not None and process.poll() is None:
                    process.terminate()
                    process.wait(timeout=30)
    print(f"store: {before['documents']} documents, {before['events']} events; queries: {', '.join(QUERIES)}")
    print(
        f"ingest meanwhile: {during['documents'] - before['documents']} documents stored during the run"
        f" ({'still running' if ingest_running else 'finished'} when the load ended)"
    )
    print(f"{len(latencies)} requests from {args.clients} clients in {wall:.1f} s, {counted(errors, 'error')}")
    print(
        f"throughput: {len(latencies) / wall:.0f} requests/s; latency p50 {_percentile(latencies, 0.5) * 1000:.1f} ms,"
        f" p95 {_percentile(latencies, 0.95) * 1000:.1f} ms, max {max(latencies, default=0) * 1000:.1f} ms"
    )
    return 0
