"""``storyline bench timex|tls``: speed and quality benchmarks that print numbers."""

from __future__ import annotations

from typing import Any

from storyline.cli._group import register_group


def register(subparsers: Any) -> None:
    register_group(
        subparsers, "bench", "benchmarks that print the numbers the issues ask for", ("timex", "tls", "store", "serve")
    )
