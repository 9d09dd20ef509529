"""The title of a plain-text article: its first line that says what the story is."""

from storyline.ingest.text import title_of


def test_the_title_is_the_first_line_that_is_no_stamp_or_tag_line_and_loses_its_stamp() -> None:
    text = "\n  \nTrump, Putin\nStand: 29.03.2021 18:05 Uhr\nTrump und Putin telefonieren Stand: 29.03.2021 18:05 Uhr\n"
    assert title_of(text) == "Trump und Putin telefonieren"


def test_a_text_of_tag_lines_only_is_titled_by_the_first_and_an_empty_one_by_nothing() -> None:
    assert title_of("\nTrump, Putin\nUkraine | Russland\n") == "Trump, Putin"
    assert title_of("\n \n") == ""


def test_a_page_stamp_or_byline_is_never_the_title() -> None:
    for head in (
        "15:39 UK time, Saturday, 15 June 2024",
        "Robert Peston | 15:39 UK time, Saturday, 15 June 2024",
        "By Jane Smith, BBC News",
        "Last updated at 15:39 GMT, Saturday, 15 June 2024",
    ):
        assert title_of(f"{head}\nPort strike on Monday\n\nDockworkers voted.") == "Port strike on Monday"


def test_a_long_first_line_is_cut_after_its_last_full_sentence_even_inside_a_quotation() -> None:
    line = (
        "Rabie said: \u2018The Ever Given is free, and the canal will open to traffic again within hours, once the "
        "tugs are clear.\u2019 Ships waiting at both ends of the canal began to move on Monday evening."
    )
    assert title_of(line).endswith("once the tugs are clear.\u2019")
