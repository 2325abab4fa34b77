"""The Folium map, with the event markers built in the browser.

Building one Folium marker per event in Python takes seconds for thousands of
events. Instead the located events go to the browser once, as a compact JSON
table served from ``static/`` (named by content hash, so it is cached and
changes only when the data does). The map's own script is therefore identical
for every filter, and streamlit-folium keeps the map mounted; a filter change
only sends a new feature group carrying a bit mask of the rows to show.
``webapp/map_assets/event_layer.js`` turns table + mask into clustered markers
with popups, built with DOM text nodes (article text never becomes markup).
"""
from __future__ import annotations

import base64
import hashlib
import json

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from webapp.describe import CATEGORY_STYLES, PRECISION_LEGEND, describe
from webapp.tiles import Tiles

TABLE_FORMAT = 2  # 2: the event's own sentence travels in its evidence, no separate column
# "evidence": the sentences the event came from, each [text, what it gave, place mark or null]
TABLE_COLUMNS = ("id", "lat", "lon", "cat", "prec", "type", "when", "where", "written", "actors", "fatalities",
                 "outlet", "url", "title", "published", "corrected", "evidence")


class _Strings:
    """Repeated strings (sentences, outlets, titles...) are sent once."""

    def __init__(self):
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        value = value or ""
        found = self._index.get(value)
        if found is None:
            found = self._index[value] = len(self.values)
            self.values.append(value)
        return found


def located_positions(frame: pd.DataFrame) -> np.ndarray:
    """Positions (in the frame) of the rows that go on the map, in table order."""
    return np.flatnonzero(frame["located"].to_numpy())


def browser_table(frame: pd.DataFrame) -> dict:
    """Everything the popups need about each located event, column by column."""
    strings = _Strings()
    columns: dict[str, list] = {name: [] for name in TABLE_COLUMNS}
    categories = list(CATEGORY_STYLES)
    located = frame.iloc[located_positions(frame)]
    for row in located.to_dict("records"):
        d = describe(row)
        precision = row.get("geo_precision")
        values = {
            "id": d.id, "lat": round(float(row["latitude"]), 5), "lon": round(float(row["longitude"]), 5),
            "cat": categories.index(d.category) if d.category in categories else categories.index("other"),
            "prec": int(precision) if precision in (1, 2, 3) else 0,
            "type": strings(d.acled_type), "when": strings(d.when), "where": strings(d.where),
            "written": strings(d.place_as_written), "actors": strings(d.actors),
            "fatalities": strings(d.fatalities), "outlet": strings(d.outlet), "url": strings(d.url),
            "title": strings(d.article_title), "published": strings(d.published), "corrected": int(d.corrected),
            "evidence": [[strings(line.text), strings(line.gave), list(line.mark) if line.mark else None]
                         for line in d.evidence],
        }
        for name in TABLE_COLUMNS:
            columns[name].append(values[name])
    return {
        "format": TABLE_FORMAT, "rows": len(located), "strings": strings.values, **columns,
        "categories": [{"key": key, "label": s.label, "color": s.color, "icon": s.icon}
                       for key, s in CATEGORY_STYLES.items()],
        "precision_legend": {str(k): v for k, v in PRECISION_LEGEND.items()},
    }


def table_bytes(table: dict) -> bytes:
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def table_file_name(content: bytes) -> str:
    return f"data/events-{hashlib.sha256(content).hexdigest()[:20]}.json"


def mask_bits(mask: np.ndarray) -> str:
    """A boolean mask over table rows as base64 bits (bit i of byte i//8 = row i)."""
    return base64.b64encode(np.packbits(np.asarray(mask, dtype=bool), bitorder="little").tobytes()).decode("ascii")


def table_bounds(frame: pd.DataFrame) -> list[list[float]] | None:
    located = frame[frame["located"]]
    if located.empty:
        return None
    return [[float(located["latitude"].min()), float(located["longitude"].min())],
            [float(located["latitude"].max()), float(located["longitude"].max())]]


class EventLayerSetup(JSCSSMixin, MacroElement):
    """Loads our scripts and styles, and prepares the map (legend, background)."""

    _template = Template("""{% macro script(this, kwargs) %}
window.geoEventLayer.init({{ this._parent.get_name() }}, {{ this.options|tojson }});
{% endmacro %}""")

    def __init__(self, options: dict, js: list[tuple[str, str]], css: list[tuple[str, str]]):
        super().__init__()
        self._name = "EventLayerSetup"
        self.options = options
        self.default_js = js
        self.default_css = css


class EventLayer(MacroElement):
    """The markers of the current filter, drawn into its parent feature group."""

    _template = Template("""{% macro script(this, kwargs) %}
window.geoEventLayer.show({{ this._parent.get_name() }}, {{ this.spec|tojson }});
{% endmacro %}""")

    def __init__(self, spec: dict):
        super().__init__()
        self._name = "EventLayer"
        self.spec = spec


def build_map(table_url: str, bounds, tiles: Tiles, urls: dict[str, str]) -> folium.Map:
    """The map without markers; the same for every filter of the same data. Without
    tiles, the country outlines (``urls["world_outline.json"]``, if given) are drawn."""
    fmap = folium.Map(location=None, zoom_start=2, tiles=None, control_scale=True, world_copy_jump=True)
    # folium hands zoom limits to its tile layer only; clustering needs them on the map, tiles or not.
    fmap.options.update(minZoom=2, maxZoom=tiles.max_zoom)
    # Replace folium's CDN links (Leaflet, jQuery, Bootstrap, awesome-markers) by our copies.
    fmap.default_js = [("leaflet", urls["leaflet.js"]), ("jquery", urls["jquery.js"])]
    fmap.default_css = [("leaflet_css", urls["leaflet.css"])]
    if tiles.enabled:
        folium.TileLayer(tiles=tiles.url, attr=tiles.attribution, name="tiles", max_zoom=tiles.max_zoom,
                         control=False).add_to(fmap)
    outline = None if tiles.enabled else urls.get("world_outline.json")
    options = {"table": table_url, "bounds": bounds, "tiles": tiles.enabled, "outline": outline}
    js = [("markercluster", urls["markercluster.js"]), ("geo_event_layer", urls["event_layer.js"])]
    css = [(name, urls[name]) for name in ("markercluster.css", "markercluster-default.css", "fontawesome.css",
                                           "fontawesome-solid.css", "event_layer.css")]
    fmap.add_child(EventLayerSetup(options, js, css))
    return fmap


def build_layer(table_url: str, table_mask: np.ndarray, focus_id: int | None = None) -> folium.FeatureGroup:
    """The feature group for one filter: which table rows to show."""
    bits = mask_bits(table_mask)
    token = hashlib.sha1(f"{table_url}|{bits}|{focus_id}".encode()).hexdigest()[:12]
    group = folium.FeatureGroup(name="events", control=False)
    group.add_child(EventLayer({"table": table_url, "mask": bits, "shown": int(np.count_nonzero(table_mask)),
                                "token": token, "focus": focus_id}))
    return group
