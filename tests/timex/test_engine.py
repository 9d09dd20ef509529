"""Unit tests of the tagger's pieces: calendar arithmetic, number words, grammar, tense cues,
and the ``tag``/``annotate`` contract."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.dates import Mod, Period, Precision
from storyline.model import Document, Sentence, TimexType
from storyline.timex import annotate, tag, tense_at
from storyline.timex.calendar import common_value, easter, holiday, period_of, shift, value_at
from storyline.timex.grammar import Rule, grammar
from storyline.timex.normalise import number

# Words of every kind to check the anchor test on: the sentences of the case tables.
_CASES = {
    lang: (Path(__file__).resolve().parent / f"cases_{lang}.toml").read_text(encoding="utf-8") for lang in ("de", "en")
}


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2019, date(2019, 4, 21)), (2038, date(2038, 4, 25))],
)
def test_easter_follows_the_gregorian_computus(year: int, expected: date) -> None:
    assert easter(year) == expected


def test_holiday_specs_cover_fixed_movable_and_nth_weekday_days() -> None:
    assert holiday(2025, "12-25") == date(2025, 12, 25)
    assert holiday(2025, "easter-2") == date(2025, 4, 18)
    assert holiday(2025, "11-4-4") == date(2025, 11, 27)  # fourth Thursday of November
    assert holiday(2025, "05-1-L") == date(2025, 5, 26)  # last Monday of May


def test_values_at_every_unit() -> None:
    day = date(2025, 5, 17)
    assert [value_at(day, u) for u in ("D", "W", "WE", "M", "Q", "HALF", "Y", "DE", "CE")] == [
        "2025-05-17",
        "2025-W20",
        "2025-W20-WE",
        "2025-05",
        "2025-Q2",
        "2025-H1",
        "2025",
        "202",
        "20",
    ]
    assert value_at(date(2025, 1, 10), "WI") == "2024-WI"  # winter counts from December


def test_shift_keeps_the_day_of_month_where_it_can() -> None:
    assert shift(date(2025, 3, 31), "M", -1) == date(2025, 2, 28)
    assert shift(date(2025, 5, 17), "W", -1) == date(2025, 5, 10)
    assert shift(date(2024, 2, 29), "Y", 1) == date(2025, 2, 28)


def test_common_value_keeps_only_what_both_ends_agree_on() -> None:
    assert common_value("2025-05-19", "2025-05-26") == "2025-05"
    assert common_value("2025-05-05", "2025-06-02") == "2025-Q2"
    assert common_value("2024-12-30", "2025-01-06") is None
    assert common_value("2025-W10", "2025-W10") == "2025-W10"


def test_period_of_reads_parts_of_day_and_weekends_as_their_days() -> None:
    assert period_of("2025-05-16TEV") == Period.parse("2025-05-16")
    assert period_of("2025-05-19T10:00") == Period.parse("2025-05-19T10:00")
    weekend = period_of("2025-W19-WE")
    assert weekend is not None and weekend.precision is Precision.WEEK
    assert period_of("PRESENT_REF") is None


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("de", "dreiundzwanzig", 23),
        ("de", "zweihundertfünfzig", 250),
        ("de", "eineinhalb", 1.5),
        ("de", "zwölf", 12),
        ("de", "1,5", 1.5),
        ("en", "twenty-four", 24),
        ("en", "two thousand and one", 2001),
        ("en", "a hundred", 100),
        ("en", "15", 15),
    ],
)
def test_number_words_including_compounds(lang: str, text: str, value: float) -> None:
    assert number(grammar(lang), text) == value


def test_unknown_word_is_not_a_number() -> None:
    assert number(grammar("de"), "zwiebel") is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_grammar_compiles_once_and_every_rule_has_anchors(lang: str) -> None:
    g = grammar(lang)
    assert g is grammar(lang)
    assert g.rules and all(rule.anchors for rule in g.rules)
    assert all(0 <= index < len(g.anchors) for rule in g.rules for index in rule.anchors)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_one_pass_anchor_test_agrees_with_the_anchors_one_by_one(lang: str) -> None:
    """The grouped any-anchor pattern is only a faster way to ask "does any anchor occur?"."""
    g = grammar(lang)
    tokens = set(_CASES[lang].split()) | {"0/0", "00:00", "0000s", "'00s", "Vorjahr", "third-quarter", "p.m.", "x"}
    for token in tokens:
        assert bool(g.any_anchor.search(token)) == any(anchor.search(token) for anchor in g.anchors), token


def test_a_rule_compiles_its_pattern_on_first_use() -> None:
    """A cold start compiles only the rules whose anchors some sentence holds."""
    rule = Rule("probe", r"\d+ days", "duration", None, frozenset({0}))
    assert "regex" not in vars(rule)
    assert rule.regex.search("in 3 days")
    assert "regex" in vars(rule)


def test_anchors_reject_sentences_without_time_words() -> None:
    g = grammar("de")

    def runnable(sentence: str) -> list[str]:
        found = g.anchors_in(sentence)
        return [rule.name for rule in g.rules if rule.anchors <= found]

    assert runnable("Der Hund bellt laut.") == []
    assert "weekday" in runnable("Am Montag bellt der Hund.")


def test_tense_cue_in_the_own_clause_wins() -> None:
    g = grammar("de")
    sentence = "Er sagte, am Montag werde er reisen."
    start = sentence.index("Montag")
    assert tense_at(g, sentence, start, start + 6) == ("future", True)
    english = "The president will call on Monday."
    assert tense_at(grammar("en"), english, english.index("Monday"), len(english) - 1)[0] == "future"


def test_a_cue_never_reaches_into_the_expression() -> None:
    sentence = "The company says it will be Wednesday before it tries."
    start = sentence.index("Wednesday")
    assert tense_at(grammar("en"), sentence, start, start + 9) == ("future", True)  # "will", not "says"


def test_a_governing_word_decides_the_tense_before_any_cue() -> None:
    g = grammar("de")
    since = "Seit Montag wird gestreikt."  # "wird" is as near as "Seit"
    assert tense_at(g, since, 5, 11) == ("past", True)
    ahead = "Ab Montag gilt die Regel."
    assert tense_at(g, ahead, 3, 9) == ("future", True)
    looked_back = "Ab Montag galt die Regel."  # looking ahead from a past time
    assert tense_at(g, looked_back, 3, 9) == ("past", True)
    said = "The union said on Tuesday it would strike."
    start = said.index("Tuesday")
    assert tense_at(grammar("en"), said, start, start + 7) == ("past", True)


def test_tag_returns_offsets_sentence_indices_and_periods_in_text_order() -> None:
    text = "Gestern regnete es. Am Montag soll gewählt werden."
    sentences = [Sentence(0, 0, 19, text[:19]), Sentence(1, 20, len(text), text[20:])]
    found = tag(text, "de", Period.parse("2025-05-17"), sentences)
    assert [(t.text, t.sentence, t.value) for t in found] == [("Gestern", 0, "2025-05-16"), ("Montag", 1, "2025-05-19")]
    assert all(text[t.start : t.end] == t.text for t in found)
    assert found[1].period == Period.parse("2025-05-19")


def test_mid_month_carries_its_modifier_into_the_period() -> None:
    (found,) = tag("Mitte August trafen sie sich.", "de", Period.parse("2025-08-26"))
    assert (found.value, found.mod) == ("2025-08", "MID")
    assert found.period == Period.parse("2025-08", Mod.MID)


def test_ago_is_a_duration_anchored_to_the_date_it_names() -> None:
    (found,) = tag("Vor drei Jahren begann der Krieg.", "de", Period.parse("2025-05-17"))
    assert (found.type, found.value) == (TimexType.DURATION, "P3Y")
    assert found.period == Period.parse("2022")


def test_a_publication_month_gives_the_likely_month_approximately() -> None:
    # "Donnerstag" from a day of March 2025 is 27 February to 3 April: March on 27 of 31 days.
    (summit,) = tag("Der Gipfel ist am Donnerstag.", "de", Period.parse("2025-03"))
    assert (summit.value, summit.mod, summit.period) == ("2025-03", "APPROX", Period.parse("2025-03", Mod.APPROX))
    # two weeks back lies in March on 17 of 31 days: not three quarters, so only the certain quarter
    (week,) = tag("Vorvergangene Woche traf er den Präsidenten.", "de", Period.parse("2025-03"))
    assert (week.value, week.mod) == ("2025-Q1", None)
    # an anchored duration keeps its value; the day it points to is the likely month
    (ago,) = tag("Vor drei Tagen begann der Streik.", "de", Period.parse("2025-03"))
    assert (ago.value, ago.period) == ("P3D", Period.parse("2025-03", Mod.APPROX))
    # a time of day is no month: it keeps what every day agrees on
    (clock,) = tag("Das Gespräch ist für 10 Uhr angesetzt.", "de", Period.parse("2025-03"))
    assert clock.value == "XXXX-XX-XXT10:00"


def test_after_dct_holds_only_when_every_possible_publication_day_precedes_the_date() -> None:
    def after(sentence: str, dct: str) -> bool:
        (found,) = tag(sentence, "de", Period.parse(dct))
        return found.after_dct

    assert after("Die Ukraine sei zu einem Gipfel ab kommenden Montag bereit.", "2025-06")
    assert not after("Der Gipfel ist am Donnerstag.", "2025-03")  # may be published that Thursday
    assert not after("Im Juni wird gewählt.", "2025-06")
    assert after("Am Montag wird gewählt.", "2025-05-17")
    assert not after("Am Montag wurde gewählt.", "2025-05-17")
    # a date the month of publication does not move: after the month, or not after its last day
    assert after("Am 3. Juni 2025 wird gewählt.", "2025-05")
    assert not after("Am 3. Mai 2025 wird gewählt.", "2025-05")


def test_clock_time_keeps_the_time_zone_the_text_gives() -> None:
    text = "Das Telefonat ist für 10 Uhr Ortszeit der US-Ostküste angesetzt."
    (found,) = tag(text, "de", Period.parse("2025-05-19"))
    assert (found.text, found.value, found.timezone) == ("10 Uhr", "2025-05-19T10:00", "America/New_York")


def test_a_four_digit_clock_time_with_a_zone_is_never_a_year() -> None:
    text = "The eruption began at 1300 local time (1800 GMT). Rescuers arrived at 2130 GMT."
    found = tag(text, "en", Period.parse("2024-03-10"))
    assert [(t.text, t.type, t.value, t.timezone) for t in found] == [
        ("1300 local time (1800 GMT)", TimexType.TIME, "2024-03-10T13:00", None),
        ("2130 GMT", TimexType.TIME, "2024-03-10T21:30", "UTC"),
    ]


def test_clock_time_before_its_weekday_keeps_its_zone() -> None:
    (found,) = tag("The minister spoke at 10:30 a.m. EST on Friday.", "en", Period.parse("2024-03-10"))
    assert (found.value, found.timezone) == ("2024-03-08T10:30", "America/New_York")


def test_clock_time_takes_the_day_the_narrative_is_at() -> None:
    text = "Am Montag will er mit Putin telefonieren. Das Gespräch beginnt um 10 Uhr."
    found = tag(text, "de", Period.parse("2025-05-17"))
    assert [t.value for t in found] == ["2025-05-19", "2025-05-19T10:00"]


def test_clock_time_in_a_later_future_clause_belongs_to_the_announced_day() -> None:
    text = "Am Montag will er mit Putin telefonieren. Er hofft auf Fortschritte. Das Gespräch ist für 10 Uhr angesetzt."
    found = tag(text, "de", Period.parse("2025-05-17"))
    assert [t.value for t in found] == ["2025-05-19", "2025-05-19T10:00"]


def test_clock_time_in_a_future_clause_belongs_to_the_announced_day_past_days_told_of_between() -> None:
    text = (
        "Am Montag kommen die Spitzen zusammen. Das kündigte sie am Freitag an. Er hatte am Montag gesagt, "
        "es reiche nicht. Das Treffen ist für 14.30 Uhr geplant."
    )
    found = tag(text, "de", Period.parse("2025-09-06"))
    assert found[-1].value == "2025-09-08T14:30"


def test_clock_time_in_a_past_clause_belongs_to_the_day_the_sentence_before_named() -> None:
    text = "Sie haben sich gestern Abend geeinigt. Der Ausschuss tagte seit 15 Uhr."
    found = tag(text, "de", Period.parse("2025-09-13"))
    assert [t.value for t in found] == ["2025-09-12TEV", "2025-09-12T15:00"]


def test_clock_time_in_a_listing_belongs_to_the_publication_day() -> None:
    text = "Markt in Bozen, am morgigen Sonntag von 8 bis 12 Uhr. Konzert in Meran, 20 Uhr."
    found = tag(text, "de", Period.parse("2013-11-30"))
    assert found[-1].value == "2013-11-30T20:00"


def test_set_carries_its_quantifier() -> None:
    (found,) = tag("Der Rat tagt jeden Montag.", "de", Period.parse("2025-05-17"))
    assert (found.type, found.value, found.quant, found.period) == (TimexType.SET, "XXXX-WXX-1", "EVERY", None)


def test_annotate_fills_the_document() -> None:
    doc = Document(id="d", text="Heute Abend wird gewählt.", lang="de", published=Period.parse("2025-05-17"))
    annotate(doc)
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [("Heute Abend", TimexType.TIME, "2025-05-17TEV")]
