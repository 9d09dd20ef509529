"""Wire copies: near-duplicates point at the earliest published original."""

from __future__ import annotations

import random

from storyline.dates import Period
from storyline.ingest import mark_duplicates, mark_in_order
from storyline.model import Document

WIRE = (
    "Die Regierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
    "Der Entwurf sieht vor, dass Solaranlagen auf allen neuen Dächern Pflicht werden. Die Opposition "
    "kritisierte die Pläne als zu teuer und warnte vor steigenden Mieten. Der Wirtschaftsminister "
    "verteidigte das Vorhaben im Parlament und sprach von einem wichtigen Schritt für den Klimaschutz. "
    "Verbände der Bauwirtschaft kündigten an, die Umsetzung genau zu beobachten. Das Gesetz soll im "
    "kommenden Jahr in Kraft treten, nachdem auch die Länderkammer zugestimmt hat."
)
OTHER = (
    "The football club announced on Friday that its coach will leave at the end of the season after "
    "five years in charge. Supporters gathered outside the stadium to thank him, and the board said a "
    "successor would be named in the coming weeks. The team currently sits third in the league table "
    "and still hopes to qualify for European competition next year."
)


def doc(doc_id: str, text: str, published: str | None, outlet: str) -> Document:
    return Document(id=doc_id, text=text, published=Period.parse(published) if published else None, outlet=outlet)


def edited(text: str) -> str:
    """A copy with a new headline, one sentence changed and one added, as outlets do."""
    return (
        "Solarpflicht kommt\n\n"
        + text.replace("zu teuer", "als viel zu teuer")
        + " Mehr dazu lesen Sie morgen in unserer Ausgabe."
    )


def test_edited_wire_copies_point_at_the_earliest_original() -> None:
    docs = [
        doc("c", edited(WIRE), "2025-06-03", "Zeitung C"),
        doc("a", WIRE, "2025-06-03", "Agentur"),
        doc("b", WIRE.replace("Dienstag", "Dienstagabend"), "2025-06-04", "Zeitung B"),
        doc("x", OTHER, "2025-06-01", "Sports Daily"),
    ]
    mark_duplicates(docs)
    assert {d.id: d.duplicate_of for d in docs} == {"c": "a", "a": None, "b": "a", "x": None}


def test_a_shortened_copy_is_a_copy_and_undated_documents_count_as_latest() -> None:
    sentences = WIRE.split(". ")
    short = ". ".join(sentences[:4]) + "."
    docs = [doc("full", WIRE, None, "Agentur"), doc("short", short, "2025-06-05", "Portal")]
    mark_duplicates(docs)
    assert docs[0].duplicate_of == "short" and docs[1].duplicate_of is None


def test_different_stories_on_the_same_topic_are_not_copies() -> None:
    follow_up = (
        "Nach dem Beschluss des Gesetzes zur Förderung erneuerbarer Energien reagierten die Länder "
        "unterschiedlich. Bayern begrüßte die Solarpflicht grundsätzlich, verlangte aber Ausnahmen für "
        "denkmalgeschützte Gebäude. Berlin kündigte ein eigenes Förderprogramm an, Sachsen blieb skeptisch "
        "und verwies auf die Kosten für Mieter. Der Städtetag forderte mehr Geld vom Bund."
    )
    docs = [doc("a", WIRE, "2025-06-03", "A"), doc("b", follow_up, "2025-06-04", "B")]
    mark_duplicates(docs)
    assert [d.duplicate_of for d in docs] == [None, None]


def test_short_texts_are_never_marked_and_marks_are_recomputed() -> None:
    docs = [
        doc("a", "Kurze Meldung ohne viel Text.", "2025-06-01", "A"),
        doc("b", "Kurze Meldung ohne viel Text.", "2025-06-02", "B"),
    ]
    docs[1].duplicate_of = "stale"
    mark_duplicates(docs)
    assert [d.duplicate_of for d in docs] == [None, None]


def test_many_documents_with_few_copies() -> None:
    rng = random.Random(7)
    vocabulary = [f"wort{i}" for i in range(5000)]
    docs = [
        doc(f"d{i:04d}", " ".join(rng.choices(vocabulary, k=150)), f"2025-01-{1 + i % 28:02d}", "X")
        for i in range(1500)
    ]
    docs.append(doc("copy", docs[10].text + " und noch ein Satz", "2025-02-01", "Y"))
    mark_duplicates(docs)
    assert [(d.id, d.duplicate_of) for d in docs if d.duplicate_of] == [("copy", "d0010")]


def test_a_stream_in_publication_order_compares_only_within_its_window() -> None:
    stream = [
        doc("a", WIRE, "2025-03-18", "Agency"),
        doc("b", edited(WIRE), "2025-03-20", "Daily"),
        doc("c", edited(WIRE), "2025-04-30", "Weekly"),  # six weeks on: a reprint, not a copy
    ]
    marked = {d.id: d.duplicate_of for d in mark_in_order(stream, window_days=7)}
    assert marked == {"a": None, "b": "a", "c": None}
    assert {d.id: d.duplicate_of for d in mark_in_order(stream)} == {"a": None, "b": "a", "c": "a"}
