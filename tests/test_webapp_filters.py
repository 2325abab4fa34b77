"""The dashboard filter: URL parameters, date overlap, categories, fatalities,
presets and search (pure functions, real Event rows)."""
from datetime import date

import numpy as np
import pytest

from tests.dashboard_rows import event_row
from webapp import filters
from webapp.filters import FilterState
from webapp.frame import Span, data_span, events_frame

ROWS = [
    event_row(1, "attack", "2020-06-10", fatalities=7),
    event_row(2, "handover", "2020-03-01", "2020-05-31"),
    event_row(3, "attack", "2020-06-20", fatalities=1),
    event_row(4, "other", "2019-12-31"),
    event_row(5, "other", None),  # undated
    event_row(6, "attack", "2020-07-01", latitude=None, longitude=None, fatalities=None),
]


@pytest.fixture(scope="module")
def frame():
    return events_frame(ROWS)


def ids(frame, mask) -> list[int]:
    return sorted(frame["id"][mask].tolist())


@pytest.mark.parametrize("params, state, problems", [
    ({}, FilterState(), 0),
    ({"start": "2020-06-01", "end": "2020-06-30"}, FilterState(date(2020, 6, 1), date(2020, 6, 30)), 0),
    ({"start": "2020-06-30", "end": "2020-06-01"}, FilterState(date(2020, 6, 1), date(2020, 6, 30)), 1),
    ({"start": "June", "end": "2020-06-30"}, FilterState(None, date(2020, 6, 30)), 1),
    ({"start": "2020-02-30"}, FilterState(), 1),
    ({"categories": "handover"}, FilterState(categories=("handover",)), 0),
    ({"categories": "attack, Handover"}, FilterState(categories=("handover", "attack")), 0),
    ({"categories": "handover,riots"}, FilterState(categories=("handover",)), 1),
    ({"categories": "riots"}, FilterState(), 1),
    ({"categories": "all"}, FilterState(), 0),
    ({"categories": ""}, FilterState(categories=()), 0),
    ({"min_fatalities": "5"}, FilterState(min_fatalities=5), 0),
    ({"min_fatalities": "-1"}, FilterState(), 1),
    ({"min_fatalities": "<script>"}, FilterState(), 1),
])
def test_parse_query(params, state, problems):
    parsed, found = filters.parse_query(params)
    assert parsed == state
    assert len(found) == problems


@pytest.mark.parametrize("state", [
    FilterState(),
    FilterState(date(2020, 6, 1), date(2020, 6, 30)),
    FilterState(None, date(2020, 6, 30), ("attack", "other"), 3),
    FilterState(categories=()),
])
def test_query_round_trip(state):
    assert filters.parse_query(filters.to_query(state)) == (state, ())


def test_unfiltered_view_has_bare_url():
    assert filters.to_query(FilterState()) == {}


@pytest.mark.parametrize("state, expected", [
    (FilterState(), [1, 2, 3, 4, 5, 6]),
    (FilterState(date(2020, 6, 1), date(2020, 6, 30)), [1, 3]),
    (FilterState(date(2020, 5, 31), date(2020, 5, 31)), [2]),  # last day of a range overlaps
    (FilterState(date(2020, 3, 1), None), [1, 2, 3, 6]),
    (FilterState(None, date(2019, 12, 31)), [4]),
    (FilterState(categories=("handover",)), [2]),
    (FilterState(categories=()), []),
    (FilterState(min_fatalities=5), [1, 2, 4, 5]),  # attacks below 5 (or unknown) hidden, others stay
    (FilterState(date(2020, 6, 1), None, ("attack",), 2), [1]),
])
def test_select(frame, state, expected):
    assert ids(frame, filters.select(frame, state)) == expected


@pytest.mark.parametrize("dates, categories, minimum, expected", [
    ((date(2019, 12, 31), date(2020, 7, 1)), ["handover", "attack", "other"], 0, FilterState()),
    ((date(2020, 1, 1), date(2020, 7, 1)), ["other", "attack", "handover"], 0, FilterState(date(2020, 1, 1))),
    ((date(2019, 12, 31), date(2020, 6, 30)), ["attack"], 2, FilterState(None, date(2020, 6, 30), ("attack",), 2)),
    (None, [], None, FilterState(categories=())),
])
def test_state_from_controls(dates, categories, minimum, expected):
    span = Span(date(2019, 12, 31), date(2020, 7, 1))
    assert filters.state_from_controls(dates, categories, minimum, span) == expected


@pytest.mark.parametrize("state, expected", [
    (FilterState(), (date(2019, 12, 31), date(2020, 7, 1))),
    (FilterState(date(2000, 1, 1), date(2030, 1, 1)), (date(2019, 12, 31), date(2020, 7, 1))),
    (FilterState(date(2020, 6, 1), date(2020, 6, 30)), (date(2020, 6, 1), date(2020, 6, 30))),
    (FilterState(date(2025, 1, 1), None), (date(2020, 7, 1), date(2020, 7, 1))),
])
def test_clamp_range_keeps_the_control_inside_the_data(state, expected):
    assert filters.clamp_range(state, Span(date(2019, 12, 31), date(2020, 7, 1))) == expected


def test_span_covers_ranges_and_ignores_undated(frame):
    assert data_span(frame) == Span(date(2019, 12, 31), date(2020, 7, 1))
    assert data_span(events_frame([event_row(1, start=None)])) is None
    assert data_span(events_frame([])) is None


def test_presets_offer_all_years_and_months_with_events(frame):
    presets = filters.presets(frame, data_span(frame))
    labels = [p.label for p in presets]
    assert labels[0] == filters.ALL_DATES
    assert labels[1:3] == ["2020", "2019"]
    assert "June 2020" in labels and "April 2020" in labels  # inside the handover's range
    assert "February 2020" not in labels and "November 2019" not in labels
    june = next(p for p in presets if p.label == "June 2020")
    assert (june.start, june.end) == (date(2020, 6, 1), date(2020, 6, 30))
    year = next(p for p in presets if p.label == "2019")
    assert (year.start, year.end) == (date(2019, 12, 31), date(2019, 12, 31))  # clipped to the data
    assert filters.preset_for((june.start, june.end), presets) == june
    assert filters.preset_for((date(2020, 6, 2), date(2020, 6, 30)), presets) is None


@pytest.mark.parametrize("text, expected", [
    ("", [1, 2, 3, 4, 5, 6]),
    ("SPRINGFIELD", [1, 2, 3, 4, 5, 6]),
    ("handover", [2]),
    ("#4", [4]),
    ("no such words", []),
    ("(", []),  # not a regular expression
])
def test_search(frame, text, expected):
    assert ids(frame, filters.search(frame, text)) == expected


def test_select_on_an_empty_frame():
    empty = events_frame([])
    assert filters.select(empty, FilterState(date(2020, 1, 1), None, ("attack",), 3)).shape == (0,)
    assert filters.presets(empty, None) == []
    assert isinstance(filters.search(empty, "x"), np.ndarray)
