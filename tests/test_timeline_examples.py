"""End to end on the bundled example articles (examples/: our own texts on the Ever Given story).

These check what a reader of `make demo` relies on, not an exact output: the grounding and the
refloating as well-sourced, dated entries, honest precision for the month-only article, wire
copies counted once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.model import Precision, Status, Timeline
from storyline.timeline import independent_sources

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return pipeline.build([EXAMPLES])


def test_all_examples_are_read_without_errors(timeline: Timeline) -> None:
    assert timeline.errors == []
    assert len(timeline.documents) >= 12
    assert {d.lang for d in timeline.documents} == {"de", "en"}


def test_the_grounding_is_a_well_sourced_occurred_entry_on_23_march(timeline: Timeline) -> None:
    documents = {d.id: d for d in timeline.documents}
    grounding = [e for e in timeline.events if e.date.day == date(2021, 3, 23) and e.status is Status.OCCURRED]
    assert grounding
    best = max(grounding, key=lambda e: e.salience)
    assert independent_sources(best, documents) >= 3
    assert best.salience >= sorted(e.salience for e in timeline.events)[len(timeline.events) // 2]


def test_the_refloating_is_dated_29_march(timeline: Timeline) -> None:
    assert any(e.date.day == date(2021, 3, 29) and e.status is Status.OCCURRED for e in timeline.events)


def test_the_month_only_article_stays_at_month_precision(timeline: Timeline) -> None:
    (magazine,) = [d for d in timeline.documents if d.id.startswith("09_")]
    assert magazine.published is not None and magazine.published.precision is Precision.MONTH
    for event in timeline.events:
        for mention in event.mentions:
            if mention.doc_id == magazine.id and mention.time_text is None:
                assert mention.date.precision is Precision.MONTH


def test_wire_copies_are_recognised(timeline: Timeline) -> None:
    copies = {d.id: d.duplicate_of for d in timeline.documents if d.id.startswith(("01_", "02_"))}
    assert sorted(v for v in copies.values() if v) == ["01_de_wire_aground"]
