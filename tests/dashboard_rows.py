"""Event rows shaped like ``Store.list_events()`` output, built from real
``geo.model.Event`` objects, for the dashboard's unit tests."""
from __future__ import annotations

from datetime import date

from geo.model import Event

SENTENCE = "Gunmen attacked a checkpoint near Springfield on Monday, killing three soldiers."


def event_row(event_id: int, category: str = "attack", start: str | None = "2021-03-01",
              end: str | None = None, latitude: float | None = 10.0, longitude: float | None = 20.0,
              precision: int | None = 1, fatalities: int | None = None, sentence: str = SENTENCE,
              place: str | None = "Springfield", url: str = "https://news.example.org/a/1", **extra) -> dict:
    place_start = sentence.find(place) if place and place in sentence else None
    event = Event(
        article_id="article-1", category=category, event_type="Violence against civilians",
        sub_event_type="Attack", sentence=sentence, start_char=100, end_char=100 + len(sentence),
        location=place, latitude=latitude, longitude=longitude,
        geo_precision=precision if latitude is not None else None, country="Testland", admin1="North",
        place_text=place, place_start=None if place_start is None else 100 + place_start,
        place_end=None if place_start is None else 100 + place_start + len(place),
        date_start=date.fromisoformat(start) if start else None,
        date_end=date.fromisoformat(end or start) if start else None,
        event_date=date.fromisoformat(start) if start else None, time_precision=1 if start else None,
        actor1="Gunmen", actor2="Military forces", fatalities=fatalities,
    )
    row = event.to_dict()
    row.update(id=event_id, corrected=False, rejected=False, corrected_fields=[], extractor_version="test",
               article_title="A test article", outlet="Test Outlet", url=url, published="2021-03-05")
    row.update(extra)
    return row


HOSTILE_SENTENCE = ('Rebels hit Springfield <script>document.title="pwned"</script> '
                    '<img src=x onerror="document.title=\'pwned\'"> & fled.')
