"""ROUGE-1.5.5's token pipeline (-m -s), re-implemented: tokens, stems, stop words, counts."""

from __future__ import annotations

import pytest

from storyline.evaluate.rouge import (
    RougeCounts,
    ngrams,
    porter_stem,
    rouge155_stem,
    rouge_counts,
    rouge_tokens,
)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("agreed", "agre"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("generalization", "gener"),
        ("electricity", "electr"),
        ("adjustable", "adjust"),
        ("controlling", "control"),
        ("yesterday", "yesterdai"),
    ],
)
def test_porter_stemmer_follows_porters_rules(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [("agreement", "agreem"), ("accidental", "accid"), ("additionally", "addit")],
)
def test_rouge_step4_strips_ment_and_ent_after_the_main_suffixes(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_wordnet_exceptions_come_before_the_stemmer_and_short_tokens_stay() -> None:
    assert rouge155_stem("went") == "go"
    assert rouge155_stem("children") == "child"
    assert rouge155_stem("lives") == "life"
    assert rouge155_stem("ran") == "ran"  # three characters: never stemmed


def test_rouge155_tokens_split_on_non_alphanumerics_and_drop_stop_words() -> None:
    # "U.S." gives "u" and "s", both on ROUGE's stop list; "-LRB-" leaves a counted "lrb".
    assert rouge_tokens(["The U.S. -LRB- Texas -RRB- said 1.45 wells"]) == ["lrb", "texa", "rrb", "1", "45", "well"]
    assert rouge_tokens(["Don't", "stop"]) == ["don", "stop"]
    assert rouge_tokens(["Zürich"]) == ["rich"]  # each non-ASCII byte separates, as in Perl


def test_german_tokens_keep_umlauts_and_use_a_german_stop_list_without_stemming() -> None:
    assert rouge_tokens(["Die Bürger wählten am Sonntag."], lang="de") == ["bürger", "wählten", "sonntag"]


def test_counts_clip_matches_per_ngram() -> None:
    peer = ngrams(["oil", "oil", "spill"], 1)
    model = ngrams(["oil", "spill", "spill", "well"], 1)
    assert rouge_counts(peer, model) == RougeCounts(hits=2, peer=3, model=4)
    assert ngrams(["a", "b", "c"], 2) == {("a", "b"): 1, ("b", "c"): 1}
