"""``storyline ingest``: error reporting, exit codes, re-analysis, and surviving ``kill -9``."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.cli import main
from storyline.model import Document
from storyline.store import EventFilter, Store, codec

FAKES = Path(__file__).with_name("store_fakes.py")


def write_articles(folder: Path, count: int) -> None:
    """Five kinds of happening on 28 days: 140 distinct events."""
    folder.mkdir(parents=True, exist_ok=True)
    verbs = ("signed", "vetoed", "drafted", "praised", "cancelled")
    for i in range(count):
        day = 1 + i % 28
        (folder / f"art{i:04d}.txt").write_text(
            f"Report {i}\nMinister Kay {verbs[i % 5]} a deal on 2025-03-{day:02d}. Aides cheered.\n",
            encoding="utf-8",
        )


def consistency(db: Path) -> tuple[int, int, int]:
    """Documents, mentions and events of a store, after checking that they agree."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute(
        "SELECT COUNT(*) FROM mentions m LEFT JOIN documents d USING (story_id, doc_id) WHERE d.doc_id IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    assigned = {row[0] for row in conn.execute("SELECT DISTINCT event_id FROM mentions")}
    materialised = {row[0] for row in conn.execute("SELECT event_id FROM events")}
    assert assigned == materialised
    without_sentences = conn.execute(
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS"
        " (SELECT 1 FROM sentences s WHERE s.story_id = d.story_id AND s.doc_id = d.doc_id)"
    ).fetchone()[0]
    assert without_sentences == 0
    counts = tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions"))
    conn.close()
    return counts[0], counts[1], len(materialised)


def test_unreadable_inputs_are_reported_and_the_rest_stored(
    tmp_path: Path, fakes: None, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "marker.txt").write_text(" date gestern Report\nKay signed a deal on 2025-03-02.\n")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err and "marker.txt: bad date marker" in err
    # each input counts once: the file read despite its bad marker is added, not unreadable
    assert "4 added, 0 replaced, 0 unchanged (1 of these read with a problem, see above); 1 unreadable;" in err
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "--strict"]) == 1
    assert "0 added, 0 replaced, 4 unchanged (1 of these read with a problem, see above); 1 unreadable;" in (
        capsys.readouterr().err
    )
    assert main(["ingest", str(tmp_path / "in" / "empty.txt"), "--db", str(db)]) == 1
    assert "nothing could be read" in capsys.readouterr().err
    assert main(["ingest", "--db", str(db), "--remerge"]) == 0
    assert "re-merged into 4 events" in capsys.readouterr().err


def test_a_same_named_file_from_another_folder_keeps_the_stored_article(
    tmp_path: Path, fakes: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder, verb in (("a", "signed"), ("b", "vetoed")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(f"Report\nKay {verb} a deal on 2025-03-02.\n")
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "a"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["ingest", str(tmp_path / "b"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    note = next(line for line in err.splitlines() if "note:" in line)
    assert str(tmp_path / "b" / "article.txt") in note and str(tmp_path / "a" / "article.txt") in note
    assert "1 added, 0 replaced" in err and "holds 2 documents" in err
    for folder in ("a", "b"):
        assert main(["ingest", str(tmp_path / folder), "--db", str(db)]) == 0
        assert "0 added, 0 replaced, 1 unchanged; 0 unreadable" in capsys.readouterr().err


def test_an_upgraded_storyline_analyses_articles_ingested_again_afresh(
    tmp_path: Path, fakes: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    monkeypatch.setattr(codec, "analysis_version", lambda: "a later storyline")
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    assert "0 added, 3 replaced, 0 unchanged" in capsys.readouterr().err
    assert consistency(db) == (3, 3, 3)
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    assert "0 added, 0 replaced, 3 unchanged" in capsys.readouterr().err


def test_reanalyse_analyses_the_stored_articles_afresh_after_an_upgrade_without_their_files(
    tmp_path: Path, fakes: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    shutil.rmtree(tmp_path / "in")
    monkeypatch.setattr(codec, "analysis_version", lambda: "a later storyline")
    capsys.readouterr()
    assert main(["ingest", "--db", str(db), "--reanalyse"]) == 0
    assert capsys.readouterr().err == (
        "storyline: 3 re-analysed, 0 unchanged, 0 failed; story 'default' holds 3 documents, 3 events\n"
    )
    assert consistency(db) == (3, 3, 3)

    monkeypatch.setattr(codec, "analysis_version", lambda: "a storyline that fails on one article")
    fake_analysis = pipeline.analyse

    def fragile(document: Document) -> Document:
        if document.id == "art0001":
            raise RuntimeError("boom")
        return fake_analysis(document)

    monkeypatch.setattr(pipeline, "analyse", fragile)
    assert main(["ingest", "--db", str(db), "--reanalyse"]) == 0
    err = capsys.readouterr().err
    assert "art0001.txt" in err and "boom" in err
    assert "storyline: 2 re-analysed, 0 unchanged, 1 failed (these keep their earlier analysis, see above);" in err
    assert main(["ingest", "--db", str(db), "--reanalyse", "--strict"]) == 1, "still failing"
    assert "0 re-analysed, 2 unchanged, 1 failed" in capsys.readouterr().err
    assert consistency(db) == (3, 3, 3), "the failed one keeps its earlier analysis"


def test_reanalyse_keeps_the_desks_merges(
    tmp_path: Path, fakes: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    store = Store(db)
    signed, vetoed, _ = (row["id"] for row in store.event_rows(EventFilter()))
    store.merge(signed, vetoed)
    monkeypatch.setattr(codec, "analysis_version", lambda: "a later storyline")
    assert main(["ingest", "--db", str(db), "--reanalyse", "--batch-size", "1"]) == 0
    assert "3 re-analysed" in capsys.readouterr().err
    assert [row["n_docs"] for row in store.event_rows(EventFilter())] == [2, 1]


def test_reanalyse_needs_a_story_the_store_holds(tmp_path: Path, fakes: None) -> None:
    write_articles(tmp_path / "in", 1)
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    for flag in ("--reanalyse", "--remerge"):
        with pytest.raises(SystemExit) as stopped:
            main(["ingest", "--db", str(db), flag, "--story", "nosuch"])
        assert stopped.value.code == f"storyline: error: no story 'nosuch' in {db}; its stories: default (1 document)"
    with pytest.raises(SystemExit, match="no store at"):
        main(["ingest", "--db", str(tmp_path / "none.db"), "--reanalyse"])
    assert not (tmp_path / "none.db").exists()
    with pytest.raises(SystemExit, match="name ARTICLES to ingest"):
        main(["ingest", "--db", str(db)])


def test_reading_a_story_the_store_does_not_hold_lists_the_ones_it_does(
    tmp_path: Path, fakes: None, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "in", 1)
    db = tmp_path / "s.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "--story", "ukraine"]) == 0
    capsys.readouterr()
    expected = f"storyline: error: no story 'nosuch' in {db}; its stories: ukraine (1 document)"
    for command in ("build", "summarise"):
        with pytest.raises(SystemExit) as stopped:
            main([command, "--db", str(db), "--story", "nosuch"])
        assert stopped.value.code == expected
        assert capsys.readouterr().out == "", "no empty timeline"
    with closing(sqlite3.connect(db)) as conn:
        assert [name for (name,) in conn.execute("SELECT name FROM stories")] == ["ukraine"], "reading creates none"


def kill_mid_way(command: list[str], env: dict[str, str], db: Path, done_sql: str, done: int) -> None:
    """Run ``command`` and ``kill -9`` it once ``done_sql`` counts ``done`` in the store."""
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    stored = 0
    while stored < done and time.monotonic() < deadline:
        time.sleep(0.02)
        if db.exists():
            try:
                with closing(sqlite3.connect(db, timeout=5)) as conn:
                    stored = conn.execute(done_sql).fetchone()[0]
            except sqlite3.OperationalError:  # the schema is not there yet
                continue
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_kill_9_mid_ingest_leaves_a_consistent_store_that_a_rerun_completes(tmp_path: Path) -> None:
    count = 300
    write_articles(tmp_path / "in", count)
    db = tmp_path / "s.db"
    command = [sys.executable, str(FAKES), "ingest", str(tmp_path / "in"), "--db", str(db), "--batch-size", "7"]
    kill_mid_way(command, {**os.environ, "STORE_FAKES_DELAY": "0.01"}, db, "SELECT COUNT(*) FROM documents", 40)
    documents, mentions, events = consistency(db)
    assert 0 < documents < count, "the kill should land mid-way"
    assert documents % 7 == 0, "only whole batches are stored"
    assert mentions == documents

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert f"{count - documents} added, 0 replaced, {documents} unchanged" in rerun.stderr
    documents, mentions, events = consistency(db)
    assert (documents, mentions) == (count, count)
    assert events == 5 * 28  # nothing lost, nothing doubled


def test_kill_9_mid_reanalysis_leaves_a_consistent_store_that_a_rerun_completes(tmp_path: Path) -> None:
    count = 300
    write_articles(tmp_path / "in", count)
    db = tmp_path / "s.db"
    subprocess.run([sys.executable, str(FAKES), "ingest", str(tmp_path / "in"), "--db", str(db)], check=True)
    shutil.rmtree(tmp_path / "in")  # re-analysis needs no files
    command = [sys.executable, str(FAKES), "ingest", "--db", str(db), "--reanalyse", "--batch-size", "7"]
    upgraded = {**os.environ, "STORE_FAKES_VERSION": "a later storyline"}
    redone = f"SELECT COUNT(*) FROM documents WHERE seq > {count}"  # re-analysed ones are stored anew
    kill_mid_way(command, {**upgraded, "STORE_FAKES_DELAY": "0.01"}, db, redone, 40)
    assert consistency(db) == (count, count, 5 * 28)
    with closing(sqlite3.connect(db)) as conn:
        done = conn.execute(redone).fetchone()[0]
    assert 0 < done < count, "the kill should land mid-way"
    assert done % 7 == 0, "only whole batches are stored"

    rerun = subprocess.run(command, env=upgraded, capture_output=True, text=True, timeout=60, check=True)
    assert f"{count - done} re-analysed, {done} unchanged, 0 failed" in rerun.stderr
    assert consistency(db) == (count, count, 5 * 28)
