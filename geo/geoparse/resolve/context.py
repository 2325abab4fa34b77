"""What the rest of a document says about where it is: the countries and
first-level divisions its other mentions point to, and where its confidently
resolved places lie. A mention's own vote never counts for itself, so a first
guess cannot confirm itself."""
from __future__ import annotations

import math
from collections import Counter
from typing import NamedTuple

from geo.gazetteer.lookup import Match
from geo.model import GazetteerEntry

BROAD_KINDS = ("country", "continent", "region")
ANCHOR_CONFIDENCE = 0.6
# A likely reading of a common town name (Atlanta, Macon) already says which state the text is in.
DIVISION_CONFIDENCE = 0.35
# A country named this often (in votes) counts fully, however much more another one is named:
# US news that names Cairo and Egypt once still means Egypt's Cairo.
COUNTRY_SATURATION = 2.0


class Vote(NamedTuple):
    """What one mention says: countries (with weights), divisions, and the 1-degree
    cell of a confidently resolved place."""

    countries: tuple[tuple[str, float], ...] = ()
    divisions: tuple[tuple[str, str], ...] = ()
    cell: tuple[int, int] | None = None


def cell(entry: GazetteerEntry) -> tuple[int, int]:
    return math.floor(entry.latitude), math.floor(entry.longitude)


def explicit_vote(matches: list[Match]) -> Vote:
    """A name whose best match is exactly a country or division names it outright."""
    if not matches or not matches[0].exact or matches[0].entry.kind not in ("country", "admin1"):
        return Vote()
    entry = matches[0].entry
    divisions = ((entry.country_code, entry.admin1),) if entry.kind == "admin1" else ()
    return Vote(((entry.country_code, 1.0),), divisions)


def resolved_vote(entry: GazetteerEntry | None, confidence: float) -> Vote:
    if entry is None:
        return Vote()
    countries = ((entry.country_code, confidence),) if entry.country_code else ()
    anchored = confidence >= ANCHOR_CONFIDENCE and entry.kind not in BROAD_KINDS
    in_division = confidence >= DIVISION_CONFIDENCE and entry.kind not in BROAD_KINDS
    divisions = ((entry.country_code, entry.admin1),) if entry.admin1 and (in_division or entry.kind == "admin1") else ()
    return Vote(countries, divisions, cell(entry) if anchored else None)


class Context:
    """The sum of the mentions' votes (plus an outside vote, e.g. the article around a
    looked-up name), queried on behalf of one mention."""

    def __init__(self, votes: list[Vote], outside: tuple[Vote, ...] = (), groups: list[str] | None = None):
        self.votes = votes
        # Mentions of one name (same key) are one voice: repeating a name does not confirm it.
        self.groups = groups or [str(i) for i in range(len(votes))]
        self.group_votes: dict[str, list[Vote]] = {}
        for group, vote in zip(self.groups, votes):
            self.group_votes.setdefault(group, []).append(vote)
        self.countries: Counter = Counter()
        self.divisions: Counter = Counter()
        self.anchors: dict[tuple[int, int], Counter] = {}
        for index, vote in [*enumerate(votes), *((-1, v) for v in outside)]:
            for code, weight in vote.countries:
                self.countries[code] += weight
            self.divisions.update(vote.divisions)
            if vote.cell is not None:
                self.anchors.setdefault(vote.cell, Counter())[index] += 1
        self.strongest = max(self.countries.values(), default=0.0)
        # the answers depend on a mention only through its group: asked once per group, not per candidate
        self._weights: dict[tuple, float] = {}
        self._named_divisions: dict[tuple, bool] = {}
        self._near: dict[tuple, bool] = {}
        self._own_countries: dict[str | None, tuple[Counter, float]] = {}
        self._own_divisions: dict[str | None, Counter] = {}

    def _group(self, index: int) -> str | None:
        return self.groups[index] if 0 <= index < len(self.votes) else None

    def _own(self, index: int) -> list[Vote]:
        return self.group_votes.get(self.groups[index], []) if 0 <= index < len(self.votes) else []

    def country_weight(self, country_code: str | None, index: int) -> float:
        """0..1: how strongly the other names of the text point to this country."""
        if not country_code or self.strongest <= 0:
            return 0.0
        group = self._group(index)
        key = (country_code, group)
        weight = self._weights.get(key)
        if weight is None:
            own_votes, strongest = self._countries_of_others(group, index)
            weight = self._weights[key] = 0.0 if strongest <= 0 else max(0.0, min(1.0, (
                self.countries[country_code] - own_votes[country_code]) / min(strongest, COUNTRY_SATURATION)))
        return weight

    def _countries_of_others(self, group: str | None, index: int) -> tuple[Counter, float]:
        """The group's own country votes, and the strongest country of the other names: a name's own
        first guess must not dilute the rest (the same for every candidate, so asked once per group)."""
        found = self._own_countries.get(group)
        if found is None:
            own_votes = Counter()
            for vote in self._own(index):
                for code, weight in vote.countries:
                    own_votes[code] += weight
            strongest = max((total - own_votes[code] for code, total in self.countries.items()), default=0.0)
            found = self._own_countries[group] = (own_votes, strongest)
        return found

    def names_division(self, country_code: str | None, admin1: str | None, index: int) -> bool:
        if not admin1 or not self.divisions:
            return False
        group = self._group(index)
        key = (country_code, admin1, group)
        named = self._named_divisions.get(key)
        if named is None:
            own = self._own_divisions.get(group)
            if own is None:
                own = self._own_divisions[group] = Counter(d for vote in self._own(index) for d in vote.divisions)
            named = self._named_divisions[key] = self.divisions[(country_code, admin1)] - own[(country_code, admin1)] > 0
        return named

    def near_anchor(self, entry: GazetteerEntry, index: int) -> bool:
        """Another mention resolved confidently within the same or a neighbouring
        1-degree cell (about 100-200 km)."""
        if not self.anchors:
            return False
        group = self.groups[index]
        place = cell(entry)
        near = self._near.get((place, group))
        if near is None:
            near = self._near[(place, group)] = self._near_anchor(place, group)
        return near

    def _near_anchor(self, place: tuple[int, int], group: str) -> bool:
        row, column = place
        for d_row in (-1, 0, 1):
            for d_column in (-1, 0, 1):
                mentions = self.anchors.get((row + d_row, column + d_column))
                if mentions and any(other < 0 or self.groups[other] != group for other in mentions):
                    return True
        return False
