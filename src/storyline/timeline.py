"""Salience, selection and sizing (stage: events → timeline).

STUB (owned by the lead): signatures are the contract.
"""

from __future__ import annotations

from storyline.model import Document, Event, InputError, Timeline


def select(
    events: list[Event],
    documents: list[Document],
    *,
    query: str | None = None,
    max_events: int | None = None,
    errors: list[InputError] | None = None,
) -> Timeline:
    """Score salience, drop off-topic events for ``query``, keep the ``max_events`` most
    salient, and return them in date order."""
    raise NotImplementedError
