"""The ``storyline`` command: thin over the library.  One module per subcommand.

Each subcommand module defines ``register(subparsers)`` that adds its parser and sets
``func`` (a callable taking the parsed arguments and returning the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from storyline import __version__
from storyline.cli.common import take_trailing_values

SUBCOMMANDS = ("build", "summarise", "tag", "ingest", "serve", "eval", "bench")
DESCRIPTION = (
    "Turn dated news articles (German and English) into a sourced timeline of what happened when: "
    "every entry dated only as precisely as the sources allow, with the articles and sentences that say so."
)
EPILOG = "Run 'storyline COMMAND --help' for a command's options."


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="storyline", description=DESCRIPTION, epilog=EPILOG)
    top.add_argument("--version", action="version", version=f"storyline {__version__}")
    subparsers = top.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(f"storyline.cli.{name}").register(subparsers)
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    given = sys.argv[1:] if argv is None else argv
    args, unrecognised = top.parse_known_args(given)
    unrecognised = take_trailing_values(args, given, unrecognised)
    if unrecognised:
        top.error(f"unrecognized arguments: {' '.join(unrecognised)}")
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
