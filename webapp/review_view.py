"""Logic of the Review page: which event to show, what the user's form means
as a correction, and the correction history as a table.

No Streamlit here; ``pages/review.py`` lays out the widgets. The map panel and
the events table link to ``review?event=<id>``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from geo.store import describe_correction

QUERY_PARAMETER = "event"
SITE_KEEP, SITE_CANDIDATE, SITE_POINT = "Keep the current site", "Choose a gazetteer candidate", "Enter coordinates"
SITE_MODES = (SITE_KEEP, SITE_CANDIDATE, SITE_POINT)


def review_link(event_id: int, page_path: str = "review") -> str:
    """Relative link to the Review page for one event (for popups and tables)."""
    return f"{page_path}?{QUERY_PARAMETER}={int(event_id)}"


def event_id_from_query(value) -> int | None:
    """``?event=12`` -> 12; anything else -> None."""
    if isinstance(value, list):
        value = value[0] if value else None
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def event_label(event: dict) -> str:
    when = event.get("date_start") or "undated"
    where = event.get("location") or "no site"
    mark = " ✎" if event.get("corrected") else ""
    mark += " ✗" if event.get("rejected") else ""
    sentence = " ".join((event.get("sentence") or "").split())
    return f"#{event['id']} · {when} · {event['category']} · {where}{mark} · {sentence[:70]}"


def candidate_label(candidate: dict) -> str:
    place = ", ".join(p for p in (candidate.get("admin1"), candidate.get("country")) if p)
    return (f"{candidate['name']} ({candidate['kind'].replace('_', ' ')}"
            f"{', ' + place if place else ''}) {candidate['latitude']:.4f}, {candidate['longitude']:.4f}")


def _as_iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else (value or None)


@dataclass(frozen=True)
class ReviewForm:
    """What the user submitted; None means the field was left empty."""

    site_mode: str = SITE_KEEP
    candidate_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    location: str = ""
    category: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    fatalities: int | None = None
    rejected: bool = False


def changes_from_form(event: dict, form: ReviewForm) -> dict:
    """Only the fields the user really changed, in ``Store.correct_event`` terms.
    An incomplete coordinate pair is passed on so the store explains what is missing."""
    changes: dict = {}
    if form.site_mode == SITE_CANDIDATE and form.candidate_id:
        changes["candidate_id"] = form.candidate_id
    elif form.site_mode == SITE_POINT:
        point = (form.latitude, form.longitude)
        if point != (event.get("latitude"), event.get("longitude")):
            changes.update(latitude=form.latitude, longitude=form.longitude)
        if (form.location or "").strip() and form.location.strip() != (event.get("location") or ""):
            changes["location"] = form.location.strip()
    if form.category and form.category != event.get("category"):
        changes["category"] = form.category
    start, end = _as_iso(form.date_start), _as_iso(form.date_end)
    if start != event.get("date_start"):
        changes["date_start"] = start
    if end != event.get("date_end"):
        changes["date_end"] = end
    if form.fatalities != event.get("fatalities"):
        changes["fatalities"] = form.fatalities
    if bool(form.rejected) != bool(event.get("rejected")):
        changes["rejected"] = bool(form.rejected)
    return changes


def history_frame(corrections: list[dict]) -> pd.DataFrame:
    """One row per correction, newest first: when, what changed, why."""
    rows = [{"When (UTC)": c["created_at"][:19].replace("T", " "),
             "What changed": "; ".join(describe_correction(c["changes"], c["previous"])),
             "Reason": c.get("reason") or ""} for c in reversed(corrections)]
    return pd.DataFrame(rows, columns=["When (UTC)", "What changed", "Reason"])


def clicked_point(map_state: dict | None) -> tuple[float, float] | None:
    """The point the user last clicked on a streamlit-folium map, rounded to ~10 m."""
    clicked = (map_state or {}).get("last_clicked") or None
    if not clicked or clicked.get("lat") is None or clicked.get("lng") is None:
        return None
    longitude = ((float(clicked["lng"]) + 180.0) % 360.0) - 180.0  # the map may have wrapped around
    return round(float(clicked["lat"]), 4), round(longitude, 4)
