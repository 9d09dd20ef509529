"""Publication dates (DCT): metadata values, the ``.txt`` marker, and refinement from the text.

A DCT keeps the precision its source gives (``2025``, ``2025-05``, ``2025-05-17``; a time of
day is dropped, the DCT is a calendar day at most).  ``published_source`` names where it came
from: ``marker``, ``metadata``, ``option`` (``--dct``), ``stamp`` or ``dateline``.

:func:`refine_published` looks for the article's own date in its head only (title lines and
the first paragraphs): a labelled stamp ("Stand: 17.05.2025 19:54 Uhr", "Published 18 March
2025"), a line that is nothing but a date and time ("12.02.2025 - 18:27:49"), a dateline
("Washington, 18. März (dpa) -", "WASHINGTON, March 18 (Reuters) -"), a weekday line
("Dienstag, 18. März 2025") or a short byline with a full date ("By Jane Doe | 18 March
2025", "Robert Peston | 15:39 UK time, Saturday, 15 June 2024").  A date merely mentioned in
a sentence never counts, a weekday that contradicts its date discards it, and a day found
must lie inside the month or year already known, so no day is ever invented.
:func:`strip_stamp` and :func:`is_byline` tell a headline from the stamp and byline lines
around it.  Month and weekday names, stamp and byline labels, the words joining a byline's
names and filler words are language data (``lang/<lang>/ingest_dates.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from functools import cache

from storyline.dates import Period
from storyline.ingest.langdata import languages
from storyline.lang import phrase_alternation, resource
from storyline.model import Document
from storyline.tokens import QUOTATION_MARKS

__all__ = [
    "TIME",
    "DateHit",
    "dateline_credit",
    "entry_clock",
    "find_dates",
    "is_byline",
    "parse_published",
    "refine_published",
    "split_marker",
    "stamp_spans",
    "strip_stamp",
]

MARKER = "marker"
METADATA = "metadata"
OPTION = "option"
STAMP = "stamp"
DATELINE = "dateline"

# How many non-empty lines of an article count as its head, and how much of each line: a
# stamp or dateline opens a paragraph or ends a headline, it is never deep inside a paragraph.
HEAD_LINES = 6
HEAD_LINE_CHARS = 300
# A line that is only a date and time ("12.02.2025 - 18:27:49") is short.
STAMP_LINE_CHARS = 80
BYLINE_CHARS = 120
# How far before its date a stamp's weekday and label are looked for.
_STAMP_LOOKBACK = 60

_ISO = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)
# The marker: "date" opening the file and a value that starts with a digit, or, in the collector's
# form with a blank before "date", any value (" date gestern" is a bad marker to report, not the
# title's first words, while "date night in Paris" is a title).
_MARKER = re.compile(r"\A(?:[ \t]*date[ \t]+(\d\S*)|[ \t]+date[ \t]+(\S+))[ \t]*")
# A time of day as stamps write it: "19:54", "18:27:49", "21.05", "T19:54:00+02:00".
TIME = re.compile(r"(?<![\d.:])T?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?(?![\d.:])")
# What every time of day has: a cheap test before the search for stamps.
_CLOCK_HINT = re.compile(r"\d[:.]\d\d")
# A dateline's place: "Washington, ", "WASHINGTON/MOSCOW, ", "KYIV, Ukraine, ".
_DATELINE_PLACE = r"(?:[^\W\d_][\w'’.-]*(?:[ /-][^\W\d_][\w'’.-]*){0,3},\s+){0,2}"
_DATELINE_END = re.compile(r"\s*(?:\((?P<credit>[^()\n]{1,40})\)|[-–—]\s)")
# What a dateline credits: an agency or outlet name, "dpa", "dpa/AFP", "Example Wire".
_CREDIT = re.compile(r"[^\W\d_][\w&.'’-]*(?:[ /][^\W\d_][\w&.'’-]*){0,3}")
# What sets a stamp apart after a headline or a byline on its line ("Robert Peston | 15:39 …").
_SEPARATORS = "|·"
# A writer's name in a byline: up to four capitalised words ("Jane Smith", "Anna-Lena Muster").
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){0,3}"


def parse_published(value: object) -> Period:
    """A metadata date at the precision it is written in; ``ValueError`` if it is none.

    ISO at any precision (``2025``, ``2025-05``, ``2025-05-17``, ``2025-05-17T19:54:00+02:00``;
    the day is the one written, not converted to UTC) or an RFC 2822 date as in feeds.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match:
        year, month, day, hour, minute = match.groups()
        if hour is not None and not (int(hour) <= 24 and int(minute) < 60):
            raise ValueError(f"not a date: {value!r} (bad time of day)")
        iso = "-".join(part for part in (year, month, day) if part is not None)
        try:
            return Period.parse(iso)
        except ValueError as error:
            raise ValueError(f"not a date: {value!r} ({error})") from None
    try:
        return Period.of_day(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a date: {value!r}") from None


def split_marker(text: str) -> tuple[str | None, str]:
    """Split the ``.txt`` marker `` date YYYY-MM[-DD]`` off the first line.

    Returns the marker's value (``None`` without a marker; perhaps no date, which the caller
    checks) and the text without it; the first words of the article that follow the marker on
    its line stay as the first line.
    """
    match = _MARKER.match(text)
    if not match:
        return None, text
    value = match.group(1) or match.group(2)
    rest = text[match.end() :]
    if rest.startswith("\r\n"):
        rest = rest[2:]
    elif rest.startswith("\n"):
        rest = rest[1:]
    return value, rest


@dataclass(frozen=True)
class DateHit:
    """A calendar date written in a line, perhaps without its year ("18. März")."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    def resolve(self, context: Period | None) -> Period | None:
        """The day it names; a year-less date takes its year from ``context`` (else ``None``)."""
        year = self.year if self.year is not None else (context.year if context is not None else None)
        if year is None:
            return None
        try:
            return Period.of_day(date(year, self.month, self.day))
        except ValueError:
            return None


@dataclass(frozen=True)
class _Rules:
    dates: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    labelled: re.Pattern[str]
    byline: re.Pattern[str]
    weekday_before: re.Pattern[str]
    dateline_before: re.Pattern[str]
    fillers: frozenset[str]
    stamp_words: re.Pattern[str]  # labels, weekdays and fillers, phrases included ("UK time")
    names: re.Pattern[str]  # writers' names ("Jane Smith and John Doe")
    labelled_byline: re.Pattern[str]  # "By Jane Smith, BBC News"
    stamp_part: re.Pattern[str]
    stamp_label: re.Pattern[str]
    entry_clock: re.Pattern[str]


@cache
def _rules(langs: tuple[str, ...]) -> _Rules:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    labels: list[str] = []
    bylines: list[str] = []
    joiners: list[str] = []
    fillers: set[str] = set()
    for lang in langs:
        data = resource(lang, "ingest_dates.toml")
        months.update({name.lower(): number for name, number in data["months"].items()})
        weekdays.update({name.lower(): number for name, number in data["weekdays"].items()})
        labels.extend(data["stamp_labels"])
        bylines.extend(data["byline_labels"])
        joiners.extend(data["byline_joiners"])
        fillers.update(word.lower().rstrip(".") for word in data["stamp_fillers"])
    month = rf"(?:{phrase_alternation(list(months))})\.?"
    weekday = rf"(?:{phrase_alternation(list(weekdays))})\.?"
    dates = re.compile(
        rf"(?<![\w.])(?:"
        rf"(?P<d1>\d{{1,2}})\.\s?(?P<m1>\d{{1,2}})\.\s?(?P<y1>\d{{4}})"
        rf"|(?P<y2>\d{{4}})-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})"
        rf"|(?P<d3>\d{{1,2}})\.?\s+(?P<n3>{month})(?:,?\s+(?P<y3>\d{{4}}))?"
        rf"|(?P<n4>{month})\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y4>\d{{4}}))?"
        rf")(?:(?!\w)|(?<=\d)(?=T\d))",
        re.IGNORECASE,
    )
    names = rf"{_NAME}(?:(?:\s*,\s*|\s+(?:{phrase_alternation(joiners)})\s+){_NAME})*"
    stamp_word = phrase_alternation([*labels, *fillers, *weekdays])
    return _Rules(
        dates=dates,
        months=months,
        weekdays=weekdays,
        labelled=re.compile(rf"(?<!\w)(?:{phrase_alternation(labels)})\s*:?\s*(?:[\w.,]+\s+){{0,2}}$", re.IGNORECASE),
        byline=re.compile(rf"\s*(?:{phrase_alternation(bylines)})\s", re.IGNORECASE),
        weekday_before=re.compile(rf"(?<!\w)(?P<weekday>{weekday}),?\s+(?:\w{{2,3}}\s+)?$", re.IGNORECASE),
        dateline_before=re.compile(rf"^\s*{_DATELINE_PLACE}(?:{weekday},?\s+)?$", re.IGNORECASE),
        fillers=frozenset(fillers | set(weekdays)),
        stamp_words=re.compile(
            rf"(?<!\w)(?:{stamp_word})(?!\w)", re.IGNORECASE
        ),
        names=re.compile(names),
        labelled_byline=re.compile(
            rf"(?:{phrase_alternation(bylines)})\s+{names}\s*(?:[,{_SEPARATORS}–—-].*)?", re.IGNORECASE
        ),
        stamp_part=re.compile(
            rf"\s*(?:[,|·–—-]\s*)?"
            rf"(?:(?P<time>{TIME.pattern})|(?:{stamp_word})\.?:?(?!\w))",
            re.IGNORECASE,
        ),
        stamp_label=re.compile(rf"(?<!\w)(?:{phrase_alternation(labels)})(?!\w)", re.IGNORECASE),
        entry_clock=re.compile(
            rf"(?:{TIME.pattern})(?P<fillers>(?:\s+(?:{phrase_alternation(fillers)})\.?)*)(?P<mark>\s*[-–—:|])?\s+",
            re.IGNORECASE,
        ),
    )


def find_dates(line: str, lang: str = "") -> list[DateHit]:
    """Every calendar date written in ``line`` (numeric, ISO, or with a month name)."""
    rules = _rules(languages(lang))
    hits: list[DateHit] = []
    for match in rules.dates.finditer(line):
        groups = match.groupdict()
        year: int | None
        if groups["d1"]:
            day, month, year = int(groups["d1"]), int(groups["m1"]), int(groups["y1"])
        elif groups["y2"]:
            day, month, year = int(groups["d2"]), int(groups["m2"]), int(groups["y2"])
        else:
            name = groups["n3"] or groups["n4"]
            month = rules.months[name.lower().rstrip(".")]
            day = int(groups["d3"] or groups["d4"])
            written_year = groups["y3"] or groups["y4"]
            year = int(written_year) if written_year else None
        if 1 <= month <= 12 and 1 <= day <= 31:
            hits.append(DateHit(match.start(), match.end(), day, month, year))
    return hits


def _only_fillers(text: str, rules: _Rules) -> bool:
    """Nothing but times, weekdays, stamp labels, filler words ("Uhr", "GMT", "UK time") and
    punctuation."""
    return not any(char.isalnum() for char in rules.stamp_words.sub(" ", TIME.sub(" ", text)))


def _is_stamp_line(line: str, hit: DateHit, rules: _Rules) -> bool:
    """A short line that holds nothing but this date, times, weekdays and filler words."""
    return len(line.strip()) <= STAMP_LINE_CHARS and _only_fillers(line[: hit.start] + " " + line[hit.end :], rules)


def strip_stamp(line: str, lang: str = "") -> str:
    """``line`` without a stamp at its end, labelled or set apart by a bar ("… Stand:
    17.05.2025 19:54 Uhr", "Robert Peston | 15:39 UK time, Saturday, 15 June 2024").

    A line that is nothing but a stamp, with or without its date ("Last updated at 15:39
    GMT"), becomes "".
    """
    rules = _rules(languages(lang))
    if len(line.strip()) <= STAMP_LINE_CHARS and TIME.search(line) and _only_fillers(line, rules):
        return ""
    for hit in find_dates(line, lang):
        if _is_stamp_line(line, hit, rules):
            return ""
        label = rules.labelled.search(line[: hit.start])
        if label and _only_fillers(line[hit.end :], rules):
            return line[: label.start()].rstrip(" -–—|·,;:")
        separator = max(line.rfind(mark, 0, hit.start) for mark in _SEPARATORS)
        if separator >= 0 and _only_fillers(line[separator + 1 : hit.start] + " " + line[hit.end :], rules):
            return line[:separator].rstrip(" -–—|·,;:")
    return line


def is_byline(line: str, lang: str = "") -> bool:
    """Whether ``line`` is a byline, no headline: a byline label and a writer's name ("By Jane
    Smith, BBC News", "Von Anna Muster und Max Mann, dpa"), or writers' names before a stamp
    ("Robert Peston | 15:39 UK time, Saturday, 15 June 2024")."""
    line = line.strip()
    if len(line) > BYLINE_CHARS:
        return False
    rules = _rules(languages(lang))
    if rules.labelled_byline.fullmatch(line):
        return True
    signed = strip_stamp(line, lang)
    return signed != line and rules.names.fullmatch(signed) is not None


def _opens_sentence(text: str) -> bool:
    """Whether ``text`` starts with a capital letter, perhaps after an opening quote."""
    first = text.lstrip(QUOTATION_MARKS + "(")[:1]
    return first.isupper()


def stamp_spans(text: str, start: int, end: int, lang: str = "") -> list[tuple[int, int]]:
    """Page stamps run into the text between ``start`` and ``end`` ("… a long tunnel | Sunday
    18 July 2010 18.45 BST | Work boats …", "29 September 2011 Last updated at 15:44 GMT"): a
    date that names its year, with a time of day or a stamp label, and the weekday, labels,
    times and filler words around it, standing before a capital letter or the end.  A date
    after a filler word ("on Friday 23 July 2010 at 10.27 BST") belongs to its sentence."""
    rules = _rules(languages(lang))
    spans: list[tuple[int, int]] = []
    if not _CLOCK_HINT.search(text, start, end) and not rules.stamp_label.search(text, start, end):
        return spans  # a stamp has a time of day or a label
    for hit in find_dates(text[start:end], lang):
        first, last, timed = start + hit.start, start + hit.end, False
        if hit.year is None or (spans and first < spans[-1][1]):
            continue
        while part := rules.stamp_part.match(text, last, end):
            last, timed = part.end(), timed or part.group("time") is not None
        weekday = rules.weekday_before.search(text, max(start, first - _STAMP_LOOKBACK), first)
        if weekday:
            first = weekday.start()
        label = rules.labelled.search(text, max(start, first - _STAMP_LOOKBACK), first)
        if label:
            first = label.start()
        elif not timed:
            continue
        previous = text[start:first].split()[-1:]
        if previous and previous[0].lower().rstrip(".") in rules.fillers:
            continue  # "on Friday 23 July 2010 …": the sentence's own date
        after = text[last:end]
        if not after.strip() or (after[:1].isspace() and _opens_sentence(after.lstrip())):
            spans.append((first, last))
    return spans


def entry_clock(text: str, start: int, end: int, lang: str = "") -> int | None:
    """Where a live-blog entry's clock time that opens ``text[start:end]`` ends ("15:25 - The
    Ever Given is free", "15.25 Uhr: Die …", "4.03 pm: An hour …", "18.45 BST Work boats"),
    else ``None``: a time of day, then a dash or colon or a filler word ("Uhr", "pm", "BST"),
    before a capital letter."""
    match = _rules(languages(lang)).entry_clock.match(text, start, end)
    if match is None or not (match.group("mark") or match.group("fillers")):
        return None
    return match.end() if _opens_sentence(text[match.end() : end]) else None


@dataclass(frozen=True)
class _Stamp:
    """A head date that is the article's own: its kind and the weekday written with it."""

    hit: DateHit
    kind: str
    weekday: int | None


def _stamp(line: str, hit: DateHit, rules: _Rules, lang: str) -> _Stamp | None:
    """The stamp or dateline ``hit`` is part of, when it is the line's own date."""
    before = line[: hit.start]
    weekday_match = rules.weekday_before.search(before)
    weekday = rules.weekdays[weekday_match.group("weekday").lower().rstrip(".")] if weekday_match else None
    if rules.labelled.search(before) or _is_stamp_line(line, hit, rules):
        return _Stamp(hit, STAMP, weekday)
    if hit.year is not None and (rules.byline.match(line) or is_byline(line, lang)) and len(line) <= BYLINE_CHARS:
        return _Stamp(hit, STAMP, weekday)
    if rules.dateline_before.match(before):
        if _DATELINE_END.match(line, hit.end):
            return _Stamp(hit, DATELINE, weekday)
        if weekday is not None:
            return _Stamp(hit, STAMP, weekday)
    return None


def dateline_credit(text: str, lang: str = "") -> str | None:
    """Whom a dateline in the first lines credits: "Ismailia, 24. März (bdd) -" → "bdd".

    Only a full dateline (place, date, credit) counts, so a name in brackets in the text does
    not; datelines without a date ("Berlin (dpa) -") are left to known agency markers.
    """
    rules = _rules(languages(lang))
    lines = [line[:HEAD_LINE_CHARS] for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        for hit in find_dates(line, lang):
            end = _DATELINE_END.match(line, hit.end)
            credit = end.group("credit") if end else None
            if credit and _CREDIT.fullmatch(credit.strip()) and rules.dateline_before.match(line[: hit.start]):
                return credit.strip()
    return None


def head_lines(doc: Document) -> list[str]:
    """The title and the first non-empty lines of the text: where an article dates itself."""
    lines: list[str] = []
    for line in doc.text.splitlines():
        if line.strip():
            lines.append(line[:HEAD_LINE_CHARS])
            if len(lines) >= HEAD_LINES:
                break
    if doc.title and (not lines or not lines[0].strip().startswith(doc.title.strip())):
        lines.insert(0, doc.title)
    return lines


def _head_stamps(doc: Document) -> Iterator[_Stamp]:
    rules = _rules(languages(doc.lang))
    for line in head_lines(doc):
        for hit in find_dates(line, doc.lang):
            stamp = _stamp(line, hit, rules, doc.lang)
            if stamp is not None:
                yield stamp


def refine_published(doc: Document) -> None:
    """Make the DCT a day where the article's head dates itself, within what is known.

    A DCT already known to the day (from marker or metadata) stays.  A month or year DCT
    becomes the day of the first head stamp or dateline that lies inside it (and falls on the
    weekday written with it, if any); a document without a DCT, or with the ``--dct``
    fallback, takes the first such stamp that names its year.  Idempotent; uses ``doc.lang``'s
    data, or every language's while ``doc.lang`` is empty.
    """
    current = doc.published
    fallback = current is None or doc.published_source == OPTION
    if current is not None and current.is_day_or_finer and not fallback:
        return
    for stamp in _head_stamps(doc):
        day = stamp.hit.resolve(current)
        if day is None or (stamp.weekday is not None and day.first.isoweekday() != stamp.weekday):
            continue
        inside = current is not None and current.contains(day)
        if inside or (fallback and stamp.hit.year is not None):
            doc.published = day
            doc.published_source = stamp.kind
            return
