"""Plain-text articles (``.txt``): an optional date marker, the title line, the article.

The first line may start with the marker `` date YYYY-MM`` or `` date YYYY-MM-DD`` (how the
collector stored the publication date), followed on the same line by the article's first
words.  The marker is removed: the document text is what storyline read without it, and every
later offset refers to that text.  A marker whose value is not a date (`` date gestern``) is
reported and removed all the same, so it never becomes the title.  The title is the first line
that is no page stamp ("15:39 UK time, Saturday, 15 June 2024"), byline ("By Jane Smith, BBC
News", "Robert Peston | 15:39 UK time, …") or tag line.
"""

from __future__ import annotations

import re

from storyline.ingest.dates import MARKER, is_byline, parse_published, split_marker, strip_stamp
from storyline.ingest.files import InputFile
from storyline.model import Document, InputError
from storyline.tokens import CLOSING_QUOTATION_MARKS

__all__ = ["read_text", "title_of"]

# A longer first line (a lead paragraph without a headline) gives its last full sentence
# within this length as the title, else its words up to it.
TITLE_CHARS = 150
MIN_TITLE_CHARS = 40
_SENTENCE_END = re.compile(rf"[.!?…][{re.escape(CLOSING_QUOTATION_MARKS)}]?(?=\s)")
# A tag line names the page's topics, not its story: a few short names between commas or
# bars ("Trump, Putin", "Ukraine | Russland | USA").
_TAG = r"[^\W\d_][\w.'’&-]*(?:[ \t]+[^\W\d_][\w.'’&-]*)?"
_TAG_LINE = re.compile(rf"{_TAG}(?:[ \t]*[,|·;][ \t]*{_TAG})+")


def _is_tag_line(line: str) -> bool:
    return _TAG_LINE.fullmatch(line) is not None and all(word[:1].isupper() for word in re.findall(r"\w\S*", line))


def title_of(text: str) -> str:
    """The first line that is neither just a stamp, a byline nor a tag line, without a trailing
    stamp, cut to its first sentences or words when very long."""
    line = _title_line(text)
    if len(line) <= TITLE_CHARS:
        return line
    head = line[: TITLE_CHARS + 1]
    sentence_ends = [end.end() for end in _SENTENCE_END.finditer(head) if end.end() >= MIN_TITLE_CHARS]
    if sentence_ends:
        return head[: sentence_ends[-1]].strip()
    return head.rsplit(" ", 1)[0].rstrip(" ,;:-–") + " …"


def _title_line(text: str) -> str:
    """The first line that is neither empty, just a stamp, a byline nor a tag line, without a
    trailing stamp (the first tag line when all are); lines after it are not read, so that a
    long article costs no more than a short one."""
    first_named = ""
    for line in text.splitlines():
        line = line.strip()
        # a stamp ends a headline, not a paragraph: long lines are not searched for one
        titled = strip_stamp(line) if len(line) <= 2 * TITLE_CHARS else line
        if is_byline(line):
            continue
        if titled and not _is_tag_line(titled):
            return titled
        first_named = first_named or titled
    return first_named


def read_text(file: InputFile, text: str) -> list[Document | InputError]:
    """One document from a ``.txt`` file's decoded text (plus an error for a bad marker)."""
    value, body = split_marker(text)
    body = body.strip()
    if not body:
        return [InputError(file.source, "empty file (no text)")]
    doc = Document(id=file.id, text=body, title=title_of(body), source=file.source)
    if value is None:
        return [doc]
    try:
        doc.published = parse_published(value)
        doc.published_source = MARKER
    except ValueError as error:
        return [InputError(file.source, f"bad date marker: {error}; read without it", kept=True), doc]
    return [doc]
