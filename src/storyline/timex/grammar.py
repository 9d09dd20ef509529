"""Per-language timex grammar: the lexicon and the rules, compiled once from TOML data.

A language folder holds ``timex_lexicon.toml`` (word tables: months, weekdays, number words,
units, cue words …) and ``timex_rules.toml`` (named sub-patterns and rules).  Rule patterns
are regular expressions with placeholders: ``{name}`` inserts the macro or lexicon table
``name`` as the named group ``name``, ``{name:alias}`` the same as group ``alias``, and
``{=name}`` inserts it without a group.  The normaliser reads what a rule found by these
group names (``day``, ``month``, ``weekday``, ``num``, ``unit`` …), so the engine never names a
word of any language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from storyline.lang import resource

_PLACEHOLDER = re.compile(r"\{(=?)([a-z_][a-z_0-9]*)(?::([a-z_0-9]+))?\}")


@dataclass(frozen=True)
class Table:
    """A lexicon table: surface forms (regular expressions, lower case) mapped to values."""

    name: str
    entries: tuple[tuple[re.Pattern[str], Any], ...]
    pattern: str
    forms: tuple[str, ...]
    case_sensitive: bool = False
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, surface: str) -> Any:
        """The value of the first entry whose form matches ``surface`` entirely, else None."""
        if surface in self.memo:
            return self.memo[surface]
        key = " ".join(surface.split())
        value = next((v for form, v in self.entries if form.fullmatch(key)), None)
        self.memo[surface] = value
        return value


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a compiled pattern and what its matches mean."""

    name: str
    regex: re.Pattern[str]
    kind: str
    type: str | None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Grammar:
    """Everything the tagger knows about one language."""

    lang: str
    tables: dict[str, Table]
    rules: tuple[Rule, ...]
    trigger: re.Pattern[str]
    future_cues: re.Pattern[str] | None
    past_cues: re.Pattern[str] | None
    present_cues: re.Pattern[str] | None
    settings: dict[str, Any]

    def table(self, name: str) -> Table:
        return self.tables[name]


def _alternation(forms: list[str]) -> str:
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    return "(?:" + "|".join(ordered) + ")"


def _build_tables(lexicon: dict[str, Any]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, spec in lexicon.get("table", {}).items():
        case_sensitive = bool(spec.get("case_sensitive", False))
        flags = 0 if case_sensitive else re.IGNORECASE
        entries = spec["entries"]
        forms = list(entries)
        pattern = _alternation(forms)
        if case_sensitive:
            pattern = f"(?-i:{pattern})"
        compiled = tuple((re.compile(form, flags), value) for form, value in entries.items())
        longest_first = tuple(sorted((form.lower() for form in forms), key=len, reverse=True))
        tables[name] = Table(name, compiled, pattern, longest_first, case_sensitive)
    return tables


def _expand(pattern: str, macros: dict[str, str], tables: dict[str, Table], depth: int = 0) -> str:
    """Replace placeholders by macro or table patterns (groups only at the top level)."""
    if depth > 8:
        raise ValueError(f"macro recursion too deep in {pattern!r}")

    def replace(match: re.Match[str]) -> str:
        bare, name, alias = match.group(1), match.group(2), match.group(3)
        if name in macros:
            body = _expand(macros[name], macros, tables, depth + 1)
        elif name in tables:
            body = tables[name].pattern
        else:
            raise KeyError(f"unknown macro or table {name!r}")
        if bare or depth > 0:
            return f"(?:{body})"
        return f"(?P<{alias or name}>{body})"

    return _PLACEHOLDER.sub(replace, pattern)


def _cue_regex(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)" + _alternation(words) + r"(?!\w)", re.IGNORECASE)


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (built once per process)."""
    lexicon = resource(lang, "timex_lexicon.toml")
    spec = resource(lang, "timex_rules.toml")
    tables = _build_tables(lexicon)
    macros: dict[str, str] = dict(spec.get("macros", {}))
    boundary_before = spec.get("boundary_before", r"(?<![\w.-])")
    boundary_after = spec.get("boundary_after", r"(?![\w])")
    rules: list[Rule] = []
    for entry in spec.get("rule", []):
        body = _expand(entry["pattern"], macros, tables)
        regex = re.compile(boundary_before + body + boundary_after, re.IGNORECASE)
        attrs = {k: v for k, v in entry.items() if k not in ("name", "pattern", "kind", "type")}
        rules.append(Rule(entry["name"], regex, entry.get("kind", "date"), entry.get("type"), attrs))
    trigger_body = _expand(spec["trigger"], macros, tables, depth=1)
    tense = lexicon.get("tense", {})
    return Grammar(
        lang=lang,
        tables=tables,
        rules=tuple(rules),
        trigger=re.compile(trigger_body, re.IGNORECASE),
        future_cues=_cue_regex(tense.get("future", [])),
        past_cues=_cue_regex(tense.get("past", [])),
        present_cues=_cue_regex(tense.get("present", [])),
        settings=dict(lexicon.get("settings", {})),
    )
