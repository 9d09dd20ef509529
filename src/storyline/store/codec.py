"""JSON forms of the model's dataclasses, for the store's JSON columns.

The store keeps each derived layer (sentences, time expressions, mentions, events) as one JSON
value a row.  The conversion follows the dataclasses' type hints, so the model can grow fields
without touching this module or migrating the store: a field missing from an old row takes its
dataclass default, a field the model no longer has is ignored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

from storyline.dates import Period
from storyline.model import Document

T = TypeVar("T")


def to_json(value: Any) -> Any:
    """A JSON-ready form of a model value (dataclass, Period, enum, collection, scalar)."""
    if isinstance(value, Period):
        return {"value": value.value, "mod": value.mod.value if value.mod else None}
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, frozenset | set):
        return sorted(to_json(item) for item in value)
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    return value


def from_json(cls: type[T], data: dict[str, Any], **overrides: Any) -> T:
    """A dataclass ``cls`` from its :func:`to_json` form; ``overrides`` set fields directly."""
    plan = _plan(cast(Any, cls))
    kwargs = dict(data) if data.keys() <= plan.fields else {k: v for k, v in data.items() if k in plan.fields}
    for name, decode in plan.decoders:
        if name in kwargs:
            kwargs[name] = decode(kwargs[name])
    kwargs.update(overrides)
    return cls(**kwargs)


Decoder = Callable[[Any], Any]


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How to decode one class: its field names, and decoders for the fields JSON cannot hold as is."""

    fields: frozenset[str]
    decoders: tuple[tuple[str, Decoder], ...]


@cache
def _plan(cls: Any) -> _Plan:
    """Planned once a class from its type hints: decoding is hot (a store restores every mention)."""
    names = frozenset(f.name for f in dataclasses.fields(cls) if f.init)
    hints = typing.get_type_hints(cls)
    decoders = tuple((name, decoder) for name in sorted(names) if (decoder := _decoder(hints[name])) is not None)
    return _Plan(names, decoders)


def _decoder(hint: Any) -> Decoder | None:
    """A decoder for values of type ``hint``; ``None`` where the JSON value is already right."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(arg for arg in args if arg is not type(None)))
        return None if inner is None else (lambda value: None if value is None else inner(value))
    if hint is Period:
        return period_from_json
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _interned(hint) if hint.__dataclass_params__.frozen else lambda value: from_json(hint, value)  # type: ignore[attr-defined]
    if origin in (list, frozenset, set, tuple):
        item = _decoder(args[0])
        if item is None:
            return origin if origin is not list else None
        return lambda value: origin(item(v) for v in value)
    return None


def _interned(cls: Any) -> Decoder:
    """Frozen values (participants) recur across mentions: build each distinct one once."""

    @lru_cache(maxsize=65536)
    def build(items: tuple[tuple[str, Any], ...]) -> Any:
        return from_json(cls, dict(items))

    return lambda value: build(tuple(sorted(value.items())))


def period_from_json(data: dict[str, Any]) -> Period:
    return _period(data["value"], data.get("mod") or None)


@lru_cache(maxsize=65536)
def _period(value: str, mod: str | None) -> Period:
    """Periods are immutable and few distinct ones recur: parse each once."""
    return Period.parse(value, mod)


def document_meta(doc: Document) -> dict[str, Any]:
    """What a reader supplied about a document (not what the stages derived from it)."""
    return {
        "id": doc.id,
        "title": doc.title,
        "published": to_json(doc.published),
        "published_source": doc.published_source,
        "lang": doc.lang,
        "source": doc.source,
        "url": doc.url,
        "outlet": doc.outlet,
        "teaser": doc.teaser,
    }


def content_hash(doc: Document) -> str:
    """Identity of a document's content as this storyline analyses it: the same input read
    twice hashes the same, and differently once storyline (its code or language data) changed,
    so that an upgraded storyline analyses a re-ingested article afresh.

    Its id and where it was read from (source path, teaser number) are left out, so that moving
    a file does not count as a change, and a document the store keeps under an id of its own (a
    same-named file from elsewhere) hashes as it did when it was read.
    """
    meta = document_meta(doc)
    del meta["id"], meta["source"], meta["teaser"]
    payload = json.dumps([meta, doc.text, analysis_version()], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@cache
def analysis_version() -> str:
    """A digest of the storyline package's code and language data, which its analysis of a
    document depends on."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".toml", ".txt")):
        digest.update(str(path.relative_to(package)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()
