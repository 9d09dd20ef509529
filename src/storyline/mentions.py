"""Event mentions: sentences that report something happening (stage: timexes → mentions).

A sentence is an event mention when it names a kind of happening from the language's event
lexicon (``lang/<lang>/events.toml``: "telefonieren", "Gipfeltreffen", "ran aground" …).  Each
mention gets a date (from the sentence's own time expression, else its live-blog entry's clock
time, else the publication date), a status from the sentence's framing (planned, cancelled,
denied, reported, occurred; a negation that reaches the happening in its own clause denies it:
"the call did not take place", "kein Treffen geplant"), who claims it, and the participants
named in it.  Only the story's own words (``SentenceKind.is_story``) report: page furniture and
reader comments tell nothing and name no participant.  A mention dated only by publication that
tells of a happening dated elsewhere ("nach dem Telefonat", "das geplante Telefonat", "hatte …
vorgeschlagen") is anaphoric: it may join an event, never found one on the publication day.  The
rules are per-language data; the code here is language-neutral.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise, takewhile
from typing import NamedTuple

import simplemma

from storyline import participants
from storyline.lang import phrase_alternation, phrase_pattern, resource, word_list
from storyline.model import (
    Document,
    EventMention,
    Participant,
    Period,
    Precision,
    Sentence,
    SentenceKind,
    Status,
    TimeExpression,
)
from storyline.tokens import DOUBLE_QUOTATION_MARKS, WORD, quotations

_CLAUSE_BREAK = re.compile(rf"[;:–—()\[\]{re.escape(DOUBLE_QUOTATION_MARKS)}]|,\s|\s-\s")
# A parenthesis of at most this many words is an aside within its clause ("Friedrich Merz (CDU) ist
# … geplant"): its brackets break nothing.
_ASIDE = re.compile(r"\(([^()]*)\)")
MAX_ASIDE_WORDS = 3

# Dated clauses this far before publication are background; so are clauses introduced by a
# background cue ("seit Februar 2022") dated more than a month before it.
BACKGROUND_AGE_DAYS = 400
BACKGROUND_CUE_AGE_DAYS = 30
# A sentence without an event word is still a mention when its own words date it to a day and
# it is long enough to say something.
MIN_WORDS_DATED_ONLY = 5
# The most characters between a day and the clock time that refines it ("übermorgen um 10 Uhr").
_REFINING_GAP = 5
MAX_PHRASE_WORDS = 14


@dataclass(frozen=True)
class _Negation:
    """How a language says that a happening does not take place (``[negation]``)."""

    adverbs: frozenset[str]  # "not", "nicht": negate the verb or the predicate they reach
    determiners: frozenset[str]  # "no", "kein": negate the noun they reach
    contractions: dict[str, str]  # word ending → the adverb it stands for ("n't" → "not")
    reach: int  # words after an adverb that it reaches
    determiner_reach: int  # words after a determiner that it reaches
    barriers: frozenset[str]  # words a negation does not reach past ("the", "und")
    predicates: tuple[str, ...]  # "take place", "stattfinden", "planen": negated, the happening is denied
    not_negating: tuple[str, ...]  # "not only", "nicht vor": phrases in which a negation denies nothing
    still_to_come: tuple[str, ...]  # "not yet", "noch nicht": phrases in which a negation tells a plan


@dataclass(frozen=True)
class _Lexicon:
    triggers: dict[str, str]  # lemma → class
    nouns: frozenset[str]  # lemmas that name a happening only as a (capitalised) noun
    phrases: tuple[tuple[re.Pattern[str], str], ...]  # multi-word triggers ("auf Grund") → class
    noun_suffixes: tuple[tuple[str, str], ...]  # compound heads, longest first (German-like languages)
    compound_prefixes: frozenset[str]  # what cannot be a compound's first part ("vor" + "schlag")
    compound_exceptions: frozenset[str]  # compounds meant figuratively ("Rückschlag")
    planned: tuple[str, ...]
    cancelled: tuple[str, ...]
    postponed: tuple[str, ...]  # a plan on the date after one of ``postponed_to``, else called off
    postponed_to: frozenset[str]  # "until", "auf": the word before a postponement's new date
    denied: tuple[str, ...]
    ruled_out: tuple[str, ...]  # deny; negated, leave possible ("nicht ausgeschlossen")
    alleged: tuple[str, ...]
    reported: tuple[str, ...]
    occurred: tuple[str, ...]
    as_written: frozenset[str]  # status cues matched only as written ("werden" is no "worden")
    planned_adjectives: frozenset[str]  # "geplante": the noun after it is a plan, in every ending
    attribution_verbs: frozenset[str]  # verbs of saying, as words or lemmas
    attribution_verb_phrases: re.Pattern[str]  # verbs of saying written as phrases ("hieß es")
    source_follows: re.Pattern[str]  # "according to", "laut": the source follows
    source_precedes: re.Pattern[str]  # "zufolge": the source precedes
    source_window: int  # words a source's noun phrase spans at most
    source_prepositions: frozenset[str]  # may open a source written after a phrase ("nach Angaben von Ermittlern")
    subject_determiners: frozenset[str]  # open a verb's subject written as a noun phrase ("The government denied")
    nouns_capitalised: bool  # a written source ends at its first capitalised word (else at its first plural)
    not_sources: tuple[str, ...]  # lemma endings of words that name what is said ("Angaben", "reports")
    reported_clause: frozenset[str]  # "that", "wonach": open the reported clause, where no speaker stands
    prepositions: frozenset[str]  # after one, a name is no subject or speaker of a verb of saying
    background: re.Pattern[str]  # "since", "so far" ending at most one word before a time expression
    boundary: re.Pattern[str]  # "seit …" ending a few words before the time expression it bounds
    date_coordinators: re.Pattern[str]  # "und", "as well as": two dates of the same happening
    year_after_noun: bool  # a bare year right after a noun names which thing ("Haushaltsentwurf 2026")
    year_after: frozenset[str]  # words after which a bare year names which thing ("the 2026 budget")
    subordinate: frozenset[str]
    subordinate_window: int
    definite: re.Pattern[str]  # a determiner that points back, up to three words before a noun
    relative: tuple[str, ...]  # "hatte", "dann": dated by another happening of the story (words)
    relative_phrases: re.Pattern[str]  # "im Anschluss", "at the time": the same, as whole phrases
    stopwords: frozenset[str]
    related_kinds: dict[str, frozenset[str]]  # kind → the kinds a sentence may name it by
    generic_kinds: frozenset[str]  # kinds that name a phase of some other happening ("begin")
    party_kinds: frozenset[str]  # kinds whose happening its people define (a call, a meeting)
    negation: _Negation


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = resource(lang, "events.toml")
    entries = [(entry, cls) for cls, lemmas in data["triggers"].items() for entry in lemmas]
    triggers = {entry.lower(): cls for entry, cls in entries if " " not in entry}
    nouns = frozenset(entry.lower() for entry, _ in entries if entry[:1].isupper())
    phrases_of: dict[str, list[str]] = {}
    for entry, cls in entries:
        if " " in entry:
            phrases_of.setdefault(cls, []).append(entry)
    phrases = tuple((phrase_pattern(words), cls) for cls, words in phrases_of.items())  # one pattern a kind
    suffixes = sorted(((lemma, cls) for lemma, cls in triggers.items() if len(lemma) >= 5), key=lambda p: -len(p[0]))
    if not data.get("compound_nouns", False):
        suffixes = []
    status = data["status"]
    negation = data["negation"]
    return _Lexicon(
        triggers=triggers,
        nouns=nouns,
        phrases=phrases,
        noun_suffixes=tuple(suffixes),
        compound_prefixes=frozenset(data.get("compound_prefixes", ())),
        compound_exceptions=frozenset(data.get("compound_exceptions", ())),
        planned=tuple(status["planned"]),
        cancelled=tuple(status["cancelled"]),
        postponed=tuple(status["postponed"]),
        postponed_to=frozenset(status["postponed_to"]),
        denied=tuple(status["denied"]),
        ruled_out=tuple(status["ruled_out"]),
        alleged=tuple(status["alleged"]),
        reported=tuple(status["reported"]),
        occurred=tuple(status["occurred"]),
        as_written=frozenset(status["as_written"]),
        planned_adjectives=frozenset(
            adjective + ending for adjective in status["planned_adjectives"] for ending in status["adjective_endings"]
        ),
        attribution_verbs=frozenset(verb for verb in data["attribution"]["verbs"] if " " not in verb),
        attribution_verb_phrases=phrase_pattern(verb for verb in data["attribution"]["verbs"] if " " in verb),
        source_follows=phrase_pattern(data["attribution"]["before_source"]),
        source_precedes=phrase_pattern(data["attribution"]["after_source"]),
        source_window=int(data["attribution"]["window"]),
        source_prepositions=frozenset(data["attribution"]["source_prepositions"]),
        subject_determiners=frozenset(data["attribution"]["subject_determiners"]),
        nouns_capitalised=bool(data["attribution"]["nouns_capitalised"]),
        not_sources=tuple(data["attribution"]["not_sources"]),
        reported_clause=frozenset(data["attribution"]["reported_clause"]),
        prepositions=frozenset(data["attribution"]["prepositions"]),
        background=re.compile(rf"(?i)(?<!\w)(?:{phrase_alternation(data['background']['cues'])})(?:\s+\S+)?\s*$"),
        boundary=re.compile(
            rf"(?i)(?<!\w)(?:{phrase_alternation(data['background']['boundaries'])})"
            rf"(?:\s+[^\s,;:()\[\]–—]+){{0,{int(data['background']['boundary_window'])}}}\s*$"
        ),
        date_coordinators=phrase_pattern(data["clauses"]["date_coordinators"]),
        year_after_noun=bool(data["attributes"]["year_after_noun"]),
        year_after=frozenset(data["attributes"]["year_after"]),
        subordinate=frozenset(data["clauses"]["subordinate"]),
        subordinate_window=int(data["clauses"]["window"]),
        definite=re.compile(
            r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, data["reference"]["determiners"])) + r")\s+(?:[\w-]+\s+){0,3}$"
        ),
        relative=tuple(cue for cue in data["reference"]["relative"] if " " not in cue),
        relative_phrases=phrase_pattern(cue for cue in data["reference"]["relative"] if " " in cue),
        stopwords=word_list(lang, "stopwords.txt"),
        related_kinds={
            kind: frozenset(other for group in data["kinds"]["related"] if kind in group for other in group)
            for group in data["kinds"]["related"]
            for kind in group
        },
        generic_kinds=frozenset(data["kinds"]["generic"]),
        party_kinds=frozenset(data["kinds"]["parties"]),
        negation=_Negation(
            adverbs=frozenset(negation["adverbs"]),
            determiners=frozenset(negation["determiners"]),
            contractions=dict(negation["contractions"]),
            reach=int(negation["reach"]),
            determiner_reach=int(negation["determiner_reach"]),
            barriers=frozenset(negation["barriers"]),
            predicates=tuple(negation["predicates"]),
            not_negating=tuple(negation["not_negating"]),
            still_to_come=tuple(negation["still_to_come"]),
        ),
    )


def related_kinds(kind: str, lang: str) -> frozenset[str]:
    """The kinds of happening a sentence may name an event of ``kind`` by when it tells what
    took place (talks are also a meeting, negotiations the agreement they reached), ``kind``
    included."""
    return _lexicon(lang).related_kinds.get(kind, frozenset({kind}))


def is_party_kind(kind: str, lang: str) -> bool:
    """Whether who takes part defines a happening of ``kind``: a call of Trump and Selenskyj is
    not the one of Trump and Putin."""
    return kind in _lexicon(lang).party_kinds


def is_generic_kind(kind: str, lang: str) -> bool:
    """Whether ``kind`` names only a phase of some other happening ("the strike will begin",
    "the busy season begins"): alone it does not tell which happening a sentence means."""
    return kind in _lexicon(lang).generic_kinds


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lowercase lemma of a word (cached: news vocabulary repeats)."""
    return simplemma.lemmatize(word, lang=lang).lower()


def content_lemmas(text: str, lang: str) -> frozenset[str]:
    """The content words of a text as lemmas: no short tokens, no numbers, and no stop words,
    as written or as lemmas ("said" is one, though its lemma "say" is not listed)."""
    stop = _lexicon(lang).stopwords
    words = (word for word in WORD.findall(text) if len(word) > 2 and word.lower() not in stop)
    return frozenset(lem for lem in (lemma(word, lang) for word in words) if lem not in stop and not lem.isdigit())


def _told(sentence: Sentence, timexes: list[TimeExpression], lang: str) -> frozenset[str]:
    """What a sentence tells in content words (:func:`content_lemmas`), less the words of its
    time expressions: dates are compared as dates, and a shared "Monday" makes two happenings
    of one day no more alike ("Washington said on Monday that the call went well", "BP said on
    Monday that the well was capped")."""
    spans = sorted((t.start - sentence.start, t.end - sentence.start) for t in timexes)
    kept, at = [], 0
    for start, end in spans:
        kept.append(sentence.text[at : max(at, start)])
        at = max(at, end)
    kept.append(sentence.text[at:])
    return content_lemmas(" ".join(kept), lang)


def _has_cue(words: list[str], lemmas: list[str], cues: tuple[str, ...], as_written: frozenset[str]) -> bool:
    """True when a cue occurs as a word, a lemma (unless it counts ``as_written`` only), or a
    multi-word phrase (gaps allowed: "soll … haben"; references back match phrases whole)."""
    lowered = [w.lower() for w in words]
    return any(_cue_match(lowered, lemmas, cue, as_written) is not None for cue in cues)


def _cue_match(lowered: list[str], lemmas: list[str], cue: str, as_written: frozenset[str]) -> tuple[int, ...] | None:
    """Where a cue first occurs (see :func:`_has_cue`): the positions of its words in ``lowered``."""
    parts = cue.split()
    if len(parts) == 1:
        if cue in lowered:
            return (lowered.index(cue),)
        return (lemmas.index(cue),) if cue not in as_written and cue in lemmas else None
    positions: list[int] = []
    for part in parts:
        try:
            positions.append(lowered.index(part, positions[-1] + 1 if positions else 0))
        except ValueError:
            return None
    return tuple(positions)


@dataclass(frozen=True)
class _Trigger:
    word: str
    start: int
    event_class: str | None
    is_noun: bool


def _find_triggers(sentence: str, lang: str) -> list[_Trigger]:
    """Every word (or fixed phrase) in the sentence that names a kind of happening, in order."""
    lexicon = _lexicon(lang)
    found = [
        _Trigger(match.group(), match.start(), phrase_class, False)
        for pattern, phrase_class in lexicon.phrases
        for match in pattern.finditer(sentence)
    ]
    for match in WORD.finditer(sentence):
        cls = _word_class(match.group(), lang)
        if cls is not None:
            found.append(_Trigger(match.group(), match.start(), cls, match.group()[:1].isupper()))
    return sorted(found, key=lambda t: t.start)


@lru_cache(maxsize=200_000)
def _word_class(word: str, lang: str) -> str | None:
    """The kind of happening a word names, by lemma or (German-like) compound head; cached."""
    lexicon = _lexicon(lang)
    lemma_of_word = lemma(word, lang)
    if lemma_of_word in lexicon.nouns and not word[:1].isupper():
        return None  # "vom Kurs abkommen" is no "Abkommen"
    cls = lexicon.triggers.get(lemma_of_word) or lexicon.triggers.get(word.lower())
    if cls is None and lexicon.noun_suffixes and word[:1].isupper():
        cls = _compound_class(lemma_of_word, lang)
    return cls


def _compound_class(noun_lemma: str, lang: str) -> str | None:
    """The kind of happening a compound noun's head names ("drohnenangriff" → attack): the
    longest trigger it ends in, when what comes before is a word of its own ("Drohnen",
    "EU-"), not a prefix ("Vorschlag") nor a stray part of another word ("Straßenreinigung"),
    and the compound is not meant figuratively ("Rückschlag")."""
    lexicon = _lexicon(lang)
    if noun_lemma in lexicon.compound_exceptions:
        return None
    heads = ((head, cls) for head, cls in lexicon.noun_suffixes if noun_lemma.endswith(head) and noun_lemma != head)
    head, cls = next(heads, ("", None))
    return cls if head and is_compound_of(noun_lemma, head, lang) else None


def is_compound_of(noun_lemma: str, head: str, lang: str) -> bool:
    """Whether a noun (its lemma) is a compound with the head ``head`` ("warnstreik" of "streik"),
    in a language that writes compounds as one word: what comes before the head is a word of
    its own ("Warn", "EU-"), not a prefix ("Vorschlag") nor a stray part of another word
    ("Beratung" is no compound of "Rat")."""
    lexicon = _lexicon(lang)
    if not lexicon.noun_suffixes or not noun_lemma.endswith(head) or noun_lemma == head:
        return False
    modifier = noun_lemma[: -len(head)]
    return modifier.endswith("-") or (
        len(modifier) >= 3 and modifier not in lexicon.compound_prefixes and simplemma.is_known(modifier, lang=lang)
    )


class _Token(NamedTuple):
    """A word of a sentence as negations are read: where it stands, and in which clause (a
    tuple: sentences make many)."""

    text: str  # as written
    word: str  # lowercase
    lemma: str
    start: int  # offset in the sentence
    clause: int  # how many clause breaks stand before it


@lru_cache(maxsize=1024)
def _tokens(sentence: str, lang: str) -> tuple[_Token, ...]:
    """The sentence's words; a contraction is its stem and the adverb it stands for ("didn't" is
    "did" and "not").  Cached: each happening a sentence names reads them."""
    contractions = _lexicon(lang).negation.contractions
    endings = tuple(contractions)
    breaks = [end for _, end in _clause_breaks(sentence)]
    tokens: list[_Token] = []
    for match in WORD.finditer(sentence):
        text, start = match.group(), match.start()
        lowered = text.lower()
        clause = bisect_right(breaks, start)
        ending = None
        if endings and lowered.endswith(endings):  # one test for most words, which end in none
            ending = next((e for e in endings if lowered.endswith(e) and len(text) > len(e)), None)
        if ending is None:
            tokens.append(_Token(text, lowered, lemma(text, lang), start, clause))
            continue
        stem, cut = text[: -len(ending)], start + len(text) - len(ending)
        tokens.append(_Token(stem, stem.lower(), lemma(stem, lang), start, clause))
        adverb = contractions[ending]
        tokens.append(_Token(adverb, adverb.lower(), lemma(adverb, lang), cut, clause))
    return tuple(tokens)


def _closes_clause(tokens: Sequence[_Token], index: int) -> bool:
    return index + 1 == len(tokens) or tokens[index + 1].clause != tokens[index].clause


def _tail(tokens: Sequence[_Token], index: int, barriers: frozenset[str], step: int = 1) -> list[int]:
    """The words after ``index`` (before it, with ``step`` -1) in its clause, nearest first, up
    to the first barrier."""
    tail: list[int] = []
    for other in range(index + step, len(tokens) if step > 0 else -1, step):
        if tokens[other].clause != tokens[index].clause or tokens[other].word in barriers:
            break
        tail.append(other)
    return tail


def _reach(token: _Token, negation: _Negation) -> int:
    return negation.reach if token.word in negation.adverbs else negation.determiner_reach


def _reached(tokens: Sequence[_Token], index: int, negation: _Negation) -> list[int]:
    """The words the negation at ``index`` reaches: its reach after it, and, where an adverb
    closes its clause, the words before it ("Trump traf Putin am Freitag nicht", "Der Kreml
    dementierte nicht")."""
    after = _tail(tokens, index, negation.barriers)[: _reach(tokens[index], negation)]
    if tokens[index].word in negation.adverbs and _closes_clause(tokens, index):
        return _tail(tokens, index, negation.barriers, step=-1) + after
    return after


def _matches(tokens: Sequence[_Token], cue: str) -> tuple[int, ...] | None:
    """Where ``cue`` first occurs among ``tokens`` (see :func:`_has_cue`), as positions in them."""
    return _cue_match([t.word for t in tokens], [t.lemma for t in tokens], cue, frozenset())


def _in_phrase(tokens: Sequence[_Token], index: int, phrases: tuple[str, ...]) -> bool:
    """Whether the negation at ``index`` stands in one of ``phrases``: their other words in order
    before and after it, within its clause ("noch nicht", "not … yet", "not … until")."""
    negation = tokens[index]
    before = [t for t in tokens[:index] if t.clause == negation.clause]
    after = [t for t in tokens[index + 1 :] if t.clause == negation.clause]
    for phrase in phrases:
        parts = phrase.split()
        for at, part in enumerate(parts):
            if part in (negation.word, negation.lemma) and all(
                not words or _matches(side, " ".join(words)) is not None
                for side, words in ((before, parts[:at]), (after, parts[at + 1 :]))
            ):
                return True
    return False


def _negations(tokens: Sequence[_Token], negation: _Negation) -> list[int]:
    """Where the sentence negates: its negative adverbs and determiners, but for those in a
    phrase that denies nothing ("not only", "nicht später als")."""
    return [
        index
        for index, token in enumerate(tokens)
        if (token.word in negation.adverbs or token.word in negation.determiners or token.lemma in negation.determiners)
        and not _in_phrase(tokens, index, negation.not_negating)
    ]


def _between_names_no_happening(tokens: Sequence[_Token], one: int, other: int, lang: str) -> bool:
    """Whether no word between two places names a happening: a negation there would be its."""
    return all(_word_class(t.text, lang) is None for t in tokens[min(one, other) + 1 : max(one, other)])


def _negated_happening(
    tokens: Sequence[_Token], negations: list[int], scope: tuple[int, int], trigger: _Trigger, lang: str
) -> Status | None:
    """``DENIED`` where a negation in the trigger's clause (``scope``, offsets in the sentence)
    reaches the happening (:func:`_reached`), with no other happening named between them: the
    trigger ("will not meet", "Trump traf Putin am Freitag nicht"; a noun of a language that
    capitalises nouns only through a determiner: "kein Treffen"), or a predicate of it that
    starts within the negation's reach ("the call did not take place", "ist nicht geplant", "no
    plans to meet").  ``PLANNED`` where that negation says "not yet"."""
    negation = _lexicon(lang).negation
    at = next((index for index, token in enumerate(tokens) if token.start >= trigger.start), len(tokens) - 1)
    for index in negations:
        if not scope[0] <= tokens[index].start < scope[1]:
            continue
        tail = [tokens[i] for i in _tail(tokens, index, negation.barriers)]
        predicate = any(
            (found := _matches(tail, cue)) is not None and found[0] < _reach(tokens[index], negation)
            for cue in negation.predicates
        )
        adverb = tokens[index].word in negation.adverbs
        reaches_trigger = at in _reached(tokens, index, negation) and not (adverb and trigger.is_noun)
        if (reaches_trigger or predicate) and _between_names_no_happening(tokens, at, index, lang):
            return Status.PLANNED if _in_phrase(tokens, index, negation.still_to_come) else Status.DENIED
    return None


def _particle_closes(tokens: Sequence[_Token], place: tuple[int, ...]) -> bool:
    """Whether a phrase found at ``place`` stands in one clause and is whole or ends its clause,
    as a separable verb's particle does ("schloss ein Treffen aus", "sagte das Treffen ab"; not
    "sagte, ab Montag …")."""
    if len({tokens[index].clause for index in place}) > 1:
        return False
    return len(place) == 1 or place[-1] - place[-2] == 1 or _closes_clause(tokens, place[-1])


@cache
def _first_words(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(cue.split(maxsplit=1)[0] for cue in cues)


def _found(tokens: Sequence[_Token], cues: tuple[str, ...], as_written: frozenset[str]) -> list[tuple[int, ...]]:
    """Where ``tokens`` hold ``cues`` (see :func:`_has_cue`): a phrase only where
    :func:`_particle_closes` finds it."""
    words, lemmas = [t.word for t in tokens], [t.lemma for t in tokens]
    present = {*words, *lemmas}
    places = (
        _cue_match(words, lemmas, cue, as_written)
        for cue, first in zip(cues, _first_words(cues), strict=True)
        if first in present  # a cue's first word must stand in the sentence: most cues are ruled out at once
    )
    return [place for place in places if place is not None and _particle_closes(tokens, place)]


@dataclass(frozen=True)
class _Framing:
    """What a sentence's denials, cancellations, postponements and negations say of one
    happening it names."""

    denied: bool
    cancelled: bool
    postponed: bool  # put off: a plan on its new date, called off for any other
    still_to_come: bool  # "not yet", or not ruled out: a plan


def _framing(tokens: Sequence[_Token], scope: tuple[int, int], trigger: _Trigger, lang: str) -> _Framing:
    """Denials, rulings out, cancellations and postponements frame the whole sentence, unless a
    negation takes them back ("dementierte nicht", "was not cancelled"; a ruling out taken back
    leaves the happening possible: "ein Treffen ist nicht ausgeschlossen"); a negation that is one
    of the cue's own words takes nothing back ("stehe nicht zur Debatte").  A cue written with a
    gap is a separable verb, found only where its particle closes the clause (:func:`_says`:
    "schloss ein Treffen aus", not "Schloss Elmau … Vertreter aus Kiew"; "sagte das Treffen ab",
    not "sagte, ab Montag gelte …").  Other negations frame the happening only from its own
    clause (:func:`_negated_happening`)."""
    lexicon = _lexicon(lang)
    negation = lexicon.negation
    negations = _negations(tokens, negation)
    adverbs = [index for index in negations if tokens[index].word in negation.adverbs]
    reached = {index: set(_reached(tokens, index, negation)) for index in adverbs}

    def found(cues: tuple[str, ...]) -> list[tuple[int, ...]]:
        return _found(tokens, cues, lexicon.as_written)

    def taken_back(place: tuple[int, ...]) -> bool:
        return any(words.intersection(place) for index, words in reached.items() if index not in place)

    rulings_out = found(lexicon.ruled_out)
    denials = found(lexicon.denied) + rulings_out
    cancellations = found(lexicon.cancelled)
    postponements = found(lexicon.postponed)
    # A negation that takes a denial, a cancellation or a postponement back is spent on it
    # ("did not rule out a meeting").
    spent = {
        index
        for index, words in reached.items()
        for place in denials + cancellations + postponements
        if words & set(place)
    }
    happening = _negated_happening(tokens, [i for i in negations if i not in spent], scope, trigger, lang)
    return _Framing(
        denied=happening is Status.DENIED or not all(map(taken_back, denials)),
        cancelled=not all(map(taken_back, cancellations)),
        postponed=not all(map(taken_back, postponements)),
        still_to_come=happening is Status.PLANNED or any(map(taken_back, rulings_out)),
    )


def _new_date(sentence: Sentence, calendar: list[TimeExpression], lang: str) -> TimeExpression | None:
    """The date a happening is put off to ("postponed until Friday", "auf Freitag verschoben"):
    in a sentence that tells of a postponement, the date right after a word of ``postponed_to``
    (an article may stand between: "auf den 12. Mai")."""
    lexicon = _lexicon(lang)
    if not calendar or not _found(_tokens(sentence.text, lang), lexicon.postponed, lexicon.as_written):
        return None
    for timex in calendar:
        before = [word.lower() for word in WORD.findall(sentence.text[: timex.start - sentence.start])][-2:]
        if before and (before[-1] in lexicon.postponed_to or (
            len(before) == 2 and before[0] in lexicon.postponed_to and before[1] in lexicon.stopwords
        )):
            return timex
    return None


def _status(
    tokens: Sequence[_Token],
    scope: tuple[int, int],
    lang: str,
    date: Period,
    published: Period | None,
    timex: TimeExpression | None,
    planned_noun: bool,
    framing: _Framing,
    rescheduled: bool,
) -> Status:
    """Denials, cancellations, postponements and negations come first (:func:`_framing`; a
    postponement is a plan on its new date, ``rescheduled``, and called off for any other);
    attributions frame the whole sentence; tense and plans are read from the trigger's own
    clause (``scope``: "Trump kündigte an, am Montag sei ein Telefonat geplant" is planned;
    "…, die Verhandlungen geplant hatte" does not make a call planned), or from an adjective on
    the trigger itself (``planned_noun``: "das geplante Telefonat").  A date after publication
    is a plan, also where the tagger knows it only by reading the expression against each day
    of a publication month ("ab kommenden Montag").  Phrases count as :func:`_found` finds them
    ("fand … statt", not "fand, statt …")."""
    lexicon = _lexicon(lang)
    clause = [token for token in tokens if scope[0] <= token.start < scope[1]]

    def in_sentence(cues: tuple[str, ...]) -> bool:
        return bool(_found(tokens, cues, lexicon.as_written))

    def in_clause(cues: tuple[str, ...]) -> bool:
        return bool(_found(clause, cues, lexicon.as_written))

    if framing.denied:
        return Status.DENIED
    if framing.cancelled or (framing.postponed and not rescheduled):
        return Status.CANCELLED
    if framing.postponed or framing.still_to_come or (
        timex is not None and (timex.after_dct or (published is not None and date.first > published.last))
    ):
        return Status.PLANNED
    if in_sentence(lexicon.alleged):
        return Status.REPORTED
    if not in_clause(lexicon.occurred) and (planned_noun or in_clause(lexicon.planned)):
        return Status.PLANNED
    if in_sentence(lexicon.reported):
        return Status.REPORTED
    return Status.OCCURRED


@dataclass(frozen=True)
class _Cue:
    """Where a sentence says who claims it: a fixed phrase or a verb of saying."""

    start: int
    end: int
    follows: bool  # the source follows the cue (else it precedes it)
    verb: bool  # a verb of saying: its subject opens the clause; a name after a preposition is neither


def _attribution(sentence: Sentence, lang: str, named: list[Participant], roles: _Named) -> str | None:
    """Who the sentence says claims it: the source its attribution cue governs, read from the
    participants the document pass found at their places in the sentence.  Fixed phrases name
    it outright ("nach Angaben des US-Präsidenten", "Putin zufolge", "hieß es aus dem Kreml").
    A verb of saying takes the speaker after it where nothing ahead of it in its clause can be
    its subject ("…, sagte Kremlsprecher Peskow", "…, teilte die NATO mit"), else the
    participant that opens its clause ("Trump kündigt ein Telefonat mit Putin an und betont"),
    so that a verb inside the reported words ("Putin habe erklärt") does not outrank the
    reporting clause and "Hayward said BP met" is Hayward's claim.  Where no participant or role
    stands there, the noun phrase as written is the source (:func:`_written_source`: "according
    to analysts", "The government denied reports that the minister had resigned")."""
    lexicon = _lexicon(lang)
    keys = {p.key for p in named}
    located = [o for o in roles.at(sentence.index) if o.participant.key in keys]
    text = sentence.text
    quoted = quotations(text)

    def reporting(start: int) -> bool:
        return not any(a <= start < b for a, b in quoted)  # quoted words are the reported words

    phrases: list[_Cue] = []
    sides = ((lexicon.source_follows, (True,)), (lexicon.source_precedes, (False,)))
    for pattern, follows_options in (*sides, (lexicon.attribution_verb_phrases, (True, False))):
        phrases += [
            _Cue(m.start(), m.end(), follows, verb=False)
            for m in pattern.finditer(text)
            if reporting(m.start())
            for follows in follows_options
        ]
    phrases.sort(key=lambda cue: cue.start)
    verbs = [m.span() for m in WORD.finditer(text) if _is_attribution_verb(m.group(), lang) and reporting(m.start())]
    cues = phrases + [_Cue(a, b, True, verb=True) for a, b in verbs] + [_Cue(a, b, False, verb=True) for a, b in verbs]
    fullest = {p.key: p.name for p in named}
    for cue in cues:
        if cue.follows and cue.verb and _has_subject(text, cue, located, lang):
            continue  # what follows the verb is the reported clause
        source = _source(text, cue, located, lang, roles) or _written_source(text, cue, lang)
        if source is not None:
            return fullest.get(source.key, source.name) if isinstance(source, Participant) else source
    return None


def _has_subject(sentence: str, verb: _Cue, located: list[participants.Occurrence], lang: str) -> bool:
    """Whether a name ahead of a verb of saying in its clause can be its subject: a person, an
    organisation or a name; a country or a role there is often a modifier ("ein Treffen
    amerikanischer Regierungsvertreter")."""
    ahead = replace(verb, follows=False)
    candidates = _candidates(sentence, ahead, located, lang)
    return _subject(sentence, ahead, lang) is not None or any(
        isinstance(c[2], Participant) and c[2].kind in ("person", "name", "organisation") for c in candidates
    )


def _clause_words(sentence: str, cue: _Cue, lang: str) -> tuple[int, list[re.Match[str]]]:
    """Where the cue's side of its clause starts, and its words there: after the cue
    (``cue.follows``), as many as the language's window, up to the reported clause ("denied
    reports that the minister …"); else all those before it."""
    lexicon = _lexicon(lang)
    if cue.follows:
        stop = next((start for start, _ in _clause_breaks(sentence) if start >= cue.end), len(sentence))
        words = list(WORD.finditer(sentence, cue.end, stop))[: lexicon.source_window]
        reported = next((i for i, w in enumerate(words) if w.group().lower() in lexicon.reported_clause), len(words))
        return cue.end, words[:reported]
    begin = max((end for _, end in _clause_breaks(sentence) if end <= cue.start), default=0)
    return begin, list(WORD.finditer(sentence, begin, cue.start))


def _is_noun(word: str, lang: str) -> bool:
    """Whether a word may head a source written as a noun phrase: capitalised where the language
    capitalises nouns, else a plural, a word its lemma changes ("analysts")."""
    if _lexicon(lang).nouns_capitalised:
        return word[:1].isupper()
    return lemma(word, lang) != word.lower()


def _names_a_speaker(words: Sequence[str], lang: str) -> bool:
    """Whether words may be a source's noun phrase: none a function word, as written or as a lemma
    ("seines Ministeriums" has a determiner), a verb of saying or a word that names what is said
    ("laut eigenen Angaben")."""
    lexicon = _lexicon(lang)
    return bool(words) and not any(
        word.lower() in lexicon.stopwords
        or lemma(word, lang) in lexicon.stopwords
        or word.lower() in lexicon.prepositions
        or _is_attribution_verb(word, lang)
        or lemma(word, lang).endswith(lexicon.not_sources)
        for word in words
    )


def _subject(sentence: str, verb: _Cue, lang: str) -> str | None:
    """A verb of saying's subject written as a noun phrase: one of the language's subject
    determiners opens the clause and the noun right before the verb ends it ("The government
    denied", "Die Staatskanzlei dementierte"; not "Am Montag sagte", "Das sagte")."""
    lexicon = _lexicon(lang)
    _, words = _clause_words(sentence, verb, lang)
    if not 2 <= len(words) <= 4 or words[0].group().lower() not in lexicon.subject_determiners:
        return None
    phrase = [w.group() for w in words[1:]]
    if not _names_a_speaker(phrase, lang) or (lexicon.nouns_capitalised and not _is_noun(phrase[-1], lang)):
        return None
    return sentence[words[1].start() : words[-1].end()]


def _written_source(sentence: str, cue: _Cue, lang: str) -> str | None:
    """The source as the text writes it where no participant or role stands at a cue: a verb's
    subject (:func:`_subject`); after a phrase, the noun phrase without a determiner up to its
    head noun ("according to diplomatic sources", "nach Angaben von Ermittlern", "laut
    Regierungskreisen": a group, often an anonymous one, that is no participant); before one, the
    noun right before it where no function word precedes that ("Experten zufolge", not "dem
    Bericht zufolge")."""
    if cue.verb:
        return None if cue.follows else _subject(sentence, cue, lang)
    lexicon = _lexicon(lang)
    _, words = _clause_words(sentence, cue, lang)
    if cue.follows:
        if words and words[0].group().lower() in lexicon.source_prepositions:
            words = words[1:]
        run = list(takewhile(lambda w: _names_a_speaker([w.group()], lang), words))
        heads = [i for i, w in enumerate(run) if _is_noun(w.group(), lang)]
        head = heads[0] if heads else (None if lexicon.nouns_capitalised or not run else 0)
        return None if head is None else sentence[run[0].start() : run[head].end()]
    if not words or not _is_noun(words[-1].group(), lang) or not _names_a_speaker([words[-1].group()], lang):
        return None
    if len(words) > 1 and words[-2].group().lower() in lexicon.stopwords:
        return None
    return words[-1].group()


@lru_cache(maxsize=100_000)
def _is_attribution_verb(word: str, lang: str) -> bool:
    verbs = _lexicon(lang).attribution_verbs
    return word.lower() in verbs or lemma(word, lang) in verbs


_SOURCE_RANK = {"person": 0, "name": 1, "role": 2, "organisation": 3, "country": 4}
# A source in a cue's noun phrase: a participant, or a role word (with where it stands).
_Candidate = tuple[int, int, Participant | str]


def _candidates(sentence: str, cue: _Cue, located: list[participants.Occurrence], lang: str) -> list[_Candidate]:
    """What may be the source in the noun phrase right after (``cue.follows``) or right before a
    cue, within its clause and the language's window, in text order: participants other than
    places, and role words ("US-Präsidenten" is a role, not the country it names); for a verb,
    no name after a preposition ("mit Putin", "in Kiew") unless a finite auxiliary stands between
    them: in a compound tense the subject follows it ("Am Montag hatte Trump gesagt")."""
    lexicon = _lexicon(lang)
    clause_start, words = _clause_words(sentence, cue, lang)
    if not cue.follows and not cue.verb:
        words = words[-lexicon.source_window :]  # a phrase's source stands near it; a verb's subject opens its clause
    if not words:
        return []
    low, high = words[0].start(), words[-1].end()
    roles: list[_Candidate] = [
        (w.start(), w.end(), w.group()) for w in words if participants.is_role(w.group(), lang)
    ]
    named: list[_Candidate] = [
        (o.start, o.end, o.participant)
        for o in located
        if low <= o.start and o.end <= high and not any(r[0] < o.end and o.start < r[1] for r in roles)
    ]
    found: list[_Candidate] = []
    after, governed = clause_start, False
    for candidate in sorted(roles + named, key=lambda c: c[0]):
        between = [w.lower() for w in WORD.findall(sentence[after : candidate[0]])]
        verb = max((i for i, w in enumerate(between) if participants.is_auxiliary(w, lang)), default=None)
        if verb is not None:  # a finite verb ends any phrase opened before it ("Am Montag hatte Trump gesagt")
            between, governed = between[verb + 1 :], False
        # A preposition governs the name right after it or its article ("mit Putin", "mit dem
        # Kreml"), and on through a genitive ("bei einem Besuch des polnischen Außenministers
        # Radoslaw Sikorski"); not a name after its noun ("in Kürze Trump kündigt …").
        closes = not between or between[-1] in lexicon.prepositions or between[-1] in lexicon.stopwords
        governed = cue.verb and (
            (closes and bool(lexicon.prepositions.intersection(between)))
            or (governed and all(w in lexicon.stopwords for w in between))
        )
        if not governed and not (isinstance(candidate[2], Participant) and candidate[2].kind == "place"):
            found.append(candidate)
        after = candidate[1]
    return found


def _source(
    sentence: str, cue: _Cue, located: list[participants.Occurrence], lang: str, roles: _Named
) -> Participant | str | None:
    """The source a cue governs: a person, else a name of no known kind, else a role, else an
    organisation, else a country (a country is often only an adjective: "russischen
    Nachrichtenagenturen zufolge"); among equals, before a verb of saying the one that opens the
    clause (its subject), else the nearest one.  A role is the organisation, country or person
    named right after it ("Kremlsprecher Peskow"; "ein Sprecher der Bundesregierung": the
    organisation speaks through its spokesman), else the person the article introduces with it,
    else the role as written."""
    found = _candidates(sentence, cue, located, lang)
    ordered = found if cue.follows or cue.verb else found[::-1]
    ranked = sorted(ordered, key=lambda c: _SOURCE_RANK[c[2].kind if isinstance(c[2], Participant) else "role"])
    if not ranked:
        return None
    _, end, source = ranked[0]
    if isinstance(source, Participant):
        return source
    stopwords = _lexicon(lang).stopwords
    complement = next((c for c in found if c[0] >= end and isinstance(c[2], Participant)), None)
    if complement is not None:
        between = WORD.findall(sentence[end : complement[0]])
        if all(word.lower() in stopwords for word in between):
            return complement[2]
    holder = roles.holder(source)
    return holder.name if holder is not None else str(simplemma.lemmatize(source, lang=lang))


class _Named:
    """Where a document's sentences name its participants (the document pass), and who holds a
    role: the person a role word introduces ("US-Präsident Donald Trump"), so that "nach Angaben
    des US-Präsidenten" elsewhere names him (read on first use)."""

    def __init__(self, doc: Document, located: list[list[participants.Occurrence]], lang: str) -> None:
        self._doc = doc
        self._located = located
        self._lang = lang
        self._holders: dict[str, Participant] | None = None

    def at(self, sentence: int) -> list[participants.Occurrence]:
        """Where sentence number ``sentence`` names participants."""
        return self._located[sentence]

    def holder(self, role: str) -> Participant | None:
        if self._holders is None:
            self._holders = {}
            for sentence, occurrences in zip(self._doc.sentences, self._located, strict=True):
                for occurrence in occurrences:
                    before = WORD.findall(sentence.text[: occurrence.start])
                    person = occurrence.participant.kind == "person"
                    if person and before and participants.is_role(before[-1], self._lang):
                        self._holders.setdefault(lemma(before[-1], self._lang), occurrence.participant)
        return self._holders.get(lemma(role, self._lang))


@lru_cache(maxsize=1024)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's clauses break (start and end of each break), but for the brackets of
    a short aside: "Ein Gespräch mit Friedrich Merz (CDU) ist geplant" is one clause."""
    short = (m for m in _ASIDE.finditer(sentence) if len(m.group(1).split()) <= MAX_ASIDE_WORDS)
    asides = {at for m in short for at in (m.start(), m.end() - 1)}
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence) if m.start() not in asides)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds = [0] + [end for _, end in _clause_breaks(sentence)] + [len(sentence)]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _clause(sentence: str, anchor: int) -> tuple[int, str]:
    """The clause around ``anchor`` (the whole sentence when the clause is very short)."""
    start, end = next((c for c in _clauses(sentence) if c[0] <= anchor < c[1]), (0, len(sentence)))
    clause = sentence[start:end].strip(" ,;:-–—()" + DOUBLE_QUOTATION_MARKS)
    if len(clause.split()) < 4:
        return 0, sentence.strip()
    return start, clause


def _phrase(sentence: str, anchor: int) -> str:
    """The clause around ``anchor``, at most MAX_PHRASE_WORDS words: a short event phrase."""
    start, clause = _clause(sentence, anchor)
    words = clause.split()
    if len(words) > MAX_PHRASE_WORDS:
        position = len(sentence[start:anchor].split())
        first = max(0, min(position - MAX_PHRASE_WORDS // 2, len(words) - MAX_PHRASE_WORDS))
        words = words[first : first + MAX_PHRASE_WORDS]
        clause = " ".join(words) + " …"
    return clause.rstrip(".")


def _may_date(
    timex: TimeExpression, sentence: Sentence, anchor: int, clauses: list[tuple[int, int]], lang: str
) -> bool:
    """Whether a time expression may date the happening named at ``anchor``: not one of another,
    subordinate clause ("seized the ship, which blocked the canal last month"), which dates that
    clause's event."""
    lexicon = _lexicon(lang)
    own = next((c for c in clauses if c[0] <= anchor < c[1]), (0, len(sentence.text)))
    start, end = timex.start - sentence.start, timex.end - sentence.start
    if start < own[1] and own[0] < end:
        return True
    clause = next((c for c in clauses if c[0] <= start < c[1]), own)
    if clause[0] == 0:
        return True  # the sentence's opening clause is its main clause
    opening = sentence.text[clause[0] : clause[1]].lower().split()[: lexicon.subordinate_window]
    return not any(word.strip(",;:()\"'") in lexicon.subordinate for word in opening)


_BARE_YEAR = re.compile(r"\d{4}")


def _is_year_attribute(timex: TimeExpression, sentence: Sentence, lang: str) -> bool:
    """Whether ``timex`` is a bare year that names which thing a noun means, not when something
    happened ("den Haushaltsentwurf 2026 beraten", "the 2026 budget"): written right after a
    noun (where the language capitalises nouns) or after a word of ``year_after``."""
    if timex.period is None or timex.period.precision is not Precision.YEAR or not _BARE_YEAR.fullmatch(timex.text):
        return False
    lexicon = _lexicon(lang)
    before = sentence.text[: timex.start - sentence.start]
    word = before.split()[-1] if before.split() else ""
    if word.lower() in lexicon.year_after:
        return True
    # A capitalised word right before the year (no punctuation between, not the sentence's first
    # word) is a noun: the tagger makes "Jahr 2026", "Ende 2026", "Sommer 2026" one expression.
    noun = word[:1].isupper() and word.replace("-", "").isalpha()
    return lexicon.year_after_noun and noun and len(before.split()) > 1


def _boundary_start(sentence: Sentence, timex: TimeExpression, lang: str) -> int | None:
    """Where the cue starts whose date ``timex`` bounds a state ("seit Trumps Amtsantritt im
    Januar"), as an offset into the sentence; ``None`` for a date that bounds nothing."""
    match = _lexicon(lang).boundary.search(sentence.text, 0, max(0, timex.start - sentence.start))
    return None if match is None else match.start()


def _coordinated(sentence: Sentence, one: TimeExpression, other: TimeExpression, lang: str) -> bool:
    """Two dates joined as a list ("Mitte Februar und zuletzt Mitte März", "am 12. Februar, am
    18. März"): a coordinator or a comma and at most one more word between them."""
    first, second = sorted((one, other), key=lambda t: t.start)
    gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
    words = WORD.findall(gap)
    coordinator = _lexicon(lang).date_coordinators.search(gap)
    joined = "," in gap or coordinator is not None
    phrase_words = len(coordinator.group().split()) if coordinator else 1  # "as well as" counts as one word
    return joined and len(words) - phrase_words + 1 <= 2 and not _CLAUSE_BREAK.search(gap.replace(", ", " "))


def _is_background(sentence: Sentence, lang: str, timex: TimeExpression | None, published: Period | None) -> bool:
    """A dated clause introduced by "seit"/"since" or dated long before publication."""
    if timex is None or timex.period is None:
        return False
    if published is None:
        return False
    age = (published.first - timex.period.last).days
    before = max(0, timex.start - sentence.start)
    cued = _lexicon(lang).background.search(sentence.text, 0, before) is not None
    return age > BACKGROUND_AGE_DAYS or (
        (cued or _boundary_start(sentence, timex, lang) is not None) and age > BACKGROUND_CUE_AGE_DAYS
    )


def _prominence(sentence: Sentence, n_sentences: int) -> float:
    """Headline and lead carry the news; later sentences, less."""
    if sentence.index == 0:
        return 1.0
    if sentence.index <= 2:
        return 0.8
    return max(0.2, 0.6 - 0.4 * sentence.index / max(n_sentences, 1))


def annotate(doc: Document) -> Document:
    """Fill ``doc.mentions`` from its sentences and time expressions."""
    lang = doc.lang or "de"
    by_sentence: dict[int, list[TimeExpression]] = {}
    for timex in doc.timexes:
        by_sentence.setdefault(timex.sentence, []).append(timex)
    # Read the document for who takes part: "Putin" is the person "Kremlchef Putin" named.  Only
    # sentences that may tell of a happening count (page furniture names no one who takes part,
    # a photo credit names the photographer; a reader comment names its writer); reading the
    # others would double the time.
    triggers = {s.index: _find_triggers(s.text, lang) for s in doc.sentences if s.kind.is_story}
    told = [
        sentence.text
        if sentence.kind.is_story and (triggers.get(sentence.index) or by_sentence.get(sentence.index))
        else ""
        for sentence in doc.sentences
    ]
    located = participants.locate_in_document(told, lang)
    doc.mentions = []
    roles = _Named(doc, located, lang)
    for sentence, sentence_located in zip(doc.sentences, located, strict=True):
        sentence_named = participants.named(sentence_located)
        actors = [p for p in sentence_named if p.name != doc.outlet]  # the byline is no actor
        entry_time = _entry_time(doc, sentence, by_sentence)
        doc.mentions.extend(
            _mentions(
                doc, sentence, triggers.get(sentence.index, []), by_sentence.get(sentence.index, []), actors, lang,
                roles, entry_time,
            )
        )
    return doc


def _entry_time(doc: Document, sentence: Sentence, by_sentence: dict[int, list[TimeExpression]]) -> Period | None:
    """The clock time of the live-blog entry that ``sentence`` opens ("15:25 - | The Ever Given
    is free."): split off as furniture, it still dates the sentence it heads."""
    if sentence.index == 0 or doc.sentences[sentence.index - 1].kind is not SentenceKind.CLOCK:
        return None
    times = [t.period for t in by_sentence.get(sentence.index - 1, []) if t.period is not None]
    return times[0] if times else None


def _distance(timex: TimeExpression, sentence: Sentence, trigger: _Trigger) -> int:
    return abs(timex.start - sentence.start - trigger.start)


def _refined(timex: TimeExpression, calendar: list[TimeExpression]) -> TimeExpression:
    """The finer time right after ``timex`` that lies within it ("übermorgen um 10 Uhr", "on
    Monday at 3 pm"), else ``timex``: the happening is dated as precisely as the text says."""
    day = timex.period
    return next(
        (
            t
            for t in calendar
            if day is not None
            and t.period is not None
            and 0 <= t.start - timex.end <= _REFINING_GAP
            and day.contains(t.period)
            and t.period.precision.rank > day.precision.rank
        ),
        timex,
    )


def _is_stamp(timex: TimeExpression, sentence: Sentence, published: Period | None) -> bool:
    """A headline's own date stamp ("Stand: 29.03.2021 18:05 Uhr") dates the article, not an event."""
    return (
        sentence.index == 0
        and published is not None
        and timex.period is not None
        and timex.period.first == published.first
        and any(ch.isdigit() for ch in timex.text)
    )


def _mentions(
    doc: Document,
    sentence: Sentence,
    triggers: list[_Trigger],
    timexes: list[TimeExpression],
    named: list[Participant],
    lang: str,
    roles: _Named,
    entry_time: Period | None = None,
) -> list[EventMention]:
    """The sentence's mentions (``triggers``: its event words, found once per document): each
    time expression dates the happening named nearest to it (dates listed together, "Mitte
    Februar und zuletzt Mitte März", date it again; a happening put off takes its new date:
    "planned for Thursday was postponed to next Wednesday"; a year that names which thing is meant,
    "den Haushaltsentwurf 2026", only where no other date fits), and the sentence's first happening, when no
    date fits it, is dated by its live-blog entry's clock time (``entry_time``) or by
    publication.  A date that only bounds a state ("… seit Trumps Amtsantritt im Januar") dates
    nothing where the sentence has another.  Page furniture (a dateline, a stamp, a credit) and
    reader comments report nothing."""
    if not sentence.kind.is_story:
        return []
    read = timexes
    timexes = [t for t in timexes if not _is_stamp(t, sentence, doc.published)]
    if not triggers:
        dated = [t for t in timexes if t.period is not None and t.period.is_day_or_finer]
        if not dated or len(sentence.text.split()) < MIN_WORDS_DATED_ONLY:
            return []
        triggers = [_Trigger("", dated[0].start - sentence.start, None, False)]
    # Dates, times and the point a span back names ("vor zwei Wochen", annotated as a DURATION).
    calendar = [t for t in timexes if t.period is not None]
    bounds = {t.start: at for t in calendar if (at := _boundary_start(sentence, t, lang)) is not None}
    if len(bounds) < len(calendar):
        phrases = [(bounds[t.start], t.end - sentence.start) for t in calendar if t.start in bounds]
        calendar = [t for t in calendar if t.start not in bounds]
        triggers = [tr for tr in triggers if not any(a <= tr.start < b for a, b in phrases)]
    clauses = _clauses(sentence.text)
    moved_to = _new_date(sentence, calendar, lang)
    nearest: dict[int, tuple[_Trigger, TimeExpression]] = {}
    undated: list[_Trigger] = []
    for trigger in triggers:
        fitting = [t for t in calendar if _may_date(t, sentence, trigger.start, clauses, lang)]
        # A year that names which thing is meant dates the happening only where nothing else does.
        fitting = [t for t in fitting if not _is_year_attribute(t, sentence, lang)] or fitting
        if not fitting:
            undated.append(trigger)
            continue
        # A happening put off takes its new date, not its old one ("planned for Thursday").
        timex = moved_to if moved_to in fitting else min(fitting, key=lambda t: _distance(t, sentence, trigger))
        timex = _refined(timex, fitting)
        known = nearest.get(timex.start)
        if known is None or _distance(timex, sentence, trigger) < _distance(timex, sentence, known[0]):
            nearest[timex.start] = (trigger, timex)
    neighbours = list(pairwise(sorted(calendar, key=lambda t: t.start)))
    # Forward, then backward: a listed date takes the happening of its dated neighbour either way.
    for paired, other in [*neighbours, *((b, a) for a, b in reversed(neighbours))]:
        if paired.start in nearest and other.start not in nearest and _coordinated(sentence, paired, other, lang):
            nearest[other.start] = (nearest[paired.start][0], other)
    pairs: list[tuple[_Trigger, TimeExpression | None]] = list(nearest.values())
    if triggers and undated and undated[0] is triggers[0]:
        pairs.append((triggers[0], None))  # the sentence's first happening, with no date of its own
    pairs.sort(key=lambda pair: (pair[0].start, pair[1].start if pair[1] else -1))
    if not pairs:
        return []
    rescheduled = [moved_to is not None and timex is moved_to for _, timex in pairs]
    told, source = _told(sentence, read, lang), _attribution(sentence, lang, named, roles)
    built = (
        _mention(doc, sentence, trigger, timex, named, lang, source, entry_time, told, moved)
        for (trigger, timex), moved in zip(pairs, rescheduled, strict=True)
    )
    return [mention for mention in built if mention is not None]


def _planned_noun(sentence: Sentence, trigger: _Trigger, lang: str) -> bool:
    """Whether the trigger is a noun with an adjective of plan among the three words before it
    ("das geplante Telefonat", "dem für Montag angesetzten Gespräch")."""
    before = WORD.findall(sentence.text[: trigger.start])[-3:]
    return trigger.is_noun and any(word.lower() in _lexicon(lang).planned_adjectives for word in before)


def _refers_back(sentence: Sentence, trigger: _Trigger, clause: str, status: Status, lang: str) -> bool:
    """Whether a mention without a date of its own tells of an event dated elsewhere: then it
    may join that event, but never founds one on the publication day.  A headline tells the
    article's news without dating it; a definite noun points back ("nach dem Telefonat", "bei
    dem Treffen"); a plan says nothing about the publication day; the past perfect or an adverb
    of sequence dates a happening told as taken place by another one ("obwohl er es
    vorgeschlagen hatte", "erklärte Trump dann"), while a denial or a cancellation so dated is
    news of its own."""
    lexicon = _lexicon(lang)
    if sentence.index == 0 or (trigger.is_noun and lexicon.definite.search(sentence.text[: trigger.start])):
        return True
    if status is Status.PLANNED:
        return True
    words = WORD.findall(clause)
    relative = _has_cue(words, [lemma(word, lang) for word in words], lexicon.relative, lexicon.as_written)
    relative = relative or lexicon.relative_phrases.search(clause) is not None  # no gaps: "at the site said … time"
    return relative and status in (Status.OCCURRED, Status.REPORTED)


def _mention(
    doc: Document,
    sentence: Sentence,
    trigger: _Trigger,
    timex: TimeExpression | None,
    named: list[Participant],
    lang: str,
    source: str | None,
    entry_time: Period | None,
    told: frozenset[str],
    rescheduled: bool,
) -> EventMention | None:
    """The mention of the happening named at ``trigger``, dated by ``timex`` (``rescheduled``:
    the new date of a postponement), else by its live-blog entry's clock time or publication;
    ``told``: the sentence's content words (:func:`_told`); ``source``: who the sentence says
    claims it (:func:`_attribution`)."""
    if timex is not None and timex.period is not None:
        date = timex.period
    elif doc.published is not None:
        date = entry_time or doc.published
    else:
        return None
    piece, clause = _clause(sentence.text, trigger.start)
    at = sentence.text.find(clause, piece)  # the clause as stripped of its punctuation
    tokens = _tokens(sentence.text, lang)
    scope = (at, at + len(clause))
    framing = _framing(tokens, scope, trigger, lang)
    planned_noun = _planned_noun(sentence, trigger, lang)
    status = _status(tokens, scope, lang, date, doc.published, timex, planned_noun, framing, rescheduled)
    anaphoric = timex is None and _refers_back(sentence, trigger, clause, status, lang)
    return EventMention(
        doc_id=doc.id,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        phrase=_phrase(sentence.text, trigger.start),
        trigger=trigger.word,
        date=date,
        status=status,
        participants=named,
        attributed_to=source,
        time_text=None if timex is None else timex.text,
        time_value=None if timex is None else timex.value,
        timezone=None if timex is None else timex.timezone,
        event_class=trigger.event_class,
        lemmas=told,
        anaphoric=anaphoric,
        heading=sentence.kind is SentenceKind.HEADING,
        background=_is_background(sentence, lang, timex, doc.published),
        prominence=_prominence(sentence, len(doc.sentences)),
        published=doc.published,
        lang=lang,
    )
