"""The TLS evaluator reproduces tilse 0.2.1 (all five ROUGE methods, date F1) and reads T17."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from storyline.evaluate.tls import (
    ROUGE_METHODS,
    Article,
    Task,
    date_scores,
    detokenise,
    evaluate,
    load_tasks,
    run_task,
    split_reference_sentences,
    task_keywords,
    topic_keywords,
)
from storyline.model import Document
from storyline.tls import DatedSentence, DaySummary

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FIXTURES = SHARED / "data" / "tls" / "tilse-fixtures.json"
T17 = SHARED / "data" / "tls" / "t17"
D = date


def _timeline(entries: dict[str, list[str]]) -> dict[date, list[str]]:
    return {date.fromisoformat(day): sentences for day, sentences in entries.items()}


def test_small_example_scores_like_tilse() -> None:
    reference = {
        D(2010, 4, 20): ["The rig explodes .", "Eleven workers are missing ."],
        D(2010, 4, 22): ["The rig sinks ."],
    }
    system = {
        D(2010, 4, 21): ["Deepwater Horizon rig explodes ."],
        D(2010, 4, 22): ["The burning rig sinks into the Gulf ."],
    }
    scores = evaluate(system, reference)
    assert scores.ar1 == pytest.approx(0.4, abs=1e-6)
    assert scores.ar2 == pytest.approx(0.272727, abs=1e-6)
    concat = scores.rouge["concat"]
    assert (concat[1].precision, concat[1].recall) == pytest.approx((0.5, 0.571429), abs=1e-6)
    assert (concat[2].precision, concat[2].recall) == pytest.approx((0.285714, 0.333333), abs=1e-6)
    assert scores.dates.f_score == 0.5


def test_a_same_day_alignment_ignores_content_but_a_distant_one_is_discounted() -> None:
    reference = {D(2020, 1, 1): ["storm hits coast"]}
    same_day = evaluate({D(2020, 1, 1): ["storm hits coast"]}, reference)
    next_day = evaluate({D(2020, 1, 2): ["storm hits coast"]}, reference)
    assert same_day.ar1 == 1.0
    assert next_day.ar1 == pytest.approx(0.5)  # hits weighted by 1 / (days apart + 1)
    assert next_day.dates.f_score == 0.0


def test_date_scores_are_set_overlap() -> None:
    scores = date_scores([D(2020, 1, 1), D(2020, 1, 2)], [D(2020, 1, 2), D(2020, 1, 3), D(2020, 1, 4)])
    assert (scores.precision, scores.recall) == pytest.approx((0.5, 1 / 3))


def test_every_tilse_fixture_case_is_reproduced() -> None:
    if not FIXTURES.is_file():
        pytest.skip(f"tilse fixtures missing: {FIXTURES}")
    cases = json.loads(FIXTURES.read_text(encoding="utf-8"))["cases"]
    assert cases
    for case in cases:
        scores = evaluate(_timeline(case["system"]), _timeline(case["reference"]))
        expected = {(m, o): case["scores"][m][f"rouge_{o}"] for m in ROUGE_METHODS for o in (1, 2)}
        got = {key: scores.rouge[key[0]][key[1]] for key in expected}
        expected[("dates", 0)], got[("dates", 0)] = case["scores"]["dates"], scores.dates
        for key, values in expected.items():
            for field in ("precision", "recall", "f_score"):
                label = (case["folder"], case["system_name"], *key, field)
                assert getattr(got[key], field) == pytest.approx(values[field], abs=1e-3), label


def test_detokenise_restores_plain_text_and_maps_back_to_the_tokens() -> None:
    tokenised = "He said `` it 's over '' -LRB- for now -RRB- , did n't he ? Costs : $ 5 \\/ day ."
    plain = detokenise(tokenised)
    assert plain.text == "He said \"it's over\" (for now), didn't he? Costs: $5 / day."
    start = plain.text.index("(for")
    assert plain.original(start, plain.text.index("?") + 1) == "-LRB- for now -RRB- , did n't he ?"


def test_a_system_timeline_quotes_the_kept_pieces_in_the_corpus_tokens() -> None:
    article = Article("1", D(2021, 3, 1), detokenise("A storm hit the coast on Monday , officials said ."))
    text = article.text.text
    omitted = (text.index(" on Monday") + 1, text.index(","))

    def method(docs: Sequence[Document], **_: object) -> list[DaySummary]:
        sentence = DatedSentence("1", 0, 0, len(text), text, D(2021, 3, 1), D(2021, 3, 1), True, redundant=(omitted,))
        return [DaySummary(D(2021, 3, 1), 1.0, [sentence])]

    task = Task("storm", "storm", (), [article], {D(2021, 3, 1): ["A storm hits ."]}, 1, 1)
    system, _ = run_task(task, method)
    assert system == {D(2021, 3, 1): ["A storm hit the coast , officials said ."]}


def test_reference_sentences_end_at_sentence_final_tokens() -> None:
    assert split_reference_sentences(" A b . C d ! e f ") == ["A b .", "C d !", "e f"]


def test_t17_tasks_follow_the_news_tls_protocol() -> None:
    folder = T17 / "H1N1_bbc"
    if not folder.is_dir():
        pytest.skip(f"Timeline17 data missing: {folder}")
    (task,) = load_tasks(folder)
    assert (task.max_dates, task.sentences_per_date) == (7, 6)
    assert task.keywords == ("h1n1", "swine", "flu")
    first, last = min(task.reference), max(task.reference)
    assert task.articles and all(first <= a.published <= last for a in task.articles)
    assert "-LRB-" not in task.articles[0].text.text


def test_task_keywords_come_from_the_data_file_and_a_folder_may_override_them(tmp_path: Path) -> None:
    assert task_keywords()["haiti"] == ("haiti", "quake", "earthquake")
    folder = tmp_path / "Haiti_local"
    folder.mkdir()
    assert topic_keywords(folder) == ("haiti", "quake", "earthquake")  # by topic prefix, any case
    (folder / "keywords.json").write_text('["port", "aid"]', encoding="utf-8")
    assert topic_keywords(folder) == ("port", "aid")
    assert topic_keywords(tmp_path / "unknown_topic") == ()


def test_eval_tls_command_prints_json_scores_per_topic_and_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from storyline.cli import main

    folder = tmp_path / "storm_local"
    folder.mkdir()
    articles = [
        {"uid": "1", "dct": "2021-03-01", "text": "A storm hit the coast on Monday . Roofs were damaged ."},
        {
            "uid": "2",
            "dct": "2021-03-02",
            "text": "Power returned to most homes after the storm -LRB- officials said -RRB- .",
        },
        {"uid": "3", "dct": "2021-03-02", "text": "Repair crews worked through the night after the storm ."},
    ]
    (folder / "articles.json").write_text(json.dumps(articles), encoding="utf-8")
    reference = [
        {"date": "2021-03-01", "text": "A storm hits the coast ."},
        {"date": "2021-03-02", "text": "Power returns ."},
    ]
    (folder / "local.timeline.json").write_text(json.dumps(reference), encoding="utf-8")
    assert main(["eval", "tls", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["topics"]) == {"storm_local"}
    assert set(report["mean"]) == {"ar1_f1", "ar2_f1", "date_f1", "seconds"}
    assert report["topics"]["storm_local"]["date_f1"] > 0
