"""Per-language timex grammar: the lexicon and the rules, compiled once from TOML data.

A language folder holds ``timex_lexicon.toml`` (word tables: months, weekdays, number words,
units, cue words …) and ``timex_rules.toml`` (named sub-patterns and rules).  Each rule names
an ``anchor`` (or a list of them), a cheap pattern that every match of the rule contains in one
of its tokens; the tagger runs a rule only on sentences where all its anchors occur, which is
what makes it fast.  Rule patterns
are regular expressions with placeholders: ``{name}`` inserts the macro or lexicon table
``name`` as the named group ``name``, ``{name:alias}`` the same as group ``alias``, and
``{=name}`` inserts it without a group.  The normaliser reads what a rule found by these
group names (``day``, ``month``, ``weekday``, ``num``, ``unit`` …), so the engine never names a
word of any language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from storyline.lang import phrase_alternation, phrase_pattern, resource
from storyline.tokens import DOUBLE_QUOTATION_MARKS, QUOTATION_MARKS

_DIGIT = re.compile(r"\d")
_OUTER_PUNCTUATION = ",;:!?()[]" + QUOTATION_MARKS
_PLACEHOLDER = re.compile(r"\{(=?)([a-z_][a-z_0-9]*)(?::([a-z_0-9]+))?\}")


@dataclass(frozen=True)
class Table:
    """A lexicon table: surface forms (regular expressions, lower case) mapped to values."""

    name: str
    raw_entries: tuple[tuple[str, Any], ...]
    pattern: str
    forms: tuple[str, ...]
    case_sensitive: bool = False
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def entries(self) -> tuple[tuple[re.Pattern[str], Any], ...]:
        """The entries' forms compiled, on the first look-up (most tables are never read)."""
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return tuple((re.compile(form, flags), value) for form, value in self.raw_entries)

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
    source: str  # the expanded regular expression
    kind: str
    type: str | None
    anchors: frozenset[int]  # indices into Grammar.anchors; all must occur in a sentence
    attrs: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, built when a sentence first holds the rule's anchors: most
        texts need few rules, so a cold start compiles only those."""
        return re.compile(self.source, re.IGNORECASE)


@dataclass(frozen=True)
class Grammar:
    """Everything the tagger knows about one language."""

    lang: str
    tables: dict[str, Table]
    rules: tuple[Rule, ...]
    anchors: tuple[re.Pattern[str], ...]
    any_anchor: re.Pattern[str]
    cues: tuple[tuple[str, re.Pattern[str]], ...]  # (tense, cue words), reliable ones
    weak_cues: tuple[tuple[str, re.Pattern[str]], ...]  # guesses from word shape
    clause_edge: re.Pattern[str]  # where a clause begins or ends, for the cues of its own clause
    # (tense, words that end right before an expression and decide its tense: "seit", "said on")
    governing: tuple[tuple[str, re.Pattern[str]], ...]
    # A postponement ("verschoben", "postponed") and the words right before its new date ("auf",
    # "until"): that date lies ahead, whatever the tense of the telling ("ist auf Freitag
    # verschoben worden").  The same words as the status of mentions reads (``events.toml``).
    postponed: re.Pattern[str]
    postponed_to: re.Pattern[str]
    settings: dict[str, Any]
    token_anchors: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    def anchors_in(self, text: str) -> set[int]:
        """The anchors occurring in ``text``, found token by token.

        Each token shape (outer punctuation stripped, digits as 0) is examined once per
        process, and most are rejected by one search for any anchor, so a sentence costs a
        few dictionary look-ups.
        """
        found: set[int] = set()
        memo = self.token_anchors
        for raw in text.split():
            token = _DIGIT.sub("0", raw.strip(_OUTER_PUNCTUATION))
            anchors = memo.get(token)
            if anchors is None:
                anchors = (
                    frozenset(i for i, anchor in enumerate(self.anchors) if anchor.search(token))
                    if self.any_anchor.search(token)
                    else frozenset()
                )
                memo[token] = anchors
            if anchors:
                found |= anchors
        return found


def _alternation(forms: list[str], fold: bool = True) -> str:
    """One regex alternation of all forms, longest first, so that "Thanksgiving Day" is not
    cut to "Thanksgiving" (a form's own top-level alternatives are split out first).

    Where every form starts with a plain letter, the forms are grouped under it
    ("m(?:onday|arch)"): the regex engine then tries one branch per letter at each position
    instead of every form, which is most of what long rules cost.  Forms that could match at
    the same place share their first letter, so the longest-first order still decides between
    them; ``fold`` groups letters case-insensitively (for patterns compiled that way).
    """
    alternatives = [alternative for form in forms for alternative in _top_level_alternatives(form)]
    ordered = sorted(set(alternatives), key=lambda form: (-len(form), form))
    if not all(_letter_led(alternative) for alternative in ordered):
        return "(?:" + "|".join(ordered) + ")"
    groups: dict[str, list[str]] = {}
    for alternative in ordered:
        groups.setdefault(alternative[0].lower() if fold else alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items()) + ")"


def _letter_led(form: str) -> bool:
    """Whether ``form`` starts with a literal letter that no quantifier applies to."""
    return form[:1].isalpha() and form[1:2] not in ("?", "*", "+", "{")


def _depths(form: str) -> Iterator[tuple[int, str, int]]:
    """Each unescaped character of ``form`` with the bracket depth after reading it."""
    depth, escaped = 0, False
    for index, char in enumerate(form):
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        yield index, char, depth


def _top_level_alternatives(form: str) -> list[str]:
    """``form`` split at the ``|`` that are outside brackets and not escaped."""
    parts, start = [], 0
    for index, char, depth in _depths(form):
        if char == "|" and depth == 0:
            parts.append(form[start:index])
            start = index + 1
    parts.append(form[start:])
    return parts


def _unwrapped(form: str) -> str | None:
    """The body of ``form`` when it is one non-capturing group "(?:…)" as a whole, else None."""
    if not (form.startswith("(?:") and form.endswith(")")):
        return None
    for index, char, depth in _depths(form):
        if char in ")]" and depth == 0 and index < len(form) - 1:
            return None
    return form[3:-1]


def _flat_alternatives(form: str) -> list[str]:
    """The alternatives of ``form``, with alternations nested in whole groups pulled up."""
    flat: list[str] = []
    for alternative in _top_level_alternatives(form):
        body = _unwrapped(alternative)
        flat.extend(_flat_alternatives(body) if body is not None else [alternative])
    return flat


def _by_first_letter(patterns: list[str]) -> str:
    """One search pattern equivalent to ``patterns`` joined by ``|``, with the alternatives that
    start with a plain letter grouped under that letter.

    The regex engine tries an alternation's branches one by one at every position; grouped,
    it tries about one branch per letter, which makes the any-anchor test of a new token
    several times cheaper (it is what a cold start mostly spends its time on).
    """
    by_letter: dict[str, set[str]] = {}
    others: list[str] = []
    for pattern in patterns:
        for alternative in _flat_alternatives(pattern):
            if _letter_led(alternative):
                by_letter.setdefault(alternative[0].lower(), set()).add(alternative[1:])
            else:
                others.append(alternative)
    grouped = [f"{letter}(?:{'|'.join(sorted(rests))})" for letter, rests in sorted(by_letter.items())]
    return "|".join(grouped + [f"(?:{other})" for other in others])


def _build_tables(lexicon: dict[str, Any]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, spec in lexicon.get("table", {}).items():
        case_sensitive = bool(spec.get("case_sensitive", False))
        entries = spec["entries"]
        forms = list(entries)
        pattern = _alternation(forms, fold=not case_sensitive)
        if case_sensitive:
            pattern = f"(?-i:{pattern})"
        longest_first = tuple(sorted((form.lower() for form in forms), key=len, reverse=True))
        tables[name] = Table(name, tuple(entries.items()), pattern, longest_first, case_sensitive)
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


def _cues(tense: dict[str, list[str]], names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(tense, compiled cue words) for each of ``names`` the language lists."""
    return tuple(
        (name.split("_")[0], re.compile(r"(?<!\w)" + _alternation(tense[name]) + r"(?!\w)", re.IGNORECASE))
        for name in names
        if tense.get(name)
    )


def _clause_edge(openers: list[str]) -> re.Pattern[str]:
    """Punctuation, and the words that open a clause of their own ("that": "ruled on Monday
    that the film would not help" is past, whatever "would" says)."""
    marks = re.escape(DOUBLE_QUOTATION_MARKS)
    return re.compile(rf"[,;:{marks}()–]|(?<!\w)(?:{phrase_alternation(openers)})(?!\w)", re.IGNORECASE)


def _governed_by(words: list[str], gap_words: list[str]) -> re.Pattern[str]:
    """``words`` ending right before an expression, where only ``gap_words`` may stand between."""
    gap = rf"(?:\s+(?:{phrase_alternation(gap_words)}))*"
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(words)}){gap}\s+\Z", re.IGNORECASE)


def _governing(tense: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(tense, words that govern the expression right after them), each pattern matching at the
    end of the text before an expression, where only the language's ``governing_gap`` words
    (prepositions, articles) may stand between: "said on" before "Tuesday", "seit" before "Montag"."""
    return tuple(
        (name.split("_")[0], _governed_by(tense[name], tense.get("governing_gap", [])))
        for name in ("past_governing", "future_governing")
        if tense.get(name)
    )


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
    anchors: dict[str, int] = {}
    for entry in spec.get("rule", []):
        body = _expand(entry["pattern"], macros, tables)
        source = boundary_before + body + boundary_after
        wanted = entry["anchor"] if isinstance(entry["anchor"], list) else [entry["anchor"]]
        needed = frozenset(anchors.setdefault(_expand(a, macros, tables, depth=1), len(anchors)) for a in wanted)
        attrs = {k: v for k, v in entry.items() if k not in ("name", "pattern", "kind", "type", "anchor")}
        rules.append(Rule(entry["name"], source, entry.get("kind", "date"), entry.get("type"), needed, attrs))
    tense = lexicon.get("tense", {})
    status = resource(lang, "events.toml").get("status", {})
    return Grammar(
        lang=lang,
        tables=tables,
        rules=tuple(rules),
        anchors=tuple(re.compile(anchor, re.IGNORECASE) for anchor in anchors),
        any_anchor=re.compile(_by_first_letter(list(anchors)), re.IGNORECASE),
        cues=_cues(tense, ("future", "past", "present")),
        weak_cues=_cues(tense, ("future_weak", "past_weak", "present_weak")),
        clause_edge=_clause_edge(tense.get("clause_openers", [])),
        governing=_governing(tense),
        postponed=phrase_pattern(status.get("postponed", [])),
        postponed_to=_governed_by(status.get("postponed_to", []), tense.get("governing_gap", [])),
        settings=dict(lexicon.get("settings", {})),
    )
