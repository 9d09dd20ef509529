"""Teaser lists ("Weitere Meldungen", "Related") are cut and become small dated documents."""

from __future__ import annotations

from pathlib import Path

from storyline.dates import Period
from storyline.ingest import read_inputs
from storyline.ingest.teasers import split_teasers
from storyline.model import Document

GERMAN = """Schlagzeile

03.06.2025 - 09:12:00

Der eigentliche Artikel steht hier.

Weitere Meldungen

Minister tritt zurück Der Minister hat seinen Rücktritt erklärt. (Politik, 02.06.2025 - 17:40) weiterlesen...

Streik beendet Die Gewerkschaft hat den Streik beendet. (Wirtschaft, 01.06.2025 - 08:05) weiterlesen..."""

ENGLISH = """Headline
Published 4 June 2025
The article itself.
Related:
Storm hits the coast Heavy rain flooded streets. 3 June 2025
Vote delayed again Parliament postponed the vote. 2 June 2025
Imprint and contact"""


def test_german_teaser_block_is_cut_and_each_item_is_dated_by_its_stamp() -> None:
    text, teasers = split_teasers(GERMAN)
    assert text.endswith("Der eigentliche Artikel steht hier.")
    assert [t.published.value for t in teasers] == ["2025-06-02", "2025-06-01"]
    assert teasers[0].text == "Minister tritt zurück\nDer Minister hat seinen Rücktritt erklärt."
    assert teasers[0].title == "Minister tritt zurück"


def test_a_german_headline_run_into_its_lead_gets_a_line_of_its_own() -> None:
    """A capital "Die" or "Nach" inside a German line opens a sentence: the lead."""
    text = (
        "Titel\n\nText.\n\nWeitere Meldungen\n\n"
        "Ukrainer reagieren skeptisch auf den Deal Die Folgen sind ungewiss."
        " (Wirtschaft, 19.03.2025 - 06:35) weiterlesen...\n\n"
        "Russland greift an Nach dem Telefonat griff Russland erneut an."
        " (Wirtschaft, 19.03.2025 - 10:38) weiterlesen..."
    )
    _, teasers = split_teasers(text, "de")
    assert [(t.title, t.text.split("\n")[0]) for t in teasers] == [
        ("Ukrainer reagieren skeptisch auf den Deal", "Ukrainer reagieren skeptisch auf den Deal"),
        ("Russland greift an", "Russland greift an"),
    ]
    assert teasers[0].text.split("\n")[1] == "Die Folgen sind ungewiss."


def test_a_teaser_title_is_its_whole_headline_up_to_its_full_stop() -> None:
    text = (
        "Titel\n\nText.\n\nWeitere Meldungen\n\n"
        "Trump kommt mit Putin nur langsam voran - fünf Erkenntnisse. Es gab nur eine Einigung."
        " (Ausland, 18.03.2025 - 20:36) weiterlesen..."
    )
    (teaser,) = split_teasers(text, "de")[1]
    assert teaser.title == "Trump kommt mit Putin nur langsam voran - fünf Erkenntnisse."
    assert teaser.text.startswith("Trump kommt mit Putin nur langsam voran - fünf Erkenntnisse. Es gab"), "one line"


def test_without_a_known_headline_end_the_title_is_cut_at_a_word_limit() -> None:
    text = (
        "Titel\n\nText.\n\nWeitere Meldungen\n\n"
        "Trump und Putin bringen Eishockeyspiele ins Gespräch US-Präsident Donald Trump und Kremlchef Wladimir Putin"
        " sollen sich über Eishockeyspiele unterhalten haben. (Wirtschaft, 18.03.2025 - 23:06) weiterlesen..."
    )
    (teaser,) = split_teasers(text, "de")[1]
    assert teaser.title == "Trump und Putin bringen Eishockeyspiele ins Gespräch US-Präsident …"


def test_english_block_ends_at_the_first_line_without_a_stamp() -> None:
    text, teasers = split_teasers(ENGLISH, "en")
    assert "Related" not in text and "Storm" not in text
    assert text.startswith("Headline\nPublished 4 June 2025\nThe article itself.\n")
    assert text.endswith("\nImprint and contact"), "what follows the list stays"
    assert [(t.text, t.published.value) for t in teasers] == [
        ("Storm hits the coast Heavy rain flooded streets.", "2025-06-03"),
        ("Vote delayed again Parliament postponed the vote.", "2025-06-02"),
    ]


def test_items_may_span_a_headline_and_a_lead_line() -> None:
    text = (
        "Headline\nThe article.\nMore news\nStorm hits the coast\nHeavy rain flooded streets. (World, 3 June 2025)"
        "\nVote delayed\nParliament postponed the vote. (Politics, 2 June 2025)\nA\nB\nC"
    )
    kept, teasers = split_teasers(text, "en")
    assert kept == "Headline\nThe article.\n\nA\nB\nC"
    assert [(t.title, t.text) for t in teasers] == [
        ("Storm hits the coast", "Storm hits the coast\nHeavy rain flooded streets."),
        ("Vote delayed", "Vote delayed\nParliament postponed the vote."),
    ]


def test_a_heading_without_stamped_items_is_left_alone() -> None:
    text = "Titel\n\nText.\n\nMehr zum Thema\n\nEin Link ohne Datum"
    assert split_teasers(text) == (text, [])


def test_read_inputs_emits_teasers_as_documents_after_their_article(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(GERMAN + "\n\n@ dpa.de\n")
    docs = [d for d in read_inputs([tmp_path]) if isinstance(d, Document)]
    assert [d.id for d in docs] == ["page", "page~1", "page~2"]
    article, first, _ = docs
    assert "Weitere Meldungen" not in article.text and "Rücktritt" not in article.text
    assert article.published == Period.parse("2025-06-03"), "the article's stamp, not a teaser's"
    assert first.published == Period.parse("2025-06-02") and first.published_source == "stamp"
    assert first.outlet == article.outlet == "dpa"
    assert (first.source, first.teaser, article.teaser) == (article.source, 1, None), "a file a reader can find"
