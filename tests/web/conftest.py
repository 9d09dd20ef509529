"""Fixtures for the story desk's web tests: an app over a store filled through the fake stages."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

import store_fakes

from storyline.web.app import create_app
from storyline.web.config import DeskConfig

ARTICLES = [
    {
        "id": "call",
        "title": "The call",
        "text": "The call.\nBiden phoned Putin on 2025-03-18. More later.",
        "url": "https://example.org/call",
    },
    {"id": "summit", "title": "Summit plans", "text": "Summit plans.\nTrump will meet Putin in 2025-06."},
]


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    store_fakes.install(monkeypatch)


@pytest.fixture
def make_client(tmp_path: Path, fakes: None) -> Callable[..., TestClient]:
    """A client for a fresh app over a store that holds :data:`ARTICLES`; options go to DeskConfig."""

    def make(**options: object) -> TestClient:
        app: FastAPI = create_app(DeskConfig(tmp_path / "desk.db", **options))  # type: ignore[arg-type]
        client = TestClient(app)
        headers = {"X-Storyline-Token": str(options["token"])} if options.get("token") else {}
        response = client.post("/api/documents", json=ARTICLES, headers=headers)
        assert response.status_code == 200, response.text
        return client

    return make


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
