"""Store event rows as one DataFrame, with the columns the dashboard filters on.

Pure: rows in, frame out. ``first``/``last`` are the event's date span
(a single-day event has first == last; an undated one has NaT in both).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

TEXT_COLUMNS = (
    "category", "event_type", "sub_event_type", "sentence", "location", "country", "admin1",
    "location_kind", "place_text", "date_start", "date_end", "event_date", "date_text", "actor1", "actor2",
    "outlet", "url", "article_title", "published", "article_id", "event_key", "notes",
)
NUMBER_COLUMNS = (
    "id", "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "start_char",
    "end_char", "place_start", "place_end",
)
FLAG_COLUMNS = ("corrected", "rejected")
OBJECT_COLUMNS = ("evidence",)  # lists of {start, end, text, gave}
COLUMNS = NUMBER_COLUMNS + TEXT_COLUMNS + FLAG_COLUMNS + OBJECT_COLUMNS


@dataclass(frozen=True)
class Span:
    """The dates the data covers, inclusive."""

    first: date
    last: date


def _day(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, errors="coerce", format="ISO8601").astype("datetime64[s]")


def events_frame(rows: list[dict]) -> pd.DataFrame:
    """One row per event, in the given order, plus ``first``, ``last``, ``located``."""
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS)) if rows else pd.DataFrame(columns=list(COLUMNS))
    for name in NUMBER_COLUMNS:
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    for name in FLAG_COLUMNS:
        frame[name] = frame[name].fillna(False).astype(bool)
    for name in TEXT_COLUMNS:
        frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    start, end, middle = _day(frame["date_start"]), _day(frame["date_end"]), _day(frame["event_date"])
    frame["first"] = start.fillna(middle).fillna(end)
    frame["last"] = end.fillna(middle).fillna(start)
    frame["located"] = frame["latitude"].notna() & frame["longitude"].notna()
    frame["id"] = frame["id"].fillna(-1).astype("int64")
    return frame.reset_index(drop=True)


def data_span(frame: pd.DataFrame) -> Span | None:
    """None when no event has a date."""
    firsts, lasts = frame["first"].dropna(), frame["last"].dropna()
    if firsts.empty:
        return None
    return Span(firsts.min().date(), lasts.max().date())


def as_timestamp(day: date) -> np.datetime64:
    return np.datetime64(day.isoformat(), "s")
