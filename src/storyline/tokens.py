"""Words and quotation marks: how every stage reads the words of a sentence and what it quotes.

One word pattern and one table of quotation marks serve the sentence splitter, participants,
event mentions, the TLS method and the quoting of sentences under a dated heading, so that a
mark or a word is the same thing to all of them.  Quotation marks are punctuation, not language
knowledge: a German article may quote English (“…”) and an English one German („…“), so every
text is read with all of them.
"""

from __future__ import annotations

import re

# A word, with any apostrophes and hyphens inside it: "don't", "BP’s", "US-Präsident".
WORD = re.compile(r"\w+(?:['’-]\w+)*")

# Each opening quotation mark with the marks that close it: German „…“ (often closed the
# English way), English “…”, guillemets both ways round (German »…«, French and Swiss «…»),
# straight quotes and the ``…'' of typewritten and tokenised text, and the single ones nested
# inside them (‚…‘, ‘…’, ›…‹, ‹…›, '…', `…').  “ opens in English and closes in German, so a
# mark may do both.
_DOUBLE_PAIRS = {"„": ("“", "”", '"'), "“": ("”",), "»": ("«",), "«": ("»",), '"': ('"',), "``": ("''", '"')}
_SINGLE_PAIRS = {"‚": ("‘", "’", "'"), "‘": ("’",), "›": ("‹",), "‹": ("›",), "'": ("'",), "`": ("'",)}
_PAIRS = _DOUBLE_PAIRS | _SINGLE_PAIRS


def _marks(pairs: dict[str, tuple[str, ...]]) -> set[str]:
    return set(pairs).union(*pairs.values())


def _characters(marks: set[str]) -> str:
    return "".join(sorted(set("".join(marks))))


def _pattern(marks: set[str]) -> re.Pattern[str]:
    """Any of ``marks``, the longest first ("''" before "'")."""
    return re.compile("|".join(map(re.escape, sorted(marks, key=len, reverse=True))))


_CLOSING = {sign for closers in _PAIRS.values() for sign in closers}
DOUBLE_QUOTATION_MARKS = _characters({mark for mark in _marks(_DOUBLE_PAIRS) if len(mark) == 1})
"""The double quotation marks of one character: those never mistaken for an apostrophe."""
QUOTATION_MARKS = _characters(_marks(_PAIRS))
"""The characters of every quotation mark, opening or closing, double or single."""
CLOSING_QUOTATION_MARKS = _characters(_CLOSING)
"""The characters of the marks that may close a quotation (after a sentence's final mark)."""

_DOUBLE_MARK = _pattern(_marks(_DOUBLE_PAIRS))
_MARK = _pattern(_marks(_PAIRS))
# A mark after white space, the start, an opening bracket, a dash, a slash or a colon opens.
_BEFORE_OPENING = "([{–—-/:"


def quotations(text: str, *, single: bool = False, unclosed: bool = False) -> list[tuple[int, int]]:
    """The spans of the quotations in ``text`` (marks included), ordered by start, a quotation
    nested in another listed as well as the outer one.

    Each closing mark closes the innermost open quotation whose opening mark it pairs with.  A
    mark that may either open or close ("“", "»", '"') opens after white space, the start, an
    opening bracket, a dash, a slash, a colon or a mark that has just opened, and closes
    elsewhere; one that only opens („, ‚) opens wherever it stands; a mark between two letters
    is an apostrophe ("don't", "BP’s"), not a quotation mark.  Only double quotation marks
    count unless ``single``: English single quotes are apostrophes too often to be read in text
    that may use both.  With ``unclosed``, a quotation that crosses the sentence's edge counts
    too: from the start up to a closing mark whose quotation opened in an earlier sentence, and
    from an opening mark that is never closed to the end."""
    pairs = _PAIRS if single else _DOUBLE_PAIRS
    opened: list[tuple[int, str]] = []  # the open quotations' offsets and marks, innermost last
    spans: list[tuple[int, int]] = []
    closed_earlier: int | None = None  # the end of a closing mark whose quotation opened before the text
    for mark in (_MARK if single else _DOUBLE_MARK).finditer(text):
        start, end, sign = mark.start(), mark.end(), mark.group()
        before, after = text[start - 1 : start] or " ", text[end : end + 1] or " "
        if before.isalpha() and after.isalpha():
            continue  # an apostrophe
        just_opened = bool(opened) and opened[-1][0] + len(opened[-1][1]) == start
        opens = sign in pairs and (before.isspace() or before in _BEFORE_OPENING or just_opened)
        closes = next((depth for depth in reversed(range(len(opened))) if sign in pairs[opened[depth][1]]), -1)
        if closes >= 0 and not opens:
            spans.append((opened[closes][0], end))
            del opened[closes:]
        elif opens or (sign in pairs and sign not in _CLOSING):
            opened.append((start, sign))
        elif not opened and closed_earlier is None:
            closed_earlier = end
    if unclosed:
        spans += [(start, len(text)) for start, _ in opened]
        if closed_earlier is not None:
            spans.append((0, closed_earlier))
    return sorted(spans)
