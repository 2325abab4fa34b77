"""Review: correct one event (site, category, dates, fatalities, not an event)
and see its correction history. ``?event=<id>`` opens a given event."""
from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit_folium import st_folium

from geo.errors import GeoError
from geo.model import CATEGORIES
from webapp import review_view as view
from webapp.data import served_assets, tiles
from webapp.small_map import site_map
from webapp.sources_view import escape_markdown
from webapp.navigation import run_app_if_opened_directly
from webapp.store_access import changed, get_store

run_app_if_opened_directly()
st.markdown("### Review")
store = get_store()
state = st.session_state
if "rv_notice" in state:
    st.success(state.pop("rv_notice"))

events = store.list_events(include_rejected=True)
if not events:
    st.info("No events yet: add an article on the Sources page.")
    st.stop()

by_id = {event["id"]: event for event in events}
asked = view.event_id_from_query(st.query_params.get(view.QUERY_PARAMETER))
if asked is not None and asked not in by_id:
    st.warning(f"There is no event #{asked} (it may have been deleted); pick one below.")
ids = list(by_id)
selected = st.selectbox("Event", ids, index=ids.index(asked) if asked in by_id else 0,
                        format_func=lambda i: view.event_label(by_id[i]))
if selected != asked:
    st.query_params[view.QUERY_PARAMETER] = str(selected)
event = by_id[selected]

if event["rejected"]:
    st.warning("Marked as not an event: hidden from the map and the table.")
if event["corrected"]:
    st.caption("Corrected by hand: " + ", ".join(f.replace("_", " ") for f in event["corrected_fields"]))
st.code(event["sentence"], language=None, wrap_lines=True)
facts = {"Category": event["category"], "Type": f"{event['event_type']} / {event['sub_event_type']}",
         "Dates": f"{event['date_start'] or '?'} – {event['date_end'] or '?'}",
         "Site": event["location"] or "(none)",
         "Coordinates": "" if event["latitude"] is None else f"{event['latitude']:.5f}, {event['longitude']:.5f}",
         "Fatalities": "" if event["fatalities"] is None else str(event["fatalities"]),
         "Article": f"{event['article_title']} ({event['outlet']}, {event['published']})", "URL": event["url"]}
st.text("\n".join(f"{name + ':':<13}{value}" for name, value in facts.items()))

# A click on the map fills in the coordinate fields (once per click).
state.setdefault("rv_round", 0)  # bumped after a save: the form starts again from the corrected event
prefix = f"rv_{selected}_{state['rv_round']}"
state.setdefault(f"{prefix}_lat", event["latitude"])
state.setdefault(f"{prefix}_lon", event["longitude"])
chosen_point = None
if state[f"{prefix}_lat"] is not None and state[f"{prefix}_lon"] is not None:
    chosen_point = (state[f"{prefix}_lat"], state[f"{prefix}_lon"])
st.caption("Click the map to pick the event's coordinates.")
map_state = st_folium(site_map(event, served_assets(), tiles()[0], chosen_point), height=340,
                      use_container_width=True, returned_objects=["last_clicked"], key=f"{prefix}_map")
clicked = view.clicked_point(map_state)
if clicked is not None and clicked != state.get(f"{prefix}_click"):
    state[f"{prefix}_click"] = clicked
    state[f"{prefix}_lat"], state[f"{prefix}_lon"] = clicked
    state[f"{prefix}_site"] = view.SITE_POINT
    st.rerun()

candidates = {c["id"]: c for c in event["candidates"]}
with st.form(f"{prefix}_form"):
    site_mode = st.radio("Site", view.SITE_MODES, horizontal=True, key=f"{prefix}_site")
    candidate_id = st.selectbox("Gazetteer candidate", list(candidates) or [None],
                                format_func=lambda i: view.candidate_label(candidates[i]) if i else "(no candidates)",
                                key=f"{prefix}_candidate")
    lat_col, lon_col, name_col = st.columns(3)
    latitude = lat_col.number_input("Latitude", min_value=-90.0, max_value=90.0, step=0.0001, format="%.5f",
                                    key=f"{prefix}_lat")
    longitude = lon_col.number_input("Longitude", min_value=-180.0, max_value=180.0, step=0.0001, format="%.5f",
                                     key=f"{prefix}_lon")
    location = name_col.text_input("Site name (optional)", value=event["location"] or "", key=f"{prefix}_name")
    category = st.selectbox("Category", CATEGORIES, index=CATEGORIES.index(event["category"]),
                            key=f"{prefix}_category")
    start_col, end_col, deaths_col = st.columns(3)
    start = start_col.date_input("From", value=event["date_start"] and date.fromisoformat(event["date_start"]),
                                 min_value=date(1900, 1, 1), max_value=date(2100, 12, 31), format="YYYY-MM-DD",
                                 key=f"{prefix}_start")
    end = end_col.date_input("To", value=event["date_end"] and date.fromisoformat(event["date_end"]),
                             min_value=date(1900, 1, 1), max_value=date(2100, 12, 31), format="YYYY-MM-DD",
                             key=f"{prefix}_end")
    fatalities = deaths_col.number_input("Fatalities", min_value=0, step=1, value=event["fatalities"],
                                         key=f"{prefix}_fatalities")
    rejected = st.checkbox("Not an event", value=event["rejected"], key=f"{prefix}_rejected")
    reason = st.text_input("Reason (optional)", key=f"{prefix}_reason")
    submitted = st.form_submit_button("Save correction", type="primary")

if submitted:
    form = view.ReviewForm(site_mode=site_mode, candidate_id=candidate_id, latitude=latitude, longitude=longitude,
                           location=location, category=category, date_start=start or None, date_end=end or None,
                           fatalities=None if fatalities is None else int(fatalities), rejected=rejected)
    changes = view.changes_from_form(event, form)
    if not changes:
        st.info("Nothing changed.")
    else:
        try:
            store.correct_event(selected, changes, reason)
        except GeoError as exc:
            st.error(escape_markdown(exc))
        else:
            changed()
            for key in [k for k in state.keys() if str(k).startswith(f"{prefix}_")]:
                del state[key]
            state["rv_round"] += 1
            state["rv_notice"] = f"Correction of event #{selected} saved."
            st.rerun()

st.markdown("#### Correction history")
history = store.corrections(selected)
if history:
    st.dataframe(view.history_frame(history), hide_index=True)
else:
    st.caption("No corrections yet.")
