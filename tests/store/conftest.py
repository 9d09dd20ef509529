"""Fixtures for store tests: the fake stages (see ``store_fakes``) and a store in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
import store_fakes

from storyline.store import Store


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    store_fakes.install(monkeypatch)


@pytest.fixture
def store(tmp_path: Path, fakes: None) -> Store:
    return Store(tmp_path / "story.db")
