"""Store subcommands: ingest, events, articles, reextract, delete, export, import.

All use the store named by ``GEO_DB`` (default ``data/geo.db``); the seed
articles are loaded the first time a store is opened.
"""
from __future__ import annotations

import argparse
import sys

from geo.errors import GeoError
from geo.io.export import events_to_csv, events_to_geojson, events_to_json
from geo.io.ingest import load_article_file
from geo.io.textio import parse_date
from geo.model import CATEGORIES
from geo.store import open_store

FORMATS = ("json", "csv", "geojson")
# Store columns added to the ACLED-style CSV after the extraction's own.
CSV_STORE_COLUMNS = ("id", "corrected", "corrected_fields", "rejected", "extractor_version",
                     "article_title", "outlet", "url", "published")


def render(events: list[dict], fmt: str) -> str:
    if fmt == "csv":
        flat = [{**e, "corrected_fields": "; ".join(e.get("corrected_fields") or ())} for e in events]
        return events_to_csv(flat, extra_columns=CSV_STORE_COLUMNS)
    return (events_to_geojson(events) if fmt == "geojson" else events_to_json(events)) + "\n"


class DefaultExtractor:
    """``geo.events.extract.Extractor.default().extract``, built on first use only, so
    commands that extract nothing do not pay for loading the gazetteer."""

    def __init__(self):
        self._extract = None

    def _load(self):
        if self._extract is None:
            from geo.events.extract import Extractor

            self._extract = Extractor.default().extract
        return self._extract

    @property
    def version(self) -> str:
        extract = self._load()
        owner = getattr(extract, "__self__", None)
        return str(getattr(extract, "version", None) or getattr(owner, "version", None) or "")

    def __call__(self, article):
        return self._load()(article)


def open_with_seeds(extract=None):
    """The ``GEO_DB`` store, with any seed article not loaded before added."""
    extract = extract or DefaultExtractor()
    store = open_store()
    try:
        store.load_seeds(None, extract)
    except BaseException:
        store.close()
        raise
    return store, extract


def _date(value: str):
    try:
        return parse_date(value)
    except GeoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_ingest(args) -> int:
    article = load_article_file(args.file, args.published, title=args.title or "",
                                outlet=args.outlet or "", url=args.url or "")
    store, extract = open_with_seeds()
    with store:
        article_id = store.add_article(article, extract)
        events = store.list_events(include_rejected=True, article_id=article_id)
    located = sum(1 for e in events if e["latitude"] is not None)
    print(f"stored article {article_id} “{article.title or '(untitled)'}” "
          f"({article.published.isoformat()}): {len(events)} events, {located} located")
    return 0


def cmd_events(args) -> int:
    store, _ = open_with_seeds()
    with store:
        events = store.list_events(start=args.start, end=args.end, categories=args.category or None,
                                   include_rejected=args.include_rejected)
    sys.stdout.write(render(events, args.format))
    return 0


def cmd_articles(args) -> int:
    store, _ = open_with_seeds()
    with store:
        for article in store.list_articles(args.search):
            print(f"{article['id']}  {article['published']}  {article['event_count']:>3} events  "
                  f"{article['outlet']}: {article['title']}")
    return 0


def cmd_reextract(args) -> int:
    store, extract = open_with_seeds()
    with store:
        count = store.reextract(args.article_id, extract)
    print(f"re-extracted article {args.article_id}: {count} events (corrections kept)")
    return 0


def cmd_delete(args) -> int:
    store, _ = open_with_seeds()
    with store:
        store.delete_article(args.article_id)
    print(f"deleted article {args.article_id} with its events and corrections")
    return 0


def cmd_export(args) -> int:
    store = open_store()
    with store:
        counts = store.export(args.file)
    print(f"exported {counts['articles']} articles, {counts['events']} events, "
          f"{counts['corrections']} corrections to {args.file}")
    return 0


def cmd_import(args) -> int:
    store = open_store()
    with store:
        counts = store.import_(args.file)
    print(f"imported {counts['articles']} articles, {counts['events']} events, "
          f"{counts['corrections']} corrections from {args.file} (previous content replaced)")
    return 0


def register(subparsers) -> None:
    ingest = subparsers.add_parser("ingest", help="store an article (.txt, .html, .md or -) and its events")
    ingest.add_argument("file")
    ingest.add_argument("--published", help="publication date YYYY-MM-DD (default: sidecar or document metadata)")
    ingest.add_argument("--title")
    ingest.add_argument("--outlet")
    ingest.add_argument("--url")
    ingest.set_defaults(handler=cmd_ingest)

    events = subparsers.add_parser("events", help="print the stored events, corrections applied")
    events.add_argument("--start", type=_date, help="only events overlapping this day or later")
    events.add_argument("--end", type=_date, help="only events overlapping this day or earlier")
    events.add_argument("--format", choices=FORMATS, default="json")
    events.add_argument("--category", action="append", choices=CATEGORIES, help="repeatable")
    events.add_argument("--include-rejected", action="store_true", help="also events marked as not an event")
    events.set_defaults(handler=cmd_events)

    articles = subparsers.add_parser("articles", help="list stored articles")
    articles.add_argument("--search", help="text to find in title, outlet, URL or text")
    articles.set_defaults(handler=cmd_articles)

    for name, handler, text in (("reextract", cmd_reextract, "extract an article's events again"),
                                ("delete", cmd_delete, "delete an article, its events and corrections")):
        parser = subparsers.add_parser(name, help=text)
        parser.add_argument("article_id")
        parser.set_defaults(handler=handler)

    export = subparsers.add_parser("export", help="write the whole store to one .json or .db file")
    export.add_argument("file")
    export.set_defaults(handler=cmd_export)

    import_ = subparsers.add_parser("import", help="replace the store's content by an export file")
    import_.add_argument("file")
    import_.set_defaults(handler=cmd_import)
