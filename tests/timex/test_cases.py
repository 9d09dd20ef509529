"""Table-driven tests of the temporal tagger: hand-written cases per language (cases_*.toml).

Each case is a sentence, its DCT (day, month or year precision, or none), the expression the
tagger must find in it, and the TIMEX3 type, value and (optionally) mod it must give.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from storyline.dates import Period
from storyline.model import Sentence
from storyline.timex import tag

HERE = Path(__file__).resolve().parent


def _table(lang: str) -> dict[str, Any]:
    return tomllib.loads((HERE / f"cases_{lang}.toml").read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    params = []
    for lang in ("de", "en"):
        for index, case in enumerate(_table(lang)["cases"]):
            mod = case[5] if len(case) > 5 else None
            params.append(pytest.param(lang, *case[:5], mod, id=f"{lang}-{index}-{case[2]}"))
    return params


def _tag(sentence: str, lang: str, dct: str) -> list[Any]:
    period = Period.parse(dct) if dct else None
    return tag(sentence, lang, period, [Sentence(0, 0, len(sentence), sentence)])


@pytest.mark.parametrize(("lang", "dct", "sentence", "expression", "type_", "value", "mod"), _cases())
def test_expression_is_found_and_normalised(
    lang: str, dct: str, sentence: str, expression: str, type_: str, value: str, mod: str | None
) -> None:
    found = {t.text: t for t in _tag(sentence, lang, dct)}
    assert expression in found, f"{expression!r} not found; tagger found {sorted(found)}"
    timex = found[expression]
    assert (timex.type.value, timex.value, timex.mod) == (type_, value, mod)
    assert sentence[timex.start : timex.end] == expression


@pytest.mark.parametrize(("lang", "sentence"), [(lang, s) for lang in ("de", "en") for s in _table(lang)["nothing"]])
def test_sentence_without_time_expression_yields_nothing(lang: str, sentence: str) -> None:
    assert _tag(sentence, lang, "2025-05-17") == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_language_has_at_least_150_cases(lang: str) -> None:
    assert len(_table(lang)["cases"]) >= 150
