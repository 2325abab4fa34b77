"""How well each candidate entry fits a toponym in its document: a score, the sum of:

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

The document context arrives as a ``Context`` value; ``resolver`` turns the scores
into a choice and a confidence.
"""
from __future__ import annotations

import math
from typing import NamedTuple

from geo.gazetteer import Match
from geo.geoparse.recognize import Toponym
from geo.geoparse.resolve.context import Context, Vote
from geo.geoparse.resolve.cues import Relation
from geo.geoparse.resolve.geometry import container_fit
from geo.model import GazetteerEntry

REGION_KINDS = ("country", "admin1", "continent", "region")
AREA_KINDS = ("country", "admin1", "admin2", "region")
SITE_KINDS = ("installation", "airport")
KIND_PRIOR = {"country": 6.0, "continent": 6.0, "region": 4.5, "admin1": 2.2, "admin2": 1.5, "installation": 1.0, "airport": 0.3}
MAX_RUNNERS_UP = 5
CONTAINS_BONUS = 4.0  # "X, Y" / "X in Y": a reading of Y that holds a reading of X
QUALIFIED_BONUS = 6.0  # "the Iranian city of Kerman": the text says which country it is in
CONTAINED_READINGS = 10
CONFIDENCE_RIVALS = 3  # a name shared by a hundred hamlets is no less certain for the capital
COUNTRY_CONTEXT = 4.0  # enough for "Georgia" among Atlanta suburbs to be the state
DIVISION_CONTEXT = 3.0  # the other places lie in this first-level division: outweighs population
FOLDED_PENALTY = 1.5  # a transliteration-folded spelling when the exact one exists ("Iraan" for "Iran")
ALIAS_PENALTY = 1.0  # a town's alternate name when another place bears the name as its own ("Florida")
CAPITAL_BONUS = 1.5  # a national capital over a same-name division or town ("Washington")
MODIFIER_WEIGHT = 0.25  # a country named as an actor ("US forces") says little about where things happen
TOWN_NAMESAKE_PENALTY = 1.5  # a division over the town of the same name in it, unless the text says "province"
NAMESAKE_TOWN = 10_000  # a town this large that the division's name is another name of ...
NAMESAKE_CITY = 500_000  # ... but not a city this large: "New York", "Oklahoma" name their state as often
ACRONYM_PENALTY = 6.0  # "EU", "US": a place that is not written so in capitals (the towns Eu, Us)
WORLD_CITY = 1_000_000  # a town this large, or a national capital, is what a bare name means abroad
SMALL_TOWN = 50_000
BIG_CITY = 100_000  # within its country, a city this large is what its own name means
MAJOR_KINDS = frozenset(("country", "region", "continent"))


LONE = Context([Vote()])  # what a text of one name says about it: nothing


def weakened(vote: Vote, modifier: bool) -> Vote:
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


COMPASS_FIT = 2.0  # "the southern Ukrainian city of X": a namesake in the north is the weaker reading
COMPASS_SLACK_DEGREES = 0.5


def compass_fit(entry: GazetteerEntry, point: tuple[float, float], compass: str) -> float:
    """+1 when the entry lies in the part of its country the compass word names, -1 when it lies
    clearly in the opposite part, 0 near the middle."""
    offsets = {"north": entry.latitude - point[0], "south": point[0] - entry.latitude,
               "east": entry.longitude - point[1], "west": point[1] - entry.longitude}
    parts = [part for part in ("north", "south", "east", "west") if part in compass]
    values = [offsets[part] for part in parts]
    if all(value > 0 for value in values):
        return 1.0
    return -1.0 if any(value < -COMPASS_SLACK_DEGREES for value in values) else 0.0


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
    qualified: str = ""  # ISO code of the country a demonym before it names ("the Iranian city of Kerman")
    compass: str = ""  # "the southern Ukrainian city of X": "south"
    country_point: tuple[float, float] | None = None  # the qualifying country's point, for ``compass``


class Reading(NamedTuple):
    """One candidate of a mention with the part of its score no document context changes, worked out
    once for both passes. The terms keep the order ``score`` adds them in: a floating-point sum
    depends on its order, and the confidences must not move by a bit."""

    match: Match
    base: float  # the prior, less the spelling penalties
    country_divisor: int  # 1, 2, 4 or 8: how much less the country context counts for this reading
    division_counts: bool  # a division named in the text counts for it (not a big city's name borrowed)
    fixed: tuple[float, ...]  # the capital, division, site, compass and qualifier terms, in order
    holds_contained: bool  # it holds some reading of a name the text places inside it


def readings(mention: Mention, mentions: list[Mention]) -> tuple[Reading, ...]:
    """The mention's candidates, ready to score; none when there is no rival to score against."""
    if len(mention.matches) < 2:
        return ()
    # a big city's own name is a weak reading of a village of its country also so called: "Kremenchuk"
    # in a report that also names Vinnytsia is still Kremenchuk, not a village of Vinnytsia oblast
    big_city_countries = {m.entry.country_code for m in mention.matches if m.primary and m.entry.kind == "populated_place"
                          and m.entry.population >= BIG_CITY}
    seats: dict[tuple, bool] = {}  # (country, division) -> is a town there the seat of the name's division?
    namesakes: dict[tuple, bool] = {}  # (country, division) -> does a town of the division's name lie in it?
    found = []
    for match in mention.matches:
        entry = match.entry
        town = entry.kind == "populated_place"
        place = (entry.country_code, entry.admin1)
        base = prior(match, mention.key)
        if not match.exact and mention.exact_kinds:
            base -= FOLDED_PENALTY
        if town and mention.has_primary and not match.primary:
            if place not in seats:
                seats[place] = seat_of_namesake(entry, mention)
            if not seats[place]:
                base -= ALIAS_PENALTY
        if mention.acronym and mention.acronym != entry.name and mention.acronym not in entry.aliases:
            base -= ACRONYM_PENALTY
        divisor = 1
        if town and "country" in mention.exact_kinds:
            divisor *= 2  # "Mexico" in US news is still the country unless the state is named
        if mention.major and town and entry.population < SMALL_TOWN:
            divisor *= 4  # Paris in US news is France's unless the text names Paris's state
        borrowed = town and mention.has_primary and not match.primary and entry.country_code in big_city_countries
        fixed = []
        if match.primary and entry.id in mention.capitals:
            fixed.append(CAPITAL_BONUS)
        if mention.wants_division and entry.kind in ("admin1", "admin2", "region"):
            fixed.append(4.0)
        elif entry.kind in ("admin1", "admin2"):
            if place not in namesakes:
                namesakes[place] = _has_town_namesake(entry, mention)
            if namesakes[place]:
                fixed.append(-TOWN_NAMESAKE_PENALTY)
        if entry.kind in SITE_KINDS:
            if mention.contained:
                fixed.append(-3.0)  # "X in Y": Y is where a base is, not the base
            elif mention.toponym.feature_cue == 2:
                fixed.append(5.0)
            elif mention.toponym.feature_cue == 1 and match.exact:
                fixed.append(2.0)
        if mention.compass and mention.country_point and entry.country_code == mention.qualified:
            fixed.append(COMPASS_FIT * compass_fit(entry, mention.country_point, mention.compass))
        if mention.qualified and entry.country_code == mention.qualified:
            fixed.append(QUALIFIED_BONUS)
        # (a town holding the inner place is no reason to read "Y province" as the town)
        holds = bool(mention.contained) and not (mention.wants_division and town) and \
            any(_holds(entry, mentions[i], kind) for i, kind in _contained(mention, mentions))
        found.append(Reading(match, base, divisor, not borrowed, tuple(fixed), holds))
    return tuple(found)


def reading_key(mention: Mention, mentions: list[Mention]) -> tuple:
    """What a mention's readings and their scores depend on, apart from its container (``relation``):
    mentions with one key are scored alike. The name fixes its matches, and its group in the context;
    the names it contains count by how the text relates them."""
    toponym = mention.toponym
    contained = tuple((mentions[i].toponym.text, mentions[i].relation.kind) for i in mention.contained)
    return (toponym.text, toponym.feature_cue, mention.key, contained, mention.wants_division, mention.exact_kinds,
            mention.has_primary, mention.modifier, mention.acronym, mention.major, mention.qualified, mention.compass,
            mention.country_point)


def score(reading: Reading, mention: Mention, context: Context, previous: list) -> float:
    entry = reading.match.entry
    total = reading.base
    if context.strongest > 0:
        total += COUNTRY_CONTEXT * context.country_weight(entry.country_code, mention.index) / reading.country_divisor
    if reading.division_counts and context.divisions and context.names_division(entry.country_code, entry.admin1, mention.index):
        total += DIVISION_CONTEXT
    for term in reading.fixed:
        total += term
    relation = mention.relation
    if relation is not None and previous[relation.container] is not None:
        container = previous[relation.container].entry
        if container.id != entry.id:
            total += container_fit(entry, container, relation.kind)
    if reading.holds_contained:
        total += CONTAINS_BONUS
    if context.anchors and context.near_anchor(entry, mention.index):
        total += 1.0
    return total


def traits(matches: list[Match], capitals: frozenset) -> tuple[frozenset, bool, bool]:
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
    """"Kidal", "Ménaka": a town of exactly this name lies in the division of that name ("Tombouctou"
    too, the French name of Timbuktu, the region's capital)."""
    return any(
        m.exact and (m.primary or NAMESAKE_TOWN <= m.entry.population < NAMESAKE_CITY) and m.entry.kind == "populated_place"
        and m.entry.country_code == division.country_code and m.entry.admin1 in (None, division.admin1) for m in mention.matches
    )


def seat_of_namesake(town: GazetteerEntry, mention: Mention) -> bool:
    """"Jenin" is the governorate's own name and another name of its seat ("Janīn"): only divisions of
    the town's own province bear the name as theirs in its country, so the town's spelling is no lesser
    reading there (namesakes abroad are for the country context to weigh)."""
    holders = [m.entry for m in mention.matches if m.primary and m.entry.country_code == town.country_code]
    return bool(holders) and all(h.kind in ("admin1", "admin2") and town.admin1 in (None, h.admin1) for h in holders)


def _contained(mention: Mention, mentions: list[Mention]):
    for index in mention.contained:
        yield index, mentions[index].relation.kind


def _holds(container: GazetteerEntry, inner: Mention, relation_kind: str) -> bool:
    """Some reading of the inner name lies inside (or near) this candidate container."""
    if container.kind not in ("country", "admin1", "admin2", "populated_place"):
        return False
    return any(container_fit(m.entry, container, relation_kind) >= 1.0 for m in inner.matches[:CONTAINED_READINGS] if m.exact)
