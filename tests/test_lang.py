"""Language data helpers (``storyline.lang``)."""

from __future__ import annotations

import re

from storyline.lang import phrase_alternation


def test_phrases_match_longest_first_with_any_white_space() -> None:
    pattern = re.compile(rf"(?:{phrase_alternation(['Published', 'published  on', ''])})")
    assert pattern.match("published \n on 3 May").group() == "published \n on"


def test_no_phrases_match_nothing() -> None:
    assert re.search(rf"\s*(?:{phrase_alternation([])})\s*", "any text") is None
