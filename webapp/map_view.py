"""The Map page's parts: count, timeline, map with its details panel, and the
list of events without a location."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from webapp import timeline
from webapp.data import EventData, served_assets, tiles
from webapp.describe import DETAILS_CSS, describe, details_html
from webapp.events_view import event_from_url
from webapp.filter_ui import link_params
from webapp.filters import FilterState, clamp_range
from webapp.map_layer import build_layer, build_map
from webapp.navigation import has_page, page_path

MAP_HEIGHT = 540
MAP_KEY = "event_map"
TIMELINE_HEIGHT = 150


def count_caption(data: EventData, mask: np.ndarray) -> str:
    """``N of M events shown``: events on the map; unlocated ones are counted apart."""
    located = data.located
    shown, total = int(np.count_nonzero(mask & located)), int(np.count_nonzero(located))
    text = f"**{shown} of {total} events shown**"
    unlocated = int(np.count_nonzero(mask & ~located))
    if unlocated:
        text += f" · {unlocated} more without a location, listed under the map"
    return text


def heading(data: EventData, mask: np.ndarray) -> None:
    title, count = st.columns([0.45, 0.55], vertical_alignment="bottom")
    title.markdown("### Conflict events")
    count.markdown(count_caption(data, mask), text_alignment="right")
    if data.frame.empty:
        st.info("No events yet: add an article on the Sources page.")


def show_timeline(data: EventData, mask: np.ndarray, state: FilterState) -> None:
    if data.span is None:
        return
    unit, _ = timeline.bin_unit(data.span)
    counts = timeline.histogram(data.frame, mask, unit)
    selected = clamp_range(state, data.span) if state.dated else None
    st.altair_chart(timeline.chart(counts, unit, selected), width="stretch", height=TIMELINE_HEIGHT)


def _clicked_id(result) -> int | None:
    drawing = (result or {}).get("last_active_drawing") or {}
    raw = (drawing.get("properties") or {}).get("id")
    return int(raw) if isinstance(raw, (int, float)) else None


def details_panel(data: EventData, shown_ids: set[int], event_id: int | None, state: FilterState) -> None:
    if event_id is None or event_id not in shown_ids:
        st.info("Click a marker to see the event here.")
        return
    position = int(np.flatnonzero(data.frame["id"].to_numpy() == event_id)[0])
    st.html(DETAILS_CSS + details_html(describe(data.frame.iloc[position].to_dict())))
    st.page_link(page_path("events"), label="Open in the Events table", icon=":material/table_rows:",
                 query_params=link_params(state, event=event_id))
    if has_page("review"):
        st.page_link(page_path("review"), label="Review or correct this event", icon=":material/edit:",
                     query_params={"event": str(event_id)})


@st.fragment
def map_and_details(data: EventData, mask: np.ndarray, state: FilterState) -> None:
    """A fragment: clicking a marker reruns only this part, and panning reruns nothing
    (the map returns only the last clicked marker)."""
    tile_settings, problem = tiles()
    if problem:
        st.warning(f"{problem}. Showing the map without tiles.")
    fmap = build_map(data.table_url, data.bounds, tile_settings, served_assets())
    layer = build_layer(data.table_url, mask[data.table_rows])
    left, right = st.columns([0.7, 0.3])
    with left:
        result = st_folium(fmap, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True,
                           returned_objects=["last_active_drawing"], feature_group_to_add=layer)
    with right:
        shown_ids = set(data.frame["id"].to_numpy()[mask & data.located].tolist())
        clicked = _clicked_id(result)
        details_panel(data, shown_ids, clicked if clicked is not None else event_from_url(), state)


def unlocated_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Event": frame["id"], "From": frame["date_start"], "To": frame["date_end"],
        "Category": frame["category"], "Type": frame["sub_event_type"], "Actor 1": frame["actor1"],
        "Sentence": frame["sentence"], "Outlet": frame["outlet"],
    })


def unlocated_list(data: EventData, mask: np.ndarray) -> None:
    chosen = mask & ~data.located
    if not chosen.any():
        return
    st.markdown(f"#### Without a location ({int(chosen.sum())})")
    st.caption("These events matched the filter but their place is unknown, so they are not on the map.")
    st.dataframe(unlocated_frame(data.frame[chosen]), hide_index=True, width="stretch")
