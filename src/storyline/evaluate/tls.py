"""Timeline summarisation (TLS) evaluation, compatible with tilse 0.2.1 and news-tls's T17 setting.

Scores: tilse's five ROUGE-based timeline metrics (Martschat and Markert, EACL 2017: concat,
agreement, align, align+, align+ m:1; the last gives the AR-1/AR-2 of the TLS literature) on
ROUGE-1.5.5 counts (:mod:`storyline.evaluate.rouge`), and date F1.  Data: the Timeline17 folder
layout (``articles.json`` and ``*.timeline.json``), with news-tls's task protocol: one task per
reference timeline, the articles published between its first and last date, as many dates as
it has, and the rounded mean of its sentences per date.
"""

from __future__ import annotations

import json
import string
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from time import perf_counter
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from storyline import pipeline
from storyline.evaluate.rouge import Ngrams, RougeCounts, ngrams, rouge_counts, rouge_tokens
from storyline.model import Document, Period
from storyline.tls import DaySummary

DayTimeline = Mapping[date, Sequence[str]]
"""A timeline as tilse sees it: each day's summary as sentences of whitespace-separated tokens."""

ROUGE_METHODS = (
    "concat",
    "agreement",
    "align_date_costs",
    "align_date_content_costs",
    "align_date_content_costs_many_to_one",
)
ROUGE_ORDERS = (1, 2)

KEYWORDS_FILE = "t17_keywords.toml"
"""Task keywords by topic prefix, package data beside this module (part of the T17 task input)."""


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f_score: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        total = precision + recall
        return cls(precision, recall, 0.0 if total == 0 else 2 * precision * recall / total)

    @classmethod
    def of_ratios(cls, hits_p: float, denom_p: float, hits_r: float, denom_r: float) -> PRF:
        """Micro ratios, 0 where a denominator is 0."""
        return cls.of(hits_p / denom_p if denom_p else 0.0, hits_r / denom_r if denom_r else 0.0)


@dataclass(frozen=True)
class TimelineScores:
    """All scores of one system timeline: ``rouge[method][order]`` and date P/R/F."""

    rouge: dict[str, dict[int, PRF]]
    dates: PRF

    @property
    def ar1(self) -> float:
        return self.rouge["align_date_content_costs_many_to_one"][1].f_score

    @property
    def ar2(self) -> float:
        return self.rouge["align_date_content_costs_many_to_one"][2].f_score


# -- scoring ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Day:
    """One day's summary, preprocessed once for every comparison it takes part in."""

    tokens: list[str]
    grams: dict[int, Ngrams]
    raw: Counter[str]


_EMPTY_COUNTS = RougeCounts(0, 0, 0)


def _prepare(sentences: Sequence[str], lang: str) -> _Day:
    tokens = rouge_tokens(sentences, lang)
    raw = Counter(t for s in sentences for t in s.split() if t not in string.punctuation)
    return _Day(tokens, {n: ngrams(tokens, n) for n in ROUGE_ORDERS}, raw)


def _approx_rouge1(system: Counter[str], reference: Counter[str]) -> float:
    """tilse's content similarity for alignment: ROUGE-1 F on raw tokens, punctuation dropped."""
    match = sum(min(count, reference[token]) for token, count in system.items() if token in reference)
    sys_total, ref_total = system.total(), reference.total()
    precision = match / sys_total if sys_total else 0
    recall = match / ref_total if ref_total else 0
    return 0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _date_costs(sys_dates: Sequence[date], ref_dates: Sequence[date]) -> NDArray[np.float64]:
    gaps = np.abs(np.array([d.toordinal() for d in sys_dates])[:, None] - np.array([d.toordinal() for d in ref_dates]))
    costs: NDArray[np.float64] = 1 - 1 / (gaps + 1)
    return costs


class _Comparison:
    """A system against one reference timeline, with per-day preprocessing and counts cached."""

    def __init__(self, system: DayTimeline, reference: DayTimeline, lang: str) -> None:
        self.sys_dates = sorted(system)
        self.ref_dates = sorted(reference)
        self.system = {d: _prepare(system[d], lang) for d in self.sys_dates}
        self.reference = {d: _prepare(reference[d], lang) for d in self.ref_dates}
        self._counts: dict[tuple[date | None, date | None, int], RougeCounts] = {}

    def counts(self, sys_date: date | None, ref_date: date | None, n: int) -> RougeCounts:
        """ROUGE-n counts of a system day against a reference day (``None``: an empty day)."""
        key = (sys_date, ref_date, n)
        if key not in self._counts:
            peer = self.system[sys_date].grams[n] if sys_date in self.system else Counter()
            model = self.reference[ref_date].grams[n] if ref_date in self.reference else Counter()
            self._counts[key] = rouge_counts(peer, model)
        return self._counts[key]

    def concat(self, n: int) -> PRF:
        peer = ngrams([t for d in self.sys_dates for t in self.system[d].tokens], n)
        model = ngrams([t for d in self.ref_dates for t in self.reference[d].tokens], n)
        c = rouge_counts(peer, model)
        return PRF.of_ratios(c.hits, c.peer, c.hits, c.model)

    def agreement(self, n: int) -> PRF:
        p_counts = [self.counts(d, d if d in self.reference else None, n) for d in self.sys_dates]
        r_counts = [self.counts(d if d in self.system else None, d, n) for d in self.ref_dates]
        return PRF.of_ratios(
            sum(c.hits for c in p_counts),
            sum(c.peer for c in p_counts),
            sum(c.hits for c in r_counts),
            sum(c.model for c in r_counts),
        )

    def content_costs(self) -> NDArray[np.float64]:
        """Rows: system dates, columns: reference dates; 0 for the same day whatever the text."""
        approx = np.zeros((len(self.sys_dates), len(self.ref_dates)))
        for i, s in enumerate(self.sys_dates):
            for j, r in enumerate(self.ref_dates):
                approx[i, j] = _approx_rouge1(self.system[s].raw, self.reference[r].raw)
        costs: NDArray[np.float64] = _date_costs(self.sys_dates, self.ref_dates) * (1 - approx)
        return costs

    def aligned(self, prec_pairs: Iterable[tuple[int, int]], rec_pairs: Iterable[tuple[int, int]], n: int) -> PRF:
        """Micro P/R over aligned (system index, reference index) pairs, hits weighted by date gap."""
        hits_p = denom_p = hits_r = denom_r = 0.0
        matched_sys: set[int] = set()
        for i, j in prec_pairs:
            s, r = self.sys_dates[i], self.ref_dates[j]
            c = self.counts(s, r, n)
            hits_p += c.hits / (abs(s.toordinal() - r.toordinal()) + 1)
            denom_p += c.peer
            matched_sys.add(i)
        denom_p += sum(self.counts(s, None, n).peer for i, s in enumerate(self.sys_dates) if i not in matched_sys)
        matched_ref: set[int] = set()
        for i, j in rec_pairs:
            s, r = self.sys_dates[i], self.ref_dates[j]
            c = self.counts(s, r, n)
            hits_r += c.hits / (abs(s.toordinal() - r.toordinal()) + 1)
            denom_r += c.model
            matched_ref.add(j)
        denom_r += sum(self.counts(None, r, n).model for j, r in enumerate(self.ref_dates) if j not in matched_ref)
        return PRF.of_ratios(hits_p, denom_p, hits_r, denom_r)


def _one_to_one(costs: NDArray[np.float64]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Optimal injective alignments: precision on the matrix, recall on its transpose."""
    from scipy.optimize import linear_sum_assignment  # scipy's optimisers load only for scoring

    rows, cols = linear_sum_assignment(costs)
    rec_rows, rec_cols = linear_sum_assignment(costs.T)
    return list(zip(rows.tolist(), cols.tolist(), strict=True)), [
        (int(s), int(r)) for r, s in zip(rec_rows, rec_cols, strict=True)
    ]


def _many_to_one(costs: NDArray[np.float64]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Each system date to its cheapest reference date, and each reference date to its cheapest
    system date (the earliest wins ties)."""
    prec = [(i, int(j)) for i, j in enumerate(costs.argmin(axis=1))] if costs.shape[1] else []
    rec = [(int(i), j) for j, i in enumerate(costs.argmin(axis=0))] if costs.shape[0] else []
    return prec, rec


def date_scores(system: Iterable[date], reference: Iterable[date]) -> PRF:
    """Date P/R/F: overlap of the two sets of days."""
    sys_days, ref_days = set(system), set(reference)
    common = len(sys_days & ref_days)
    return PRF.of_ratios(common, len(sys_days), common, len(ref_days))


def evaluate(
    system: DayTimeline,
    reference: DayTimeline,
    *,
    lang: str = "en",
    methods: Sequence[str] = ROUGE_METHODS,
) -> TimelineScores:
    """Score a system timeline against one reference timeline as tilse does.

    Differences from tilse: where tilse's concat divides by zero (no n-grams on one side) the
    score is 0, and an empty system timeline scores 0 instead of failing.
    """
    comparison = _Comparison(system, reference, lang)
    rouge: dict[str, dict[int, PRF]] = {}
    alignments: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    if {"align_date_content_costs", "align_date_content_costs_many_to_one"} & set(methods):
        content = comparison.content_costs()
        alignments["align_date_content_costs"] = _one_to_one(content)
        alignments["align_date_content_costs_many_to_one"] = _many_to_one(content)
    if "align_date_costs" in methods:
        alignments["align_date_costs"] = _one_to_one(_date_costs(comparison.sys_dates, comparison.ref_dates))
    for method in methods:
        if method == "concat":
            rouge[method] = {n: comparison.concat(n) for n in ROUGE_ORDERS}
        elif method == "agreement":
            rouge[method] = {n: comparison.agreement(n) for n in ROUGE_ORDERS}
        elif method in alignments:
            prec_pairs, rec_pairs = alignments[method]
            rouge[method] = {n: comparison.aligned(prec_pairs, rec_pairs, n) for n in ROUGE_ORDERS}
        else:
            raise ValueError(f"unknown ROUGE method {method!r} (known: {', '.join(ROUGE_METHODS)})")
    return TimelineScores(rouge, date_scores(system, reference))


# -- data: Timeline17 layout ------------------------------------------------------------------
_PTB_SYMBOLS = {
    "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
    "``": '"', "''": '"', "`": "'",
}  # fmt: skip
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "!!", "??", "'", "''"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "`", "$", "#"})
_CLITICS = ("'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M")


@dataclass(frozen=True)
class Detokenised:
    """Plain text made from PTB-tokenised text, with each token's place in both.

    ``tokens[i]`` is the original token, ``spans[i]`` its (start, end) in ``text``.  Pipelines
    read ``text``; :meth:`original` turns a span of ``text`` back into the original tokens, the
    form reference timelines are written in, so that ROUGE sees both sides tokenised alike.
    """

    text: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def original(self, start: int, end: int) -> str:
        """The original tokens that overlap ``text[start:end]``, joined by single spaces."""
        return " ".join(t for t, (a, b) in zip(self.tokens, self.spans, strict=True) if a < end and b > start)


def detokenise(tokenised: str) -> Detokenised:
    """Undo PTB tokenisation: brackets and quotes back, no space before punctuation or clitics."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    tokens = tuple(tokenised.split())
    length = 0
    glue_next = True
    for token in tokens:
        surface = _PTB_SYMBOLS.get(token, token).replace("\\/", "/").replace("\\*", "*")
        if not (glue_next or token in _NO_SPACE_BEFORE or surface in _NO_SPACE_BEFORE or token.startswith(_CLITICS)):
            parts.append(" ")
            length += 1
        spans.append((length, length + len(surface)))
        parts.append(surface)
        length += len(surface)
        glue_next = token in _NO_SPACE_AFTER or surface in _NO_SPACE_AFTER
    return Detokenised("".join(parts), tokens, tuple(spans))


def split_reference_sentences(text: str) -> list[str]:
    """Sentences of a tokenised reference entry: a sentence ends after a ``.``, ``!`` or ``?`` token."""
    sentences: list[str] = []
    current: list[str] = []
    for token in text.split():
        current.append(token)
        if token in (".", "!", "?"):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


def read_reference(path: Path) -> dict[date, list[str]]:
    """A ``*.timeline.json`` file; entries that share a date are merged in file order."""
    timeline: dict[date, list[str]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        timeline.setdefault(date.fromisoformat(entry["date"]), []).extend(split_reference_sentences(entry["text"]))
    return dict(sorted(timeline.items()))


@dataclass(frozen=True)
class Article:
    """An input article of a T17 folder (its ``dates`` field, another tagger's, is ignored)."""

    uid: str
    published: date
    text: Detokenised


def read_articles(folder: Path) -> list[Article]:
    records = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    return [Article(str(r["uid"]), date.fromisoformat(r["dct"][:10]), detokenise(r["text"])) for r in records]


@dataclass(frozen=True)
class Task:
    """One T17 task: produce ``max_dates`` dates with ``sentences_per_date`` sentences each."""

    topic: str
    name: str
    keywords: tuple[str, ...]
    articles: list[Article]
    reference: dict[date, list[str]]
    max_dates: int
    sentences_per_date: int


@cache
def task_keywords() -> dict[str, tuple[str, ...]]:
    """The task keywords of :data:`KEYWORDS_FILE`, by lowercase topic prefix."""
    table = tomllib.loads(resources.files("storyline.evaluate").joinpath(KEYWORDS_FILE).read_text(encoding="utf-8"))
    return {topic.lower(): tuple(str(k) for k in keywords) for topic, keywords in table["topics"].items()}


def topic_keywords(folder: Path) -> tuple[str, ...]:
    """The folder's ``keywords.json``, else the task keywords of its topic prefix, else none."""
    path = folder / "keywords.json"
    if path.is_file():
        return tuple(str(k) for k in json.loads(path.read_text(encoding="utf-8")))
    return task_keywords().get(folder.name.split("_", 1)[0].lower(), ())


def load_tasks(folder: Path) -> list[Task]:
    """One task per reference timeline of a topic folder (news-tls's protocol)."""
    articles = read_articles(folder)
    keywords = topic_keywords(folder)
    tasks = []
    for path in sorted(folder.glob("*.timeline.json")):
        reference = read_reference(path)
        first, last = min(reference), max(reference)
        sentences = sum(len(s) for s in reference.values())
        tasks.append(
            Task(
                topic=folder.name,
                name=path.name.removesuffix(".timeline.json"),
                keywords=keywords,
                articles=[a for a in articles if first <= a.published <= last],
                reference=reference,
                max_dates=len(reference),
                sentences_per_date=max(1, round(sentences / len(reference))),
            )
        )
    return tasks


def topic_folders(paths: Iterable[Path]) -> list[Path]:
    """Topic folders named directly or found one level below a dataset folder."""
    folders: list[Path] = []
    for path in paths:
        if (path / "articles.json").is_file():
            folders.append(path)
        elif path.is_dir():
            folders.extend(sorted(p for p in path.iterdir() if (p / "articles.json").is_file()))
        else:
            raise FileNotFoundError(f"not a T17 topic or dataset folder: {path}")
    return folders


# -- running a method on the tasks ------------------------------------------------------------
class TlsMethod(Protocol):
    def __call__(
        self,
        docs: Sequence[Document],
        *,
        max_dates: int,
        sentences_per_date: int,
        keywords: Iterable[str] = (),
        lang: str = "en",
    ) -> list[DaySummary]: ...


def analysed_documents(articles: Iterable[Article]) -> list[Document]:
    """The articles through the per-document stages of ``storyline build``."""
    docs = []
    for article in articles:
        doc = Document(
            id=article.uid,
            text=article.text.text,
            published=Period.of_day(article.published),
            published_source="metadata",
            lang="en",
        )
        docs.append(pipeline.analyse(doc))
    return docs


def run_task(task: Task, method: TlsMethod) -> tuple[dict[date, list[str]], float]:
    """The system timeline in the corpus's tokenisation (as a reference is written), and seconds."""
    started = perf_counter()
    docs = analysed_documents(task.articles)
    summaries = method(
        docs, max_dates=task.max_dates, sentences_per_date=task.sentences_per_date, keywords=task.keywords
    )
    seconds = perf_counter() - started
    by_uid = {article.uid: article for article in task.articles}
    system = {
        summary.day: [" ".join(by_uid[s.doc_id].text.original(*piece) for piece in s.pieces) for s in summary.sentences]
        for summary in summaries
    }
    return system, seconds


def evaluate_folders(paths: Iterable[Path], method: TlsMethod) -> dict[str, Any]:
    """``{"topics": {name: scores}, "mean": scores}`` with AR-1/AR-2/date F1 and seconds.

    A topic's scores are the mean over its tasks; its seconds include reading and
    detokenising the folder.  The overall mean is over tasks.
    """
    topics: dict[str, dict[str, float]] = {}
    rows: list[dict[str, float]] = []
    for folder in topic_folders(paths):
        started = perf_counter()
        tasks = load_tasks(folder)
        seconds = perf_counter() - started
        task_rows = []
        for task in tasks:
            system, task_seconds = run_task(task, method)
            seconds += task_seconds
            scores = evaluate(system, task.reference, methods=("align_date_content_costs_many_to_one",))
            task_rows.append({"ar1_f1": scores.ar1, "ar2_f1": scores.ar2, "date_f1": scores.dates.f_score})
        rows.extend(task_rows)
        topics[folder.name] = {**_mean(task_rows), "seconds": seconds}
    mean = {**_mean(rows), "seconds": _mean([{"s": t["seconds"]} for t in topics.values()]).get("s", 0.0)}
    return {"topics": topics, "mean": mean}


def _mean(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    if not rows:
        return {}
    return {key: sum(row[key] for row in rows) / len(rows) for key in rows[0]}
