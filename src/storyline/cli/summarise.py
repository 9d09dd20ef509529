"""``storyline summarise``: articles in, the days that matter told in a few quoted sentences."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline import pipeline
from storyline.cli.common import (
    add_input_options,
    add_keywords_option,
    add_output_options,
    add_source_options,
    exit_code,
    from_store_or_files,
    keyword_phrases,
    output_format,
    parse_dct,
    progress,
    write_output,
)
from storyline.render.common import counted
from storyline.render.summary import FORMATS, render_summary

if TYPE_CHECKING:
    from storyline.tls import Summary


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "summarise",
        aliases=["summarize"],
        help="summarise articles as a journalist's timeline: the days that matter, a few sentences each",
        description=(
            "Choose the days that matter in a collection of articles on one story and tell each in a few "
            "sentences quoted from the articles, each citing its article (timeline summarisation)."
        ),
    )
    sub.add_argument("articles", nargs="*", type=Path, help="files or folders (recursed)")
    add_output_options(sub, FORMATS)
    add_input_options(sub)
    sub.add_argument("--dates", type=_positive, default=10, metavar="N", help="how many days (default: 10)")
    sub.add_argument(
        "--sentences", type=_positive, default=2, metavar="K", help="sentences per day at most (default: 2)"
    )
    add_keywords_option(sub)
    add_source_options(sub)
    sub.set_defaults(func=run)


def _from_files(args: argparse.Namespace) -> Summary:
    with progress() as on_item:
        return pipeline.summarise(
            args.articles,
            max_dates=args.dates,
            sentences_per_date=args.sentences,
            keywords=keyword_phrases(args.keywords),
            dct=parse_dct(args.dct),
            lang=args.lang,
            workers=args.workers,
            on_item=on_item,
        )


def _from_store(args: argparse.Namespace) -> Summary:
    from storyline.store import summary_from_store

    return summary_from_store(
        args.db,
        args.story,
        max_dates=args.dates,
        sentences_per_date=args.sentences,
        keywords=keyword_phrases(args.keywords),
    )


def run(args: argparse.Namespace) -> int:
    summary = from_store_or_files(args, "summarise", lambda: _from_store(args), lambda: _from_files(args))
    write_output(args, render_summary(summary, output_format(args, FORMATS)))
    return exit_code(args, len(summary.documents), len(summary.errors), counted(len(summary.days), "day"))
