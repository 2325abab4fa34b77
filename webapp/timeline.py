"""Histogram of events over time, by category, showing what the filter selects.

``histogram`` (pure) counts events per period by category, split into those the
filter shows and the rest; ``chart`` draws it with Altair (Vega ships with
Streamlit, so the browser fetches nothing from elsewhere). Events are counted
at their first date.
"""
from __future__ import annotations

from datetime import date

import altair as alt
import numpy as np
import pandas as pd

from webapp.describe import CATEGORY_STYLES
from webapp.frame import Span

OUTSIDE = "not in filter"
OUTSIDE_COLOR = "#d1d5db"
FREQUENCIES = (("day", "D", 62), ("week", "W-MON", 366), ("month", "MS", 366 * 12), ("year", "YS", None))


def bin_unit(span: Span) -> tuple[str, str]:
    """(name, pandas frequency) giving tens, not thousands, of bars."""
    days = (span.last - span.first).days
    for name, frequency, limit in FREQUENCIES:
        if limit is None or days <= limit:
            return name, frequency
    return FREQUENCIES[-1][:2]


def _period_start(days: pd.Series, unit: str) -> pd.Series:
    if unit == "day":
        return days.dt.normalize()
    if unit == "week":
        return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()
    if unit == "month":
        return days.dt.to_period("M").dt.start_time
    return days.dt.to_period("Y").dt.start_time


def _period_end(starts: pd.Series, unit: str) -> pd.Series:
    steps = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1),
             "year": pd.DateOffset(years=1)}
    return starts + steps[unit]


def histogram(frame: pd.DataFrame, mask: np.ndarray, unit: str) -> pd.DataFrame:
    """Columns: period, period_end, group (a category or OUTSIDE), count."""
    dated = frame["first"].notna().to_numpy()
    if not dated.any():
        return pd.DataFrame(columns=["period", "period_end", "group", "count"])
    rows = pd.DataFrame({
        "period": _period_start(frame.loc[dated, "first"], unit).to_numpy(),
        "group": np.where(mask[dated], frame.loc[dated, "category"].to_numpy(dtype=object), OUTSIDE),
    })
    counted = rows.groupby(["period", "group"], sort=True).size().reset_index(name="count")
    counted["period_end"] = _period_end(counted["period"], unit)
    return counted[["period", "period_end", "group", "count"]]


def chart(counts: pd.DataFrame, unit: str, selected: tuple[date, date] | None) -> alt.LayerChart:
    groups = [*CATEGORY_STYLES, OUTSIDE]
    colors = [s.color for s in CATEGORY_STYLES.values()] + [OUTSIDE_COLOR]
    labels = {key: s.label for key, s in CATEGORY_STYLES.items()}
    data = counts.assign(label=counts["group"].map(lambda g: labels.get(g, OUTSIDE)),
                         order=counts["group"].map(groups.index))
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("period:T", title=None, axis=alt.Axis(format=_axis_format(unit), labelOverlap=True)),
        x2="period_end:T",
        y=alt.Y("sum(count):Q", title=f"events per {unit}", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("group:N", scale=alt.Scale(domain=groups, range=colors),
                        legend=alt.Legend(title=None, orient="top", labelExpr=_legend_labels(labels))),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("period:T", title=unit.capitalize(), format="%Y-%m-%d"),
                 alt.Tooltip("label:N", title="Category"), alt.Tooltip("sum(count):Q", title="Events")],
    )
    layers = [bars]
    if selected is not None:
        window = pd.DataFrame({"start": [pd.Timestamp(selected[0])],
                               "end": [pd.Timestamp(selected[1]) + pd.Timedelta(days=1)]})
        layers.insert(0, alt.Chart(window).mark_rect(color="#fde68a", opacity=0.35).encode(x="start:T", x2="end:T"))
    return alt.layer(*layers)


def _axis_format(unit: str) -> str:
    return {"day": "%d %b", "week": "%d %b %Y", "month": "%b %Y", "year": "%Y"}[unit]


def _legend_labels(labels: dict[str, str]) -> str:
    cases = " : ".join(f"datum.label == '{key}' ? '{label}'" for key, label in labels.items())
    return f"{cases} : datum.label"
