"""The pipeline as plain functions: per-document analysis, then collection-wide steps.

The per-document stages hold no global state, so documents can be analysed anywhere: one by
one, or in a pool of worker processes; only the event merge and the ranking see the whole
collection.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from storyline import events, ingest, mentions, text, timeline, timex
from storyline.model import Document, InputError, Period, Timeline

if TYPE_CHECKING:
    from storyline.tls import Summary

# Documents in flight per worker process: enough to keep workers busy, few enough that a
# huge input streams through in bounded memory.
_IN_FLIGHT_PER_WORKER = 8


def analyse(doc: Document) -> Document:
    """The per-document stages: language, sentences, time expressions, event mentions.
    (Reading already refined the publication date from the article's stamp or dateline.)"""
    text.annotate(doc)
    timex.annotate(doc)
    mentions.annotate(doc)
    return doc


def analysed(items: Iterable[Document | InputError], workers: int = 1) -> Iterator[Document | InputError]:
    """Analyse a stream of documents in input order, in ``workers`` processes when > 1;
    input errors pass through in their place."""
    if workers <= 1:
        for item in items:
            yield analyse(item) if isinstance(item, Document) else item
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[Document] | InputError] = deque()
        for item in items:
            pending.append(pool.submit(analyse, item) if isinstance(item, Document) else item)
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                yield _settled(pending.popleft())
        while pending:
            yield _settled(pending.popleft())


def _settled(entry: Future[Document] | InputError) -> Document | InputError:
    return entry if isinstance(entry, InputError) else entry.result()


def build(
    paths: Iterable[str | Path],
    *,
    dct: Period | None = None,
    lang: str | None = None,
    query: str | None = None,
    max_events: int | None = None,
    workers: int = 1,
    keep_text: bool = True,
    on_item: Callable[[Document | InputError], None] | None = None,
) -> Timeline:
    """Files and folders in, timeline out.

    ``on_item`` sees each document (analysed) and each input error as it goes, for progress
    and error reporting.  Without ``keep_text`` a document drops its text, sentences and time
    expressions once wire copies are marked, keeping its metadata and its event mentions
    (which quote their sentences)."""
    docs, errors = _read_analysed(paths, dct=dct, lang=lang, workers=workers, on_item=on_item)
    if not keep_text:
        for doc in docs:
            _drop_text(doc)
    merged = events.merge(m for doc in docs for m in doc.mentions)
    return timeline.select(merged, docs, query=query, max_events=max_events, errors=errors)


def summarise(
    paths: Iterable[str | Path],
    *,
    max_dates: int,
    sentences_per_date: int,
    keywords: Iterable[str] = (),
    dct: Period | None = None,
    lang: str | None = None,
    workers: int = 1,
    on_item: Callable[[Document | InputError], None] | None = None,
) -> Summary:
    """Files and folders in, a journalist's timeline out: the ``max_dates`` days that matter,
    each told in up to ``sentences_per_date`` sentences quoted from the articles
    (:mod:`storyline.tls`).  ``keywords`` name the topic, as a query does.  The summary keeps
    the documents' metadata for citations, not their text."""
    docs, errors = _read_analysed(paths, dct=dct, lang=lang, workers=workers, on_item=on_item)
    return summary_of(docs, errors, max_dates=max_dates, sentences_per_date=sentences_per_date, keywords=keywords)


def summary_of(
    docs: list[Document],
    errors: list[InputError],
    *,
    max_dates: int,
    sentences_per_date: int,
    keywords: Iterable[str] = (),
) -> Summary:
    """The summary of analysed documents (wire copies marked), in the language most of them
    are written in; the documents keep their metadata, not their text."""
    from storyline import tls  # scikit-learn loads only when a summary is asked for

    languages = Counter(doc.lang for doc in docs)
    lang = languages.most_common(1)[0][0] if docs else "en"
    days = tls.summarise(
        docs, max_dates=max_dates, sentences_per_date=sentences_per_date, keywords=keywords, lang=lang
    )
    for doc in docs:
        _drop_text(doc)
    return tls.Summary(days, docs, errors)


def _read_analysed(
    paths: Iterable[str | Path],
    *,
    dct: Period | None,
    lang: str | None,
    workers: int,
    on_item: Callable[[Document | InputError], None] | None,
) -> tuple[list[Document], list[InputError]]:
    """Every input analysed, with wire copies marked, and the input errors."""
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in analysed(ingest.read_inputs(paths, dct=dct, lang=lang), workers):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(item)
        if on_item is not None:
            on_item(item)
    ingest.mark_duplicates(docs)
    return docs, errors


def _drop_text(doc: Document) -> None:
    """Keep a document's metadata and event mentions (which quote their sentences), not its text."""
    doc.text, doc.sentences, doc.timexes = "", [], []
