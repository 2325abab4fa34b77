"""The shared value objects validate themselves."""
from datetime import date

import pytest

from geo.errors import InputError
from geo.model import Article, Event, GazetteerEntry, PlaceMention


def _event(**changes):
    fields = dict(article_id="a1", category="attack", event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", sentence="Rockets hit the base.",
                  start_char=0, end_char=21)
    fields.update(changes)
    return Event(**fields)


@pytest.mark.parametrize(
    "changes",
    [
        {"category": "riot"},
        {"latitude": 33.0},  # longitude missing
        {"latitude": 95.0, "longitude": 10.0},
        {"date_start": date(2020, 5, 2), "date_end": date(2020, 5, 1)},
        {"fatalities": -1},
    ],
)
def test_event_refuses_invalid_fields(changes):
    with pytest.raises(InputError):
        _event(**changes)


def test_event_key_is_stable_and_ignores_extraction_details():
    first = _event(place_text="the base", latitude=33.0, longitude=44.0)
    regeocoded = _event(place_text="the base", latitude=34.0, longitude=45.0, fatalities=3)
    other_site = _event(place_text="the airport")
    assert first.key == regeocoded.key
    assert first.key != other_site.key


def test_event_to_dict_is_json_ready():
    event = _event(date_start=date(2020, 3, 1), date_end=date(2020, 5, 31), event_date=date(2020, 3, 1))
    data = event.to_dict()
    assert data["date_start"] == "2020-03-01" and data["date_end"] == "2020-05-31"
    assert data["event_key"] == event.key and data["candidates"] == []


@pytest.mark.parametrize("kind, ok", [("installation", True), ("airport", True), ("planet", False)])
def test_gazetteer_entry_kind(kind, ok):
    make = lambda: GazetteerEntry(id="x:1", name="X", kind=kind, latitude=1.0, longitude=2.0)
    if ok:
        assert make().kind == kind
    else:
        with pytest.raises(InputError):
            make()


def test_place_mention_dict_for_unresolved_mention_has_null_coordinates():
    data = PlaceMention(text="Nowhere", start=3, end=10).to_dict()
    assert data["latitude"] is None and data["longitude"] is None and data["start"] == 3


@pytest.mark.parametrize("span", [(5, 2), (-1, 3)])
def test_place_mention_refuses_bad_span(span):
    with pytest.raises(InputError):
        PlaceMention(text="x", start=span[0], end=span[1])


def test_article_id_defaults_to_content_hash_prefix():
    article = Article(text="same text", published=date(2020, 7, 5))
    assert article.id == Article(text="same text", published=date(2021, 1, 1)).id
    assert len(article.id) == 16 and article.content_hash.startswith(article.id)


def test_evidence_validates_itself_and_round_trips():
    from geo.io import events_to_csv
    from geo.model import Evidence

    with pytest.raises(InputError):
        Evidence(5, 2, "x")
    with pytest.raises(InputError):
        Evidence(0, 2, "x", ("gossip",))
    evidence = Evidence(0, 10, "A sentence.", ("event", "site"))
    assert Evidence.from_dict(evidence.to_dict()) == evidence
    event = Event(article_id="a", category="attack", event_type="T", sub_event_type="S", sentence="A sentence.",
                  start_char=0, end_char=10, evidence=(evidence, Evidence(20, 30, "Another one.", ("date",))))
    assert event.to_dict()["evidence"][1] == {"start": 20, "end": 30, "text": "Another one.", "gave": ["date"]}
    assert "0-10 [event, site] A sentence. | 20-30 [date] Another one." in events_to_csv([event])
