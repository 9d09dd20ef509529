"""PLACEHOLDER for `storyline ... timex`: replaced by its owner."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser("timex", help="(not yet available)")
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("storyline: this command is not available yet")
