"""Reading every input format: ids, titles, dates at their precision, metadata, folders."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.dates import Period, Precision
from storyline.ingest import read_inputs
from storyline.model import Document, InputError


def read(*paths: Path, **options: object) -> tuple[list[Document], list[InputError]]:
    items = list(read_inputs(paths, **options))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_txt_marker_is_removed_and_sets_the_dct_at_its_precision(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-06 Der Kanzler reiste nach Paris\n\nEr traf den Präsidenten.\n")
    (tmp_path / "b.txt").write_text(" date 2025-06-04 The minister resigned\nShe gave no reason.")
    docs, errors = read(tmp_path)
    assert errors == []
    a, b = docs
    assert (a.id, a.title) == ("a", "Der Kanzler reiste nach Paris")
    assert a.text.startswith("Der Kanzler reiste nach Paris\n\nEr traf")
    assert a.published == Period.parse("2025-06") and a.published.precision is Precision.MONTH
    assert a.published_source == "marker"
    assert b.published is not None and b.published.value == "2025-06-04"
    assert b.text == "The minister resigned\nShe gave no reason."


def test_txt_without_marker_has_no_dct_unless_the_option_gives_one(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("Headline\n\nBody text of the article.")
    (tmp_path / "dated.txt").write_text(" date 2025-03 Headline\n\nBody.")
    docs, _ = read(tmp_path)
    assert {d.id: d.published for d in docs}["plain"] is None
    docs, _ = read(tmp_path, dct=Period.parse("2024-11"))
    by_id = {d.id: d for d in docs}
    assert by_id["plain"].published == Period.parse("2024-11")
    assert by_id["plain"].published_source == "option"
    assert by_id["dated"].published == Period.parse("2025-03"), "--dct applies only where there is none"


def test_json_list_records_get_stem_n_ids_or_their_own_unique_id(tmp_path: Path) -> None:
    records = [
        {"title": "Erster", "text": "Text eins.", "date": "2025", "lang": "de-DE"},
        {"id": "wire-7", "text": "Text zwei.", "published": "2025-05-17T19:54:00+02:00"},
        {"id": "wire-7", "text": "Text drei.", "url": "https://www.example.org/x", "date": "2025-05"},
        {"text": "Text vier.", "outlet": "Daily Example", "source": "ignored"},
    ]
    (tmp_path / "batch.json").write_text(json.dumps(records))
    docs, errors = read(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["batch:1", "wire-7", "batch:3", "batch:4"]
    assert [d.source for d in docs] == [str(tmp_path / "batch.json") + f":{n}" for n in (1, 2, 3, 4)]
    assert [d.published.value if d.published else None for d in docs] == ["2025", "2025-05-17", "2025-05", None]
    assert docs[0].lang == "de" and docs[1].lang == ""
    assert docs[0].title == "Erster" and docs[1].title == "Text zwei."
    assert docs[2].outlet == "example.org" and docs[2].url == "https://www.example.org/x"
    assert docs[3].outlet == "Daily Example"


def test_json_single_object_is_the_file_document(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "Nur ein Text.", "date": "2025-02-12"}))
    docs, _ = read(tmp_path / "one.json")
    assert [(d.id, d.source) for d in docs] == [("one", str(tmp_path / "one.json"))]


def test_jsonl_records_are_numbered_by_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "A."}), "", json.dumps({"text": "B.", "lang": "en"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    docs, errors = read(tmp_path, lang="de")
    assert errors == []
    assert [d.id for d in docs] == ["feed:1", "feed:3"]
    assert [d.lang for d in docs] == ["de", "de"], "the lang argument overrides record metadata"


def test_html_text_title_date_url_and_site_name(tmp_path: Path) -> None:
    page = """<html><head><title>Page title | Example News</title>
    <meta property="og:site_name" content="Example News">
    <meta property="og:url" content="https://www.example.com/politics/story.html">
    <meta property="article:published_time" content="2025-03-18T21:05:00+01:00"></head>
    <body><nav>Home News Sport</nav><article><h1>Leaders hold a long phone call</h1>
    <p>The two presidents spoke for more than an hour on Tuesday, officials said afterwards.</p>
    <p>Both sides described the conversation as useful and agreed to keep talking.</p></article>
    <footer>Imprint</footer></body></html>"""
    (tmp_path / "story.html").write_text(page)
    docs, errors = read(tmp_path)
    assert errors == []
    (doc,) = docs
    assert doc.id == "story"
    assert doc.title == "Leaders hold a long phone call"
    assert "spoke for more than an hour" in doc.text and "Imprint" not in doc.text
    assert doc.published == Period.parse("2025-03-18") and doc.published_source == "metadata"
    assert doc.url == "https://www.example.com/politics/story.html"
    assert doc.outlet == "Example News"


def test_html_never_guesses_a_day_from_the_url(tmp_path: Path) -> None:
    page = """<html><head><link rel="canonical" href="https://example.com/2025/05/story.html"></head>
    <body><article><h1>A headline</h1><p>A paragraph long enough to be taken as the article's
    main text by the extractor, with nothing in it that dates it.</p></article></body></html>"""
    (tmp_path / "p.htm").write_text(page)
    docs, _ = read(tmp_path)
    assert docs[0].published is None


def test_folders_are_recursed_in_sorted_order_passing_over_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Zwei")
    (tmp_path / "a" / "y.txt").write_text("Eins")
    (tmp_path / "a" / "z.txt").write_text("Eins-b")
    (tmp_path / "README.md").write_text("# About these files")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("ignored")
    items = list(read_inputs([tmp_path]))
    assert [i.id if isinstance(i, Document) else "error" for i in items] == ["y", "z", "x"]


def test_a_named_file_of_another_type_is_noted(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "ok.txt").write_text("Text")
    docs, errors = read(tmp_path / "notes.pdf", tmp_path / "ok.txt")
    assert [d.id for d in docs] == ["ok"]
    assert [(e.source, e.error.split(":")[0]) for e in errors] == [(str(tmp_path / "notes.pdf"), "skipped")]


def test_shared_stems_use_the_path_relative_to_the_argument(tmp_path: Path) -> None:
    for folder in ("de", "en"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Text {folder}")
    (tmp_path / "de" / "story.json").write_text(json.dumps([{"text": "Record"}]))
    docs, _ = read(tmp_path)
    assert [d.id for d in docs] == ["de/story.json:1", "de/story.txt", "en/story.txt"]


def test_outlet_from_agency_marker_when_nothing_else_names_it(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text("Schlagzeile\n\nBerlin (dpa) - Der Text beginnt hier.")
    (tmp_path / "wire2.txt").write_text("Headline\n\nSome text.\n\n© AFP")
    docs, _ = read(tmp_path)
    assert [d.outlet for d in docs] == ["dpa", "AFP"]


def test_given_lang_is_set_else_left_empty(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Some text.")
    assert read(tmp_path)[0][0].lang == ""
    assert read(tmp_path, lang="en")[0][0].lang == "en"
    assert read(tmp_path, lang="auto")[0][0].lang == ""


def test_title_skips_a_stamp_line(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("12.02.2025 - 18:27:49\n\nDie Schlagzeile\n\nText.")
    docs, _ = read(tmp_path)
    assert [(d.id, d.title) for d in docs] == [("s", "Die Schlagzeile")]
    assert docs[0].published is not None and docs[0].published.value == "2025-02-12"


def test_title_skips_a_tag_line_of_topic_names(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("Trump, Putin\n\nTrump telefoniert mit Putin\n\nText.")
    (tmp_path / "u.txt").write_text("Ukraine | Russland | USA\nKiew meldet neue Angriffe\nText.")
    (tmp_path / "v.txt").write_text("Merkel, Macron und die Krise\n\nText.")
    (tmp_path / "w.txt").write_text("Trump, Putin")
    docs, _ = read(tmp_path)
    assert [d.title for d in docs] == [
        "Trump telefoniert mit Putin",
        "Kiew meldet neue Angriffe",
        "Merkel, Macron und die Krise",
        "Trump, Putin",
    ]


def test_a_path_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text")
    docs, _ = read(tmp_path, tmp_path / "x.txt")
    assert [d.id for d in docs] == ["x"]


def test_html_without_date_metadata_is_dated_by_its_stamp(tmp_path: Path) -> None:
    page = """<html><head><title>Meldung</title></head><body><article>
    <h1>Gespräche sollen am Montag beginnen</h1><p>Stand: 17.05.2025 19:54 Uhr</p>
    <p>Die Delegationen wollen sich in der kommenden Woche treffen, hieß es am Samstag aus
    Regierungskreisen. Ein genauer Ort wurde zunächst nicht genannt.</p></article></body></html>"""
    (tmp_path / "meldung.html").write_text(page)
    docs, _ = read(tmp_path, dct=Period.parse("2025-05"))
    assert docs[0].published == Period.parse("2025-05-17")
    assert docs[0].published_source in ("metadata", "stamp"), "htmldate may read the stamp first"
    assert docs[0].title == "Gespräche sollen am Montag beginnen"


def test_a_single_path_is_not_taken_for_a_list_of_characters(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text")
    assert [d.id for d in read_inputs(str(tmp_path)) if isinstance(d, Document)] == ["x"]


def test_outlet_from_the_credit_of_a_full_dateline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Schlagzeile\n\nHamburg, 3. Juni (Nordwire) - Der Text beginnt hier.")
    (tmp_path / "b.txt").write_text("Headline\n\nBERGEN, Norway, June 3 (Example Wire) - The text starts here.")
    (tmp_path / "c.txt").write_text("Headline\n\nDonald Trump (Republican) - a profile of the president.")
    docs, _ = read(tmp_path)
    assert [d.outlet for d in docs] == ["Nordwire", "Example Wire", None]


def test_a_lead_paragraph_as_first_line_gives_its_first_sentences_as_title(tmp_path: Path) -> None:
    lead = (
        "Der Minister hat am Morgen überraschend seinen Rücktritt erklärt und damit eine Debatte ausgelöst. "
        "Die Opposition verlangt nun Neuwahlen, die Regierung lehnt das bisher ab und spricht von Panikmache."
    )
    (tmp_path / "a.txt").write_text(lead + "\n\nMehr Text.")
    (tmp_path / "b.txt").write_text("Wort " * 60)
    docs, _ = read(tmp_path)
    assert docs[0].title == lead.split(" Die Opposition")[0]
    assert docs[1].title.endswith(" …") and len(docs[1].title) <= 152
