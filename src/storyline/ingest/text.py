"""Plain-text articles (``.txt``): an optional date marker, the title line, the article.

The first line may start with the marker `` date YYYY-MM`` or `` date YYYY-MM-DD`` (how the
collector stored the publication date), followed on the same line by the article's first
words.  The marker is removed: the document text is what storyline read without it, and every
later offset refers to that text.  The title is the first line.
"""

from __future__ import annotations

from storyline.ingest.dates import MARKER, parse_published, split_marker, strip_stamp
from storyline.ingest.files import InputFile
from storyline.model import Document, InputError

__all__ = ["read_text", "title_of"]

# Longer first lines (a lead paragraph without a headline) are cut at a word for the title.
TITLE_CHARS = 150


def title_of(text: str, lang: str = "") -> str:
    """The first line that is not just a stamp, without a trailing stamp, cut at a word when
    very long."""
    lines = (line.strip() for line in text.splitlines())
    # a stamp ends a headline, not a paragraph: long lines are not searched for one
    titles = (strip_stamp(line, lang) if len(line) <= 2 * TITLE_CHARS else line for line in lines)
    line = next((line for line in titles if line), "")
    if len(line) <= TITLE_CHARS:
        return line
    return line[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–") + " …"


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
        return [InputError(file.source, f"bad date marker: {error}; read without it"), doc]
    return [doc]
