"""A report filed from a town that names no other town: what it tells happened in that town.

"MOGADISHU (AP) — Somali forces ended an overnight siege at a hotel near the presidential palace
...": wire copy about a local story often never writes the city's name again. The dateline is
never the site of an event reported from elsewhere; but when the report names no other populated
place, base or airport at all, there is no elsewhere. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re

from geo.events.coreference import dateline_site
from geo.events.facts import ArticleFacts
from geo.events.frames import EventMention, names_unknown_place, sited_as
from geo.events.site_points import site_fields
from geo.events.sites import Site
from geo.geoparse.resolve import distance_km
from geo.model import Event

DATELINE_NOTE = "no place of its own, in a report that names no town but its dateline's: sited there"
TOPIC_SITE_NOTE = "no place of its own: sited at the town its paragraph opens with"
_TOWN_KINDS = ("populated_place", "admin2", "installation", "airport")
INSIDE_TOWN_KM = 8.0  # a compound or airport this close to the dateline's town is in it
# "attacks on two army positions in the far north": elsewhere in the country, not the dateline's town
_ELSEWHERE = re.compile(r"\bin\s+the\s+(?:country['’]s\s+)?(?:far\s+|remote\s+|restive\s+)?(?:north|south|east|west|"
                        r"north-?east|north-?west|south-?east|south-?west)\b", re.IGNORECASE)


def site_at_dateline(events: list[Event], groups: list[list[EventMention]], facts: ArticleFacts) -> list[Event]:
    """Attacks and handovers whose words name no place at all, in a report that names no town, base
    or airport but its dateline's, happened in the dateline's town (geo_precision 2)."""
    unplaced = [i for i, (event, group) in enumerate(zip(events, groups))
                if _names_no_place(event, group) and not names_unknown_place(group)  # "raided the village of X"
                and not any(_ELSEWHERE.search(m.event.sentence) for m in group)]
    town = _only_town(facts) if unplaced else None
    if town is None:
        return events
    sited = list(events)
    for index in unplaced:
        sited[index] = _sited_at(facts, events[index], town, DATELINE_NOTE)
    return sited


def _names_no_place(event: Event, group: list[EventMention]) -> bool:
    """An attack or handover whose words name no place at all."""
    return not event.located and event.category in ("attack", "handover") and \
        not any(m.event.place_text for m in group)


def _sited_at(facts: ArticleFacts, event: Event, site: Site, reason: str) -> Event:
    source = Event(article_id=facts.article.id, category="other", event_type="", sub_event_type="",
                   sentence="", start_char=0, end_char=0, **site_fields(site))
    return sited_as(event, source, reason)


def _only_town(facts: ArticleFacts):
    sites = dateline_site(facts)
    if not sites:
        return None
    town = sites[0]
    # (a town abroad in a country the text never names is a word of a name: "Abdifatah Adan Hassan")
    others = [m for m in facts.places.items if m.entry is not None and m.entry.kind in _TOWN_KINDS
              and m.entry.id != town.mention.entry.id and not (facts.dateline[0] <= m.start < facts.dateline[1])
              and not facts.foreign(m.entry, any_size=True)
              and not _inside_town(m.entry, town.mention.entry)]  # "the Villa Somalia compound" in Mogadishu
    return None if others else town


def _inside_town(entry, town) -> bool:
    return entry.kind in ("installation", "airport") and distance_km(entry, town) <= INSIDE_TOWN_KM


def site_at_paragraph_topic(events: list[Event], groups: list[list[EventMention]], facts: ArticleFacts) -> list[Event]:
    """"Ouagadougou has been targeted repeatedly. On January 15, 2016, gunmen attacked the Splendid
    Hotel ...": an attack whose words name no place at all, in a paragraph that opens with a town in a
    sentence giving no date (said of the town in general), happened in that town (geo_precision 2)."""
    sited = list(events)
    for index, (event, group) in enumerate(zip(events, groups)):
        if not _names_no_place(event, group) or names_unknown_place(group):
            continue
        town = _topic_town(facts, group[0].event.start_char)
        if town is not None:
            sited[index] = _sited_at(facts, event, Site.named(town, 2), TOPIC_SITE_NOTE)
    return sited


def _topic_town(facts: ArticleFacts, sentence_start: int):
    text = facts.text
    opening = text.rfind("\n\n", 0, sentence_start)
    opening = 0 if opening < 0 else opening + 2
    first_end = text.find(". ", opening)
    if first_end < 0 or first_end >= sentence_start:
        return None  # the occurrence's own sentence opens the paragraph
    first = facts.places.within(opening, min(first_end, opening + 60))[:1]
    if not first or first[0].start - opening > 4 or first[0].entry is None or \
            first[0].entry.kind not in _TOWN_KINDS or facts.no_site.overlaps(first[0].start, first[0].end):
        return None
    return None if facts.dates.within(opening, first_end) else first[0]
