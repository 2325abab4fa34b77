"""The Events page's parts: the table of filtered events, the details of one
event (``?event=<id>``), and CSV / GeoJSON downloads of exactly what is shown.

The table is a Streamlit dataframe (drawn on a canvas: article text is shown as
text, never as markup). Sorting is by column header; the search box narrows the
rows across the descriptive columns.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from geo.io import events_to_csv, events_to_geojson
from webapp.data import EventData
from webapp.describe import CATEGORY_STYLES, DETAILS_CSS, GEO_PRECISION, describe, details_html, evidence_text, safe_url
from webapp.filter_ui import link_params
from webapp.filters import FilterState
from webapp.navigation import has_page, page_path

TABLE_KEY = "events_table"
SEARCH_KEY = "events_search"
TABLE_HEIGHT = 460
EVIDENCE_INPUTS = ["sentence", "evidence", "place_start", "place_end", "place_text", "start_char"]


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs, newest first (then by id)."""
    shown = pd.DataFrame({
        "Event": frame["id"],
        "From": frame["first"].dt.date,
        "To": frame["last"].dt.date,
        "Category": frame["category"].map(lambda c: CATEGORY_STYLES.get(c, CATEGORY_STYLES["other"]).label),
        "Location": frame["location"],
        "Fatalities": frame["fatalities"].astype("Int64"),
        "Sentence": frame["sentence"],
        "Evidence": [evidence_text(row) for row in frame[EVIDENCE_INPUTS].to_dict("records")],
        "Location precision": frame["geo_precision"].map(lambda p: GEO_PRECISION.get(int(p)) if p == p else None),
        "Actor 1": frame["actor1"],
        "Actor 2": frame["actor2"],
        "Event type": frame["event_type"],
        "Sub-event type": frame["sub_event_type"],
        "Admin1": frame["admin1"],
        "Country": frame["country"],
        "Outlet": frame["outlet"],
        "Published": frame["published"],
        "Article": frame["url"].map(safe_url),
        "Corrected": frame["corrected"],
    })
    order = np.lexsort((shown["Event"].to_numpy(), -frame["first"].fillna(pd.Timestamp.min).astype("int64").to_numpy()))
    return shown.iloc[order].reset_index(drop=True)


COLUMN_CONFIG = {
    "Event": st.column_config.NumberColumn(format="%d", width="small"),
    "Sentence": st.column_config.TextColumn(width="large"),
    "Evidence": st.column_config.TextColumn(
        width="large", help="Every sentence the event was built from, each with what it gave (site, date, toll, actors)"),
    "Article": st.column_config.LinkColumn(display_text="article", width="small"),
    "Corrected": st.column_config.CheckboxColumn(help="Corrected by hand on the Review page"),
}


def show_event(data: EventData, event_id: int, state: FilterState) -> None:
    found = np.flatnonzero(data.frame["id"].to_numpy() == event_id)
    if not found.size:
        st.warning(f"There is no event #{event_id}; it may have been deleted or marked as not an event.")
        return
    row = data.frame.iloc[int(found[0])].to_dict()
    with st.container(border=True):
        st.html(DETAILS_CSS + details_html(describe(row)))
        links = st.columns(3)
        if row["latitude"] == row["latitude"] and row["latitude"] is not None:
            links[0].page_link(page_path("map"), label="Show the map", icon=":material/map:",
                               query_params=link_params(state))
        if has_page("review"):
            links[1].page_link(page_path("review"), label="Review or correct this event", icon=":material/edit:",
                               query_params={"event": str(event_id)})


def event_from_url() -> int | None:
    raw = (st.query_params.get("event") or "").strip().lstrip("#")
    return int(raw) if raw.isdigit() else None


def search_box() -> str:
    return st.text_input("Search", key=SEARCH_KEY, placeholder="place, actor, outlet, words of the sentence, event number…")


def events_table(table: pd.DataFrame, event_id: int | None):
    """The table; the row of ``event_id`` starts selected. Returns the selected event id."""
    selected_rows = table.index[table["Event"] == event_id].tolist() if event_id is not None else []
    height = min(TABLE_HEIGHT, 38 + 35 * max(len(table), 1))  # no empty grid under a short table
    state = st.dataframe(table, hide_index=True, width="stretch", height=height, column_config=COLUMN_CONFIG,
                         on_select="rerun", selection_mode="single-row", key=TABLE_KEY,
                         selection_default={"selection": {"rows": selected_rows}} if selected_rows else None,
                         placeholder="")
    rows = state.selection.rows if state is not None else []
    return int(table["Event"].iloc[rows[0]]) if rows else None


def downloads(data: EventData, positions: np.ndarray, ids_in_order: list[int]) -> None:
    """CSV (ACLED column names first) and GeoJSON of the rows in the table, in its order."""
    by_id = {int(data.frame["id"].iat[p]): data.rows[p] for p in positions}
    events = [by_id[i] for i in ids_in_order]
    left, right, _ = st.columns([1, 1, 3])
    left.download_button("Download CSV", data=lambda: events_to_csv(events), file_name="events.csv",
                         mime="text/csv", icon=":material/download:", on_click="ignore")
    right.download_button("Download GeoJSON", data=lambda: events_to_geojson(events), file_name="events.geojson",
                          mime="application/geo+json", icon=":material/download:", on_click="ignore")
