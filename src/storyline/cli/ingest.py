"""``storyline ingest ARTICLES... --db story.db``: add new or changed articles to a store;
``--reanalyse`` analyses the stored ones afresh after an upgrade, ``--remerge`` merges them afresh."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyline import ingest
from storyline.cli.common import add_input_options, add_story_option, add_workers_option, error_line, parse_dct
from storyline.model import InputError, Period
from storyline.render.common import counted
from storyline.store import IngestReport, NotAStore, Store, UnknownStory, open_story


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
    sub.add_argument("--strict", action="store_true", help="exit 1 when any input could not be read (or re-analysed)")
    sub.add_argument(
        "--reanalyse",
        action="store_true",
        help="first analyse afresh, from the stored text, the story's articles another storyline version "
        "analysed (after an upgrade, without the files); edits are kept as re-ingesting the files keeps them",
    )
    sub.add_argument(
        "--remerge",
        action="store_true",
        help="merge all stored mentions afresh first (after the merge improved); edits are re-applied",
    )
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.articles and not args.reanalyse and not args.remerge:
        raise SystemExit("storyline: error: name ARTICLES to ingest (or --reanalyse, --remerge)")
    dct = parse_dct(args.dct)
    store = _open(args)
    try:
        failed = _reanalyse(store, args) if args.reanalyse else False
        if args.remerge:
            print(f"storyline: re-merged into {counted(store.remerge(), 'event')}", file=sys.stderr)
        return _ingest(store, args, dct) if args.articles else int(args.strict and failed)
    finally:
        store.close()


def _open(args: argparse.Namespace) -> Store:
    """The story: ingesting articles creates it (and the file); working on what is stored alone
    needs one the store holds."""
    try:
        return Store(args.db, args.story) if args.articles else open_story(args.db, args.story)
    except (FileNotFoundError, NotAStore, UnknownStory) as error:
        raise SystemExit(f"storyline: error: {error}") from None


def _reanalyse(store: Store, args: argparse.Namespace) -> bool:
    """Re-analyse the stored documents another storyline analysed; return whether any failed."""
    report = store.reanalyse(
        batch_size=max(1, args.batch_size),
        workers=args.workers,
        on_error=_report_error,
        on_batch=_progress(lambda report: f"{len(report.replaced)} re-analysed"),
    )
    _summary(
        f"{len(report.replaced)} re-analysed, {len(report.unchanged)} unchanged, {len(report.errors)} failed"
        + (" (these keep their earlier analysis, see above)" if report.errors else "")
        + _holding(store, args.story)
    )
    return bool(report.errors)


def _ingest(store: Store, args: argparse.Namespace, dct: Period | None) -> int:
    report = store.ingest(
        ingest.read_inputs(args.articles, dct=dct, lang=args.lang),
        batch_size=max(1, args.batch_size),
        workers=args.workers,
        on_error=_report_error,
        on_batch=_progress(lambda report: f"{len(report.added) + len(report.replaced)} stored"),
    )
    for notice in report.notices:
        print(f"storyline: note: {notice}", file=sys.stderr)
    # each input counts once: read (added, replaced, unchanged; some with a problem) or unreadable
    flawed = len({error.source for error in report.errors if error.kept})
    _summary(
        f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged"
        + (f" ({flawed} of these read with a problem, see above)" if flawed else "")
        + f"; {len(report.unreadable)} unreadable"
        + _holding(store, args.story)
    )
    if report.read == 0:
        print("storyline: nothing could be read", file=sys.stderr)
        return 1
    return 1 if args.strict and report.errors else 0


def _report_error(error: InputError) -> None:
    print(error_line(error), file=sys.stderr, flush=True)


def _progress(done: Callable[[IngestReport], str]) -> Callable[[IngestReport], None]:
    """A batch callback that shows how far a run got, on a terminal (ended by :func:`_summary`)."""

    def show(report: IngestReport) -> None:
        if sys.stderr.isatty():
            print(f"\r{done(report)} …", end="", file=sys.stderr, flush=True)

    return show


def _summary(line: str) -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)  # after the progress line
    print(f"storyline: {line}", file=sys.stderr)


def _holding(store: Store, story: str) -> str:
    counts = store.counts()
    return f"; story {story!r} holds {counted(counts['documents'], 'document')}, {counted(counts['events'], 'event')}"
