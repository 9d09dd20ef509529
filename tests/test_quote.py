"""Quoting a sentence under a dated heading: the dates the heading makes redundant go, where the
rest is still the same sentence.  The sentences run through the real pipeline, published on
Wednesday 21 April 2010."""

from __future__ import annotations

from datetime import date

import pytest

from storyline import pipeline
from storyline.model import Document, Period, Sentence
from storyline.quote import kept_pieces, quoted, redundant_dates

PUBLISHED = date(2010, 4, 21)
MONDAY, TUESDAY, THURSDAY = date(2010, 4, 19), date(2010, 4, 20), date(2010, 4, 22)


def _quoted(text: str, day: date = TUESDAY, lang: str = "en") -> str:
    """``text`` (one sentence) as a heading dated ``day`` quotes it."""
    doc = pipeline.analyse(Document(id="x", text=text, published=Period.of_day(PUBLISHED), lang=lang))
    (sentence,) = doc.sentences
    timexes = [t for t in doc.timexes if t.period is not None and t.period.is_day_or_finer]
    spans = redundant_dates(doc.text, sentence, timexes, day, PUBLISHED, lang)
    return quoted(doc.text, sentence.start, sentence.end, spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BP said on Tuesday that it would cap the well.", "BP said that it would cap the well."),
        ("On Tuesday, BP said it would cap the well.", "BP said it would cap the well."),
        ("Late on Tuesday the rig sank into the sea.", "The rig sank into the sea."),
        ("The rig sank into the sea yesterday.", "The rig sank into the sea."),
        ("Yesterday he gave BP another 24 hours.", "He gave BP another 24 hours."),
        ("BP said (on Tuesday) that it would cap the well.", "BP said that it would cap the well."),
        ("Obama met BP (on Tuesday in Washington) about the spill.", "Obama met BP (in Washington) about the spill."),
        ("But on Tuesday, BP said it would try again.", "But BP said it would try again."),
        ("BP said that on Tuesday, the leak had slowed down.", "BP said that the leak had slowed down."),
        ("However, on Tuesday BP said it would try again.", "However, BP said it would try again."),
        ("BP said on Tuesday, April 20, that it would cap the well.", "BP said that it would cap the well."),
        ("The rig sank, killing eleven workers, on Tuesday.", "The rig sank, killing eleven workers."),
        ("The White House on Tuesday issued a statement.", "The White House issued a statement."),
        ("On Tuesday eBay said it would sell the unit.", "eBay said it would sell the unit."),
        # a quotation opened after a colon closes nothing that opened before it
        ("BP said on Tuesday:'We will cap the well within days.'", "BP said:'We will cap the well within days.'"),
    ],
)  # fmt: skip
def test_a_date_the_heading_gives_goes(text: str, expected: str) -> None:
    assert _quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday's explosion killed eleven workers on the rig.",  # part of a noun phrase
        "It was Tuesday when the rig exploded in the gulf.",  # a predicate
        "Tuesday was the deadline for emergency claims.",  # the subject
        "Only on Tuesday did BP admit the scale of the leak.",  # a focus word
        "The meeting had been planned for Tuesday by the company.",  # a dangling preposition
        "The vote, held on Tuesday, was close in the end.",  # all but two words of a phrase
        "The spill, which began on Tuesday, threatens the coast.",
        "BP, on Tuesday, said it would cap the well.",
        "The ship ran aground at 7:40 a.m. on Tuesday near the town.",  # a clock time
        "BP shares fell 5 percent on Tuesday and 3 percent on Wednesday.",  # another day
        "Crews rested on Tuesday.",  # too little left
        "\u2018The rig exploded yesterday, killing 11 of my men,\u2019 the foreman told the BBC.",  # quoted
        'The rig exploded yesterday, killing 11 of my men," he said.',  # a quotation opened before
        'He said: "We will stop the leak on Tuesday, whatever it takes."',
        "The chief said: \u2039We capped the well on Tuesday after all.\u203a",  # single guillemets
        "The chief said: `` We capped the well on Tuesday after all . ''",  # tokenised text's quotes
    ],
)
def test_a_date_stays_where_the_sentence_would_change(text: str) -> None:
    assert _quoted(text) == text


def test_a_date_still_ahead_when_written_stays() -> None:
    text = "BP said it would decide on Thursday whether to cap the well."
    assert _quoted(text, THURSDAY) == text


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("Trump und Putin telefonierten am Montag lange.", MONDAY, "Trump und Putin telefonierten lange."),
        ("Er hatte am Dienstag, dem 20. April, eine Rede gehalten.", TUESDAY, "Er hatte eine Rede gehalten."),
        ("„Wir stoppen es“, sagte BP am Dienstag vor Ort.", TUESDAY, "„Wir stoppen es“, sagte BP vor Ort."),
    ],
)  # fmt: skip
def test_a_german_date_goes_where_the_verb_does_not_follow_it(text: str, day: date, expected: str) -> None:
    assert _quoted(text, day, "de") == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Am Montag telefonierten Trump und Putin lange.", MONDAY),  # the verb follows
        ("Trump sagte, am Montag sei ein Telefonat geplant gewesen.", MONDAY),
        ("Doch am Dienstag sagte der Konzern, das Leck sei dicht.", TUESDAY),
        ("Erst am Dienstag hatte die Regierung die Hilfe zugesagt.", TUESDAY),  # a focus word
        ("Die Explosion vom Dienstag tötete elf Arbeiter.", TUESDAY),  # part of a noun phrase
        ("BP sagte: „Wir stoppen das Leck am Dienstag, koste es, was es wolle.“", TUESDAY),
    ],
)
def test_a_german_date_stays_where_the_sentence_would_change(text: str, day: date) -> None:
    assert _quoted(text, day, "de") == text


def test_kept_pieces_are_the_parts_outside_the_spans() -> None:
    assert kept_pieces([(3, 5), (4, 8)], 0, 10) == [(0, 3), (8, 10)]
    assert kept_pieces([(0, 4)], 0, 4) == []


def test_a_quote_joins_its_pieces_without_space_before_punctuation_or_after_a_bracket() -> None:
    text = "Oil (on Tuesday) rose , as did gas on Tuesday ."
    spans = [(text.index("on Tuesday)"), text.index(")")), (text.index(" on Tuesday ."), text.index(" ."))]
    assert quoted(text, 0, len(text), spans) == "Oil () rose , as did gas."
    assert quoted(text, 0, len(text), []) == text  # nothing dropped: as written


def test_unknown_languages_keep_their_dates() -> None:
    text = "BP said on Tuesday that it would cap the well."
    doc = pipeline.analyse(Document(id="x", text=text, published=Period.of_day(PUBLISHED), lang="en"))
    assert redundant_dates(doc.text, Sentence(0, 0, len(text), text), doc.timexes, TUESDAY, PUBLISHED, "fr") == ()
