"""Event mentions: sentences that report something happening (stage: timexes → mentions).

STUB (owned by the lead): signatures are the contract.
"""

from __future__ import annotations

from storyline.model import Document


def annotate(doc: Document) -> Document:
    """Fill ``doc.mentions`` from its sentences and time expressions."""
    raise NotImplementedError
