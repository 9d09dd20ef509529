"""Readers for every input format, DCT refinement, near-duplicate (wire copy) detection.

:func:`read_inputs` streams :class:`Document` objects and :class:`InputError` reports from
files and folders: ``.txt`` (:mod:`.text`), ``.json``/``.jsonl`` (:mod:`.records`) and
``.html`` (:mod:`.html`).  Every document then goes through the same steps:

1. the ``--dct`` fallback where the input gives no date (``published_source = "option"``);
2. teaser lists ("Weitere Meldungen" …) are cut from the text and each teaser becomes a small
   document ``<id>~N`` of its own, dated by its own stamp (:mod:`.teasers`), read from its
   article's ``source`` as its ``teaser`` number N;
3. the outlet, where no metadata or URL names it, from agency markers ("(dpa)", "@ dpa.de");
4. :func:`refine_published`: a month or year DCT becomes a day where the article's head
   dates itself (:mod:`.dates`).  It runs here, with every language's data where the language
   is still unknown.

A problem with one input (missing, unreadable, empty, binary, undecodable, too large,
malformed JSON or dates, a record without text) is yielded as an ``InputError`` naming the
file (and record or line) in place; every other document is still produced.  Nothing is
printed here.  :func:`mark_duplicates` (:mod:`.duplicates`) then runs over the whole
collection to find wire copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.ingest.dates import OPTION, STAMP, refine_published
from storyline.ingest.duplicates import mark_duplicates, mark_in_order
from storyline.ingest.files import HTML, JSON, JSONL, MAX_BYTES, InputFile, ReadProblem, decode, list_inputs, read_bytes
from storyline.ingest.html import read_html
from storyline.ingest.outlets import agency_in_text
from storyline.ingest.records import read_json, read_jsonl
from storyline.ingest.teasers import split_teasers
from storyline.ingest.text import read_text
from storyline.model import Document, InputError, Period

__all__ = ["MAX_BYTES", "mark_duplicates", "mark_in_order", "read_inputs", "refine_published"]


def _read_file(file: InputFile, limit: int, used_ids: set[str]) -> Iterator[Document | InputError]:
    if file.format == JSON:
        yield from read_json(file, limit, used_ids)
        return
    if file.format == JSONL:
        yield from read_jsonl(file, limit, used_ids)
        return
    try:
        content = decode(read_bytes(file.path, limit))
    except ReadProblem as problem:
        yield InputError(file.source, str(problem))
        return
    yield from (read_html if file.format == HTML else read_text)(file, content)


def _finish(doc: Document, dct: Period | None, lang: str | None) -> list[Document]:
    """The steps every document takes, whatever its format; returns it and its teasers."""
    if lang:
        doc.lang = lang
    if doc.published is None and dct is not None:
        doc.published, doc.published_source = dct, OPTION
    doc.text, teasers = split_teasers(doc.text, doc.lang)
    doc.outlet = doc.outlet or agency_in_text(doc.text, doc.lang)
    refine_published(doc)
    small = [
        Document(
            id=f"{doc.id}~{number}",
            text=teaser.text,
            title=teaser.title,
            published=teaser.published,
            published_source=STAMP,
            lang=doc.lang,
            source=doc.source,
            outlet=doc.outlet,
            teaser=number,
            own_id=doc.own_id,
        )
        for number, teaser in enumerate(teasers, start=1)
    ]
    return [doc, *small]


def read_inputs(
    paths: Iterable[str | Path],
    *,
    dct: Period | None = None,
    lang: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Stream documents (and errors) from files and folders (recursed), in a stable order.

    ``dct`` is the publication date for inputs that have none; ``lang`` forces the language
    (else ``Document.lang`` stays empty unless a record says it, and the text stage detects
    it; ``"auto"`` means the same as ``None``).  ``max_bytes`` bounds every file read whole
    and every JSONL record.  Documents come out with their DCT already refined.  A single path
    may be given as such.
    """
    forced = lang if lang and lang != "auto" else None
    entries = list_inputs([paths] if isinstance(paths, str | Path) else paths)
    used_ids = {entry.id for entry in entries if isinstance(entry, InputFile)}
    for entry in entries:
        if isinstance(entry, InputError):
            yield entry
            continue
        for item in _read_file(entry, max_bytes, used_ids):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _finish(item, dct, forced)
