"""The story desk's JSON API: reading, filtering, adding, retracting, editing, and its limits."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from storyline.web.app import create_app
from storyline.web.config import DeskConfig


def events(client: TestClient, **params: str) -> list[dict[str, Any]]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()["events"]
    return result


def test_events_come_in_date_order_at_their_precision(client: TestClient) -> None:
    rows = events(client)
    assert [(e["date"], e["precision"], e["status"]) for e in rows] == [
        ("2025-03-18", "day", "occurred"),
        ("2025-06", "month", "planned"),
    ]
    labels = [(e["date_label"], e["section"]) for e in rows]
    assert labels == [("18 March 2025", "March 2025"), ("June 2025", "June 2025")]
    assert all(e["salience"] > 0 for e in rows), "each event carries the salience build gives it"


def test_events_can_be_filtered(client: TestClient) -> None:
    assert [e["date"] for e in events(client, **{"from": "2025-04"})] == ["2025-06"]
    assert [e["date"] for e in events(client, to="2025-03-31")] == ["2025-03-18"]
    assert [e["date"] for e in events(client, **{"from": "2025-06-01", "to": "2025-06-15"})] == [], "June may lie later"
    assert [e["date"] for e in events(client, participant="person:biden")] == ["2025-03-18"]
    assert [e["date"] for e in events(client, status="planned")] == ["2025-06"]
    assert [e["date"] for e in events(client, q="meet")] == ["2025-06"]
    assert events(client, lang="de") == []
    assert client.get("/api/events", params={"from": "March"}).status_code == 422
    assert client.get("/api/events", params={"status": "rumoured"}).status_code == 422


def test_an_event_lists_its_sources_with_the_time_expression(client: TestClient) -> None:
    call = events(client)[0]
    detail = client.get(f"/api/events/{call['id']}").json()
    (source,) = detail["sources"]
    assert source["doc"] == "call" and source["url"] == "https://example.org/call"
    start, end = source["time_span"]
    assert source["text"][start:end] == "2025-03-18"
    assert client.get("/api/events/nope").status_code == 404


def test_a_document_comes_with_its_time_expressions_marked(client: TestClient) -> None:
    doc = client.get("/api/documents/call").json()
    marked = [s for s in doc["segments"] if "timex" in s]
    assert [(s["text"], s["timex"]) for s in marked] == [("2025-03-18", "2025-03-18")]
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    assert client.get("/api/documents/none").status_code == 404


def test_adding_articles_follows_the_cli_rules(client: TestClient) -> None:
    record = {"title": "Again", "text": "Again.\nBiden phoned Putin on 2025-03-18. Once more."}
    report = client.post("/api/documents", json=[record, {"title": "no text"}]).json()
    assert len(report["added"]) == 1 and report["added"][0].startswith("web-")
    assert report["errors"] == [{"source": "request:2", "error": "record has no text; skipped"}]
    assert events(client)[0]["n_docs"] == 2
    stored = client.get(f"/api/documents/{report['added'][0]}").json()
    assert stored["source"] == "request:1", "the record's place in the request, not the server's temporary file"
    assert client.post("/api/documents", json=record).json()["unchanged"] == report["added"]
    assert client.post("/api/documents?strict=true", json=[record, {"title": "x"}]).status_code == 422
    assert client.post("/api/documents", json=[{"title": "no text"}]).status_code == 422
    assert (
        client.post("/api/documents", content=b"{oops", headers={"content-type": "application/json"}).status_code == 422
    )


def test_uploaded_files_never_choose_a_path(client: TestClient) -> None:
    text = b"Vote\nThe council voted on 2025-04-02."
    response = client.post("/api/documents", files={"file": ("../../etc/vote.txt", text, "text/plain")})
    assert response.status_code == 200 and response.json()["added"] == ["vote"]
    assert (
        client.post("/api/documents", files={"file": ("run.exe", b"MZ", "application/octet-stream")}).status_code == 415
    )
    edited = client.post("/api/documents", files={"file": ("vote.txt", text + b" Again.", "text/plain")})
    assert edited.json()["replaced"] == ["vote"], "the same name uploaded again is the same article"
    plain = client.post("/api/documents", content=text, headers={"content-type": "text/plain"})
    assert plain.json()["unchanged"] == [] and len(plain.json()["added"]) == 1


def test_uploads_take_every_file_type_the_readers_know(client: TestClient) -> None:
    record = b'{"title": "Vote", "text": "Vote\\nThe council voted on 2025-04-02."}\n'
    response = client.post("/api/documents", files={"file": ("votes.ndjson", record, "application/x-ndjson")})
    assert response.status_code == 200 and len(response.json()["added"]) == 1


def test_bodies_over_the_limit_are_refused(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_body=2000)
    big = {"title": "big", "text": "word " * 1000}
    assert client.post("/api/documents", json=big).status_code == 413
    assert len(events(client)) == 2


def test_a_token_guards_every_change(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token="s3cret")
    call = events(client)[0]["id"]
    assert client.post(f"/api/events/{call}/rename", json={"title": "x"}).status_code == 401
    assert client.delete("/api/documents/call").status_code == 401
    assert client.post("/api/documents", json={"text": "x 2025-01-01."}).status_code == 401
    good = {"X-Storyline-Token": "s3cret"}
    assert client.post(f"/api/events/{call}/rename", json={"title": "x"}, headers=good).status_code == 200
    assert client.delete("/api/documents/call", headers={"Authorization": "Bearer s3cret"}).status_code == 204


def test_edits_through_the_api(client: TestClient) -> None:
    call, summit = (e["id"] for e in events(client))
    assert (
        client.post(f"/api/events/{call}/rename", json={"title": "The first call"}).json()["title"] == "The first call"
    )
    redated = client.post(f"/api/events/{summit}/redate", json={"date": "2025-06-20", "mod": "approx"}).json()
    assert (redated["date"], redated["precision"], redated["mod"]) == ("2025-06-20", "day", "approx")
    assert client.post(f"/api/events/{summit}/redate", json={"date": "soon"}).status_code == 422
    assert client.post(f"/api/events/{summit}/hide", json={"hidden": True}).json()["hidden"] is True
    assert [e["id"] for e in events(client)] == [call]
    assert len(events(client, hidden="true")) == 2
    merged = client.post(f"/api/events/{call}/merge", json={"other": summit}).json()
    assert len(merged["sources"]) == 2
    split = client.post(f"/api/events/{call}/split", json={"mentions": ["summit#0"]})
    assert split.status_code == 200 and [s["doc"] for s in split.json()["new"]["sources"]] == ["summit"]
    assert client.post("/api/events/nope/rename", json={"title": "x"}).status_code == 404
    assert [e["kind"] for e in client.get("/api/edits").json()] == ["rename", "redate", "hide", "merge", "split"]


def test_retracting_a_document_removes_its_evidence(client: TestClient) -> None:
    assert client.delete("/api/documents/summit").status_code == 204
    assert [e["date"] for e in events(client)] == ["2025-03-18"]
    assert client.delete("/api/documents/summit").status_code == 404


def test_the_timelinejs_export(client: TestClient) -> None:
    data = client.get("/api/timeline.json").json()
    assert len(data["events"]) == 2
    assert all("start_date" in event for event in data["events"])


def test_the_page_and_the_docs_request_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/", "/docs"):
        response = client.get(path)
        assert response.status_code == 200
        assert "default-src 'self'" in response.headers["content-security-policy"]
        references = re.findall(r'(?:src|href)="([^"]*)"', response.text)
        assert references and all(ref.startswith(("/", "#", "data:")) for ref in references), references
    assert "/api/events" in client.get("/docs").text
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/..%2F__init__.py").status_code == 404
    assert client.get("/static/missing.css").status_code == 404


def test_other_sites_cannot_write_or_pose_as_the_server(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    article = b"Vote\nThe council voted on 2025-04-02."
    foreign = {"content-type": "text/plain", "origin": "http://evil.example"}
    assert client.post("/api/documents", content=article, headers=foreign).status_code == 403
    own = {"content-type": "text/plain", "origin": "http://testserver"}
    assert client.post("/api/documents", content=article, headers=own).status_code == 200


def test_a_loopback_server_answers_only_to_its_own_names(tmp_path: Path, fakes: None) -> None:
    app = create_app(DeskConfig(tmp_path / "desk.db", allowed_hosts=("127.0.0.1", "localhost")))
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/api/events").status_code == 200
    assert TestClient(app, base_url="http://rebound.example:8765").get("/api/events").status_code == 400
