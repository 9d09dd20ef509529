"""``storyline bench timex [--data DIR]``: speed and quality of the temporal tagger.

On the shared TimeML corpora (``../shared/data/timex``), pinned to one core, it prints
sentences/s, tokens/s and documents/s (CPU time) for the whole path from raw text (sentence
splitting, tagging and normalisation): once for a first pass in a fresh interpreter (grammar
compilation and per-word caches included, what a one-off ``storyline tag`` pays), then warm, and
for sentence splitting alone; then the TempEval-3 quality table
per corpus beside the HeidelTime 2.2.1 anchors of issue 9 (and, for KRAUTS, the scores of the
corpus authors' own HeidelTime output).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline import timex
from storyline.cli.common import pin_to_one_core
from storyline.evaluate.timeml import AUTHORS_OUTPUT_FOLDER, TimemlDocument, find_timeml_files, read_timeml
from storyline.evaluate.timex import evaluate_corpora, format_table, replay_tagger
from storyline.text import split_sentences, tokenize

# (label, folder under the data directory, language)
CORPORA = (
    ("TempEval-3 TimeBank (en)", "tempeval3/TBAQ-cleaned/TimeBank", "en"),
    ("TempEval-3 AQUAINT (en)", "tempeval3/TBAQ-cleaned/AQUAINT", "en"),
    ("KRAUTS development part (de)", "krauts", "de"),
)
# HeidelTime 2.2.1, news mode, each document's own DCT (issue 9): strict, relaxed, type, value F1.
HEIDELTIME_ANCHORS = {
    "TempEval-3 TimeBank (en)": (0.853, 0.919, 0.897, 0.795),
    "TempEval-3 AQUAINT (en)": (0.813, 0.925, 0.846, 0.729),
    "KRAUTS development part (de)": (0.734, 0.813, 0.779, 0.695),
}
HEIDELTIME_SPEED = "HeidelTime (warm JVM, issue 9): about 1.2 docs/s and 450 tokens/s"
HEIDELTIME_TOKENS_PER_SECOND = 450
TARGET_SENTENCES_PER_SECOND = 5_000  # issue 9, from raw text on one core
COLLECTION_SENTENCES = 12_700  # the collection size issue 9 names
_MIN_SECONDS = 1.0


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "timex",
        help="speed and quality of the temporal tagger on the shared TimeML corpora",
        description=(
            "Speed (one core: sentences/s, tokens/s, docs/s from raw text, and for sentence "
            "splitting alone) and TempEval-3 quality of the temporal tagger on the shared TimeML "
            "corpora, beside the HeidelTime anchors."
        ),
    )
    sub.add_argument("--data", type=Path, help="the timex data folder (default: ../shared/data/timex)")
    sub.set_defaults(func=run)


def default_data_dir() -> Path | None:
    """``../shared/data/timex`` from the current directory, else from the repository root."""
    repo_root = Path(__file__).resolve().parents[3]
    for base in (Path.cwd(), repo_root):
        candidate = base / ".." / "shared" / "data" / "timex"
        if candidate.is_dir():
            return candidate.resolve()
    return None


@dataclass
class Speed:
    docs: int
    sentences: int
    tokens: int
    seconds: float

    def line(self, label: str) -> str:
        return (
            f"{label:<42} {self.sentences / self.seconds:>12,.0f} {self.tokens / self.seconds:>12,.0f} "
            f"{self.docs / self.seconds:>9,.0f}"
        )


def measure(docs: list[tuple[TimemlDocument, str]], work: Callable[[str, str, TimemlDocument], object]) -> float:
    """CPU seconds per pass of ``work`` over all documents (best of passes filling about a
    second, so warm: caches filled by the first)."""
    best = float("inf")
    spent = 0.0
    passes = 0
    while spent < _MIN_SECONDS or passes < 2:
        started = time.process_time()
        for doc, lang in docs:
            work(doc.text, lang, doc)
        elapsed = time.process_time() - started
        best = min(best, elapsed)
        spent += elapsed
        passes += 1
    return best


def _split(text: str, lang: str, doc: TimemlDocument) -> object:
    return split_sentences(text, lang)


def _split_and_tag(text: str, lang: str, doc: TimemlDocument) -> object:
    return timex.tag(text, lang, doc.dct, split_sentences(text, lang))


def first_pass_seconds(corpora: list[tuple[Path, str]]) -> float:
    """CPU seconds of one pass of splitting and tagging over the corpora in this process, on
    one core (the first pass when the process is fresh; reading the files is not counted)."""
    pin_to_one_core()
    docs = [(read_timeml(path), lang) for folder, lang in corpora for path in find_timeml_files(folder)]
    started = time.process_time()
    for doc, lang in docs:
        _split_and_tag(doc.text, lang, doc)
    return time.process_time() - started


_FIRST_PASS_CHILD = (
    "import json, sys; from pathlib import Path; from storyline.cli.bench_timex import first_pass_seconds; "
    "print(json.dumps(first_pass_seconds([(Path(f), lang) for f, lang in json.loads(sys.argv[1])])))"
)


def first_pass_in_fresh_process(corpora: list[tuple[Path, str]]) -> float:
    """:func:`first_pass_seconds` in a new interpreter, so that no grammar, regex or word cache
    of this process helps."""
    argument = json.dumps([(str(folder), lang) for folder, lang in corpora])
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PASS_CHILD, argument], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def run(args: argparse.Namespace) -> int:
    data = args.data or default_data_dir()
    if data is None or not data.is_dir():
        print(f"storyline bench timex: skipped: TimeML data missing: {args.data or '../shared/data/timex'}")
        return 0
    corpora = [(label, data / folder, lang) for label, folder, lang in CORPORA if (data / folder).is_dir()]
    if not corpora:
        print(f"storyline bench timex: skipped: no known corpus under {data}")
        return 0
    first_seconds = first_pass_in_fresh_process([(folder, lang) for _, folder, lang in corpora])
    print(f"storyline bench timex on {data} ({pin_to_one_core()}, CPU time)\n")

    loaded = {
        label: [(read_timeml(path), lang) for path in find_timeml_files(folder)] for label, folder, lang in corpora
    }
    header = f"{'speed':<42} {'sentences/s':>12} {'tokens/s':>12} {'docs/s':>9}"
    print(header)
    print("-" * len(header))
    totals = {"split": 0.0, "full": 0.0}
    everything: list[tuple[TimemlDocument, str]] = []
    for label, docs in loaded.items():
        everything.extend(docs)
        sentences = sum(len(split_sentences(doc.text, lang)) for doc, lang in docs)
        tokens = sum(len(tokenize(doc.text)) for doc, _ in docs)
        split_seconds = measure(docs, _split)
        full_seconds = measure(docs, _split_and_tag)
        totals["split"] += split_seconds
        totals["full"] += full_seconds
        print(Speed(len(docs), sentences, tokens, full_seconds).line(f"{label}: full path"))
        print(Speed(len(docs), sentences, tokens, split_seconds).line("  sentence splitting alone"))
    all_sentences = sum(len(split_sentences(doc.text, lang)) for doc, lang in everything)
    all_tokens = sum(len(tokenize(doc.text)) for doc, _ in everything)
    total_full = Speed(len(everything), all_sentences, all_tokens, totals["full"])
    print(total_full.line("all corpora: full path, warm"))
    print(Speed(len(everything), all_sentences, all_tokens, totals["split"]).line("  sentence splitting alone"))
    print(Speed(len(everything), all_sentences, all_tokens, first_seconds).line("all corpora: full path, first pass"))
    first_rate = all_sentences / first_seconds
    print(
        f"\n{len(everything)} docs, {all_sentences:,} sentences, {all_tokens:,} tokens; the first pass "
        f"(fresh interpreter, grammars compiled on the way) took {first_seconds:.2f} s of CPU.\n"
        f"{HEIDELTIME_SPEED}: this is about {all_tokens / first_seconds / HEIDELTIME_TOKENS_PER_SECOND:,.0f} "
        f"times faster by tokens on a first pass, {all_tokens / totals['full'] / HEIDELTIME_TOKENS_PER_SECOND:,.0f} "
        f"warm.\n"
        f"Target: >= {TARGET_SENTENCES_PER_SECOND:,} sentences/s, first pass included "
        f"({'met' if first_rate >= TARGET_SENTENCES_PER_SECOND else 'NOT met'}: {first_rate:,.0f}); "
        f"a {COLLECTION_SENTENCES:,}-sentence collection takes about "
        f"{COLLECTION_SENTENCES / first_rate:.1f} s from a cold start.\n"
    )

    rows = []
    for label, folder, lang in corpora:
        [result] = evaluate_corpora([folder], lang=lang)
        result.name = label
        rows.append(result)
        authors = folder / AUTHORS_OUTPUT_FOLDER
        if authors.is_dir():
            [baseline] = evaluate_corpora([folder], tagger=replay_tagger(authors), lang=lang)
            baseline.name = "  HeidelTime, run by the KRAUTS authors"
            rows.append(baseline)
    print(format_table(rows, HEIDELTIME_ANCHORS))
    return 0
