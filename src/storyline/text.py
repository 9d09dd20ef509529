"""Language identification, sentence splitting and tokens (stage: document → sentences).

The sentence splitter is a hand-written scan, not a library: the measured libraries are either
too slow for the tagger's speed target (≥ 5,000 sentences/s from raw text, splitting included)
or split German ordinals ("am 18. März", "die 2. Bundesliga").  Every sentence-final mark
(``.``, ``?``, ``!``, ``…``, with any closing quotes or brackets after it) followed by white
space is a candidate boundary, decided from the token before it and the word after it:

* a lower-case next word never starts a sentence;
* abbreviations that never end a sentence (``Dr.``, ``ca.``, ``bzw.``) and one letter with a
  dot (``J. F. Kennedy``, ``z. B.``) never split;
* ambiguous dots (ordinal numbers and Roman numerals where the language writes ordinals with a
  dot, dotted initials such as ``U.S.``, abbreviations that may end a sentence such as
  ``usw.``, ``Mrd.``) split only before a typical sentence opener ("Die", "Sie", "The" …) or an
  opening quote;
* anything else splits.

Blank lines end a paragraph, and a line without final punctuation (a headline, a dateline) is
a sentence of its own unless the next line goes on in lower case (hard-wrapped text).  A
dateline that runs into the first sentence ends a sentence of its own near the start of a text
("WASHINGTON (Reuters) - The …", "Berlin (dpa) - Die …", "NEW ORLEANS -- The …"), and so
does a time stamp at the end of a headline ("… telefonieren Stand: 17.05.2025 19:54 Uhr"; the
stamp rules are ingest's), so that the sentence reads as written and the byline, time stamp
and credit stay apart.  The abbreviation and opener lists are language data
(``lang/<lang>/text_*.txt``).

Measured on one core over the KRAUTS and TempEval-3 texts (6,700 sentences): about 130,000
sentences/s on a cold first pass and 230,000 warm (``storyline bench timex`` prints the figure
for the machine at hand).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from storyline.ingest.dates import strip_stamp
from storyline.lang import SUPPORTED, resource, word_list
from storyline.model import Document, Sentence

__all__ = ["annotate", "detect_language", "split_sentences", "tokenize"]

_QUOTE_CHARS = "\"'`„“”‚‘’«»‹›"
_QUOTES = frozenset(_QUOTE_CHARS)
_CLOSERS = _QUOTE_CHARS + ")]"
_OPENERS = _QUOTE_CHARS + "(["
# A candidate boundary: sentence-final marks plus closing quotes/brackets, then white space.
_CANDIDATE = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s|$)")
# After a candidate: white space, opening quotes/brackets/dashes, then the next word.
_NEXT = re.compile(rf"\s*([{re.escape(_OPENERS)}–—-]*)(\w*)")
# A line ending in one of these runs on into the next line (no headline).
_LINE_CONTINUES = frozenset(".!?…;,-–—/")
_NUMBER_ORDINAL = re.compile(r"(?:\d{1,3}|\d{1,2}\.\d{1,2}|[IVXLC]+)\.")
_INITIAL = re.compile(r"[^\W\d_]\.")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}")
# A dateline's end: a credit in brackets or a place in capitals, then a dash (and the body).
_DATELINE_TAIL = (
    r"(?:\([^()\n]{1,40}\)|(?<!\w)[A-ZÄÖÜ]{2,}(?:[ /.'-]+[A-ZÄÖÜ]+)*\.?(?:,\s+[A-ZÄÖÜ][\w.]*)?)"
    r"\s*(?:--?|[–—])"
)
_DATELINE_END = re.compile(_DATELINE_TAIL + r"\s+(?=[\"'„“‘(]?[A-ZÄÖÜ])")
_DATELINE = re.compile(_DATELINE_TAIL + r"$")
# Where a dateline can stand: near the start of a text, after the headline and byline.
_DATELINE_WINDOW = 400
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:['’-]\w+)*|[^\w\s]")


DotKind = Literal["never", "ambiguous", "word"]


@dataclass(frozen=True)
class _Rules:
    """The language data the splitter needs, with spaces removed from abbreviations."""

    never_final: frozenset[str]
    never_final_suffixes: tuple[str, ...]
    maybe_final: frozenset[str]
    openers: frozenset[str]
    ordinal_dot: bool


def _squeeze(entries: frozenset[str]) -> frozenset[str]:
    return frozenset(entry.replace(" ", "") for entry in entries if not entry.startswith("-"))


@cache
def _rules(lang: str) -> _Rules:
    never_final = word_list(lang, "text_abbreviations.txt")
    return _Rules(
        never_final=_squeeze(never_final),
        never_final_suffixes=tuple(sorted(entry[1:] for entry in never_final if entry.startswith("-"))),
        maybe_final=_squeeze(word_list(lang, "text_abbreviations_final.txt")),
        openers=word_list(lang, "text_sentence_starters.txt"),
        ordinal_dot=bool(resource(lang, "text_sentences.toml").get("ordinal_dot", False)),
    )


def _word_start(text: str, start: int, end: int) -> int:
    """Start of the white-space delimited token that ends at ``end`` (not before ``start``)."""
    position = end
    while position > start and not text[position - 1].isspace():
        position -= 1
    return position


def _dot_kind(text: str, block_start: int, dot: int, rules: _Rules) -> DotKind:
    """Classify the token ending with the dot at ``dot``: ``never``, ``ambiguous`` or ``word``."""
    begin = _word_start(text, block_start, dot)
    token = text[begin : dot + 1].lstrip(_OPENERS)
    sentence_initial_form = token[:1].lower() + token[1:]
    if token in rules.never_final or sentence_initial_form in rules.never_final:
        return "never"
    if token in rules.maybe_final:
        return "ambiguous"
    if len(token) == 2 and _INITIAL.fullmatch(token):
        # "J. F. Kennedy", "z. B.", "d. h.": one letter and a dot, unless it closes "u. ä." …
        previous_end = begin
        while previous_end > block_start and text[previous_end - 1].isspace():
            previous_end -= 1
        previous = text[_word_start(text, block_start, previous_end) : previous_end]
        combined = previous.lstrip(_OPENERS) + token
        return "ambiguous" if combined in rules.maybe_final else "never"
    if any(token.endswith(suffix) for suffix in rules.never_final_suffixes):
        return "never"
    if _DOTTED.fullmatch(token):
        return "ambiguous"
    if rules.ordinal_dot and _NUMBER_ORDINAL.fullmatch(token):
        return "ambiguous"
    return "word"


def _boundaries(text: str, start: int, end: int, rules: _Rules) -> list[int]:
    """Sentence ends inside one block of text (a paragraph, or a run of lines)."""
    ends: list[int] = []
    for match in _CANDIDATE.finditer(text, start, end):
        following = _NEXT.match(text, match.end(), end)
        if following is None or (following.end() >= end and not following.group(2)):
            continue  # the block ends here anyway
        opener, word = following.group(1), following.group(2)
        if word[:1].islower():
            continue
        marks = match.group().rstrip(_CLOSERS)
        if marks == ".":
            kind = _dot_kind(text, start, match.start(), rules)
            if kind == "never":
                continue
            if kind == "ambiguous" and not _QUOTES.intersection(opener) and word.lower() not in rules.openers:
                continue
        ends.append(match.end())
    return ends


def _runs_on(line: str, next_line: str) -> bool:
    """Whether ``line`` continues into ``next_line`` rather than standing alone.

    A line without final punctuation is a headline or dateline unless the next line starts in
    lower case (hard-wrapped text); one ending in a colon runs on only into a quotation or a
    lower-case word, so "sagte er:" does not swallow the headline below it.
    """
    last = line.rstrip().rstrip(_CLOSERS)[-1:]
    if last in _LINE_CONTINUES:
        return True
    first = next_line.lstrip()[:1]
    return first.islower() or (last == ":" and first in _QUOTES)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans that no sentence crosses: paragraphs, ended early by lines that stand alone."""
    blocks: list[tuple[int, int]] = []
    block_start = position = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        line_end = position + len(line)
        if not line.strip():
            if block_start < position:
                blocks.append((block_start, position))
            block_start = line_end
        elif not _runs_on(line, lines[number + 1] if number + 1 < len(lines) else ""):
            blocks.append((block_start, line_end))
            block_start = line_end
        position = line_end
    if block_start < len(text):
        blocks.append((block_start, len(text)))
    return blocks


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets; German abbreviations and ordinal dates do not split.

    ``Sentence.text`` is the slice without surrounding white space, and ``start``/``end``
    delimit exactly that slice.
    """
    rules = _rules(lang)
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        ends = _boundaries(text, block_start, block_end, rules)
        if block_start < _DATELINE_WINDOW:
            dateline = _DATELINE_END.search(text, block_start, min(block_end, _DATELINE_WINDOW))
            if dateline and dateline.end() < block_end:
                ends = sorted({dateline.end(), *ends})
            head = strip_stamp(text[block_start:block_end], lang)
            if head and block_start + len(head) < block_end:
                ends = sorted({block_start + len(head), *ends})  # "… telefonieren | Stand: 17.05.2025"
        for end in [*ends, block_end]:
            piece = text[start:end]
            stripped = piece.strip()
            if stripped:
                first = start + len(piece) - len(piece.lstrip())
                sentences.append(Sentence(len(sentences), first, first + len(stripped), stripped))
            start = end
    return sentences


def is_dateline(sentence: Sentence, lang: str = "") -> bool:
    """Whether a sentence near the start of a text is a dateline or time stamp split off its
    line ("Ismailia, 24. März (bdd) -", "Stand: 17.05.2025 19:54 Uhr"): it says where and when
    a report was filed, not what happened."""
    if sentence.start >= _DATELINE_WINDOW:
        return False
    return _DATELINE.search(sentence.text) is not None or not strip_stamp(sentence.text, lang)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans: numbers (``2,5``, ``14.30``, ``2:1``), words (``U-Bahn``), single marks."""
    return [match.span() for match in _TOKEN.finditer(text)]


@cache
def _identifier() -> Any:
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    identifier.set_languages(list(SUPPORTED))
    return identifier


_WORD = re.compile(r"\w+")
_SHORT_TEXT_WORDS = 8
_SAMPLE_CHARS = 3000


def detect_language(text: str, default: str = "de") -> str:
    """The language of ``text`` among the supported ones (``de``/``en``).

    Very short texts (headlines) are decided by a vote of frequent function words when the vote
    is clear, since character n-gram models are unreliable on a handful of words; otherwise
    py3langid restricted to the supported languages decides from the first few thousand
    characters.  Texts without letters get ``default``.
    """
    words = [word.lower() for word in _WORD.findall(text[:_SAMPLE_CHARS])]
    if not any(not word.isdigit() for word in words):
        return default
    if len(words) <= _SHORT_TEXT_WORDS:
        votes = {lang: sum(word in word_list(lang, "stopwords.txt") for word in words) for lang in SUPPORTED}
        best = max(votes, key=votes.__getitem__)
        if votes[best] > 0 and all(votes[best] > count for lang, count in votes.items() if lang != best):
            return best
    lang, _score = _identifier().classify(text[:_SAMPLE_CHARS])
    return str(lang) if lang in SUPPORTED else default


def annotate(doc: Document) -> Document:
    """Fill ``doc.lang`` (when empty or not a supported language) and ``doc.sentences``."""
    if doc.lang not in SUPPORTED:
        doc.lang = detect_language(doc.text)
    doc.sentences = split_sentences(doc.text, doc.lang)
    return doc
