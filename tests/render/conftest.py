"""A small hand-made timeline (German and English articles, made up for these tests) that
exercises every precision, modifier, status, a date conflict, a wire copy and an input error."""

from __future__ import annotations

import pytest

from storyline.model import (
    Conflict,
    Document,
    Event,
    EventMention,
    InputError,
    Participant,
    Period,
    Status,
    Timeline,
)

GERMAN_TEXT = (
    "Kanzlerin Beispiel reist nach Paris\n"
    "Die Kanzlerin will am Montag mit dem Präsidenten telefonieren. "
    "Schon am 18. März hatten beide über Zölle gesprochen. "
    "Mitte August soll ein Gipfel folgen."
)
ENGLISH_TEXT = (
    "<script>alert('x')</script> Leaders agree on talks\n"
    "The two leaders spoke on 19 March, officials said. "
    "The ministry said the meeting at 10:00 on 19 May was called off. "
    "Talks took place last week, the Kremlin claimed <b>without evidence</b>."
)
KANZLERIN = Participant("person:beispiel", "Beispiel", "person")
PRAESIDENT = Participant("person:praesident", "Präsident", "person")


def mention(doc: Document, sentence_text: str, date: Period, **extra: object) -> EventMention:
    """A mention citing ``sentence_text``, located by its offsets in ``doc.text``."""
    start = doc.text.index(sentence_text)
    return EventMention(
        doc_id=doc.id,
        sentence=doc.text[:start].count(". ") + 1,
        start=start,
        end=start + len(sentence_text),
        text=sentence_text,
        phrase=sentence_text.split()[1],
        trigger=sentence_text.split()[1],
        date=date,
        lang=doc.lang,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def german_doc() -> Document:
    return Document(
        id="000_zeitung",
        text=GERMAN_TEXT,
        title="Kanzlerin Beispiel reist nach Paris",
        published=Period.parse("2025-05-17"),
        published_source="marker",
        lang="de",
        source="articles/000_zeitung.txt",
        url="https://zeitung.example/paris",
        outlet="Beispiel-Zeitung",
    )


@pytest.fixture
def english_doc() -> Document:
    return Document(
        id="001_wire",
        text=ENGLISH_TEXT,
        title="<script>alert('x')</script> Leaders agree on talks",
        published=Period.parse("2025-05"),
        lang="en",
        source="articles/001_wire.txt",
        url="javascript:alert(1)",
        outlet="Example Wire",
    )


@pytest.fixture
def copy_doc() -> Document:
    return Document(
        id="002_copy",
        text=ENGLISH_TEXT,
        title="Leaders agree on talks",
        published=None,
        lang="en",
        source="articles/002_copy.jsonl:3",
        duplicate_of="001_wire",
    )


@pytest.fixture
def timeline(german_doc: Document, english_doc: Document, copy_doc: Document) -> Timeline:
    call_planned = mention(
        german_doc,
        "Die Kanzlerin will am Montag mit dem Präsidenten telefonieren.",
        Period.parse("2025-05-19"),
        status=Status.PLANNED,
        participants=[KANZLERIN, PRAESIDENT],
        time_text="am Montag",
        time_value="2025-05-19",
    )
    march_de = mention(
        german_doc,
        "Schon am 18. März hatten beide über Zölle gesprochen.",
        Period.parse("2025-03-18"),
        time_text="am 18. März",
        time_value="2025-03-18",
    )
    march_en = mention(
        english_doc,
        "The two leaders spoke on 19 March, officials said.",
        Period.parse("2025-03-19"),
        time_text="on 19 March",
        time_value="2025-03-19",
    )
    summit = mention(
        german_doc,
        "Mitte August soll ein Gipfel folgen.",
        Period.parse("2025-08", mod="mid"),
        status=Status.PLANNED,
        time_text="Mitte August",
        time_value="2025-08",
    )
    cancelled = mention(
        english_doc,
        "The ministry said the meeting at 10:00 on 19 May was called off.",
        Period.parse("2025-05-19T10:00"),
        status=Status.CANCELLED,
        time_text="at 10:00 on 19 May",
        time_value="2025-05-19T10:00",
    )
    claimed = mention(
        english_doc,
        "Talks took place last week, the Kremlin claimed <b>without evidence</b>.",
        Period.parse("2025-W19"),
        status=Status.REPORTED,
        attributed_to="the Kremlin",
        time_text="last week",
        time_value="2025-W19",
    )
    claimed_copy = mention(copy_doc, claimed.text, claimed.date, status=Status.REPORTED, attributed_to="the Kremlin")
    events = [
        Event(
            id="ev-call",
            date=Period.parse("2025-05-19"),
            status=Status.PLANNED,
            title="Telefonat Kanzlerin – Präsident",
            summary="Die Kanzlerin will mit dem Präsidenten telefonieren.",
            participants=[KANZLERIN, PRAESIDENT],
            mentions=[call_planned],
            salience=0.81234567,
        ),
        Event(
            id="ev-march",
            date=Period.parse("2025-03-18"),
            status=Status.OCCURRED,
            title="Gespräch über Zölle",
            summary="Beide sprachen über Zölle.",
            participants=[KANZLERIN],
            mentions=[march_de, march_en],
            salience=0.5,
            conflicts=[Conflict(Period.parse("2025-03-19"), ["001_wire"])],
        ),
        Event(
            id="ev-summit",
            date=Period.parse("2025-08", mod="mid"),
            status=Status.PLANNED,
            title="Gipfel",
            summary="Ein Gipfel soll folgen.",
            participants=[],
            mentions=[summit],
        ),
        Event(
            id="ev-cancel",
            date=Period.parse("2025-05-19T10:00"),
            status=Status.CANCELLED,
            title="Meeting called off",
            summary="The meeting was called off.",
            participants=[Participant("org:ministry", "ministry", "organisation")],
            mentions=[cancelled],
        ),
        Event(
            id="ev claimed/1",
            date=Period.parse("2025-W19"),
            status=Status.REPORTED,
            title="Talks <i>claimed</i>",
            summary="Talks took place, the Kremlin claimed.",
            participants=[Participant("org:kremlin", "Kremlin", "organisation")],
            mentions=[claimed, claimed_copy],
        ),
        Event(
            id="ev-background",
            date=Period.parse("2025-Q1"),
            status=Status.OCCURRED,
            title="Zollstreit beginnt",
            summary="Zollstreit beginnt.",
            participants=[],
            mentions=[march_de],
            background=True,
        ),
        Event(
            id="ev-year",
            date=Period.parse("2025"),
            status=Status.DENIED,
            title="Rücktritt dementiert",
            summary="Ein Rücktritt wurde dementiert.",
            participants=[],
            mentions=[march_de],
        ),
    ]
    return Timeline(
        documents=[german_doc, english_doc, copy_doc],
        events=events,
        errors=[InputError("articles/broken.json", "record 3: not valid JSON")],
    )
