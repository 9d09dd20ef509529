"""Subcommand groups (``storyline eval timex``, ``storyline bench tls``): one module a member."""

from __future__ import annotations

import argparse
import importlib
from typing import Any


def register_group(subparsers: Any, name: str, help_text: str, members: tuple[str, ...]) -> None:
    """Add group ``name``; member ``m`` lives in ``storyline.cli.<name>_<m>``."""
    group: argparse.ArgumentParser = subparsers.add_parser(name, help=help_text, description=help_text)
    members_parsers = group.add_subparsers(dest=f"{name}_command", required=True)
    for member in members:
        importlib.import_module(f"storyline.cli.{name}_{member}").register(members_parsers)
