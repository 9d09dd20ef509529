"""The HTML page: self-contained, escaped, honest about precision, citations expandable."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from storyline.model import Timeline
from storyline.render import render


@pytest.fixture
def page(timeline: Timeline) -> str:
    return render(timeline, "html")


class TagCollector(HTMLParser):
    """Every start tag with its attributes, to check what the page would load."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(page)
    return collector.tags


def test_page_makes_no_external_requests_and_runs_no_script(page: str) -> None:
    found = tags(page)
    names = {name for name, _ in found}
    assert not names & {"script", "img", "link", "iframe", "object", "embed", "audio", "video", "base"}
    assert all("src" not in attrs and not any(key.startswith("on") for key in attrs) for _, attrs in found)
    assert "@import" not in page and "url(" not in page
    csp = [attrs["content"] for name, attrs in found if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0])


def test_article_text_is_escaped(page: str) -> None:
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Leaders agree on talks" in page
    assert "claimed &lt;b&gt;without evidence&lt;/b&gt;." in page


def test_links_only_for_http_urls(page: str) -> None:
    hrefs = [attrs["href"] for name, attrs in tags(page) if name == "a"]
    assert hrefs and set(hrefs) == {"https://zeitung.example/paris"}
    assert "javascript:" not in page
    assert "file articles/001_wire.txt" in page


def test_dates_shown_at_their_precision_with_machine_readable_values(page: str) -> None:
    assert '<time datetime="2025-W19">week 19 of 2025 (5–11 May)</time>' in page
    assert '<time datetime="2025-05-19T10:00">19 May 2025, 10:00</time>' in page
    assert '<h2><time datetime="2025-08">mid-August 2025</time><span class="precision">exact day not known' in page
    assert (
        '<section class="date" data-precision="day">\n<h2><time datetime="2025-05-19">19 May 2025</time></h2>' in page
    )
    labels = re.findall(r'<section class="date"[^>]*>\n<h2>(?:<time[^>]*>)?([^<]+)', page)
    assert labels[:3] == ["2025", "18 March 2025", "week 19 of 2025 (5–11 May)"]


def test_background_facts_follow_the_story_with_their_dates(page: str) -> None:
    background = page[page.index('<section class="background">') :]
    assert "<h3>Q1 2025: Zollstreit beginnt</h3>" in background  # Q1 is no HTML datetime value
    assert "Zollstreit" not in page[: page.index('<section class="background">')]


def test_status_badges_conflicts_and_citations(page: str) -> None:
    assert '<span class="badge planned">planned</span>' in page
    assert '<span class="badge reported">reported by the Kremlin</span>' in page
    assert (
        '<p class="conflict">sources disagree: 18 March 2025 (Beispiel-Zeitung) vs 19 March 2025 (Example Wire)</p>'
        in page
    )
    assert "<details><summary>2 sources</summary>" in page
    assert '<blockquote lang="de">Die Kanzlerin will am Montag mit dem Präsidenten telefonieren.</blockquote>' in page


def test_errors_are_listed(page: str) -> None:
    assert "<li>articles/broken.json: record 3: not valid JSON</li>" in page


def test_page_is_well_formed(page: str) -> None:
    void = {"meta", "br", "hr", "img", "input", "link"}
    stack: list[str] = []

    class Nesting(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in void:
                stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert stack.pop() == tag

    Nesting().feed(page)
    assert stack == []


def test_articles_read_are_listed_with_their_dates(page: str) -> None:
    articles = page[page.index("<h2>Articles read</h2>") :]
    assert articles.count("<li>") == 4  # three articles, then the input problem
    assert '<cite lang="de">Kanzlerin Beispiel reist nach Paris</cite></a>' in articles
    assert "(Beispiel-Zeitung, 17 May 2025)" in articles
    assert "(date unknown, file articles/002_copy.jsonl:3, same text as Example Wire)" in articles


def test_a_wire_copy_is_cited_without_repeating_the_quote(page: str) -> None:
    assert page.count("without evidence") == 1
    assert "same text as Example Wire" in page


def test_a_source_that_says_otherwise_is_marked(page: str) -> None:
    assert 'gesprochen. <span class="badge occurred">this source: occurred</span></blockquote>' in page
