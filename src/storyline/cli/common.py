"""Options and messages shared by the subcommands that read articles."""

from __future__ import annotations

import argparse
import re

from storyline.model import InputError, Period

_DCT = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def parse_dct(value: str | None) -> Period | None:
    """``--dct`` as a Period at the precision given (year, month or day)."""
    if value is None:
        return None
    try:
        if not _DCT.match(value):
            raise ValueError(value)
        return Period.parse(value)
    except ValueError:
        raise SystemExit(f"storyline: error: --dct {value!r} is not a date like 2025, 2025-05 or 2025-05-17") from None


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("de", "en", "auto"), default="auto", help="language of the articles")
    parser.add_argument("--dct", metavar="YYYY[-MM[-DD]]", help="publication date for inputs that have none")


def error_line(error: InputError) -> str:
    """The one line an input error gets on stderr."""
    return f"storyline: error: {error.source}: {error.error}"
