"""The timeline histogram: bin size by span, counts per period split by what
the filter selects."""
from datetime import date

import numpy as np
import pandas as pd
import pytest

from tests.dashboard_rows import event_row
from webapp import timeline
from webapp.frame import Span, events_frame


@pytest.mark.parametrize("days, unit", [(0, "day"), (62, "day"), (63, "week"), (366, "week"), (367, "month"),
                                        (4000, "month"), (5000, "year")])
def test_bin_unit(days, unit):
    first = date(2000, 1, 1)
    assert timeline.bin_unit(Span(first, first + pd.Timedelta(days=days)))[0] == unit


def test_histogram_counts_by_period_category_and_filter():
    frame = events_frame([
        event_row(1, "attack", "2020-06-10"), event_row(2, "attack", "2020-06-28"),
        event_row(3, "handover", "2020-03-01", "2020-05-31"), event_row(4, "other", "2020-06-02"),
        event_row(5, "other", None),
    ])
    mask = np.array([True, False, True, True, True])
    counts = timeline.histogram(frame, mask, "month")
    as_tuples = {(row.period.strftime("%Y-%m"), row.group, row.count) for row in counts.itertuples()}
    assert as_tuples == {("2020-06", "attack", 1), ("2020-06", timeline.OUTSIDE, 1), ("2020-06", "other", 1),
                         ("2020-03", "handover", 1)}
    assert (counts["period_end"] > counts["period"]).all()


@pytest.mark.parametrize("unit, expected", [("day", "2020-06-10"), ("week", "2020-06-08"), ("month", "2020-06-01"),
                                            ("year", "2020-01-01")])
def test_periods_start_on_their_boundary(unit, expected):
    counts = timeline.histogram(events_frame([event_row(1, start="2020-06-10")]), np.array([True]), unit)
    assert counts["period"].iloc[0].strftime("%Y-%m-%d") == expected


def test_chart_builds_for_data_and_for_nothing():
    frame = events_frame([event_row(1, start="2020-06-10")])
    spec = timeline.chart(timeline.histogram(frame, np.array([True]), "day"), "day",
                          (date(2020, 6, 1), date(2020, 6, 30))).to_dict()
    assert len(spec["layer"]) == 2
    empty = events_frame([event_row(1, start=None)])
    assert timeline.histogram(empty, np.array([True]), "day").empty
