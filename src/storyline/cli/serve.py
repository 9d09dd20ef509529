"""``storyline serve --db story.db``: the story desk (API and timeline page) over a store."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

from storyline.cli.common import add_story_option, choose_story
from storyline.web.config import DEFAULT_MAX_BODY, DeskConfig


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "serve",
        help="serve a story store: the timeline page, the JSON API and its docs at /docs",
        description="Serve a story store over HTTP. Binds to the loopback interface unless told otherwise.",
    )
    sub.add_argument("--db", required=True, type=Path, help="the store file (created when missing)")
    add_story_option(sub, reading=True)
    sub.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, loopback only)")
    sub.add_argument("--port", type=int, default=8765, help="port (default: %(default)s)")
    sub.add_argument(
        "--token",
        default=os.environ.get("STORYLINE_TOKEN"),
        help="require this token (header X-Storyline-Token) for every change (default: $STORYLINE_TOKEN)",
    )
    sub.add_argument(
        "--max-body", type=int, default=DEFAULT_MAX_BODY, help="largest request body in bytes (default: %(default)s)"
    )
    sub.set_defaults(func=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from storyline.store import NotAStore
    from storyline.web.app import create_app

    if not _is_loopback(args.host) and not args.token:
        print(
            f"storyline: warning: serving on {args.host} without --token: anyone who can reach it can change the story",
            file=sys.stderr,
        )
    choose_story(args)
    hosts = (args.host, "localhost", "127.0.0.1")  # host names, ports aside
    try:
        app = create_app(
            DeskConfig(args.db, args.story, args.token, args.max_body, hosts if _is_loopback(args.host) else None)
        )
    except NotAStore as error:
        raise SystemExit(f"storyline: error: {error}") from None
    print(f"storyline: serving story {args.story!r} of {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
