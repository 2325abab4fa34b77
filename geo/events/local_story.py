"""A report filed from a town that names no other town: what it tells happened in that town.

"MOGADISHU (AP) — Somali forces ended an overnight siege at a hotel near the presidential palace
...": wire copy about a local story often never writes the city's name again. The dateline is
never the site of an event reported from elsewhere; but when the report names no other populated
place, base or airport at all, there is no elsewhere. Pure: no I/O, no clock.
"""
from __future__ import annotations


from geo.events.coreference import dateline_site
from geo.events.facts import ArticleFacts
from geo.events.frames import EventMention, sited_as
from geo.events.sites import site_fields
from geo.model import Event

DATELINE_NOTE = "no place of its own, in a report that names no town but its dateline's: sited there"
_TOWN_KINDS = ("populated_place", "admin2", "installation", "airport")


def site_at_dateline(events: list[Event], groups: list[list[EventMention]], facts: ArticleFacts) -> list[Event]:
    """Attacks and handovers whose words name no place at all, in a report that names no town, base
    or airport but its dateline's, happened in the dateline's town (geo_precision 2)."""
    unplaced = [i for i, (event, group) in enumerate(zip(events, groups))
                if not event.located and event.category in ("attack", "handover")
                and not any(m.event.place_text for m in group)]
    if not unplaced:
        return events
    town = _only_town(facts)
    if town is None:
        return events
    source = Event(article_id=facts.article.id, category="other", event_type="", sub_event_type="",
                   sentence="", start_char=0, end_char=0, **site_fields(town))
    sited = list(events)
    for index in unplaced:
        sited[index] = sited_as(events[index], source, DATELINE_NOTE)
    return sited


def _only_town(facts: ArticleFacts):
    sites = dateline_site(facts)
    if not sites:
        return None
    town = sites[0]
    # (a town abroad in a country the text never names is a word of a name: "Abdifatah Adan Hassan")
    others = [m for m in facts.places.items if m.entry is not None and m.entry.kind in _TOWN_KINDS
              and m.entry.id != town.mention.entry.id and not (facts.dateline[0] <= m.start < facts.dateline[1])
              and not facts.foreign(m.entry, any_size=True)]
    return None if others else town
