"""Calendar arithmetic on reference days: shifting by units and writing TIMEX3 values.

Units are TIMEX3 letters: ``D`` day, ``W`` week, ``M`` month, ``Q`` quarter,
``HALF`` half year, ``Y`` year, ``DE`` decade, ``CE`` century, ``WE`` weekend, and seasons
``SP SU FA WI``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from storyline.dates import SEASON_START, Period, Precision, add_months


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units (calendar units keep the day of month where possible)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q" or unit in SEASON_START:
        return add_months(day, 3 * amount)
    if unit == "HALF":
        return add_months(day, 6 * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    if unit == "CE":
        return add_months(day, 1200 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def value_at(day: date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-sized period that contains ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "WE"):
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "HALF":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    if unit in SEASON_START:
        year = day.year - 1 if unit == "WI" and day.month < 3 else day.year
        return f"{year:04d}-{unit}"
    raise ValueError(f"unknown unit {unit!r}")


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday(year: int, spec: str) -> date | None:
    """The day of a holiday spec in ``year``: ``MM-DD``, ``easter±N``, ``MM-wd-N`` (N-th weekday,
    ``L`` for the last)."""
    if spec.startswith("easter"):
        offset = int(spec[6:] or 0)
        return easter(year) + timedelta(days=offset)
    parts = spec.split("-")
    if len(parts) == 2:
        return date(year, int(parts[0]), int(parts[1]))
    month, weekday = int(parts[0]), int(parts[1])
    first = date(year, month, 1)
    if parts[2] != "L":
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(parts[2]) - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def period_of(value: str) -> Period | None:
    """The calendar span a DATE/TIME value names (parts of day count as their day)."""
    base = value
    if "T" in value:
        base = value.split("T", 1)[0]
        if len(value) > len(base) + 1 and value[len(base) + 1].isdigit():
            try:
                return Period.parse(value)
            except ValueError:
                pass
    if base.endswith("-WE"):
        base = base[:-3]
    try:
        return Period.parse(base)
    except ValueError:
        return None


def common_value(first: str, last: str) -> str | None:
    """The finest value that holds both ``first`` and ``last`` (for a DCT known only coarsely)."""
    if first == last:
        return first
    a, b = period_of(first), period_of(last)
    if a is None or b is None:
        return None
    units = ((Precision.MONTH, "M"), (Precision.QUARTER, "Q"), (Precision.HALF, "HALF"), (Precision.YEAR, "Y"))
    for precision, unit in units:
        if value_at(a.first, unit) == value_at(b.last, unit) and a.precision.rank >= precision.rank:
            return value_at(a.first, unit)
    return None
