"""Bad input: each problem is one InputError naming the file (and record); the rest is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.dates import Period
from storyline.ingest import read_inputs
from storyline.model import Document, InputError


def read(*paths: Path, **options: object) -> tuple[list[Document], list[InputError]]:
    items = list(read_inputs(paths, **options))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text("Ein guter Text.")
    return tmp_path


def only_error(errors: list[InputError]) -> InputError:
    assert len(errors) == 1, errors
    assert "\n" not in str(errors[0]), "one line"
    return errors[0]


def test_missing_path(good: Path) -> None:
    docs, errors = read(good / "nope.txt", good)
    assert [d.id for d in docs] == ["good"]
    error = only_error(errors)
    assert error.source == str(good / "nope.txt") and "no such file" in error.error


def test_a_folder_without_article_files(good: Path) -> None:
    (good / "empty").mkdir()
    (good / "other").mkdir()
    (good / "other" / "notes.md").write_text("Notizen")
    docs, errors = read(good / "empty", good / "other", good)
    assert [d.id for d in docs] == ["good"], "a folder within a given one that has articles is no error"
    assert [(Path(e.source).name, "no article files in this folder" in e.error) for e in errors] == [
        ("empty", True),
        ("other", True),
    ]


def test_unreadable_file(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = good / "secret.txt"
    secret.write_text("geheim")

    def denied(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", denied)
    docs, errors = read(good)
    assert docs == []  # both files hit the patched reader
    assert {e.source for e in errors} == {str(good / "good.txt"), str(secret)}
    assert all("permission denied" in e.error.lower() for e in errors)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_by_mode(good: Path) -> None:
    secret = good / "secret.txt"
    secret.write_text("geheim")
    secret.chmod(0)
    docs, errors = read(good)
    assert [d.id for d in docs] == ["good"]
    assert "permission denied" in only_error(errors).error


def test_unlistable_folder(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (good / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors = read(good)
    assert [d.id for d in docs] == ["good"]
    error = only_error(errors)
    assert error.source == str(good / "locked") and "cannot list folder" in error.error


def test_broken_link_and_special_file(good: Path) -> None:
    (good / "dangling.txt").symlink_to(good / "gone.txt")
    os.mkfifo(good / "pipe.txt")
    docs, errors = read(good)
    assert [d.id for d in docs] == ["good"]
    assert sorted(Path(e.source).name for e in errors) == ["dangling.txt", "pipe.txt"]
    assert all(e.error.startswith("cannot read") for e in errors)


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_files(good: Path, content: bytes) -> None:
    (good / "empty.txt").write_bytes(content)
    docs, errors = read(good)
    assert [d.id for d in docs] == ["good"]
    assert "empty" in only_error(errors).error


@pytest.mark.parametrize("content", [b"GIF89a\x00\x01\x02binary", bytes(range(1, 32)) * 40])
def test_binary_files(good: Path, content: bytes) -> None:
    (good / "image.txt").write_bytes(content)
    docs, errors = read(good)
    assert [d.id for d in docs] == ["good"]
    assert "binary" in only_error(errors).error


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_non_utf8_german_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Präsident Müller äußerte sich über die Größe der Maßnahmen. Übermorgen geht es weiter."
    (tmp_path / "alt.txt").write_bytes(text.encode(encoding))
    docs, errors = read(tmp_path)
    assert errors == []
    assert docs[0].text == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Grüße", "latin-1"),
        ("„Zitat“ – Ärger über Maßnahmen, 5 €", "cp1252"),
        ("The café's crème brûlée", "cp1252"),
        ("Президент заявил журналистам, что переговоры продолжатся", "cp1251"),
    ],
)
def test_short_single_byte_texts_decode_right(tmp_path: Path, text: str, encoding: str) -> None:
    (tmp_path / "short.txt").write_bytes(text.encode(encoding))
    docs, errors = read(tmp_path)
    assert errors == [] and docs[0].text == text


def test_a_latin1_jsonl_line_decodes(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes('{"text": "Müller äußerte sich."}\n'.encode("latin-1"))
    docs, errors = read(tmp_path)
    assert errors == [] and docs[0].text == "Müller äußerte sich."


def test_huge_file_is_refused_with_a_clear_error(good: Path) -> None:
    (good / "huge.txt").write_text("Wort " * 400)
    docs, errors = read(good, max_bytes=1000)
    assert [d.id for d in docs] == ["good"]
    assert "too large" in only_error(errors).error


def test_jsonl_is_streamed_and_a_huge_record_skipped(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "kurz"}), json.dumps({"text": "lang " * 500}), json.dumps({"text": "auch kurz"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    docs, errors = read(tmp_path, max_bytes=1000)
    assert [d.id for d in docs] == ["feed:1", "feed:3"]
    error = only_error(errors)
    assert error.source == str(tmp_path / "feed.jsonl") + ":2" and "size limit" in error.error


def test_malformed_dates_keep_the_document(tmp_path: Path) -> None:
    (tmp_path / "marker.txt").write_text(" date 2025-13-45 Titel\n\nText.")
    (tmp_path / "records.json").write_text(json.dumps([{"text": "A", "date": "soon"}, {"text": "B"}]))
    docs, errors = read(tmp_path, dct=Period.parse("2025-04"))
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"marker", "records:1", "records:2"}
    assert by_id["marker"].text == "Titel\n\nText.", "the bad marker is still removed"
    assert by_id["marker"].published == Period.parse("2025-04"), "--dct stands in for a bad date"
    assert by_id["records:1"].published_source == "option"
    assert [(Path(e.source).name, "2025-13-45" in e.error or "soon" in e.error) for e in errors] == [
        ("marker.txt", True),
        ("records.json:1", True),
    ]
    docs, _ = read(tmp_path)
    assert all(d.published is None for d in docs)


def test_jsonl_has_no_file_size_limit_only_a_record_limit(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Meldung {n} " + "Wort " * 20}) for n in range(300)]
    (tmp_path / "big.jsonl").write_text("\n".join(lines))
    assert (tmp_path / "big.jsonl").stat().st_size > 30_000
    docs, errors = read(tmp_path, max_bytes=1000)
    assert errors == [] and len(docs) == 300


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "A"}) + "\n")
    stream = read_inputs([tmp_path])
    first = next(stream)
    assert isinstance(first, Document) and first.id == "feed:1"
    with (tmp_path / "feed.jsonl").open("a") as handle:  # lines are read as they are needed
        handle.write(json.dumps({"text": "B"}) + "\n")
    assert [d.id for d in stream if isinstance(d, Document)] == ["feed:2"]


def test_json_lines_in_a_json_file_get_a_hint(tmp_path: Path) -> None:
    (tmp_path / "feed.json").write_text('{"text": "A"}\n{"text": "B"}\n')
    _, errors = read(tmp_path)
    assert "name the file .jsonl" in only_error(errors).error


def test_malformed_json_names_the_file_or_the_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('[{"text": "A"},')
    (tmp_path / "feed.jsonl").write_text('{"text": "A"}\n{"text": \n{"text": "C"}\n')
    docs, errors = read(tmp_path)
    assert [d.id for d in docs] == ["feed:1", "feed:3"]
    assert [Path(e.source).name for e in errors] == ["broken.json", "feed.jsonl:2"]
    assert all("malformed JSON" in e.error for e in errors)


def test_records_without_text_or_not_objects(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(json.dumps([{"title": "no text"}, {"text": "  "}, "string", {"text": "ok"}]))
    docs, errors = read(tmp_path)
    assert [d.id for d in docs] == ["r:4"]
    assert [Path(e.source).name for e in errors] == ["r.json:1", "r.json:2", "r.json:3"]


def test_json_of_the_wrong_shape(tmp_path: Path) -> None:
    (tmp_path / "n.json").write_text("42")
    (tmp_path / "e.json").write_text("[]")
    _, errors = read(tmp_path)
    assert [Path(e.source).name for e in errors] == ["e.json", "n.json"]


def test_html_without_article_text(tmp_path: Path) -> None:
    (tmp_path / "blank.html").write_text("<html><head><title>x</title></head><body></body></html>")
    docs, errors = read(tmp_path)
    assert docs == [] and "no article text" in only_error(errors).error
