"""Language identification, sentence splitting and tokens (stage: document → sentences).

STUB: owned by the text/eval helper; the signatures are the contract.
"""

from __future__ import annotations

from storyline.model import Document, Sentence


def detect_language(text: str, default: str = "de") -> str:
    """The language of ``text`` among the supported ones (``de``/``en``)."""
    raise NotImplementedError


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets; German abbreviations and ordinal dates do not split."""
    raise NotImplementedError


def annotate(doc: Document) -> Document:
    """Fill ``doc.lang`` (when empty) and ``doc.sentences``."""
    if not doc.lang:
        doc.lang = detect_language(doc.text)
    doc.sentences = split_sentences(doc.text, doc.lang)
    return doc
