"""The Markdown timeline: dates in words at their precision, status, conflicts, citations."""

from __future__ import annotations

import pytest

from storyline.model import Timeline
from storyline.render import render
from storyline.render.markdown import code, escape


@pytest.fixture
def markdown(timeline: Timeline) -> str:
    return render(timeline, "md")


def section(markdown: str, heading: str) -> str:
    """The text under a ``## heading`` up to the next date heading."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def test_dates_are_headings_in_order_at_their_precision(markdown: str) -> None:
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "2025",
        "18 March 2025",
        "week 19 of 2025 (5–11 May)",
        "19 May 2025",
        "19 May 2025, 10:00",
        "mid-August 2025",
        "Background",
        "Articles read",
        "Input problems",
    ]


def test_status_words_and_who_claims(markdown: str) -> None:
    assert "### Telefonat Kanzlerin – Präsident — **planned**" in markdown
    assert "### Meeting called off — **cancelled**" in markdown
    assert "### Rücktritt dementiert — **denied**" in markdown
    assert "**reported by the Kremlin**" in markdown
    assert "### Gespräch über Zölle\n" in markdown  # occurred needs no badge


def test_conflicting_dates_are_shown_with_their_sources(markdown: str) -> None:
    march = section(markdown, "18 March 2025")
    assert "sources disagree: 18 March 2025 (Beispiel-Zeitung) vs 19 March 2025 (Example Wire)" in march


def test_citation_shows_outlet_title_date_link_and_quote(markdown: str) -> None:
    call = section(markdown, "19 May 2025")
    assert (
        "- Beispiel-Zeitung, “Kanzlerin Beispiel reist nach Paris”, 17 May 2025, <https://zeitung.example/paris>"
        in call
    )
    assert "  > Die Kanzlerin will am Montag mit dem Präsidenten telefonieren." in call
    assert "**Participants:** Beispiel, Präsident" in call


def test_citation_without_safe_url_names_the_file(markdown: str) -> None:
    claimed = section(markdown, "week 19 of 2025 (5–11 May)")
    assert "May 2025, file `articles/001_wire.txt`" in claimed
    assert "javascript:" not in markdown
    assert "date unknown, file `articles/002_copy.jsonl:3`, same text as Example Wire" in claimed


def test_article_text_cannot_inject_markup(markdown: str) -> None:
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "“\\<script\\>alert('x')\\</script\\> Leaders agree on talks”" in markdown
    assert "### Talks \\<i\\>claimed\\</i\\>" in markdown


def test_errors_are_listed_last(markdown: str) -> None:
    assert markdown.rstrip().endswith("## Input problems\n\n- `articles/broken.json`: record 3: not valid JSON")


def test_empty_timeline_says_so() -> None:
    assert "_No dated events found._" in render(Timeline(documents=[], events=[]), "md")


def test_escape_and_code_spans() -> None:
    assert escape("a *b*\n_c_ [d](e)") == "a \\*b\\* \\_c\\_ \\[d\\](e)"
    assert code("dir/a_b.txt") == "`dir/a_b.txt`"
    assert code("odd`name") == "``odd`name``"


def test_text_cannot_start_a_list_or_heading() -> None:
    assert escape("1. FC Köln gewinnt") == "1\\. FC Köln gewinnt"
    assert escape("- dash") == "\\- dash"
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("2025 war ein Jahr") == "2025 war ein Jahr"
    assert escape("001_wire and _this_") == "001_wire and \\_this\\_"  # no emphasis inside a word


def test_articles_read_are_listed_before_the_problems(markdown: str) -> None:
    articles = markdown[markdown.index("## Articles read") : markdown.index("## Input problems")]
    assert articles.count("\n- ") == 3
    assert "- Example Wire, “\\<script\\>alert('x')\\</script\\> Leaders agree on talks”, May 2025" in articles


def test_heading_names_the_span_and_the_size(markdown: str) -> None:
    # "2025" holds the other entries, so the span starts at the first one it holds
    assert markdown.startswith("# Timeline: 18 March 2025 – mid-August 2025\n\n7 events from 3 articles.")
    empty = render(Timeline(documents=[], events=[]), "md")
    assert empty.startswith("# Timeline\n\n0 events from 0 articles.")


def test_a_wire_copy_is_cited_without_repeating_the_quote(markdown: str) -> None:
    claimed = section(markdown, "week 19 of 2025 (5–11 May)")
    assert claimed.count("\n- ") == 2  # both outlets cited
    assert claimed.count("without evidence") == 1


def test_background_facts_come_after_the_story_with_their_dates(markdown: str) -> None:
    background = section(markdown, "Background")
    assert "### Q1 2025: Zollstreit beginnt" in background
    assert "Zollstreit beginnt" not in markdown[: markdown.index("## Background")]


def test_summary_that_repeats_title_or_quote_is_not_shown_twice(markdown: str) -> None:
    gipfel = section(markdown, "mid-August 2025")
    assert "Ein Gipfel soll folgen." in gipfel
    assert "Zollstreit beginnt." not in markdown  # summary equal to the title


def test_a_source_that_says_otherwise_is_marked(markdown: str) -> None:
    denied = section(markdown, "2025")
    assert "### Rücktritt dementiert — **denied**" in denied
    assert "gesprochen. — _this source: occurred_" in denied


def test_sentences_from_one_article_are_quoted_under_one_reference(timeline: Timeline) -> None:
    summit = next(event for event in timeline.events if event.id == "ev-summit")
    call = next(event for event in timeline.events if event.id == "ev-call")
    summit.mentions = summit.mentions + call.mentions
    block = section(render(timeline, "md"), "mid-August 2025")
    assert block.count("- Beispiel-Zeitung") == 1
    assert (
        "  > Mitte August soll ein Gipfel folgen.\n  >\n"
        "  > Die Kanzlerin will am Montag mit dem Präsidenten telefonieren."
    ) in block
