"""The event-frame stage: mentions of one occurrence merge into one event; distinct
occurrences (other places, other dates, reprisals) stay apart."""
from __future__ import annotations

from datetime import date

import pytest

from geo.events.frames import UNDATED_NOTE, EventMention, frames, merge
from geo.model import Event

PUBLISHED = date(2024, 3, 6)
# (kind, latitude, longitude, country, admin1) of a few made-up places, by label
PLACES = {
    "country": ("country", 33.0, 44.0, "Iraq", None),
    "province": ("admin1", 36.2, 44.0, "Iraq", "11"),
    "town": ("populated_place", 36.19, 44.01, "Iraq", "11"),
    "airport": ("airport", 36.24, 43.96, "Iraq", "11"),
    "far_base": ("installation", 33.8, 42.44, "Iraq", "01"),
    "abroad": ("populated_place", 35.0, 40.0, "Syria", "05"),
    "next_village": ("populated_place", 36.19, 44.01, "Iraq", "11"),  # pinned to the town's point
}


def mention(start: int, place: str | None = None, day: tuple[date, date] | None = None, killed: int | None = None,
            actor1: str | None = None, actor2: str | None = None, kind: str = "attack", partial: bool = False, responds: bool = False,
            category: str = "attack") -> EventMention:
    site = {}
    if place:
        kind_of, lat, lon, country, admin1 = PLACES[place]
        site = dict(location=place, place_text=place, place_start=start + 1, place_end=start + 2, latitude=lat,
                    longitude=lon, country=country, admin1=admin1, location_kind=kind_of,
                    geo_precision=3 if kind_of in ("country", "admin1") else 1)
    dates = dict(date_start=day[0], date_end=day[1], event_date=day[0], time_precision=1) if day else {}
    event = Event(article_id="a", category=category, event_type="T", sub_event_type=f"sub-{kind}",
                  sentence=f"sentence {start}", start_char=start, end_char=start + 10, fatalities=killed,
                  actor1=actor1, actor2=actor2, **site, **dates)
    return EventMention(event, kind, partial=partial, responds=responds)


TUESDAY = (date(2024, 3, 5), date(2024, 3, 5))
MONDAY = (date(2024, 3, 4), date(2024, 3, 4))
LAST_YEAR = (date(2023, 1, 1), date(2023, 1, 31))
THIS_WEEK = (date(2024, 3, 4), date(2024, 3, 6))


@pytest.mark.parametrize("mentions, groups", [
    # the lead gives the day and toll at country level, a later sentence the site
    ([mention(0, "country", TUESDAY, 2), mention(100, "airport")], [[0, 1]]),
    # a town and its airport, a province and its town: one place
    ([mention(0, "town", TUESDAY), mention(100, "airport", TUESDAY)], [[0, 1]]),
    ([mention(0, "province", THIS_WEEK), mention(100, "town", TUESDAY)], [[0, 1]]),
    # two towns named apart are two places, even pinned to one point
    ([mention(0, "town", TUESDAY), mention(100, "next_village", TUESDAY)], [[0], [1]]),
    # two bases far apart on the same night: two events
    ([mention(0, "airport", TUESDAY), mention(50, "far_base", TUESDAY)], [[0], [1]]),
    # a place in another country: another event
    ([mention(0, "country", TUESDAY), mention(100, "abroad")], [[0], [1]]),
    # background: the same base a year earlier is another event
    ([mention(0, "airport", TUESDAY), mention(200, "airport", LAST_YEAR)], [[0], [1]]),
    # a reference back ("the attack") joins; on its own it is nothing
    ([mention(0, "airport", TUESDAY), mention(100, partial=True, killed=3)], [[0, 1]]),
    ([mention(0, partial=True, killed=3)], []),
    # a reprisal never joins the event it answers
    ([mention(0, "airport", TUESDAY), mention(100, "country", TUESDAY, responds=True)], [[0], [1]]),
    # the roles reversed (the target strikes back): another event
    ([mention(0, "airport", TUESDAY, actor1="A", actor2="B"), mention(100, "town", TUESDAY, actor1="B", actor2="A")],
     [[0], [1]]),
    # two names for one perpetrator are common in one report: still one event
    ([mention(0, "airport", TUESDAY, actor1="A"), mention(100, "town", TUESDAY, actor1="B")], [[0, 1]]),
    # categories never mix
    ([mention(0, "airport", TUESDAY), mention(100, "airport", TUESDAY, category="handover", kind="handover")],
     [[0], [1]]),
    # a lead without a usable site waits for the occurrence whose site comes a sentence later
    ([mention(0, day=TUESDAY, partial=True, category="handover", kind="handover"),
      mention(100, "airport", category="handover", kind="handover")], [[0, 1]]),
    # a lead that announces two occurrences ("handed two more bases ... on Tuesday") dates both
    ([EventMention(mention(0, day=TUESDAY, category="handover", kind="handover").event, "handover", partial=True,
                   serves=2),
      mention(100, "airport", category="handover", kind="handover"),
      mention(200, "far_base", category="handover", kind="handover")], [[0, 1], [0, 2]]),
    # ... but not for one on another day
    ([mention(0, day=MONDAY, partial=True), mention(100, "airport", TUESDAY)], [[1]]),
    # a later mention joins the most recent frame it agrees with
    ([mention(0, "airport", TUESDAY), mention(50, "far_base", MONDAY), mention(100, partial=True)], [[0], [1, 2]]),
])
def test_mentions_group_into_occurrences(mentions, groups):
    found = frames(mentions)
    events = [m.event for m in mentions]
    assert [[events.index(m.event) for m in group] for group in found] == groups


def test_a_merged_event_takes_the_finest_site_the_narrowest_date_and_the_first_toll():
    lead = mention(0, "country", THIS_WEEK, killed=2, actor1="Group")
    site = mention(100, "airport", kind="drone")
    dated = mention(200, "town", TUESDAY, killed=5)
    event = merge([lead, site, dated], PUBLISHED)
    assert (event.location_kind, event.latitude) == ("airport", 36.24)
    assert (event.date_start, event.date_end) == TUESDAY
    assert event.fatalities == 2 and event.actor1 == "Group"
    assert event.sub_event_type == "sub-drone"  # a weapon says more than "attack"
    assert event.start_char == 0  # the event's own sentence is the lead
    assert [(e.start, e.gave) for e in event.evidence] == [
        (0, ("event", "fatalities", "actors")), (100, ("site",)), (200, ("date",))]


@pytest.mark.parametrize("category, dated", [("attack", True), ("handover", True), ("other", False)])
def test_an_undated_attack_or_handover_is_dated_by_its_report(category, dated):
    event = merge([mention(0, "airport", category=category, kind=category)], PUBLISHED)
    if dated:
        assert (event.date_start, event.date_end, event.time_precision) == (date(2024, 2, 29), PUBLISHED, 2)
        assert UNDATED_NOTE in event.notes
    else:
        assert event.date_start is None
