""""Port Sudan's airport", "Kabul's main airport": a town's airport named through the town.

The gazetteer knows "<town> airport" for each airport that serves a town (``geo.gazetteer.sources``),
so the possessive form is looked up that way; the mention then spans the words "Port Sudan's
airport" and is the airport, not the town. Pure, given the lookup function passed in.
"""
from __future__ import annotations

import re
from typing import Callable

from geo.model import PlaceMention

_AIRPORT_AFTER = re.compile(r"['’]s\s+(?:main\s+|international\s+|civilian\s+|only\s+)?airport\b", re.IGNORECASE)


def with_city_airports(text: str, places: list[PlaceMention],
                       lookup: Callable[[str, str], PlaceMention | None]) -> list[PlaceMention]:
    """The mentions, each "<town>'s airport" replaced by the airport the gazetteer has for the town."""
    result = []
    for mention in places:
        after = _AIRPORT_AFTER.match(text, mention.end)
        entry = mention.entry
        if after is not None and entry is not None and entry.kind == "populated_place":
            airport = lookup(f"{mention.text} airport", entry.country)  # the town's country is context enough
            if airport is not None and airport.entry is not None and airport.entry.kind == "airport" \
                    and airport.entry.country_code == entry.country_code:
                mention = PlaceMention(text=text[mention.start:after.end()], start=mention.start, end=after.end(),
                                       entry=airport.entry, geo_precision=airport.geo_precision,
                                       confidence=airport.confidence, candidates=airport.candidates)
        result.append(mention)
    return result
