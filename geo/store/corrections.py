"""Hand corrections of extracted events, as pure functions.

A correction is attached to an event's ``key`` (article, sentence offset,
category, site text), not to a database row, and is applied OVER whatever the
extractor produced. Re-extracting an article or upgrading the extractor
therefore keeps every correction whose event is still found.

Each correction stores the fields it changed (``changes``, JSON-ready) and
their values just before (``previous``), so a history reads as a list of diffs.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Mapping

from geo.errors import InputError
from geo.io.textio import parse_date
from geo.model import CATEGORIES, Event

CORRECTABLE = ("latitude", "longitude", "location", "candidate_id", "category",
               "date_start", "date_end", "fatalities", "rejected")
DATE_FIELDS = ("date_start", "date_end", "event_date")
MARKERS = ("candidate_id", "rejected")  # recorded, but not fields of Event
# ACLED geo_precision for a site of each kind: 1 a town or a point, 2 a small area, 3 a region.
PRECISION_BY_KIND = {"installation": 1, "airport": 1, "populated_place": 1, "admin2": 2, "admin1": 3,
                     "country": 3, "continent": 3, "region": 3, "online": 2}


@dataclass(frozen=True)
class CorrectedEvent:
    event: Event  # the extraction with every correction applied
    rejected: bool = False
    corrected_fields: tuple[str, ...] = ()

    @property
    def corrected(self) -> bool:
        return bool(self.corrected_fields)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _coordinate(value: Any, name: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} {value!r} is not a number") from None
    if not low <= number <= high:
        raise InputError(f"{name} {number} is outside {low:g}..{high:g}")
    return number


def _optional_date(value: Any, name: str) -> date | None:
    if _blank(value):
        return None
    return value if isinstance(value, date) else parse_date(value, name)


def _fatalities(value: Any) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise InputError(f"fatalities {value!r} is not a whole number")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InputError(f"fatalities {value!r} is not a whole number") from None
    if number < 0:
        raise InputError("fatalities cannot be negative")
    return number


def _time_precision(start: date | None, end: date | None) -> int | None:
    if start is None or end is None:
        return 3 if (start or end) else None
    span = (end - start).days
    return 1 if span == 0 else 2 if span <= 7 else 3


def _site_values(event: Event, changes: Mapping[str, Any]) -> dict:
    has_point = "latitude" in changes or "longitude" in changes
    if "candidate_id" in changes and has_point:
        raise InputError("choose a gazetteer candidate or enter coordinates, not both")
    if "candidate_id" in changes:
        chosen = next((c for c in event.candidates if c.id == changes["candidate_id"]), None)
        if chosen is None:
            known = ", ".join(c.id for c in event.candidates) or "none"
            raise InputError(f"{changes['candidate_id']!r} is not a candidate of this event (candidates: {known})")
        return {"candidate_id": chosen.id, "location": chosen.name, "latitude": chosen.latitude,
                "longitude": chosen.longitude, "country": chosen.country, "admin1": chosen.admin1,
                "location_kind": chosen.kind, "geo_precision": PRECISION_BY_KIND.get(chosen.kind)}
    values: dict = {}
    if has_point:
        lat, lon = changes.get("latitude"), changes.get("longitude")
        if _blank(lat) and _blank(lon):
            values.update(latitude=None, longitude=None, geo_precision=None)
        elif _blank(lat) or _blank(lon):
            raise InputError("enter both latitude and longitude")
        else:
            values.update(latitude=_coordinate(lat, "latitude", -90, 90),
                          longitude=_coordinate(lon, "longitude", -180, 180), geo_precision=1)
    if "location" in changes:
        values["location"] = None if _blank(changes["location"]) else str(changes["location"]).strip()
    return values


def _other_values(event: Event, changes: Mapping[str, Any]) -> dict:
    values: dict = {}
    if "category" in changes:
        if changes["category"] not in CATEGORIES:
            raise InputError(f"category must be one of {', '.join(CATEGORIES)}, not {changes['category']!r}")
        values["category"] = changes["category"]
    if "date_start" in changes or "date_end" in changes:
        start = _optional_date(changes.get("date_start", event.date_start), "start date")
        end = _optional_date(changes.get("date_end", event.date_end), "end date")
        if start and end and end < start:
            raise InputError(f"the end date {end} is before the start date {start}")
        values.update(date_start=start, date_end=end, event_date=start or end,
                      time_precision=_time_precision(start, end))
    if "fatalities" in changes:
        values["fatalities"] = _fatalities(changes["fatalities"])
    if "rejected" in changes:
        if changes["rejected"] not in (True, False, 0, 1):
            raise InputError(f"rejected must be true or false, not {changes['rejected']!r}")
        values["rejected"] = bool(changes["rejected"])
    return values


def plan_correction(current: CorrectedEvent, changes: Mapping[str, Any]) -> tuple[dict, dict]:
    """Check ``changes`` against the event as it now stands; return the
    JSON-ready (changes, previous) of the fields that really change."""
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InputError(f"cannot correct {', '.join(unknown)}; correctable: {', '.join(CORRECTABLE)}")
    event = current.event
    wanted = {**_site_values(event, changes), **_other_values(event, changes)}
    now = {name: getattr(event, name) for name in wanted if name not in MARKERS}
    now["rejected"] = current.rejected
    new, old = {}, {}
    for name, value in wanted.items():
        if name == "candidate_id" or value != now.get(name):
            new[name], old[name] = _json_value(value), _json_value(now.get(name))
    if set(new) <= {"candidate_id"}:
        raise InputError("nothing to change: the event already has these values")
    try:
        replace(event, **_event_values(new))
    except InputError as exc:
        raise InputError(f"this correction would make an invalid event: {exc}") from None
    return new, old


def _event_values(changes: Mapping[str, Any]) -> dict:
    values = {k: v for k, v in changes.items() if k not in MARKERS}
    for name in DATE_FIELDS:
        if isinstance(values.get(name), str):
            values[name] = date.fromisoformat(values[name])
    return values


def apply_corrections(event: Event, corrections: list[Mapping[str, Any]]) -> CorrectedEvent:
    """Apply stored corrections (dicts with a ``changes`` mapping), oldest first.
    One that no longer fits the re-extracted event is skipped, never fatal."""
    rejected = False
    corrected: list[str] = []
    for correction in corrections:
        changes = correction["changes"]
        try:
            event = replace(event, **_event_values(changes))
        except (InputError, TypeError, ValueError):
            continue
        rejected = bool(changes.get("rejected", rejected))
        corrected.extend(name for name in changes if name not in corrected)
    return CorrectedEvent(event, rejected, tuple(corrected))


def describe(changes: Mapping[str, Any], previous: Mapping[str, Any]) -> list[str]:
    """One line per changed field, e.g. ``latitude: 33.1 → 34.0``."""
    shown = {"rejected": "not an event"}
    lines = []
    for name, value in changes.items():
        label = shown.get(name, name.replace("_", " "))
        lines.append(f"{label}: {previous.get(name)!s} → {value!s}")
    return lines
