"""The filter controls in the sidebar, kept in step with the URL.

Opening a link with ``?start=…&end=…&categories=…`` sets the controls; moving a
control rewrites the URL, so the address bar can always be shared. The same
controls (same keys, kept for the whole session) appear on the Map and Events
pages, so switching pages keeps the filter.
"""
from __future__ import annotations

import streamlit as st

from geo.model import CATEGORIES
from webapp import filters
from webapp.describe import CATEGORY_STYLES
from webapp.filters import FILTER_PARAMS, FilterState
from webapp.frame import Span

DATES = "filter_dates"
PRESET = "filter_preset"
CATEGORY_KEY = "filter_categories"
MIN_FATALITIES = "filter_min_fatalities"
WRITTEN = "_filter_query_written"
PROBLEMS = "_filter_problems"
CUSTOM = "Custom range"


def _url_filter() -> dict[str, str]:
    return {name: st.query_params[name] for name in FILTER_PARAMS if name in st.query_params}


def _adopt(state: FilterState, span: Span | None) -> None:
    if span is not None:
        st.session_state[DATES] = filters.clamp_range(state, span)
    st.session_state[CATEGORY_KEY] = list(state.categories if state.categories is not None else CATEGORIES)
    st.session_state[MIN_FATALITIES] = state.min_fatalities


def _apply_preset(options: dict[str, filters.Preset]) -> None:
    chosen = options.get(st.session_state.get(PRESET))
    if chosen is not None:
        st.session_state[DATES] = (chosen.start, chosen.end)


def _sync_from_url(span: Span | None) -> None:
    """A fresh session, or a URL that differs from what we last wrote (a link was
    followed), sets the controls; otherwise the controls are the truth."""
    in_url = _url_filter()
    if WRITTEN not in st.session_state or (in_url and in_url != st.session_state[WRITTEN]):
        state, problems = filters.parse_query(in_url)
        _adopt(state, span)
        st.session_state[PROBLEMS] = problems
    if span is not None:
        current = st.session_state.get(DATES)
        state = FilterState(*current) if current else FilterState()
        st.session_state[DATES] = filters.clamp_range(state, span)


def _write_url(state: FilterState) -> None:
    wanted = filters.to_query(state)
    for name in FILTER_PARAMS:
        if name in wanted:
            if st.query_params.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]
    st.session_state[WRITTEN] = wanted


def filter_controls(frame, span: Span | None) -> FilterState:
    """Draw the controls in the sidebar; returns the filter they describe."""
    _sync_from_url(span)
    sidebar = st.sidebar
    sidebar.subheader("Filter")
    for problem in st.session_state.get(PROBLEMS, ()):
        sidebar.warning(problem)
    dates = None
    if span is not None:
        options = {p.label: p for p in filters.presets(frame, span)}
        matching = filters.preset_for(st.session_state[DATES], list(options.values()))
        st.session_state[PRESET] = matching.label if matching else CUSTOM
        first, last = span.first, span.last
        if first == last:
            sidebar.caption(f"All events are dated {first.isoformat()}.")
            dates = (first, last)
        else:
            dates = sidebar.slider("Dates", min_value=first, max_value=last, key=DATES, format="YYYY-MM-DD",
                                   persist_state="session")
        sidebar.selectbox("Quick range", [*options, CUSTOM], key=PRESET, on_change=_apply_preset,
                          args=(options,), persist_state="session",
                          help="All dates, a year or a month that has events.")
    else:
        sidebar.caption("No event has a date yet.")
    chosen = sidebar.pills("Categories", list(CATEGORIES), selection_mode="multi", key=CATEGORY_KEY,
                           format_func=lambda c: CATEGORY_STYLES[c].label, persist_state="session")
    minimum = sidebar.number_input("Minimum fatalities (attacks)", min_value=0, step=1, key=MIN_FATALITIES,
                                   disabled="attack" not in (chosen or ()), persist_state="session",
                                   help="Hides attacks with fewer reported deaths; other events stay.")
    state = filters.state_from_controls(dates, chosen, minimum, span)
    _write_url(state)
    return state


def link_params(state: FilterState, **extra) -> dict[str, str]:
    """Query parameters for a link to another page with the same filter."""
    return {**filters.to_query(state), **{k: str(v) for k, v in extra.items()}}
