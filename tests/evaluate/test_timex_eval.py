"""TimeML reading and TempEval-3 scoring (``storyline.evaluate.timeml``, ``storyline.evaluate.timex``).

The scorer is checked with a fake tagger on tiny hand-made documents whose scores are worked out
by hand, so these tests do not depend on the real tagger's quality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluate.timeml import (
    find_timeml_files,
    parse_timeml,
    read_timeml,
    system_output_folders,
    to_timeml,
)
from storyline.evaluate.timex import (
    CorpusResult,
    Tagger,
    as_json,
    evaluate_corpora,
    evaluate_document,
    format_by_type,
    format_errors,
    match,
    replay_tagger,
)
from storyline.model import Period, Precision, Sentence, TimeExpression, TimexType

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-19" functionInDocument="CREATION_TIME">19.03.2025</TIMEX3></DCT>
<TEXT>Am <TIMEX3 tid="t1" type="DATE" value="2025-03-17">Montag</TIMEX3> kam &amp; ging er. \
Das Treffen dauerte <TIMEX3 tid="t2" type="DURATION" value="PT2H">zwei Stunden</TIMEX3>, \
um <TIMEX3 tid="t3" type="TIME" value="2025-03-17T20.30">20.30 Uhr</TIMEX3> war Schluss.\
<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF" /></TEXT>
</TimeML>
"""
PLAIN = "Am Montag kam & ging er. Das Treffen dauerte zwei Stunden, um 20.30 Uhr war Schluss."


def found(text: str, surface: str, type_: str, value: str) -> TimeExpression:
    start = text.index(surface)
    return TimeExpression(start, start + len(surface), surface, TimexType(type_), value)


def fake_tagger(answers: list[tuple[str, str, str]]) -> Tagger:
    """A tagger that finds the given (surface, type, value) triples wherever they occur first."""

    def tag(text: str, lang: str, dct: Period | None, sentences: list[Sentence]) -> list[TimeExpression]:
        return [found(text, *answer) for answer in answers if answer[0] in text]

    return tag


def test_plain_text_gold_spans_and_dct() -> None:
    doc = parse_timeml(DOC)
    assert doc.text == PLAIN
    assert doc.dct == Period.parse("2025-03-19")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Montag", "DATE", "2025-03-17"),
        ("zwei Stunden", "DURATION", "PT2H"),
        ("20.30 Uhr", "TIME", "2025-03-17T20:30"),  # the KRAUTS "T20.30" quirk repaired
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def test_month_and_compact_dcts_keep_their_precision() -> None:
    month = parse_timeml(DOC.replace('value="2025-03-19"', 'value="2025-03"'))
    compact = parse_timeml(DOC.replace('value="2025-03-19"', 'value="20250319"'))
    assert month.dct is not None and month.dct.precision is Precision.MONTH
    assert compact.dct == Period.parse("2025-03-19")


def test_scores_follow_tempeval3_definitions() -> None:
    doc = parse_timeml(DOC)
    system = sorted(
        [
            found(PLAIN, "Montag", "DATE", "2025-03-17"),  # exact, right type and value
            found(PLAIN, "Stunden", "DURATION", "PT1H"),  # overlap only, wrong value
            found(PLAIN, "kam", "DATE", "PRESENT_REF"),  # spurious
            found(PLAIN, "Schluss", "DATE", "FUTURE_REF"),  # spurious; "20.30 Uhr" is missed
        ],
        key=lambda t: t.start,
    )
    counts = evaluate_document(doc, system, []).counts
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.type, counts.value) == (3, 4, 1, 2, 2, 1)
    scores = counts.scores()
    assert scores["strict_precision"] == pytest.approx(1 / 4)
    assert scores["strict_recall"] == pytest.approx(1 / 3)
    assert scores["strict_f1"] == pytest.approx(2 / 7)
    assert scores["relaxed_f1"] == pytest.approx(4 / 7)
    assert scores["type_f1"] == pytest.approx(4 / 7)
    assert scores["value_precision"] == pytest.approx(1 / 4)  # correct values / system expressions
    assert scores["value_recall"] == pytest.approx(1 / 3)  # correct values / gold expressions
    assert scores["value_f1"] == pytest.approx(2 / 7)


def test_recall_by_type_counts_under_the_gold_type_and_precision_under_the_systems() -> None:
    doc = parse_timeml(DOC)
    system = [found(PLAIN, "Montag", "DATE", "2025-03-17"), found(PLAIN, "Stunden", "DATE", "PT2H")]
    result = evaluate_document(doc, system, [])
    by_type, by_system_type = result.by_type, result.by_system_type
    assert (by_type["DATE"].gold, by_type["DATE"].relaxed) == (1, 1)
    duration = by_type["DURATION"]
    assert (duration.gold, duration.relaxed, duration.type, duration.value) == (1, 1, 0, 1)
    assert (by_type["TIME"].gold, by_type["TIME"].relaxed) == (1, 0)
    # Both system expressions say DATE; the one that is really a DURATION counts as a DATE match.
    assert (by_system_type["DATE"].system, by_system_type["DATE"].relaxed, by_system_type["DATE"].type) == (2, 2, 1)


def test_precision_by_type_never_exceeds_one() -> None:
    corpus = CorpusResult(name="one")
    doc = parse_timeml(DOC)
    corpus.add(evaluate_document(doc, [found(PLAIN, "Stunden", "DATE", "PT2H")], []))
    scores = corpus.summary()["by_type"]
    assert scores["DATE"]["relaxed_precision"] == 1.0  # the one DATE it found matches (a DURATION)
    assert scores["DURATION"]["relaxed_recall"] == 1.0 and scores["DURATION"]["system"] == 0
    assert all(0.0 <= value <= 1.0 for row in scores.values() for key, value in row.items() if "_" in key)


def test_the_table_by_type_counts_the_systems_expressions_under_their_own_type() -> None:
    result = evaluate_document(parse_timeml(DOC), [found(PLAIN, "Stunden", "DATE", "PT2H")], [])
    lines = {line.split()[0]: line for line in format_by_type(result).splitlines()}
    # The DATE it found is the gold DURATION: precision under DATE, recall under DURATION.
    assert "gold     1  system     1  relaxed P 1.000 R 0.000" in lines["DATE"]
    assert "gold     1  system     0  relaxed P 0.000 R 1.000" in lines["DURATION"]


def test_relaxed_matching_is_one_to_one() -> None:
    doc = parse_timeml(DOC)
    # Two system pieces inside one gold expression: only one of them matches.
    split = [found(PLAIN, "zwei", "DURATION", "PT2H"), found(PLAIN, "Stunden", "DURATION", "PT2H")]
    assert match(doc.timexes, split) == [(1, 1)]  # the larger overlap
    # One system expression over two gold ones: it matches one of them.
    start = PLAIN.index("zwei")
    end = PLAIN.index("Uhr") + 3
    wide = [TimeExpression(start, end, PLAIN[start:end], TimexType.TIME, "2025-03-17T20:30")]
    assert len(match(doc.timexes, wide)) == 1


def test_an_exact_match_wins_over_an_overlap() -> None:
    doc = parse_timeml(DOC)
    system = [found(PLAIN, "Am Montag", "DATE", "2025-03-17"), found(PLAIN, "Montag", "DATE", "2025-03-17")]
    system.sort(key=lambda t: (t.start, t.end))
    assert match(doc.timexes, system) == [(0, 1)]


def write_corpus(root: Path) -> None:
    (root / "part").mkdir(parents=True)
    (root / "part" / "a.tml").write_text(DOC, encoding="utf-8")
    authors = root / "heideltime_output_by_authors" / "part"
    authors.mkdir(parents=True)
    (authors / "a.tml").write_text(DOC, encoding="utf-8")


def test_corpora_are_recursed_but_authors_system_output_is_never_gold(tmp_path: Path) -> None:
    write_corpus(tmp_path / "krauts")
    assert [p.name for p in find_timeml_files(tmp_path / "krauts")] == ["a.tml"]
    assert system_output_folders(tmp_path / "krauts") == [tmp_path / "krauts" / "heideltime_output_by_authors"]
    answers = [("Montag", "DATE", "2025-03-17"), ("zwei Stunden", "DURATION", "PT2H")]
    results = evaluate_corpora([tmp_path / "krauts"], fake_tagger(answers), lang="de")
    report = as_json(results)
    assert report["corpora"]["krauts"]["docs"] == 1
    overall = report["overall"]
    assert overall["docs"] == 1
    assert overall["strict_precision"] == 1.0
    assert overall["strict_recall"] == pytest.approx(2 / 3)
    assert overall["value_f1"] == pytest.approx(0.8)
    assert {"strict_f1", "relaxed_f1", "type_f1", "value_f1"} <= overall.keys()


def test_corpora_are_scored_separately_and_pooled(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.tml").write_text(DOC, encoding="utf-8")
    (tmp_path / "two" / "b.tml").write_text(DOC, encoding="utf-8")
    results = evaluate_corpora([tmp_path / "one", tmp_path / "two"], fake_tagger([("Montag", "DATE", "x")]))
    report = as_json(results)
    assert [report["corpora"][name]["gold"] for name in ("one", "two")] == [3, 6]
    assert report["overall"]["gold"] == 9
    assert report["overall"]["docs"] == 3
    assert report["overall"]["relaxed_recall"] == pytest.approx(1 / 3)
    assert report["overall"]["value_f1"] == 0.0


def test_errors_are_grouped_by_kind_and_pattern(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c")
    answers = [("Montag", "DATE", "2025-03-24"), ("Treffen", "DATE", "PRESENT_REF")]
    errors = evaluate_corpora([tmp_path / "c"], fake_tagger(answers), lang="de")[0].errors
    assert sorted(error.kind for error in errors) == ["missed", "missed", "spurious", "wrong value"]
    report = format_errors(errors, 5)
    assert report.index("== missed: 2") < report.index("== spurious: 1") < report.index("== wrong value: 1")
    assert "'00.00 uhr'" in report  # digits blanked so that all clock times group together
    assert "gold: 'Montag' DATE 2025-03-17" in report and "ours: 'Montag' DATE 2025-03-24" in report
    assert "DCT 2025-03-19" in report and "Das Treffen dauerte zwei Stunden" in report


def test_timeml_output_reads_back_to_the_same_spans(tmp_path: Path) -> None:
    text = "Seit 2020 <gilt> A & B; am 3. Mai endet es."
    timexes = [found(text, "2020", "DATE", "2020"), found(text, "3. Mai", "DATE", "2025-05-03")]
    timexes[1].mod = "start"
    markup = to_timeml("doc-1", text, timexes, Period.parse("2025-04"))
    path = tmp_path / "doc.tml"
    path.write_text(markup, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.text == text
    assert doc.dct == Period.parse("2025-04")
    assert [(t.text, t.value, t.mod) for t in doc.timexes] == [
        ("2020", "2020", None),
        ("3. Mai", "2025-05-03", "START"),
    ]


DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "timex"


@pytest.mark.data
def test_shared_corpora_read_with_the_documented_counts() -> None:
    if not DATA.is_dir():
        pytest.skip(f"TimeML data missing: {DATA}")
    krauts = [read_timeml(path) for path in find_timeml_files(DATA / "krauts")]
    assert len(krauts) == 128
    assert sum(len(doc.timexes) for doc in krauts) == 668
    assert all(doc.dct is not None for doc in krauts)
    assert all(doc.text[t.start : t.end] == t.text for doc in krauts for t in doc.timexes)


@pytest.mark.data
def test_scoring_the_krauts_authors_heideltime_output_reproduces_the_published_anchors() -> None:
    """The scorer agrees with the HeidelTime anchors quoted in issue 9 (KRAUTS development part)."""
    authors = DATA / "krauts" / "heideltime_output_by_authors"
    if not authors.is_dir():
        pytest.skip(f"KRAUTS data missing: {authors}")
    [result] = evaluate_corpora([DATA / "krauts"], tagger=replay_tagger(authors), lang="de")
    scores = result.counts.scores()
    anchors = {"strict_f1": 0.734, "relaxed_f1": 0.813, "type_f1": 0.779, "value_f1": 0.695}
    for name, anchor in anchors.items():
        assert scores[name] == pytest.approx(anchor, abs=0.005), name
