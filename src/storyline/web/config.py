"""How one story desk server runs; plain data, so that the command line can name its defaults
without loading the web framework."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storyline.store import DEFAULT_STORY

DEFAULT_MAX_BODY = 5 * 1024 * 1024


@dataclass(frozen=True)
class DeskConfig:
    """How one server runs: which store and story, the write token, the body size limit."""

    db_path: Path
    story: str = DEFAULT_STORY
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    allowed_hosts: tuple[str, ...] | None = None  # host names accepted in the Host header (None: any)
