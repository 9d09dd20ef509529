"""``storyline bench tls``: speed and memory of timeline summarisation from raw text.

On T17 topic folders (default ``../shared/data/tls/t17``), pinned to one core, it times the
whole path of each task: reading and detokenising the articles, sentence splitting, temporal
tagging and the TLS method, and prints seconds per folder, docs/s, sentences/s and peak RSS.
``--synthetic N`` instead streams N short generated documents through the per-document stages
into a :class:`~storyline.tls.TimelineCollector` and prints peak RSS at 10k, 100k and N
documents: memory stays bounded by the days and candidates kept, not by the input.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from storyline import mentions, pipeline, text, timex
from storyline.cli.common import pin_to_one_core
from storyline.evaluate.tls import load_tasks, read_articles, topic_folders
from storyline.model import Document, Period
from storyline.tls import METHODS, TimelineCollector

DEFAULT_DATA = Path("..") / "shared" / "data" / "tls" / "t17"
CHECKPOINTS = (10_000, 100_000)


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "tls",
        help="speed and memory of timeline summarisation (T17 folders or a synthetic stream)",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    sub.add_argument("datasets", nargs="*", type=Path, help=f"T17 topic folders (default: {DEFAULT_DATA})")
    sub.add_argument("--method", choices=sorted(METHODS), default="storyline", help="default: storyline")
    sub.add_argument("--synthetic", type=int, metavar="N", help="stream N generated documents instead")
    sub.set_defaults(func=run)


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: argparse.Namespace) -> int:
    pin_to_one_core()
    if args.synthetic is not None:
        return _run_synthetic(args.synthetic)
    folders = topic_folders(args.datasets or [DEFAULT_DATA])
    method = METHODS[args.method]
    print(f"{'folder':<22} {'docs':>5} {'sents':>6} {'read':>6} {'split':>6} {'timex':>6} {'mentions':>8} "
          f"{'method':>6} {'total s':>7} {'docs/s':>7} {'sents/s':>8}")  # fmt: skip
    total_seconds, total_docs, total_sents = 0.0, 0, 0
    for folder in folders:
        for task in load_tasks(folder):
            started = time.perf_counter()
            uids = {a.uid for a in task.articles}
            articles = [a for a in read_articles(folder) if a.uid in uids]
            read = time.perf_counter()
            docs = [
                Document(id=a.uid, text=a.text.text, published=Period.of_day(a.published), lang="en") for a in articles
            ]
            for doc in docs:
                text.annotate(doc)
            split = time.perf_counter()
            for doc in docs:
                timex.annotate(doc)
            tagged = time.perf_counter()
            for doc in docs:
                mentions.annotate(doc)
            found = time.perf_counter()
            method(docs, max_dates=task.max_dates, sentences_per_date=task.sentences_per_date, keywords=task.keywords)
            done = time.perf_counter()
            seconds, n_sents = done - started, sum(len(d.sentences) for d in docs)
            total_seconds, total_docs, total_sents = (
                total_seconds + seconds,
                total_docs + len(docs),
                total_sents + n_sents,
            )
            print(
                f"{folder.name:<22} {len(docs):>5} {n_sents:>6} {read - started:>6.2f} {split - read:>6.2f} "
                f"{tagged - split:>6.2f} {found - tagged:>8.2f} {done - found:>6.2f} {seconds:>7.2f} "
                f"{len(docs) / seconds:>7.1f} {n_sents / seconds:>8.0f}"
            )
    if total_seconds:
        print(f"{'all':<22} {total_docs:>5} {total_sents:>6} {'':>27} {total_seconds:>7.2f} "
              f"{total_docs / total_seconds:>7.1f} {total_sents / total_seconds:>8.0f}")  # fmt: skip
    print(f"peak RSS {peak_rss_mib():.0f} MiB (one core)")
    return 0


# -- synthetic stream -------------------------------------------------------------------------
_ACTORS = ("The ministry", "The company", "Rescue teams", "The city council", "Investigators", "The union",
           "The regulator", "Local officials", "The coast guard", "Engineers")  # fmt: skip
_ACTIONS = ("announced", "confirmed", "rejected", "approved", "postponed", "reported", "began", "suspended")
_OBJECTS = ("a new plan", "the agreement", "further measures", "the budget", "an inquiry", "the repairs",
            "the evacuation", "a second test", "the contract", "the vote")  # fmt: skip
_PLACES = ("in the north", "near the harbour", "in the capital", "at the plant", "in three districts", "")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def synthetic_documents(count: int, seed: int = 7) -> Iterator[Document]:
    """``count`` short generated English news items over one year, made here from word lists."""
    rng = random.Random(seed)
    first = date(2024, 1, 1)
    for number in range(count):
        published = first + timedelta(days=rng.randrange(366))
        sentences = []
        for _ in range(rng.randint(3, 6)):
            earlier = published - timedelta(days=rng.randrange(40))
            when = rng.choice((f"on {rng.choice(_WEEKDAYS)}", "yesterday", "", "", f"on {earlier:%B} {earlier.day}"))
            words = [rng.choice(_ACTORS), rng.choice(_ACTIONS), rng.choice(_OBJECTS), rng.choice(_PLACES), when]
            sentences.append(" ".join(w for w in words if w) + ".")
        yield Document(
            id=f"synthetic-{number}", text=" ".join(sentences), published=Period.of_day(published), lang="en"
        )


def _run_synthetic(count: int) -> int:
    collector = TimelineCollector(keywords=("plan", "agreement"))
    started = time.perf_counter()
    checkpoints = sorted({c for c in CHECKPOINTS if c < count} | {count})
    for number, doc in enumerate(synthetic_documents(count), start=1):
        collector.add(pipeline.analyse(doc))
        if number in checkpoints:
            elapsed = time.perf_counter() - started
            kept = sum(len(pool) for pool in collector.pools.values())
            print(f"{number:>8} docs  {elapsed:>7.1f} s  {number / elapsed:>7.0f} docs/s  "
                  f"{collector.sentences / elapsed:>7.0f} sents/s  {kept:>7} candidates kept  "
                  f"peak RSS {peak_rss_mib():.0f} MiB")  # fmt: skip
    summary_started = time.perf_counter()
    days = collector.summarise(max_dates=20, sentences_per_date=2)
    print(f"timeline of {len(days)} days chosen in {time.perf_counter() - summary_started:.1f} s; "
          f"peak RSS {peak_rss_mib():.0f} MiB")  # fmt: skip
    return 0
