"""What the words around a toponym say: "X in Y", "X near Y", "X, Y" relations, a
container word after it ("X province"), its use as an actor's modifier ("US troops"),
and how well a candidate fits inside a container candidate."""
from __future__ import annotations

import math
import re
from typing import NamedTuple

from geo.gazetteer.lexicon import words
from geo.gazetteer.normalize import tokens
from geo.geoparse.recognize import Toponym
from geo.model import GazetteerEntry

EARTH_RADIUS_KM = 6371.0


class Relation(NamedTuple):
    container: int  # index of the toponym that contains or is near this one
    kind: str  # "in" | "near" | "comma"


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def relations(text: str, toponyms: list[Toponym]) -> dict[int, Relation]:
    """"X in Y", "X near Y", "X, Y": toponym index -> its container's index."""
    if len(toponyms) < 2:
        return {}
    skippable = words("qualifiers") | {"the"}
    found = {}
    for index in range(len(toponyms) - 1):
        between = text[toponyms[index].end:toponyms[index + 1].start].lower().strip()
        if between == ",":
            found[index] = Relation(index + 1, "comma")
            continue
        kept = " ".join(word for word in between.replace(",", " ").split() if word not in skippable)
        if between.removeprefix("the ") in words("near_words") or kept in words("near_words"):
            found[index] = Relation(index + 1, "near")
        elif kept in words("in_words"):
            found[index] = Relation(index + 1, "in")
    return found


def followed_by_container_word(text: str, toponym: Toponym) -> bool:
    if toponym.end >= len(text):
        return False
    after = tokens(text[toponym.end:toponym.end + 20])
    return bool(after) and after[0] in words("container_words")


def used_as_modifier(text: str, toponym: Toponym) -> bool:
    """The name qualifies a noun ("US troops", "Iran-backed militias") rather than places something."""
    after = text[toponym.end:toponym.end + 30]
    if not after:
        return False
    if after[:1] in ("-", "–") and after[1:2].islower():
        return True
    following = re.match(r" ([a-z]+)", after)
    return bool(following) and following.group(1) in words("actor_nouns")


def _container_fit(entry: GazetteerEntry, container: GazetteerEntry, relation: str | None) -> float:
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
