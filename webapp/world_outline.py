"""A light world map for when there are no tiles: country outlines.

The outlines come from the ``countryinfo`` package (pinned in requirements.txt,
one GeoJSON outline per country). They are simplified once (Douglas-Peucker),
written as one GeoJSON file under the git-ignored ``static/`` named after the
package version, and served by the app itself; ``map_assets/event_layer.js``
draws them beneath the events. Nothing is downloaded.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

PACKAGE = "countryinfo"
# A pixel is 0.35 degrees wide at zoom 2 and 0.005 at zoom 8; the source outlines are
# already coarse (about 0.1 degree between points), so this only drops what no one can see.
TOLERANCE_DEG = 0.02
DIGITS = 3  # about 100 m


def _distance_sq(point, start, end) -> float:
    """Squared distance from ``point`` to the segment start-end (plane lon/lat)."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length_sq = dx * dx + dy * dy
    if length_sq == 0.0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_sq))
    return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2


def simplify_line(points: list, tolerance: float) -> list:
    """Douglas-Peucker: the fewest points that stay within ``tolerance`` of the line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    pending = [(0, len(points) - 1)]
    while pending:
        first, last = pending.pop()
        farthest, worst = -1, limit
        for index in range(first + 1, last):
            distance = _distance_sq(points[index], points[first], points[last])
            if distance > worst:
                farthest, worst = index, distance
        if farthest >= 0:
            keep[farthest] = True
            pending += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def simplify_ring(ring: list, tolerance: float, digits: int = DIGITS) -> list | None:
    """A closed ring, simplified and rounded; None when too little of it is left."""
    points = [(round(float(p[0]), digits), round(float(p[1]), digits)) for p in ring if len(p) >= 2]
    if len(points) < 4:
        return None
    if points[0] != points[-1]:
        points.append(points[0])
    # split in two halves so the (equal) first and last point do not make the line degenerate
    middle = len(points) // 2
    simplified = simplify_line(points[:middle + 1], tolerance)[:-1] + simplify_line(points[middle:], tolerance)
    deduplicated = [p for i, p in enumerate(simplified) if i == 0 or p != simplified[i - 1]]
    return [list(p) for p in deduplicated] if len(deduplicated) >= 4 else None


def _polygons(geometry: dict) -> list:
    coordinates = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return [coordinates]
    return coordinates if geometry.get("type") == "MultiPolygon" else []


def simplify_geometry(geometry: dict, tolerance: float, digits: int = DIGITS) -> dict | None:
    """A (Multi)Polygon as a MultiPolygon without the parts that vanish."""
    polygons = []
    for polygon in _polygons(geometry):
        rings = [simplify_ring(ring, tolerance, digits) for ring in polygon or []]
        if rings and rings[0] is not None:
            polygons.append([rings[0]] + [ring for ring in rings[1:] if ring is not None])
    return {"type": "MultiPolygon", "coordinates": polygons} if polygons else None


def outline_features(countries: Iterable[dict], tolerance: float = TOLERANCE_DEG, digits: int = DIGITS) -> list[dict]:
    """One feature (property ``name`` only) per country outline, each country once."""
    features, seen = [], set()
    for details in countries:
        for feature in ((details.get("geoJSON") or {}).get("features") or []):
            name = str((feature.get("properties") or {}).get("name") or details.get("name") or "")
            key = feature.get("id") or name
            geometry = simplify_geometry(feature.get("geometry") or {}, tolerance, digits)
            if geometry is None or key in seen:
                continue
            seen.add(key)
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": geometry})
    return sorted(features, key=lambda feature: feature["properties"]["name"])


def read_countries(folder: Path) -> Iterator[dict]:
    """The package's per-country files; an unreadable one is skipped (it only lacks a shape)."""
    for path in sorted(folder.glob("*.json")):
        try:
            yield json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue


def outline_bytes(features: list[dict]) -> bytes:
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def outline_file_name(version: str, tolerance: float = TOLERANCE_DEG) -> str:
    """Below static/; a new package version (or tolerance) makes a new file."""
    return f"data/world-outline-{PACKAGE}-{version}-t{tolerance:g}.json"


def install_outline(static_dir: Path) -> str:
    """Build the outline file unless it exists; returns its path below ``static_dir``."""
    from webapp.assets import write_static_file

    name = outline_file_name(metadata.version(PACKAGE))
    if not (static_dir / name).is_file():
        folder = Path(str(resources.files(PACKAGE) / "data"))
        write_static_file(name, outline_bytes(outline_features(read_countries(folder))), static_dir)
    return name
