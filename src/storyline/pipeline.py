"""The pipeline as plain functions: per-document analysis, then collection-wide steps."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from storyline import events, ingest, mentions, text, timeline, timex
from storyline.model import Document, InputError, Period, Timeline


def analyse(doc: Document) -> Document:
    """The per-document stages (no global state): language, sentences, timexes, mentions."""
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
) -> Timeline:
    """Files and folders in, timeline out."""
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in ingest.read_inputs(paths, dct=dct, lang=lang):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(analyse(item))
    ingest.mark_duplicates(docs)
    merged = events.merge(m for doc in docs for m in doc.mentions)
    return timeline.select(merged, docs, query=query, max_events=max_events, errors=errors)
