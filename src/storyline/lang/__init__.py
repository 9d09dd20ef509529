"""Language knowledge as data: one folder per language (``de/``, ``en/``).

Each folder holds plain resource files (TOML tables, one-item-per-line word lists) read
through :func:`resource` and :func:`word_list`.  Adding a language means adding a folder with
the same file names; the engines never name a language.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

SUPPORTED = ("de", "en")


def _read(lang: str, name: str) -> str:
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED)})")
    return resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")


@cache
def resource(lang: str, name: str) -> dict[str, Any]:
    """A TOML resource of a language, e.g. ``resource("de", "events.toml")``."""
    return tomllib.loads(_read(lang, name))


@cache
def word_list(lang: str, name: str) -> frozenset[str]:
    """A one-entry-per-line list (``#`` starts a comment), e.g. abbreviations."""
    entries = (line.split("#", 1)[0].strip() for line in _read(lang, name).splitlines())
    return frozenset(entry for entry in entries if entry)


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Fixed words or phrases as one regular-expression alternation: longest first, so that the
    longest one at a place wins ("Published on" before "Published"), any white space between a
    phrase's words.  No phrases give an alternation that matches nothing."""
    ordered = sorted({" ".join(phrase.split()) for phrase in phrases} - {""}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered) or "(?!)"


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """Fixed words or phrases as a pattern of whole words (:func:`phrase_alternation`)."""
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(phrases)})(?!\w)", re.IGNORECASE if ignore_case else 0)
