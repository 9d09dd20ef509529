"""The pipeline: per-document stages enrich one Document; build runs them over files."""

from __future__ import annotations

from pathlib import Path

from storyline import pipeline
from storyline.model import Document, Period, Status


def test_analyse_fills_every_layer_of_a_german_document() -> None:
    doc = Document(
        id="de",
        text="Gipfel in Genf\n\nDie Außenminister Annalena Baerbock und Antony Blinken trafen sich am Montag in Genf.",
        published=Period.parse("2024-03-06"),
    )
    pipeline.analyse(doc)
    assert doc.lang == "de"
    assert len(doc.sentences) == 2
    assert any(t.value == "2024-03-04" for t in doc.timexes)
    meeting = next(m for m in doc.mentions if m.time_text)
    assert meeting.date.value == "2024-03-04"
    assert meeting.status is Status.OCCURRED


def test_analyse_reads_english_and_marks_plans() -> None:
    doc = Document(
        id="en",
        text="Talks next week\n\nThe two foreign ministers will meet in Geneva on Friday, officials said.",
        published=Period.parse("2024-03-06"),
    )
    pipeline.analyse(doc)
    assert doc.lang == "en"
    meeting = next(m for m in doc.mentions if m.time_text == "Friday")
    assert meeting.date.value == "2024-03-08"
    assert meeting.status is Status.PLANNED


def test_build_merges_the_same_event_across_languages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        " date 2024-03-06 Treffen in Genf\n\nAnnalena Baerbock traf Antony Blinken am Dienstag in Genf.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        " date 2024-03-07 Ministers meet\n\nAntony Blinken met Annalena Baerbock in Geneva on Tuesday.\n",
        encoding="utf-8",
    )
    timeline = pipeline.build([tmp_path])
    dated = [e for e in timeline.events if e.date.value == "2024-03-05"]
    assert len(dated) == 1
    assert dated[0].doc_ids == ["a", "b"]
