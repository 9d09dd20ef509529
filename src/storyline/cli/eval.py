"""``storyline eval timex|tls``: the evaluation harnesses."""

from __future__ import annotations

from typing import Any

from storyline.cli._group import register_group


def register(subparsers: Any) -> None:
    register_group(subparsers, "eval", "evaluate against annotated corpora", ("timex", "tls"))
