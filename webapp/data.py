"""The app's access to the store and its static files, cached per process.

The store is opened once (``GEO_DB``, see ``webapp.store_access``) and the seed
articles are loaded into it on first start. Events are read once per data
version: article, event and correction counts, re-checked every run, plus a
generation bumped by ``store_access.changed()`` after every write from a page;
the cache also expires after a few minutes, for writes by other processes. The
located events are also written once per version as the browser's JSON table
under ``static/data/``.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from geo.errors import GeoError
from webapp import assets, world_outline
from webapp.frame import Span, data_span, events_frame
from webapp.map_layer import browser_table, located_positions, table_bounds, table_bytes, table_file_name
from webapp.store_access import changed, get_store
from webapp.tiles import NO_TILES, Tiles, tiles_from_env

RELOAD_AFTER_S = 300
KEEP_TABLES_S = 24 * 3600


@dataclass(frozen=True)
class EventData:
    """Every stored event (corrections applied, rejected ones left out)."""

    rows: tuple[dict, ...]  # store dicts, for exports
    frame: pd.DataFrame  # one row per event, same order
    span: Span | None
    table_url: str  # the browser's JSON table of located events
    table_rows: np.ndarray  # frame positions of the table's rows
    bounds: list[list[float]] | None

    @property
    def located(self) -> np.ndarray:
        return self.frame["located"].to_numpy()


OUTLINE_ASSET = "world_outline.json"


@st.cache_resource(show_spinner=False)
def served_assets() -> dict[str, str]:
    """Copy the map's JS/CSS/fonts into static/ and build the country outlines
    (once per process); name -> URL (the outlines under ``OUTLINE_ASSET``)."""
    base_url_path = st.get_option("server.baseUrlPath") or ""
    urls = assets.asset_urls(assets.install(), base_url_path)
    urls[OUTLINE_ASSET] = assets.static_url(world_outline.install_outline(assets.STATIC_DIR), base_url_path)
    return urls


def store():
    """The process's one store (opened, migrated and seeded once)."""
    return get_store()


@st.cache_data(show_spinner=False)
def _write_generation() -> float:
    """Changes whenever a page reports a write (``store_access.changed()`` clears
    st.cache_data), which makes ``load()`` read the events again."""
    return time.monotonic()


def _prune_tables(directory) -> None:
    """Tables of older data versions; kept a day so open pages keep working."""
    if not directory.is_dir():
        return
    cutoff = time.time() - KEEP_TABLES_S
    for old in directory.glob("events-*.json"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass  # another app process removed it first


@st.cache_resource(max_entries=2, ttl=RELOAD_AFTER_S, show_spinner="Loading events…")
def _load(version: tuple) -> EventData:
    rows = tuple(store().list_events())
    frame = events_frame(list(rows))
    content = table_bytes(browser_table(frame))
    name = table_file_name(content)
    _prune_tables(assets.STATIC_DIR / "data")
    assets.write_static_file(name, content)
    url = assets.static_url(name, st.get_option("server.baseUrlPath") or "")
    return EventData(rows, frame, data_span(frame), url, located_positions(frame), table_bounds(frame))


def load() -> EventData:
    """Raises GeoError when the store cannot be read."""
    return _load((tuple(sorted(store().counts().items())), _write_generation()))


def load_or_stop() -> EventData:
    """``load()`` for a page: when the store cannot be read, say why and end the page run."""
    try:
        return load()
    except GeoError as exc:
        st.error(f"The event store could not be read: {exc}")
        st.stop()


def invalidate() -> None:
    """Call after writing to the store, so every page shows the change at once."""
    changed()


def tiles() -> tuple[Tiles, str | None]:
    """Tile settings, and a message when GEO_TILES is unusable (then no tiles)."""
    try:
        return tiles_from_env(os.environ), None
    except GeoError as exc:
        return NO_TILES, str(exc)
