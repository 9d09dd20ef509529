"""The readable timeline (``--format md``, the default on stdout).

Events are grouped under their date, written at the precision the sources support; every event
lists its citations (outlet, title, publication date, link, the quoted sentence).  Text from
the articles is escaped so that it can neither format nor inject HTML when the Markdown is
rendered.
"""

from __future__ import annotations

import re

from storyline.model import Document, Event, InputError, Timeline
from storyline.render.common import (
    CitedArticle,
    Reference,
    cited_articles,
    conflict_sentence,
    documents_by_id,
    event_date_label,
    event_status_note,
    file_location,
    group_by_date,
    heading,
    lead,
    one_line,
    reference,
    split_background,
    summary_to_show,
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>#|~]|(?<![^\W_])_|_(?![^\W_]))")
_LIST_MARKER = re.compile(r"^(\d+)([.)])(?= )|^([-+=])")


def escape(text: str) -> str:
    """Article text on one line with Markdown's active characters backslash-escaped (a
    leading "1." or "-" too, which would start a list where the text starts a line)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))
    return _LIST_MARKER.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def code(text: str) -> str:
    """A code span (shown verbatim, so paths need no escaping), fenced past any backticks."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{one_line(text)}{padding}{fence}"


def _link(url: str) -> str:
    """An autolink; characters that would end it early are percent-encoded."""
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def reference_text(ref: Reference) -> str:
    """ "Outlet, “Title”, 17 May 2025, <https://…>": enough to find the article."""
    where = [escape(ref.outlet)] if ref.outlet else []
    where.append(f"“{escape(ref.title)}”")
    where.append(ref.published or "date unknown")
    where.append(_link(ref.url) if ref.url else file_location(ref, code))
    if ref.duplicate_of:
        where.append(f"same text as {escape(ref.duplicate_of)}")
    return ", ".join(where)


def cited_article_lines(article: CitedArticle) -> list[str]:
    """The article's reference as a list item, its quoted sentences as a block quote under it."""
    line = f"- {reference_text(article.ref)}"
    if not article.quotes:
        return [line if article.ref.duplicate_of else f"{line} (same sentence as quoted above)"]
    lines = [line]
    for quote in article.quotes:
        if len(lines) > 1:
            lines.append("  >")
        note = f" — _this source: {escape(quote.status_note)}_" if quote.status_note else ""
        lines.append(f"  > {escape(quote.text)}{note}")
    return lines


def event_lines(event: Event, documents: dict[str, Document], *, dated: bool = False) -> list[str]:
    """The event as a ``###`` entry; ``dated`` puts its date in the heading (background facts,
    which are not under a date heading)."""
    title_line = f"### {event_date_label(event)}: {escape(event.title)}" if dated else f"### {escape(event.title)}"
    note = event_status_note(event)
    if note:
        title_line += f" — **{escape(note)}**"
    lines = [title_line, ""]
    cited = cited_articles(event, documents)
    summary = summary_to_show(event, cited)
    if summary:
        lines += [escape(summary), ""]
    if event.participants:
        names = ", ".join(escape(participant.name) for participant in event.participants)
        lines += [f"**Participants:** {names}", ""]
    disagreement = conflict_sentence(event, documents)
    if disagreement:
        lines += [f"**Note:** {escape(disagreement)}", ""]
    lines += ["**Sources:**", ""]
    for article in cited:
        lines += cited_article_lines(article)
    lines.append("")
    return lines


def render_markdown(timeline: Timeline) -> str:
    documents = documents_by_id(timeline)
    story, background = split_background(timeline.events)
    lines = [f"# {heading(timeline)}", "", lead(timeline), ""]
    if not timeline.events:
        lines += ["_No dated events found._", ""]
    for _, events in group_by_date(story):
        lines += [f"## {event_date_label(events[0])}", ""]
        for event in events:
            lines += event_lines(event, documents)
    if background:
        lines += ["## Background", "", "Earlier facts the articles mention for context.", ""]
        for event in background:
            lines += event_lines(event, documents, dated=True)
    if timeline.documents:
        lines += ["## Articles read", ""]
        lines += [f"- {reference_text(reference(doc.id, documents))}" for doc in timeline.documents]
        lines.append("")
    lines += input_problem_lines(timeline.errors)
    return "\n".join(lines).rstrip("\n") + "\n"


def input_problem_lines(errors: list[InputError]) -> list[str]:
    """The section that lists the inputs that could not be read (none when all could)."""
    if not errors:
        return []
    return ["## Input problems", "", *(f"- {code(error.source)}: {escape(error.error)}" for error in errors), ""]
