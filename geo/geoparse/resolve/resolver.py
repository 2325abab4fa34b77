"""The one entry point of resolution: ``Resolver`` reads what the text says around each
toponym (``cues``), scores every candidate against the document context (``scoring``,
``context``) twice, the second pass with the first pass's resolutions as context, and
turns scores into a confidence by a softmax over candidates.

ACLED geo_precision is 3 for countries, divisions, continents and regions, 2 for a
small area or a curated site whose point is approximate, else 1.
"""
from __future__ import annotations

import math
from typing import NamedTuple

from geo.gazetteer import Gazetteer
from geo.gazetteer.normalize import loosen, name_key
from geo.geoparse.recognize import Toponym
from geo.geoparse.resolve.context import Context, Vote, explicit_vote, resolved_vote
from geo.geoparse.resolve.geometry import lies_outside
from geo.geoparse.resolve.cues import acronym, followed_by_container_word, qualifier, relations, used_as_modifier
from geo.geoparse.resolve.scoring import (
    AREA_KINDS,
    CONFIDENCE_RIVALS,
    LONE,
    MAX_RUNNERS_UP,
    REGION_KINDS,
    Mention,
    Reading,
    reading_key,
    readings,
    score,
    seat_of_namesake,
    traits,
    weakened,
)
from geo.model import GazetteerEntry, PlaceMention


def geo_precision(entry: GazetteerEntry) -> int:
    """ACLED: 3 for a region, 2 for a small area or a site known only by the place it is in
    (a curated row whose position is approximate), 1 for the exact place."""
    if entry.kind in REGION_KINDS:
        return 3
    return 2 if entry.kind == "admin2" or entry.approximate else 1


WORLD_CITY_POPULATION = 1_000_000
LONE_TOWN = 20_000  # below this, a town in a country the text never names is doubtful
FOREIGN_CONTEXT = 3.0  # how firmly the text must point to other countries


class Resolution(NamedTuple):
    entry: GazetteerEntry
    confidence: float
    candidates: tuple[GazetteerEntry, ...]
    plausible: bool  # False for a weak alternate-name match far from the text's countries


class Resolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def resolve(self, text: str, toponyms: list[Toponym], outside: tuple[Vote, ...] = ()) -> list[Resolution | None]:
        return self.resolve_mentions(self.mentions(text, toponyms), outside)

    def resolve_mentions(self, mentions: list[Mention], outside: tuple[Vote, ...] = ()) -> list[Resolution | None]:
        if len(mentions) == 1 and not outside:  # a lone name: its own vote never counts, so no context at all
            results = [self._choose(mentions[0], readings(mentions[0], mentions), LONE, [None])]
            return [Resolution(r.entry, r.confidence, r.candidates, self._plausible(r, mentions[0], LONE)) if r else None
                    for r in results]
        # "Maan province" and "the city of Maan" are two voices: the division the first names holds the town
        groups = [loosen(m.key) + ("#division" if m.wants_division else "") for m in mentions]
        context = Context([weakened(explicit_vote(m.matches), m.modifier) for m in mentions], outside, groups)
        keys = [reading_key(m, mentions) for m in mentions]
        candidates: dict[tuple, tuple[Reading, ...]] = {}  # what the context never changes, for both passes
        for key, mention in zip(keys, mentions):
            if key not in candidates:
                candidates[key] = readings(mention, mentions)
        results: list[Resolution | None] = [None] * len(mentions)
        for _ in range(2):
            results = self._choose_all(mentions, keys, candidates, context, results)
            votes = [weakened(resolved_vote(r and r.entry, r.confidence if r else 0.0), m.modifier) for r, m in zip(results, mentions)]
            context = Context(votes, outside, groups)
        results = _as_the_text_placed_it(mentions, results)
        return [
            Resolution(result.entry, result.confidence, result.candidates,
                       self._plausible(result, mentions[i], context) and not _outside_container(result, mentions[i], results))
            if result else None
            for i, result in enumerate(results)
        ]

    def mentions(self, text: str, toponyms: list[Toponym]) -> list[Mention]:
        matches = [self.gazetteer.matches(t.text) for t in toponyms]
        links = {
            inner: relation for inner, relation in relations(text, toponyms).items()
            if relation.kind != "comma" or any(m.entry.kind in AREA_KINDS for m in matches[relation.container])
        }  # "Aleppo, Homs" is a list; "Amman, Jordan" and "Tikrit, Salah ad Din province" place X in Y
        contained: dict[int, list[int]] = {}
        for inner, relation in links.items():
            contained.setdefault(relation.container, []).append(inner)
        capitals = self.gazetteer.national_capitals
        found = []
        for i, t in enumerate(toponyms):
            exact_kinds, has_primary, major = traits(matches[i], capitals)
            qualified, compass = qualifier(text, t)
            country = self.gazetteer.entry(f"country:{qualified}") if compass else None
            found.append(Mention(
                i, t, name_key(t.text), matches[i], links.get(i), tuple(contained.get(i, ())),
                followed_by_container_word(text, t), capitals, exact_kinds, has_primary,
                used_as_modifier(text, t), acronym(t.text, matches[i]), major, qualified,
                compass, (country.latitude, country.longitude) if country else None,
            ))
        return found

    def _choose_all(self, mentions: list[Mention], keys: list[tuple], candidates: dict[tuple, tuple[Reading, ...]],
                    context: Context, previous: list) -> list[Resolution | None]:
        """One pass: each mention's choice, made once for the mentions of a name that the text puts alike
        (same reading key, same reading of their container)."""
        chosen: dict[tuple, Resolution | None] = {}
        results = []
        for key, mention in zip(keys, mentions):
            relation = mention.relation
            container = previous[relation.container] if relation is not None else None
            choice = (key, relation.kind, container.entry.id) if container is not None else (key, None, None)
            if choice not in chosen:
                chosen[choice] = self._choose(mention, candidates[key], context, previous)
            results.append(chosen[choice])
        return results

    @staticmethod
    def _choose(mention: Mention, candidates: tuple[Reading, ...], context: Context, previous: list) -> Resolution | None:
        matches = mention.matches
        if not matches:
            return None
        if len(matches) == 1:  # no rival: its score cannot change the softmax (1.0)
            return Resolution(matches[0].entry, 1.0 if matches[0].exact else 0.8, (), True)
        scores = [score(reading, mention, context, previous) for reading in candidates]
        order = sorted(range(len(matches)), key=scores.__getitem__, reverse=True)  # stable: ties keep gazetteer rank
        best_score = scores[order[0]]
        confidence = 1.0 / sum([math.exp(scores[i] - best_score) for i in order[:1 + CONFIDENCE_RIVALS]])
        best = matches[order[0]]
        if not best.exact:
            confidence *= 0.8
        runners_up = tuple([matches[i].entry for i in order[1:1 + MAX_RUNNERS_UP]])
        return Resolution(best.entry, confidence, runners_up, True)

    @staticmethod
    def _plausible(result: Resolution, mention: Mention, context: Context) -> bool:
        """A town found only under an alternate name, or only by a loosened spelling ("Datu" for
        "Datou"), far from every country the text points to, is more likely a word that is no
        place (a people, a family name) or a place the gazetteer lacks."""
        entry = result.entry
        if entry.kind != "populated_place" or entry.population >= 1_000_000:
            return True
        # its own name as written, or the name of its own division ("Jenin" for Janīn, the seat of Jenin)
        own = [m for m in mention.matches if m.entry.id == entry.id and (m.primary or (m.exact and seat_of_namesake(entry, mention)))]
        weight = context.country_weight(entry.country_code, mention.index)
        if any(m.exact for m in own) or (own and context.strongest <= 0):  # its own name, as written
            # ... unless a small town abroad, alone of its country, in a text about somewhere else
            return not (entry.population < LONE_TOWN and weight <= 0 and context.strongest >= FOREIGN_CONTEXT)
        return weight > 0.05



def _as_the_text_placed_it(mentions: list[Mention], results: list[Resolution | None]) -> list[Resolution | None]:
    """"the southern Ukrainian city of Mykolaiv" once, then "Mykolaiv" alone: every mention of the name
    takes the reading its country-and-compass mention chose, when that reading is among its own."""
    placed = {m.key: results[m.index] for m in mentions if m.compass and results[m.index] is not None}
    if not placed:
        return results
    settled = list(results)
    for mention in mentions:
        chosen = placed.get(mention.key)
        current = results[mention.index]
        if chosen is None or current is None or current.entry.id == chosen.entry.id:
            continue
        if any(match.entry.id == chosen.entry.id for match in mention.matches):
            settled[mention.index] = Resolution(chosen.entry, current.confidence, current.candidates, current.plausible)
    return settled


def _outside_container(result: Resolution, mention: Mention, results: list[Resolution | None]) -> bool:
    """"the Jacarezinho favela in northern Rio de Janeiro", the gazetteer knowing only a Jacarezinho
    600 km away: the text places X inside Y, so a town far outside Y is a namesake, not X."""
    relation = mention.relation
    if relation is None or relation.kind != "in" or result.entry.kind not in ("populated_place", "admin1", "admin2"):
        return False
    if result.entry.kind == "populated_place" and result.entry.population >= WORLD_CITY_POPULATION:
        return False  # "the Moscow ... in Chicago": the phrase belongs to something else named there
    container = results[relation.container]
    return container is not None and container.entry.id != result.entry.id and lies_outside(result.entry, container.entry)


def document_vote(results: list[Resolution | None]) -> tuple[Vote, ...]:
    """A document's resolutions as outside votes for names looked up in it."""
    return tuple(resolved_vote(r.entry, r.confidence) for r in results if r is not None)


def to_mention(toponym: Toponym, resolution: Resolution | None) -> PlaceMention:
    if resolution is None:
        return PlaceMention(text=toponym.text, start=toponym.start, end=toponym.end)
    return PlaceMention(
        text=toponym.text, start=toponym.start, end=toponym.end, entry=resolution.entry,
        geo_precision=geo_precision(resolution.entry), confidence=resolution.confidence,
        candidates=resolution.candidates,
    )
