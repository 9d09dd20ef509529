"""``storyline ingest ARTICLES... --db story.db``: add new or changed articles to a store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from storyline import ingest
from storyline.cli.common import add_input_options, add_story_option, add_workers_option, error_line, parse_dct
from storyline.model import InputError
from storyline.render.common import counted
from storyline.store import IngestReport, NotAStore, Store


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "ingest",
        help="add articles to a story store (only new or changed ones are analysed)",
        description="Add articles (files or folders, recursed) to a SQLite story store. Unchanged "
        "documents are skipped, changed ones replace their old version; events are merged "
        "incrementally. Each batch is one transaction: an interrupted run can simply be repeated.",
    )
    sub.add_argument("articles", nargs="*", metavar="ARTICLES", help="files or folders")
    sub.add_argument("--db", required=True, type=Path, help="the store file (created when missing)")
    add_story_option(sub)
    add_input_options(sub)
    add_workers_option(sub)
    sub.add_argument("--batch-size", type=int, default=100, help="documents per transaction (default: %(default)s)")
    sub.add_argument("--strict", action="store_true", help="exit 1 when any input could not be read")
    sub.add_argument(
        "--remerge",
        action="store_true",
        help="merge all stored mentions afresh first (after the merge improved); edits are re-applied",
    )
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.articles and not args.remerge:
        raise SystemExit("storyline: error: name ARTICLES to ingest (or --remerge)")
    dct = parse_dct(args.dct)
    try:
        store = Store(args.db, args.story)
    except NotAStore as error:
        raise SystemExit(f"storyline: error: {error}") from None
    if args.remerge:
        print(f"storyline: re-merged into {counted(store.remerge(), 'event')}", file=sys.stderr)
        if not args.articles:
            store.close()
            return 0

    def report_error(error: InputError) -> None:
        print(error_line(error), file=sys.stderr, flush=True)

    def report_batch(report: IngestReport) -> None:
        if sys.stderr.isatty():
            print(f"\r{len(report.added) + len(report.replaced)} stored …", end="", file=sys.stderr, flush=True)

    try:
        report = store.ingest(
            ingest.read_inputs(args.articles, dct=dct, lang=args.lang),
            batch_size=max(1, args.batch_size),
            workers=args.workers,
            on_error=report_error,
            on_batch=report_batch,
        )
        counts = store.counts()
    finally:
        store.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for notice in report.notices:
        print(f"storyline: note: {notice}", file=sys.stderr)
    # each input counts once: read (added, replaced, unchanged; some with a problem) or unreadable
    flawed = len({error.source for error in report.errors if error.kept})
    print(
        f"storyline: {len(report.added)} added, {len(report.replaced)} replaced, "
        f"{len(report.unchanged)} unchanged"
        + (f" ({flawed} of these read with a problem, see above)" if flawed else "")
        + f"; {len(report.unreadable)} unreadable"
        f"; story {args.story!r} holds {counted(counts['documents'], 'document')}, "
        f"{counted(counts['events'], 'event')}",
        file=sys.stderr,
    )
    if report.read == 0:
        print("storyline: nothing could be read", file=sys.stderr)
        return 1
    return 1 if args.strict and report.errors else 0
