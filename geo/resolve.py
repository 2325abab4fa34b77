"""Choose, for each recognized toponym, the gazetteer entry the text means.

Each candidate gets a score, the sum of:

* a prior by kind and population (countries and continents first, then
  divisions, then towns by population; installations and airfields low unless
  the text asks for them);
* spelling: the exact spelling (before transliteration folding) and the
  entry's primary name count more than a loose or alternate-name match;
* document context: countries and first-level divisions named in the text,
  and the countries of the other places resolved in a first pass;
* patterns: "X in Y", "X near Y", "X, Y province" place X inside or near Y;
  "Y province" asks for a division; a container Y is no base;
* feature type: "the X air base", "Camp X" or a sentence about bases prefer
  installations and airfields;
* coherence: being close to the other places of the text.

Scores become a confidence by a softmax over candidates. ACLED geo_precision is
3 for countries, divisions, continents and regions, else 1; a place known only
as "near Y" keeps Y's entry with precision 2 (see ``Geoparser``).
"""
from __future__ import annotations

import math
from collections import Counter
from typing import NamedTuple

from geo.gazetteer import Gazetteer, Match
from geo.lexicon import words
from geo.model import GazetteerEntry, PlaceMention
from geo.normalize import loosen, name_key, tokens
from geo.recognize import Toponym

REGION_KINDS = ("country", "admin1", "continent", "region")
SITE_KINDS = ("installation", "airport")
KIND_PRIOR = {"country": 6.0, "continent": 6.0, "region": 4.5, "admin1": 2.2, "admin2": 1.5, "installation": 1.0, "airport": 0.3}
MAX_RUNNERS_UP = 5
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
    skippable = words("qualifiers") | {"the"}
    found = {}
    for index in range(len(toponyms) - 1):
        between = text[toponyms[index].end:toponyms[index + 1].start].lower().strip()
        if between == ",":
            found[index] = Relation(index + 1, "comma")
            continue
        kept = " ".join(word for word in between.replace(",", " ").split() if word not in skippable)
        if kept in words("near_words"):
            found[index] = Relation(index + 1, "near")
        elif kept in words("in_words"):
            found[index] = Relation(index + 1, "in")
    return found


def followed_by_container_word(text: str, toponym: Toponym) -> bool:
    after = tokens(text[toponym.end:toponym.end + 20])
    return bool(after) and after[0] in words("container_words")


class Context(NamedTuple):
    countries: Counter  # country code -> weight
    divisions: frozenset  # (country code, admin1 name)
    anchors: dict  # 1-degree cell -> ids of entries resolved there with confidence, for coherence


EMPTY_CONTEXT = Context(Counter(), frozenset(), {})


def cell(entry: GazetteerEntry) -> tuple[int, int]:
    return math.floor(entry.latitude), math.floor(entry.longitude)


def near_anchor(entry: GazetteerEntry, anchors: dict) -> bool:
    """Another confidently resolved place lies in the same or a neighbouring 1-degree cell (about 100-200 km)."""
    row, column = cell(entry)
    for d_row in (-1, 0, 1):
        for d_column in (-1, 0, 1):
            ids = anchors.get((row + d_row, column + d_column))
            if ids and (len(ids) > 1 or entry.id not in ids):
                return True
    return False


def prior(match: Match, key: str) -> float:
    entry = match.entry
    score = KIND_PRIOR.get(entry.kind, math.log10(entry.population + 10) / 2.0)
    if match.exact:
        score += 0.6
    primary = name_key(entry.name)
    if primary == key or loosen(primary) == loosen(key):
        score += 0.5
    return score


def score(match: Match, key: str, toponym: Toponym, context: Context, container: GazetteerEntry | None,
          relation: str | None, is_container: bool, wants_division: bool) -> float:
    entry = match.entry
    total = prior(match, key)
    if entry.country_code and context.countries:
        total += 2.5 * min(1.0, context.countries[entry.country_code] / max(context.countries.values()))
    if entry.admin1 and (entry.country_code, entry.admin1) in context.divisions:
        total += 1.0
    if wants_division and entry.kind == "admin1":
        total += 4.0
    if entry.kind in SITE_KINDS:
        if is_container:
            total -= 3.0
        elif toponym.feature_cue == 2:
            total += 5.0
        elif toponym.feature_cue == 1 and match.exact:
            total += 2.0
    if container is not None and container.id != entry.id:
        total += _container_fit(entry, container, relation)
    if context.anchors and near_anchor(entry, context.anchors):
        total += 1.0
    return total


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


def geo_precision(entry: GazetteerEntry) -> int:
    if entry.kind in REGION_KINDS:
        return 3
    return 2 if entry.kind == "admin2" else 1


class Resolution(NamedTuple):
    entry: GazetteerEntry
    confidence: float
    candidates: tuple[GazetteerEntry, ...]
    plausible: bool  # False for a weak alternate-name match far from the text's countries


class Resolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def resolve(self, text: str, toponyms: list[Toponym], extra_context: Context = EMPTY_CONTEXT) -> list[Resolution | None]:
        matches = [self.gazetteer.matches(t.text) for t in toponyms]
        keys = [name_key(t.text) for t in toponyms]
        links = relations(text, toponyms)
        containers = {relation.container for relation in links.values()}
        wants = [followed_by_container_word(text, t) for t in toponyms]
        context = merge(explicit_context(matches), extra_context)
        results: list[Resolution | None] = [None] * len(toponyms)
        for _ in range(2):
            results = [
                self._choose(matches[i], keys[i], toponyms[i], context, results, links.get(i), i in containers, wants[i])
                for i in range(len(toponyms))
            ]
            context = merge(context_from(results), extra_context)
        return [
            result._replace(plausible=self._plausible(result, keys[i], context)) if result else None
            for i, result in enumerate(results)
        ]

    def _choose(self, matches: list[Match], key: str, toponym: Toponym, context: Context, previous: list,
                relation: Relation | None, is_container: bool, wants_division: bool) -> Resolution | None:
        if not matches:
            return None
        container = None
        if relation is not None and previous[relation.container] is not None:
            container = previous[relation.container].entry
        scored = sorted(
            ((score(m, key, toponym, context, container, relation and relation.kind, is_container, wants_division), m)
             for m in matches),
            key=lambda pair: -pair[0],
        )
        best_score = scored[0][0]
        weights = [math.exp(s - best_score) for s, _ in scored]
        confidence = 1.0 / sum(weights)
        if not scored[0][1].exact:
            confidence *= 0.8
        runners_up = tuple(m.entry for _, m in scored[1:1 + MAX_RUNNERS_UP])
        return Resolution(scored[0][1].entry, confidence, runners_up, True)

    @staticmethod
    def _plausible(result: Resolution, key: str, context: Context) -> bool:
        entry = result.entry
        if entry.kind != "populated_place" or entry.population >= 1_000_000:
            return True
        if loosen(name_key(entry.name)) == loosen(key):
            return True
        support = context.countries[entry.country_code] - result.confidence  # the mention's own vote does not count
        return support > 0.05


def explicit_context(all_matches: list[list[Match]]) -> Context:
    """Countries and divisions the text names outright (exact matches only)."""
    countries: Counter = Counter()
    divisions = set()
    for matches in all_matches:
        if matches and matches[0].exact and matches[0].entry.kind in ("country", "admin1"):
            entry = matches[0].entry
            countries[entry.country_code] += 1.0
            if entry.kind == "admin1":
                divisions.add((entry.country_code, entry.admin1))
    return Context(countries, frozenset(divisions), {})


def context_from(results: list[Resolution | None]) -> Context:
    countries: Counter = Counter()
    divisions = set()
    anchors: dict = {}
    for result in results:
        if result is None:
            continue
        entry = result.entry
        if entry.country_code:
            countries[entry.country_code] += result.confidence
        if entry.kind == "admin1":
            divisions.add((entry.country_code, entry.admin1))
        if result.confidence >= 0.6 and entry.kind not in ("country", "continent", "region"):
            anchors.setdefault(cell(entry), set()).add(entry.id)
    return Context(countries, frozenset(divisions), anchors)


def merge(first: Context, second: Context) -> Context:
    anchors = {key: set(ids) for key, ids in first.anchors.items()}
    for key, ids in second.anchors.items():
        anchors.setdefault(key, set()).update(ids)
    return Context(first.countries + second.countries, first.divisions | second.divisions, anchors)


def to_mention(toponym: Toponym, resolution: Resolution | None) -> PlaceMention:
    if resolution is None:
        return PlaceMention(text=toponym.text, start=toponym.start, end=toponym.end)
    return PlaceMention(
        text=toponym.text, start=toponym.start, end=toponym.end, entry=resolution.entry,
        geo_precision=geo_precision(resolution.entry), confidence=resolution.confidence,
        candidates=resolution.candidates,
    )
