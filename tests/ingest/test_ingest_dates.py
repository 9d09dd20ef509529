"""Publication dates: metadata values at their precision, markers, refinement from the head."""

from __future__ import annotations

import pytest

from storyline.dates import Period, Precision
from storyline.ingest.dates import (
    entry_clock,
    is_byline,
    parse_published,
    refine_published,
    split_marker,
    stamp_spans,
    strip_stamp,
)
from storyline.model import Document


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2025", "2025", Precision.YEAR),
        ("2025-05", "2025-05", Precision.MONTH),
        ("2025-05-17", "2025-05-17", Precision.DAY),
        ("2025-05-17T19:54:00+02:00", "2025-05-17", Precision.DAY),
        ("2025-05-17T23:30:00Z", "2025-05-17", Precision.DAY),
        ("2025-05-17 19:54", "2025-05-17", Precision.DAY),
        ("Sat, 17 May 2025 19:54:00 +0200", "2025-05-17", Precision.DAY),
        (2025, "2025", Precision.YEAR),
    ],
)
def test_metadata_dates_keep_their_precision(value: object, expected: str, precision: Precision) -> None:
    period = parse_published(value)
    assert (period.value, period.precision) == (expected, precision)


@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "yesterday", "", "17.05.2025x", None, 3.5])
def test_malformed_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_published(value)


def test_split_marker() -> None:
    assert split_marker(" date 2025-05 Erste Worte\nRest") == ("2025-05", "Erste Worte\nRest")
    assert split_marker(" date 2025-05-17\nTitel\nRest") == ("2025-05-17", "Titel\nRest")
    assert split_marker("date night in Paris") == (None, "date night in Paris")
    assert split_marker(" date gestern Krieg\nRest") == ("gestern", "Krieg\nRest"), "a bad marker, not a title"
    assert split_marker("Titel ohne Marker") == (None, "Titel ohne Marker")


def doc(text: str, published: str | None, source: str | None = "marker", lang: str = "") -> Document:
    return Document(
        id="d",
        text=text,
        published=Period.parse(published) if published else None,
        published_source=source if published else None,
        lang=lang,
    )


@pytest.mark.parametrize(
    ("text", "known", "day", "kind"),
    [
        ("Titel der Meldung Stand: 17.05.2025 19:54 Uhr\n\nText.", "2025-05", "2025-05-17", "stamp"),
        ("Überschrift\n\nEin Satz.\n\n12.02.2025 - 18:27:49\n\nText.", "2025-02", "2025-02-12", "stamp"),
        ("Headline\nPublished 18 March 2025\nText.", "2025-03", "2025-03-18", "stamp"),
        ("Headline\nUpdated: March 18, 2025 10:02 GMT\nText.", "2025", "2025-03-18", "stamp"),
        ("Titel\n\nWashington, 18. März (dpa) - Der Präsident telefonierte.", "2025-03", "2025-03-18", "dateline"),
        ("Title\n\nWASHINGTON, March 18 (Reuters) - The president spoke.", "2025-03", "2025-03-18", "dateline"),
        ("Title\n\nKYIV, Ukraine, March 18 (AP) — Officials said.", "2025-03", "2025-03-18", "dateline"),
        ("Titel\n\nDienstag, 18. März 2025\n\nText.", "2025-03", "2025-03-18", "stamp"),
        ("Titel\n\nBerlin, Dienstag, 18. März (dpa) - Text.", "2025-03", "2025-03-18", "dateline"),
        ("Title\nTuesday 18 March 2025 21.05 GMT\nText.", None, "2025-03-18", "stamp"),
        ("Titel Stand: 17.05.2025 19:54 Uhr\nText.", None, "2025-05-17", "stamp"),
        ("Headline\n2025-05-17T19:54:00+02:00\nText.", "2025-05", "2025-05-17", "stamp"),
        ("Headline\nBy Jane Doe, Foreign Desk | 18 March 2025\nText.", "2025-03", "2025-03-18", "stamp"),
        ("Schlagzeile\nVon Anna Muster, 18.03.2025\nText.", None, "2025-03-18", "stamp"),
        ("Robert Peston | 15:39 UK time, Saturday, 15 June 2024\nHeadline\nText.", None, "2024-06-15", "stamp"),
        ("Titel\n\nStand: Samstag, 17. Mai 2025, 19:54 Uhr\n\nText.", "2025", "2025-05-17", "stamp"),
    ],
)
def test_head_stamps_and_datelines_refine_a_vague_dct(text: str, known: str | None, day: str, kind: str) -> None:
    document = doc(text, known)
    refine_published(document)
    assert document.published is not None
    assert (document.published.value, document.published_source) == (day, kind)


@pytest.mark.parametrize(
    ("text", "known"),
    [
        # a date merely mentioned in the story, even in the first paragraph
        ("Titel\n\nDas Telefonat soll am Dienstag (18. März) stattfinden.", "2025-03"),
        ("Headline\n\nThe talks began on 18 March 2025 in Riyadh, officials said.", "2025-03"),
        # a stamp outside the known month is not this article's day
        ("Titel Stand: 17.04.2025 19:54 Uhr\nText.", "2025-05"),
        # a weekday that contradicts its date, with or without the year written
        ("Titel\n\nMontag, 18. März 2025\n\nText.", "2025-03"),
        ("Titel\n\nBerlin, Montag, 18. März (dpa) - Text.", "2025-03"),
        # a dateline without a year and nothing to take the year from
        ("Titel\n\nWashington, 18. März (dpa) - Text.", None),
        # a stamp below the head
        ("T\n\nA.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.\n\nStand: 17.03.2025 10:00 Uhr", "2025-03"),
    ],
)
def test_no_day_is_invented(text: str, known: str | None) -> None:
    document = doc(text, known)
    refine_published(document)
    assert (document.published.value if document.published else None) == known


def test_a_day_from_marker_or_metadata_stays() -> None:
    document = doc("Titel Stand: 16.05.2025 10:00 Uhr\nText.", "2025-05-17", "metadata")
    refine_published(document)
    assert document.published == Period.parse("2025-05-17") and document.published_source == "metadata"


def test_the_dct_option_yields_to_the_articles_own_stamp() -> None:
    document = doc("Titel\n\n12.02.2025 - 18:27:49\n\nText.", "2025-06-01", "option")
    refine_published(document)
    assert document.published == Period.parse("2025-02-12") and document.published_source == "stamp"


def test_refinement_is_idempotent_and_uses_the_known_language() -> None:
    document = doc("Title\n\nLONDON, May 3 (Reuters) - Text.", "2025-05", lang="en")
    refine_published(document)
    refine_published(document)
    assert document.published == Period.parse("2025-05-03")


def test_strip_stamp_keeps_the_headline() -> None:
    assert strip_stamp("Minister tritt zurück Stand: 17.05.2025 19:54 Uhr") == "Minister tritt zurück"
    assert strip_stamp("Ein Titel ohne Stempel") == "Ein Titel ohne Stempel"
    assert strip_stamp("12.02.2025 - 18:27:49") == ""
    assert strip_stamp("Published: 18 March 2025") == ""


@pytest.mark.parametrize(
    ("line", "stripped"),
    [
        ("15:39 UK time, Saturday, 15 June 2024", ""),
        ("Last updated at 15:39 GMT, Saturday, 15 June 2024", ""),
        ("Last updated at 15:39 GMT", ""),
        ("Robert Peston | 15:39 UK time, Saturday, 15 June 2024", "Robert Peston"),
        ("Port strike | 15 June 2024", "Port strike"),
        ("Strike at 15:39 GMT", "Strike at 15:39 GMT"),
    ],
)
def test_strip_stamp_knows_a_stamp_with_or_without_its_date_and_after_a_bar(line: str, stripped: str) -> None:
    assert strip_stamp(line) == stripped


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Smith, BBC News", True),
        ("By Jane Smith and John Doe", True),
        ("Von Anna Muster und Max Mann, dpa", True),
        ("Robert Peston | 15:39 UK time, Saturday, 15 June 2024", True),
        ("By 2030, half of all cars will be electric", False),
        ("By the end of the year", False),
        ("Von Merz bis Scholz", False),
        ("Port strike | 15 June 2024", False),
    ],
)
def test_a_byline_is_a_label_and_names_or_names_before_a_stamp(line: str, byline: bool) -> None:
    assert is_byline(line) is byline


@pytest.mark.parametrize(
    ("text", "lang", "stamps"),
    [
        ("a long tunnel Sunday 18 July 2010 18.45 BST Work boats", "en", ["Sunday 18 July 2010 18.45 BST"]),
        (
            "Trial 29 September 2011 Last updated at 15:44 GMT Live coverage",
            "en",
            ["29 September 2011 Last updated at 15:44 GMT"],
        ),
        ("Minister tritt zurück Stand: 17.05.2025 19:54 Uhr", "de", ["Stand: 17.05.2025 19:54 Uhr"]),
        ("Published 18 March 2025 The minister resigned.", "en", ["Published 18 March 2025"]),
        ("The talks ended on Friday 23 July 2010 at 10.27 BST The company said so.", "en", []),
        ("Die Feier war am 24.12.2024. Niemand kam.", "de", []),
        ("He resigned on 18 March 2025 at 10.27, aides said.", "en", []),
    ],
)
def test_stamp_spans_find_page_stamps_run_into_a_text(text: str, lang: str, stamps: list[str]) -> None:
    assert [text[start:end] for start, end in stamp_spans(text, 0, len(text), lang)] == stamps


@pytest.mark.parametrize(
    ("text", "lang", "clock"),
    [
        ("15:25 - The Ever Given is free.", "en", "15:25 - "),
        ("15.25 Uhr: Die Ever Given ist frei.", "de", "15.25 Uhr: "),
        ("15.25 Uhr: \u201aEver Given\u2018 ist frei.", "de", "15.25 Uhr: "),  # after any quotation mark
        ("4.03 pm: An hour on the clock", "en", "4.03 pm: "),
        ("18.45 BST Work boats at the site", "en", "18.45 BST "),
        ("10:30 Police arrived.", "en", None),
        ("19:10 - navigation resumed", "en", None),
        ("12.40 Euro kostet das Ticket.", "de", None),
    ],
)
def test_entry_clock_is_the_time_that_opens_a_live_blog_entry(text: str, lang: str, clock: str | None) -> None:
    end = entry_clock(text, 0, len(text), lang)
    assert (text[:end] if end is not None else None) == clock
