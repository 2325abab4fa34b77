"""The event-frame stage: the mentions of one occurrence across an article, merged into one event.

Real reports spread an event over several sentences: the lead gives the event, its day and
toll ("A drone hit a base in the north on Tuesday, killing two"), a later sentence the site
("The drone struck near the city's airport"), and background paragraphs recall other events
with their own dates and places. Here, in text order, each event mention joins the most recent
frame it agrees with (same category; sites that contain or lie near each other; overlapping
dates), or starts a frame of its own. A *partial* mention (a reference back such as "the
attack", or a lead whose site comes later) only ever joins a frame; it never starts one.
Summaries ("attacks across the country") never become mentions at all (see ``standing``).

A frame becomes one ``Event``: the most specific site of its mentions, the narrowest date, the
first stated toll and actors, and evidence listing every sentence used and what it gave.
Pure: no I/O, no clock; the publication date comes with the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from geo.events.sites import KIND_RANK
from geo.gazetteer.normalize import name_key
from geo.geoparse.resolve import distance_km
from geo.model import Event, Evidence

# Trigger kinds that say less about the event than a weapon or a method does.
GENERIC_KINDS = frozenset(("attack", "clash", "storming", "killing"))
NEARBY_KM = 30.0  # two fine sites this close are one place ("the airport" and its town)
DISTRICT_KM = 60.0
AROUND_KM = 100.0
_AROUND = re.compile(r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|\bparts?\s+of|"
                     r"\bnear|\boutside|\baround|\bclose\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)  # "south-west of X", "near X": how far from X the place may lie
REGION_KM = 2000.0
PENDING_REACH = 1200  # characters: how far ahead of its site a partial lead may be
JOIN_PARAGRAPHS = 1  # paragraphs after an occurrence's last mention within which a mention may first date or site it
BROAD_RANK = KIND_RANK["region"]  # regions, countries, continents
# An attack or handover the report gives no date for is dated by the report: the week before
# publication (ACLED time_precision 2). See docs/extraction.md.
UNDATED_WINDOW_DAYS = 6
TERRITORY_KINDS = ("capture", "regain")  # a town taken is dated like an attack
TERRITORY_TAKEN = ("Non-state actor overtakes territory", "Government regains territory")  # ACLED sub-event types
UNDATED_NOTE = "no date in the report: dated by its publication (the week before it)"
BEFORE_NOTE = "dated {days} day(s) before the report's lead occurrence, as the text says"
SIBLING_NOTE = "no date of its own: dated as the other target its sentence names"
STORY_SITE_NOTE = "no place of its own: sited where the occurrence reported before it was"
# "in Qorxumbaley", "near the village of X": a capitalised word after a locative preposition (not a
# month or weekday) that the gazetteer does not know is a place of the sentence's own; "at the Aziz
# Istanbul restaurant" is a building, in the town its paragraph is about
_UNKNOWN_PLACE = re.compile(r"\b(?:in|at|near|outside|stormed|attacked|raided|overran|seized|captured|entered|shelled|"
                            r"bombed)\s+(?:the\s+(?:[\w-]+\s+)?(?:village|town|city|district|camp)\s+of\s+)?"
                            r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]")


@dataclass(frozen=True)
class EventMention:
    """An event as coded from its own clause alone, before frames are formed."""

    event: Event
    kind: str  # trigger kind: "drone", "attack", "handover", ...
    partial: bool = False  # joins a frame, never starts one
    responds: bool = False  # a reprisal ("in response", "retaliatory"): never joins the event it answers
    weak_date: bool = False  # its only date is the report's ("officials said on Tuesday")
    paragraph: int = 0  # which paragraph of the article it is in
    definite: bool = False  # "The assault on Palma": refers back to an occurrence already reported
    serves: int = 1  # how many occurrences a lead announces ("handed two more bases ... on Thursday")
    days_before: int = 0  # "came two days after <this>": days before the occurrence reported before it
    refines: bool = False  # a reference back naming a district of the town named before: the finer site

    @property
    def category(self) -> str:
        return self.event.category


def frames(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Group mentions (in text order) into occurrences."""
    groups: list[list[EventMention]] = []
    pending: list[EventMention] = []  # partial mentions waiting for the occurrence they announce
    for mention in mentions:
        home = None if mention.responds else next((g for g in reversed(groups) if _agrees(g, mention)), None)
        if home is not None:
            site = _most_specific(home)
            if not _sites_agree(site.event if site else None, mention.event):  # joined as a nearby reference
                mention = replace(mention, refines=True)
            home.append(mention)
        elif mention.partial:
            if not (mention.definite and mention.event.located):  # "a trip to Angola because of the attack":
                pending.append(mention)                             # points back, announces nothing
        else:
            # "handed an air base over on Sunday" ... "troops left the base at dawn": the lead
            # announces the occurrence whose site comes a sentence later
            # ("Also on Tuesday, rockets struck Latakia": another occurrence, announced by nothing before it)
            lead = [] if mention.responds else [m for m in pending if mention.event.start_char - m.event.start_char
                                                <= PENDING_REACH and _agrees([mention], m)]
            # "handed two more bases to Somali troops on Thursday": such a lead announces several
            pending = [m if m not in lead else replace(m, serves=m.serves - 1) for m in pending
                       if m not in lead or m.serves > 1]
            groups.append([*lead, mention])
    return groups


def merge(group: list[EventMention], published: date | None) -> Event:
    """One event from the mentions of one occurrence."""
    first = group[0].event
    site = _most_specific(group)
    dated = _narrowest_date(group)
    toll = next((m.event for m in group if m.event.fatalities is not None), None)
    actors = next((m.event for m in group if m.event.actor1 or m.event.actor2), None)
    typed = next((m for m in group if m.kind not in GENERIC_KINDS and m.kind != "site"), group[0])
    merged = replace(
        first,
        event_type=typed.event.event_type, sub_event_type=typed.event.sub_event_type,
        actor1=actors.actor1 if actors else None, actor2=actors.actor2 if actors else None,
        fatalities=toll.fatalities if toll else None,
        **_site_of(site), **_date_of(dated), evidence=_evidence(group, site, dated, toll, actors),
    )
    if merged.date_start is None and published is not None and (
            merged.category in ("attack", "handover") or any(m.kind in TERRITORY_KINDS for m in group)):
        merged = dated_by_report(merged, published)
    return merged


def site_unlocated(events: list[Event], groups: list[list[EventMention]]) -> list[Event]:
    """An attack or handover whose words name no place at all ("Among the dead were seven people
    killed on Friday when a convoy was ambushed") happened where the occurrence reported just
    before it did, when it follows within a paragraph: that site, as near it (geo_precision 2)."""
    sited: list[Event] = []
    for index, (event, group) in enumerate(zip(events, groups)):
        if not event.located and event.category in ("attack", "handover") and index > 0:
            before, previous = events[index - 1], groups[index - 1]
            if specific_site(before) and not names_unknown_place(group) and \
                    group[0].paragraph - previous[-1].paragraph <= JOIN_PARAGRAPHS and _same_story(before, event):
                event = sited_as(event, before, STORY_SITE_NOTE)
        sited.append(event)
    return sited


def names_unknown_place(group: list[EventMention]) -> bool:
    """"they stormed Quissanga": the sentence names a place of its own that the gazetteer lacks."""
    return any(_UNKNOWN_PLACE.search(m.event.sentence) for m in group)


def specific_site(event: Event) -> bool:
    return event.located and event.location_kind not in ("country", "region", "continent")


def sited_as(event: Event, source: Event, reason: str) -> Event:
    note = f"{event.notes} [{reason}]" if event.notes else reason
    fields = {name: getattr(source, name) for name in SITE_FIELDS}
    fields["geo_precision"] = max(source.geo_precision or 1, 2)
    return replace(event, **fields, notes=note)


def date_before(events: list[Event], groups: list[list[EventMention]]) -> list[Event]:
    """"The attack came two days after a missile hit the MSC Sky II": that strike is dated two days
    before the report's lead occurrence (the first with a date of its own), instead of by its report;
    a day earlier too, since the lead itself may have begun the night before."""
    lead = next((e for e in events if e.date_start is not None and UNDATED_NOTE not in e.notes), None)
    dated: list[Event] = []
    for event, group in zip(events, groups):
        days = group[0].days_before
        if days and lead is not None and event is not lead and (event.date_start is None or UNDATED_NOTE in event.notes):
            last = lead.date_start - timedelta(days=days)
            first = last - timedelta(days=1)
            note = event.notes.replace(UNDATED_NOTE, BEFORE_NOTE.format(days=days)) if event.notes \
                else BEFORE_NOTE.format(days=days)
            event = replace(event, date_start=first, date_end=last, event_date=last, time_precision=2, notes=note)
        dated.append(event)
    return dated


def date_siblings(events: list[Event], groups: list[list[EventMention]]) -> list[Event]:
    """"Drones struck the Dyagilevo base ... and the Engels base": a target with no date of its own
    takes the date its sentence gives the other target (the lead's "on Monday" reached only one)."""
    dated_by_trigger = {}
    for event, group in zip(events, groups):
        if event.date_start is not None and UNDATED_NOTE not in event.notes:
            for mention in group:
                dated_by_trigger.setdefault((mention.event.start_char, mention.event.trigger_start), event)
    result = []
    for event, group in zip(events, groups):
        if UNDATED_NOTE in event.notes:
            sibling = next((dated_by_trigger[key] for m in group if (key := (m.event.start_char, m.event.trigger_start))
                            in dated_by_trigger and dated_by_trigger[key] is not event), None)
            if sibling is not None:
                event = replace(event, **{name: getattr(sibling, name) for name in
                                          ("date_start", "date_end", "event_date", "time_precision")},
                                notes=event.notes.replace(UNDATED_NOTE, SIBLING_NOTE))
        result.append(event)
    return result


def _same_story(one: Event, other: Event) -> bool:
    """Within days of each other: a recollection of an earlier year is another story."""
    if one.date_start is None or other.date_start is None:
        return True
    gap = max(one.date_start, other.date_start) - min(one.date_end, other.date_end)
    return gap <= timedelta(days=UNDATED_WINDOW_DAYS)


def add_described_site(groups: list[list[EventMention]], description: EventMention) -> None:
    """"The village, Hroza, lies in the Kupiansk district": a sentence with no event of its own that
    names the site of the occurrence just reported, which has no finer site yet."""
    for group in reversed(groups):
        told = [m.event.start_char for m in group if not m.partial] or [group[0].event.start_char]
        if min(told) > description.event.start_char:
            continue  # (a lead announcing it may come before; the occurrence itself is told after)
        if group[0].category == "other" and group[0].kind not in TERRITORY_KINDS:
            continue  # "The new figure, announced on Wednesday, ...": a statement has no site to describe
        site = _most_specific(group)
        # "a camp near Ber" placed at the town it is near, then "Ber, a small town 55 km east of
        # Timbuktu": the description of the same name places it better
        same_name = site is not None and (site.event.geo_precision or 1) >= 2 and \
            (site.event.place_text or "").lower() == (description.event.place_text or "").lower()
        if site is not None and _rank(site.event) < KIND_RANK["admin2"] and not same_name:
            return
        mention = replace(description, event=replace(description.event, category=group[0].category),
                          refines=same_name)
        if _agrees(group, mention):
            group.append(mention)
        return


def dated_by_report(event: Event, published: date) -> Event:
    start = published - timedelta(days=UNDATED_WINDOW_DAYS)
    note = f"{event.notes} [{UNDATED_NOTE}]" if event.notes else UNDATED_NOTE
    return replace(event, date_start=start, date_end=published, event_date=start + (published - start) / 2,
                   time_precision=2, notes=note)


def _agrees(group: list[EventMention], mention: EventMention) -> bool:
    if group[0].category != mention.category:
        return False
    if not _actors_agree(group, mention.event) or not _kinds_agree(group, mention) or _earlier_one(group, mention):
        return False
    site, dated = _most_specific(group), _narrowest_date(group, weak=False)
    if not ((_sites_agree(site.event if site else None, mention.event) or _near_reference(site, mention)) and (
            mention.weak_date or _dates_agree(dated.event if dated else None, mention.event))):
        return False
    # Beyond the next paragraph, a mention that would give it its first date or its first site is
    # more likely a recollection of another event (a background paragraph) than more of the same.
    near = mention.paragraph - group[-1].paragraph <= JOIN_PARAGRAPHS or mention.definite
    gives_date = dated is None and mention.event.date_start is not None and not mention.weak_date
    gives_site = site is None and mention.event.located
    return near or not (gives_date or gives_site)


def _near_reference(site: EventMention | None, mention: EventMention) -> bool:
    """"That attack set off explosions ... in the Mussafah industrial area of the capital": a reference
    back to the occurrence may name a district beside the town the lead named."""
    return mention.definite and site is not None and site.event.located and mention.event.located and \
        site.event.location_kind == mention.event.location_kind == "populated_place" and \
        distance_km(site.event, mention.event) <= NEARBY_KM


def _earlier_one(group: list[EventMention], mention: EventMention) -> bool:
    """"Earlier this month, six people were killed when gunmen stormed a compound": a toll of its own,
    dated before the report's occurrence, is another occurrence even when the month holds both."""
    toll = next((m.event.fatalities for m in group if m.event.fatalities is not None), None)
    return not mention.partial and not mention.definite and toll is not None and \
        mention.event.fatalities is not None and mention.event.fatalities != toll and \
        bool(_EARLIER.match(mention.event.date_text or ""))


_EARLIER = re.compile(r"(?:earlier|last)\s+(?:this\s+)?(?:week|month|year)\b", re.IGNORECASE)


def _kinds_agree(group: list[EventMention], mention: EventMention) -> bool:
    """A shooting is not the drone strike reported before it: two specific methods of different
    ACLED event types make two occurrences (drones and missiles, both remote violence, do not)."""
    # the town insurgents took and the town the army won back ("retook", "won it back") are two occurrences
    if not mention.partial and _taken_and_retaken([*group, mention]):
        return False
    if mention.partial or mention.kind in GENERIC_KINDS or mention.definite:
        return True
    typed = next((m for m in group if not m.partial and m.kind not in GENERIC_KINDS), None)
    if typed is None:
        return True
    # "a drone struck the hospital, killing 70" ... "hours earlier, shells fell on the camp, killing
    # eight": another weapon with a toll of its own is another occurrence
    other_toll = typed.event.fatalities is not None and mention.event.fatalities is not None \
        and typed.event.fatalities != mention.event.fatalities and typed.kind != mention.kind and not mention.definite
    same_type = typed.event.event_type == mention.event.event_type or {typed.kind, mention.kind} <= _SHOOTINGS
    return same_type and not other_toll


_SHOOTINGS = frozenset(("ambush", "assassination"))  # "killed a commander in an ambush" ... "was shot dead in the camp"


def _taken_and_retaken(mentions: list[EventMention]) -> bool:
    """A retaking, and a capture by an armed group the text names as the taker."""
    whole = [m for m in mentions if not m.partial]
    return any(m.kind == "regain" for m in whole) and any(
        m.kind == "capture" and m.event.sub_event_type == TERRITORY_TAKEN[0] and m.event.actor1 for m in whole)


def _actors_agree(group: list[EventMention], event: Event) -> bool:
    """The roles reversed (the target of one is the perpetrator of the other) make two occurrences."""
    known = next((m.event for m in group if m.event.actor1 or m.event.actor2), None)
    if known is None or known.actor1 == event.actor1 or not (known.actor1 and event.actor1):
        return True
    return not (event.actor1 == known.actor2 and known.actor1 == event.actor2)


def _rank(event: Event) -> int:
    return KIND_RANK.get(event.location_kind or "", BROAD_RANK - 1)


def _most_specific(group: list[EventMention]) -> EventMention | None:
    located = [m for m in group if m.event.located]
    # ("in another part of the city" ... "in Sheikh Othman district": the district)
    return min(located, key=lambda m: (_rank(m.event), m.event.geo_precision or 3, not m.refines, _around(m.event))) \
        if located else None


def _narrowest_date(group: list[EventMention], weak: bool = True) -> EventMention | None:
    """The narrowest date the event's own words give; the report's date only when there is none."""
    dated = [m for m in group if m.event.date_start is not None and not m.weak_date]
    if not dated and weak:
        dated = [m for m in group if m.event.date_start is not None]
    return min(dated, key=lambda m: m.event.date_end - m.event.date_start) if dated else None


def _sites_agree(one: Event | None, other: Event) -> bool:
    if one is None or not one.located or not other.located:
        return True
    if one.location_kind == other.location_kind == "populated_place":
        if _around(one) or _around(other):
            # "an area south-west of the capital" ... "in Llano Grande": somewhere around one town; "just
            # north of Jericho" is no town 60 km away
            reach = NEARBY_KM if _just_by(one) or _just_by(other) else AROUND_KM
            return distance_km(one, other) <= reach
        return one.location == other.location  # two towns named apart are two places, however near
    if (one.latitude, one.longitude) == (other.latitude, other.longitude):
        return True
    if one.location_kind in _SITES and other.location_kind in _SITES and one.location != other.location:
        # the airport and the presidential palace across town: two targets, unless one holds the other
        return distance_km(one, other) <= SAME_SITE_KM
    fine, broad = sorted((one, other), key=_rank)
    kind = broad.location_kind
    if kind == "country":
        return fine.country == broad.country
    if kind in ("region", "continent"):
        return distance_km(fine, broad) <= REGION_KM
    if kind == "admin1":
        # (the curated tables and GeoNames spell a province alike only up to its name key: "As-Suwayda")
        return fine.country == broad.country and name_key(fine.admin1 or "") == name_key(broad.admin1 or "")
    return distance_km(fine, broad) <= (DISTRICT_KM if kind == "admin2" else NEARBY_KM)


def _just_by(event: Event) -> bool:
    """"just north of X", "on the outskirts of X": right beside its town."""
    return _before_place(event, 40) is not None and bool(_JUST_BY.search(_before_place(event, 40)))


def _before_place(event: Event, chars: int) -> str | None:
    if event.place_start is None or not event.start_char <= event.place_start <= event.end_char:
        return None
    offset = event.place_start - event.start_char
    return event.sentence[max(0, offset - chars):offset]


_JUST_BY = re.compile(r"\b(?:just|immediately|a\s+few\s+(?:km|kilometres|kilometers|miles))\s+(?:[\w-]+\s+){0,2}?(?:of|outside)\s+"
                      r"(?:the\s+)?(?:[\w'’-]+\s+)?$|\b(?:outskirts|edge|fringes?)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)


def _around(event: Event) -> bool:
    """Sited only relative to its town: "an area south-west of the capital", "near Kanbalu"."""
    if event.place_start is None or not event.start_char <= event.place_start <= event.end_char:
        return False
    return _around_at(event.sentence, event.place_start - event.start_char)


@lru_cache(maxsize=1024)  # frames compare each event with each other one: the same place is asked about again and again
def _around_at(sentence: str, offset: int) -> bool:
    return bool(_AROUND.search(sentence[max(0, offset - 60):offset]))


def _dates_agree(one: Event | None, other: Event) -> bool:
    if one is None or other.date_start is None:
        return True
    return one.date_start <= other.date_end and other.date_start <= one.date_end


_SITES = ("installation", "airport")
SAME_SITE_KM = 2.0  # a base inside an airport's perimeter is one target with it

SITE_FIELDS = ("location", "latitude", "longitude", "geo_precision", "country", "admin1", "location_kind",
               "place_text", "place_start", "place_end", "place_confidence", "candidates")
DATE_FIELDS = ("date_start", "date_end", "event_date", "time_precision", "date_text", "date_text_start",
               "date_text_end")


def _site_of(mention: EventMention | None) -> dict:
    return {name: getattr(mention.event, name) if mention else None for name in SITE_FIELDS} | (
        {} if mention else {"candidates": ()})


def _date_of(mention: EventMention | None) -> dict:
    return {name: getattr(mention.event, name) if mention else None for name in DATE_FIELDS}


def _evidence(group: list[EventMention], site, dated, toll, actors) -> tuple[Evidence, ...]:
    """Each sentence used once, in text order, with what it gave the event."""
    gave: dict[tuple[int, int], list[str]] = {}
    texts: dict[tuple[int, int], str] = {}
    used = (("event", group[0].event), ("site", site and site.event), ("date", dated and dated.event),
            ("fatalities", toll), ("actors", actors))
    for role, event in used:
        if event is not None:
            span = (event.start_char, event.end_char)
            gave.setdefault(span, []).append(role)
            texts[span] = event.sentence
    for mention in group:
        span = (mention.event.start_char, mention.event.end_char)
        gave.setdefault(span, [])
        texts[span] = mention.event.sentence
    return tuple(Evidence(start, end, texts[(start, end)], tuple(roles) or ("event",))
                 for (start, end), roles in sorted(gave.items()))
