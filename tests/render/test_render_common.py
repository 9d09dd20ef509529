"""Dates in words at exactly their precision, and the conflict wording all renderers share."""

from __future__ import annotations

import pytest

from storyline.dates import Period
from storyline.model import Conflict, Document, Event, EventMention, Status, Timeline
from storyline.render import render
from storyline.render.common import (
    cited_articles,
    conflict_sides,
    date_label,
    event_date_label,
    heading,
    safe_url,
    section_label,
    short_quote,
)


@pytest.mark.parametrize(
    ("value", "mod", "label"),
    [
        ("2025", None, "2025"),
        ("2025-H1", None, "first half of 2025"),
        ("2025-Q3", None, "Q3 2025"),
        ("2025-SU", None, "summer 2025"),
        ("2025-WI", None, "winter 2025/26"),
        ("2025-06", None, "June 2025"),
        ("2025-08", "mid", "mid-August 2025"),
        ("2025-08", "start", "early August 2025"),
        ("2025", "end", "late 2025"),
        ("2025-W11", None, "week 11 of 2025 (10–16 March)"),
        ("2025-W01", None, "week 1 of 2025 (30 December – 5 January)"),
        ("2025-05-19", None, "19 May 2025"),
        ("2025-05-19", "approx", "around 19 May 2025"),
        ("2025-05-19T10:00", None, "19 May 2025, 10:00"),
        ("202", None, "the 2020s"),
    ],
)
def test_date_label(value: str, mod: str | None, label: str) -> None:
    assert date_label(Period.parse(value, mod)) == label


@pytest.mark.parametrize(
    ("value", "mod", "section"),
    [
        ("2025", None, "2025"),
        ("2025", "end", "2025"),
        ("2025-H1", None, "first half of 2025"),
        ("2025-Q2", None, "Q2 2025"),
        ("2025-SU", None, "summer 2025"),
        ("2025-08", "mid", "August 2025"),
        ("2025-W01", None, "December 2024"),
        ("2025-05-19T10:00", None, "May 2025"),
    ],
)
def test_section_label_files_a_coarse_date_under_itself_and_a_finer_one_under_its_month(
    value: str, mod: str | None, section: str
) -> None:
    assert section_label(Period.parse(value, mod)) == section


def event_with(conflicts: list[Conflict], docs: list[str]) -> Event:
    mentions = [EventMention(doc, 1, 0, 1, "x", "x", "x", Period.parse("2025-03-18")) for doc in docs]
    return Event("e", Period.parse("2025-03-18"), Status.OCCURRED, "t", "s", [], mentions, conflicts=conflicts)


def test_conflict_sides_add_the_events_own_date_when_missing() -> None:
    event = event_with([Conflict(Period.parse("2025-03-19"), ["b"])], ["a", "b", "c"])
    sides = [(side.date.value, side.docs) for side in conflict_sides(event)]
    assert sides == [("2025-03-18", ["a", "c"]), ("2025-03-19", ["b"])]


def test_conflict_sides_keep_complete_conflict_lists() -> None:
    both = [Conflict(Period.parse("2025-03-18"), ["a"]), Conflict(Period.parse("2025-03-19"), ["b"])]
    sides = [(side.date.value, side.docs) for side in conflict_sides(event_with(both, ["a", "b"]))]
    assert sides == [("2025-03-18", ["a"]), ("2025-03-19", ["b"])]
    assert conflict_sides(event_with([], ["a"])) == []


def test_short_quote_cuts_at_a_word() -> None:
    assert short_quote("eins  zwei\ndrei") == "eins zwei drei"
    assert short_quote("alpha beta gamma", limit=12) == "alpha beta …"


def test_safe_url_accepts_only_web_links() -> None:
    assert safe_url(" https://a.example/x ") == "https://a.example/x"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("file:///etc/passwd") is None
    assert safe_url(None) is None


@pytest.mark.parametrize("fmt", ["md", "html", "timelinejs"])
def test_a_teaser_is_cited_by_its_number_in_its_articles_file(fmt: str) -> None:
    teaser = Document("page~2", "Text", title="Teaser", source="articles/page.txt", teaser=2)
    mention = EventMention("page~2", 0, 0, 4, "Text", "x", "x", Period.parse("2025-03-18"))
    event = Event("e", mention.date, Status.OCCURRED, "Title", "Summary", [], [mention])
    output = render(Timeline([teaser], [event]), fmt)
    assert "teaser 2 in file" in output and "articles/page.txt" in output
    assert "page.txt~" not in output


ALL_PRECISIONS = ["20", "202", "2025", "2025-H2", "2025-Q4", "2025-FA", "2025-12", "2025-W52", "2025-12-31",
                  "2025-12-31T23:59"]  # fmt: skip


@pytest.mark.parametrize("value", ALL_PRECISIONS)
@pytest.mark.parametrize("mod", [None, "start", "mid", "end", "approx"])
@pytest.mark.parametrize("fmt", ["json", "md", "html", "timelinejs"])
def test_every_precision_and_modifier_renders_in_every_format(value: str, mod: str | None, fmt: str) -> None:
    period = Period.parse(value, mod)
    mention = EventMention("a", 0, 0, 4, "Text", "x", "x", period)
    event = Event("e", period, Status.OCCURRED, "Title", "Summary", [], [mention])
    output = render(Timeline([Document("a", "Text")], [event]), fmt)
    assert (value if fmt == "json" else date_label(period)) in output


def timeline_at(*values: str) -> Timeline:
    events = []
    for number, value in enumerate(values):
        period = Period.parse(value)
        mention = EventMention("a", number, 0, 4, "Text", "x", "x", period)
        events.append(Event(f"e{number}", period, Status.OCCURRED, "Title", "Summary", [], [mention]))
    return Timeline([Document("a", "Text")], events)


@pytest.mark.parametrize(
    ("values", "title"),
    [
        (["2025", "2025-H1", "2025-02-12", "2025-08-26"], "Timeline: 12 February 2025 – 26 August 2025"),
        (["2025", "2025-01", "2025-02-12", "2025-Q3"], "Timeline: January 2025 – Q3 2025"),
        (["2024", "2025-05-19"], "Timeline: 2024 – 19 May 2025"),
        (["2025"], "Timeline: 2025"),
    ],
)
def test_the_heading_spans_the_entries_no_coarser_one_holds(values: list[str], title: str) -> None:
    """A year around the story's days does not stretch its span; a coarse entry beside them does."""
    assert heading(timeline_at(*values)) == title


def test_a_heading_is_quoted_only_where_its_article_has_no_body_sentence_on_the_event() -> None:
    day = Period.parse("2025-03-18")
    subheading = EventMention("a", 4, 0, 9, "Ringen um ein Treffen", "p", "Treffen", day, heading=True)
    body = EventMention("a", 5, 10, 40, "Trump hat Putin getroffen.", "p", "getroffen", day)
    other = EventMention("b", 2, 0, 9, "Gipfel in Alaska", "p", "Gipfel", day, heading=True)
    event = Event("e", day, Status.OCCURRED, "t", "s", [], [subheading, body, other])
    quoted = {article.ref.doc_id: [quote.text for quote in article.quotes] for article in cited_articles(event, {})}
    assert quoted == {"a": ["Trump hat Putin getroffen."], "b": ["Gipfel in Alaska"]}


@pytest.mark.parametrize("fmt", ["md", "html", "timelinejs"])
def test_a_clock_time_shows_the_zone_its_source_gives(fmt: str) -> None:
    period = Period.parse("2025-05-19T10:00")
    mention = EventMention("a", 0, 0, 4, "Text", "x", "x", period, timezone="America/New_York")
    event = Event("e", period, Status.PLANNED, "Call", "Summary", [], [mention], timezone="America/New_York")
    output = render(Timeline([Document("a", "Text")], [event]), fmt)
    assert "10:00" in output and "(America/New_York)" in output
    assert event_date_label(event) == "19 May 2025, 10:00 (America/New_York)"
    local = Event("l", period, Status.OCCURRED, "Call", "Summary", [], [mention], timezone="local")
    assert event_date_label(local) == "19 May 2025, 10:00 local time"
