"""Quoting a sentence under a dated heading: without the time expressions the heading makes
redundant, as a journalist's timeline does ("BP said on Tuesday that it would cap the well"
under that Tuesday reads "BP said that it would cap the well").

A date goes only where the rest is still the same sentence, saying the same thing.  It stays
when it names a clock time (the heading gives no time); when the sentence also names another
day (the days contrast or follow each other: "fell 5 % on Tuesday and 3 % on Wednesday"); when
the day was still ahead when the sentence was written (an announcement, whose date says when
the plan is for, not when it was made); within a quotation, which stays word for word; where it
is part of a noun phrase, the subject or a predicate ("Tuesday's vote", "Monday was the
deadline", "It was Tuesday"), follows a focus word ("only on Tuesday") or a preposition that
would be left dangling ("planned for Tuesday"); where a language puts the verb right after an
opening phrase (German "Am Montag telefonierten ..."); when it is all but two words of a phrase
set off by commas ("The vote, held on 20 April, was close"); and when fewer than
``MIN_WORDS_LEFT`` words would be left.  The words involved are language data
(``lang/<lang>/quote.toml``); the engine names no language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from storyline.lang import SUPPORTED, phrase_alternation, resource
from storyline.model import Sentence, TimeExpression
from storyline.tokens import WORD, quotations

Span = tuple[int, int]

# Fewer words than this left, a sentence keeps its dates.
MIN_WORDS_LEFT = 4
# A phrase set off by commas that would keep this many words or fewer keeps its date.
MIN_PHRASE_WORDS = 2

_CLOCK_TIME = re.compile(r"T\d")
_LAST_WORD = re.compile(r"(\S+)\s*$")
_NO_SPACE_AFTER = ("(", "[", "/")
_NO_SPACE_BEFORE = re.compile(r"[,.;:!?…)\]/]")
# Marks after which a new clause opens, whatever the language.
_CLAUSE_MARKS = ";:–—(["


def redundant_dates(
    text: str, sentence: Sentence, timexes: Iterable[TimeExpression], day: date, published: date, lang: str
) -> tuple[Span, ...]:
    """Spans of ``sentence`` (offsets into the document ``text``) that a heading dated ``day``
    makes redundant: its day-precise ``timexes`` that name the day, each with its lead-in ("on",
    "late on") and the comma or brackets that set it off; none where the rest would not be the
    same sentence (module docstring).  ``published`` is the sentence's publication day."""
    rules = _rules(lang)
    own = [timex for timex in timexes if sentence.start <= timex.start and timex.end <= sentence.end]
    if rules is None or not own or day > published or not all(_names(timex, day) for timex in own):
        return ()
    if any(_CLOCK_TIME.search(timex.value) for timex in own):
        return ()
    spans = [
        span
        for start, end in _appositions(text, sorted((t.start, t.end) for t in own), rules)
        if (span := _redundant_span(text, sentence, start, end, rules))
    ]
    spans = _merged(spans)
    left = sum(len(WORD.findall(text[a:b])) for a, b in kept_pieces(spans, sentence.start, sentence.end))
    return tuple(spans) if left >= MIN_WORDS_LEFT else ()


def kept_pieces(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The parts of ``start``–``end`` outside the ordered ``spans``."""
    pieces = []
    for omit_start, omit_end in spans:
        if omit_start > start:
            pieces.append((start, min(omit_start, end)))
        start = max(start, omit_end)
    if start < end:
        pieces.append((start, end))
    return pieces


def quoted(text: str, start: int, end: int, spans: Sequence[Span]) -> str:
    """``text[start:end]`` without ``spans``: the pieces joined by one space, none before
    punctuation or after an opening bracket, and the first letter capitalised where the first
    word went."""
    if not spans:
        return text[start:end]
    parts = [piece for a, b in kept_pieces(spans, start, end) if (piece := text[a:b].strip())]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        glue = "" if joined.endswith(_NO_SPACE_AFTER) or _NO_SPACE_BEFORE.match(part) else " "
        joined += glue + part
    first_word = joined.split(" ", 1)[0]
    if spans[0][0] <= start and first_word.islower():
        return joined[:1].upper() + joined[1:]
    return joined


def _names(timex: TimeExpression, day: date) -> bool:
    return timex.period is not None and timex.period.first <= day <= timex.period.last


@dataclass(frozen=True)
class _Rules:
    """What lets a date go, and what keeps it, in one language (``lang/<lang>/quote.toml``)."""

    lead_in: re.Pattern[str]
    """Words right before a date that go with it ("on", "late on")."""
    kept_after: frozenset[str]
    """Words right before a date (and its lead-in) that keep it."""
    kept_before: re.Pattern[str]
    """What right after a date keeps it: a possessive, a hyphen, a bracket, a verb."""
    clause_openers: frozenset[str]
    """Words that may stand between the start of a clause and a date that opens it."""
    apposition: re.Pattern[str]
    """What may stand between two dates that name the same day ("Tuesday, April 20")."""
    drop_opening: bool
    """Whether a date that opens a sentence or clause may go (and then a comma counts as a
    clause mark, since a clause may open after any comma)."""


@cache
def _rules(lang: str) -> _Rules | None:
    if lang not in SUPPORTED:
        return None
    data = resource(lang, "quote.toml")
    attached, verbs = phrase_alternation(data["attached_kept"]), phrase_alternation(data["kept_before"])
    return _Rules(
        lead_in=re.compile(rf"(?<!\w)(?:{phrase_alternation(data['lead_ins'])})\s+$", re.IGNORECASE),
        kept_after=frozenset(word.lower() for word in [*data["kept_after"], *data["focus_words"]]),
        kept_before=re.compile(rf"(?:{attached})|-(?=\w)|\s*[(\[]|\s+(?:{verbs})(?!\w)", re.IGNORECASE),
        clause_openers=frozenset(word.lower() for word in data["clause_openers"]),
        apposition=re.compile(rf"\s*,?\s*(?:(?:{phrase_alternation(data['apposition_articles'])})\s+)?"),
        drop_opening=data["drop_opening"],
    )


def _appositions(text: str, spans: list[Span], rules: _Rules) -> list[Span]:
    """Adjacent dates that name the same day as one span ("Tuesday, April 20")."""
    joined: list[Span] = []
    for start, end in spans:
        if joined and (gap := rules.apposition.fullmatch(text, joined[-1][1], start)) and gap.group():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _redundant_span(text: str, sentence: Sentence, start: int, end: int, rules: _Rules) -> Span | None:
    """The span the date at ``start``–``end`` leaves with, or ``None`` where it stays."""
    if rules.kept_before.match(text, end, sentence.end) or _quoted_at(sentence.text, start - sentence.start):
        return None
    date_start = start
    if lead_in := rules.lead_in.search(text, sentence.start, start):
        start = lead_in.start()
    if (word := _LAST_WORD.search(text, sentence.start, start)) and word.group(1).lower() in rules.kept_after:
        return None
    before, after = text[sentence.start : start].rstrip(), text[end : sentence.end]
    opening = _opens_clause(before, rules)
    if opening and not rules.drop_opening:
        return None
    if (bracket := re.search(r"[(\[]$", before)) and (closing := re.match(r"\s*[)\]]", after)):
        return sentence.start + bracket.start(), end + closing.end()
    comma_before, comma_after = before.rfind(","), after.find(",")
    if comma_before >= 0 and comma_after >= 0:
        phrase = before[comma_before + 1 :] + " " + after[:comma_after]
        if len(WORD.findall(phrase)) <= MIN_PHRASE_WORDS:
            return None  # "The vote, held on 20 April, was close"; "BP, on Tuesday, said"
    if before.endswith(",") and re.match(r"\s*[.!?…]", after):
        return sentence.start + len(before) - 1, end  # "The rig sank, killing 11, on Tuesday."
    if (comma := re.match(r"\s*,", after)) and (opening or "," in text[date_start:end]):
        return start, end + comma.end()  # "On Tuesday, BP said"; "said on Tuesday, April 20, that"
    return start, end


def _opens_clause(before: str, rules: _Rules) -> bool:
    """Whether a date after ``before`` (the sentence up to it) opens a sentence or clause: it
    follows a clause opener ("but", "that"), the start, or a clause mark."""
    words = WORD.findall(before[-40:])
    if words and words[-1].lower() in rules.clause_openers:
        return True
    marks = _CLAUSE_MARKS if rules.drop_opening else _CLAUSE_MARKS + ","
    return not before or before[-1] in marks


def _quoted_at(sentence: str, position: int) -> bool:
    """Whether ``position`` lies within a quotation, single quotes included, or within the part
    of one that opened in an earlier sentence or goes on into the next."""
    return any(a <= position < b for a, b in quotations(sentence, single=True, unclosed=True))
