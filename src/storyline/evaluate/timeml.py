"""Reading and writing TimeML (``.tml``): the format of the TIMEX3 evaluation corpora.

A document's plain text is its ``<TEXT>`` element with all tags removed and entities decoded;
gold TIMEX3 annotations become offsets into that plain text.  The document creation time (DCT)
is the ``CREATION_TIME`` TIMEX3 inside ``<DCT>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from storyline.model import Period, TimeExpression

__all__ = [
    "AUTHORS_OUTPUT_FOLDER",
    "GoldTimex",
    "TimemlDocument",
    "find_timeml_files",
    "parse_timeml",
    "read_timeml",
    "system_output_folders",
    "to_timeml",
]

# KRAUTS ships the corpus authors' HeidelTime output in this folder: system output, never gold.
AUTHORS_OUTPUT_FOLDER = "heideltime_output_by_authors"

# Some KRAUTS values write times as "T20.30" instead of "T20:30".
_DOTTED_TIME = re.compile(r"T(\d{2})\.(\d{2})")


@dataclass(frozen=True)
class GoldTimex:
    """An annotated TIMEX3 with its extent as offsets into the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimemlDocument:
    """A TimeML document: its plain text, its DCT and its (non-empty) TIMEX3 annotations."""

    name: str
    text: str
    dct: Period | None
    dct_value: str
    timexes: list[GoldTimex]


def normalise_value(value: str) -> str:
    """A TIMEX3 value with known annotation quirks repaired (``T20.30`` → ``T20:30``)."""
    return _DOTTED_TIME.sub(r"T\1:\2", value.strip())


def _dct_period(value: str) -> Period | None:
    """The DCT as a calendar period, at the precision the value gives (time of day dropped)."""
    candidate = normalise_value(value).split("T", 1)[0]
    if re.fullmatch(r"\d{8}", candidate):
        candidate = f"{candidate[:4]}-{candidate[4:6]}-{candidate[6:]}"
    try:
        return Period.parse(candidate)
    except ValueError:
        return None


def _flatten(element: ET.Element, parts: list[str], spans: list[tuple[int, int, ET.Element]], offset: int) -> int:
    """Append ``element``'s text (children included) to ``parts``; collect its TIMEX3 spans."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _flatten(child, parts, spans, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3" and offset > start:  # empty (non-consuming) TIMEX3s are not scored
        spans.append((start, offset, element))
    return offset


def parse_timeml(source: str, name: str = "") -> TimemlDocument:
    """Parse a TimeML document given as a string."""
    root = ET.fromstring(source)
    dct_value = ""
    for timex in root.iterfind("DCT/TIMEX3"):
        if timex.get("functionInDocument", "CREATION_TIME") == "CREATION_TIME":
            dct_value = timex.get("value", "")
            break
    text_element = root.find("TEXT")
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    if text_element is not None:
        _flatten(text_element, parts, spans, 0)
    text = "".join(parts)
    timexes = [
        GoldTimex(
            start=start,
            end=end,
            text=text[start:end],
            type=element.get("type", ""),
            value=normalise_value(element.get("value", "")),
            mod=element.get("mod"),
        )
        for start, end, element in sorted(spans, key=lambda span: (span[0], span[1]))
    ]
    return TimemlDocument(name, text, _dct_period(dct_value), dct_value, timexes)


def read_timeml(path: Path) -> TimemlDocument:
    """Read one ``.tml`` file; ``ValueError`` naming the file when it is not readable TimeML."""
    try:
        return parse_timeml(path.read_text(encoding="utf-8"), name=str(path))
    except (ET.ParseError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: not readable TimeML: {error}") from error


def find_timeml_files(root: Path) -> list[Path]:
    """The ``.tml`` files under ``root`` (recursed, sorted), leaving out system-output folders.

    Folders named :data:`AUTHORS_OUTPUT_FOLDER` hold a tagger's output, not gold, so they are
    never read as gold.
    """
    if root.is_file():
        return [root]
    return sorted(path for path in root.rglob("*.tml") if AUTHORS_OUTPUT_FOLDER not in path.relative_to(root).parts)


def system_output_folders(root: Path) -> list[Path]:
    """The folders under ``root`` that :func:`find_timeml_files` leaves out (system output)."""
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob(AUTHORS_OUTPUT_FOLDER) if path.is_dir())


def to_timeml(doc_id: str, text: str, timexes: Iterable[TimeExpression], dct: Period | None) -> str:
    """A TimeML document with ``timexes`` marked inline in ``text`` (overlaps: the first wins)."""
    pieces: list[str] = []
    position = 0
    for number, timex in enumerate(sorted(timexes, key=lambda t: (t.start, -t.end)), start=1):
        if timex.start < position:
            continue
        attributes = f'tid="t{number}" type="{timex.type}" value={quoteattr(timex.value)}'
        for name, attribute in (("mod", timex.mod), ("quant", timex.quant), ("freq", timex.freq)):
            if attribute:
                attributes += f" {name}={quoteattr(attribute.upper() if name == 'mod' else attribute)}"
        pieces.append(escape(text[position : timex.start]))
        pieces.append(f"<TIMEX3 {attributes}>{escape(text[timex.start : timex.end])}</TIMEX3>")
        position = timex.end
    pieces.append(escape(text[position:]))
    dct_element = ""
    if dct is not None:
        dct_element = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.value}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct.value}</TIMEX3></DCT>\n'
        )
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n{dct_element}<TEXT>{''.join(pieces)}</TEXT>\n</TimeML>\n"
    )
