"""Small Folium maps for the Sources preview and the Review page.

Leaflet comes from the app's own static files (``urls``: name -> URL, from
``webapp.data.served_assets()``) and tiles from ``GEO_TILES`` (``webapp.data.tiles()``),
as on the main map, so these maps ask no third-party host for anything either.
Labels are article text: escaped.
"""
from __future__ import annotations

import html

import folium

from webapp.tiles import Tiles

CATEGORY_COLOURS = {"attack": "#c0392b", "handover": "#2471a3", "other": "#7d6608"}
CHOSEN_COLOUR = "#117a65"


def base_map(urls: dict[str, str], tiles: Tiles, center: tuple[float, float] = (30.0, 40.0),
             zoom: int = 4) -> folium.Map:
    fmap = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                      world_copy_jump=True, max_zoom=tiles.max_zoom)
    fmap.default_js = [("leaflet", urls["leaflet.js"]), ("jquery", urls["jquery.js"])]
    fmap.default_css = [("leaflet_css", urls["leaflet.css"])]
    if tiles.enabled:
        folium.TileLayer(tiles.url, attr=tiles.attribution, max_zoom=tiles.max_zoom, control=False).add_to(fmap)
    return fmap


def _dot(fmap: folium.Map, latitude: float, longitude: float, label: str, colour: str, radius: int = 7) -> None:
    folium.CircleMarker([latitude, longitude], radius=radius, color=colour, fill=True, fill_color=colour,
                        fill_opacity=0.8, weight=2, tooltip=html.escape(label)).add_to(fmap)


def events_map(events: list[dict], urls: dict[str, str], tiles: Tiles) -> folium.Map:
    """One dot per located event, coloured by category, framed to fit them."""
    located = [e for e in events if e.get("latitude") is not None]
    fmap = base_map(urls, tiles)
    for event in located:
        label = f"{event.get('category')}: {event.get('location') or ''} ({event.get('date_start') or 'undated'})"
        _dot(fmap, event["latitude"], event["longitude"], label, CATEGORY_COLOURS.get(event.get("category"), "#555"))
    _fit(fmap, [(e["latitude"], e["longitude"]) for e in located])
    return fmap


def site_map(event: dict, urls: dict[str, str], tiles: Tiles,
             chosen: tuple[float, float] | None = None) -> folium.Map:
    """The event's site, its other gazetteer candidates (hollow), and a point the
    user clicked or typed (green). Clicking the map picks coordinates."""
    fmap = base_map(urls, tiles)
    points = []
    for candidate in event.get("candidates") or []:
        folium.CircleMarker([candidate["latitude"], candidate["longitude"]], radius=6, color="#555", weight=2,
                            fill=False, tooltip=html.escape(f"candidate: {candidate['name']}")).add_to(fmap)
        points.append((candidate["latitude"], candidate["longitude"]))
    if event.get("latitude") is not None:
        _dot(fmap, event["latitude"], event["longitude"], f"now: {event.get('location') or 'site'}",
             CATEGORY_COLOURS.get(event.get("category"), "#555"), radius=9)
        points.append((event["latitude"], event["longitude"]))
    if chosen is not None and chosen != (event.get("latitude"), event.get("longitude")):
        _dot(fmap, chosen[0], chosen[1], f"new: {chosen[0]}, {chosen[1]}", CHOSEN_COLOUR, radius=9)
        points.append(chosen)
    _fit(fmap, points)
    return fmap


def _fit(fmap: folium.Map, points: list[tuple[float, float]]) -> None:
    if len(points) == 1:
        fmap.location = list(points[0])
        fmap.options["zoom"] = 8
    elif points:
        south, north = min(p[0] for p in points), max(p[0] for p in points)
        west, east = min(p[1] for p in points), max(p[1] for p in points)
        fmap.fit_bounds([[south, west], [north, east]], padding=(30, 30), max_zoom=9)
