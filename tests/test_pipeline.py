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


def test_summarise_tells_the_salient_day_and_keeps_metadata_not_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        " date 2024-03-05 Dam fails\n\nThe river dam failed near the town after days of heavy rain.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        " date 2024-03-06 Valley flooded\n\nThe dam failed on Tuesday and flooded the valley below the town.\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    summary = pipeline.summarise([tmp_path], max_dates=1, sentences_per_date=2, keywords=["dam"])
    (day,) = summary.days
    assert day.day.isoformat() == "2024-03-05"  # published that day and named by the next day's article
    assert {s.doc_id for s in day.sentences} == {"a", "b"}
    assert [d.id for d in summary.documents] == ["a", "b"]
    assert all(d.text == "" and not d.sentences for d in summary.documents)
    assert [e.source.rsplit("/", 1)[-1] for e in summary.errors] == ["broken.json"]
