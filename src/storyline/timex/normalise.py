"""From a rule match to a TIMEX3 type and value, resolved against the reference time.

A match is read through its named groups (``year``, ``month``, ``day``, ``weekday``, ``num``,
``unit`` …) and the lexicon tables of its language; the rule's ``kind`` says which reading
applies.  Underspecified expressions are resolved against the DCT by a function of the
reference day; when the DCT is only a month or a year, that function is evaluated at both ends
of the DCT's span and only what both agree on is kept, so no day is ever guessed.  When the DCT
is a month, the match is also read against every day of it: where three quarters of the days
the readings may denote lie in one month, that month is the value, with mod APPROX ("am
Donnerstag" in an article of March is around March, not "the first half of the year"); and
where every reading lies after its day, the reading is ``after_dct`` (a plan, "ab kommenden
Montag"), which the month alone cannot say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from storyline.dates import SEASON_START, Mod, Period, Precision, add_months
from storyline.timex.calendar import common_value, holiday, period_of, shift, value_at
from storyline.timex.grammar import Grammar, Rule, Table

_TIME_UNITS = {"H", "MIN", "S"}
# How many days a date on the side its tense rules out counts as farther away: a tense cue in
# the expression's own clause is trusted more than one elsewhere in the sentence.
_WRONG_SIDE_DAYS = 150
_WRONG_SIDE_DAYS_IN_CLAUSE = 300
_MONTHS_PER_UNIT = {"Q": 3, "HALF": 6}
# How long after a quarter ends its results are still reported as news.
_REPORTING_DAYS = 45
# The share of the days an expression may denote, against a DCT known to the month, that one
# month must hold to be its value (a weekday lies at most six days outside the DCT's month).
_LIKELY_MONTH_SHARE = 0.75
# The longest DCT span read day by day (a month; a year DCT keeps only what is certain).
_MAX_DAYS_READ = 31
_CALENDAR_MODS = {m.name for m in Mod}
_UNIT_TABLES = ("units", "units_sg", "units_pl", "unit_adjectives", "unit_adverbs")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Context:
    """What a match is resolved against: the DCT, the tense around it, the narrative day."""

    grammar: Grammar
    dct: Period | None
    tense: str  # "past", "future", "present" or ""
    narrative_day: date | None
    previous: str | None = None  # the value of the last DATE in this or the previous sentence
    tense_in_clause: bool = False  # the tense cue is in the expression's own clause
    topic_quarter: str | None = None  # the last quarter the document named ("the third quarter")


@dataclass(frozen=True)
class Normalised:
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    timezone: str | None = None
    anchor: str | None = None  # the calendar value a DURATION such as "vor drei Jahren" points to
    anchor_mod: str | None = None  # APPROX where the anchor is only the likely month
    after_dct: bool = False  # after the publication day, whichever day of a coarse DCT it is


def reading_period(reading: Normalised) -> Period | None:
    """The calendar span a reading denotes (DATE and TIME values, and the point an anchored
    DURATION names), with its calendar modifier."""
    if reading.anchor:
        value, mod = reading.anchor, reading.anchor_mod
    elif reading.type in ("DATE", "TIME"):
        value, mod = reading.value, reading.mod
    else:
        return None
    period = period_of(value)
    if period is None:
        return None
    return period.with_mod(Mod[mod]) if mod in _CALENDAR_MODS and mod else period


_UNIT_OF_PRECISION = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "half": "HALF", "year": "Y"}


def _from_previous(ctx: Context, unit: str, steps: int, anchor: str, precision_unit: str = "") -> str | None:
    """Counted from the time the text just named, where ``anchor`` asks for it: "previous"
    (any calendar value: "three days later", "the following year"), "quarter" (only a
    quarter: "up from $5 million a year ago" after "in the third quarter" is that quarter a year
    before, while "a year ago" on its own is counted from the DCT) or "topic_quarter" (the last
    quarter the document named, however far back: "the year-ago quarter" compares like with
    like).  The result has the named time's precision, or ``precision_unit``'s where given."""
    named = ctx.topic_quarter if anchor == "topic_quarter" else ctx.previous
    period = period_of(named) if named else None
    if period is None or period.precision.value not in _UNIT_OF_PRECISION or unit in _TIME_UNITS:
        return None
    if anchor not in ("previous", "topic_quarter", period.precision.value):
        return None
    return value_at(shift(period.first, unit, steps), precision_unit or _UNIT_OF_PRECISION[period.precision.value])


def resolve(ctx: Context, fn: Callable[[date], str | None]) -> str | None:
    """``fn`` applied to the reference day; only the certain part when the DCT is coarse."""
    if ctx.dct is None:
        return None
    if ctx.dct.is_day_or_finer:
        return fn(ctx.dct.first)
    first, last = fn(ctx.dct.first), fn(ctx.dct.last)
    if first is None or last is None:
        return None
    return common_value(first, last)


# -- reading groups ---------------------------------------------------------------------


def number(grammar: Grammar, text: str) -> float | None:
    """A number written in digits or words ("15", "1,5", "dreiundzwanzig", "twenty-four")."""
    text = text.strip().lower()
    if _DIGITS.fullmatch(text):
        return float(text.replace(",", "."))
    atoms = grammar.tables["number_atoms"]
    multipliers = grammar.tables.get("number_multipliers")
    joiners = tuple(grammar.settings.get("number_joiners", ()))
    direct = atoms.lookup(text)
    if direct is not None:
        return float(direct)
    total, current, rest = 0.0, 0.0, text
    while rest:
        if rest[0] in " -":
            rest = rest[1:]
            continue
        # The longest piece wins: "and" is a joiner, not the article "an" followed by "d".
        atom = _longest_prefix(atoms, rest) or ""
        factor_word = (_longest_prefix(multipliers, rest) if multipliers else None) or ""
        joiner = next((j for j in joiners if rest.startswith(j) and len(rest) > len(j)), "")
        longest = max(atom, factor_word, joiner, key=len)
        if not longest:
            return None
        if longest == factor_word and multipliers is not None:
            current = max(current, 1.0) * float(multipliers.lookup(factor_word))
            if current >= 1000:
                total, current = total + current, 0.0
        elif longest == atom:
            current += float(atoms.lookup(atom))
        rest = rest[len(longest) :]
    return total + current


def _longest_prefix(table: Table, text: str) -> str | None:
    """The longest literal form of ``table`` that ``text`` starts with."""
    return next((form for form in table.forms if text.startswith(form)), None)


def _int_or_table(grammar: Grammar, table: str, text: str | None) -> int | None:
    if text is None:
        return None
    stripped = text.strip().rstrip(".")
    if stripped.isdigit():
        return int(stripped)
    value = grammar.tables[table].lookup(stripped) if table in grammar.tables else None
    return None if value is None else int(value)


def _unit(grammar: Grammar, text: str | None) -> str:
    """The unit letter of a unit word, from whichever unit table knows it ("" if none)."""
    for table in _UNIT_TABLES:
        value = _lookup(grammar, table, text)
        if value is not None:
            return str(value)
    return ""


def _lookup(grammar: Grammar, table: str, text: str | None) -> object:
    if text is None or table not in grammar.tables:
        return None
    return grammar.tables[table].lookup(text.strip())


def _year(text: str, ctx: Context) -> int:
    digits = text.strip().lstrip("'’")
    year = int(digits)
    if len(digits) == 2:
        base = ctx.dct.year if ctx.dct else 2000
        year = base - base % 100 + year
        if year > base + 20:
            year -= 100
    return year


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _direction(ctx: Context, rel: int | None) -> tuple[int, bool]:
    """Which way an underspecified date lies from the reference: (sign, strictly)."""
    if rel is not None:
        return rel, True
    if ctx.tense == "past":
        return -1, False
    if ctx.tense == "future":
        return 1, False
    return 0, False


def _pick_year(
    ref: date, span_of: Callable[[int], tuple[date, date] | None], sign: int, strict: bool, penalty: int
) -> int:
    """The year that puts the period ``span_of(year)`` nearest to the reference, on the side
    the tense or a "last"/"next" puts it.

    Distance is from the reference to the nearest day of the period (0 while it lasts), so a
    quarter that ended a month ago is near.  An explicit "last"/"next" (``strict``) is a hard
    constraint; a tense only adds ``penalty`` days against the other side, so a misread tense
    cannot push "10. November" in an article of 7 November a whole year back.
    """
    best, best_cost = ref.year, float("inf")
    for year in (ref.year - 1, ref.year, ref.year + 1):
        span = span_of(year)
        if span is None:
            continue
        first, last = span
        delta = (first - ref).days if first > ref else (last - ref).days if last < ref else 0
        if strict and (delta * sign <= 0):
            continue
        cost = abs(delta) + (penalty if delta * sign < 0 else 0)
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def _reporting_year(ref: date, start_month: int, months: int, tense: str) -> int:
    """The year of a quarter or half named without one ("the third quarter"), as business news
    uses them: the reference year's, except that in a past-tense sentence a period that has not
    begun is last year's, and in a future-tense one a period that ended more than a reporting
    season (45 days) ago is next year's."""
    start = date(ref.year, start_month, 1)
    if tense == "past" and start > ref:
        return ref.year - 1
    if tense == "future" and add_months(start, months) + timedelta(days=_REPORTING_DAYS) <= ref:
        return ref.year + 1
    return ref.year


def _weekday_day(ref: date, weekday: int, sign: int, strict: bool) -> date:
    ahead = (weekday - ref.isoweekday()) % 7
    if sign > 0:
        return ref + timedelta(days=ahead or (7 if strict else 0))
    if sign < 0:
        back = (ref.isoweekday() - weekday) % 7
        return ref - timedelta(days=back or (7 if strict else 0))
    return ref + timedelta(days=ahead if ahead <= 3 else ahead - 7)


# -- kinds --------------------------------------------------------------------------------


def _calendar(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """Dates, parts of days and clock times named by calendar fields."""
    g = ctx.grammar
    groups = match.groupdict()
    mod = _lookup(g, "mods", groups.get("mod")) or rule.attrs.get("mod")
    part = _lookup(g, "parts", groups.get("part"))
    value: str | None
    if groups.get("century"):
        century = _int_or_table(g, "ordinals", groups["century"])
        if century is None:
            return None
        value = f"{century - 1:02d}"
    elif groups.get("decade"):
        value = _decade(groups["decade"], groups.get("century_digits"), ctx)
    else:
        value = _calendar_value(groups, ctx, rule)
    if value is None:
        return None
    kind = "DATE"
    hour = groups.get("hour")
    if hour is not None:
        clock = _clock(groups, value, ctx)
        if clock is None:
            return None
        value, kind = clock, "TIME"
    elif part:
        value, kind = f"{value}T{part}", "TIME"
    timezone = _lookup(g, "timezones", groups.get("tz"))
    return Normalised(rule.type or kind, value, str(mod) if mod else None, timezone=str(timezone) if timezone else None)


def _decade(text: str, century_digits: str | None, ctx: Context) -> str | None:
    g = ctx.grammar
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4:
        return digits[:3]
    decade = int(digits) if digits else _int_or_table(g, "decades", text)
    if decade is None:
        return None
    if century_digits:
        return f"{int(century_digits)}{decade // 10}"
    base = ctx.dct.year if ctx.dct else 2000
    century = base // 100
    if century * 100 + decade > base:
        century -= 1
    return f"{century * 10 + decade // 10:03d}"


def _calendar_value(groups: dict[str, str | None], ctx: Context, rule: Rule) -> str | None:
    g = ctx.grammar
    year_text = groups.get("year")
    year = _year(year_text, ctx) if year_text else None
    month = _int_or_table(g, "months", groups.get("month"))
    day = _int_or_table(g, "ordinals", groups.get("day"))
    weekday = _int_or_table(g, "weekdays", groups.get("weekday"))
    season = _lookup(g, "seasons", groups.get("season"))
    quarter = _int_or_table(g, "ordinals", groups.get("quarter"))
    half = 2 if groups.get("half_last") else _int_or_table(g, "ordinals", groups.get("half"))
    feast = _lookup(g, "holidays", groups.get("holiday"))
    rel_value = _lookup(g, "relative", groups.get("rel"))
    rel = int(str(rel_value)) if rel_value is not None else None
    if rel is not None and rule.attrs.get("rel_unit") == "Y":
        # "Juni des vergangenen Jahres": the relative word moves the year, not the month.
        if ctx.dct is None:
            return None
        year, rel = ctx.dct.year + rel, None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    sign, strict = _direction(ctx, rel)
    if year is None and ctx.dct is not None and ctx.dct.precision.rank <= Precision.YEAR.rank:
        # An article known only by its year: "im Sommer", "am 3. Mai" are that year's.
        year = ctx.dct.year

    def dated(start_of: Callable[[int], date | None], unit: str) -> Callable[[date], str | None]:
        def span_of(candidate: int) -> tuple[date, date] | None:
            start = start_of(candidate)
            period = None if start is None else period_of(value_at(start, unit))
            return None if period is None else (period.first, period.last)

        def at(ref: date) -> str | None:
            if year is not None:
                chosen = year
            else:
                penalty = _WRONG_SIDE_DAYS_IN_CLAUSE if ctx.tense_in_clause else _WRONG_SIDE_DAYS
                chosen = _pick_year(ref, span_of, sign, strict, penalty)
            start = start_of(chosen)
            return None if start is None else value_at(start, unit)

        return at

    if feast is not None:
        fn = dated(lambda y: holiday(y, str(feast)), "D")
    elif month is not None and day is not None:
        fn = dated(lambda y: _safe_date(y, month, day), "D")
    elif day is not None:
        if year is not None:
            return None
        return resolve(ctx, lambda ref: _day_of_month(ref, day, sign))
    elif month is not None:
        fn = dated(lambda y: date(y, month, 1), "M")
    elif season is not None:
        fn = dated(lambda y: date(y, SEASON_START[str(season)], 1), str(season))
    elif quarter is not None or half is not None:
        months, index, unit = (3, quarter, "Q") if quarter is not None else (6, half, "HALF")
        if index is None or not 1 <= index <= 12 // months:
            return None
        start_month = months * (index - 1) + 1
        if year is None and rel is None:
            # "the year-ago third quarter": a year before the one the quarter alone would name.
            offset = int(rule.attrs.get("year_offset", 0))
            return resolve(
                ctx,
                lambda ref: value_at(
                    date(_reporting_year(ref, start_month, months, ctx.tense) + offset, start_month, 1), unit
                ),
            )
        fn = dated(lambda y: date(y, start_month, 1), unit)
    elif weekday is not None:
        if ctx.tense == "" and rel is None:
            sign = int(g.settings.get("undetermined_direction", 0))
        return resolve(ctx, lambda ref: _weekday_day(ref, weekday, sign, strict).isoformat()) or "XXXX-WXX-" + str(
            weekday
        )
    elif year is not None:
        return f"{year:04d}"
    else:
        return None
    if year is not None:
        return fn(date(year, 1, 1))
    return resolve(ctx, fn) or _unknown(month, day)


def _day_of_month(ref: date, day: int, sign: int) -> str | None:
    """The ``day`` of the reference's month, or of the month after (before) it where the tense
    puts the day ahead (behind) and it has passed (is still to come) in the reference's month."""
    month = ref.replace(day=1)
    candidate = _safe_date(month.year, month.month, day)
    if candidate is not None and candidate < ref and sign > 0:
        month = add_months(month, 1)
    elif candidate is not None and candidate > ref and sign < 0:
        month = add_months(month, -1)
    found = _safe_date(month.year, month.month, day)
    return None if found is None else value_at(found, "D")


def _unknown(month: int | None, day: int | None) -> str | None:
    """The value with an unknown year ("XXXX-06-02"), where the month is known."""
    if month is None:
        return None
    return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(groups: dict[str, str | None], day_value: str, ctx: Context) -> str | None:
    g = ctx.grammar
    hour_text = groups.get("hour") or ""
    hour = int(hour_text) if hour_text.isdigit() else _int_or_table(g, "clock_words", hour_text)
    minute = int(groups.get("minute") or 0)
    if hour is None or hour > 24 or minute > 59:
        return None
    half = _lookup(g, "ampm", groups.get("ampm"))
    if half == "PM" and hour < 12:
        hour += 12
    elif half == "AM" and hour == 12:
        hour = 0
    part = _lookup(g, "parts", groups.get("part"))
    if part in ("AF", "EV", "NI") and hour < 12 and half is None:
        hour += 12
    return f"{day_value or _narrative_day(ctx)}T{hour:02d}:{minute:02d}"


def _narrative_day(ctx: Context) -> str:
    """The day a bare clock time belongs to: the last day the text named, else the DCT's."""
    if ctx.narrative_day:
        return ctx.narrative_day.isoformat()
    if ctx.dct and ctx.dct.is_day_or_finer:
        return ctx.dct.first.isoformat()
    return "XXXX-XX-XX"


def _time(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """A clock time; its day comes from the match, else the narrative, else the DCT."""
    groups = match.groupdict()
    day_value = ""
    if any(groups.get(name) for name in ("day", "month", "weekday", "holiday")):
        day_value = _calendar_value(groups, ctx, rule) or "XXXX-XX-XX"
    elif groups.get("deictic"):
        deictic = _deictic_value(ctx, groups["deictic"])
        day_value = deictic or "XXXX-XX-XX"
    elif rule.attrs.get("day") == "dct":
        # "this morning" is the publication day's, whatever day the narrative is at.
        day_value = ctx.dct.first.isoformat() if ctx.dct and ctx.dct.is_day_or_finer else "XXXX-XX-XX"
    if not groups.get("hour"):
        part = _lookup(ctx.grammar, "parts", groups.get("part"))
        if not part:
            return None
        return Normalised("TIME", f"{day_value or _narrative_day(ctx)}T{part}")
    value = _clock(groups, day_value, ctx)
    if value is None:
        return None
    timezone = _lookup(ctx.grammar, "timezones", groups.get("tz"))
    return Normalised("TIME", value, timezone=str(timezone) if timezone else None)


def _deictic_value(ctx: Context, text: str) -> str | None:
    entry = _lookup(ctx.grammar, "deictic", text)
    if not isinstance(entry, list):
        return None
    unit, offset = str(entry[0]), int(entry[1])
    if ctx.dct is None:
        return None
    anchor = str(entry[4]) if len(entry) > 4 else ""
    return (anchor and _from_previous(ctx, unit, offset, anchor)) or resolve(
        ctx, lambda ref: value_at(shift(ref, unit, offset), unit)
    )


def _deictic(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """Words that name a period relative to the reference: today, yesterday, last year's."""
    groups = match.groupdict()
    text = groups.get("deictic") or match.group(0)
    entry = _lookup(ctx.grammar, "deictic", text)
    if not isinstance(entry, list):
        return None
    unit = str(entry[0])
    if len(entry) > 3 and entry[3] and ctx.tense in ("", "present") and not groups.get("part"):
        # "heute" in a present-tense statement is "nowadays", not the day of publication.
        return Normalised("DATE", str(entry[3]))
    value = _deictic_value(ctx, text) or _unknown_unit(unit)
    part = _lookup(ctx.grammar, "parts", groups.get("part")) or (entry[2] if len(entry) > 2 else None)
    mod = _lookup(ctx.grammar, "mods", groups.get("mod"))
    if part:
        return Normalised("TIME", f"{value}T{part}", str(mod) if mod else None)
    return Normalised(rule.type or "DATE", value, str(mod) if mod else None)


def _unknown_unit(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit, "XXXX")


def _relative(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """This/last/next + unit ("vergangene Woche", "next year", "Anfang nächsten Monats")."""
    g = ctx.grammar
    groups = match.groupdict()
    rel_value = _lookup(g, "relative", groups.get("rel"))
    unit = _unit(g, groups.get("unit")) or str(rule.attrs.get("unit", ""))
    if not unit or unit in _TIME_UNITS:
        return None
    mod = _lookup(g, "mods", groups.get("mod")) or rule.attrs.get("mod")
    if rel_value is None and rule.attrs.get("rel") == "tense":
        # "am Wochenende": the weekend the tense points to (the nearest one without a tense).
        sign, _ = _direction(ctx, None)
        value = resolve(ctx, lambda ref: value_at(_weekday_day(ref, 6 if sign >= 0 else 7, sign, False), unit))
    else:
        rel = int(str(rel_value)) if rel_value is not None else int(rule.attrs.get("rel", 0))
        if unit == "D" and rel == 0 and ctx.narrative_day:
            # "am selben Tag", "on that day": the day the narrative is at.
            return Normalised(rule.type or "DATE", ctx.narrative_day.isoformat())
        anaphoric = "from" in rule.attrs and _from_previous(ctx, unit, rel, str(rule.attrs["from"]), unit)
        value = anaphoric or resolve(ctx, lambda ref: value_at(shift(ref, unit, rel), unit))
    value = value or _unknown_unit(unit)
    return Normalised(rule.type or "DATE", value, str(mod) if mod else None)


def _offset(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """N units ago / in N units: a date at the unit's precision."""
    g = ctx.grammar
    groups = match.groupdict()
    unit = _unit(g, groups.get("unit"))
    amount = number(g, groups["num"]) if groups.get("num") else 1.0
    if not unit or amount is None:
        return None
    if unit in _TIME_UNITS:
        return None
    steps = round(amount) * int(rule.attrs.get("direction", -1))
    deictic = _lookup(g, "deictic", groups.get("deictic"))
    if isinstance(deictic, list):
        # "heute vor einer Woche": counted from the day the word names, at that day's precision.
        day_unit, day_offset = str(deictic[0]), int(deictic[1])
        counted = resolve(ctx, lambda ref: value_at(shift(shift(ref, day_unit, day_offset), unit, steps), day_unit))
        return Normalised(rule.type or "DATE", counted or _unknown_unit(day_unit))
    value = (
        ("from" in rule.attrs and _from_previous(ctx, unit, steps, str(rule.attrs["from"])))
        or resolve(ctx, lambda ref: value_at(shift(ref, unit, steps), unit))
        or _unknown_unit(unit)
    )
    mod = _lookup(g, "approx", groups.get("approx"))
    if rule.type == "DURATION":
        # Annotated as a span ("vor [drei Jahren]"), still anchored to the point it names.
        duration = _duration(match, ctx, rule)
        return None if duration is None else Normalised("DURATION", duration.value, duration.mod, anchor=value)
    return Normalised(rule.type or "DATE", value, str(mod) if mod else None)


def _duration(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """Lengths of time: "drei Jahre", "eine Stunde und 15 Minuten", "jahrelang"."""
    g = ctx.grammar
    groups = match.groupdict()
    date_part, time_part = "", ""
    for suffix in ("", "2", "3"):
        unit_text = groups.get("unit" + suffix)
        if unit_text is None:
            continue
        unit = _unit(g, unit_text)
        if not unit or unit == "WE":
            return None
        num_text = groups.get("num" + suffix)
        if rule.attrs.get("vague") or (num_text and _lookup(g, "vague_amounts", num_text)):
            amount = "X"
        elif num_text:
            parsed = number(g, num_text)
            if parsed is None:
                return None
            fraction = _lookup(g, "fractions", groups.get("frac" + suffix))
            amount = _fmt(parsed + float(str(fraction)) if fraction is not None else parsed)
        else:
            fraction = _lookup(g, "fractions", groups.get("frac" + suffix))
            amount = _fmt(float(str(fraction))) if fraction is not None else "1"
        for part_amount, part_unit in _as_annotated(g, amount, unit):
            if part_unit in _TIME_UNITS:
                time_part += part_amount + ("M" if part_unit == "MIN" else part_unit)
            elif part_unit in _MONTHS_PER_UNIT:
                months = _fmt(float(part_amount) * _MONTHS_PER_UNIT[part_unit]) if part_amount != "X" else "X"
                date_part += months + "M"
            else:
                date_part += part_amount + part_unit
    if not date_part and not time_part:
        unit = str(rule.attrs.get("unit", ""))
        if not unit:
            return None
        date_part = "X" + unit
    value = "P" + date_part + ("T" + time_part if time_part else "")
    mod = _lookup(g, "approx", groups.get("approx")) or rule.attrs.get("mod")
    return Normalised(rule.type or "DURATION", value, str(mod) if mod else None)


def _as_annotated(g: Grammar, amount: str, unit: str) -> list[tuple[str, str]]:
    """``amount`` ``unit`` as the language's corpora write durations: its ``duration_rewrite``
    setting may restate a unit ("two decades" as P20Y), its ``fraction_units`` setting writes a
    fraction in the next smaller unit ("2 1/2 years" as P2Y6M rather than P2.5Y)."""
    rewrite = g.settings.get("duration_rewrite", {}).get(unit)
    if rewrite:
        amount = amount if amount == "X" else _fmt(float(amount) * float(rewrite[0]))
        unit = str(rewrite[1])
    smaller = g.settings.get("fraction_units", {}).get(unit)
    if smaller and amount != "X" and float(amount) != int(float(amount)):
        whole, rest = divmod(float(amount), 1)
        return ([(_fmt(whole), unit)] if whole else []) + [(_fmt(round(rest * float(smaller[0]))), str(smaller[1]))]
    return [(amount, unit)]


def _set(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """Recurring times: "jeden Montag", "täglich", "every week", "zweimal im Jahr"."""
    g = ctx.grammar
    groups = match.groupdict()
    quant = _lookup(g, "quants", groups.get("quant")) or rule.attrs.get("quant")
    freq = _lookup(g, "frequencies", groups.get("freq"))
    word = _lookup(g, "set_words", groups.get("setword"))
    if isinstance(word, list):
        return Normalised("SET", str(word[0]), quant=str(quant) if quant else None, freq=str(word[1]) or None)
    weekday = _int_or_table(g, "weekdays", groups.get("weekday"))
    part = _lookup(g, "parts", groups.get("part"))
    month = _int_or_table(g, "months", groups.get("month"))
    if weekday is not None:
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
    elif part:
        value = f"XXXX-XX-XXT{part}"
    elif month is not None:
        value = f"XXXX-{month:02d}"
    else:
        duration = _duration(match, ctx, rule)
        if duration is None:
            return None
        value = duration.value
    return Normalised(
        "SET", value, quant=str(quant) if quant else None, freq=str(freq) if freq else rule.attrs.get("freq")
    )


def _reference(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """PRESENT_REF / PAST_REF / FUTURE_REF words ("derzeit", "damals", "künftig", "now")."""
    groups = match.groupdict()
    value = _lookup(ctx.grammar, "refs", groups.get("ref") or match.group(0)) or rule.attrs.get("value")
    return Normalised(rule.type or "DATE", str(value)) if value else None


def _year_words(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """A year said in words: "nineteen ninety-six" (hundreds, then the rest), "two thousand"."""
    text = (match.group("year_words") or "").lower()
    head, _, rest = text.partition(" ")
    if any(multiplier in text for multiplier in ctx.grammar.tables["number_multipliers"].forms):
        year = number(ctx.grammar, text)
    else:
        high, low = number(ctx.grammar, head), number(ctx.grammar, rest)
        year = None if high is None or low is None else high * 100 + low
    return None if year is None else Normalised("DATE", f"{int(year):04d}")


def _fixed(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """A rule that states its value outright."""
    return Normalised(rule.type or "DATE", str(rule.attrs["value"]), rule.attrs.get("mod"))


KINDS: dict[str, Callable[[re.Match[str], Context, Rule], Normalised | None]] = {
    "date": _calendar,
    "time": _time,
    "deictic": _deictic,
    "relative": _relative,
    "offset": _offset,
    "duration": _duration,
    "set": _set,
    "ref": _reference,
    "fixed": _fixed,
    "year_words": _year_words,
}


def normalise(match: re.Match[str], ctx: Context, rule: Rule) -> Normalised | None:
    """The TIMEX3 reading of one match, or None where the fields make no valid value."""
    reading = KINDS[rule.kind](match, ctx, rule)
    if reading is None or ctx.dct is None:
        return reading
    if ctx.dct.is_day_or_finer:
        period = reading_period(reading)
        return replace(reading, after_dct=period is not None and period.first > ctx.dct.last)
    return _day_by_day(match, ctx, rule, reading)


def _day_by_day(match: re.Match[str], ctx: Context, rule: Rule, reading: Normalised) -> Normalised:
    """``reading`` (what every day of a coarse DCT agrees on) read again against each day of a
    DCT of at most a month: whether it lies after the publication day on every one of them, and
    for a DATE (or an anchored DURATION) the month most of the days it may denote lie in, as an
    approximate value where that is finer than what all days agree on (:func:`_likely_month`).
    A TIME keeps its value: it names a time of day, which no month is.
    """
    dct = ctx.dct
    if dct is None or (dct.last - dct.first).days >= _MAX_DAYS_READ:
        return reading
    days = [dct.first + timedelta(days=offset) for offset in range((dct.last - dct.first).days + 1)]
    periods = _periods_by_day(match, ctx, rule, days)
    if periods is None:
        return reading
    after = all(period.first > day for period, day in zip(periods, days, strict=True))
    likely = _likely_month([period.likely_span() for period in periods])
    certain = reading_period(reading)
    if likely is None or not (reading.anchor or reading.type == "DATE") or (certain and not _finer(likely, certain)):
        return replace(reading, after_dct=after)
    if reading.anchor:
        return replace(reading, anchor=likely.value, anchor_mod="APPROX", after_dct=after)
    return Normalised("DATE", likely.value, "APPROX", after_dct=after)


def _periods_by_day(match: re.Match[str], ctx: Context, rule: Rule, days: list[date]) -> list[Period] | None:
    """What the match denotes on each of ``days`` as the publication day; None where one day
    gives no calendar span.  A reading moves with the day only forward (the day before, the
    Thursday before, the year whose 3 May is nearest), so where two days read alike, so do the
    days between: the span is halved until its ends agree, and an absolute date is read twice,
    not 31 times."""
    periods: list[Period | None] = [None] * len(days)

    def read(index: int) -> bool:
        at_day = KINDS[rule.kind](match, replace(ctx, dct=Period.of_day(days[index])), rule)
        periods[index] = None if at_day is None else reading_period(at_day)
        return periods[index] is not None

    def fill(low: int, high: int) -> bool:
        if periods[low] == periods[high]:
            periods[low + 1 : high] = [periods[low]] * (high - low - 1)
            return True
        middle = (low + high) // 2
        return middle == low or (read(middle) and fill(low, middle) and fill(middle, high))

    if not (read(0) and read(len(days) - 1) and fill(0, len(days) - 1)):
        return None
    return [period for period in periods if period is not None]


def _likely_month(spans: list[tuple[date, date]]) -> Period | None:
    """The month that holds ``_LIKELY_MONTH_SHARE`` of the days ``spans`` may denote, each span
    (one for each possible publication day) equally likely and each of its days equally likely
    to be meant: "am Donnerstag" in an article of March 2025 is 27 February to 3 April, in
    March for 27 of the 31 publication days.  None where no month holds that much."""
    share: dict[date, float] = {}
    for first, last in spans:
        for month, part in _month_parts(first, last, len(spans)):
            share[month] = share.get(month, 0.0) + part
    best = max(share, key=lambda month: share[month])
    return Period.parse(value_at(best, "M")) if share[best] >= _LIKELY_MONTH_SHARE else None


@lru_cache(maxsize=4096)
def _month_parts(first: date, last: date, spans: int) -> tuple[tuple[date, float], ...]:
    """Each month of ``first`` to ``last`` with its share of the span's days, over ``spans``
    spans: the same spans recur (a year named in every article, each day of a month DCT
    reading it alike), and a decade has 120 months."""
    length = (last - first).days + 1
    parts = []
    month = first.replace(day=1)
    while month <= last:
        following = add_months(month, 1)
        inside = (min(last, following - timedelta(days=1)) - max(first, month)).days + 1
        parts.append((month, inside / length / spans))
        month = following
    return tuple(parts)


def _finer(inner: Period, outer: Period) -> bool:
    """Whether ``inner`` lies within ``outer`` and is shorter."""
    return outer.contains(inner) and (outer.first, outer.last) != (inner.first, inner.last)
