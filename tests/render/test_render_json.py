"""The JSON contract: stable keys, honest dates, sources that point back into the text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from storyline.model import Timeline
from storyline.render import FORMATS, render
from storyline.render.jsonout import VERSION

DOCUMENT_KEYS = {"id", "title", "published", "published_precision", "lang", "source", "url", "outlet"}
EVENT_KEYS = {
    "id", "date", "precision", "mod", "status", "title", "summary", "participants",
    "salience", "conflicts", "sources",
}  # fmt: skip
SOURCE_KEYS = {"doc", "sentence", "start", "end", "time_text", "time_value", "status", "attributed_to"}


def contract(timeline: Timeline, *, with_text: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(timeline, "json", with_text=with_text))
    return data


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_top_level_is_version_documents_events_errors(timeline: Timeline) -> None:
    data = contract(timeline)
    assert list(data) == ["version", "documents", "events", "errors"]
    assert data["version"] == VERSION == "1.2"


def test_every_contract_key_is_present(timeline: Timeline) -> None:
    data = contract(timeline)
    for doc in data["documents"]:
        assert doc.keys() >= DOCUMENT_KEYS
        assert "text" not in doc
    for event in data["events"]:
        assert event.keys() >= EVENT_KEYS
        for source in event["sources"]:
            assert source.keys() >= SOURCE_KEYS
        for conflict in event["conflicts"]:
            assert {"date", "precision", "docs"} <= conflict.keys()


def test_documents_keep_the_precision_of_their_publication_date(timeline: Timeline) -> None:
    docs = by_id(contract(timeline)["documents"])
    assert (docs["000_zeitung"]["published"], docs["000_zeitung"]["published_precision"]) == ("2025-05-17", "day")
    assert (docs["001_wire"]["published"], docs["001_wire"]["published_precision"]) == ("2025-05", "month")
    assert docs["002_copy"]["published"] is None and docs["002_copy"]["published_precision"] is None
    assert docs["002_copy"]["duplicate_of"] == "001_wire"
    assert docs["000_zeitung"]["outlet"] == "Beispiel-Zeitung"
    assert docs["000_zeitung"]["lang"] == "de"


@pytest.mark.parametrize(
    ("event_id", "date", "precision", "mod"),
    [
        ("ev-call", "2025-05-19", "day", None),
        ("ev-summit", "2025-08", "month", "mid"),
        ("ev-cancel", "2025-05-19T10:00", "time", None),
        ("ev claimed/1", "2025-W19", "week", None),
        ("ev-background", "2025-Q1", "quarter", None),
        ("ev-year", "2025", "year", None),
    ],
)
def test_event_dates_are_iso_values_at_their_precision(
    timeline: Timeline, event_id: str, date: str, precision: str, mod: str | None
) -> None:
    event = by_id(contract(timeline)["events"])[event_id]
    assert (event["date"], event["precision"], event["mod"]) == (date, precision, mod)


def test_events_come_in_date_order(timeline: Timeline) -> None:
    dates = [event["date"] for event in contract(timeline)["events"]]
    assert dates == ["2025", "2025-Q1", "2025-03-18", "2025-W19", "2025-05-19", "2025-05-19T10:00", "2025-08"]


def test_sources_point_at_the_cited_sentence_in_the_document_text(timeline: Timeline) -> None:
    data = contract(timeline, with_text=True)
    texts = {doc["id"]: doc["text"] for doc in data["documents"]}
    march = by_id(data["events"])["ev-march"]
    assert [source["doc"] for source in march["sources"]] == ["000_zeitung", "001_wire"]
    for source in march["sources"]:
        cited = texts[source["doc"]][source["start"] : source["end"]]
        assert source["time_text"] is not None and source["time_text"] in cited
    assert march["sources"][1]["time_value"] == "2025-03-19"


def test_each_source_keeps_its_own_status_and_claimant(timeline: Timeline) -> None:
    events = by_id(contract(timeline)["events"])
    claimed = events["ev claimed/1"]
    assert claimed["status"] == "reported"
    assert {(s["status"], s["attributed_to"]) for s in claimed["sources"]} == {("reported", "the Kremlin")}
    assert events["ev-call"]["sources"][0]["status"] == "planned"
    assert events["ev-call"]["sources"][0]["attributed_to"] is None


def test_conflicts_name_the_other_date_and_its_sources(timeline: Timeline) -> None:
    march = by_id(contract(timeline)["events"])["ev-march"]
    assert march["conflicts"] == [{"date": "2025-03-19", "precision": "day", "mod": None, "docs": ["001_wire"]}]


def test_text_only_with_with_text(timeline: Timeline) -> None:
    with_text = by_id(contract(timeline, with_text=True)["documents"])
    assert with_text["000_zeitung"]["text"].startswith("Kanzlerin Beispiel")


def test_non_ascii_stays_readable_and_output_is_stable(timeline: Timeline) -> None:
    first = render(timeline, "json")
    assert "Präsident" in first and "\\u00e4" not in first
    assert first == render(timeline, "json")
    assert first.startswith('{\n  "version"')


def test_salience_background_and_errors(timeline: Timeline) -> None:
    data = contract(timeline)
    events = by_id(data["events"])
    assert events["ev-call"]["salience"] == pytest.approx(0.8123, abs=1e-4)
    assert events["ev-background"]["background"] is True
    assert events["ev-call"]["background"] is False
    assert data["errors"] == [{"source": "articles/broken.json", "error": "record 3: not valid JSON"}]


def test_empty_timeline_is_valid_json() -> None:
    data = contract(Timeline(documents=[], events=[]))
    assert data == {"version": VERSION, "documents": [], "events": [], "errors": []}


def test_unknown_format_is_refused(timeline: Timeline) -> None:
    assert set(FORMATS) == {"json", "md", "html", "timelinejs"}
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(timeline, "pdf")


def test_participants_carry_name_key_and_kind(timeline: Timeline) -> None:
    call = by_id(contract(timeline)["events"])["ev-call"]
    assert call["participants"] == [
        {"name": "Beispiel", "key": "person:beispiel", "kind": "person"},
        {"name": "Präsident", "key": "person:praesident", "kind": "person"},
    ]


def test_sources_quote_the_cited_text_without_the_full_document(timeline: Timeline) -> None:
    call = by_id(contract(timeline)["events"])["ev-call"]
    assert call["sources"][0]["quote"] == "Die Kanzlerin will am Montag mit dem Präsidenten telefonieren."
