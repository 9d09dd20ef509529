"""`storyline summarise`: articles in, the days that matter told in quoted, cited sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_markdown_tells_each_day_in_quoted_sentences_that_cite_their_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "summarise", str(EXAMPLES), "--dates", "3", "--sentences", "2")
    assert code == 0
    assert out.startswith("# Timeline summary\n")
    days = [line for line in out.splitlines() if line.startswith("## ")]
    assert 1 <= len(days) <= 3
    bullets = out.splitlines()
    quotes = [i for i, line in enumerate(bullets) if line.startswith("- ")]
    assert quotes
    assert all(bullets[i + 1].startswith("  — ") and "examples/" in bullets[i + 1] for i in quotes)
    assert "12 documents, 0 errors" in err


def test_json_days_are_in_date_order_and_cite_documents_it_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "summary.json"
    code, out, _ = run(capsys, "summarise", str(EXAMPLES), "--dates", "4", "-o", str(output))
    assert code == 0 and out == ""
    result = json.loads(output.read_text(encoding="utf-8"))
    assert (result["kind"], result["version"], result["documents_read"]) == ("storyline-summary", "1.2", 12)
    dates = [day["date"] for day in result["days"]]
    assert dates == sorted(dates) and 1 <= len(dates) <= 4
    listed = {doc["id"] for doc in result["documents"]}
    cited = {s["doc"] for day in result["days"] for s in day["sentences"]}
    assert cited == listed
    assert all(1 <= len(day["sentences"]) <= 2 for day in result["days"])


def test_bad_input_is_reported_and_the_rest_summarised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "call.txt").write_text(
        " date 2025-02-12 Trump telefoniert mit Putin\n\n"
        "US-Präsident Donald Trump hat am Mittwoch mit Kremlchef Wladimir Putin telefoniert. "
        "Beide vereinbarten sofortige Verhandlungen über ein Ende des Krieges.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "summarise", str(tmp_path))
    assert code == 0
    assert "empty.txt" in err and "empty.txt" in out  # on stderr as it happens, and listed
    assert "Trump" in out
    code, _, _ = run(capsys, "summarise", str(tmp_path), "--strict")
    assert code == 1


def test_the_number_of_days_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["summarise", str(EXAMPLES), "--dates", "0"])
    assert "at least 1" in capsys.readouterr().err


def test_a_story_desk_is_summarised_as_its_articles_are(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "story.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(db)]) == 0
    _, from_files, _ = run(capsys, "summarise", str(EXAMPLES), "--dates", "3", "--format", "json")
    code, from_store, err = run(capsys, "summarise", "--db", str(db), "--dates", "3", "--format", "json")
    assert code == 0 and "12 documents" in err
    days = [[(s["doc"], s["sentence"]) for s in day["sentences"]] for day in json.loads(from_store)["days"]]
    assert days == [[(s["doc"], s["sentence"]) for s in day["sentences"]] for day in json.loads(from_files)["days"]]


def test_a_missing_store_or_no_articles_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no store at"):
        main(["summarise", "--db", str(tmp_path / "none.db")])
    with pytest.raises(SystemExit, match="give article files or folders, or --db"):
        main(["summarise"])


def test_keywords_take_one_value_each_so_a_folder_after_them_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = set()
    for keywords in (
        ["--keywords", "Ever Given, Suez"],
        ["--keywords", "Ever Given", "--keywords", "Suez"],
        ["--keywords", "Ever Given", "Suez"],  # as earlier versions documented it: read too, with a warning
    ):
        code, out, err = run(capsys, "summarise", str(EXAMPLES), "--dates", "2", *keywords)
        assert code == 0
        assert ("write --keywords 'Ever Given' --keywords Suez" in err) == (keywords[-2] == "Ever Given")
        outputs.add(out)
    assert len(outputs) == 1
    code, _, err = run(capsys, "summarise", "--keywords", "Suez", str(EXAMPLES), "--dates", "2")
    assert code == 0 and "12 documents, 0 errors" in err
