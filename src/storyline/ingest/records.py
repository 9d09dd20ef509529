"""Article records in ``.json`` (one object or a list) and ``.jsonl`` (one object a line).

Fields (all but ``text`` optional): ``id`` (or ``uid``), ``title``, ``text``, ``date`` (or
``published``, ``dct``; ISO at any precision), ``url``, ``lang``, ``outlet`` (or ``source``).

Ids: a record's own ``id`` when it is given and unique in the run (and holds no ``:`` or
``~``, which storyline's own ids use), marked ``own_id`` (the store takes the same own id
from any file for the same article); else ``<stem>:N`` for the N-th record of a list or the
record on line N of a JSONL file; a ``.json`` file holding one object is the document
``<stem>``.  ``Document.source`` is ``<path>:N`` likewise.

JSONL is streamed line by line, so a file of any size is read in bounded memory; a bad line
(malformed JSON, a record over the size limit, a record without text) is reported with its
line number and skipped, and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyline.ingest.dates import METADATA, parse_published
from storyline.ingest.files import InputFile, ReadProblem, decode, read_bytes, read_lines
from storyline.ingest.outlets import domain_of
from storyline.ingest.text import title_of
from storyline.model import Document, InputError

__all__ = ["read_json", "read_jsonl"]

_ID_FIELDS = ("id", "uid")
_DATE_FIELDS = ("date", "published", "dct")
_OUTLET_FIELDS = ("outlet", "source")


def _field(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((record[name] for name in names if record.get(name) not in (None, "")), None)


def _text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return (value.strip() or None) if isinstance(value, str) else None


def _language(value: Any) -> str:
    """``de-DE`` / ``en_US`` → ``de`` / ``en``; anything else → ""."""
    return value.strip().replace("_", "-").split("-")[0].lower() if isinstance(value, str) else ""


def _record(record: Any, doc_id: str, source: str, used_ids: set[str]) -> Iterator[Document | InputError]:
    """The document of one record (and errors about it), ids checked against ``used_ids``."""
    if not isinstance(record, dict):
        yield InputError(source, f"not a JSON object but {type(record).__name__}; skipped")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield InputError(source, "record has no text; skipped")
        return
    given = _field(record, _ID_FIELDS)
    own_id = False
    if isinstance(given, str | int) and not isinstance(given, bool):
        candidate = str(given).strip()
        unused = candidate not in used_ids or candidate == doc_id  # a .json file named by its record's id
        if candidate and ":" not in candidate and "~" not in candidate and unused:
            doc_id, own_id = candidate, True
            used_ids.add(doc_id)  # generated ids ("stem:N") never clash, so only own ids are kept
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    url = _text_field(record, "url")
    outlet = _field(record, _OUTLET_FIELDS)
    doc = Document(
        id=doc_id,
        text=body,
        title=_text_field(record, "title") or title_of(body),
        lang=_language(record.get("lang")),
        source=source,
        own_id=own_id,
        url=url,
        outlet=outlet.strip() if isinstance(outlet, str) and outlet.strip() else domain_of(url),
    )
    value = _field(record, _DATE_FIELDS)
    if value is not None:
        try:
            doc.published = parse_published(value)
            doc.published_source = METADATA
        except ValueError as error:
            yield InputError(source, f"bad date: {error}; read without it", kept=True)
    yield doc


def read_json(file: InputFile, limit: int, used_ids: set[str]) -> Iterator[Document | InputError]:
    """The documents of a ``.json`` file (at most ``limit`` bytes)."""
    try:
        data = json.loads(decode(read_bytes(file.path, limit)))
    except ReadProblem as problem:
        yield InputError(file.source, str(problem))
        return
    except json.JSONDecodeError as error:
        hint = "; one object a line is JSONL: name the file .jsonl" if error.msg == "Extra data" else ""
        yield InputError(file.source, f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno}){hint}")
        return
    if isinstance(data, dict):
        yield from _record(data, file.id, file.source, used_ids)
    elif isinstance(data, list):
        if not data:
            yield InputError(file.source, "empty list: no records")
        for number, record in enumerate(data, start=1):
            yield from _record(record, f"{file.id}:{number}", f"{file.source}:{number}", used_ids)
    else:
        yield InputError(file.source, "expected a JSON object or a list of objects")


def read_jsonl(file: InputFile, limit: int, used_ids: set[str]) -> Iterator[Document | InputError]:
    """The documents of a ``.jsonl`` file, streamed; records over ``limit`` bytes are skipped."""
    records = 0  # non-blank lines
    try:
        for number, line in read_lines(file.path, limit):
            source = f"{file.source}:{number}"
            if line is None:
                yield InputError(source, f"record over the size limit ({limit / 2**20:.0f} MB); skipped")
                continue
            if number == 1 and line.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield InputError(file.source, "UTF-16 JSONL is not supported; convert it to UTF-8")
                return
            if not line.strip():
                continue
            records += 1
            try:
                record = json.loads(decode(line))
            except ReadProblem as problem:
                yield InputError(source, str(problem))
                continue
            except json.JSONDecodeError as error:
                yield InputError(source, f"malformed JSON: {error.msg} at character {error.pos + 1}")
                continue
            yield from _record(record, f"{file.id}:{number}", source, used_ids)
    except ReadProblem as problem:
        yield InputError(file.source, str(problem))
        return
    if records == 0:
        yield InputError(file.source, "no records (only blank lines)")
