"""``python -m geo extract FILE [FILE ...] [--published YYYY-MM-DD] [--format json|csv|geojson]``

The events in news articles, dated and geocoded. The metadata of ``X.txt``
(title, outlet, URL, publication date, language) comes from ``X.json`` beside
it; ``--published`` overrides its date. FILE may be ``-`` for standard input.

One file: a JSON array of events (or CSV, or a GeoJSON FeatureCollection).
Several files: everything is loaded once; ``json`` prints JSON Lines
``{"file": ..., "events": [...]}``, ``csv`` one table with a ``file`` column,
``geojson`` one FeatureCollection with a ``file`` property. A file that cannot
be read gives an ``error:`` line on standard error and the exit code 2.
"""
from __future__ import annotations

import json
import sys

from geo.errors import GeoError
from geo.io.export import events_to_csv, events_to_geojson, events_to_json, feature_collection
from geo.io.textio import load_article, parse_date

FORMATS = ("json", "csv", "geojson")


def register(subparsers) -> None:
    parser = subparsers.add_parser("extract", help="extract dated, geocoded events from articles")
    parser.add_argument("files", nargs="+", metavar="FILE", help="text or HTML file; '-' reads standard input")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date (overrides the X.json sidecar); relative dates are read against it")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format (default: json)")
    parser.set_defaults(handler=run)


def events_of(extractor, path: str, published: str | None) -> tuple[list, str]:
    """(events, outlet) of one file; notes on standard error when the text is not English."""
    from geo.events.extract import is_english

    article = load_article(path, published)
    if article.text.strip() and not is_english(article):
        print(f"note: {path}: the text is not in English; no events extracted", file=sys.stderr)
    elif not article.text.strip():
        print(f"note: {path}: the text is empty", file=sys.stderr)
    return extractor.extract(article), article.outlet


def run(args) -> int:
    if args.published is not None:
        parse_date(args.published, "--published")  # a bad date fails before anything loads
    from geo.events.extract import Extractor

    extractor = Extractor.default()
    if len(args.files) == 1:
        events, outlet = events_of(extractor, args.files[0], args.published)
        sys.stdout.write(_render(args.format, events, outlet) + ("" if args.format == "csv" else "\n"))
        return 0
    return _run_many(extractor, args)


def _render(form: str, events: list, outlet: str) -> str:
    if form == "csv":
        return events_to_csv(events, source=outlet)
    if form == "geojson":
        return events_to_geojson(events)
    return events_to_json(events)


def _run_many(extractor, args) -> int:
    status = 0
    rows: list[dict] = []
    collections: list[str] = []
    for path in args.files:
        try:
            events, outlet = events_of(extractor, path, args.published)
        except GeoError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            if args.format == "json":
                print(json.dumps({"file": path, "error": str(exc)}, ensure_ascii=False), flush=True)
            continue
        if args.format == "json":
            line = {"file": path, "events": json.loads(events_to_json(events, indent=None))}
            print(json.dumps(line, ensure_ascii=False), flush=True)
        elif args.format == "csv":
            rows.extend({**e.to_dict(), "file": path, "source": outlet} for e in events)
        else:
            collections.append(events_to_geojson(events, extra={"file": path}))
    if args.format == "csv":
        sys.stdout.write(events_to_csv(rows, extra_columns=("file",)))
    elif args.format == "geojson":
        sys.stdout.write(feature_collection(collections) + "\n")
    return status
