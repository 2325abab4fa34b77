"""Events: the filtered events as a sortable, searchable table, with CSV and
GeoJSON downloads of what is shown. ``?event=<id>`` selects one event."""
import numpy as np
import streamlit as st

from webapp import data, events_view, filters
from webapp.filter_ui import filter_controls
from webapp.navigation import run_app_if_opened_directly

run_app_if_opened_directly()
events = data.load_or_stop()

st.markdown("### Events")
state = filter_controls(events.frame, events.span)
asked = events_view.event_from_url()
query = events_view.search_box()
positions = np.flatnonzero(filters.select(events.frame, state) & filters.search(events.frame, query))
table = events_view.table_frame(events.frame.iloc[positions])
st.markdown(f"**{len(table)} of {len(events.frame)} events shown**")
selected = events_view.events_table(table, asked)
events_view.downloads(events, positions, table["Event"].tolist())
if selected is not None or asked is not None:
    events_view.show_event(events, selected if selected is not None else asked, state)
