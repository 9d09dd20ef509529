"""End to end on the five German seed articles (read from ../shared/seeds; skipped where absent).

What a user handing storyline these articles expects: the calls of 12 February and 18 March
2025 as separate dated entries, the call announced on Saturday 17 May for "am Montag" on
2025-05-19 with its source marked planned, every entry citing its articles and sentences, and
no entry dated where the texts give no support.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.model import Event, Status, Timeline

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles missing: {SEEDS} (they live beside the repository, in shared/seeds)")
    return pipeline.build([SEEDS])


def calls_on(timeline: Timeline, day: str) -> list[Event]:
    """Events on ``day`` (at day or time precision) that some source reports as a call."""
    return [
        e for e in timeline.events
        if e.date.day == date.fromisoformat(day) and any(m.event_class == "communication" for m in e.mentions)
    ]


def test_the_february_and_march_calls_are_separate_dated_entries(timeline: Timeline) -> None:
    february = calls_on(timeline, "2025-02-12")
    march = calls_on(timeline, "2025-03-18")
    assert february and march
    assert not {e.id for e in february} & {e.id for e in march}
    assert any(m.doc_id.startswith("001_") for e in february for m in e.mentions)
    assert any(m.doc_id.startswith("004_") for e in march for m in e.mentions)


def test_the_call_announced_for_monday_is_on_19_may_and_its_source_planned(timeline: Timeline) -> None:
    (may,) = [e for e in calls_on(timeline, "2025-05-19") if any(m.doc_id.startswith("000_") for m in e.mentions)]
    announcing = [m for m in may.mentions if m.doc_id.startswith("000_") and m.time_text]
    assert announcing
    assert all(m.status is Status.PLANNED for m in announcing)


def test_every_entry_cites_sentences_of_its_articles(timeline: Timeline) -> None:
    documents = {d.id: d for d in timeline.documents}
    assert timeline.events
    for event in timeline.events:
        assert event.mentions
        for mention in event.mentions:
            doc = documents[mention.doc_id]
            sentence = doc.sentences[mention.sentence]
            assert (sentence.start, sentence.end) == (mention.start, mention.end)
            assert doc.text[mention.start : mention.end] == mention.text


def test_no_entry_carries_a_date_the_texts_do_not_support(timeline: Timeline) -> None:
    documents = {d.id: d for d in timeline.documents}
    for event in timeline.events:
        support = [
            m for m in event.mentions
            if m.date.value == event.date.value
            and (m.time_value == event.date.value or documents[m.doc_id].published == m.date)
        ]
        assert support, f"{event.date.value} {event.title!r} has no source giving that date"
        for mention in support:
            if mention.time_text is not None:
                assert mention.time_text in mention.text


def test_the_sentence_listing_the_february_and_march_calls_is_cited_by_both(timeline: Timeline) -> None:
    listed = {
        m.time_value: e.date.value
        for e in timeline.events
        for m in e.mentions
        if m.doc_id.startswith("000_") and m.time_value in ("2025-02", "2025-03")
    }
    assert listed == {"2025-02": "2025-02-12", "2025-03": "2025-03-18"}


def test_references_to_the_announced_call_sit_with_the_call_not_on_the_announcement_day(timeline: Timeline) -> None:
    (may,) = [e for e in calls_on(timeline, "2025-05-19") if any(m.doc_id.startswith("000_") for m in e.mentions)]
    homes = [
        e for e in timeline.events for m in e.mentions
        if m.doc_id.startswith("000_") and m.anaphoric and m.status is Status.PLANNED
        and m.event_class == "communication"
    ]
    assert len(homes) >= 2
    assert all(e is may for e in homes)
