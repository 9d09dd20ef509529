"""Cross-document event merging (stage: mentions → events).

STUB (owned by the lead): signatures are the contract.  The merge is incremental: an
:class:`EventIndex` takes mentions one document at a time and can forget a document again, so
that a store can grow without re-merging everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.model import Event, EventMention


class EventIndex:
    """Events built up mention by mention."""

    def add(self, mention: EventMention) -> str:
        """Attach ``mention`` to the best matching event (or a new one); return the event id."""
        raise NotImplementedError

    def add_to(self, mention: EventMention, event_id: str) -> None:
        """Attach ``mention`` to a known event (to restore a stored assignment)."""
        raise NotImplementedError

    def remove_document(self, doc_id: str) -> None:
        """Forget every mention of a document; events left without evidence disappear."""
        raise NotImplementedError

    def events(self) -> list[Event]:
        """The current events, each with date, status, participants and conflicts derived."""
        raise NotImplementedError


def merge(mentions: Iterable[EventMention]) -> list[Event]:
    """Events from a collection of mentions (an :class:`EventIndex` filled in one go)."""
    index = EventIndex()
    for mention in mentions:
        index.add(mention)
    return index.events()
