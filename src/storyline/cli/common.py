"""Options and messages shared by the subcommands that read articles."""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import takewhile
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from storyline.lang import SUPPORTED
from storyline.model import Document, InputError, Period
from storyline.render.common import counted
from storyline.store import DEFAULT_STORY, NotAStore, UnknownStory, chosen_story

_Result = TypeVar("_Result")
_DCT = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SUFFIX_FORMATS = {".json": "json", ".md": "md", ".html": "html", ".htm": "html"}


def parse_dct(value: str | None) -> Period | None:
    """``--dct`` as a Period at the precision given (year, month or day)."""
    if value is None:
        return None
    try:
        if not _DCT.match(value):
            raise ValueError(value)
        return Period.parse(value)
    except ValueError:
        raise SystemExit(f"storyline: error: --dct {value!r} is not a date like 2025, 2025-05 or 2025-05-17") from None


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=(*SUPPORTED, "auto"), default="auto", help="language of the articles")
    parser.add_argument("--dct", metavar="YYYY[-MM[-DD]]", help="publication date for inputs that have none")


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N", help="analyse articles in N processes (default: 1)"
    )


def add_story_option(parser: argparse.ArgumentParser, *, reading: bool = False) -> None:
    """``--story``; where a command reads a store, leaving it out means the store's only story."""
    if reading:
        parser.add_argument(
            "--story", help=f"the story within the store (default: its only story, else {DEFAULT_STORY!r})"
        )
    else:
        parser.add_argument("--story", default=DEFAULT_STORY, help="the story within the store (default: %(default)s)")


def choose_story(args: argparse.Namespace) -> None:
    """Set ``args.story`` to the story of ``args.db`` meant (see :func:`chosen_story`), saying
    so on stderr when it is the store's only one rather than the default."""
    try:
        story = chosen_story(args.db, args.story)
    except (NotAStore, UnknownStory) as error:
        raise SystemExit(f"storyline: error: {error}") from None
    if args.story is None and story != DEFAULT_STORY:
        print(f"storyline: story {story!r}, the only one in {args.db}", file=sys.stderr)
    args.story = story


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """How the articles are read: ``--workers``, ``--strict``, or a story desk (``--db``)."""
    parser.add_argument("--strict", action="store_true", help="exit 1 when any input had an error")
    add_workers_option(parser)
    parser.add_argument("--db", type=Path, help="read a story desk database instead of files")
    add_story_option(parser, reading=True)


def from_store_or_files(
    args: argparse.Namespace,
    command: str,
    from_store: Callable[[], _Result],
    from_files: Callable[[], _Result],
) -> _Result:
    """The result from ``--db`` when given, else from the article files (one of them is needed)."""
    if args.db is not None:
        choose_story(args)
        try:
            return from_store()
        except (FileNotFoundError, NotAStore, UnknownStory) as error:
            raise SystemExit(f"storyline: error: {error}") from None
    if not args.articles:
        raise SystemExit(f"storyline {command}: give article files or folders, or --db")
    return from_files()


# Options that name a topic take one value each and may be repeated, so that nothing after them
# is taken for one (nor an article folder swallowed): --query a --query b, --query "a b".
TOPIC_OPTIONS = ("--query", "--keywords")


def add_query_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--query",
        action="append",
        metavar="WORDS",
        help="focus on a topic: events whose sentences use none of these words drop out; several words in one "
        'value (--query "Telefonat Putin") or the option repeated (--query Telefonat --query Putin)',
    )


def add_keywords_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keywords",
        action="append",
        metavar="PHRASES",
        help="words or phrases that name the story, as a query does; several separated by commas in one value "
        '(--keywords "Ever Given, Suez") or the option repeated (--keywords "Ever Given" --keywords Suez)',
    )


def query_words(values: list[str] | None) -> str | None:
    """The words of every ``--query`` given, as one query (``None`` without one)."""
    return " ".join(values) if values else None


def keyword_phrases(values: list[str] | None) -> list[str]:
    """The comma-separated phrases of every ``--keywords`` given."""
    return [phrase.strip() for value in values or [] for phrase in value.split(",") if phrase.strip()]


def take_trailing_values(args: argparse.Namespace, given: Sequence[str], unrecognised: list[str]) -> list[str]:
    """Words left over right after a topic option's value, as in ``summarise examples/ --keywords
    "Ever Given" Suez`` (the form earlier versions documented), taken as more values of that
    option with a warning that shows the unambiguous form; returns what is still unrecognised.
    Only words that cannot be articles are left over (the articles came earlier), so no word is
    read both ways."""
    left = list(unrecognised)
    for index, token in enumerate(given):
        option, equals, inline = token.partition("=")
        dest = option.removeprefix("--")
        if option not in TOPIC_OPTIONS or not hasattr(args, dest):
            continue
        value = inline if equals else (given[index + 1] if index + 1 < len(given) else "")
        start = index + 1 if equals else index + 2
        run = list(takewhile(lambda word: not word.startswith("-"), given[start:]))
        if not run or left[: len(run)] != run:
            continue
        del left[: len(run)]
        getattr(args, dest).extend(run)
        unambiguous = " ".join(f"{option} {shlex.quote(word)}" for word in [value, *run])
        print(f"storyline: warning: read {' '.join(run)} as {option} too; write {unambiguous}", file=sys.stderr)
    return left


def add_output_options(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--format", choices=formats, help="output format (default: from -o's suffix, else md)")


def output_format(args: argparse.Namespace, formats: Sequence[str]) -> str:
    """``--format``, else the format ``-o``'s suffix names (when offered), else Markdown."""
    if args.format:
        return str(args.format)
    by_suffix = _SUFFIX_FORMATS.get(args.output.suffix.lower(), "md") if args.output is not None else "md"
    return by_suffix if by_suffix in formats else "md"


def write_output(args: argparse.Namespace, text: str) -> None:
    """The rendered output to ``-o``, else to stdout."""
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def error_line(error: InputError) -> str:
    """The one line an input error gets on stderr."""
    return f"storyline: error: {error.source}: {error.error}"


@contextmanager
def progress() -> Iterator[Callable[[Document | InputError], None]]:
    """An ``on_item`` callback for the pipeline: a progress bar on stderr when it is a terminal,
    and one line for each input error."""
    bar = tqdm(desc="storyline", unit=" doc", file=sys.stderr, disable=not sys.stderr.isatty())

    def on_item(item: Document | InputError) -> None:
        if isinstance(item, InputError):
            tqdm.write(error_line(item), file=sys.stderr)
        bar.update(1)

    try:
        yield on_item
    finally:
        bar.close()


def exit_code(args: argparse.Namespace, documents: int, errors: int, produced: str) -> int:
    """Say on stderr what a run read and produced (and, when nothing, where it looked); 1 when
    nothing could be read, or when ``--strict`` is given and an input had an error."""
    print(f"storyline: {counted(documents, 'document')}, {counted(errors, 'error')}, {produced}", file=sys.stderr)
    if not documents:
        where = f"story {args.story!r} of {args.db}" if args.db is not None else ", ".join(map(str, args.articles))
        print(f"storyline: no readable articles found in {where}", file=sys.stderr)
        return 1
    return 1 if args.strict and errors else 0


def pin_to_one_core() -> str:
    """Run on a single CPU, as the benchmarks' targets are stated per core; say which."""
    if not hasattr(os, "sched_setaffinity"):
        return "one process (affinity not supported here)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to CPU {core}"
