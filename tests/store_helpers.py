"""Small real inputs for the store tests: hand-built articles and events, and a
tiny rule-based extractor over made-up place names (so store tests do not
depend on the real extractor and its gazetteer)."""
from __future__ import annotations

import re
from datetime import date

from geo.model import Article, Event, GazetteerEntry

NORTHTOWN = GazetteerEntry("test:1", "Northtown", "populated_place", 36.1, 43.2, "Testland", "TL", "North",
                           population=5000, aliases=("North Town",), source="test")
NORTHTOWN_PROVINCE = GazetteerEntry("test:2", "North", "admin1", 36.5, 43.9, "Testland", "TL", "North")
SOUTHPORT = GazetteerEntry("test:3", "Southport", "populated_place", 30.5, 47.8, "Testland", "TL", "South")
PLACES = {"Northtown": (NORTHTOWN, NORTHTOWN_PROVINCE), "Southport": (SOUTHPORT,)}
TRIGGERS = {"attacked": ("attack", "Battles", "Armed clash"),
            "shelled": ("attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
            "handed over": ("handover", "Strategic developments", "Headquarters or base established")}
_DAY = re.compile(r"on (\d{4}-\d{2}-\d{2})")


def make_article(text: str, published: date = date(2020, 7, 5), **meta) -> Article:
    meta = {"title": "A test article", "outlet": "Test Wire", "url": "https://example.org/a", **meta}
    return Article(text=text, published=published, **meta)


def sentence_events(article: Article, shift: float = 0.0) -> list[Event]:
    """One event per sentence with a trigger word; the site is the first known
    place named in it, dated by an ``on YYYY-MM-DD`` phrase. ``shift`` moves every
    coordinate, standing in for a changed geocoder."""
    events = []
    for match in re.finditer(r"[^.]+\.", article.text):
        sentence = match.group(0).strip()
        start = match.start() + match.group(0).index(sentence)
        trigger = next((t for t in TRIGGERS if t in sentence), None)
        if trigger is None:
            continue
        category, event_type, sub_event_type = TRIGGERS[trigger]
        place = next((p for p in PLACES if p in sentence), None)
        day = _DAY.search(sentence)
        when = date.fromisoformat(day.group(1)) if day else None
        site = {}
        if place:
            best = PLACES[place][0]
            offset = start + sentence.index(place)
            site = dict(location=best.name, latitude=best.latitude + shift, longitude=best.longitude,
                        geo_precision=1, country=best.country, admin1=best.admin1, location_kind=best.kind,
                        place_text=place, place_start=offset, place_end=offset + len(place),
                        place_confidence=0.875, candidates=PLACES[place])
        trigger_start = start + sentence.index(trigger)
        events.append(Event(
            article_id=article.id, category=category, event_type=event_type, sub_event_type=sub_event_type,
            sentence=sentence, start_char=start, end_char=start + len(sentence), trigger=trigger,
            trigger_start=trigger_start, trigger_end=trigger_start + len(trigger), date_start=when,
            date_end=when, event_date=when, time_precision=1 if when else None,
            date_text=day.group(0) if day else None, actor1="Test forces", fatalities=None, notes="", **site))
    return events


class Extractor:
    """The test extractor as an object with a version, like the real one."""

    def __init__(self, version: str = "test-1", shift: float = 0.0):
        self.version = version
        self.shift = shift

    def extract(self, article: Article) -> list[Event]:
        return sentence_events(article, self.shift)


TEXT = ("Militants attacked Northtown on 2020-07-01. "
        "The army shelled Southport on 2020-06-20. "
        "The base was handed over to local forces. "
        "Nothing else happened.")
