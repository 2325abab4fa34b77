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
3 for countries, divisions, continents and regions, 2 for a curated site whose point is
approximate (the town or area it is in), else 1; a place known only
as "near Y" keeps Y's entry with precision 2 (see ``Geoparser``).
"""
from __future__ import annotations

import math
from typing import NamedTuple

from geo.gazetteer.lookup import Gazetteer, Match
from geo.gazetteer.normalize import loosen, name_key
from geo.geoparse.recognize import Toponym
from geo.geoparse.resolve.context import Context, Vote, explicit_vote, resolved_vote
from geo.geoparse.resolve.cues import (  # noqa: F401 (distance_km, relations, used_as_modifier: public here too)
    Relation,
    _container_fit,
    distance_km,
    followed_by_container_word,
    relations,
    used_as_modifier,
)
from geo.model import GazetteerEntry, PlaceMention

REGION_KINDS = ("country", "admin1", "continent", "region")
AREA_KINDS = ("country", "admin1", "admin2", "region")
SITE_KINDS = ("installation", "airport")
KIND_PRIOR = {"country": 6.0, "continent": 6.0, "region": 4.5, "admin1": 2.2, "admin2": 1.5, "installation": 1.0, "airport": 0.3}
MAX_RUNNERS_UP = 5
CONTAINS_BONUS = 4.0  # "X, Y" / "X in Y": a reading of Y that holds a reading of X
CONTAINED_READINGS = 10
CONFIDENCE_RIVALS = 3  # a name shared by a hundred hamlets is no less certain for the capital
COUNTRY_CONTEXT = 4.0  # enough for "Georgia" among Atlanta suburbs to be the state
DIVISION_CONTEXT = 3.0  # the other places lie in this first-level division: outweighs population
FOLDED_PENALTY = 1.5  # a transliteration-folded spelling when the exact one exists ("Iraan" for "Iran")
ALIAS_PENALTY = 1.0  # a town's alternate name when another place bears the name as its own ("Florida")
CAPITAL_BONUS = 1.5  # a national capital over a same-name division or town ("Washington")
MODIFIER_WEIGHT = 0.25  # a country named as an actor ("US forces") says little about where things happen
TOWN_NAMESAKE_PENALTY = 1.5  # a division over the town of the same name in it, unless the text says "province"
ACRONYM_PENALTY = 6.0  # "EU", "US": a place that is not written so in capitals (the towns Eu, Us)
ACRONYM_MAX_LETTERS = 4
WORLD_CITY = 1_000_000  # a town this large, or a national capital, is what a bare name means abroad
SMALL_TOWN = 50_000
MAJOR_KINDS = frozenset(("country", "region", "continent"))


LONE = Context([Vote()])  # what a text of one name says about it: nothing


def _weakened(vote: Vote, modifier: bool) -> Vote:
    if not modifier:
        return vote
    return vote._replace(countries=tuple((code, weight * MODIFIER_WEIGHT) for code, weight in vote.countries))


def prior(match: Match, key: str) -> float:
    entry = match.entry
    score = KIND_PRIOR.get(entry.kind, math.log10(entry.population + 10) / 2.0)
    if match.exact:
        score += 0.6
    if match.primary:
        score += 0.5
    return score


class Mention(NamedTuple):
    """One toponym with what the text around it says."""

    index: int
    toponym: Toponym
    key: str
    matches: list[Match]
    relation: Relation | None  # its container, if "X in/near Y" or "X, Y"
    contained: tuple[int, ...]  # indices of the toponyms it contains
    wants_division: bool  # "X province"
    capitals: frozenset = frozenset()  # ids of the national capitals
    exact_kinds: frozenset = frozenset()  # kinds of the entries spelled exactly like this name
    has_primary: bool = False  # some entry bears this name as its own name
    modifier: bool = False  # "US service members", "Iran-backed": names an actor, not where things happen
    acronym: str = ""  # the capitals of "EU", "UAE" when some candidate is written exactly so
    major: bool = False  # a country, region or world city bears exactly this name ("Atlantic", "Paris")


def score(match: Match, mention: Mention, context: Context, previous: list, mentions: list[Mention]) -> float:
    entry = match.entry
    total = prior(match, mention.key)
    if not match.exact and mention.exact_kinds:
        total -= FOLDED_PENALTY
    if entry.kind == "populated_place" and mention.has_primary and not match.primary:
        total -= ALIAS_PENALTY
    if mention.acronym and mention.acronym != entry.name and mention.acronym not in entry.aliases:
        total -= ACRONYM_PENALTY
    if context.strongest > 0:
        country_context = COUNTRY_CONTEXT * context.country_weight(entry.country_code, mention.index)
        if entry.kind == "populated_place" and "country" in mention.exact_kinds:
            country_context /= 2  # "Mexico" in US news is still the country unless the state is named
        if mention.major and entry.kind == "populated_place" and entry.population < SMALL_TOWN:
            country_context /= 4  # Paris in US news is France's unless the text names Paris's state
        total += country_context
    if context.divisions and context.names_division(entry.country_code, entry.admin1, mention.index):
        total += DIVISION_CONTEXT
    if match.primary and entry.id in mention.capitals:
        total += CAPITAL_BONUS
    if mention.wants_division and entry.kind in ("admin1", "region"):
        total += 4.0
    elif entry.kind == "admin1" and _has_town_namesake(entry, mention):
        total -= TOWN_NAMESAKE_PENALTY
    if entry.kind in SITE_KINDS:
        if mention.contained:
            total -= 3.0  # "X in Y": Y is where a base is, not the base
        elif mention.toponym.feature_cue == 2:
            total += 5.0
        elif mention.toponym.feature_cue == 1 and match.exact:
            total += 2.0
    relation = mention.relation
    if relation is not None and previous[relation.container] is not None:
        container = previous[relation.container].entry
        if container.id != entry.id:
            total += _container_fit(entry, container, relation.kind)
    if mention.contained and any(_holds(entry, mentions[i], kind) for i, kind in _contained(mention, mentions)):
        total += CONTAINS_BONUS
    if context.anchors and context.near_anchor(entry, mention.index):
        total += 1.0
    return total


def _acronym(surface: str, matches: list[Match]) -> str:
    """The surface when it is a short all-capitals name that some candidate is written as exactly."""
    surface = surface.strip()
    if not (surface.isalpha() and surface.isupper() and len(surface) <= ACRONYM_MAX_LETTERS):
        return ""
    return surface if any(surface == m.entry.name or surface in m.entry.aliases for m in matches) else ""


def _traits(matches: list[Match], capitals: frozenset) -> tuple[frozenset, bool, bool]:
    """In one pass: the kinds of the exactly spelled entries, whether some entry bears the name
    as its own, and whether it is major: a country, sea or region, a national capital or a city
    of millions called exactly this."""
    exact_kinds, has_primary, major = set(), False, False
    for m in matches:
        has_primary = has_primary or m.primary
        if m.exact:
            entry = m.entry
            exact_kinds.add(entry.kind)
            major = major or entry.kind in MAJOR_KINDS or (m.primary and entry.kind == "populated_place" and (
                entry.population >= WORLD_CITY or entry.id in capitals))
    return frozenset(exact_kinds), has_primary, major


def _has_town_namesake(division: GazetteerEntry, mention: Mention) -> bool:
    """"Kidal", "Ménaka": a town of exactly this name lies in the division of that name."""
    return any(
        m.exact and m.primary and m.entry.kind == "populated_place" and m.entry.country_code == division.country_code
        and m.entry.admin1 == division.admin1 for m in mention.matches
    )


def _contained(mention: Mention, mentions: list[Mention]):
    for index in mention.contained:
        yield index, mentions[index].relation.kind


def _holds(container: GazetteerEntry, inner: Mention, relation_kind: str) -> bool:
    """Some reading of the inner name lies inside (or near) this candidate container."""
    if container.kind not in ("country", "admin1", "admin2", "populated_place"):
        return False
    return any(_container_fit(m.entry, container, relation_kind) > 0 for m in inner.matches[:CONTAINED_READINGS] if m.exact)


def geo_precision(entry: GazetteerEntry) -> int:
    """ACLED: 3 for a region, 2 for a small area or a site known only by the place it is in
    (a curated row whose position is approximate), 1 for the exact place."""
    if entry.kind in REGION_KINDS:
        return 3
    return 2 if entry.kind == "admin2" or entry.approximate else 1


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
            results = [self._choose(mentions[0], LONE, [None], mentions)]
            return [Resolution(r.entry, r.confidence, r.candidates, self._plausible(r, mentions[0], LONE)) if r else None
                    for r in results]
        groups = [loosen(m.key) for m in mentions]
        context = Context([_weakened(explicit_vote(m.matches), m.modifier) for m in mentions], outside, groups)
        results: list[Resolution | None] = [None] * len(mentions)
        for _ in range(2):
            results = [self._choose(m, context, results, mentions) for m in mentions]
            votes = [_weakened(resolved_vote(r and r.entry, r.confidence if r else 0.0), m.modifier) for r, m in zip(results, mentions)]
            context = Context(votes, outside, groups)
        return [
            Resolution(result.entry, result.confidence, result.candidates, self._plausible(result, mentions[i], context))
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
            exact_kinds, has_primary, major = _traits(matches[i], capitals)
            found.append(Mention(
                i, t, name_key(t.text), matches[i], links.get(i), tuple(contained.get(i, ())),
                followed_by_container_word(text, t), capitals, exact_kinds, has_primary,
                used_as_modifier(text, t), _acronym(t.text, matches[i]), major,
            ))
        return found

    @staticmethod
    def _choose(mention: Mention, context: Context, previous: list, mentions: list[Mention]) -> Resolution | None:
        matches = mention.matches
        if not matches:
            return None
        if len(matches) == 1:  # no rival: its score cannot change the softmax (1.0)
            return Resolution(matches[0].entry, 1.0 if matches[0].exact else 0.8, (), True)
        scores = [score(m, mention, context, previous, mentions) for m in matches]
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
        """A town found only under an alternate name, far from every country the text
        points to, is more likely a word that is no place (a people, a family name)."""
        entry = result.entry
        if entry.kind != "populated_place" or entry.population >= 1_000_000:
            return True
        if any(m.primary and m.entry.id == entry.id for m in mention.matches):  # its own name, not an alias
            return True
        return context.country_weight(entry.country_code, mention.index) > 0.05


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
