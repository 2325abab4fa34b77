"""``python -m geo places FILE [FILE ...]``: the place names in articles, resolved.

One file prints a JSON array of mentions in text order; several files print
JSON Lines ``{"file": ..., "places": [...]}`` with the gazetteer loaded once.
A file that cannot be read gives an ``error:`` line on standard error (and, in
JSON Lines mode, ``{"file": ..., "error": ...}``) and the exit code 2.
"""
from __future__ import annotations

import json
import sys

from geo.errors import GeoError
from geo.io.textio import read_input


def register(subparsers) -> None:
    parser = subparsers.add_parser("places", help="list the place names in articles, resolved to coordinates")
    parser.add_argument("files", nargs="+", metavar="FILE", help="text or HTML file; '-' reads standard input")
    parser.set_defaults(handler=run)


def places_of(geoparser, path: str) -> list[dict]:
    _, text = read_input(path)
    return [mention.to_dict() for mention in geoparser.places(text)]


def run(args) -> int:
    from geo.geoparse.geoparser import Geoparser

    geoparser = Geoparser.default()
    if len(args.files) == 1:
        print(json.dumps(places_of(geoparser, args.files[0]), ensure_ascii=False, indent=2))
        return 0
    status = 0
    for path in args.files:
        try:
            line = {"file": path, "places": places_of(geoparser, path)}
        except GeoError as exc:
            print(f"error: {exc}", file=sys.stderr)
            line, status = {"file": path, "error": str(exc)}, 2
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return status
