"""The store over the real pipeline and the bundled examples: incremental, and what `build --db` reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storyline import ingest
from storyline.render import render
from storyline.store import EventFilter, Store, UnknownStory, codec, timeline_from_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    if not EXAMPLES.is_dir():
        pytest.skip(f"examples missing: {EXAMPLES}")
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.suffix in (".txt", ".html", ".jsonl"):
            shutil.copy(path, folder / path.name)
    return folder


def test_examples_in_the_store_grow_incrementally_into_a_timeline(articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    store = Store(db)
    first = store.ingest(ingest.read_inputs([articles]))
    assert first.added and not first.errors
    events_before = store.counts()["events"]
    assert events_before > 0

    assert store.ingest(ingest.read_inputs([articles])).added == []

    # One article changes: only it is analysed again, and only its evidence is replaced.
    changed = sorted(articles.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA further sentence without a date.\n", "utf-8")
    report = store.ingest(ingest.read_inputs([articles]))
    assert report.replaced == [changed.stem] and len(report.unchanged) == len(first.added) - 1

    timeline = timeline_from_store(db)
    assert {doc.id for doc in timeline.documents} == set(first.added)
    assert timeline.events and all(event.mentions for event in timeline.events)
    output = json.loads(render(timeline, "json"))
    assert output["events"] and all(event["sources"] for event in output["events"])

    # Hidden events stay out of the timeline; a retracted article's evidence leaves it.
    hidden = store.event_rows(EventFilter())[0]["id"]
    store.hide(hidden)
    assert hidden not in {event.id for event in timeline_from_store(db).events}
    store.delete_document(changed.stem)
    cited = {m.doc_id for event in timeline_from_store(db).events for m in event.mentions}
    assert changed.stem not in cited


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        timeline_from_store(tmp_path / "none.db")
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(UnknownStory, match="its stories: none"):
        timeline_from_store(tmp_path / "empty.db")


def test_the_examples_reanalysed_without_their_files_are_what_ingesting_them_again_gives(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade: the same events and edits, and the files then count as unchanged."""
    stores = {way: Store(tmp_path / f"{way}.db") for way in ("reanalysed", "ingested again")}
    for store in stores.values():
        store.ingest(ingest.read_inputs([articles]))
        first, second, third = (row["id"] for row in store.event_rows(EventFilter())[:3])
        store.rename(first, "Renamed by the desk")
        store.hide(second)
        store.redate(third, "2021-03", "approx")
    edited = stores["reanalysed"].event_rows(EventFilter(include_hidden=True))
    monkeypatch.setattr(codec, "analysis_version", lambda: "a later storyline")
    assert not stores["ingested again"].ingest(ingest.read_inputs([articles])).unchanged

    gone = articles.rename(tmp_path / "gone")
    report = stores["reanalysed"].reanalyse()
    assert len(report.replaced) == stores["reanalysed"].counts()["documents"] and not report.errors
    after = stores["reanalysed"].event_rows(EventFilter(include_hidden=True))
    assert after == stores["ingested again"].event_rows(EventFilter(include_hidden=True))
    assert after == edited, "the same analysis: the same events, edits applied"
    gone.rename(articles)
    again = stores["reanalysed"].ingest(ingest.read_inputs([articles]))
    assert (again.added, again.replaced, len(again.unchanged)) == ([], [], len(report.replaced))


def test_a_merge_holds_when_a_merged_article_changes_and_when_it_is_reanalysed(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "story.db")
    store.ingest(ingest.read_inputs([articles]))
    documents = {doc.id: doc for doc in store.documents()}
    of_one_file = {  # events told by one article read from a file of its own
        row["id"]: sources.pop()
        for row in store.event_rows(EventFilter())
        if len(sources := {s["doc"] for s in store.event_detail(row["id"])["sources"]}) == 1
        and Path(documents[next(iter(sources))].source or "").suffix == ".txt"
    }
    other, changed = next(iter(of_one_file.items()))
    into = next(row["id"] for row in store.event_rows(EventFilter()) if row["id"] != other and row["n_docs"] > 1)

    def told(event_id: str) -> set[str]:
        return {s["text"] for s in store.event_detail(event_id)["sources"]}

    merged = told(into) | told(other)
    store.merge(into, other)
    (path,) = [p for p in articles.glob("*.txt") if p.stem == changed]
    path.write_text(path.read_text(encoding="utf-8") + "\nA further sentence without a date.\n", "utf-8")
    assert store.ingest(ingest.read_inputs([articles])).replaced == [changed]
    assert told(into) == merged
    assert other not in {row["id"] for row in store.event_rows(EventFilter(include_hidden=True))}

    monkeypatch.setattr(codec, "analysis_version", lambda: "a later storyline")
    assert changed in store.reanalyse(batch_size=1).replaced
    assert told(into) == merged
