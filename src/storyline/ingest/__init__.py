"""Readers for every input format, DCT refinement, near-duplicate (wire copy) detection.

STUB: owned by the ingest helper; the signatures are the contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.model import Document, InputError, Period


def read_inputs(
    paths: Iterable[str | Path], *, dct: Period | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Stream documents (and errors) from files and folders (recursed), in a stable order.

    ``dct`` is the publication date for inputs that have none; ``lang`` forces the language
    (else ``Document.lang`` stays empty and the text stage detects it).
    """
    raise NotImplementedError


def mark_duplicates(docs: list[Document]) -> None:
    """Set ``duplicate_of`` on documents that are near-copies (wire copies) of an earlier one."""
    raise NotImplementedError
