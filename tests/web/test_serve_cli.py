"""``storyline serve``: a real process on the loopback interface, guarding its writes."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from storyline.cli import main
from storyline.store import stories

CLI = "import sys; from storyline.cli import main; sys.exit(main(sys.argv[1:]))"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _non_loopback_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent, only a route chosen
        except OSError:
            return None
        address: str = sock.getsockname()[0]
    return None if address.startswith("127.") else address


def test_serve_binds_to_loopback_and_requires_its_token(tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-c", CLI, "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]
    server = subprocess.Popen([*command, "--token", "t0ken"], stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/events") as response:
                    assert json.load(response)["events"] == []
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not come up"
                time.sleep(0.2)
        outside = _non_loopback_address()
        if outside is not None:  # loopback only: not reachable on the machine's other address
            with socket.socket() as sock:
                sock.settimeout(2)
                assert sock.connect_ex((outside, port)) != 0

        article = b"Vote\nThe council voted on 2 April 2025."
        request = urllib.request.Request(f"{base}/api/documents", data=article, headers={"Content-Type": "text/plain"})
        try:
            urllib.request.urlopen(request)
            raise AssertionError("a write without the token was accepted")
        except urllib.error.HTTPError as error:
            assert error.code == 401
        request.add_header("X-Storyline-Token", "t0ken")
        with urllib.request.urlopen(request) as response:
            assert len(json.load(response)["added"]) == 1
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_without_story_serves_the_only_one_and_creates_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append(app))
    db = tmp_path / "s.db"
    (tmp_path / "vote.txt").write_text("Vote\nThe council voted on 2 April 2025.\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "vote.txt"), "--db", str(db), "--story", "news"]) == 0
    assert main(["serve", "--db", str(db)]) == 0 and served
    assert "serving story 'news'" in capsys.readouterr().err
    assert main(["serve", "--db", str(db), "--story", "other"]) == 0
    assert stories(db) == {"news": 1}, "serving a story opens it for reading: none is created"
    assert main(["ingest", str(tmp_path / "vote.txt"), "--db", str(db), "--story", "city"]) == 0
    with pytest.raises(SystemExit, match="name one of: city"):
        main(["serve", "--db", str(db)])
