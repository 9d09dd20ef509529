"""`storyline build`: files in, a timeline out; bad inputs reported, the rest still processed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.cli import main


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "call.txt").write_text(
        " date 2025-05-17 Trump will am Montag mit Putin telefonieren\n\n"
        "US-Präsident Donald Trump will am Montag mit Kremlchef Wladimir Putin telefonieren. "
        "Das Telefonat ist für 10 Uhr angesetzt.\n",
        encoding="utf-8",
    )
    (folder / "summit.json").write_text(
        json.dumps({
            "title": "Leaders meet in Alaska",
            "text": "Leaders meet in Alaska\n\nPresident Donald Trump met Russian President Vladimir Putin "
            "in Alaska on Friday for a summit on the war.",
            "published": "2025-08-16",
            "url": "https://example.org/alaska",
            "lang": "en",
        }),
        encoding="utf-8",
    )
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_output_follows_the_contract(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build", str(articles), "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert {"version", "documents", "events", "errors"} <= result.keys()
    days = {e["date"][:10]: e for e in result["events"]}
    assert {s["status"] for s in days["2025-05-19"]["sources"]} == {"planned"}
    assert {s["doc"] for s in days["2025-05-19"]["sources"]} == {"call"}
    assert "2025-08-15" in days
    assert {e["source"].rsplit("/", 1)[-1] for e in result["errors"]} == {"broken.json", "empty.txt"}
    assert "broken.json" in err and "empty.txt" in err


def test_strict_fails_on_any_input_error(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "build", str(articles), "--strict")
    assert code == 1


def test_nothing_readable_is_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "build", str(tmp_path))
    assert code == 1
    assert "empty.txt" in err
    assert f"no readable articles found in {tmp_path}" in err


def test_a_folder_without_articles_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    code, _, err = run(capsys, "build", str(tmp_path))
    assert code == 1
    assert f"storyline: error: {tmp_path}: no article files in this folder (looked for .htm" in err
    assert f"no readable articles found in {tmp_path}" in err


def test_output_file_format_follows_its_suffix(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "timeline.html"
    code, out, _ = run(capsys, "build", str(articles), "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_markdown_is_the_default(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "build", str(articles))
    assert code == 0
    assert "Putin" in out and "2025" in out


def test_query_and_max_events_narrow_the_timeline(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "build", str(articles), "--format", "json", "--query", "Alaska summit")
    assert [e["date"] for e in json.loads(out)["events"]] == ["2025-08-15"]
    _, out, _ = run(capsys, "build", str(articles), "--format", "json", "--max-events", "1")
    assert len(json.loads(out)["events"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        ["--query", "Alaska summit"],
        ["--query", "Alaska", "--query", "summit"],
        ["--query", "Alaska", "summit"],  # as earlier versions took it: read too, with a warning
    ],
)
def test_query_words_come_in_one_value_or_the_option_repeated(
    articles: Path, capsys: pytest.CaptureFixture[str], query: list[str]
) -> None:
    code, out, err = run(capsys, "build", str(articles), "--format", "json", *query)
    assert code == 0
    assert [e["date"] for e in json.loads(out)["events"]] == ["2025-08-15"]
    assert ("--query Alaska --query summit" in err) == (query[-2] == "Alaska")


def test_an_article_folder_after_the_query_is_read_as_one(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "build", "--query", "Alaska", str(articles), "--format", "json")
    assert code == 0
    assert [e["date"] for e in json.loads(out)["events"]] == ["2025-08-15"]


def test_counts_on_stderr_are_singular_for_one(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "build", str(articles / "call.txt"))
    assert "storyline: 1 document, 0 errors, " in err


def test_dct_option_dates_undated_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "undated.txt").write_text(
        "Trump telefoniert\n\nDonald Trump hat mit Wladimir Putin telefoniert.\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, "build", str(tmp_path), "--format", "json", "--dct", "2025-02-12")
    result = json.loads(out)
    assert result["documents"][0]["published"] == "2025-02-12"
    assert [e["date"] for e in result["events"]] == ["2025-02-12"]


def test_a_bad_dct_option_is_refused(articles: Path) -> None:
    with pytest.raises(SystemExit, match="--dct"):
        main(["build", str(articles), "--dct", "2025-13-01"])


def test_workers_give_the_same_timeline(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, single, _ = run(capsys, "build", str(articles), "--format", "json")
    _, pooled, _ = run(capsys, "build", str(articles), "--format", "json", "--workers", "2")
    assert json.loads(single) == json.loads(pooled)


def test_with_text_adds_the_text_the_offsets_refer_to(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "build", str(articles), "--format", "json", "--with-text")
    result = json.loads(out)
    texts = {d["id"]: d["text"] for d in result["documents"]}
    for event in result["events"]:
        for source in event["sources"]:
            cited = texts[source["doc"]][source["start"] : source["end"]]
            assert cited.strip()
            if source["time_text"]:
                assert source["time_text"] in cited


def test_a_missing_story_desk_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no store at"):
        main(["build", "--db", str(tmp_path / "missing.db")])


def test_a_story_desk_read_without_story_gives_its_only_story_and_names_several(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    (tmp_path / "vote.txt").write_text("Vote\nThe council voted on 2 April 2025.\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "vote.txt"), "--db", str(db), "--story", "news"]) == 0
    capsys.readouterr()
    assert main(["build", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert "2 April 2025" in out and f"story 'news', the only one in {db}" in err
    with pytest.raises(SystemExit, match=r"no story 'x' in .*; its stories: news \(1 document\)$"):
        main(["build", "--db", str(db), "--story", "x"])  # asking for it created no "default" story
    assert main(["ingest", str(tmp_path / "vote.txt"), "--db", str(db), "--story", "city"]) == 0
    with pytest.raises(SystemExit, match=r"name one of: city \(1 document\), news \(1 document\)$"):
        main(["build", "--db", str(db)])


@pytest.mark.parametrize("command", ["build", "ingest"])
def test_a_file_that_is_no_store_is_a_one_line_error_and_stays_as_it_was(tmp_path: Path, command: str) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are notes, not a database " * 100)
    args = [command, "--db", str(junk)] + ([str(tmp_path)] if command == "ingest" else [])
    with pytest.raises(SystemExit, match="is no storyline store"):
        main(args)
    assert junk.read_bytes() == b"these are notes, not a database " * 100


def test_the_timeline_does_not_depend_on_the_interpreters_hash_seed() -> None:
    """Sets iterate in an order that changes with PYTHONHASHSEED; the events must not."""
    examples = Path(__file__).resolve().parents[2] / "examples"
    command = [sys.executable, "-c", "from storyline.cli import main; main()", "build", str(examples), "--format=json"]
    outputs = [
        subprocess.run(command, capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "5")
    ]
    assert outputs[0] == outputs[1]
