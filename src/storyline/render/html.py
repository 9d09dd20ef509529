"""A self-contained timeline page (``--format html``).

One file with inline CSS and no scripts, fonts or images: it makes no request of its own (a
Content-Security-Policy says so to the browser), so it can be mailed or archived as is.  Every
piece of article text is escaped; links are offered only for http(s) URLs.
"""

from __future__ import annotations

from html import escape

from storyline.dates import Period, Precision
from storyline.model import Document, Event, Timeline
from storyline.render.common import (
    CitedArticle,
    Reference,
    cited_articles,
    conflict_sentence,
    counted,
    date_label,
    documents_by_id,
    event_status_note,
    file_location,
    fragment_id,
    group_by_date,
    heading,
    lead,
    reference,
    split_background,
    summary_to_show,
    zone_note,
)

# Precisions whose TimeML value is also a valid HTML <time datetime> value.
_HTML_DATETIME = {Precision.YEAR, Precision.MONTH, Precision.WEEK, Precision.DAY, Precision.TIME}

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1d1d1f; background: #fafafa;
       max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.lead { color: #555; margin-top: 0; }
.date { border-left: 4px solid #3a6ea5; padding-left: 1rem; margin: 2rem 0 0; }
.date > h2 { font-size: 1.15rem; margin: 0; color: #3a6ea5; }
.precision { font-size: 0.75rem; font-weight: normal; color: #777; margin-left: 0.4rem; }
.event { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem 1rem;
         margin: 0.8rem 0; }
.background .event { opacity: 0.8; }
.event h3 { font-size: 1.05rem; margin: 0 0 0.3rem; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0 0.45rem; border-radius: 999px;
         margin-left: 0.4rem; vertical-align: middle; background: #e8e8e8; color: #333; }
.badge.planned { background: #e3efff; color: #174a8b; }
.badge.cancelled { background: #fde8e8; color: #8b1c1c; }
.badge.denied { background: #fde8e8; color: #8b1c1c; }
.badge.reported { background: #fff4d6; color: #6b4e00; }
.participants, .conflict { margin: 0.3rem 0; font-size: 0.92rem; }
.conflict { color: #8b1c1c; }
details { margin-top: 0.4rem; font-size: 0.92rem; }
summary { cursor: pointer; color: #3a6ea5; }
details li { margin: 0.5rem 0; }
blockquote { margin: 0.25rem 0 0 0; padding-left: 0.7rem; border-left: 3px solid #ccc; color: #444; }
.background, .articles, .errors { margin-top: 2.5rem; font-size: 0.92rem; }
.errors { color: #8b1c1c; }
cite { font-style: normal; }
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _badge(note: str, css_class: str) -> str:
    return f' <span class="badge {escape(css_class)}">{escape(note)}</span>'


def reference_html(ref: Reference) -> str:
    """The article's title (linked where it has a web URL), then outlet, date, or its file."""
    title = f'<cite lang="{escape(ref.lang)}">{escape(ref.title)}</cite>' if ref.lang else escape(ref.title)
    if ref.url:
        title = f'<a href="{escape(ref.url)}" rel="noopener noreferrer">{title}</a>'
    where = [escape(ref.outlet)] if ref.outlet else []
    where.append(escape(ref.published or "date unknown"))
    if not ref.url:
        where.append(file_location(ref, escape))
    if ref.duplicate_of:
        where.append(f"same text as {escape(ref.duplicate_of)}")
    return f'{title} <span class="where">({", ".join(where)})</span>'


def cited_article_html(article: CitedArticle) -> str:
    """The article's reference as a list item, its quoted sentences as block quotes."""
    lang = f' lang="{escape(article.ref.lang)}"' if article.ref.lang else ""
    quotes = "".join(
        f"<blockquote{lang}>{escape(quote.text)}"
        + (_badge(f"this source: {quote.status_note}", quote.status.value) if quote.status_note else "")
        + "</blockquote>"
        for quote in article.quotes
    )
    if not quotes and not article.ref.duplicate_of:
        quotes = " (same sentence as quoted above)"
    return f"<li>{reference_html(article.ref)}{quotes}</li>"


def date_html(period: Period) -> str:
    """The period in words, wrapped in <time> where its value is a valid HTML datetime."""
    label = escape(date_label(period))
    if period.precision in _HTML_DATETIME:
        return f'<time datetime="{escape(period.value)}">{label}</time>'
    return label


def event_facts_html(event: Event, documents: dict[str, Document], cited: list[CitedArticle]) -> list[str]:
    """Summary, participants and any date conflict as paragraphs (also used by timelinejs)."""
    parts = []
    summary = summary_to_show(event, cited)
    if summary:
        parts.append(f'<p class="summary">{escape(summary)}</p>')
    if event.participants:
        names = ", ".join(escape(participant.name) for participant in event.participants)
        parts.append(f'<p class="participants"><strong>Participants:</strong> {names}</p>')
    disagreement = conflict_sentence(event, documents)
    if disagreement:
        parts.append(f'<p class="conflict">{escape(disagreement)}</p>')
    return parts


def event_html(event: Event, documents: dict[str, Document], *, dated: bool = False) -> str:
    """The event as an <article>; ``dated`` puts its date in the heading (background facts)."""
    note = event_status_note(event)
    badge = _badge(note, event.status.value) if note else ""
    when = f"{date_html(event.date)}: " if dated else ""
    parts = [f'<article class="event" id="{fragment_id(event.id)}">', f"<h3>{when}{escape(event.title)}{badge}</h3>"]
    cited = cited_articles(event, documents)
    parts += event_facts_html(event, documents, cited)
    items = "".join(cited_article_html(article) for article in cited)
    parts.append(f"<details><summary>{counted(len(cited), 'source')}</summary><ul>{items}</ul></details>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(timeline: Timeline) -> str:
    documents = documents_by_id(timeline)
    story, background = split_background(timeline.events)
    title = heading(timeline)
    body = [f"<h1>{escape(title)}</h1>", f'<p class="lead">{escape(lead(timeline))}</p>']
    if not timeline.events:
        body.append("<p>No dated events found.</p>")
    for period, events in group_by_date(story):
        vague = "" if period.is_day_or_finer else '<span class="precision">exact day not known</span>'
        body.append(f'<section class="date" data-precision="{period.precision.value}">')
        body.append(f"<h2>{date_html(period)}{escape(zone_note(events[0].timezone))}{vague}</h2>")
        body.extend(event_html(event, documents) for event in events)
        body.append("</section>")
    if background:
        body.append('<section class="background"><h2>Background</h2>')
        body.append("<p>Earlier facts the articles mention for context.</p>")
        body.extend(event_html(event, documents, dated=True) for event in background)
        body.append("</section>")
    if timeline.documents:
        items = "".join(f"<li>{reference_html(reference(doc.id, documents))}</li>" for doc in timeline.documents)
        body.append(f'<section class="articles"><h2>Articles read</h2><ul>{items}</ul></section>')
    if timeline.errors:
        items = "".join(f"<li>{escape(error.source)}: {escape(error.error)}</li>" for error in timeline.errors)
        body.append(f'<section class="errors"><h2>Input problems</h2><ul>{items}</ul></section>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
