"""Scoring extracted events against an analyst's coding of a report (``NAME.expected.json``).

A gold event and an extracted event *match* when they have the same category (a capture or
recapture of territory, ACLED's "overtakes territory" / "regains territory", is one kind whether
the coder filed it under ``handover``, ``other`` or ``attack``: ACLED itself lists both under
Battles), the extracted
point lies within the gold ``within_km`` of the gold ``near`` point (default 40 km), and their
date intervals overlap. Matching is one-to-one, closest pairs first, so a duplicate of a
matched occurrence counts against precision.

- recall: matched gold events / gold events;
- precision: located attack and handover events that match a gold event / all located attack
  and handover events (``other`` events and unlocated ones are left out: they put no attack or
  handover marker on the map);
- faults that must be zero: events sited at the dateline (their place span lies inside the
  gold dateline's span) that match no expected event ("this city" in a report filed from where
  it happened is right), events in a country the report names only as an actor that match no
  expected event (a border town coded right may lie across the border), attacks or handovers
  with no date.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

DEFAULT_WITHIN_KM = 40.0
MAP_CATEGORIES = ("attack", "handover")


@dataclass(frozen=True)
class GoldEvent:
    category: str
    latitude: float | None  # None: the report gives no place (any point will do)
    longitude: float | None
    within_km: float
    date_start: date | None  # None: the report gives no date (any date will do)
    date_end: date | None
    site: str = ""
    background: bool = False
    fatalities: int | None = None
    sub_event_type: str = ""

    @classmethod
    def of(cls, row: dict) -> "GoldEvent":
        near = row.get("near") or (None, None)
        start = row.get("date_start")
        return cls(
            category=row["category"], latitude=near[0], longitude=near[1],
            within_km=float(row.get("within_km", DEFAULT_WITHIN_KM)),
            date_start=date.fromisoformat(start) if start else None,
            date_end=date.fromisoformat(row.get("date_end") or start) if start else None,
            site=row.get("site", ""), background=bool(row.get("background", False)),
            fatalities=row.get("fatalities"), sub_event_type=row.get("sub_event_type", ""),
        )


@dataclass(frozen=True)
class ReportScore:
    name: str
    gold: int
    gold_current: int
    matched: int
    matched_current: int
    mapped: int  # located attack / handover events extracted
    mapped_matched: int
    at_dateline: int
    in_actor_country: int
    undated: int
    fatalities_right: int  # matched gold events with a stated toll coded exactly
    fatalities_stated: int
    misses: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()


@dataclass
class Totals:
    """The scores of a corpus, summed on demand (``totals.matched`` is the sum over its reports)."""

    scores: list[ReportScore] = field(default_factory=list)

    def add(self, score: ReportScore) -> None:
        self.scores.append(score)

    def __getattr__(self, name: str) -> int:
        if name in ReportScore.__dataclass_fields__ and name not in ("name", "misses", "extras"):
            return sum(getattr(score, name) for score in self.scores)
        raise AttributeError(name)

    @property
    def reports(self) -> int:
        return len(self.scores)

    @property
    def clean_reports(self) -> int:
        return sum(not score.misses and not score.extras for score in self.scores)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def recall_current(self) -> float:
        return self.matched_current / self.gold_current if self.gold_current else 1.0

    @property
    def precision(self) -> float:
        return self.mapped_matched / self.mapped if self.mapped else 1.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


TERRITORY_CHANGES = ("Non-state actor overtakes territory", "Government regains territory")


def _territory_change(category: str, sub_event_type: str | None) -> bool:
    return category in ("handover", "other", "attack") and sub_event_type in TERRITORY_CHANGES


def _fits(event, gold: GoldEvent) -> float | None:
    """The distance in km when ``event`` can be ``gold``, else None."""
    if event.category != gold.category and not (_territory_change(event.category, event.sub_event_type)
                                                and _territory_change(gold.category, gold.sub_event_type)):
        return None
    if gold.date_start is not None:
        if event.date_start is None or (event.date_end or event.date_start) < gold.date_start \
                or event.date_start > gold.date_end:
            return None
    if gold.latitude is None:
        return math.inf  # fits, but any gold event with a place is paired first
    if event.latitude is None:
        return None
    distance = km_between(event.latitude, event.longitude, gold.latitude, gold.longitude)
    return distance if distance <= gold.within_km else None


def match(events: list, golds: list[GoldEvent]) -> dict[int, int]:
    """One-to-one matching, closest pairs first: gold index -> event index."""
    pairs = sorted((distance, g, e) for g, gold in enumerate(golds) for e, event in enumerate(events)
                   if (distance := _fits(event, gold)) is not None)
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, g, e in pairs:
        if g not in chosen and e not in used:
            chosen[g] = e
            used.add(e)
    return chosen


def dateline_span(text: str, dateline: str | None) -> tuple[int, int] | None:
    """Where the gold dateline stands at the start of the report."""
    if not dateline:
        return None
    found = re.search(re.escape(dateline), text[:200], re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def describe(event) -> str:
    return (f"{event.category} at {event.location or '-'} ({event.place_text or '-'}) "
            f"{event.date_start or 'undated'}..{event.date_end or ''} killed={event.fatalities}")


def score_report(name: str, text: str, expected: dict, events: list) -> ReportScore:
    golds = [GoldEvent.of(row) for row in expected.get("events", [])]
    chosen = match(events, golds)
    matched_events = set(chosen.values())
    mapped = [i for i, e in enumerate(events) if e.category in MAP_CATEGORIES and e.latitude is not None]
    dateline = dateline_span(text, expected.get("dateline"))
    at_dateline = sum(1 for i, e in enumerate(events) if dateline and e.place_start is not None
                      and dateline[0] <= e.place_start < dateline[1] and i not in matched_events)
    actor_countries = set(expected.get("no_event_in", []))
    stated = [g for g, gold in enumerate(golds) if gold.fatalities is not None and g in chosen]
    return ReportScore(
        name=name, gold=len(golds), gold_current=sum(not g.background for g in golds),
        matched=len(chosen), matched_current=sum(not golds[g].background for g in chosen),
        mapped=len(mapped), mapped_matched=sum(i in matched_events for i in mapped),
        at_dateline=at_dateline,
        in_actor_country=sum(1 for i, e in enumerate(events) if e.country and e.country in actor_countries
                             and i not in matched_events),
        undated=sum(1 for e in events if e.category in MAP_CATEGORIES and e.date_start is None),
        fatalities_right=sum(events[chosen[g]].fatalities == golds[g].fatalities for g in stated),
        fatalities_stated=len(stated),
        misses=tuple(f"{g.category} at {g.site or (g.latitude, g.longitude)} {g.date_start}..{g.date_end}"
                     f"{' (background)' if g.background else ''}"
                     for i, g in enumerate(golds) if i not in chosen),
        extras=tuple(describe(events[i]) for i in mapped if i not in matched_events),
    )
