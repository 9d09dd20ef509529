"""TimelineJS3 JSON (``--format timelinejs``), to open the timeline in that viewer.

A date carries only the parts its precision supports (a month has no day); values that are not
a single calendar point (a week, quarter, season, decade) become a span from their first to
their last unit, and every slide carries our own ``display_date`` so that the viewer shows
"week 11 of 2025" or "mid-August 2025" rather than a made-up day.  TimelineJS renders headline
and text as HTML, so both are escaped.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from storyline.dates import Period, Precision
from storyline.model import Document, Event, Timeline
from storyline.render.common import (
    chronological,
    cited_articles,
    documents_by_id,
    event_date_label,
    event_status_note,
    fragment_id,
    heading,
    lead,
)
from storyline.render.html import cited_article_html, event_facts_html

JsonObject = dict[str, Any]

# Precisions shown as a span of months (first to last month) or of years.
_MONTH_SPANS = {Precision.HALF, Precision.QUARTER, Precision.SEASON}
_YEAR_SPANS = {Precision.DECADE, Precision.CENTURY}


def date_parts(period: Period) -> tuple[JsonObject, JsonObject | None]:
    """TimelineJS ``start_date`` and ``end_date`` (None for a single point) for ``period``."""
    first, last = period.first, period.last
    if period.precision in _YEAR_SPANS:
        return {"year": first.year}, {"year": last.year}
    if period.precision is Precision.YEAR:
        return {"year": period.year}, None
    if period.precision in _MONTH_SPANS:
        return {"year": first.year, "month": first.month}, {"year": last.year, "month": last.month}
    if period.precision is Precision.MONTH:
        return {"year": first.year, "month": first.month}, None
    start: JsonObject = {"year": first.year, "month": first.month, "day": first.day}
    if period.precision is Precision.WEEK:
        return start, {"year": last.year, "month": last.month, "day": last.day}
    if period.precision is Precision.TIME:
        start["hour"] = int(period.value[11:13])
        start["minute"] = int(period.value[14:16])
    return start, None


def slide(event: Event, documents: dict[str, Document]) -> JsonObject:
    start, end = date_parts(event.date)
    label = event_date_label(event)
    start["display_date"] = label
    parts = []
    note = event_status_note(event)
    if note:
        parts.append(f"<p><strong>{escape(note)}</strong></p>")
    cited = cited_articles(event, documents)
    parts += event_facts_html(event, documents, cited)
    items = "".join(cited_article_html(article) for article in cited)
    parts.append(f"<p><strong>Sources:</strong></p><ul>{items}</ul>")
    data: JsonObject = {"start_date": start}
    if end is not None:
        data["end_date"] = end
        data["display_date"] = label
    data["text"] = {"headline": escape(event.title), "text": "".join(parts)}
    data["unique_id"] = fragment_id(event.id)
    if event.background:
        data["group"] = "background"
    return data


def timelinejs_json(timeline: Timeline) -> JsonObject:
    documents = documents_by_id(timeline)
    return {
        "title": {
            "text": {
                "headline": escape(heading(timeline)),
                "text": f"<p>{escape(lead(timeline))}</p>",
            }
        },
        "events": [slide(event, documents) for event in chronological(timeline.events)],
    }


def render_timelinejs(timeline: Timeline) -> str:
    return json.dumps(timelinejs_json(timeline), ensure_ascii=False, indent=2) + "\n"
