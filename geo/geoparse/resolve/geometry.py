"""Where candidate entries lie relative to each other: great-circle distance and how
well one entry fits inside (or near) a container entry."""
from __future__ import annotations

import math
from typing import Protocol

from geo.model import GazetteerEntry

EARTH_RADIUS_KM = 6371.0


class Point(Protocol):
    latitude: float
    longitude: float


def distance_km(a: Point, b: Point) -> float:
    """Great-circle kilometres between any two things with a latitude and a longitude."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def destination(latitude: float, longitude: float, kilometres: float, bearing_degrees: float) -> tuple[float, float]:
    """The point ``kilometres`` from (latitude, longitude) along the initial ``bearing_degrees``
    (0 north, 90 east) on a sphere: "80 km north-east of X"."""
    lat1, lon1, bearing = math.radians(latitude), math.radians(longitude), math.radians(bearing_degrees)
    angle = kilometres / EARTH_RADIUS_KM
    lat2 = math.asin(math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(bearing))
    lon2 = lon1 + math.atan2(math.sin(bearing) * math.sin(angle) * math.cos(lat1),
                             math.cos(angle) - math.sin(lat1) * math.sin(lat2))
    return round(math.degrees(lat2), 5), round((math.degrees(lon2) + 540) % 360 - 180, 5)


def container_fit(entry: GazetteerEntry, container: GazetteerEntry, relation: str | None) -> float:
    if container.kind == "country":
        return 3.0 if entry.country_code == container.country_code else -1.0
    if container.kind == "admin1":
        if entry.country_code == container.country_code and entry.admin1 == container.admin1:
            return 3.0
        return 0.5 if entry.country_code == container.country_code else -1.0
    if container.kind in ("continent", "region"):
        return 1.0 if distance_km(entry, container) < 2000 else 0.0
    reach = 60.0 if relation == "in" else 150.0
    kilometres = distance_km(entry, container)
    return 3.0 if kilometres < reach else 1.0 if kilometres < 3 * reach else -1.0


OUTSIDE_TOWN_KM = 180.0  # "X in <town>": farther than this from the town, X is not in it
# "Arsal, a town in the Bekaa valley": a region's older or looser extent than today's division (Arsal is
# now in Baalbek-Hermel); a town of the same country this close to the division's point may lie in it
NEAR_DIVISION_KM = 100.0


def lies_outside(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """The text says ``entry`` is in ``container``, and the gazetteer says it is not: another
    country, another first-level division, or far from the town it is said to be in."""
    if container.kind == "country":
        return entry.country_code != container.country_code
    if container.kind in ("admin1", "admin2"):  # a district lies in its province: another province is outside it
        return entry.country_code != container.country_code or (
            bool(entry.admin1) and bool(container.admin1) and entry.admin1 != container.admin1
            and not (container.kind == "admin1" and distance_km(entry, container) <= NEAR_DIVISION_KM))
    if container.kind == "populated_place":  # "the Gossi base in the Timbuktu region": in the town's province will do
        same_province = entry.country_code == container.country_code and bool(entry.admin1) and entry.admin1 == container.admin1
        return not same_province and distance_km(entry, container) > OUTSIDE_TOWN_KM
    return False
