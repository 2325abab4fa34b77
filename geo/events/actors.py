"""Actors named in a text: armed groups, state forces, coalitions, militias,
civilians and countries acting as actors ("<country> fired missiles").

The name shapes live in ``geo/data/actors.tsv``; country names and demonyms come
from ``geo.gazetteer.countries``. ``find_actors`` returns canonical names with spans, and
resolves anaphora ("the extremist group" -> the last named armed group; a bare
"the Coalition" -> the last "<country>-led coalition").
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.events.literals import Literals, any_in, fold, matches_at_starts, required_literals, required_starts
from geo.gazetteer.countries import CountryTable, country_table

ACTORS_FILE = Path(__file__).resolve().parents[1] / "data" / "actors.tsv"
ARMED_NON_STATE = ("rebel", "militia", "external", "unidentified")
STATE_TYPES = ("state", "coalition", "government")
# "<country> fired ...": the names of all countries are what such a shape starts with; one automaton
# pass finds them all, which is cheaper than re trying the shape at every position of the article
SHAPE_STARTS = 1024


@dataclass(frozen=True)
class ActorMention:
    name: str  # canonical, e.g. "Islamic State (ISIS)", "Military Forces of <country>"
    kind: str  # state | coalition | rebel | militia | civilians | unidentified | government | external
    start: int
    end: int
    text: str
    country: str | None = None  # the country the actor belongs to, when its name says

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_TYPES


@dataclass(frozen=True)
class _Shape:
    canonical: str
    kind: str
    pattern: re.Pattern
    literals: Literals | None  # one of them is in every match: without them the shape is not run
    starts: Literals | None  # every match starts with one of them: the shape is tried only there


def _load_shapes(countries: CountryTable) -> tuple[_Shape, ...]:
    any_form = "(?P<c>" + countries.name_pattern(with_demonyms=True) + ")"
    country_form = "(?P<c>" + countries.name_pattern(with_demonyms=False) + ")"
    shapes = []
    with ACTORS_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            source = row["pattern"].replace("{ANY}", any_form).replace("{COUNTRY}", country_form)
            if row["type"] in ("rebel", "militia", "external"):  # "al-Shabaab militants" is one actor
                source = "(?:" + source + r")(?:\s+(?:militants|fighters|rebels|jihadists|insurgents|militiamen|cells?))?"
            if "{" not in row["pattern"]:  # "The Syrian Democratic Forces" is the named group, not "Syrian ... forces"
                source = r"(?:the\s+)?(?:" + source + ")"
            pattern = re.compile(r"(?<![\w-])(?:" + source + r")(?![\w])", re.IGNORECASE)
            shapes.append(_Shape(row["canonical"], row["type"], pattern, required_literals(pattern),
                                 required_starts(pattern, limit=SHAPE_STARTS)))
    return tuple(shapes)


@dataclass(frozen=True)
class ActorFinder:
    shapes: tuple[_Shape, ...]
    countries: CountryTable

    @classmethod
    def default(cls) -> "ActorFinder":
        return _default_finder()

    def find(self, text: str) -> list[ActorMention]:
        raw: list[tuple[int, int, int, re.Match, _Shape]] = []
        folded = fold(text)
        for order, shape in enumerate(self.shapes):
            if not any_in(shape.literals, folded):
                continue
            for match in matches_at_starts(shape.pattern, shape.starts, text):
                raw.append((match.start(), match.end(), order, match, shape))
        raw.sort(key=lambda item: (item[0] - item[1], item[2]))  # longest, then table order
        taken: list[tuple[int, int, re.Match, _Shape]] = []
        for start, end, _, match, shape in raw:
            if all(end <= s or start >= e for s, e, _, _ in taken):
                taken.append((start, end, match, shape))
        taken.sort(key=lambda item: item[0])
        return self._resolve([self._mention(match, shape) for _, _, match, shape in taken])

    def _mention(self, match: re.Match, shape: _Shape) -> ActorMention:
        if match.groupdict().get("name"):  # "a group calling itself X": the name is X
            name = re.sub(r"\s+(?:of|the|in|for)$", "", " ".join(match.group("name").split()))
            return ActorMention(name, shape.kind, match.start("name"), match.end("name"), name)
        found = match.groupdict().get("c")
        country = self.countries.find(found) if found else None
        name = shape.canonical
        if country:
            name = (name.replace("{country}", _country_phrase(country.name))
                    .replace("{leader}", _leader_form(found, country.name))
                    .replace("{demonym}", country.demonym))
        elif "{" in name:
            name = re.sub(r"\{\w+\}[ -]?", "", name).strip() or shape.kind.title()
        return ActorMention(name, shape.kind, match.start(), match.end(), match.group(),
                            country.name if country else None)

    def is_state_name(self, name: str | None) -> bool:
        """Whether a canonical actor name (as events carry it) is of a state, coalition or government
        shape: "Military Forces of Mali", "US-led Coalition", "Peshmerga"."""
        return bool(name) and any(pattern.fullmatch(name) for pattern in _state_names(self.shapes))

    def _resolve(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """Anaphora: "the group" is the last named non-state armed group; a bare
        "Coalition" is the last coalition named with its leader."""
        resolved: list[ActorMention] = []
        last_group: ActorMention | None = None
        last_coalition: ActorMention | None = None
        for mention in mentions:
            if mention.kind == "anaphor":
                if last_group is None:
                    continue
                mention = ActorMention(last_group.name, last_group.kind, mention.start, mention.end,
                                       mention.text, last_group.country)
            elif mention.kind == "coalition" and mention.name == "Coalition" and last_coalition:
                mention = ActorMention(last_coalition.name, "coalition", mention.start, mention.end,
                                       mention.text, last_coalition.country)
            if mention.kind in ("rebel", "militia", "external"):
                last_group = mention
            if mention.kind == "coalition" and mention.name != "Coalition":
                last_coalition = mention
            resolved.append(mention)
        return resolved


def _country_phrase(name: str) -> str:
    return f"the {name}" if name.startswith(("United ", "Democratic ", "Republic ", "Central ")) else name


def _leader_form(found: str | None, name: str) -> str:
    """"US-led", "United States-led": the form the text uses."""
    if not found:
        return name
    form = " ".join(found.split())
    return form.replace(".", "") if form.replace(".", "").isupper() else form


@lru_cache(maxsize=4)
def _state_names(shapes: tuple[_Shape, ...]) -> tuple[re.Pattern, ...]:
    """The canonical names of the state shapes, their {country}, {leader} and {demonym} slots open."""
    return tuple(re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(canonical)))
                 for canonical in sorted({shape.canonical for shape in shapes if shape.kind in STATE_TYPES}))


@lru_cache(maxsize=1)
def _default_finder() -> ActorFinder:
    countries = country_table()
    return ActorFinder(_load_shapes(countries), countries)


def civilians_of(country: str | None) -> str:
    """ACLED names civilian victims by country: "Civilians (<country>)"."""
    return f"Civilians ({country})" if country else "Civilians"
