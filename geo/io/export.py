"""Events as JSON, ACLED-style CSV or GeoJSON. Every function takes a list of
``Event`` objects or of event dicts (``Event.to_dict()`` or store rows) and
returns a string.

* JSON: an array of event objects (dates as ISO strings).
* CSV: ACLED's column names first, for the columns ACLED has, then ours.
* GeoJSON (RFC 7946): a FeatureCollection of the located events, each a Point
  with coordinates [longitude, latitude] and the event's fields as properties.
"""
from __future__ import annotations

import csv
import io
import json
import math
from datetime import date
from functools import lru_cache

from geo.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "civilian_targeting", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
)
OUR_COLUMNS = (
    "event_key", "article_id", "category", "date_start", "date_end", "date_text", "date_text_start",
    "date_text_end", "location_kind", "place_text", "place_start", "place_end", "place_confidence",
    "trigger", "trigger_start", "trigger_end", "sentence", "start_char", "end_char", "candidates", "evidence",
)
NUMERIC_COLUMNS = frozenset({
    "year", "time_precision", "latitude", "longitude", "geo_precision", "fatalities", "date_text_start",
    "date_text_end", "place_start", "place_end", "place_confidence", "trigger_start", "trigger_end",
    "start_char", "end_char",
})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def event_dict(event: Event | dict) -> dict:
    """A JSON-ready dict for an Event or an event dict (dates become ISO strings)."""
    if isinstance(event, Event):
        return event.to_dict()
    out = dict(event)
    for name, value in out.items():
        if isinstance(value, date):
            out[name] = value.isoformat()
    if isinstance(out.get("candidates"), tuple):
        out["candidates"] = list(out["candidates"])
    return out


def events_to_json(events: list[Event | dict], indent: int | None = 2) -> str:
    return json.dumps([event_dict(e) for e in events], ensure_ascii=False, indent=indent)


def events_to_csv(events: list[Event | dict], source: str = "", extra_columns: tuple[str, ...] = ()) -> str:
    """ACLED-named columns, then ours, then ``extra_columns`` (e.g. "file")."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*ACLED_COLUMNS, *OUR_COLUMNS, *extra_columns],
                            extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({name: _cell(name, value) for name, value in acled_row(event, source).items()})
    return buffer.getvalue()


def acled_row(event: Event | dict, source: str = "") -> dict:
    row = event_dict(event)
    key = row.get("event_key") or row.get("key") or ""
    row["event_key"] = key
    row["event_id_cnty"] = event_id(row.get("country"), key)
    row["year"] = (row.get("event_date") or "")[:4] or None
    row["civilian_targeting"] = "Civilian targeting" if str(row.get("actor2") or "").startswith("Civilians") else ""
    row["source"] = row.get("source") or row.get("outlet") or source
    row["candidates"] = "; ".join(
        f"{c.get('name')} ({c.get('latitude')}, {c.get('longitude')})" for c in row.get("candidates") or []
        if isinstance(c, dict)
    )
    # every sentence the event was built from: "<start>-<end> [site, date] <sentence>", in text order
    row["evidence"] = " | ".join(
        f"{e.get('start')}-{e.get('end')} [{', '.join(e.get('gave') or ())}] {e.get('text', '')}"
        for e in row.get("evidence") or [] if isinstance(e, dict)
    )
    return row


def event_id(country: str | None, key: str) -> str:
    """ACLED's event_id_cnty shape: ISO 3166 alpha-3 of the country, then a number
    (ours is derived from the event key, so it is stable across runs)."""
    prefix = _iso3(country) if country else "XXX"
    number = int(key[:10], 16) % 10**8 if key and all(c in "0123456789abcdef" for c in key[:10]) else 0
    return f"{prefix}{number:08d}"


@lru_cache(maxsize=512)
def _iso3(country: str) -> str:
    from geo.gazetteer.countries import country_table

    found = country_table().find(country)
    return found.iso3 if found else "XXX"


def _cell(name: str, value):
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if name not in NUMERIC_COLUMNS and isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # a spreadsheet must not run article text as a formula
    return value


def events_to_geojson(events: list[Event | dict], extra: dict | None = None) -> str:
    """Located events only; ``extra`` properties (e.g. {"file": ...}) go on each feature."""
    features = []
    for event in events:
        row = event_dict(event)
        latitude, longitude = row.get("latitude"), row.get("longitude")
        if latitude is None or longitude is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        properties.update(extra or {})
        features.append({
            "type": "Feature",
            "id": row.get("event_key") or None,
            "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
            "properties": properties,
        })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2)


def feature_collection(features_json: list[str]) -> str:
    """Merge several FeatureCollections (as strings) into one."""
    features = []
    for text in features_json:
        features.extend(json.loads(text)["features"])
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2)
