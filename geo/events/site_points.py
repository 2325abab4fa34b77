"""Where a site lies once the words around it are read: near it ("a village near X", geo_precision
2), or the point a distance and bearing give ("30 km south of Kirkuk", "66 nautical miles south-west of
the port of Hodeidah"); and the Event fields a site fills. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re
from dataclasses import replace

from geo.events.sites import _BETWEEN_FIRST, _DIRECTION, _RELATIVE_TO, Site
from geo.geoparse.resolve import destination


def widen_precision(site: Site, near: bool, text: str = "") -> Site:
    """ "a village near X", "outside X", "an area south-west of X", "between X and Y": near the place,
    geo_precision 2. "A village 80 km north-east of X": the point that far along that bearing."""
    projected = _projected(site, text)
    if projected is not None:
        return projected
    if (site.precision or 1) >= 2 or not (near or _RELATIVE_TO.search(text, max(0, site.start - 40), site.start)
                                          or _BETWEEN_FIRST.search(text, max(0, site.start - 40), site.start)):
        return site
    return replace(site, precision=2)


_BEARING_TO = re.compile(rf"(?P<n>\d[\d.,]*)\s*(?P<unit>km|kms|kilometres?|kilometers?|nautical\s+miles?|miles?|mi|nm)\b"
                         rf"\s*(?:\([^)]*\)\s*)?(?P<road>by\s+road\s+)?\(?(?P<dir>{_DIRECTION})\)?\s+of\s+(?:the\s+)?"
                         r"(?:(?:[\w-]+\s+)?(?:town|city|village|capital|port|harbou?r)(?:\s+of)?,?\s+)?$", re.IGNORECASE)
_UNIT_KM = {"n": 1.852, "m": 1.609}  # nautical miles, miles (by the unit's first letter); else km
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
             "northwest": 315}
MIN_PROJECTED_KM, MAX_PROJECTED_KM, ROAD_FACTOR = 5.0, 400.0, 0.8


def _projected(site: Site, text: str) -> Site | None:
    """The site moved from the landmark it is measured from ("30 km south of Kirkuk") to the point
    the distance and bearing give, geo_precision 2: closer to the unnamed village or post than the
    landmark itself."""
    entry = site.mention.entry
    found = _BEARING_TO.search(text, max(0, site.start - 80), site.start) if text and entry is not None else None
    if found is None or entry.kind not in ("populated_place", "airport", "installation", "admin2"):
        return None
    try:
        kilometres = float(found["n"].replace(",", "")) * _UNIT_KM.get(found["unit"].lower()[0], 1.0)
    except ValueError:
        return None
    kilometres *= ROAD_FACTOR if found["road"] else 1.0
    if not MIN_PROJECTED_KM <= kilometres <= MAX_PROJECTED_KM:
        return None
    bearing = _BEARINGS[found["dir"].lower().replace("-", "").removesuffix("ern")]
    latitude, longitude = destination(entry.latitude, entry.longitude, kilometres, bearing)
    moved = replace(entry, latitude=latitude, longitude=longitude,
                    name=f"{text[found.start():found.end('dir')]} of {entry.name}")
    return replace(site, mention=replace(site.mention, entry=moved), precision=2)


def site_fields(site: Site | None) -> dict:
    """The Event fields of the site; none (the Event's defaults) for an unlocated event."""
    if site is None:
        return {}
    fields = {"location": site.text, "place_text": site.text, "place_start": site.start, "place_end": site.end,
              "place_confidence": round(site.mention.confidence, 3), "candidates": tuple(site.mention.candidates)}
    entry = site.mention.entry
    if entry is not None:
        fields.update(location=entry.name, latitude=entry.latitude, longitude=entry.longitude,
                      geo_precision=site.precision, country=entry.country, admin1=entry.admin1,
                      location_kind=entry.kind)
    return fields
