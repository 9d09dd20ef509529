"""Which languages' data the ingest rules consult.

Ingest runs before language identification, so a document without a known language is read
with the data of every supported language (their stamp labels, month names and teaser headings
do not clash); a known language narrows it to that language's data.
"""

from __future__ import annotations

from storyline.lang import SUPPORTED


def languages(lang: str | None) -> tuple[str, ...]:
    """The languages whose data applies to a document of language ``lang`` ("" = unknown)."""
    return (lang,) if lang in SUPPORTED else SUPPORTED

