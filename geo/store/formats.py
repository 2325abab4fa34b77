"""Event dicts (as ``Store.list_events`` returns them) as JSON, CSV or GeoJSON text."""
from __future__ import annotations

import csv
import io
import json

FORMATS = ("json", "csv", "geojson")


def _flat(value):
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v.get("id", v)) if isinstance(v, dict) else str(v) for v in value)
    return "" if value is None else value


def to_csv(events: list[dict]) -> str:
    """One row per event; lists become ``; ``-joined ids or values."""
    columns: list[str] = []
    for event in events:
        columns.extend(key for key in event if key not in columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({key: _flat(event.get(key)) for key in columns})
    return buffer.getvalue()


def to_geojson(events: list[dict]) -> dict:
    """A FeatureCollection of the located events (GeoJSON order: longitude, latitude)."""
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
         "properties": {k: v for k, v in event.items() if k not in ("latitude", "longitude")}}
        for event in events if event.get("latitude") is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def render(events: list[dict], fmt: str) -> str:
    if fmt == "csv":
        return to_csv(events)
    data = to_geojson(events) if fmt == "geojson" else events
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
