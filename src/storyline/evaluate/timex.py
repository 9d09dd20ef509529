"""TIMEX3 evaluation with the TempEval-3 Task A definitions (UzZaman et al. 2013).

* strict extent: a system expression matches a gold one with exactly the same span;
* relaxed extent: spans overlap, each gold and each system expression matched at most once;
* type and value: attribute accuracy over the relaxed matches, with precision over the system
  expressions and recall over the gold ones (value P = correct values / system expressions,
  R = correct values / gold expressions, so value F1 = value accuracy × relaxed F1).

Counts are micro-averaged per corpus (every ``.tml`` file under a directory) and overall.  The
tagger under test is a parameter, so the scorer can be checked with a fake one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.evaluate.timeml import GoldTimex, TimemlDocument, find_timeml_files, read_timeml
from storyline.model import Period, Sentence, TimeExpression, TimexType
from storyline.text import detect_language, split_sentences

__all__ = [
    "CorpusResult",
    "Counts",
    "DocumentResult",
    "Error",
    "Tagger",
    "as_json",
    "errors_json",
    "evaluate_corpora",
    "evaluate_document",
    "format_by_type",
    "format_errors",
    "format_table",
    "group_errors",
    "match",
    "overall",
    "replay_tagger",
    "storyline_tagger",
]

Tagger = Callable[[str, str, Period | None, list[Sentence]], list[TimeExpression]]
"""``(text, lang, dct, sentences) -> time expressions``: the tagger under evaluation."""


def replay_tagger(folder: Path) -> Tagger:
    """A "tagger" that replays stored system output (TimeML files under ``folder``) by text.

    Used to score another system's output, such as the KRAUTS authors' HeidelTime run, with
    exactly the same scorer; a text it has no output for gets no expressions.
    """
    stored: dict[str, list[TimeExpression]] = {}
    for path in sorted(folder.rglob("*.tml")):
        doc = read_timeml(path)
        stored[doc.text] = [
            TimeExpression(t.start, t.end, t.text, TimexType(t.type), t.value, mod=t.mod)
            for t in doc.timexes
            if t.type in TimexType.__members__
        ]

    def replay(text: str, lang: str, dct: Period | None, sentences: list[Sentence]) -> list[TimeExpression]:
        return list(stored.get(text, []))

    return replay


def storyline_tagger(text: str, lang: str, dct: Period | None, sentences: list[Sentence]) -> list[TimeExpression]:
    """The project's temporal tagger (imported late so that the scorer works without it)."""
    from storyline import timex

    return timex.tag(text, lang, dct, sentences)


@dataclass
class Counts:
    """What the TempEval-3 scores are computed from."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type += other.type
        self.value += other.value

    def count_match(self, exact: bool, same_type: bool, same_value: bool) -> None:
        self.relaxed += 1
        self.strict += exact
        self.type += same_type
        self.value += same_value

    def scores(self, found: Counts | None = None) -> dict[str, float]:
        """Precision, recall and F1 for strict, relaxed, type and value.

        Precision is taken from ``found`` when given: by type, the system's expressions and
        their matches count under the system's type, while recall counts under the gold type.
        """
        found = found or self
        result: dict[str, float] = {}
        for name in ("strict", "relaxed", "type", "value"):
            correct = getattr(self, name)
            precision = getattr(found, name) / found.system if found.system else 0.0
            recall = correct / self.gold if self.gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result.update({f"{name}_precision": precision, f"{name}_recall": recall, f"{name}_f1": f1})
        return result


@dataclass(frozen=True)
class Error:
    """One disagreement with the gold standard, with the context a rule writer needs."""

    kind: str  # "missed", "spurious", "wrong value", "wrong type", "wrong extent"
    gold: GoldTimex | None
    system: TimeExpression | None
    sentence: str
    dct: str
    doc: str


@dataclass
class DocumentResult:
    """Counts (overall and by TIMEX3 type) and errors of one document or of many pooled."""

    counts: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    """Gold expressions and their matches, by gold type (recall)."""
    by_system_type: dict[str, Counts] = field(default_factory=dict)
    """System expressions and their matches, by the system's type (precision)."""
    errors: list[Error] = field(default_factory=list)

    def add(self, other: DocumentResult) -> None:
        self.counts.add(other.counts)
        for mine, theirs in ((self.by_type, other.by_type), (self.by_system_type, other.by_system_type)):
            for type_name, counts in theirs.items():
                mine.setdefault(type_name, Counts()).add(counts)
        self.errors.extend(other.errors)

    def type_counts(self, type_name: str) -> Counts:
        return self.by_type.setdefault(type_name, Counts())

    def system_type_counts(self, type_name: str) -> Counts:
        return self.by_system_type.setdefault(type_name, Counts())


@dataclass
class CorpusResult(DocumentResult):
    """A corpus: its documents' results pooled (micro-averaged)."""

    name: str = ""
    docs: int = 0

    def summary(self) -> dict[str, Any]:
        """Scores as in :meth:`Counts.scores`, with document and expression counts, and by type.

        By type, recall counts gold expressions and their matches under the gold type,
        precision system expressions and their matches under the system's type.
        """
        by_type = {}
        for type_name in sorted(self.by_type.keys() | self.by_system_type.keys()):
            expected, found = self.type_counts(type_name), self.system_type_counts(type_name)
            by_type[type_name] = {"gold": expected.gold, "system": found.system, **expected.scores(found)}
        return {
            "docs": self.docs,
            "gold": self.counts.gold,
            "system": self.counts.system,
            **self.counts.scores(),
            "by_type": by_type,
        }


def match(gold: Sequence[GoldTimex], system: Sequence[TimeExpression]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching as (gold index, system index) pairs.

    Overlapping pairs are taken greedily: exact spans first, then the larger overlap, then text
    order, so an exact match is never lost to a mere overlap.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for g, gold_timex in enumerate(gold):
        for s, system_timex in enumerate(system):
            overlap = min(gold_timex.end, system_timex.end) - max(gold_timex.start, system_timex.start)
            if overlap > 0:
                exact = gold_timex.start == system_timex.start and gold_timex.end == system_timex.end
                candidates.append((0 if exact else 1, -overlap, g, s))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _exact, _overlap, g, s in sorted(candidates):
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((g, s))
    return sorted(pairs)


def _sentence_at(sentences: Sequence[Sentence], offset: int) -> str:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.text
    return ""


def evaluate_document(
    doc: TimemlDocument, system: Sequence[TimeExpression], sentences: Sequence[Sentence]
) -> DocumentResult:
    """Counts and errors of one document's system expressions against its gold ones."""
    gold = doc.timexes
    pairs = match(gold, system)
    result = DocumentResult()
    result.counts = Counts(gold=len(gold), system=len(system))
    for gold_timex in gold:
        result.type_counts(gold_timex.type).gold += 1
    for system_timex in system:
        result.system_type_counts(TimexType(system_timex.type).value).system += 1

    def error(kind: str, gold_timex: GoldTimex | None, system_timex: TimeExpression | None) -> Error:
        offset = gold_timex.start if gold_timex is not None else system_timex.start if system_timex else 0
        return Error(kind, gold_timex, system_timex, _sentence_at(sentences, offset), doc.dct_value, doc.name)

    for g, s in pairs:
        gold_timex, system_timex = gold[g], system[s]
        exact = (gold_timex.start, gold_timex.end) == (system_timex.start, system_timex.end)
        same_type = gold_timex.type == TimexType(system_timex.type).value
        same_value = gold_timex.value == system_timex.value
        for counts in (
            result.counts,
            result.type_counts(gold_timex.type),
            result.system_type_counts(TimexType(system_timex.type).value),
        ):
            counts.count_match(exact, same_type, same_value)
        if not same_value:
            result.errors.append(error("wrong value", gold_timex, system_timex))
        elif not same_type:
            result.errors.append(error("wrong type", gold_timex, system_timex))
        elif not exact:
            result.errors.append(error("wrong extent", gold_timex, system_timex))
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    result.errors.extend(error("missed", timex, None) for g, timex in enumerate(gold) if g not in matched_gold)
    result.errors.extend(error("spurious", None, timex) for s, timex in enumerate(system) if s not in matched_system)
    return result


def evaluate_corpora(
    corpora: Iterable[Path],
    tagger: Tagger = storyline_tagger,
    lang: str | None = None,
) -> list[CorpusResult]:
    """Run ``tagger`` on every TimeML document of each corpus directory and score it.

    ``lang`` forces the language; otherwise each document's language is detected from its text.
    """
    results: list[CorpusResult] = []
    for corpus in corpora:
        result = CorpusResult(name=corpus.name or str(corpus))
        for path in find_timeml_files(corpus):
            doc = read_timeml(path)
            doc_lang = lang or detect_language(doc.text)
            sentences = split_sentences(doc.text, doc_lang)
            system = sorted(tagger(doc.text, doc_lang, doc.dct, sentences), key=lambda t: (t.start, t.end))
            result.add(evaluate_document(doc, system, sentences))
            result.docs += 1
        results.append(result)
    return results


def overall(results: Sequence[CorpusResult]) -> CorpusResult:
    """All corpora pooled (micro-averaged)."""
    total = CorpusResult(name="overall")
    for result in results:
        total.docs += result.docs
        total.add(result)
    return total


def as_json(results: Sequence[CorpusResult]) -> dict[str, Any]:
    """``{"corpora": {name: scores}, "overall": scores}`` with scores as in :meth:`Counts.scores`."""
    return {
        "corpora": {result.name: result.summary() for result in results},
        "overall": overall(results).summary(),
    }


def _table_line(name: str, counts: tuple[str, str, str], strict: str, relaxed: str, type_f1: str, value: str) -> str:
    return (
        f"{name:<40} {counts[0]:>5} {counts[1]:>5} {counts[2]:>5}  {strict:>17}  {relaxed:>17}  {type_f1:>7} {value:>8}"
    )


def format_table(
    rows: Sequence[CorpusResult], anchors: Mapping[str, tuple[float, float, float, float]] | None = None
) -> str:
    """A plain-text table: per corpus extent P/R/F1 (strict, relaxed), type and value F1.

    ``anchors`` adds, under a corpus of that name, a reference system's F1 scores
    (strict, relaxed, type, value).
    """
    header = _table_line("corpus", ("docs", "gold", "sys"), "strict P/R/F1", "relaxed P/R/F1", "type F1", "value F1")
    lines = [header, "-" * len(header)]
    for row in rows:
        s = row.counts.scores()
        lines.append(
            _table_line(
                row.name,
                (str(row.docs), str(row.counts.gold), str(row.counts.system)),
                f"{s['strict_precision']:.3f}/{s['strict_recall']:.3f}/{s['strict_f1']:.3f}",
                f"{s['relaxed_precision']:.3f}/{s['relaxed_recall']:.3f}/{s['relaxed_f1']:.3f}",
                f"{s['type_f1']:.3f}",
                f"{s['value_f1']:.3f}",
            )
        )
        if anchors and row.name in anchors:
            strict, relaxed, type_f1, value_f1 = anchors[row.name]
            lines.append(
                _table_line(
                    "  HeidelTime 2.2.1 (anchor)",
                    ("", "", ""),
                    f"{strict:.3f}",
                    f"{relaxed:.3f}",
                    f"{type_f1:.3f}",
                    f"{value_f1:.3f}",
                )
            )
    return "\n".join(lines)


def format_by_type(result: DocumentResult) -> str:
    """One line per TIMEX3 type: how many the gold standard and the tagger have, relaxed
    precision (under the tagger's type) and recall (under the gold type), and how many of the
    gold ones got the right type and value."""
    lines = []
    for type_name in sorted(result.by_type.keys() | result.by_system_type.keys()):
        expected, found = result.type_counts(type_name), result.system_type_counts(type_name)
        scores = expected.scores(found)
        lines.append(
            f"{type_name:<9} gold {expected.gold:>5}  system {found.system:>5}  "
            f"relaxed P {scores['relaxed_precision']:.3f} R {scores['relaxed_recall']:.3f}  "
            f"type R {scores['type_recall']:.3f}  value R {scores['value_recall']:.3f}"
        )
    return "\n".join(lines)


_DIGITS = re.compile(r"\d")


def _pattern(error: Error) -> str:
    """The surface form with digits blanked, so "am 3. Mai" and "am 17. Mai" group together."""
    timex = error.gold if error.gold is not None else error.system
    surface = timex.text if timex is not None else ""
    return _DIGITS.sub("0", " ".join(surface.lower().split()))


def _describe(error: Error) -> str:
    gold = f"{error.gold.text!r} {error.gold.type} {error.gold.value}" if error.gold else "—"
    if error.gold and error.gold.mod:
        gold += f" mod={error.gold.mod}"
    ours = f"{error.system.text!r} {error.system.type} {error.system.value}" if error.system else "—"
    if error.system and error.system.mod:
        ours += f" mod={error.system.mod}"
    return f"gold: {gold:<45} ours: {ours}"


ERROR_KINDS = ("missed", "spurious", "wrong value", "wrong type", "wrong extent")


@dataclass
class ErrorGroup:
    """Errors of one kind that share a surface pattern, with the first one as example."""

    kind: str
    pattern: str
    count: int
    example: Error


@dataclass
class ErrorKind:
    """The errors of one kind: how many, in how many patterns, and the most frequent groups."""

    kind: str
    total: int
    patterns: int
    groups: list[ErrorGroup]


def group_errors(errors: Sequence[Error], limit: int) -> list[ErrorKind]:
    """Per kind: the number of errors and the ``limit`` most frequent patterns.

    A pattern is the surface form with digits blanked, so that the patterns a rule set lacks
    come first.
    """
    grouped: list[ErrorKind] = []
    for kind in ERROR_KINDS:
        of_kind = [error for error in errors if error.kind == kind]
        if not of_kind:
            continue
        counts = Counter(_pattern(error) for error in of_kind)
        examples: dict[str, Error] = {}
        for error in of_kind:
            examples.setdefault(_pattern(error), error)
        groups = [ErrorGroup(kind, pattern, count, examples[pattern]) for pattern, count in counts.most_common(limit)]
        grouped.append(ErrorKind(kind, len(of_kind), len(counts), groups))
    return grouped


def format_errors(errors: Sequence[Error], limit: int) -> str:
    """The ``limit`` most frequent error patterns of each kind, one example each, side by side."""
    lines: list[str] = []
    for error_kind in group_errors(errors, limit):
        lines.append(f"\n== {error_kind.kind}: {error_kind.total} ({error_kind.patterns} patterns) ==")
        for group in error_kind.groups:
            example = group.example
            lines.append(f"{group.count:>4} × {group.pattern!r}")
            lines.append(f"       {_describe(example)}")
            where = f"DCT {_with_weekday(example.dct)}  {Path(example.doc).name}"
            lines.append(f"       {where}: {_shorten(example.sentence)}")
    return "\n".join(lines).lstrip("\n")


def errors_json(errors: Sequence[Error], limit: int) -> dict[str, Any]:
    """:func:`group_errors` as JSON: ``{kind: {"count", "patterns": [{"pattern", "count", "gold", "ours", …}]}}``."""

    def timex_json(timex: GoldTimex | TimeExpression | None) -> dict[str, Any] | None:
        if timex is None:
            return None
        type_name = timex.type if isinstance(timex, GoldTimex) else TimexType(timex.type).value
        return {"text": timex.text, "type": type_name, "value": timex.value, "mod": timex.mod}

    return {
        error_kind.kind: {
            "count": error_kind.total,
            "patterns": [
                {
                    "pattern": group.pattern,
                    "count": group.count,
                    "gold": timex_json(group.example.gold),
                    "ours": timex_json(group.example.system),
                    "sentence": group.example.sentence,
                    "dct": group.example.dct,
                    "doc": group.example.doc,
                }
                for group in error_kind.groups
            ],
        }
        for error_kind in group_errors(errors, limit)
    }


def _with_weekday(dct: str) -> str:
    """``2025-05-17 (Sat)`` for a day, since weekday expressions resolve relative to it."""
    try:
        period = Period.parse(dct)
    except ValueError:
        return dct
    return f"{dct} ({period.first:%a})" if period.day is not None else dct


def _shorten(sentence: str, width: int = 220) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
