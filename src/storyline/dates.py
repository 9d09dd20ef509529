"""Calendar periods that carry their precision.

A date in storyline is never silently a day: "2025-06" stays a month until the text proves a
day.  :class:`Period` is the one representation of such a value (an ISO/TIMEX3 value string,
its precision, an optional modifier, and the first and last calendar day it covers), so that
comparison and merging respect precision everywhere.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    """How much of a calendar value is known, coarsest first."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    TIME = "time"

    @property
    def rank(self) -> int:
        """0 for the coarsest precision; larger is finer."""
        return _PRECISION_RANK[self]


_PRECISION_RANK = {precision: rank for rank, precision in enumerate(Precision)}


class Mod(StrEnum):
    """Where inside its period a value lies (TimeML ``mod``, the calendar part of it)."""

    START = "start"
    MID = "mid"
    END = "end"
    APPROX = "approx"


# Meteorological seasons, three months each from their first (winter runs into the next year).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}

_PATTERNS: list[tuple[Precision, re.Pattern[str]]] = [
    (Precision.TIME, re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$")),
    (Precision.DAY, re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
    (Precision.WEEK, re.compile(r"^(\d{4})-W(\d{2})$")),
    (Precision.MONTH, re.compile(r"^(\d{4})-(\d{2})$")),
    (Precision.SEASON, re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")),
    (Precision.QUARTER, re.compile(r"^(\d{4})-Q([1-4])$")),
    (Precision.HALF, re.compile(r"^(\d{4})-H([12])$")),
    (Precision.YEAR, re.compile(r"^(\d{4})$")),
    (Precision.DECADE, re.compile(r"^(\d{3})$")),
    (Precision.CENTURY, re.compile(r"^(\d{2})$")),
]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept within the month it lands in (31 Jan + 1 → 28 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Period:
    """A calendar value at a precision: the span of days it may denote.

    ``value`` is the TimeML/ISO form (``2025``, ``2025-Q1``, ``2025-06``, ``2025-W11``,
    ``2025-05-19``, ``2025-05-19T10:00``); ``first`` and ``last`` are the days it covers.
    """

    value: str
    precision: Precision
    first: date
    last: date
    mod: Mod | None = None

    # -- construction -------------------------------------------------------------------
    @classmethod
    def parse(cls, value: str, mod: Mod | str | None = None) -> Period:
        """Read a TimeML/ISO calendar value; raise ``ValueError`` for anything else."""
        text = value.strip()
        mod_value = Mod(mod.lower()) if isinstance(mod, str) else mod
        for precision, pattern in _PATTERNS:
            match = pattern.match(text)
            if match:
                first, last = _span(precision, match.groups())
                return cls(text, precision, first, last, mod_value)
        raise ValueError(f"not a calendar date value: {value!r}")

    @classmethod
    def of_day(cls, day: date) -> Period:
        return cls(day.isoformat(), Precision.DAY, day, day)

    # -- views ----------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self.first.year if self.precision is not Precision.WEEK else int(self.value[:4])

    @property
    def is_day_or_finer(self) -> bool:
        # by identity, not rank: asked for every mention and sentence, and an enum hashes slowly
        return self.precision is Precision.DAY or self.precision is Precision.TIME

    @property
    def day(self) -> date | None:
        """The day this value names, when it names exactly one."""
        return self.first if self.is_day_or_finer else None

    def with_mod(self, mod: Mod | None) -> Period:
        return Period(self.value, self.precision, self.first, self.last, mod)

    # -- relations ----------------------------------------------------------------------
    def contains(self, other: Period) -> bool:
        """True when every day ``other`` may denote lies inside this period."""
        return self.first <= other.first and other.last <= self.last

    def overlaps(self, other: Period) -> bool:
        return self.first <= other.last and other.first <= self.last

    def likely_span(self) -> tuple[date, date]:
        """The days the value most likely denotes: its modifier narrows the span to the first,
        middle or last third (with a little slack, since "Mitte März" may be the 21st)."""
        if self.mod not in (Mod.START, Mod.MID, Mod.END) or self.first == self.last:
            return self.first, self.last
        length = (self.last - self.first).days + 1
        third = length // 3
        slack = max(1, length // 15)
        if self.mod is Mod.START:
            return self.first, self.first + timedelta(days=third + slack)
        if self.mod is Mod.END:
            return self.last - timedelta(days=third + slack), self.last
        return self.first + timedelta(days=third - slack), self.last - timedelta(days=third - slack)

    def compatible(self, other: Period) -> bool:
        """Could both values name the same happening? One lies within the other's likely span.

        "2025-06" and "2025-06-04" are compatible, so are "Mitte Februar" and 12 February;
        "2025-05-18" and "2025-05-19" are not.
        """
        a_first, a_last = self.likely_span()
        b_first, b_last = other.likely_span()
        return (a_first <= b_first and b_last <= a_last) or (b_first <= a_first and a_last <= b_last)

    def days_apart(self, other: Period) -> int:
        """0 when the spans overlap, else the gap in days between them."""
        if self.overlaps(other):
            return 0
        if self.last < other.first:
            return (other.first - self.last).days
        return (self.first - other.last).days

    def sort_key(self) -> tuple[date, int, str, str]:
        """Chronological order by the likely span ("mid-April" after 3 April); a coarser period
        sorts before the finer ones it contains, and periods that read alike stay together
        ("March 2025" before "around March 2025")."""
        return (self.likely_span()[0], self.precision.rank, self.value, self.mod.value if self.mod else "")

    def __str__(self) -> str:
        return self.value if self.mod is None else f"{self.value} ({self.mod.value})"


def _span(precision: Precision, groups: tuple[str | None, ...]) -> tuple[date, date]:
    parts = [g for g in groups if g is not None]
    if precision in (Precision.TIME, Precision.DAY):
        day = date(int(parts[0]), int(parts[1]), int(parts[2]))
        if precision is Precision.TIME and not (int(parts[3]) <= 24 and int(parts[4]) < 60):
            raise ValueError(f"bad time of day in {'-'.join(parts)}")
        return day, day
    year = int(parts[0])
    if precision is Precision.WEEK:
        week = int(parts[1])
        monday = date.fromisocalendar(year, week, 1)  # raises ValueError for week 54 etc.
        return monday, monday + timedelta(days=6)
    if precision is Precision.MONTH:
        month = int(parts[1])
        if not 1 <= month <= 12:
            raise ValueError(f"bad month {month}")
        return date(year, month, 1), _month_end(year, month)
    if precision is Precision.SEASON:
        first = date(year, SEASON_START[parts[1]], 1)
        last_month = add_months(first, 2)
        return first, _month_end(last_month.year, last_month.month)
    if precision is Precision.QUARTER:
        first_month = (int(parts[1]) - 1) * 3 + 1
        return date(year, first_month, 1), _month_end(year, first_month + 2)
    if precision is Precision.HALF:
        first_month = 1 if parts[1] == "1" else 7
        return date(year, first_month, 1), _month_end(year, first_month + 5)
    if precision is Precision.YEAR:
        return date(year, 1, 1), date(year, 12, 31)
    if precision is Precision.DECADE:
        start = year * 10
        return date(max(start, 1), 1, 1), date(start + 9, 12, 31)
    start = year * 100
    return date(max(start, 1), 1, 1), date(start + 99, 12, 31)
