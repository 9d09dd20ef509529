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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.evaluate.timeml import GoldTimex, TimemlDocument, find_timeml_files, read_timeml
from storyline.model import Period, Sentence, TimeExpression, TimexType

__all__ = [
    "CorpusResult",
    "Counts",
    "DocumentResult",
    "Error",
    "Tagger",
    "as_json",
    "evaluate_corpora",
    "evaluate_document",
    "format_errors",
    "format_table",
    "match",
    "overall",
    "storyline_tagger",
]

Tagger = Callable[[str, str, Period | None, list[Sentence]], list[TimeExpression]]
"""``(text, lang, dct, sentences) -> time expressions``: the tagger under evaluation."""


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

    def scores(self) -> dict[str, float]:
        """Precision, recall and F1 for strict, relaxed, type and value."""
        result: dict[str, float] = {}
        for name in ("strict", "relaxed", "type", "value"):
            correct = getattr(self, name)
            precision = correct / self.system if self.system else 0.0
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
    counts: Counts
    errors: list[Error]


@dataclass
class CorpusResult:
    name: str
    docs: int = 0
    counts: Counts = field(default_factory=Counts)
    errors: list[Error] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"docs": self.docs, "gold": self.counts.gold, "system": self.counts.system, **self.counts.scores()}


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
    counts = Counts(gold=len(gold), system=len(system), relaxed=len(pairs))
    errors: list[Error] = []

    def error(kind: str, gold_timex: GoldTimex | None, system_timex: TimeExpression | None) -> Error:
        offset = gold_timex.start if gold_timex is not None else system_timex.start if system_timex else 0
        return Error(kind, gold_timex, system_timex, _sentence_at(sentences, offset), doc.dct_value, doc.name)

    for g, s in pairs:
        gold_timex, system_timex = gold[g], system[s]
        exact = (gold_timex.start, gold_timex.end) == (system_timex.start, system_timex.end)
        same_type = gold_timex.type == TimexType(system_timex.type).value
        same_value = gold_timex.value == system_timex.value
        counts.strict += exact
        counts.type += same_type
        counts.value += same_value
        if not same_value:
            errors.append(error("wrong value", gold_timex, system_timex))
        elif not same_type:
            errors.append(error("wrong type", gold_timex, system_timex))
        elif not exact:
            errors.append(error("wrong extent", gold_timex, system_timex))
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    errors.extend(error("missed", timex, None) for g, timex in enumerate(gold) if g not in matched_gold)
    errors.extend(error("spurious", None, timex) for s, timex in enumerate(system) if s not in matched_system)
    return DocumentResult(counts, errors)


def evaluate_corpora(
    corpora: Iterable[Path],
    tagger: Tagger = storyline_tagger,
    lang: str | None = None,
) -> list[CorpusResult]:
    """Run ``tagger`` on every TimeML document of each corpus directory and score it.

    ``lang`` forces the language; otherwise each document's language is detected from its text.
    """
    from storyline.text import detect_language, split_sentences

    results: list[CorpusResult] = []
    for corpus in corpora:
        result = CorpusResult(name=corpus.name or str(corpus))
        for path in find_timeml_files(corpus):
            doc = read_timeml(path)
            doc_lang = lang or detect_language(doc.text)
            sentences = split_sentences(doc.text, doc_lang)
            system = sorted(tagger(doc.text, doc_lang, doc.dct, sentences), key=lambda t: (t.start, t.end))
            doc_result = evaluate_document(doc, system, sentences)
            result.docs += 1
            result.counts.add(doc_result.counts)
            result.errors.extend(doc_result.errors)
        results.append(result)
    return results


def overall(results: Sequence[CorpusResult]) -> CorpusResult:
    """All corpora pooled (micro-averaged)."""
    total = CorpusResult(name="overall")
    for result in results:
        total.docs += result.docs
        total.counts.add(result.counts)
        total.errors.extend(result.errors)
    return total


def as_json(results: Sequence[CorpusResult]) -> dict[str, Any]:
    """``{"corpora": {name: scores}, "overall": scores}`` with scores as in :meth:`Counts.scores`."""
    return {
        "corpora": {result.name: result.summary() for result in results},
        "overall": overall(results).summary(),
    }


def format_table(rows: Sequence[CorpusResult], anchors: dict[str, tuple[float, ...]] | None = None) -> str:
    """A plain-text table: per corpus extent P/R/F1 (strict, relaxed), type and value F1."""
    header = (
        f"{'corpus':<34} {'docs':>5} {'gold':>5} {'sys':>5}  {'strict P/R/F1':>17}  "
        f"{'relaxed P/R/F1':>17}  {'type F1':>7} {'value F1':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        s = row.counts.scores()
        lines.append(
            f"{row.name:<34} {row.docs:>5} {row.counts.gold:>5} {row.counts.system:>5}  "
            f"{s['strict_precision']:.3f}/{s['strict_recall']:.3f}/{s['strict_f1']:.3f}  "
            f"{s['relaxed_precision']:.3f}/{s['relaxed_recall']:.3f}/{s['relaxed_f1']:.3f}  "
            f"{s['type_f1']:>7.3f} {s['value_f1']:>8.3f}"
        )
        if anchors and row.name in anchors:
            strict, relaxed, type_f1, value_f1 = anchors[row.name]
            lines.append(
                f"{'  HeidelTime 2.2.1 (anchor)':<52}  {'':>11}{strict:.3f}  {'':>11}{relaxed:.3f}  "
                f"{type_f1:>7.3f} {value_f1:>8.3f}"
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


def format_errors(errors: Sequence[Error], limit: int) -> str:
    """The ``limit`` most frequent error patterns of each kind, one example each, side by side.

    Errors are grouped by kind and by their surface form with digits blanked, so that the
    patterns a rule set lacks come first.
    """
    lines: list[str] = []
    for kind in ERROR_KINDS:
        of_kind = [error for error in errors if error.kind == kind]
        if not of_kind:
            continue
        groups = Counter(_pattern(error) for error in of_kind)
        lines.append(f"\n== {kind}: {len(of_kind)} ({len(groups)} patterns) ==")
        examples: dict[str, Error] = {}
        for error in of_kind:
            examples.setdefault(_pattern(error), error)
        for pattern, count in groups.most_common(limit):
            example = examples[pattern]
            lines.append(f"{count:>4} × {pattern!r}")
            lines.append(f"       {_describe(example)}")
            lines.append(f"       DCT {example.dct}  {Path(example.doc).name}: {_shorten(example.sentence)}")
    return "\n".join(lines).lstrip("\n")


def _shorten(sentence: str, width: int = 220) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
