"""Short synthetic articles for the store benchmarks: texts of our own making, no real story.

Each article is a title and two or three sentences in German or English about invented
places and people, with explicit or relative dates, so that the real pipeline finds mentions
and the merge finds both new and recurring events.  Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from storyline.dates import Period
from storyline.model import Document

PLACES = ("Northhaven", "Eastmark", "Westria", "Lindby", "Port Arven", "Kessel", "Morrow Bay", "Talberg")
PEOPLE = ("Ada Brenner", "Tomas Vell", "Mira Osk", "Jon Hale", "Lea Stroud", "Ivo Marsh", "Nina Rook")
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip

EN = (
    "{p1} and {p2} will meet in {place} on {day} {month_en} {year} to sign a trade agreement.",
    "On {day} {month_en} {year} the council of {place} approved the new budget, {p1} said.",
    "A storm blocked the harbour of {place} on {day} {month_en} {year}, the port authority said.",
    "{p1} announced on {day} {month_en} {year} that the ferry to {place} will resume service.",
)
DE = (
    "{p1} und {p2} wollen sich am {day}. {month_de} {year} in {place} treffen, um ein Abkommen zu unterzeichnen.",
    "Der Rat von {place} hat am {day}. {month_de} {year} den Haushalt beschlossen, sagte {p1}.",
    "Ein Sturm hat am {day}. {month_de} {year} den Hafen von {place} blockiert, teilte die Hafenbehörde mit.",
    "{p1} hat am {day}. {month_de} {year} angekündigt, dass die Fähre nach {place} wieder fährt.",
)


def article(number: int, seed: int = 0) -> Document:
    """The ``number``-th synthetic article (same number and seed, same article)."""
    rng = random.Random(seed * 1_000_003 + number)
    lang = "de" if rng.random() < 0.5 else "en"
    published = date(2025, 1, 1) + timedelta(days=rng.randrange(330))
    sentences = []
    for template in rng.sample(DE if lang == "de" else EN, k=rng.choice((2, 3))):
        day = published - timedelta(days=rng.randrange(6))
        p1, p2 = rng.sample(PEOPLE, 2)
        sentences.append(
            template.format(
                p1=p1,
                p2=p2,
                place=rng.choice(PLACES),
                day=day.day,
                month_en=MONTHS_EN[day.month - 1],
                month_de=MONTHS_DE[day.month - 1],
                year=day.year,
            )
        )
    title = f"{'Meldung' if lang == 'de' else 'Report'} {number}: {sentences[0].split(',')[0][:60]}"
    return Document(
        id=f"syn{seed}-{number:06d}",
        text=title + "\n\n" + " ".join(sentences),
        title=title,
        published=Period.of_day(published),
        published_source="metadata",
        lang=lang,
        source="synthetic",
    )


def articles(start: int, count: int, seed: int = 0) -> Iterator[Document]:
    for number in range(start, start + count):
        yield article(number, seed)
