"""Temporal tagger: TIMEX3 expressions found and normalised against the DCT.

STUB: owned by the timex helper; the signatures are the contract.
"""

from __future__ import annotations

from storyline.model import Document, Period, Sentence, TimeExpression


def tag(
    text: str, lang: str, dct: Period | None, sentences: list[Sentence] | None = None
) -> list[TimeExpression]:
    """All time expressions in ``text``, in text order, each with its sentence index."""
    raise NotImplementedError


def annotate(doc: Document) -> Document:
    """Fill ``doc.timexes`` from ``doc.text``, ``doc.lang``, ``doc.published``, ``doc.sentences``."""
    doc.timexes = tag(doc.text, doc.lang, doc.published, doc.sentences)
    return doc
