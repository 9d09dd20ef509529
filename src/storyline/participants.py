"""Participants: people, countries and organisations named in a sentence.

No German named-entity model ships on PyPI (see the project notes), so this is deliberately
rule-based and data-driven: role words introduce names ("Kremlchef Wladimir Putin"),
capitalised words the lexicon does not know are name candidates, countries come from CLDR
(babel) plus per-language adjectives and prefixes, organisations from a list.  Each participant
has a language-neutral ``key`` (an ISO code for a country, the surname for a person) so that
"Putin", "Kremlchef Putin" and "Wladimir Putin" are one participant, across languages too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import simplemma
from babel import Locale

from storyline.lang import resource
from storyline.model import Participant

_WORD = re.compile(r"[\w][\w.'’-]*\w|\w", re.UNICODE)


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    compound_nouns: bool
    genitive_s: bool
    role_suffixes: tuple[str, ...]
    role_words: frozenset[str]
    not_names: frozenset[str]
    not_person_heads: frozenset[str]
    organisations: re.Pattern[str]  # any form of a listed organisation, longest first
    organisation_names: dict[str, str]  # form → key shared by every language
    organisation_shown: dict[str, str]  # key → the name shown
    country_forms: dict[str, str]
    country_names: dict[str, str]
    adjective_endings: frozenset[str]
    not_country_before: frozenset[str]  # lower case
    display: dict[str, str]


def _fold(text: str) -> str:
    """Lowercase ASCII skeleton of a name, for keys ("Selenskyj" and "Selenskyj" alike)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = resource(lang, "participants.toml")
    territories = Locale(lang).territories
    names: dict[str, str] = {}
    for code, name in territories.items():
        if code.isalpha() and len(code) == 2:
            names[name] = code
    display = dict(data.get("country_display", {}))
    organisation_names = {form: key for key, names in data["organisations"].items() for form in names}
    organisation_shown = {key: names[0] for key, names in data["organisations"].items()}
    organisations = sorted(organisation_names, key=len, reverse=True)
    for code, name in display.items():
        names[name] = code
    return _Lexicon(
        lang=lang,
        compound_nouns=bool(data.get("compound_nouns", False)),
        genitive_s=bool(data.get("genitive_s", False)),
        role_suffixes=tuple(s.lower() for s in data["role_suffixes"]),
        role_words=frozenset(data["role_words"]),
        not_names=frozenset(data["not_names"]),
        not_person_heads=frozenset(data.get("not_person_heads", [])),
        organisations=re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, organisations)) + r")(?!\w)"),
        organisation_names=organisation_names,
        organisation_shown=organisation_shown,
        country_forms=dict(data["country_forms"]),
        country_names=names,
        adjective_endings=frozenset(data.get("adjective_endings", [""])),
        not_country_before=frozenset(word.lower() for word in data.get("not_country_before", [])),
        display=display,
    )


def country_name(code: str, lang: str) -> str:
    """The display name of a country (ISO code) in ``lang``."""
    lexicon = _lexicon(lang)
    return lexicon.display.get(code) or Locale(lang).territories.get(code, code)


@lru_cache(maxsize=100_000)
def _is_role(word: str, lang: str) -> bool:
    """A role word, also inflected ("Präsidenten", "Außenministers")."""
    lexicon = _lexicon(lang)
    lower = simplemma.lemmatize(word, lang=lexicon.lang).lower()
    return word in lexicon.role_words or any(
        lower.endswith(suffix) and len(lower) >= len(suffix) for suffix in lexicon.role_suffixes
    )


def _is_capitalised(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper()) or (word.isupper() and len(word) > 1)


@lru_cache(maxsize=100_000)
def _country(word: str, lang: str) -> str | None:
    """The ISO code a word names: a country name (also genitive), a prefix ("US-Präsident"),
    or an adjective, a stem with an inflection ending ("russischen", not "deutschsprachig")."""
    lexicon = _lexicon(lang)
    head = word.split("-", 1)[0]
    if "-" in word and head + "-" in lexicon.country_forms:
        return lexicon.country_forms[head + "-"]
    for form in (head, head.removesuffix("s"), head.removesuffix("'s")):
        code = lexicon.country_names.get(form) or lexicon.country_forms.get(form)
        if code:
            return code
    lower = head.lower()
    for form, code in lexicon.country_forms.items():
        if form.islower() and lower.startswith(form) and lower[len(form) :] in lexicon.adjective_endings:
            return code
    return None


def find(sentence: str, lang: str) -> list[Participant]:
    """Participants named in one sentence, in order of first appearance, without repeats."""
    lexicon = _lexicon(lang)
    words = [(m.group(), m.start()) for m in _WORD.finditer(sentence)]
    found: dict[str, Participant] = {}

    taken: set[int] = set()
    for match in lexicon.organisations.finditer(sentence):
        key = lexicon.organisation_names[match.group()]
        keep_fullest(found, Participant(f"org:{key}", lexicon.organisation_shown[key], "organisation"))
        taken.update(range(match.start(), match.end()))

    i = 0
    while i < len(words):
        word, offset = words[i]
        if offset in taken:
            i += 1
            continue
        code = _country(word, lang)
        if code:
            following = words[i + 1][0].lower() if i + 1 < len(words) else ""
            if following not in lexicon.not_country_before:  # "deutscher Zeit" is a time zone
                keep_fullest(found, Participant(f"country:{code}", country_name(code, lang), "country"))
            i += 1
            continue
        after_role = _is_role(word, lang) or (i > 0 and _is_role(words[i - 1][0], lang))
        if _is_capitalised(word) and word not in lexicon.not_names and not _is_role(word, lang):
            run = [word]
            j = i + 1
            while j < len(words) and _is_capitalised(words[j][0]) and words[j][0] not in lexicon.not_names:
                following, at = words[j]
                previous_end = words[j - 1][1] + len(words[j - 1][0])
                if sentence[previous_end:at].strip():
                    break  # punctuation between the words: "Ever Given, Suez …" is no one name
                if following.isupper() or _country(following, lang) or _is_role(following, lang):
                    break
                run.append(words[j][0])
                j += 1
            if not after_role and lexicon.compound_nouns:  # German capitals mark nouns, not names
                while len(run) > 1 and _is_common_word(run[0], lang):
                    run.pop(0)
            if _looks_like_name(run, i == 0, after_role, lexicon):
                if not _is_genitive(run[-1], lexicon):  # "Trumps Berater": a possessor, not a participant
                    keep_fullest(found, Participant(f"person:{_fold(run[-1])}", " ".join(run), "person"))
                i = j
                continue
        i += 1
    return list(found.values())


@lru_cache(maxsize=100_000)
def _is_common_word(word: str, lang: str) -> bool:
    """A word of the language's lexicon, or (where nouns compound) one ending in such a noun
    ("Eishockeyspiele"): not a name."""
    lexicon = _lexicon(lang)
    if simplemma.is_known(word, lang=lexicon.lang) or simplemma.lemmatize(word, lang=lexicon.lang) != word:
        return True
    if lexicon.compound_nouns:
        return any(simplemma.is_known(word[i:].capitalize(), lang=lexicon.lang) for i in range(2, len(word) - 4))
    return False


def _is_genitive(word: str, lexicon: _Lexicon) -> bool:
    """"Trumps" where the language marks the genitive of names with -s (or an English "'s")."""
    if word.endswith(("'s", "’s")):
        return True
    return lexicon.genitive_s and word.endswith("s") and len(word) > 4 and not word.endswith(("ss", "us", "os", "as"))


def _looks_like_name(run: list[str], sentence_initial: bool, after_role: bool, lexicon: _Lexicon) -> bool:
    """A run of capitalised words is a person's name when a role introduces it, or when its
    last word is unknown to the lexicon (German capitalises every noun, so capitals alone say
    little)."""
    if any(w.isupper() or "-" in w for w in run) or len(run) > 4 or run[-1] in lexicon.not_person_heads:
        return False
    if after_role:
        return True
    if not lexicon.compound_nouns:
        # Where capitals mark names, a run of two is a name; a lone capital opening a sentence
        # ("Explainer: …") says nothing.
        if len(run) >= 2 and not sentence_initial:
            return True
        if len(run) == 1 and sentence_initial:
            return False
    return len(run[-1]) > 2 and not _is_common_word(run[-1], lexicon.lang)


def keep_fullest(best: dict[str, Participant], participant: Participant) -> None:
    """Record ``participant`` under its key unless a fuller name is kept ("Wladimir Putin" over
    "Putin"); the first of equally full names stays."""
    current = best.get(participant.key)
    if current is None or len(participant.name.split()) > len(current.name.split()):
        best[participant.key] = participant
