"""Timeline: salience from independent sources and prominence; query focus; sizing."""

from __future__ import annotations

from storyline.events import merge
from storyline.model import Document, Period
from storyline.timeline import independent_sources, select
from test_events import RABIE, mention


def docs(*ids: str, duplicate: dict[str, str] | None = None) -> list[Document]:
    duplicate = duplicate or {}
    return [Document(id=i, text="", published=Period.parse("2025-02-12"), duplicate_of=duplicate.get(i)) for i in ids]


def test_wire_copies_count_once_as_a_source() -> None:
    (event,) = merge([
        mention(d, "2025-02-12", "Trump hat mit Putin telefoniert.", published="2025-02-12") for d in ("a", "b", "c")
    ])
    by_id = {d.id: d for d in docs("a", "b", "c", duplicate={"b": "a"})}
    assert independent_sources(event, by_id) == 2


def test_more_sources_mean_more_salience_and_max_events_keeps_the_most_salient_in_date_order() -> None:
    mentions = [mention(d, "2025-02-12", "Trump hat mit Putin telefoniert.", published="2025-02-12") for d in "abc"]
    mentions.append(mention("d", "2025-01-05", "Rabie telefoniert mit Reedern.", published="2025-01-05", who=(RABIE,)))
    mentions.append(mention("e", "2025-03-01", "Rabie trifft Reeder im Hafen.", published="2025-03-01", who=(RABIE,),
                            event_class="meeting"))
    events = merge(mentions)
    timeline = select(events, docs("a", "b", "c", "d", "e"))
    assert [e.date.value for e in timeline.events] == ["2025-01-05", "2025-02-12", "2025-03-01"]
    top = max(timeline.events, key=lambda e: e.salience)
    assert top.date.value == "2025-02-12"
    sized = select(events, docs("a", "b", "c", "d", "e"), max_events=2)
    assert len(sized.events) == 2
    assert "2025-02-12" in [e.date.value for e in sized.events]
    assert sized.events == sorted(sized.events, key=lambda e: e.date.sort_key())


def test_a_query_drops_off_topic_events() -> None:
    events = merge([
        mention("a", "2025-02-12", "Trump hat mit Putin telefoniert.", published="2025-02-12"),
        mention("b", "2025-03-01", "Rabie trifft Reeder im Hafen.", published="2025-03-01", who=(RABIE,),
                event_class="meeting"),
    ])
    timeline = select(events, docs("a", "b"), query="Telefonat telefonieren")
    assert [e.date.value for e in timeline.events] == ["2025-02-12"]
    assert select(events, docs("a", "b"), query="Hafen").events[0].date.value == "2025-03-01"


def test_a_query_word_finds_the_compounds_it_heads_and_no_word_it_only_spells() -> None:
    """German compounds: "Streik" finds "Warnstreik", while "Rat" is no part of "Beratung"."""
    events = merge([
        mention("a", "2025-09-16", "Verdi hat zum Warnstreik aufgerufen.", published="2025-09-14", who=(RABIE,),
                event_class="protest"),
        mention("b", "2025-09-18", "Die Beratung im Ausschuss dauerte lange.", published="2025-09-18", who=(RABIE,),
                event_class="negotiation"),
    ])
    found = {query: [e.date.value for e in select(events, docs("a", "b"), query=query).events]
             for query in ("Streik", "Rat", "Beratung", "Ausschuss")}
    assert found == {"Streik": ["2025-09-16"], "Rat": [], "Beratung": ["2025-09-18"], "Ausschuss": ["2025-09-18"]}
