"""A summarised timeline (``storyline summarise``) as Markdown or JSON.

Each chosen day is told in the sentences quoted from the articles, without the time
expressions that the day's heading makes redundant ("on Tuesday"), and every sentence cites its
article the way the event timeline does (outlet, title, publication date, link).  The JSON
gives each sentence as written (``text``) and as quoted (``summary_text``).  The
JSON shares the event contract's document and error objects, so that a reader of one reads
the other.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from storyline.render.common import counted, day_label, reference
from storyline.render.jsonout import JsonObject, document_json, error_json
from storyline.render.markdown import escape, input_problem_lines, reference_text

if TYPE_CHECKING:
    from storyline.tls import Summary

FORMATS = ("md", "json")

KIND = "storyline-summary"
VERSION = "1.2"
"""Version of the summary JSON; the major part changes only when a key is renamed, removed or
retyped."""


def summary_json(summary: Summary) -> JsonObject:
    cited = {sentence.doc_id for day in summary.days for sentence in day.sentences}
    return {
        "kind": KIND,
        "version": VERSION,
        "days": [
            {
                "date": day.day.isoformat(),
                "salience": round(day.salience, 6),
                "sentences": [
                    {
                        "text": sentence.text,
                        "summary_text": sentence.summary_text,
                        "doc": sentence.doc_id,
                        "sentence": sentence.index,
                        "start": sentence.start,
                        "end": sentence.end,
                        "names_the_day": sentence.explicit,
                    }
                    for sentence in day.sentences
                ],
            }
            for day in summary.days
        ],
        "documents": [document_json(doc) for doc in summary.documents if doc.id in cited],
        "documents_read": len(summary.documents),
        "errors": [error_json(error) for error in summary.errors],
    }


def summary_markdown(summary: Summary) -> str:
    documents = {doc.id: doc for doc in summary.documents}
    lines = [
        "# Timeline summary",
        "",
        f"{counted(len(summary.days), 'day')} chosen from {counted(len(summary.documents), 'article')}; "
        "each day is told in sentences quoted from the articles.",
        "",
    ]
    if not summary.days:
        lines += ["_No dated sentences found._", ""]
    for day in summary.days:
        lines += [f"## {day_label(day.day)}", ""]
        for sentence in day.sentences:
            lines.append(f"- {escape(sentence.summary_text)}")
            lines.append(f"  — {reference_text(reference(sentence.doc_id, documents))}")
        lines.append("")
    lines += input_problem_lines(summary.errors)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_summary(summary: Summary, fmt: str) -> str:
    """The summary in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return json.dumps(summary_json(summary), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return summary_markdown(summary)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
