"""``storyline eval timex CORPUS_DIR... [--lang de|en] [--errors N] [--json] [--system DIR]``.

Runs the temporal tagger on the plain text of every TimeML file under each directory (its DCT
from the document) and prints TempEval-3 scores per corpus and overall.  Folders named
``heideltime_output_by_authors`` hold system output, not gold, and are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from storyline.evaluate.timeml import system_output_folders
from storyline.evaluate.timex import (
    as_json,
    errors_json,
    evaluate_corpora,
    format_by_type,
    format_errors,
    format_table,
    overall,
    replay_tagger,
    storyline_tagger,
)
from storyline.lang import SUPPORTED


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "timex",
        help="score the temporal tagger on TimeML corpora (TempEval-3 metrics)",
        description=(
            "Score the temporal tagger on TimeML corpora (every .tml file under each folder, each with "
            "its own DCT) with the TempEval-3 metrics, per corpus and overall. Folders named "
            "heideltime_output_by_authors hold system output and are never read as gold."
        ),
    )
    sub.add_argument("corpora", nargs="+", type=Path, metavar="CORPUS_DIR", help="folders of .tml files (recursed)")
    sub.add_argument("--lang", choices=SUPPORTED, help="language of the texts (default: detected per document)")
    sub.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help='show the N most frequent error patterns of each kind (with --json: under "errors")',
    )
    sub.add_argument("--json", action="store_true", help="print the scores as JSON")
    sub.add_argument(
        "--system",
        type=Path,
        metavar="DIR",
        help="score stored TimeML output of another system (matched to the gold by text) instead of our tagger",
    )
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    missing = [str(path) for path in [*args.corpora, *([args.system] if args.system else [])] if not path.exists()]
    if missing:
        print(f"storyline eval timex: no such corpus: {', '.join(missing)}", file=sys.stderr)
        return 2
    for corpus in args.corpora:
        for folder in system_output_folders(corpus):
            print(f"storyline eval timex: not gold, skipped: {folder}", file=sys.stderr)
    try:
        tagger = replay_tagger(args.system) if args.system else storyline_tagger
        results = evaluate_corpora(args.corpora, tagger, lang=args.lang)
    except ValueError as error:
        print(f"storyline eval timex: {error}", file=sys.stderr)
        return 2
    total = overall(results)
    if args.json:
        report = as_json(results)
        if args.errors > 0:
            report["errors"] = errors_json(total.errors, args.errors)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        rows = [*results, total] if len(results) > 1 else results
        print(format_table(rows))
        print("\nby type (all corpora):")
        print(format_by_type(total))
        if args.errors > 0:
            print("\n" + format_errors(total.errors, args.errors))
    return 0
