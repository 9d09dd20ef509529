"""The ``storyline`` command: thin over the library.  One module per subcommand.

Each subcommand module defines ``register(subparsers)`` that adds its parser and sets
``func`` (a callable taking the parsed arguments and returning the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from storyline import __version__

SUBCOMMANDS = ("build", "summarise", "tag", "ingest", "serve", "eval", "bench")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="storyline", description=__doc__.splitlines()[0])
    top.add_argument("--version", action="version", version=f"storyline {__version__}")
    subparsers = top.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS:
        importlib.import_module(f"storyline.cli.{name}").register(subparsers)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
