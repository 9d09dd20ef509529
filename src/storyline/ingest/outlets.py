"""Who published a document: metadata, else the URL's domain, else an agency marker.

Agency markers are the credits wire copy carries in its dateline or at its end: "(dpa)",
"(dpa/AFP)", "(Reuters) -", "@ dpa.de", "© AFP", "Quelle: dpa".  Only the head and the tail of
a text are searched, where credits stand; the agency names are language data
(``lang/<lang>/ingest_agencies.toml``).  A full dateline credits its source by position, so
its bracket names the outlet even when it is no agency storyline knows.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from storyline.ingest.dates import dateline_credit
from storyline.ingest.langdata import languages
from storyline.lang import phrase_alternation, resource

__all__ = ["agency_in_text", "domain_of"]

# Credits stand in a text's first and last characters.
CREDIT_WINDOW = 600


def domain_of(url: str | None) -> str | None:
    """``www.example.com/a`` → ``example.com``; ``None`` for anything without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


@cache
def _markers(langs: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    agencies: dict[str, str] = {}
    labels: list[str] = []
    for lang in langs:
        data = resource(lang, "ingest_agencies.toml")
        agencies.update({marker.lower(): name for marker, name in data["agencies"].items()})
        labels.extend(data["credit_labels"])
    names = phrase_alternation(agencies)
    label = phrase_alternation(labels)
    other = r"[\w-]+"
    pattern = re.compile(
        rf"\(\s*(?:{other}\s*/\s*)*(?P<paren>{names})(?:\s*/\s*{other})*\s*\)"
        rf"|[@©]\s*(?P<credit>{names})(?:\.[a-z]{{2,3}})?(?!\w)"
        rf"|(?<!\w)(?:{label})\s*:\s*(?P<label>{names})(?!\w)",
        re.IGNORECASE,
    )
    return pattern, agencies


def agency_in_text(text: str, lang: str = "") -> str | None:
    """The agency a text credits: the first marker in its head, else in its tail, else the
    credit of a dateline ("Ismailia, 24. März (bdd) -"); ``None`` when it credits none."""
    pattern, agencies = _markers(languages(lang))
    parts = [text] if len(text) <= 2 * CREDIT_WINDOW else [text[:CREDIT_WINDOW], text[-CREDIT_WINDOW:]]
    for part in parts:
        match = pattern.search(part)
        if match:
            marker = match.group("paren") or match.group("credit") or match.group("label")
            return agencies[marker.lower()]
    credit = dateline_credit(text, lang)
    return agencies.get(credit.lower(), credit) if credit else None
