"""Renderers: a :class:`~storyline.model.Timeline` to json, md, html or timelinejs text.

``json`` is the versioned contract (see docs/json-contract.md); ``md`` and ``html`` are for
readers; ``timelinejs`` opens in the TimelineJS3 viewer.
"""

from __future__ import annotations

from storyline.model import Timeline
from storyline.render.html import render_html
from storyline.render.jsonout import VERSION, render_json
from storyline.render.markdown import render_markdown
from storyline.render.timelinejs import render_timelinejs

__all__ = ["FORMATS", "VERSION", "render"]

FORMATS = ("json", "md", "html", "timelinejs")


def render(timeline: Timeline, fmt: str, *, with_text: bool = False) -> str:
    """The timeline in format ``fmt`` (one of :data:`FORMATS`).

    ``with_text`` adds each document's full text to the JSON contract; the other formats cite
    only the sentences they quote and ignore it.
    """
    if fmt == "json":
        return render_json(timeline, with_text=with_text)
    if fmt == "md":
        return render_markdown(timeline)
    if fmt == "html":
        return render_html(timeline)
    if fmt == "timelinejs":
        return render_timelinejs(timeline)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
