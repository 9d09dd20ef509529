"""Periods carry their precision: comparisons and merges respect it."""

from datetime import date

import pytest

from storyline.dates import Mod, Period, Precision


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        ("2025", Precision.YEAR, date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-Q1", Precision.QUARTER, date(2025, 1, 1), date(2025, 3, 31)),
        ("2025-06", Precision.MONTH, date(2025, 6, 1), date(2025, 6, 30)),
        ("2025-W11", Precision.WEEK, date(2025, 3, 10), date(2025, 3, 16)),
        ("2025-05-19", Precision.DAY, date(2025, 5, 19), date(2025, 5, 19)),
        ("2025-05-19T10:00", Precision.TIME, date(2025, 5, 19), date(2025, 5, 19)),
        ("2025-SU", Precision.SEASON, date(2025, 6, 1), date(2025, 8, 31)),
        ("2024-WI", Precision.SEASON, date(2024, 12, 1), date(2025, 2, 28)),
        ("2025-H2", Precision.HALF, date(2025, 7, 1), date(2025, 12, 31)),
        ("199", Precision.DECADE, date(1990, 1, 1), date(1999, 12, 31)),
        ("20", Precision.CENTURY, date(2000, 1, 1), date(2099, 12, 31)),
    ],
)
def test_parse_gives_the_span_a_value_denotes(value: str, precision: Precision, first: date, last: date) -> None:
    period = Period.parse(value)
    assert (period.precision, period.first, period.last) == (precision, first, last)
    assert period.value == value


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "2025-W54", "25-05-19", "PAST_REF", "P3Y", ""])
def test_parse_refuses_what_is_not_a_calendar_value(value: str) -> None:
    with pytest.raises(ValueError):
        Period.parse(value)


def test_a_month_and_a_day_in_it_are_compatible_but_two_days_are_not() -> None:
    june = Period.parse("2025-06")
    assert june.compatible(Period.parse("2025-06-04"))
    assert Period.parse("2025-06-04").compatible(june)
    assert not Period.parse("2025-05-18").compatible(Period.parse("2025-05-19"))


def test_mid_month_is_compatible_with_the_middle_days_only() -> None:
    mid_february = Period.parse("2025-02", Mod.MID)
    assert mid_february.compatible(Period.parse("2025-02-12"))
    assert not mid_february.compatible(Period.parse("2025-02-02"))
    assert Period.parse("2025-03", "end").compatible(Period.parse("2025-03-29"))
    assert not Period.parse("2025-03", "start").compatible(Period.parse("2025-03-29"))


def test_chronological_order_puts_a_period_before_the_days_it_contains() -> None:
    day = Period.parse("2025-03-18")
    ordered = sorted([day, Period.parse("2025-03"), Period.parse("2025-02-12")], key=Period.sort_key)
    assert [p.value for p in ordered] == ["2025-02-12", "2025-03", "2025-03-18"]


def test_a_part_of_a_period_sorts_where_it_likely_lies() -> None:
    periods = [Period.parse("2021-04", Mod.MID), Period.parse("2021-04-13"), Period.parse("2021-04-03"),
               Period.parse("2021-04", Mod.END), Period.parse("2021-04")]  # fmt: skip
    ordered = sorted(periods, key=Period.sort_key)
    assert [str(p) for p in ordered] == ["2021-04", "2021-04-03", "2021-04 (mid)", "2021-04-13", "2021-04 (end)"]


def test_periods_that_read_alike_sort_together() -> None:
    periods = [Period.parse("2025-03", Mod.APPROX), Period.parse("2025-03"), Period.parse("2025-03", Mod.APPROX)]
    assert [str(p) for p in sorted(periods, key=Period.sort_key)] == ["2025-03", "2025-03 (approx)", "2025-03 (approx)"]


def test_days_apart() -> None:
    assert Period.parse("2025-05-18").days_apart(Period.parse("2025-05-19")) == 1
    assert Period.parse("2025-05").days_apart(Period.parse("2025-05-19")) == 0
