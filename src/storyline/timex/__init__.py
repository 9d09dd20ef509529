"""Temporal tagger: TIMEX3 expressions found and normalised against the DCT.

Each rule of the language (``lang/<lang>/timex_rules.toml``) has anchors, cheap patterns that
all its matches contain; a sentence is matched only against the rules whose anchors occur in
its tokens (most sentences against none or a few).  The longest non-overlapping matches win,
and each is normalised (:mod:`storyline.timex.normalise`) against the DCT, the tense cue
nearest to it, and the last day the narrative named.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.dates import Precision
from storyline.model import Document, Period, Sentence, TimeExpression, TimexType
from storyline.text import split_sentences
from storyline.timex.grammar import Grammar, Rule, grammar
from storyline.timex.normalise import Context, normalise, reading_period

__all__ = ["annotate", "tag", "tense_at"]

# How many sentences an announced day stays the day that bare clock times refer to.
_NARRATIVE_SENTENCES = 8
# How many sentences a day told of in the past stays the day of a past-tense clock time.
_PAST_NARRATIVE_SENTENCES = 1
# How far before an expression a governing word and the prepositions after it may begin.
_GOVERNING_REACH = 40
# What stands for the expression while cues are searched: no word, so that no cue reaches
# into it ("will be Wednesday" is the cue "will", not a cue that ends inside the expression).
_MASK = "#"


def tense_at(g: Grammar, sentence: str, start: int, end: int) -> tuple[str, bool]:
    """The tense of the cue word nearest to ``sentence[start:end]`` ("" when there is none),
    and whether that cue is in the expression's own clause.

    The new date of a postponement lies ahead ("ist auf Freitag verschoben worden").  Then a
    word that governs the expression decides: a past one whatever the clause says (a
    boundary that looks back, "seit Montag"; the reporting verb the expression dates, "said on
    Tuesday it would strike"), a future one ("ab Montag") unless the own clause is past.
    Otherwise the expression's own clause (between commas, colons, quotes, brackets and words
    that open a clause, such as "that") is searched before the rest of the sentence, and
    reliable cue words (auxiliaries, modals, frequent verbs) before guesses from word shape
    (participles).
    """
    reach = max(0, start - _GOVERNING_REACH)
    if g.postponed_to.search(sentence, reach, start) and g.postponed.search(sentence):
        return "future", True
    governing = next(
        (tense for tense, words in g.governing if words.search(sentence, reach, start)),
        "",
    )
    if governing == "past":
        return governing, True
    tense, in_clause = _clause_tense(g, sentence, start, end)
    if governing and not (in_clause and tense == "past"):
        return governing, True
    return tense, in_clause


def _clause_tense(g: Grammar, sentence: str, start: int, end: int) -> tuple[str, bool]:
    """The tense of the nearest cue, in the expression's own clause first (see :func:`tense_at`)."""
    edges = list(g.clause_edge.finditer(sentence))
    left = max((edge.end() for edge in edges if edge.end() <= start), default=0)
    right = min((edge.start() for edge in edges if edge.start() >= end), default=len(sentence))
    masked = sentence[:start] + _MASK * (end - start) + sentence[end:]
    clause = masked[left:right]
    for cues in (g.cues, g.weak_cues):
        found = _nearest_cue(cues, clause, start - left, end - left)
        if found:
            return found, True
    for cues in (g.cues, g.weak_cues):
        found = _nearest_cue(cues, masked, start, end)
        if found:
            return found, False
    return "", False


def _nearest_cue(cues: tuple[tuple[str, re.Pattern[str]], ...], sentence: str, start: int, end: int) -> str:
    """The tense of the nearest cue in ``sentence`` (where the expression at ``start:end`` is
    masked), except that a future cue outweighs a present one (the present tense also speaks
    of the future: "ist für 10 Uhr angesetzt")."""
    nearest: dict[str, int] = {}
    for tense, pattern in cues:
        for cue in pattern.finditer(sentence):
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            nearest[tense] = min(distance, nearest.get(tense, distance))
    if "future" in nearest and "present" in nearest:
        del nearest["present"]
    return min(nearest, key=lambda tense: nearest[tense], default="")


def _topic_day(
    narrative: tuple[int, date] | None, announced: tuple[int, date] | None, index: int, tense: str, dct: Period | None
) -> date | None:
    """The day a bare clock time ("um 10 Uhr") belongs to, when it is not the DCT's.

    ``narrative`` is the last day named, ``announced`` the last one named outside a past-tense
    clause.  A day named in the same sentence; in a future-tense clause, an upcoming day
    announced in the sentences just before, past days told of between or not ("Am Montag will
    er telefonieren. Er hatte am Freitag gesagt … Das Gespräch ist für 10 Uhr angesetzt."); a
    day of no tense between (a listing's "14-18 Uhr") ends it.  In a past-tense clause, a past day
    named in the sentence just before ("Gestern Abend einigten sie sich. Der Ausschuss tagte
    seit 15 Uhr.").  Otherwise None: a time in a listing or report is the publication day's.
    """
    if narrative is not None and narrative[0] == index:
        return narrative[1]
    if tense == "future" and announced is not None and index - announced[0] <= _NARRATIVE_SENTENCES:
        day = announced[1]
        return day if dct is None or not dct.is_day_or_finer or day > dct.first else None
    if tense == "past" and narrative is not None and index - narrative[0] <= _PAST_NARRATIVE_SENTENCES:
        day = narrative[1]
        return day if dct is None or not dct.is_day_or_finer or day <= dct.first else None
    return None


def _candidates(g: Grammar, text: str, anchors: set[int]) -> list[tuple[re.Match[str], Rule]]:
    """Non-overlapping matches, longest first, then the earlier rule (only rules whose anchors
    are all in ``anchors``)."""
    found: list[tuple[int, int, int, re.Match[str], Rule]] = []
    for index, rule in enumerate(g.rules):
        if not rule.anchors <= anchors:
            continue
        for match in rule.regex.finditer(text):
            if match.end() > match.start():
                found.append((match.end() - match.start(), -index, match.start(), match, rule))
    found.sort(key=lambda item: (-item[0], -item[1], item[2]))
    taken: list[tuple[re.Match[str], Rule]] = []
    for _, _, _, match, rule in found:
        if all(match.end() <= other.start() or match.start() >= other.end() for other, _ in taken):
            taken.append((match, rule))
    taken.sort(key=lambda item: item[0].start())
    return taken


def tag(text: str, lang: str, dct: Period | None, sentences: list[Sentence] | None = None) -> list[TimeExpression]:
    """All time expressions in ``text``, in text order, each with its sentence index."""
    g = grammar(lang)
    if sentences is None:
        sentences = split_sentences(text, lang)
    result: list[TimeExpression] = []
    narrative: tuple[int, date] | None = None  # (sentence index, day) of the last day named
    announced: tuple[int, date] | None = None  # the same of the last day named outside a past clause
    previous: tuple[int, str] | None = None  # (sentence index, value) of the last DATE
    topic_quarter: str | None = None  # the last quarter named
    for sentence in sentences:
        body = text[sentence.start : sentence.end]
        anchors = g.anchors_in(body)
        if not anchors:
            continue
        for match, rule in _candidates(g, body, anchors):
            recent = previous[1] if previous and previous[0] >= sentence.index - 1 else None
            tense, in_clause = tense_at(g, body, match.start(), match.end())
            narrative_day = _topic_day(narrative, announced, sentence.index, tense, dct)
            ctx = Context(g, dct, tense, narrative_day, recent, in_clause, topic_quarter)
            reading = normalise(match, ctx, rule)
            if reading is None:
                continue
            period = reading_period(reading)
            if period is not None and period.is_day_or_finer and reading.type in ("DATE", "TIME"):
                narrative = (sentence.index, period.first)
                if tense != "past":
                    announced = narrative
            if reading.type == "DATE":
                previous = (sentence.index, reading.value)
                if rule.kind in ("date", "relative") and period is not None and period.precision is Precision.QUARTER:
                    topic_quarter = reading.value  # named, not itself counted from the topic
            result.append(
                TimeExpression(
                    start=sentence.start + match.start(),
                    end=sentence.start + match.end(),
                    text=match.group(0),
                    type=TimexType(reading.type),
                    value=reading.value,
                    mod=reading.mod,
                    sentence=sentence.index,
                    quant=reading.quant,
                    freq=reading.freq,
                    timezone=reading.timezone,
                    period=period,
                    after_dct=reading.after_dct,
                )
            )
    return result


def annotate(doc: Document) -> Document:
    """Fill ``doc.timexes`` from ``doc.text``, ``doc.lang``, ``doc.published``, ``doc.sentences``."""
    doc.timexes = tag(doc.text, doc.lang, doc.published, doc.sentences or None)
    return doc
