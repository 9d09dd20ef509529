"""Summary rendering: quoted sentences escaped, each citing its article; JSON keys stable."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from storyline.model import Document, InputError, Period
from storyline.render.summary import render_summary
from storyline.tls import DatedSentence, DaySummary, Summary

DAY = date(2025, 5, 19)


def _summary() -> Summary:
    doc = Document(
        id="call",
        text="",
        title="Trump and Putin *talk*",
        published=Period.of_day(DAY),
        url="https://example.org/call",
        outlet="Example Wire",
    )
    sentence = DatedSentence("call", 2, 10, 60, "# Trump spoke to Putin for <b>two hours</b>.", DAY, DAY, False)
    return Summary([DaySummary(DAY, 0.5, [sentence])], [doc], [InputError("broken.json", "not JSON")])


def test_markdown_escapes_the_quote_and_cites_outlet_title_date_and_link() -> None:
    text = render_summary(_summary(), "md")
    assert "## 19 May 2025" in text
    assert "- \\# Trump spoke to Putin for \\<b\\>two hours\\</b\\>." in text
    assert "  — Example Wire, “Trump and Putin \\*talk\\*”, 19 May 2025, <https://example.org/call>" in text
    assert "`broken.json`: not JSON" in text


def test_json_lists_days_sentences_cited_documents_and_errors() -> None:
    result = json.loads(render_summary(_summary(), "json"))
    (day,) = result["days"]
    assert day["date"] == "2025-05-19"
    assert day["sentences"][0] == {
        "text": "# Trump spoke to Putin for <b>two hours</b>.",
        "summary_text": "# Trump spoke to Putin for <b>two hours</b>.",
        "doc": "call",
        "sentence": 2,
        "start": 10,
        "end": 60,
        "names_the_day": False,
    }
    assert [doc["id"] for doc in result["documents"]] == ["call"]
    assert result["errors"] == [{"source": "broken.json", "error": "not JSON"}]


def test_an_empty_summary_says_so() -> None:
    assert "_No dated sentences found._" in render_summary(Summary([], [], []), "md")


def test_a_sentence_is_quoted_without_the_date_its_heading_gives_and_json_keeps_both() -> None:
    text = "Trump spoke to Putin on Monday for two hours."
    omitted = (text.index("on Monday"), text.index(" for"))
    sentence = DatedSentence("call", 0, 0, len(text), text, DAY, DAY, True, redundant=(omitted,))
    summary = replace(_summary(), days=[DaySummary(DAY, 0.5, [sentence])])
    assert "- Trump spoke to Putin for two hours." in render_summary(summary, "md")
    (quoted,) = json.loads(render_summary(summary, "json"))["days"][0]["sentences"]
    assert (quoted["text"], quoted["summary_text"]) == (text, "Trump spoke to Putin for two hours.")
