"""Words and quotation marks (``storyline.tokens``): one word pattern, and quotations found by
pairing each closing mark with the opening mark it closes."""

from __future__ import annotations

import pytest

from storyline.tokens import CLOSING_QUOTATION_MARKS, DOUBLE_QUOTATION_MARKS, QUOTATION_MARKS, WORD, quotations


def quoted(text: str, *, single: bool = False, unclosed: bool = False) -> list[str]:
    """The quotations of ``text`` as written, marks included."""
    return [text[a:b] for a, b in quotations(text, single=single, unclosed=unclosed)]


def test_a_word_holds_its_inner_apostrophes_and_hyphens_but_no_mark_around_it() -> None:
    text = "Don't blame BP’s US-Präsident for 'Nord- und Ostsee'."
    assert WORD.findall(text) == ["Don't", "blame", "BP’s", "US-Präsident", "for", "Nord", "und", "Ostsee"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peskow sagte: „Wir telefonieren am Montag.“", ["„Wir telefonieren am Montag.“"]),
        ("Er nannte es „ein gutes Gespräch”.", ["„ein gutes Gespräch”"]),  # closed the English way
        ("BP said “we will cap the well” on Tuesday.", ["“we will cap the well”"]),
        ("Der Kreml nannte das »konstruktiv«.", ["»konstruktiv«"]),
        ("La «Ever Given» est libre.", ["«Ever Given»"]),
        ('"We will," he said, "try again."', ['"We will,"', '"try again."']),
        ('Trump sagte:"Das war gut."', ['"Das war gut."']),  # a colon opens
        ("He called it `` gut-wrenching '' .", ["`` gut-wrenching ''"]),  # tokenised text
    ],
)
def test_each_closing_mark_closes_the_quotation_its_opening_mark_began(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_a_mark_that_opens_in_one_language_and_closes_in_another_does_either_by_its_place() -> None:
    text = "„Er sagte “Hallo” und ging“, hieß es."
    assert quoted(text) == ["„Er sagte “Hallo” und ging“", "“Hallo”"]


def test_single_quotes_count_only_when_asked_and_an_apostrophe_is_none() -> None:
    text = "„Das Schiff ‚Ever Given‘ liegt fest“, sagte er. BP’s chief said 'we don't know'."
    assert quoted(text) == ["„Das Schiff ‚Ever Given‘ liegt fest“"]
    assert quoted(text, single=True) == ["„Das Schiff ‚Ever Given‘ liegt fest“", "‚Ever Given‘", "'we don't know'"]
    assert quoted("Der ‹Ever Given› fehlt nichts.", single=True) == ["‹Ever Given›"]


def test_a_possessive_apostrophe_closes_no_quotation() -> None:
    text = 'HSBC said: "Our customers\' donations went through on Tuesday."'
    assert quoted(text, single=True) == ['"Our customers\' donations went through on Tuesday."']


def test_a_quotation_that_crosses_the_sentence_edge_counts_only_when_asked() -> None:
    closed_earlier = 'The rig exploded yesterday," he said.'
    assert quoted(closed_earlier) == []
    assert quoted(closed_earlier, unclosed=True) == ['The rig exploded yesterday,"']
    goes_on = "He said: ‘We will stop the leak on Tuesday."
    assert quoted(goes_on, single=True) == []
    assert quoted(goes_on, single=True, unclosed=True) == ["‘We will stop the leak on Tuesday."]


def test_the_double_marks_hold_no_apostrophe_and_every_mark_is_listed_once() -> None:
    assert sorted(DOUBLE_QUOTATION_MARKS) == sorted('„“”»«"')
    assert sorted(QUOTATION_MARKS) == sorted('„“”»«"‚‘’›‹\'`')
    assert sorted(CLOSING_QUOTATION_MARKS) == sorted('“”»«"‘’‹›\'')
