"""Helpers for the dashboard's browser tests and its benchmark: open a page,
wait until the event layer is drawn, read the count and the map's state.

The event layer marks the Leaflet container with data-geo-state ("ready" once
the markers of the current filter are drawn), data-geo-token (which filter)
and data-geo-shown (how many events).
"""
from __future__ import annotations

import re

from tests.harness import wait_for_app_ready

MAP_FRAME = "iframe[title*='streamlit_folium']"
COUNT = re.compile(r"(\d+) of (\d+) events shown")


def map_frame(page):
    return page.frame_locator(MAP_FRAME).first


def map_container(page):
    return map_frame(page).locator(".leaflet-container").first


def wait_for_map(page, previous_token: str | None = None, timeout_ms: int = 60_000) -> dict:
    """Wait until the layer is drawn (for a filter other than ``previous_token``)."""
    selector = ".leaflet-container[data-geo-state='ready']"
    if previous_token:
        selector += f":not([data-geo-token='{previous_token}'])"
    map_frame(page).locator(selector).first.wait_for(state="attached", timeout=timeout_ms)
    return map_state(page)


def map_state(page) -> dict:
    box = map_container(page)
    return {"state": box.get_attribute("data-geo-state"), "token": box.get_attribute("data-geo-token"),
            "shown": int(box.get_attribute("data-geo-shown") or -1)}


def open_page(page, url: str, wait_map: bool = True) -> dict | None:
    page.goto(url)
    wait_for_app_ready(page)
    return wait_for_map(page) if wait_map else None


def shown_counts(page, timeout_ms: int = 30_000) -> tuple[int, int]:
    """(N, M) from the "N of M events shown" line."""
    locator = page.get_by_text(COUNT).first
    locator.wait_for(timeout=timeout_ms)
    match = COUNT.search(locator.inner_text())
    return int(match.group(1)), int(match.group(2))


def wait_for_count(page, shown: int, timeout_ms: int = 30_000) -> None:
    page.get_by_text(re.compile(rf"^{shown} of \d+ events shown")).first.wait_for(timeout=timeout_ms)


def marker_icons(page):
    """Markers and clusters currently drawn on the map."""
    return map_frame(page).locator(".leaflet-marker-icon")
