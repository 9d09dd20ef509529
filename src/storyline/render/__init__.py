"""Renderers: a :class:`~storyline.model.Timeline` to json, md, html or timelinejs text.

STUB: owned by the render helper; the signatures are the contract.
"""

from __future__ import annotations

from storyline.model import Timeline

FORMATS = ("json", "md", "html", "timelinejs")


def render(timeline: Timeline, fmt: str, *, with_text: bool = False) -> str:
    """The timeline in format ``fmt`` (one of :data:`FORMATS`)."""
    raise NotImplementedError
