"""``storyline tag``: documents in, time expressions out as JSON or inline TimeML.

The reader and the tagger are replaced by small fakes, so these tests check the command itself
(options, output formats, errors), not the tagger's quality.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from storyline import ingest, timex
from storyline.cli import main
from storyline.evaluate.timeml import parse_timeml
from storyline.model import Document, InputError, Period, Sentence, TimeExpression, TimexType


def fake_read_inputs(
    paths: Iterable[str | Path], *, dct: Period | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Plain .txt files only: the text as is, the given DCT and language."""
    for path in map(Path, paths):
        if path.suffix != ".txt":
            yield InputError(str(path), "unsupported input")
            continue
        yield Document(id=path.stem, text=path.read_text(encoding="utf-8"), published=dct, lang=lang or "")


def fake_tag(text: str, lang: str, dct: Period | None, sentences: list[Sentence] | None = None) -> list[TimeExpression]:
    """Finds "Montag"/"Monday" and resolves it to the Monday before a day DCT."""
    result = []
    for word in ("Montag", "Monday"):
        start = text.find(word)
        if start >= 0:
            value = "2025-05-12" if dct is not None and dct.precision.value == "day" else "XXXX-WXX-1"
            result.append(TimeExpression(start, start + len(word), word, TimexType.DATE, value, sentence=0))
    return result


@pytest.fixture(autouse=True)
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "read_inputs", fake_read_inputs)
    monkeypatch.setattr(timex, "tag", fake_tag)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bahn.txt"
    path.write_text("Die Lokführer streikten am Montag & Dienstag.", encoding="utf-8")
    return path


def test_json_lists_each_documents_expressions(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", str(article), "--dct", "2025-05-17"]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    assert doc["id"] == "bahn"
    assert doc["lang"] == "de"  # detected
    assert (doc["dct"], doc["dct_precision"]) == ("2025-05-17", "day")
    [expression] = doc["timexes"]
    assert expression["text"] == "Montag"
    assert (expression["type"], expression["value"]) == ("DATE", "2025-05-12")
    assert article.read_text(encoding="utf-8")[expression["start"] : expression["end"]] == "Montag"


def test_language_and_month_dct_are_passed_on(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", str(article), "--lang", "en", "--dct", "2025-05"]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    assert doc["lang"] == "en"
    assert doc["dct_precision"] == "month"
    assert doc["timexes"][0]["value"] == "XXXX-WXX-1"


def test_timeml_marks_expressions_inline(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", str(article), "--dct", "2025-05-17", "--format", "timeml"]) == 0
    markup = capsys.readouterr().out
    assert '<TIMEX3 tid="t1" type="DATE" value="2025-05-12">Montag</TIMEX3>' in markup
    assert "&amp;" in markup
    doc = parse_timeml(markup)
    assert doc.text == article.read_text(encoding="utf-8")
    assert doc.dct == Period.parse("2025-05-17")


def test_bad_inputs_are_reported_and_the_rest_is_tagged(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"\x00\x01")
    assert main(["tag", str(broken), str(article)]) == 0
    captured = capsys.readouterr()
    assert "broken.bin: unsupported input" in captured.err
    assert [doc["id"] for doc in json.loads(captured.out)] == ["bahn"]
    assert main(["tag", str(broken)]) == 1


def test_a_malformed_dct_is_refused(article: Path) -> None:
    with pytest.raises(SystemExit, match="not a date"):
        main(["tag", str(article), "--dct", "17.05.2025"])
