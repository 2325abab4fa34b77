"""Baseline for benchmarks/map_scale.py: the same events and category filter as
the Map page, drawn the slow way, one folium.Marker (with its popup) per event
built in Python, inside folium's MarkerCluster. Not part of the app.

    streamlit run benchmarks/naive_map_app.py   (GEO_DB as for the app)
"""
import html
import sys
from pathlib import Path

import folium
import streamlit as st
from folium.plugins import MarkerCluster
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.model import CATEGORIES  # noqa: E402
from webapp import assets, data, filters  # noqa: E402
from webapp.describe import CATEGORY_STYLES, describe  # noqa: E402
from webapp.filters import FilterState  # noqa: E402


@st.cache_resource
def local_urls() -> dict[str, str]:
    """This script's static/ folder is benchmarks/static (git-ignored)."""
    return assets.asset_urls(assets.install(Path(__file__).resolve().parent / "static"))


st.set_page_config(page_title="Baseline map", layout="wide")
events = data.load()
chosen = st.pills("Categories", list(CATEGORIES), selection_mode="multi", default=list(CATEGORIES), key="cats",
                  format_func=lambda c: CATEGORY_STYLES[c].label)
mask = filters.select(events.frame, FilterState(categories=tuple(chosen or ()))) & events.located
st.markdown(f"**{int(mask.sum())} of {int(events.located.sum())} events shown**")

urls = local_urls()
fmap = folium.Map(location=[30, 45], zoom_start=4, tiles=None)
fmap.options.update(maxZoom=19)
fmap.default_js = [("leaflet", urls["leaflet.js"]), ("jquery", urls["jquery.js"])]
fmap.default_css = [("leaflet_css", urls["leaflet.css"])]
cluster = MarkerCluster()
cluster.default_js = [("markerclusterjs", urls["markercluster.js"])]
cluster.default_css = [("markerclustercss", urls["markercluster.css"]),
                       ("markerclusterdefault", urls["markercluster-default.css"])]
cluster.add_to(fmap)
for row in events.frame[mask].to_dict("records"):
    described = describe(row)
    text = html.escape(f"{described.category_label}: {described.when}, {described.where}. {described.sentence}")
    folium.Marker([row["latitude"], row["longitude"]], popup=folium.Popup(text, max_width=300)).add_to(cluster)
if events.bounds:
    fmap.fit_bounds(events.bounds)
st_folium(fmap, key="naive", height=540, use_container_width=True, returned_objects=[])
