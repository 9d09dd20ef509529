"""TimelineJS3 JSON: only the date parts a precision supports, escaped HTML, sources listed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from storyline.dates import Period
from storyline.model import Timeline
from storyline.render import render
from storyline.render.common import fragment_id
from storyline.render.timelinejs import date_parts


@pytest.fixture
def slides(timeline: Timeline) -> dict[str, dict[str, Any]]:
    data = json.loads(render(timeline, "timelinejs"))
    return {slide["unique_id"]: slide for slide in data["events"]}


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2025", {"year": 2025}, None),
        ("2025-06", {"year": 2025, "month": 6}, None),
        ("2025-05-19", {"year": 2025, "month": 5, "day": 19}, None),
        ("2025-05-19T10:05", {"year": 2025, "month": 5, "day": 19, "hour": 10, "minute": 5}, None),
        ("2025-W11", {"year": 2025, "month": 3, "day": 10}, {"year": 2025, "month": 3, "day": 16}),
        ("2025-Q2", {"year": 2025, "month": 4}, {"year": 2025, "month": 6}),
        ("2025-WI", {"year": 2025, "month": 12}, {"year": 2026, "month": 2}),
        ("202", {"year": 2020}, {"year": 2029}),
    ],
)
def test_date_parts_follow_precision(value: str, start: dict[str, int], end: dict[str, int] | None) -> None:
    assert date_parts(Period.parse(value)) == (start, end)


def test_title_slide_and_events(timeline: Timeline) -> None:
    data = json.loads(render(timeline, "timelinejs"))
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"].startswith("Timeline")
    assert len(data["events"]) == len(timeline.events)
    for slide in data["events"]:
        assert {"start_date", "text", "unique_id"} <= slide.keys()
        assert {"headline", "text"} <= slide["text"].keys()


def test_month_event_has_no_day_and_says_mid(slides: dict[str, dict[str, Any]]) -> None:
    summit = slides["ev-summit"]
    assert summit["start_date"] == {"year": 2025, "month": 8, "display_date": "mid-August 2025"}
    assert "end_date" not in summit


def test_week_event_spans_its_days_with_a_display_date(slides: dict[str, dict[str, Any]]) -> None:
    claimed = slides["ev-claimed-1"]
    assert claimed["end_date"] == {"year": 2025, "month": 5, "day": 11}
    assert claimed["display_date"] == "week 19 of 2025 (5–11 May)"
    assert claimed["start_date"]["day"] == 5


def test_time_event_has_hour_and_minute(slides: dict[str, dict[str, Any]]) -> None:
    start = slides["ev-cancel"]["start_date"]
    assert (start["hour"], start["minute"]) == (10, 0)
    assert "hour" not in slides["ev-call"]["start_date"]


def test_headline_and_text_are_escaped_and_list_sources(slides: dict[str, dict[str, Any]]) -> None:
    claimed = slides["ev-claimed-1"]["text"]
    assert claimed["headline"] == "Talks &lt;i&gt;claimed&lt;/i&gt;"
    assert "<b>" not in claimed["text"] and "&lt;b&gt;without evidence&lt;/b&gt;" in claimed["text"]
    assert claimed["text"].count("<li>") == 2
    assert "<strong>reported by the Kremlin</strong>" in claimed["text"]
    call = slides["ev-call"]["text"]["text"]
    assert '<a href="https://zeitung.example/paris" rel="noopener noreferrer">' in call


def test_background_events_form_their_own_group(slides: dict[str, dict[str, Any]]) -> None:
    assert slides["ev-background"]["group"] == "background"
    assert "group" not in slides["ev-call"]


def test_unique_ids_are_fragment_safe() -> None:
    assert fragment_id("ev claimed/1") == "ev-claimed-1"
