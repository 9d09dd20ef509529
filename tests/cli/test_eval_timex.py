"""``storyline eval timex`` and ``storyline bench timex`` as commands (with a fake tagger)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from storyline import timex
from storyline.cli import bench_timex, eval_timex
from storyline.model import Period, Sentence, TimeExpression, TimexType

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-11-08" functionInDocument="CREATION_TIME">8.11.2024</TIMEX3></DCT>
<TEXT>Die Brücke wurde <TIMEX3 tid="t1" type="DATE" value="2024-11-07">gestern</TIMEX3> gesperrt \
und bleibt <TIMEX3 tid="t2" type="DURATION" value="P3W">drei Wochen</TIMEX3> zu.</TEXT>
</TimeML>
"""


def fake_tag(text: str, lang: str, dct: Period | None, sentences: list[Sentence] | None = None) -> list[TimeExpression]:
    """Finds "gestern" (as the DCT's day, a wrong value) and nothing else."""
    start = text.index("gestern")
    value = dct.value if dct else "PAST_REF"
    return [TimeExpression(start, start + 7, "gestern", TimexType.DATE, value)]


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(timex, "tag", fake_tag)
    root = tmp_path / "mini"
    root.mkdir()
    (root / "a.tml").write_text(GOLD, encoding="utf-8")
    return root


def run_eval(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    eval_timex.register(parser.add_subparsers())
    args = parser.parse_args(["timex", *argv])
    code: int = args.func(args)
    return code


def test_json_scores(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(str(corpus), "--lang", "de", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    overall = report["overall"]
    assert report["corpora"]["mini"]["docs"] == overall["docs"] == 1
    assert overall["strict_precision"] == 1.0 and overall["strict_recall"] == 0.5
    assert overall["value_f1"] == 0.0


def test_json_with_errors(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(str(corpus), "--json", "--errors", "2") == 0
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors["missed"]["count"] == 1
    [wrong] = errors["wrong value"]["patterns"]
    assert wrong["gold"] == {"text": "gestern", "type": "DATE", "value": "2024-11-07", "mod": None}
    assert wrong["ours"]["value"] == "2024-11-08"
    assert wrong["dct"] == "2024-11-08" and "Brücke" in wrong["sentence"]


def test_table_and_errors(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(str(corpus), "--errors", "3") == 0
    out = capsys.readouterr().out
    assert "mini" in out and "0.667" in out  # strict F1 of 1 found out of 2
    assert "== missed: 1" in out and "'drei wochen'" in out
    assert "== wrong value: 1" in out and "gold: 'gestern' DATE 2024-11-07" in out


def test_stored_system_output_can_be_scored(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "other-system"
    output.mkdir()
    (output / "a.tml").write_text(GOLD.replace('value="2024-11-07"', 'value="2024-11-06"'), encoding="utf-8")
    assert run_eval(str(corpus), "--system", str(output), "--json") == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert overall["strict_f1"] == 1.0
    assert overall["value_f1"] == 0.5


def test_a_missing_corpus_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(str(tmp_path / "nowhere")) == 2
    assert "no such corpus" in capsys.readouterr().err


def test_a_broken_file_is_named(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    assert run_eval(str(corpus)) == 2
    assert "broken.tml: not readable TimeML" in capsys.readouterr().err


def test_bench_skips_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    bench_timex.register(parser.add_subparsers())
    args = parser.parse_args(["timex", "--data", str(tmp_path / "missing")])
    assert args.func(args) == 0
    assert "skipped: TimeML data missing" in capsys.readouterr().out
