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
a sentence of its own unless the next line goes on in lower case (hard-wrapped text).

Each sentence gets its :class:`~storyline.model.SentenceKind`, so that later stages quote and
date only what reports the story:

* **furniture**, set apart wherever it runs into the text, so that the sentence reads as
  written: a dateline near the start of a text ("WASHINGTON (Reuters) - The …", "Berlin (dpa)
  - Die …"), a page stamp ("… telefonieren Stand: 17.05.2025 19:54 Uhr", "… a long tunnel
  Sunday 18 July 2010 18.45 BST Work boats …"; the stamp rules are ingest's) and a photo
  credit ("Photograph: Gerald Herbert/AP Shares in BP …": up to its last "/agency", else
  before the sentence that follows; where that is unclear, nothing is split);
* a **clock**, the time that opens a live-blog entry ("15:25 - The Ever Given is free",
  "15.25 Uhr: Die …"): furniture that still dates the sentence it heads;
* a **heading**: a line of its own that ends no statement (no final ``.``, ``?``, ``!``,
  ``…``; a stamp after it does not count): a headline, a subheading, a tag line, or a lead-in
  whose quotation is missing ("…, sagte Trump:"), and a box label run into the box's first
  sentence ("Das Wichtigste in Kürze Trump kündigt …");
* a **comment**: the reader comments below the article, from the first comment's signature
  ("At 4:35 pm on 28 May 2010, AlexB wrote:", "This comment was removed by a moderator"), or
  from the section label above it ("Comments (12)"), to the end of the text; a label or a bare
  "harbourfan wrote:" counts only together with a signature below it, so an article that
  quotes "he wrote:" keeps its sentences;
* **body** text: everything else.

The abbreviation and opener lists, box and credit labels, comment signatures and labels are
language data (``lang/<lang>/text_*``).

Measured on one core over the KRAUTS and TempEval-3 texts (6,700 sentences): about 60,000
sentences/s with the kinds of sentences told apart, where the splitting alone ran at 130,000 on
the same machine (``storyline bench timex`` prints the figure for the machine at hand); the
tagger's full path lost about 3%.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any, Literal

from storyline.ingest.dates import entry_clock, stamp_spans, strip_stamp
from storyline.lang import SUPPORTED, phrase_alternation, resource, word_list
from storyline.model import Document, Sentence, SentenceKind
from storyline.tokens import QUOTATION_MARKS, WORD

__all__ = ["annotate", "detect_language", "split_sentences", "tokenize"]

_QUOTES = frozenset(QUOTATION_MARKS)
_CLOSERS = QUOTATION_MARKS + ")]"
_OPENERS = QUOTATION_MARKS + "(["
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
_TOKEN = re.compile(rf"\d+(?:[.,:]\d+)*|{WORD.pattern}|[^\w\s]")
# What ends a statement: a final mark, perhaps inside closing quotes or brackets.
_STATEMENT_END = re.compile(rf"[.!?…][{re.escape(_CLOSERS)}]*$")
_CREDIT_TOKEN = re.compile(r"\S+")
_BLANKS = frozenset(" \t\r\f\v\xa0\u2009\u202f")
_NON_BLANK = re.compile(r"\S")
# A credit names at most this many words before the sentence that follows it.
_CREDIT_WORDS = 6


DotKind = Literal["never", "ambiguous", "word"]


@dataclass(frozen=True)
class _Rules:
    """The language data the splitter needs, with spaces removed from abbreviations."""

    never_final: frozenset[str]
    never_final_suffixes: tuple[str, ...]
    maybe_final: frozenset[str]
    openers: frozenset[str]
    ordinal_dot: bool
    box_label: re.Pattern[str]
    credit_label: re.Pattern[str]
    credit_connectors: tuple[tuple[str, ...], ...]  # phrases, word by word: "für den", never "den" alone
    credit_name_words: frozenset[str]
    agencies: frozenset[str]
    comment_signature: re.Pattern[str]
    comment_label: re.Pattern[str]  # a line of its own
    comment_label_signature: re.Pattern[str]  # a signature only right below a label


def _squeeze(entries: frozenset[str]) -> frozenset[str]:
    return frozenset(entry.replace(" ", "") for entry in entries if not entry.startswith("-"))


@cache
def _rules(lang: str) -> _Rules:
    never_final = word_list(lang, "text_abbreviations.txt")
    settings = resource(lang, "text_sentences.toml")
    return _Rules(
        never_final=_squeeze(never_final),
        never_final_suffixes=tuple(sorted(entry[1:] for entry in never_final if entry.startswith("-"))),
        maybe_final=_squeeze(word_list(lang, "text_abbreviations_final.txt")),
        openers=word_list(lang, "text_sentence_starters.txt"),
        ordinal_dot=bool(settings.get("ordinal_dot", False)),
        box_label=re.compile(rf"(?:{phrase_alternation(settings['box_labels'])})(?:\s*:)?\s+(?=\S)"),
        credit_label=re.compile(rf"(?<!\S)(?:{phrase_alternation(settings['credit_labels'])})\s*:\s+"),
        credit_connectors=tuple(tuple(phrase.split()) for phrase in settings["credit_connectors"]),
        credit_name_words=frozenset(settings["credit_name_words"]),
        agencies=frozenset(name.lower() for name in resource(lang, "ingest_agencies.toml")["agencies"]),
        comment_signature=_any_of(settings["comment_signatures"]),
        comment_label=re.compile(
            rf"^[ \t]*(?:{phrase_alternation(settings['comment_labels'])})(?:[ \t]*\(\d+\))?[ \t]*:?[ \t]*$",
            re.MULTILINE | re.IGNORECASE,
        ),
        comment_label_signature=_any_of(settings["comment_label_signatures"]),
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """Regular expressions from the language data as one pattern (none: one that never matches)."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)")


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


def _ends_clause(word: str) -> bool:
    """Whether a word ends in punctuation that a name in a credit cannot hold ("Lotz,",
    "guardian."; an initial such as "C." can)."""
    if word[-1:] in ',;:!?…"“”»«':
        return True
    return word.endswith(".") and not _INITIAL.fullmatch(word)


def _credit_end(text: str, position: int, end: int, rules: _Rules) -> int | None:
    """Where the names of a photo credit that start at ``position`` end, or ``None`` when that
    is unclear (then nothing is split): after the last "name/agency" and the words that
    continue an agency's name ("Chip Somodevilla/Getty Images"), else before the sentence
    that follows them, which opens with a sentence opener ("Reuters | The …") or with the
    capital word before its first lower-case one ("Carolyn Cole | Here's my take")."""
    tokens = list(islice(_CREDIT_TOKEN.finditer(text, position, end), _CREDIT_WORDS + 2))
    words = [token.group() for token in tokens]
    connecting = {
        at + offset
        for at in range(len(words))
        for phrase in rules.credit_connectors
        if tuple(words[at : at + len(phrase)]) == phrase
        for offset in range(len(phrase))
    }

    def is_name(index: int) -> bool:
        word = words[index]
        return word[:1].isupper() or word.lower() in rules.agencies or index in connecting

    stop: int | None = None
    for index, word in enumerate(words[:_CREDIT_WORDS]):
        if not is_name(index):
            break
        if "/" in word.strip("/"):
            stop = index + 1
        if _ends_clause(word):
            break
    if stop is not None:
        while stop < len(words) and words[stop] in rules.credit_name_words:
            stop += 1
        return tokens[stop - 1].end()
    for index, word in enumerate(words):
        if index and word[:1].isupper() and word.lower() in rules.openers:
            stop = index
        elif not is_name(index):
            stop = index - 1
        elif _ends_clause(word):
            return None
        if stop is not None:
            break
    else:
        stop = len(words) if len(words) <= _CREDIT_WORDS else None
    if stop is None or not 1 <= stop <= _CREDIT_WORDS:
        return None
    return tokens[stop - 1].end()


def _furniture(text: str, start: int, end: int, lang: str, rules: _Rules) -> list[tuple[int, int]]:
    """Spans of page furniture run into a block: time stamps and photo credits."""
    spans = stamp_spans(text, start, end, lang)
    for label in rules.credit_label.finditer(text, start, end):
        credit_end = _credit_end(text, label.end(), end, rules)
        if credit_end is not None:
            spans.append((label.start(), credit_end))
    return spans


def _comment_section(text: str, rules: _Rules) -> int | None:
    """Where the reader comments below the article start, else ``None``: at the first comment's
    signature, or at the last section label ("Comments (12)") above it.  Without such a
    signature, a label opens the section only right above one that counts only there
    ("harbourfan wrote:"), so "Kommentare" as the name of an opinion page does not."""
    labels = list(rules.comment_label.finditer(text))
    signature = rules.comment_signature.search(text)
    if signature is None:
        signed = (label for label in labels if _opens_with(text, label.end(), rules.comment_label_signature))
        return next((label.start() for label in signed), None)
    above = [label.start() for label in labels if label.end() <= signature.start()]
    return above[-1] if above else signature.start()


def _opens_with(text: str, position: int, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` matches at the first character after ``position`` that is no white space."""
    first = _NON_BLANK.search(text, position)
    return first is not None and pattern.match(text, first.start()) is not None


def _line_start(text: str, position: int) -> bool:
    """Whether only white space stands before ``position`` on its line."""
    while position > 0 and text[position - 1] in _BLANKS:
        position -= 1
    return position == 0 or text[position - 1] == "\n"


def _line_end(text: str, position: int, furniture: dict[int, int]) -> bool:
    """Whether only white space, or furniture ("… telefonieren | Stand: 17.05.2025"), follows
    ``position`` on its line."""
    first = position
    while first < len(text) and text[first] in _BLANKS:
        first += 1
    if first in furniture:
        return _line_end(text, furniture[first], furniture)
    return first == len(text) or text[first] == "\n"


def _is_dateline(sentence: str, first: int, lang: str) -> bool:
    """Whether a sentence near the start of a text is a dateline or time stamp split off its
    line ("Ismailia, 24. März (bdd) -", "Stand: 17.05.2025 19:54 Uhr")."""
    return first < _DATELINE_WINDOW and (_DATELINE.search(sentence) is not None or not strip_stamp(sentence, lang))


def _kind(text: str, first: int, last: int, lang: str, furniture: dict[int, int]) -> SentenceKind:
    """What an unmarked sentence is: a dateline near the start, a heading (whole lines, but for
    furniture, without final punctuation), else body text."""
    sentence = text[first:last]
    if _is_dateline(sentence, first, lang):
        return SentenceKind.FURNITURE
    if _line_start(text, first) and _line_end(text, last, furniture) and not _STATEMENT_END.search(sentence):
        return SentenceKind.HEADING
    return SentenceKind.BODY


def _line_starts(text: str, start: int, end: int) -> list[int]:
    return [start] + [start + match.end() for match in re.finditer("\n", text[start:end])]


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets, each with its kind; German abbreviations and ordinal
    dates do not split.

    ``Sentence.text`` is the slice without surrounding white space, and ``start``/``end``
    delimit exactly that slice.
    """
    rules = _rules(lang)
    sentences: list[Sentence] = []
    comments = _comment_section(text, rules)
    for block_start, block_end in _blocks(text):
        ends = set(_boundaries(text, block_start, block_end, rules))
        if comments is not None and block_start < comments < block_end:
            ends.add(comments)  # "… to drill | At 5:27 pm on 28 May 2010, AlexB wrote: …"
        kinds: dict[int, SentenceKind] = {}  # marked sentences, by where their text starts
        body_start = block_start
        if block_start < _DATELINE_WINDOW:
            dateline = _DATELINE_END.search(text, block_start, min(block_end, _DATELINE_WINDOW))
            if dateline and dateline.end() < block_end:
                ends.add(dateline.end())
                body_start = dateline.end()  # a byline's stamp stays in its dateline
        furniture = dict(_furniture(text, body_start, block_end, lang, rules))
        for first, last in furniture.items():
            ends |= {first, last}
            kinds[first] = SentenceKind.FURNITURE
        for start in sorted({*_line_starts(text, block_start, block_end), *ends}):
            opening = _NON_BLANK.search(text, start, block_end)
            first = opening.start() if opening else block_end
            if first in kinds:
                continue
            clock = entry_clock(text, first, block_end, lang)
            label = rules.box_label.match(text, first, block_end) if _line_start(text, first) else None
            if clock is not None:
                ends.add(clock)  # "15:25 - | The Ever Given is free."
                kinds[first] = SentenceKind.CLOCK
            elif label is not None and text[label.end() : label.end() + 1].isupper():
                ends.add(label.end())  # "Das Wichtigste in Kürze | Trump kündigt …"
                kinds[first] = SentenceKind.HEADING
        start = block_start
        for end in sorted({*ends, block_end}):
            piece = text[start:end]
            stripped = piece.strip()
            if stripped:
                first = start + len(piece) - len(piece.lstrip())
                last = first + len(stripped)
                if comments is not None and first >= comments:
                    kind = SentenceKind.COMMENT
                else:
                    kind = kinds.get(first) or _kind(text, first, last, lang, furniture)
                sentences.append(Sentence(len(sentences), first, last, stripped, kind))
            start = end
    return sentences


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans: numbers (``2,5``, ``14.30``, ``2:1``), words (``U-Bahn``), single marks."""
    return [match.span() for match in _TOKEN.finditer(text)]


@cache
def _identifier() -> Any:
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    identifier.set_languages(list(SUPPORTED))
    return identifier


_SHORT_TEXT_WORDS = 8
_SAMPLE_CHARS = 3000


def detect_language(text: str, default: str = "de") -> str:
    """The language of ``text`` among the supported ones (``de``/``en``).

    Very short texts (headlines) are decided by a vote of frequent function words when the vote
    is clear, since character n-gram models are unreliable on a handful of words; otherwise
    py3langid restricted to the supported languages decides from the first few thousand
    characters.  Texts without letters get ``default``.
    """
    words = [word.lower() for word in WORD.findall(text[:_SAMPLE_CHARS])]
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
