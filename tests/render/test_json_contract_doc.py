"""docs/json-contract.md stays true: its example has exactly the keys the renderer writes, and
every key is documented in a table."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from storyline.model import Timeline
from storyline.render import render
from storyline.render.jsonout import VERSION

CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "json-contract.md"


def example() -> dict[str, Any]:
    block = re.search(r"```json\n(.*?)```", CONTRACT.read_text(encoding="utf-8"), re.DOTALL)
    assert block, "docs/json-contract.md has no ```json example"
    data: dict[str, Any] = json.loads(block.group(1))
    return data


def key_sets(data: dict[str, Any]) -> dict[str, set[str]]:
    """The keys used at each kind of object in a contract output."""
    events = data["events"]
    return {
        "top": set(data),
        "document": {key for doc in data["documents"] for key in doc} - {"text"},
        "event": {key for event in events for key in event},
        "participant": {key for event in events for p in event["participants"] for key in p},
        "conflict": {key for event in events for c in event["conflicts"] for key in c},
        "source": {key for event in events for s in event["sources"] for key in s},
        "error": {key for error in data["errors"] for key in error},
    }


def test_example_is_current(timeline: Timeline) -> None:
    documented = example()
    assert documented["version"] == VERSION
    assert key_sets(documented) == key_sets(json.loads(render(timeline, "json")))


def test_every_key_has_a_table_row() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `(\w+)` \|", text, re.MULTILINE))
    for keys in key_sets(example()).values():
        assert keys <= rows
    assert "text" in rows
