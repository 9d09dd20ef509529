"""`storyline build` on bad input: every problem is one line on stderr naming the file (and
record or line) and the problem, the same error is listed under ``errors`` in the JSON output,
every good document next to it is still processed, and the exit code is 0 unless ``--strict``
is given or nothing could be read."""

from __future__ import annotations

import functools
import json
import os
import random
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storyline import ingest
from storyline.cli import main
from storyline.model import Document

# A short German article written for these tests: a call announced for "Montag" at "10 Uhr".
GOOD_ARTICLE = (
    " date 2025-05-17 Trump will am Montag mit Putin telefonieren\n\n"
    "US-Präsident Donald Trump will am Montag mit Kremlchef Wladimir Putin telefonieren. "
    "Das Telefonat ist für 10 Uhr angesetzt.\n"
)
SUMMIT = {
    "title": "Leaders meet in Alaska",
    "text": "President Donald Trump met Russian President Vladimir Putin in Alaska on Friday for a summit on the war.",
    "published": "2025-08-16",
    "lang": "en",
}
PHONE_CALL = {
    "text": "Donald Trump und Wladimir Putin haben am Mittwoch miteinander telefoniert.",
    "published": "2025-02-13",
    "lang": "de",
}
ERROR_PREFIX = "storyline: error: "


@dataclass(frozen=True)
class Build:
    """One run of ``storyline build --format json``: exit code, parsed output, error lines."""

    code: int
    result: dict[str, Any]
    error_lines: list[str]

    def errors_about(self, name: str) -> list[dict[str, str]]:
        return [error for error in self.result["errors"] if Path(error["source"].split(":")[0]).name == name]

    def cited_docs(self) -> set[str]:
        return {source["doc"] for event in self.result["events"] for source in event["sources"]}

    def document(self, doc_id: str) -> dict[str, Any]:
        return next(doc for doc in self.result["documents"] if doc["id"] == doc_id)


def build(capsys: pytest.CaptureFixture[str], *argv: str) -> Build:
    code = main(["build", *argv, "--format", "json"])
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.startswith(ERROR_PREFIX)]
    return Build(code, json.loads(captured.out), lines)


def assert_reported(run: Build, path: Path, problem: str, record: int | None = None) -> None:
    """Exactly one error about ``path`` (record ``record``), naming ``problem``, printed as one
    stderr line and listed under ``errors`` with the same words."""
    errors = run.errors_about(path.name)
    assert len(errors) == 1, run.result["errors"]
    error = errors[0]
    expected_source = str(path) if record is None else f"{path}:{record}"
    assert error["source"] == expected_source
    assert problem in error["error"]
    assert "\n" not in error["error"]
    assert run.error_lines.count(f"{ERROR_PREFIX}{error['source']}: {error['error']}") == 1


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one good article; each test adds a bad input next to it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "call.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return articles


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "gone.txt")


def _bytes(content: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(content)


# Bad inputs that yield no document: (file name, how to make it, words the error must use).
UNREADABLE_CASES = {
    "dangling symlink": ("link.txt", _dangling_link, "cannot read"),
    "not a regular file": ("pipe.txt", _fifo, "not a regular file"),
    "empty file": ("empty.txt", _bytes(b""), "empty file"),
    "only white space": ("blank.txt", _bytes(b" \n\n \t\n"), "empty file"),
    "binary (NUL bytes)": ("image.txt", _bytes(b"GIF89a\x00\x01\x02\x03binary\x00data"), "binary data"),
    "undecodable bytes": (
        "noise.txt",
        _bytes(random.Random(8).randbytes(400).replace(b"\x00", b"\x01")),
        "not text",
    ),
    "bad UTF-8 after a byte-order mark": (
        "bom.txt",
        _bytes(b"\xef\xbb\xbfAm Montag \xff\xfe telefoniert."),
        "not text",
    ),
    "malformed JSON": ("broken.json", _bytes(b'{"text": "Trump'), "malformed JSON"),
}


@pytest.mark.parametrize("name, make, problem", UNREADABLE_CASES.values(), ids=UNREADABLE_CASES.keys())
def test_an_unreadable_input_is_reported_and_the_rest_still_built(
    folder: Path, capsys: pytest.CaptureFixture[str], name: str, make: Callable[[Path], object], problem: str
) -> None:
    bad = folder / name
    make(bad)

    run = build(capsys, str(folder))
    assert run.code == 0
    assert_reported(run, bad, problem)
    assert [doc["id"] for doc in run.result["documents"]] == ["call"]
    assert run.cited_docs() == {"call"}

    assert build(capsys, str(folder), "--strict").code == 1

    alone = build(capsys, str(bad))
    assert alone.code == 1, "nothing could be read"
    assert_reported(alone, bad, problem)
    assert alone.result["documents"] == []


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_single_byte_german_is_decoded_not_reported(
    folder: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    quote = "„Gespräch“" if encoding == "cp1252" else "Gespräch"
    text = (
        " date 2025-03-18 Müller äußert sich zum Telefonat\n\n"
        f"Der Sprecher Jürgen Müller äußerte sich am Dienstag über das {quote} der Präsidenten. "
        "Grüße aus Köln.\n"
    )
    (folder / "alt.txt").write_bytes(text.encode(encoding))

    code = main(["build", str(folder), "--format", "json", "--with-text", "--strict"])
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert code == 0 and result["errors"] == [] and ERROR_PREFIX not in captured.err
    read = next(doc for doc in result["documents"] if doc["id"] == "alt")
    assert read["text"] == text.split(" ", 3)[3].strip()
    assert read["title"] == "Müller äußert sich zum Telefonat"
    assert "call" in {s["doc"] for e in result["events"] for s in e["sources"]}


def test_an_oversized_file_or_record_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``read_inputs`` binds its ``max_bytes`` default at import, so patching the MAX_BYTES
    # constant would not reach it; the pipeline's call goes through the module attribute.
    limit = 400
    assert len(GOOD_ARTICLE.encode()) < limit
    monkeypatch.setattr(ingest, "read_inputs", functools.partial(ingest.read_inputs, max_bytes=limit))
    long_text = "Donald Trump telefonierte am Montag mit Wladimir Putin. " * 20
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        "\n".join(json.dumps(record) for record in (SUMMIT, {"text": long_text}, PHONE_CALL)) + "\n",
        encoding="utf-8",
    )

    run = build(capsys, str(folder))
    assert run.code == 0
    assert_reported(run, folder / "long.txt", "file too large")
    errors = run.errors_about("feed.jsonl")
    assert [(e["source"], "size limit" in e["error"]) for e in errors] == [(f"{folder / 'feed.jsonl'}:2", True)]
    assert {doc["id"] for doc in run.result["documents"]} == {"call", "feed:1", "feed:3"}
    assert {"call", "feed:1", "feed:3"} <= run.cited_docs()
    assert build(capsys, str(folder), "--strict").code == 1
    assert build(capsys, str(folder / "long.txt")).code == 1


def test_a_malformed_jsonl_line_is_skipped_and_named(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps(SUMMIT) + '\n{"text": "Trump sprach am\n' + json.dumps(PHONE_CALL) + "\n")

    run = build(capsys, str(folder))
    assert run.code == 0
    assert_reported(run, feed, "malformed JSON", record=2)
    assert {doc["id"] for doc in run.result["documents"]} == {"call", "feed:1", "feed:3"}
    assert run.cited_docs() == {"call", "feed:1", "feed:3"}
    assert build(capsys, str(folder), "--strict").code == 1
    assert build(capsys, str(feed)).code == 0, "the good lines were read"


def test_a_json_record_without_text_is_skipped_and_named(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = folder / "records.json"
    records.write_text(json.dumps([SUMMIT, {"title": "Nur eine Überschrift", "text": "  "}, PHONE_CALL]))

    run = build(capsys, str(folder))
    assert run.code == 0
    assert_reported(run, records, "no text", record=2)
    assert {doc["id"] for doc in run.result["documents"]} == {"call", "records:1", "records:3"}
    assert run.cited_docs() == {"call", "records:1", "records:3"}
    assert build(capsys, str(folder), "--strict").code == 1

    only_empty = folder / "headline.json"
    only_empty.write_text(json.dumps({"title": "Nur eine Überschrift"}))
    alone = build(capsys, str(only_empty))
    assert alone.code == 1
    assert_reported(alone, only_empty, "no text")


@pytest.mark.parametrize("value", ["2025-13-45", "gestern"])
def test_a_malformed_date_marker_keeps_the_document(
    folder: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    bad = folder / "marker.txt"
    bad.write_text(GOOD_ARTICLE.replace("2025-05-17", value), encoding="utf-8")

    run = build(capsys, str(folder), "--dct", "2025-05-17")
    assert run.code == 0
    assert_reported(run, bad, "bad date marker")
    assert repr(value) in run.errors_about("marker.txt")[0]["error"]
    kept = run.document("marker")
    assert kept["title"] == "Trump will am Montag mit Putin telefonieren"
    assert (kept["published"], kept["published_source"]) == ("2025-05-17", "option")
    assert {"call", "marker"} <= run.cited_docs()
    assert build(capsys, str(folder), "--strict").code == 1
    assert build(capsys, str(bad)).code == 0, "the document was read"


def test_a_malformed_published_field_keeps_the_document(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = folder / "records.json"
    records.write_text(json.dumps([SUMMIT, {**PHONE_CALL, "published": "2025-02-30"}]))

    run = build(capsys, str(folder), "--dct", "2025-02-13")
    assert run.code == 0
    assert_reported(run, records, "bad date", record=2)
    kept = run.document("records:2")
    assert (kept["published"], kept["published_source"]) == ("2025-02-13", "option")
    assert run.document("records:1")["published"] == "2025-08-16", "--dct only fills a missing date"
    assert {"call", "records:1", "records:2"} <= run.cited_docs()
    assert build(capsys, str(folder), "--strict").code == 1


@dataclass(frozen=True)
class StreamedRead:
    """Memory traced while ``read_inputs`` alone streams a large JSONL file."""

    records: int
    documents: int
    file_size: int
    peak: int
    held_early: int  # traced memory after the first tenth of the records
    held_late: int  # traced memory just before the last record


@pytest.fixture(scope="module")
def streamed_read(tmp_path_factory: pytest.TempPathFactory) -> StreamedRead:
    folder = tmp_path_factory.mktemp("huge")
    records = 20_000
    filler = "Weitere Angaben folgen. " * 20
    feed = folder / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for number in range(records):
            out.write(json.dumps({"text": f"Meldung {number}. {filler}", "published": "2025-05-17"}) + "\n")
    warm_up = tmp_path_factory.mktemp("warm_up")
    (warm_up / "one.jsonl").write_text(json.dumps({"text": f"Meldung. {filler}", "published": "2025-05-17"}))
    list(ingest.read_inputs([warm_up]))  # load language data and compile patterns before measuring

    documents, held_early, held_late = 0, 0, 0
    tracemalloc.start()
    try:
        for item in ingest.read_inputs([feed]):
            documents += isinstance(item, Document)
            if documents == records // 10:
                held_early = tracemalloc.get_traced_memory()[0]
            elif documents == records - 1:
                held_late = tracemalloc.get_traced_memory()[0]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return StreamedRead(records, documents, feed.stat().st_size, peak, held_early, held_late)


def test_a_huge_jsonl_is_streamed_not_loaded(streamed_read: StreamedRead) -> None:
    assert streamed_read.documents == streamed_read.records
    assert streamed_read.peak < streamed_read.file_size / 2, (
        f"peak {streamed_read.peak / 2**20:.1f} MB for a {streamed_read.file_size / 2**20:.1f} MB file"
    )


def test_memory_held_while_streaming_does_not_grow_with_the_records(streamed_read: StreamedRead) -> None:
    growth = streamed_read.held_late - streamed_read.held_early
    assert growth < 256 * 1024, f"{growth / 2**20:.1f} MB more held after {streamed_read.records} records"


def test_with_text_offsets_slice_the_cited_sentence(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(record) for record in (SUMMIT, PHONE_CALL)) + "\n")
    code = main(["build", str(folder), "--format", "json", "--with-text"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    texts = {doc["id"]: doc["text"] for doc in result["documents"]}
    assert not texts["call"].startswith(" date"), "offsets refer to the text without its marker"
    sources = [source for event in result["events"] for source in event["sources"]]
    assert {source["doc"] for source in sources} == {"call", "feed:1", "feed:2"}
    for source in sources:
        sentence = texts[source["doc"]][source["start"] : source["end"]]
        assert sentence == sentence.strip() and sentence
        assert source["time_text"] in sentence
