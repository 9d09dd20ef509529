"""Finding input files, naming them, and reading their bytes as text.

Folders are walked depth-first in sorted name order (hidden entries and files of other types
skipped, symbolic links to folders not followed), so the same inputs always give the same
documents in the same order.  A folder given that holds no article file is reported as such.
A document id is the file's stem; where several inputs share a stem, their path relative to
the argument, and where even that is shared, the path as given.

Text is decoded as UTF-8 (a byte-order mark picks UTF-8/16/32); anything else is detected
with charset-normalizer, preferring Windows-1252 among equally plausible encodings, so
Latin-1 or Windows-1252 German reads right even in a short text.  NUL bytes or control
characters mark binary data, which is refused rather than guessed at.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from storyline.model import InputError

__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "InputFile",
    "ReadProblem",
    "decode",
    "list_inputs",
    "read_bytes",
    "read_lines",
]

# Larger .txt/.html/.json files are refused, and larger JSONL records skipped: no input is
# ever held in memory whole beyond this size.
MAX_BYTES = 20 * 1024 * 1024

TEXT = "text"
HTML = "html"
JSON = "json"
JSONL = "jsonl"
SUFFIXES = {
    ".txt": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
}

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Share of control characters (other than white space) above which text is binary data.
_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x9f]")  # control characters that are not white space
_SNIFF_CHARS = 65536


class ReadProblem(Exception):
    """An input that cannot be read as text; the message is the one-line report."""


@dataclass(frozen=True)
class InputFile:
    """A file to read: its path, how reports name it, its document id and its format."""

    path: Path
    source: str
    id: str
    format: str


def _walk(folder: Path, relative: Path) -> Iterator[tuple[Path, Path] | InputError]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(str(folder), f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        if is_folder:
            yield from _walk(Path(entry.path), relative / entry.name)
        elif Path(entry.name).suffix.lower() in SUFFIXES:
            yield Path(entry.path), relative / entry.name


def _candidates(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path] | InputError]:
    for argument in paths:
        path = Path(argument)
        if path.is_dir():
            found = False
            for candidate in _walk(path, Path()):
                found = True
                yield candidate
            if not found:
                supported = ", ".join(sorted(SUFFIXES))
                yield InputError(str(path), f"no article files in this folder (looked for {supported})")
        elif not (path.exists() or path.is_symlink()):
            yield InputError(str(path), "no such file or folder")
        elif path.suffix.lower() not in SUFFIXES:
            supported = ", ".join(sorted(SUFFIXES))
            yield InputError(str(path), f"skipped: not an article file type (supported: {supported})")
        else:
            yield path, Path(path.name)


def _ids(files: list[tuple[Path, Path]]) -> list[str]:
    """Stems where unique, else the path relative to the argument, else the path as given."""
    stems = Counter(path.stem for path, _ in files)
    relatives = Counter(relative.as_posix() for path, relative in files if stems[path.stem] > 1)
    ids = []
    for path, relative in files:
        if stems[path.stem] == 1:
            ids.append(path.stem)
        elif relatives[relative.as_posix()] == 1:
            ids.append(relative.as_posix())
        else:
            ids.append(path.as_posix())
    return ids


def list_inputs(paths: Iterable[str | Path]) -> list[InputFile | InputError]:
    """Every input file under ``paths`` (a list of names only, however many files), in order.

    Missing paths, unlistable folders and files named as arguments but of no article type are
    reported in place; inside folders, files of other types (a README, images) are passed over.
    """
    found: list[tuple[Path, Path] | InputError] = []
    seen: set[Path] = set()
    for item in _candidates(paths):
        if isinstance(item, tuple):
            key = Path(os.path.abspath(item[0]))
            if key in seen:
                continue
            seen.add(key)
        found.append(item)
    files = [item for item in found if isinstance(item, tuple)]
    ids = iter(_ids(files))
    result: list[InputFile | InputError] = []
    for item in found:
        if isinstance(item, InputError):
            result.append(item)
            continue
        path, _ = item
        result.append(InputFile(path, str(path), next(ids), SUFFIXES[path.suffix.lower()]))
    return result


def _check_readable(path: Path, limit: int | None) -> None:
    """``ReadProblem`` unless ``path`` is a readable, non-empty regular file within ``limit``."""
    try:
        info = path.stat()
    except OSError as error:
        raise ReadProblem(f"cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadProblem("cannot read: not a regular file")
    if not os.access(path, os.R_OK):
        raise ReadProblem("cannot read: permission denied")
    if info.st_size == 0:
        raise ReadProblem("empty file")
    if limit is not None and info.st_size > limit:
        raise ReadProblem(
            f"file too large ({info.st_size / 2**20:.1f} MB; limit {limit / 2**20:.0f} MB): "
            "split it, or give records as JSONL, which is read line by line"
        )


def read_bytes(path: Path, limit: int) -> bytes:
    """A whole file of at most ``limit`` bytes; ``ReadProblem`` for anything unreadable."""
    _check_readable(path, limit)
    try:
        return path.read_bytes()
    except OSError as error:
        raise ReadProblem(f"cannot read: {error.strerror or error}") from None


def read_lines(path: Path, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Stream a file's lines as ``(line number, bytes)``; ``None`` for a line over ``limit``.

    Memory stays bounded by ``limit`` whatever the file size: an over-long line is skipped
    chunk by chunk, never read whole.
    """
    _check_readable(path, None)
    try:
        with path.open("rb") as stream:
            number = 0
            while line := stream.readline(limit + 1):
                number += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    while (chunk := stream.readline(2**20)) and not chunk.endswith(b"\n"):
                        pass
                    yield number, None
                else:
                    yield number, line
    except OSError as error:
        raise ReadProblem(f"cannot read: {error.strerror or error}") from None


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_CHARS]
    return len(_CONTROL.findall(sample)) > _CONTROL_SHARE * max(len(sample), 1)


def _detect(data: bytes) -> str:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds most plausible.

    Short texts fit many single-byte encodings equally well ("Grüße" is as plausible in
    Arabic cp1256); among the equally plausible ones, Windows-1252 (a superset of Latin-1, what
    German and English text not in UTF-8 mostly is) wins.
    """
    matches = list(from_bytes(data))
    if not matches:
        raise ReadProblem("not text: neither UTF-8 nor any encoding that could be detected")
    best = matches[0]
    tied = (
        match
        for match in matches
        if match.percent_chaos <= best.percent_chaos and match.percent_coherence >= best.percent_coherence
    )
    western = next((match for match in tied if "cp1252" in match.could_be_from_charset), None)
    return str(western or best)


def decode(data: bytes) -> str:
    """Bytes as text with ``\\n`` line ends; ``ReadProblem`` for binary or undecodable data."""
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise ReadProblem(f"not text: invalid {encoding} after its byte-order mark") from None
            break
    if text is None:
        if b"\x00" in data:
            raise ReadProblem("binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
    if _looks_binary(text):
        raise ReadProblem("binary data (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
