"""``storyline eval tls``: timeline summarisation on Timeline17 folders, scored as tilse does."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from storyline.evaluate.tls import evaluate_folders
from storyline.tls import METHODS


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "tls",
        help="timeline summarisation on T17 folders (AR-1, AR-2, date F1)",
        description=(
            "Run a TLS method on every reference timeline of T17-style topic folders (news-tls protocol) "
            "and print tilse's AR-1/AR-2 F1 (align+ m:1, ROUGE-1.5.5 with stemming and stop words), "
            "date F1 and seconds, per topic and their mean."
        ),
    )
    sub.add_argument("datasets", nargs="+", type=Path, help="topic folders, or folders holding them")
    sub.add_argument("--method", choices=sorted(METHODS), default="storyline", help="default: storyline")
    sub.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = evaluate_folders(args.datasets, METHODS[args.method])
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'topic':<24} {'AR-1 F1':>8} {'AR-2 F1':>8} {'date F1':>8} {'seconds':>8}")
    for name, row in [*report["topics"].items(), ("mean", report["mean"])]:
        print(f"{name:<24} {row['ar1_f1']:>8.4f} {row['ar2_f1']:>8.4f} {row['date_f1']:>8.4f} {row['seconds']:>8.2f}")
    return 0
