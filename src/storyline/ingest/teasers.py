"""Lists of other articles' teasers appended to an article ("Weitere Meldungen", "Related").

Such a list is not part of the article, and its dates are not the article's: each teaser is
another article's headline and lead with that article's own stamp ("… (Wirtschaft,
19.03.2025 - 10:38) weiterlesen...").  Recognised by structure, not by wording: a line that is
a known heading (language data, ``lang/<lang>/ingest_teasers.toml``) followed by one or more
items (a line, or a headline and lead over up to three lines) that each end in a full date.
The block is cut from the article text and every item becomes a :class:`Teaser`, dated by its
stamp, so its facts can still be cited with their own date.  Its title is its headline: its
first line, or, where the headline runs into the lead on one line, up to its first full stop
or up to a word that opens a sentence only when written with a capital (language data: "…
auf Trumps Deal | Die Folgen …"); such a headline gets a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline.dates import Period
from storyline.ingest.dates import TIME, DateHit, find_dates
from storyline.ingest.langdata import languages
from storyline.lang import phrase_alternation, phrase_pattern, resource

__all__ = ["Teaser", "split_teasers"]

# How many words of a teaser make its title when its headline's end is unknown, how long a
# headline may be, and how many lines one teaser may span.
TITLE_WORDS = 8
HEADLINE_WORDS = 16
ITEM_LINES = 3
_STOPS = (".", "!", "?")

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Teaser:
    """One item of a teaser list: its text (stamp and "read more" removed), title and date."""

    text: str
    title: str
    published: Period


@dataclass(frozen=True)
class _Rules:
    heading: re.Pattern[str]
    read_more: re.Pattern[str]
    lead_openers: frozenset[str]


@cache
def _rules(langs: tuple[str, ...]) -> _Rules:
    headings: list[str] = []
    read_more: list[str] = []
    lead_openers: set[str] = set()
    for lang in langs:
        data = resource(lang, "ingest_teasers.toml")
        headings.extend(data["headings"])
        read_more.extend(data["read_more"])
        lead_openers.update(data["lead_openers"])

    return _Rules(
        heading=re.compile(rf"\s*(?:{phrase_alternation(headings)})\s*[:…]?\s*", re.IGNORECASE),
        read_more=phrase_pattern(read_more),
        lead_openers=frozenset(lead_openers),
    )


def _stamp(line: str, lang: str) -> DateHit | None:
    """The item's own stamp: the last date in it that names its year."""
    dated = [hit for hit in find_dates(line, lang) if hit.year is not None]
    return dated[-1] if dated else None


def _is_trailer(text: str, rules: _Rules) -> bool:
    """Only times, "read more" links and punctuation: what follows a teaser's stamp."""
    return not re.search(r"\w", TIME.sub(" ", rules.read_more.sub(" ", text)))


def _teaser(lines: list[str], stamp: DateHit, rules: _Rules) -> Teaser:
    """A teaser from its lines (headline, lead …), the last of which holds its ``stamp``."""
    published = stamp.resolve(None)
    assert published is not None  # a stamp names its year
    last = lines[-1]
    cut = len(last)
    opening = last.rfind("(", 0, stamp.start)
    closing = last.find(")", stamp.end)
    if opening >= 0 and ")" not in last[opening : stamp.start] and closing >= 0:
        if _is_trailer(last[stamp.end : closing], rules) and _is_trailer(last[closing + 1 :], rules):
            cut = opening
    elif _is_trailer(last[stamp.end :], rules):
        cut = stamp.start
    kept = [line.strip() for line in lines[:-1]] + [last[:cut].strip()]
    text = "\n".join(line for line in kept if line) or last.strip()
    first, newline, _ = text.partition("\n")
    words = first.split()
    headline = len(words) if newline else _headline_words(words, rules)
    if not newline and headline is not None and not words[headline - 1].endswith(_STOPS):
        text = " ".join(words[:headline]) + "\n" + " ".join(words[headline:])  # a line of its own: a heading
    if headline is not None and headline <= HEADLINE_WORDS:
        title = " ".join(words[:headline])
    else:
        title = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return Teaser(text=text, title=title, published=published)


def _headline_words(words: list[str], rules: _Rules) -> int | None:
    """How many words of a one-line teaser are its headline, run into its lead: up to its
    first full stop, or up to a word that opens a sentence only when written with a capital
    (language data: "… skeptisch auf Trumps Deal | Die Folgen …"); ``None`` when unclear."""
    for count, word in enumerate(words[:HEADLINE_WORDS], start=1):
        if word.endswith(_STOPS):
            return count
        following = words[count] if count < len(words) else ""
        if count >= 2 and following in rules.lead_openers and not word.endswith((":", ",", "-", "–")):
            return count
    return None


def split_teasers(text: str, lang: str = "") -> tuple[str, list[Teaser]]:
    """The article text without its teaser lists, and the teasers cut from it, in order.

    A list runs from its heading to the last line with a stamp; an item is one line, or up to
    :data:`ITEM_LINES` lines (headline, lead) of which the last carries the stamp.
    """
    rules = _rules(languages(lang))
    lines = [line for line in _LINE.finditer(text) if line.group().strip()]
    cuts: list[tuple[int, int]] = []
    teasers: list[Teaser] = []
    index = 0
    while index < len(lines):
        if not rules.heading.fullmatch(lines[index].group()):
            index += 1
            continue
        items: list[Teaser] = []
        pending: list[str] = []
        last = index
        for position in range(index + 1, len(lines)):
            line = lines[position].group()
            stamp = _stamp(line, lang)
            if stamp is None:
                if len(pending) + 1 >= ITEM_LINES:
                    break
                pending.append(line)
                continue
            items.append(_teaser([*pending, line], stamp, rules))
            pending = []
            last = position
        if items:
            cuts.append((lines[index].start(), lines[last].end()))
            teasers.extend(items)
        index = last + 1
    if not cuts:
        return text, []
    kept: list[str] = []
    position = 0
    for start, stop in cuts:
        kept.append(text[position:start])
        position = stop
    kept.append(text[position:])
    return "".join(kept).rstrip(), teasers
