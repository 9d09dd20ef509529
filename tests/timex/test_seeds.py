"""The tagger on the project's seed articles (German news of 2025; read from ../shared/seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.dates import Period
from storyline.model import TimeExpression, TimexType
from storyline.timex import tag

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _tag_seed(stem: str, dct: str) -> list[TimeExpression]:
    path = SEEDS / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"seed articles missing: {path}")
    text = path.read_text(encoding="utf-8").split(" ", 3)[-1] if dct else path.read_text(encoding="utf-8")
    return tag(text, "de", Period.parse(dct))


def _values(found: list[TimeExpression], surface: str) -> list[str]:
    return [t.value for t in found if t.text == surface]


def test_announced_call_on_monday_is_the_next_monday() -> None:
    found = _tag_seed("000_1a520e8d788a5352", "2025-05-17")
    assert set(_values(found, "Montag")) == {"2025-05-19"}
    assert _values(found, "Freitag") == ["2025-05-16"]
    assert _values(found, "Mitte März") == ["2025-03"]
    clock = next(t for t in found if t.text == "10 Uhr")
    assert (clock.type, clock.value, clock.timezone) == (TimexType.TIME, "2025-05-19T10:00", "America/New_York")


def test_month_only_publication_date_never_yields_a_guessed_day() -> None:
    found = _tag_seed("000_1a520e8d788a5352", "2025-05")
    for timex in found:
        if timex.text == "Montag":
            assert timex.period is not None and not timex.period.is_day_or_finer


def test_weekday_with_bracketed_date_and_last_week() -> None:
    found = _tag_seed("004_6927d32ddd24a493", "2025-03")
    assert _values(found, "Dienstagmorgen (18. März)") == ["2025-03-18TMO"]
    assert _values(found, "Februar 2022") == ["2022-02"]


def test_mid_august_and_the_call_duration() -> None:
    assert "2025-08" in _values(_tag_seed("003_6301176800972ff8", "2025-08-26"), "Mitte August")
    durations = [t for t in _tag_seed("002_6eabbf3a9e3deab6", "2025-06") if t.type is TimexType.DURATION]
    assert "PT1H15M" in [t.value for t in durations]
