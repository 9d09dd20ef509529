"""HTML pages (``.html``/``.htm``): main text, title, date, URL and site name via trafilatura.

Only the local string is parsed; nothing is ever fetched.  Dates come from the page's
metadata only (``extensive_search`` off): trafilatura's default would otherwise guess a day
from a URL such as ``/2025/05/`` (giving ``2025-05-01``), and a stamp in the text is read by
:func:`storyline.ingest.dates.refine_published` instead, with its real precision.
"""

from __future__ import annotations

from typing import Any

from storyline.ingest.dates import METADATA, parse_published
from storyline.ingest.files import InputFile
from storyline.ingest.outlets import domain_of
from storyline.ingest.text import title_of
from storyline.model import Document, InputError

__all__ = ["read_html"]

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(file: InputFile, page: str) -> list[Document | InputError]:
    """One document from a page's decoded markup (or an error when it holds no article)."""
    import trafilatura  # heavy import, only needed when there is HTML to read
    from trafilatura.settings import Document as Extracted

    try:
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        return [InputError(file.source, f"cannot parse HTML: {error}")]
    found: dict[str, Any] = result.as_dict() if isinstance(result, Extracted) else result or {}

    def field(name: str) -> str:
        value = found.get(name)
        return value.strip() if isinstance(value, str) else ""

    text = field("text")
    if not text:
        return [InputError(file.source, "no article text found in the HTML")]
    url = field("url") or None
    doc = Document(
        id=file.id,
        text=text,
        title=field("title") or title_of(text),
        source=file.source,
        url=url,
        outlet=field("sitename") or domain_of(url),
    )
    if field("date"):
        try:
            doc.published = parse_published(field("date"))
            doc.published_source = METADATA
        except ValueError as error:
            problem = f"bad date in the page's metadata: {error}; read without it"
            return [InputError(file.source, problem, kept=True), doc]
    return [doc]
