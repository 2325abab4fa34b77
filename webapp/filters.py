"""The dashboard filter: dates, categories, minimum fatalities of attacks.

Pure functions: the state round-trips through URL query parameters
(``start``, ``end`` as ISO dates, ``categories`` comma-separated,
``min_fatalities``), selects rows of the events frame, and offers date presets
(all dates, each year, each month that has events).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Mapping

import numpy as np
import pandas as pd

from geo.model import CATEGORIES
from webapp.frame import Span, as_timestamp

FILTER_PARAMS = ("start", "end", "categories", "min_fatalities")
ALL_DATES = "All dates"
SEARCHED_COLUMNS = ("category", "event_type", "sub_event_type", "location", "place_text", "country", "admin1",
                    "actor1", "actor2", "sentence", "outlet", "article_title", "date_text")


@dataclass(frozen=True)
class FilterState:
    start: date | None = None  # None: open-ended
    end: date | None = None
    categories: tuple[str, ...] | None = None  # None: every category
    min_fatalities: int = 0  # applies to attacks only

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def _parse_day(raw: str, name: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        problems.append(f"Ignored {name}={raw!r}: not a date (use YYYY-MM-DD).")
        return None


def parse_query(params: Mapping[str, str | None]) -> tuple[FilterState, tuple[str, ...]]:
    """State from query parameters, and a message for each value that was ignored."""
    problems: list[str] = []
    start = _parse_day(params["start"], "start", problems) if params.get("start") else None
    end = _parse_day(params["end"], "end", problems) if params.get("end") else None
    if start and end and end < start:
        problems.append(f"start {start} is after end {end}: swapped them.")
        start, end = end, start
    categories = None
    raw_categories = params.get("categories")
    if raw_categories is not None and raw_categories.strip().lower() != "all":
        names = [name.strip().lower() for name in raw_categories.split(",") if name.strip()]
        unknown = [name for name in names if name not in CATEGORIES]
        if unknown:
            problems.append(f"Ignored unknown categories: {', '.join(unknown)} (known: {', '.join(CATEGORIES)}).")
        categories = tuple(c for c in CATEGORIES if c in names)
        if unknown and not categories:
            categories = None
    min_fatalities = 0
    raw_minimum = (params.get("min_fatalities") or "").strip()
    if raw_minimum:
        if raw_minimum.isdigit() and int(raw_minimum) < 1_000_000:
            min_fatalities = int(raw_minimum)
        else:
            problems.append(f"Ignored min_fatalities={raw_minimum!r}: not a whole number.")
    return FilterState(start, end, categories, min_fatalities), tuple(problems)


def to_query(state: FilterState) -> dict[str, str]:
    """Only what differs from "everything": an unfiltered view has a bare URL."""
    query = {}
    if state.start:
        query["start"] = state.start.isoformat()
    if state.end:
        query["end"] = state.end.isoformat()
    if state.categories is not None:
        query["categories"] = ",".join(state.categories)
    if state.min_fatalities:
        query["min_fatalities"] = str(state.min_fatalities)
    return query


def clamp_range(state: FilterState, span: Span) -> tuple[date, date]:
    """The date-control position for a state: its dates, kept inside the data."""
    start = min(max(state.start or span.first, span.first), span.last)
    end = max(min(state.end or span.last, span.last), start)
    return start, end


def state_from_controls(dates: tuple[date, date] | None, categories, min_fatalities: int,
                        span: Span | None) -> FilterState:
    """Control values to state; ends at the edge of the data mean "open"."""
    start = end = None
    if dates is not None and span is not None:
        start = dates[0] if dates[0] > span.first else None
        end = dates[1] if dates[1] < span.last else None
    chosen = tuple(c for c in CATEGORIES if c in set(categories or ()))
    return FilterState(start, end, None if chosen == CATEGORIES else chosen, max(int(min_fatalities or 0), 0))


def select(frame: pd.DataFrame, state: FilterState) -> np.ndarray:
    """Boolean mask of the events the state shows. A dated event is shown when
    its span overlaps the filter; an undated one only when no date is set."""
    mask = np.ones(len(frame), dtype=bool)
    if state.categories is not None:
        mask &= frame["category"].isin(state.categories).to_numpy()
    if state.dated:
        mask &= frame["first"].notna().to_numpy()
        if state.start:
            mask &= (frame["last"] >= as_timestamp(state.start)).to_numpy()
        if state.end:
            mask &= (frame["first"] <= as_timestamp(state.end)).to_numpy()
    if state.min_fatalities > 0:
        too_few = (frame["category"] == "attack") & (frame["fatalities"].fillna(0) < state.min_fatalities)
        mask &= ~too_few.to_numpy()
    return mask


def search(frame: pd.DataFrame, text: str) -> np.ndarray:
    """Rows where any descriptive column contains ``text`` (case-insensitive)."""
    needle = (text or "").strip()
    if not needle:
        return np.ones(len(frame), dtype=bool)
    mask = np.zeros(len(frame), dtype=bool)
    for name in SEARCHED_COLUMNS:
        column = frame[name].astype("string")
        mask |= column.str.contains(needle, case=False, regex=False, na=False).to_numpy(dtype=bool)
    if needle.lstrip("#").isdigit():
        mask |= (frame["id"] == int(needle.lstrip("#"))).to_numpy()
    return mask


@dataclass(frozen=True)
class Preset:
    label: str
    start: date
    end: date


def _count_overlapping(frame: pd.DataFrame, starts: list[date], ends: list[date]) -> list[int]:
    dated = frame.dropna(subset=["first"])
    firsts = np.sort(dated["first"].to_numpy())
    lasts = np.sort(dated["last"].to_numpy())
    counts = []
    for start, end in zip(starts, ends):
        began = np.searchsorted(firsts, as_timestamp(end), side="right")
        over = np.searchsorted(lasts, as_timestamp(start), side="left")
        counts.append(int(began - over))
    return counts


def presets(frame: pd.DataFrame, span: Span | None) -> list[Preset]:
    """All dates, then each year and each month with events (newest first),
    clipped to the data so that each preset is a valid control position."""
    if span is None:
        return []
    found = [Preset(ALL_DATES, span.first, span.last)]
    years = list(range(span.last.year, span.first.year - 1, -1))
    months = [(y, m) for y in years for m in range(12, 0, -1)
              if date(y, m, 1) <= span.last and date(y, m, calendar.monthrange(y, m)[1]) >= span.first]
    periods = [(str(y), date(y, 1, 1), date(y, 12, 31)) for y in years]
    periods += [(date(y, m, 1).strftime("%B %Y"), date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))
                for y, m in months]
    counts = _count_overlapping(frame, [p[1] for p in periods], [p[2] for p in periods])
    for (label, start, end), count in zip(periods, counts):
        if count:
            found.append(Preset(label, max(start, span.first), min(end, span.last)))
    return found


def preset_for(dates: tuple[date, date], options: list[Preset]) -> Preset | None:
    return next((p for p in options if (p.start, p.end) == tuple(dates)), None)
