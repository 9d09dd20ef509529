"""The story desk on the web: a FastAPI application over a store (see :mod:`storyline.web.app`)."""

from __future__ import annotations

from storyline.web.app import DeskConfig, create_app

__all__ = ["DeskConfig", "create_app"]
