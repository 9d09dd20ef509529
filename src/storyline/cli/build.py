"""``storyline build``: articles (or a story desk database) in, a sourced timeline out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from storyline import pipeline
from storyline.cli.common import (
    add_input_options,
    add_output_options,
    exit_code,
    output_format,
    parse_dct,
    progress,
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
    sub.add_argument("--query", help="focus on a topic: events whose sentences use none of these words drop out")
    sub.add_argument("--max-events", type=int, metavar="N", help="keep the N most salient events")
    sub.add_argument("--with-text", action="store_true", help="json: include each document's text")
    sub.add_argument("--strict", action="store_true", help="exit 1 when any input had an error")
    sub.add_argument("--workers", type=int, default=1, metavar="N", help="analyse articles in N processes (default: 1)")
    sub.add_argument("--db", type=Path, help="build from a story desk database instead of files")
    sub.add_argument("--story", default="default", help="the story in --db (default: default)")
    sub.set_defaults(func=run)


def _from_files(args: argparse.Namespace) -> Timeline:
    with progress() as on_item:
        return pipeline.build(
            args.articles,
            dct=parse_dct(args.dct),
            lang=None if args.lang == "auto" else args.lang,
            query=args.query,
            max_events=args.max_events,
            workers=args.workers,
            keep_text=args.with_text,
            on_item=on_item,
        )


def run(args: argparse.Namespace) -> int:
    if args.db is not None:
        from storyline.store import timeline_from_store

        try:
            timeline = timeline_from_store(args.db, story=args.story, query=args.query, max_events=args.max_events)
        except FileNotFoundError as error:
            raise SystemExit(f"storyline: error: {error}") from None
    elif not args.articles:
        raise SystemExit("storyline build: give article files or folders, or --db")
    else:
        timeline = _from_files(args)
    write_output(args, render(timeline, output_format(args, FORMATS), with_text=args.with_text))
    return exit_code(args, len(timeline.documents), len(timeline.errors), counted(len(timeline.events), "event"))
