"""The pipeline as plain functions: per-document analysis, then collection-wide steps.

The per-document stages hold no global state, so documents can be analysed anywhere (one by
one here, a worker pool or a store later); only the event merge and the ranking see the whole
collection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from storyline import events, ingest, mentions, text, timeline, timex
from storyline.model import Document, InputError, Period, Timeline


def analyse(doc: Document) -> Document:
    """The per-document stages: language, sentences, time expressions, event mentions.
    (Reading already refined the publication date from the article's stamp or dateline.)"""
    text.annotate(doc)
    timex.annotate(doc)
    mentions.annotate(doc)
    return doc


def build(
    paths: Iterable[str | Path],
    *,
    dct: Period | None = None,
    lang: str | None = None,
    query: str | None = None,
    max_events: int | None = None,
    on_item: Callable[[Document | InputError], None] | None = None,
) -> Timeline:
    """Files and folders in, timeline out.  ``on_item`` sees each document (analysed) and each
    input error as it goes, for progress and error reporting."""
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in ingest.read_inputs(paths, dct=dct, lang=lang):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(analyse(item))
        if on_item is not None:
            on_item(item)
    ingest.mark_duplicates(docs)
    merged = events.merge(m for doc in docs for m in doc.mentions)
    return timeline.select(merged, docs, query=query, max_events=max_events, errors=errors)
