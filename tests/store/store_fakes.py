"""Small stand-ins for the analysis stages, so store tests do not depend on the NLP quality.

The real readers (``storyline.ingest``) stay: only analysis and merging are replaced.

A fake "article" is a title line and sentences; a sentence that names an ISO date
(``2025-03-18``) reports an event on that date; its capitalised words are its participants;
the remaining lower-case words are its phrase.  The fake index merges mentions with the same
phrase and a compatible date, the way the real one merges similar mentions.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Collection, Iterable, Iterator

from storyline.dates import Period
from storyline.model import (
    Document,
    Event,
    EventMention,
    Participant,
    Sentence,
    Status,
    TimeExpression,
    TimexType,
)

_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def analyse(doc: Document) -> Document:
    time.sleep(float(os.environ.get("STORE_FAKES_DELAY", "0")))  # to make a subprocess slow enough to kill
    doc.lang = doc.lang or "en"
    doc.sentences = []
    doc.timexes = []
    doc.mentions = []
    for match in re.finditer(r"[^.\n]+[.\n]?", doc.text):
        text = match.group().strip()
        if not text:
            continue
        start = doc.text.index(text, match.start())
        sentence = Sentence(len(doc.sentences), start, start + len(text), text)
        doc.sentences.append(sentence)
        date = _DATE.search(text)
        if date is None:
            continue
        value = date.group()
        time_start = sentence.start + date.start()
        doc.timexes.append(
            TimeExpression(time_start, time_start + len(value), value, TimexType.DATE, value, sentence=sentence.index)
        )
        words = re.findall(r"[A-Za-z]+", _DATE.sub(" ", text))
        doc.mentions.append(
            EventMention(
                doc_id=doc.id,
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                text=text,
                phrase=" ".join(w for w in words if w.islower()),
                trigger=next((w for w in words if w.islower()), ""),
                date=Period.parse(date.group()),
                status=Status.PLANNED if "will" in words else Status.OCCURRED,
                background="since" in words,
                participants=[Participant(f"person:{w.lower()}", w, "person") for w in words if w[0].isupper()],
                time_text=date.group(),
                time_value=date.group(),
                lang=doc.lang,
            )
        )
    return doc


class EventIndex:
    """Merges mentions with equal phrase and compatible dates; ids never reuse restored ones."""

    def __init__(self) -> None:
        self._mentions: dict[str, list[EventMention]] = {}
        self._next = 1

    def add(self, mention: EventMention) -> str:
        for event_id, mentions in self._mentions.items():
            first = mentions[0]
            if first.phrase == mention.phrase and first.date.compatible(mention.date):
                mentions.append(mention)
                return event_id
        event_id = f"e{self._next}"
        self._next += 1
        self._mentions[event_id] = [mention]
        return event_id

    def add_to(self, mention: EventMention, event_id: str) -> None:
        self._mentions.setdefault(event_id, []).append(mention)
        number = event_id[1:].split(".")[0]
        if number.isdigit():
            self._next = max(self._next, int(number) + 1)

    def restore(self, assignments: Iterable[tuple[EventMention, str]]) -> None:
        for mention, event_id in assignments:
            self.add_to(mention, event_id)

    def remove_document(self, doc_id: str) -> None:
        for event_id in list(self._mentions):
            kept = [m for m in self._mentions[event_id] if m.doc_id != doc_id]
            if kept:
                self._mentions[event_id] = kept
            else:
                del self._mentions[event_id]

    def events(self, ids: Collection[str] | None = None) -> list[Event]:
        result = []
        for event_id, mentions in self._mentions.items():
            if ids is not None and event_id not in ids:
                continue
            latest = max(mentions, key=lambda m: m.date.precision.rank)
            participants = list(dict.fromkeys(p for m in mentions for p in m.participants))
            title = f"{latest.phrase} ({', '.join(p.name for p in participants)})"
            event = Event(event_id, latest.date, mentions[-1].status, title, latest.text, participants, list(mentions))
            event.background = all(m.background for m in mentions)
            result.append(event)
        return result


def mark_duplicates(docs: list[Document]) -> None:
    """No wire copies among fake articles."""


def mark_in_order(docs: Iterable[Document], window_days: int | None = None) -> Iterator[Document]:
    """No wire copies among fake articles."""
    yield from docs


def install(target: object | None = None) -> None:
    """Replace the real stages by these fakes (``target``: a pytest monkeypatch, else for good)."""
    import storyline.events
    import storyline.ingest
    import storyline.pipeline

    replacements = [
        (storyline.pipeline, "analyse", analyse),
        (storyline.events, "EventIndex", EventIndex),
        (storyline.ingest, "mark_duplicates", mark_duplicates),
        (storyline.ingest, "mark_in_order", mark_in_order),
    ]
    for module, name, value in replacements:
        if target is None:
            setattr(module, name, value)
        else:
            target.setattr(module, name, value)  # type: ignore[attr-defined]


if __name__ == "__main__":
    # ``python store_fakes.py ARGS``: the storyline command with the fake stages (for subprocess
    # tests); STORE_FAKES_VERSION names another analysis version (an upgraded storyline).
    from storyline.cli import main
    from storyline.store import codec

    install()
    version = os.environ.get("STORE_FAKES_VERSION")
    if version:
        codec.analysis_version = lambda: version
    sys.exit(main(sys.argv[1:]))
