"""``storyline build``: articles (or a story desk database) in, a sourced timeline out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from storyline import pipeline
from storyline.cli.common import (
    add_input_options,
    add_output_options,
    add_query_option,
    add_source_options,
    exit_code,
    from_store_or_files,
    output_format,
    parse_dct,
    progress,
    query_words,
    write_output,
)
from storyline.model import Timeline
from storyline.render import FORMATS, render
from storyline.render.common import counted


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "build",
        help="build a timeline from articles",
        description="Build a sourced timeline from article files and folders (txt, json, jsonl, html).",
    )
    sub.add_argument("articles", nargs="*", type=Path, help="files or folders (recursed)")
    add_output_options(sub, FORMATS)
    add_input_options(sub)
    add_query_option(sub)
    sub.add_argument("--max-events", type=int, metavar="N", help="keep the N most salient events")
    sub.add_argument("--with-text", action="store_true", help="json: include each document's text")
    add_source_options(sub)
    sub.set_defaults(func=run)


def _from_files(args: argparse.Namespace) -> Timeline:
    with progress() as on_item:
        return pipeline.build(
            args.articles,
            dct=parse_dct(args.dct),
            lang=args.lang,
            query=query_words(args.query),
            max_events=args.max_events,
            workers=args.workers,
            keep_text=args.with_text,
            on_item=on_item,
        )


def _from_store(args: argparse.Namespace) -> Timeline:
    from storyline.store import timeline_from_store

    return timeline_from_store(args.db, story=args.story, query=query_words(args.query), max_events=args.max_events)


def run(args: argparse.Namespace) -> int:
    timeline = from_store_or_files(args, "build", lambda: _from_store(args), lambda: _from_files(args))
    write_output(args, render(timeline, output_format(args, FORMATS), with_text=args.with_text))
    return exit_code(args, len(timeline.documents), len(timeline.errors), counted(len(timeline.events), "event"))
