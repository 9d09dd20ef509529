"""``storyline tag FILE... [--lang de|en|auto] [--dct YYYY[-MM[-DD]]] [--format json|timeml]``.

Finds and normalises the time expressions of each input document: a JSON list (one object per
document with its expressions) or TimeML with the expressions marked inline and a DCT element.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from storyline import ingest, text, timex
from storyline.cli.common import add_input_options, error_line, parse_dct
from storyline.evaluate.timeml import to_timeml
from storyline.model import Document, InputError, TimeExpression, TimexType


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "tag",
        help="find and normalise time expressions (TIMEX3) in articles",
        description=(
            "Find and normalise the time expressions (TIMEX3) of articles: JSON (one object per "
            "document) or TimeML with the expressions marked inline and a DCT element."
        ),
    )
    sub.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files or folders (recursed)")
    add_input_options(sub)
    sub.add_argument("--format", choices=("json", "timeml"), default="json", help="output format (default: json)")
    sub.set_defaults(func=run)


def _timex_json(expression: TimeExpression) -> dict[str, Any]:
    return {
        "start": expression.start,
        "end": expression.end,
        "text": expression.text,
        "type": TimexType(expression.type).value,
        "value": expression.value,
        "mod": expression.mod,
        "quant": expression.quant,
        "freq": expression.freq,
        "timezone": expression.timezone,
        "sentence": expression.sentence,
    }


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "lang": doc.lang,
        "dct": doc.published.value if doc.published else None,
        "dct_precision": doc.published.precision.value if doc.published else None,
        "timexes": [_timex_json(expression) for expression in doc.timexes],
    }


def tag_document(doc: Document) -> Document:
    """Language, sentences and time expressions of one document."""
    text.annotate(doc)
    return timex.annotate(doc)


def run(args: argparse.Namespace) -> int:
    docs: list[Document] = []
    errors = 0
    for item in ingest.read_inputs(args.files, dct=parse_dct(args.dct), lang=args.lang):
        if isinstance(item, InputError):
            errors += 1
            print(error_line(item), file=sys.stderr)
        else:
            docs.append(tag_document(item))
    if args.format == "timeml":
        sys.stdout.write("\n".join(to_timeml(doc.id, doc.text, doc.timexes, doc.published) for doc in docs))
    else:
        print(json.dumps([_document_json(doc) for doc in docs], ensure_ascii=False, indent=2))
    return 1 if errors and not docs else 0
