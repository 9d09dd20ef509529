"""The store: incremental ingest, replacement, retraction, edits that survive, migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import store_fakes

from storyline import events, ingest, pipeline
from storyline.dates import Period
from storyline.model import Document, Status
from storyline.store import EditError, EventFilter, Store, UnknownStory, chosen_story, codec, stories
from storyline.store.schema import MIGRATIONS, schema_version


def doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, title=text.split(".")[0], lang="en", source=f"{doc_id}.txt")


def call_article() -> Document:
    return doc("a", "Leaders talk. Biden phoned Putin on 2025-03-18. Nothing else.")


def call_again_article() -> Document:
    return doc("b", "Biden phoned Putin on 2025-03-18. Reaction followed.")


def summit_article() -> Document:
    return doc("c", "Trump will meet Putin in 2025-06.")


def test_ingest_stores_documents_layers_and_events(store: Store) -> None:
    report = store.ingest([call_article(), summit_article()])
    assert report.added == ["a", "c"]
    counts = store.counts()
    assert (counts["documents"], counts["mentions"], counts["events"]) == (2, 2, 2)
    assert counts["sentences"] == 4
    rows = store.event_rows(EventFilter())
    assert [(row["date"], row["precision"]) for row in rows] == [("2025-03-18", "day"), ("2025-06", "month")]


def test_reingesting_the_same_documents_is_a_no_op(store: Store) -> None:
    store.ingest([call_article(), summit_article()])
    revision = store.revision()
    report = store.ingest([call_article(), summit_article()])
    assert report.unchanged == ["a", "c"] and not report.added
    assert store.revision() == revision


def test_a_new_document_joins_the_existing_event(store: Store) -> None:
    store.ingest([call_article()])
    store.ingest([call_again_article()])
    (event,) = store.event_rows(EventFilter())
    assert event["n_docs"] == 2
    detail = store.event_detail(event["id"])
    assert [source["doc"] for source in detail["sources"]] == ["a", "b"]
    assert detail["sources"][0]["time_text"] == "2025-03-18"
    start, end = detail["sources"][0]["time_span"]
    assert detail["sources"][0]["text"][start:end] == "2025-03-18"


def test_a_changed_document_replaces_its_old_version_and_evidence(store: Store) -> None:
    store.ingest([call_article(), call_again_article()])
    changed = doc("a", "Biden met Putin on 2025-03-20.")
    report = store.ingest([changed])
    assert report.replaced == ["a"]
    assert store.load_document("a").text == changed.text
    rows = store.event_rows(EventFilter())
    assert sorted((row["date"], row["n_docs"]) for row in rows) == [("2025-03-18", 1), ("2025-03-20", 1)]
    assert store.counts()["sentences"] == 3  # the old version's sentences are gone


def test_a_same_named_file_from_another_folder_is_added_beside_the_stored_one(store: Store) -> None:
    strike = replace(doc("report", "Dockers voted on 2025-06-14 to strike."), source="a/report.txt")
    flood = replace(doc("report", "The river burst its banks on 2025-06-30."), source="b/report.txt")
    store.ingest([strike])
    report = store.ingest([flood])
    (flood_id,) = report.added
    assert flood_id.startswith("report-") and not report.replaced
    assert report.notices == [f"b/report.txt is stored as {flood_id!r}: a/report.txt already has the id 'report'"]
    assert store.load_document("report").text == strike.text
    assert store.load_document(flood_id).text == flood.text
    again = store.ingest([strike, flood])  # either folder again: nothing changes, nothing noted
    assert again.unchanged == ["report", flood_id] and not again.notices
    moved = store.ingest([replace(flood, source="c/report.txt")])
    assert moved.unchanged == [flood_id], "the same content moved is the document stored"
    edited = store.ingest([replace(flood, text="The river burst its banks on 2025-07-01.")])
    assert edited.replaced == [flood_id] and store.counts()["documents"] == 2


def test_an_id_the_input_gives_itself_is_the_same_article_from_any_file(store: Store) -> None:
    first = replace(doc("wire-7", "Kay signed a deal on 2025-03-02."), source="june.json:3", own_id=True)
    store.ingest([first])
    update = replace(first, text="Kay signed a deal on 2025-03-03.", source="july.json:1")
    report = store.ingest([update])
    assert report.replaced == ["wire-7"]
    assert report.notices == ["july.json:1 replaces june.json:3: both give the id 'wire-7'"]


def test_opening_a_story_the_store_lacks_writes_nothing_until_its_first_change(tmp_path: Path, fakes: None) -> None:
    db = tmp_path / "s.db"
    Store(db, "news").ingest([call_article()])
    absent = Store(db, "default")
    assert absent.counts()["documents"] == 0 and absent.event_rows(EventFilter()) == [] and absent.revision() == 0
    assert stories(db) == {"news": 1}
    absent.ingest([summit_article()])
    assert stories(db) == {"default": 1, "news": 1}
    assert [d.id for d in Store(db, "default").documents()] == ["c"]


def test_a_reader_that_names_no_story_gets_the_only_one_or_the_default(tmp_path: Path, fakes: None) -> None:
    db = tmp_path / "s.db"
    assert chosen_story(db, None) == "default"  # no store yet: nothing to choose from
    Store(db, "news").ingest([call_article()])
    assert chosen_story(db, None) == "news" and chosen_story(db, "x") == "x"
    Store(db, "sport").ingest([summit_article()])
    with pytest.raises(UnknownStory, match=r"holds several; name one of: news \(1 document\), sport"):
        chosen_story(db, None)
    Store(db).ingest([call_again_article()])
    assert chosen_story(db, None) == "default"


def test_retracting_a_document_removes_its_evidence(store: Store) -> None:
    store.ingest([call_article(), call_again_article(), summit_article()])
    store.delete_document("c")
    assert [row["date"] for row in store.event_rows(EventFilter())] == ["2025-03-18"]
    store.delete_document("a")
    (event,) = store.event_rows(EventFilter())
    assert event["n_docs"] == 1
    with pytest.raises(KeyError):
        store.delete_document("a")


def test_filters_by_date_status_participant_language_and_text(store: Store) -> None:
    store.ingest([call_article(), summit_article()])

    def dates(**filters: str) -> list[str]:
        return [row["date"] for row in store.event_rows(EventFilter(**filters))]  # type: ignore[arg-type]

    assert dates(date_from="2025-04") == ["2025-06"]
    assert dates(date_to="2025-03") == ["2025-03-18"]
    assert dates(date_from="2025-06-10", date_to="2025-06-12") == [], "June may lie outside 10–12 June"
    assert dates(date_from="2025-06", date_to="2025-06") == ["2025-06"]
    assert dates(status="planned") == ["2025-06"]
    assert dates(participant="person:biden") == ["2025-03-18"]
    assert dates(participant="Trump") == ["2025-06"]
    assert dates(lang="de") == []
    assert dates(text="PHONED") == ["2025-03-18"]
    assert dates(text="100%") == []
    names = {p["name"]: p["events"] for p in store.participants()}
    assert names == {"Putin": 2, "Biden": 1, "Trump": 1}
    store.ingest([doc("old", "The bridge has stood since 1990-05.")])
    assert dates(date_to="2000") == ["1990-05"]
    assert [row["date"] for row in store.event_rows(EventFilter(include_background=False))] == ["2025-03-18", "2025-06"]


def test_presentation_edits_survive_later_ingests(store: Store) -> None:
    store.ingest([call_article(), summit_article()])
    call, summit = (row["id"] for row in store.event_rows(EventFilter()))
    store.rename(call, "First call")
    store.redate(summit, "2025-06-15", "approx")
    store.hide(summit)
    store.ingest([call_again_article(), doc("d", "Trump will meet Putin in 2025-06. Details.")])
    visible = store.event_rows(EventFilter())
    assert [(row["title"], row["n_docs"]) for row in visible] == [("First call", 2)]
    (hidden,) = [row for row in store.event_rows(EventFilter(include_hidden=True)) if row["hidden"]]
    assert (hidden["date"], hidden["mod"], hidden["n_docs"]) == ("2025-06-15", "approx", 2)
    store.hide(summit, hidden=False)
    assert len(store.event_rows(EventFilter())) == 2
    assert [edit["kind"] for edit in store.edits()] == ["rename", "redate", "hide", "hide"]


def test_merge_and_split_are_kept_when_more_evidence_arrives(store: Store) -> None:
    store.ingest([call_article(), summit_article()])
    call, summit = (row["id"] for row in store.event_rows(EventFilter()))
    store.merge(call, summit)
    (merged,) = store.event_rows(EventFilter())
    assert merged["id"] == call and merged["n_docs"] == 2
    store.ingest([call_again_article()])
    (merged,) = store.event_rows(EventFilter())
    assert merged["n_docs"] == 3
    new_id = store.split(call, ["c#0"])
    assert sorted(row["id"] for row in store.event_rows(EventFilter())) == sorted([call, new_id])
    store.ingest([doc("e", "Unrelated vote on 2025-01-02.")])
    assert {row["id"]: row["n_docs"] for row in store.event_rows(EventFilter())}[call] == 2


def sources(store: Store, event_id: str) -> list[str]:
    """The keys of an event's mentions, sorted."""
    return sorted(source["mention"] for source in store.event_detail(event_id)["sources"])


def test_a_merge_holds_for_the_sentences_of_a_replaced_article_on_both_sides(store: Store) -> None:
    store.ingest([call_article(), summit_article()])
    call, summit = (row["id"] for row in store.event_rows(EventFilter()))
    store.merge(call, summit)
    # the merged sentence is now the article's second: its mention has another key
    store.ingest([doc("c", "Markets rose on 2025-07-01. Trump will meet Putin in 2025-06.")])
    assert sources(store, call) == ["a#0", "c#1"]
    store.ingest([doc("a", "Leaders talk. Biden phoned Putin on 2025-03-18. Nothing else. Markets calm.")])
    assert sources(store, call) == ["a#0", "c#1"], "the event merged into holds its sentences too"
    assert [edit["kind"] for edit in store.edits()] == ["merge"]
    assert len(store.event_rows(EventFilter())) == 2, "the merged one and the new sentence's"
    assert store.remerge() == 2 and sources(store, call) == ["a#0", "c#1"], "its keys moved with the article"


def test_a_merge_holds_for_a_sentence_reworded_in_place_and_for_what_remains_of_a_rewritten_article(
    store: Store,
) -> None:
    store.ingest([call_article(), summit_article(), doc("d", "Trump will meet Putin in 2025-06.")])
    call, summit = (row["id"] for row in store.event_rows(EventFilter()))
    store.merge(call, summit)
    store.ingest([doc("c", "Trump will meet Putin and Xi in 2025-06.")])
    assert sources(store, call) == ["a#0", "c#0", "d#0"]
    store.ingest([doc("c", "Markets rose on 2025-07-01.")])
    assert sources(store, call) == ["a#0", "d#0"], "the merged sentence is gone; the merge holds for the rest"
    assert store.remerge() == 2 and sources(store, call) == ["a#0", "d#0"]
    store.delete_document("d")
    store.ingest([doc("d", "Trump will meet Putin in 2025-06.")])
    assert sources(store, call) == ["a#0"], "a retracted article's sentences leave the merge"
    assert store.remerge() == 3 and sources(store, call) == ["a#0"], "a re-merge too"
    assert [edit["kind"] for edit in store.edits()] == ["merge"]


def test_a_split_holds_when_its_article_is_replaced(store: Store) -> None:
    store.ingest([call_article(), call_again_article()])
    (call,) = (row["id"] for row in store.event_rows(EventFilter()))
    split_off = store.split(call, ["b#0"])
    store.ingest([doc("b", "Reaction followed. Biden phoned Putin on 2025-03-18.")])
    assert (sources(store, call), sources(store, split_off)) == (["a#0"], ["b#0"])
    assert store.edits()[0]["mentions"] == ["b#0"]
    store.ingest([doc("a", "Leaders talk today. Biden phoned Putin on 2025-03-18.")])
    assert (sources(store, call), sources(store, split_off)) == (["a#0"], ["b#0"]), "nor does it join the other"


def test_bad_edits_are_refused(store: Store) -> None:
    store.ingest([call_article()])
    (event,) = store.event_rows(EventFilter())
    with pytest.raises(EditError):
        store.rename("nope", "x")
    with pytest.raises(EditError):
        store.redate(event["id"], "18 March")
    with pytest.raises(EditError):
        store.merge(event["id"], event["id"])
    with pytest.raises(EditError):
        store.split(event["id"], ["a#0"])  # all of its mentions
    assert store.edits() == []


def test_stories_in_one_store_are_separate(tmp_path: Path, fakes: None) -> None:
    first = Store(tmp_path / "s.db", "first")
    second = Store(tmp_path / "s.db", "second")
    first.ingest([call_article()])
    second.ingest([summit_article()])
    assert [d.id for d in first.documents()] == ["a"]
    assert [row["date"] for row in second.event_rows(EventFilter())] == ["2025-06"]


def test_the_schema_is_versioned_and_migrated_once(tmp_path: Path, fakes: None) -> None:
    Store(tmp_path / "s.db").ingest([call_article()])
    Store(tmp_path / "s.db").close()  # reopening keeps the data and applies nothing twice
    conn = sqlite3.connect(tmp_path / "s.db")
    assert schema_version(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute("UPDATE schema_version SET version = 999")
    conn.commit()
    with pytest.raises(RuntimeError, match="newer"):
        Store(tmp_path / "s.db")


def test_stored_documents_come_back_with_their_layers(store: Store) -> None:
    store.ingest([call_article()])
    loaded = store.load_document("a")
    assert loaded.text == call_article().text and loaded.lang == "en"
    assert [s.text for s in loaded.sentences][1] == "Biden phoned Putin on 2025-03-18."
    (mention,) = loaded.mentions
    assert [p.key for p in mention.participants] == ["person:biden", "person:putin"]
    assert mention.date.precision.value == "day"


def test_a_fresh_re_merge_keeps_every_edit(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.ingest([summit_article(), call_article(), call_again_article()])
    call, summit = (row["id"] for row in store.event_rows(EventFilter()))
    store.rename(call, "The call")
    store.merge(call, summit)
    split_off = store.split(call, ["b#0"])
    store.hide(split_off)
    before = store.event_rows(EventFilter(include_hidden=True))

    class Renumbering(store_fakes.EventIndex):  # a new merge that names events differently
        def __init__(self) -> None:
            super().__init__()
            self._next = 100

    monkeypatch.setattr(events, "EventIndex", Renumbering)
    assert store.remerge() == 2
    after = store.event_rows(EventFilter(include_hidden=True))
    assert sorted((e["title"], e["n_docs"], e["hidden"]) for e in after) == sorted(
        (e["title"], e["n_docs"], e["hidden"]) for e in before
    )
    (merged,) = [e for e in after if e["title"] == "The call"]
    assert merged["id"] != call  # found again by its anchor, not by its old id
    assert {s["mention"] for s in store.event_detail(merged["id"])["sources"]} == {"a#0", "c#0"}


def test_a_document_the_analysis_fails_on_is_reported_and_the_others_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fragile(document: Document) -> Document:
        if document.id == "c":
            raise RuntimeError("boom")
        return store_fakes.analyse(document)

    monkeypatch.setattr(pipeline, "analyse", fragile)
    report = store.ingest([call_article(), summit_article()])
    assert report.added == ["a"]
    assert [(e.source, "boom" in e.error) for e in report.errors] == [("c.txt", True)]
    assert store.ingest([summit_article()]).errors  # not stored, so tried again next time


def test_the_event_list_is_in_the_timelines_order(tmp_path: Path) -> None:
    """With the real pipeline: "mid-April" lies after 3 April, as the timeline sorts it."""
    store = Store(tmp_path / "s.db")
    text = (
        "Schiff festgesetzt\n\nMitte April 2021 ließ die Kanalbehörde das Schiff per Gerichtsbeschluss festsetzen. "
        "Am 3. April 2021 hatten alle wartenden Schiffe den Kanal passiert. "
        "Am 29. April 2021 begann der Prozess in Ismailia."
    )
    store.ingest([Document(id="m", text=text, lang="de", published=Period.parse("2021-05"))])
    listed = [row["id"] for row in store.event_rows(EventFilter())]
    assert listed == [event.id for event in store.timeline().events]
    assert len(listed) >= 3


def test_a_coarse_date_is_its_own_section_and_not_in_a_narrower_range(tmp_path: Path) -> None:
    """With the real pipeline: "2025" and "the first half of 2025" are not filed under January,
    and a range holds only the events whose date lies wholly inside it."""
    store = Store(tmp_path / "s.db")
    text = (
        "Gipfel geplant\n\nIm Jahr 2025 wollen die Staaten einen Friedensvertrag schließen. "
        "Im ersten Halbjahr 2025 soll ein Gipfel stattfinden. "
        "Am 19. Mai 2025 telefonierte Trump mit Putin. "
        "Im Mai 2025 trafen sich die Außenminister in Istanbul."
    )
    store.ingest([Document(id="g", text=text, lang="de", published=Period.parse("2025-05-20"))])
    sections = {row["date"]: row["section"] for row in store.event_rows(EventFilter())}
    assert sections["2025"] == "2025"
    assert sections["2025-H1"] == "first half of 2025"
    assert sections["2025-05"] == sections["2025-05-19"] == "May 2025"

    def dates(date_from: str, date_to: str) -> set[str]:
        return {row["date"] for row in store.event_rows(EventFilter(date_from=date_from, date_to=date_to))}

    assert "2025-05-19" in dates("2025-05-18", "2025-05-20")
    assert not {"2025", "2025-H1", "2025-05"} & dates("2025-05-18", "2025-05-20")
    assert {"2025-05", "2025-05-19"} <= dates("2025-05", "2025-05")
    assert not {"2025", "2025-H1"} & dates("2025-05", "2025-05")
    assert {"2025", "2025-H1"} <= dates("2025", "2025")


def test_the_event_list_gives_each_event_its_salience_most_salient_first_within_a_date(store: Store) -> None:
    store.ingest([doc("q", "Minor. Officials quoted Lavrov on 2025-03-18."), call_article(), call_again_article()])
    rows = store.event_rows(EventFilter())
    assert [row["n_docs"] for row in rows] == [2, 1], "the call two articles report comes first"
    assert rows[0]["salience"] > rows[1]["salience"] > 0
    assert [(row["id"], row["salience"]) for row in rows] == [(e.id, e.salience) for e in store.timeline().events]


def test_events_stored_without_salience_are_scored_when_the_store_is_opened(tmp_path: Path, fakes: None) -> None:
    Store(tmp_path / "s.db").ingest([call_article(), summit_article()])
    scored = Store(tmp_path / "s.db").event_rows(EventFilter())
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("UPDATE events SET salience = NULL, api = json_set(json_remove(api, '$.section'), '$.salience', 0.0)")
    conn.commit()
    assert Store(tmp_path / "s.db").event_rows(EventFilter()) == scored


def test_a_teaser_stored_with_a_path_that_names_no_file_gets_its_articles_file(tmp_path: Path, fakes: None) -> None:
    Store(tmp_path / "s.db").ingest([replace(call_article(), id="a~2", source="a.txt~2")])  # as 1.0 read it
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("UPDATE schema_version SET version = 3")
    conn.commit()
    teaser = Store(tmp_path / "s.db").load_document("a~2")
    assert (teaser.source, teaser.teaser) == ("a.txt", 2)


def test_worker_processes_store_the_same_as_one_process(tmp_path: Path) -> None:
    """With the real pipeline: worker processes need not see a test's fakes."""
    articles = [
        doc(f"w{i}", f"Vote {i}\n\nThe council of Lindby voted on {i + 1} February 2025 to close the harbour.")
        for i in range(6)
    ]
    single, pooled = Store(tmp_path / "one.db"), Store(tmp_path / "pool.db")
    single.ingest([replace(a) for a in articles], batch_size=4)
    pooled.ingest([replace(a) for a in articles], batch_size=4, workers=2)
    assert pooled.event_rows(EventFilter()) == single.event_rows(EventFilter())
    assert single.event_rows(EventFilter())


WIRE = "Biden phoned Putin on 2025-03-18. " + " ".join(f"The talks covered item number {n}." for n in range(12))


def wire(doc_id: str, published: str | None, *, added: str = "") -> Document:
    """The wire text (with a line an outlet ``added``) as published on a day."""
    return replace(doc(doc_id, WIRE + added), published=Period.parse(published) if published else None)


@pytest.fixture
def real_wire_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.ingest.duplicates import mark_duplicates, mark_in_order

    monkeypatch.setattr(ingest, "mark_duplicates", mark_duplicates)
    monkeypatch.setattr(ingest, "mark_in_order", mark_in_order)


def test_wire_copies_stored_together_count_once_in_the_event_list(store: Store, real_wire_copies: None) -> None:
    store.ingest([wire("w1", "2025-03-18"), doc("w2", WIRE + " Our outlet.")])
    (event,) = store.event_rows(EventFilter())
    assert (event["n_docs"], event["n_independent"]) == (2, 1)


def test_a_wire_copy_from_a_later_ingest_counts_once_in_the_timeline_and_the_event_list(
    store: Store, real_wire_copies: None
) -> None:
    store.ingest([wire("w1", "2025-03-18")])
    store.ingest([wire("w2", "2025-03-19", added=" Our outlet adds a line.")])
    documents = {d.id: d for d in store.timeline().documents}
    assert documents["w2"].duplicate_of == "w1"
    (event,) = store.event_rows(EventFilter())
    assert (event["n_docs"], event["n_independent"]) == (2, 1)


def test_an_original_ingested_after_its_copies_becomes_their_original(store: Store, real_wire_copies: None) -> None:
    store.ingest([wire("copy1", "2025-03-19", added=" First outlet.")])
    store.ingest([wire("copy2", "2025-03-20", added=" Second outlet.")])
    store.ingest([wire("wire", "2025-03-18")])
    documents = {d.id: d for d in store.documents()}
    assert (documents["copy1"].duplicate_of, documents["copy2"].duplicate_of) == ("wire", "wire")
    assert documents["wire"].duplicate_of is None
    (event,) = store.event_rows(EventFilter())
    assert (event["n_docs"], event["n_independent"]) == (3, 1)


def test_copies_of_a_retracted_original_are_compared_again(store: Store, real_wire_copies: None) -> None:
    store.ingest([wire("w1", "2025-03-18")])
    store.ingest([wire("w2", "2025-03-19", added=" Second.")])
    store.ingest([wire("w3", "2025-03-20", added=" Third.")])
    store.delete_document("w1")
    assert {d.id: d.duplicate_of for d in store.documents()} == {"w2": None, "w3": "w2"}
    (event,) = store.event_rows(EventFilter())
    assert (event["n_docs"], event["n_independent"]) == (2, 1)


def test_a_document_added_after_the_last_one_was_retracted_is_still_compared(
    store: Store, real_wire_copies: None
) -> None:
    store.ingest([wire("w1", "2025-03-18")])
    store.ingest([replace(doc("x", "Another story entirely."), published=Period.parse("2025-03-18"))])
    store.delete_document("x")
    store.ingest([wire("w2", "2025-03-19", added=" Our outlet.")])
    assert {d.id: d.duplicate_of for d in store.documents()} == {"w1": None, "w2": "w1"}


def test_undated_copies_from_separate_ingests_count_once(store: Store, real_wire_copies: None) -> None:
    store.ingest([wire("w1", None)])
    store.ingest([wire("w2", None, added=" Our outlet.")])
    assert {d.id: d.duplicate_of for d in store.documents()} == {"w1": None, "w2": "w1"}


def test_a_store_from_before_the_copy_check_is_checked_when_opened(
    tmp_path: Path, fakes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = Store(tmp_path / "s.db")
    old.ingest([wire("w1", "2025-03-18")])
    old.ingest([wire("w2", "2025-03-19", added=" Our outlet.")])
    old.close()
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("UPDATE stories SET copies_checked = 0")  # as schema v1 left it
    conn.commit()
    from storyline.ingest.duplicates import mark_in_order

    monkeypatch.setattr(ingest, "mark_in_order", mark_in_order)
    assert {d.id: d.duplicate_of for d in Store(tmp_path / "s.db").documents()} == {"w1": None, "w2": "w1"}


def test_documents_far_apart_are_not_compared_when_added_later(store: Store, real_wire_copies: None) -> None:
    store.ingest([wire("w1", "2025-03-18")])
    store.ingest([wire("w2", "2025-04-18", added=" A month later.")])
    assert {d.id: d.duplicate_of for d in store.documents()} == {"w1": None, "w2": None}


def upgrade(monkeypatch: pytest.MonkeyPatch) -> None:
    """Storyline upgraded: another analysis version, whose analysis reads every event as reported."""

    def later_analysis(document: Document) -> Document:
        store_fakes.analyse(document)
        document.mentions = [replace(mention, status=Status.REPORTED) for mention in document.mentions]
        return document

    monkeypatch.setattr(codec, "analysis_version", lambda: "a later storyline")
    monkeypatch.setattr(pipeline, "analyse", later_analysis)


def read_without_language(document: Document) -> Document:
    """As a reader gives a plain text file: the language is left to the analysis."""
    return replace(document, lang="")


def test_reanalysing_after_an_upgrade_analyses_the_stored_documents_afresh_without_their_files(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [read_without_language(call_article()), summit_article()]
    store.ingest([replace(a) for a in articles])
    assert store.reanalyse().unchanged == ["a", "c"], "analysed by this storyline: nothing to do"
    assert {row["status"] for row in store.event_rows(EventFilter())} == {"occurred", "planned"}
    upgrade(monkeypatch)

    report = store.reanalyse()
    assert (report.replaced, report.unchanged, report.added, report.errors) == (["a", "c"], [], [], [])
    assert {row["status"] for row in store.event_rows(EventFilter())} == {"reported"}
    assert store.load_document("a").lang == "en", "the language the analysis found"
    assert store.counts()["documents"] == 2
    # stored with the hash an ingest of the same articles computes: they count as unchanged
    assert store.ingest([replace(a) for a in articles]).unchanged == ["a", "c"]
    revision = store.revision()
    assert store.reanalyse().unchanged == ["a", "c"]
    assert store.revision() == revision, "a second run writes nothing"


def test_reanalysing_keeps_the_ids_of_same_named_articles_and_where_they_were_read(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    strike = replace(doc("report", "Dockers voted on 2025-06-14 to strike."), source="a/report.txt")
    flood = replace(doc("report", "The river burst its banks on 2025-06-30."), source="b/report.txt")
    store.ingest([strike])
    (flood_id,) = store.ingest([flood]).added
    upgrade(monkeypatch)
    monkeypatch.chdir(tmp_path)  # another working folder: the stored origins still tell the files apart

    report = store.reanalyse()
    assert sorted(report.replaced) == sorted(["report", flood_id]) and not report.added
    assert store.counts()["documents"] == 2
    monkeypatch.undo()
    upgrade(monkeypatch)
    again = store.ingest([strike, flood])
    assert again.unchanged == ["report", flood_id] and not again.notices


def test_reanalysing_keeps_edits_as_ingesting_the_articles_again_does(tmp_path: Path, fakes: None) -> None:
    articles = [call_article(), summit_article(), call_again_article(), doc("d", "Trump will meet Putin in 2025-06.")]
    stores = {way: Store(tmp_path / f"{way}.db") for way in ("reanalysed", "ingested again")}
    for store in stores.values():
        store.ingest([replace(a) for a in articles[:2]])
        store.ingest([replace(a) for a in articles[2:]])
        call, summit = (row["id"] for row in store.event_rows(EventFilter()))
        store.rename(call, "The call")
        store.redate(summit, "2025-06-15", "approx")
        store.hide(summit)
    before = stores["reanalysed"].event_rows(EventFilter(include_hidden=True))
    with pytest.MonkeyPatch.context() as monkeypatch:
        upgrade(monkeypatch)
        # one document a batch: each event keeps evidence while its documents are replaced
        assert len(stores["reanalysed"].reanalyse(batch_size=1).replaced) == 4
        assert len(stores["ingested again"].ingest([replace(a) for a in articles], batch_size=1).replaced) == 4
    after = stores["reanalysed"].event_rows(EventFilter(include_hidden=True))
    assert after == stores["ingested again"].event_rows(EventFilter(include_hidden=True))
    assert [(e["id"], e["title"], e["date"], e["mod"], e["hidden"], e["n_docs"]) for e in after] == [
        (e["id"], e["title"], e["date"], e["mod"], e["hidden"], e["n_docs"]) for e in before
    ]
    assert [e["title"] for e in after if not e["hidden"]] == ["The call"]
    assert {e["status"] for e in after} == {"reported"}, "with the new analysis"


def test_reanalysing_keeps_merges_and_splits(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.ingest([call_article(), summit_article(), call_again_article()])
    call, summit = (row["id"] for row in store.event_rows(EventFilter()))
    store.merge(call, summit)
    split_off = store.split(call, ["b#0"])
    before = {row["id"]: sources(store, row["id"]) for row in store.event_rows(EventFilter())}
    assert before == {call: ["a#0", "c#0"], split_off: ["b#0"]}
    upgrade(monkeypatch)
    assert len(store.reanalyse(batch_size=1).replaced) == 3
    assert {row["id"]: sources(store, row["id"]) for row in store.event_rows(EventFilter())} == before


def test_an_interrupted_reanalysis_keeps_whole_batches_and_a_rerun_continues(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [doc(f"v{i}", f"Vote {i}. The council voted on 2025-02-{i + 1:02d}.") for i in range(7)]
    store.ingest(articles)
    upgrade(monkeypatch)
    later_analysis = pipeline.analyse

    def interrupted(document: Document) -> Document:
        if document.id == "v5":
            raise KeyboardInterrupt
        return later_analysis(document)

    monkeypatch.setattr(pipeline, "analyse", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.reanalyse(batch_size=2)
    statuses = [row["status"] for row in store.event_rows(EventFilter())]
    assert statuses == ["reported"] * 4 + ["occurred"] * 3, "the two whole batches before v5"
    monkeypatch.setattr(pipeline, "analyse", later_analysis)
    report = store.reanalyse(batch_size=2)
    assert (report.unchanged, report.replaced) == (["v0", "v1", "v2", "v3"], ["v4", "v5", "v6"])
    assert [row["status"] for row in store.event_rows(EventFilter())] == ["reported"] * 7


def test_reanalysing_leaves_a_document_another_writer_changes_or_retracts_meanwhile(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.ingest([call_article(), call_again_article(), summit_article()])
    upgrade(monkeypatch)
    later_analysis = pipeline.analyse
    other_writer = Store(store.path)
    changed_summit = doc("c", "Trump will meet Putin in 2025-07.")

    def meanwhile(document: Document) -> Document:
        if document.id == "a":  # the whole batch is read from the store by now
            other_writer.delete_document("b")
            other_writer.ingest([replace(changed_summit)])
        return later_analysis(document)

    monkeypatch.setattr(pipeline, "analyse", meanwhile)
    report = store.reanalyse()
    assert (report.replaced, sorted(report.unchanged)) == (["a"], ["b", "c"])
    assert [d.id for d in store.documents()] == ["c", "a"], "b stays retracted"
    assert store.load_document("c").text == changed_summit.text, "the other writer's version stays"
