"""Which background map tiles to use, from the environment.

``GEO_TILES``: ``osm`` (default, OpenStreetMap), ``none`` (no tiles: the map
keeps working on a plain background and the browser asks nobody for anything),
or a URL template such as ``https://tiles.example.org/{z}/{x}/{y}.png``, which
then needs ``GEO_TILES_ATTRIBUTION`` (tile providers require credit).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from geo.errors import InputError

OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


@dataclass(frozen=True)
class Tiles:
    url: str | None  # None: no tiles
    attribution: str = ""
    max_zoom: int = 19

    @property
    def enabled(self) -> bool:
        return self.url is not None


NO_TILES = Tiles(None)


def tiles_from_env(env: Mapping[str, str]) -> Tiles:
    """Raise InputError (with the fix in the message) for an unusable setting."""
    raw = (env.get("GEO_TILES") or "osm").strip()
    if raw.lower() == "osm":
        return Tiles(OSM_URL, OSM_ATTRIBUTION)
    if raw.lower() == "none":
        return NO_TILES
    if not raw.lower().startswith(("https://", "http://")):
        raise InputError(f"GEO_TILES must be 'osm', 'none' or an http(s) URL template, not {raw!r}")
    missing = [part for part in ("{z}", "{x}", "{y}") if part not in raw]
    if missing:
        raise InputError(f"GEO_TILES URL template lacks {', '.join(missing)}: {raw!r}")
    attribution = (env.get("GEO_TILES_ATTRIBUTION") or "").strip()
    if not attribution:
        raise InputError("GEO_TILES is a custom URL template: set GEO_TILES_ATTRIBUTION to credit the tile provider")
    return Tiles(raw, attribution)
