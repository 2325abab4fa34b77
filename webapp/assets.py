"""Map JavaScript, CSS and fonts, served by the app itself.

The files come from XStatic packages installed by requirements.txt (nothing is
committed, nothing is downloaded). At start-up they are copied into the
git-ignored ``static/`` directory next to ``app.py``, which Streamlit serves at
``/app/static/`` (``enableStaticServing`` in ``.streamlit/config.toml``). The
browser then asks no third-party host for any of them.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.font_awesome as font_awesome
import xstatic.pkg.jquery as jquery
import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

REPO = Path(__file__).resolve().parent.parent
STATIC_DIR = REPO / "static"
OWN_ASSETS = Path(__file__).resolve().parent / "map_assets"
STATIC_ROUTE = "app/static"
FAVICON = Path(leaflet.BASE_DIR) / "images" / "marker-icon.png"


@dataclass(frozen=True)
class Asset:
    """One file to serve: where it comes from and where it goes under static/."""

    source: Path
    target: str  # path below static/


def _package_files(package, prefix: str, names: list[str]) -> list[Asset]:
    base = Path(package.BASE_DIR)
    version = package.VERSION
    return [Asset(base / name, f"vendor/{prefix}-{version}/{name}") for name in names]


def _leaflet_images() -> list[str]:
    return sorted(f"images/{p.name}" for p in (Path(leaflet.BASE_DIR) / "images").iterdir() if p.is_file())


def vendor_assets() -> dict[str, Asset]:
    """Every third-party file the map needs, keyed by a short name."""
    files = {
        "leaflet.js": _package_files(leaflet, "leaflet", ["leaflet.js"])[0],
        "leaflet.css": _package_files(leaflet, "leaflet", ["leaflet.css"])[0],
        "jquery.js": _package_files(jquery, "jquery", ["jquery.min.js"])[0],
        "markercluster.js": _package_files(markercluster, "markercluster", ["leaflet.markercluster.js"])[0],
        "markercluster.css": _package_files(markercluster, "markercluster", ["MarkerCluster.css"])[0],
        "markercluster-default.css": _package_files(markercluster, "markercluster", ["MarkerCluster.Default.css"])[0],
        "fontawesome.css": _package_files(font_awesome, "fontawesome", ["css/fontawesome.min.css"])[0],
        "fontawesome-solid.css": _package_files(font_awesome, "fontawesome", ["css/solid.min.css"])[0],
    }
    # Files only referenced from CSS (images, fonts): copied, never linked directly.
    extras = _package_files(leaflet, "leaflet", _leaflet_images()) + _package_files(
        font_awesome, "fontawesome", ["webfonts/fa-solid-900.woff2", "webfonts/fa-solid-900.ttf"])
    files.update({asset.target: asset for asset in extras})
    return files


def own_assets() -> dict[str, Asset]:
    """Our own browser code for the event layer (kept in webapp/map_assets/)."""
    return {p.name: Asset(p, f"geo/{p.name}") for p in sorted(OWN_ASSETS.iterdir()) if p.suffix in (".js", ".css")}


def all_assets() -> dict[str, Asset]:
    return {**vendor_assets(), **own_assets()}


def _write_atomically(target: Path, content: bytes) -> None:
    """Several app processes may start at once; a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def install(static_dir: Path = STATIC_DIR) -> dict[str, str]:
    """Copy every asset below ``static_dir`` (skipping unchanged files); returns
    name -> content hash, used to make URLs change when a file does."""
    versions = {}
    for name, asset in all_assets().items():
        content = asset.source.read_bytes()
        target = static_dir / asset.target
        if not (target.is_file() and target.read_bytes() == content):
            _write_atomically(target, content)
        versions[name] = hashlib.sha256(content).hexdigest()[:12]
    return versions


def write_static_file(relative: str, content: bytes, static_dir: Path = STATIC_DIR) -> None:
    """Put a generated file (e.g. the event table of one data version) below static/."""
    target = static_dir / relative
    if not target.is_file():
        _write_atomically(target, content)


def static_url(relative: str, base_url_path: str = "", version: str = "") -> str:
    """Absolute path of a file under static/, e.g. ``/app/static/geo/x.js?v=1a2b``."""
    base = "/".join(part for part in (base_url_path.strip("/"), STATIC_ROUTE, relative) if part)
    return f"/{base}" + (f"?v={version}" if version else "")


def asset_urls(versions: dict[str, str], base_url_path: str = "") -> dict[str, str]:
    """name -> URL for every linked asset."""
    assets = all_assets()
    return {name: static_url(assets[name].target, base_url_path, versions.get(name, ""))
            for name in assets if "/" not in name}
