"""Corrections: validated, recorded with what changed and why, applied over
extraction results, and kept when an article is re-extracted or the extractor changes."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from geo.errors import InputError, NotFound
from geo.store import open_store
from geo.store.corrections import CorrectedEvent, apply_corrections, describe, plan_correction
from tests.store_helpers import NORTHTOWN_PROVINCE, TEXT, Extractor, make_article, sentence_events


@pytest.fixture
def attack():
    """The first extracted event: an attack at Northtown on 2020-07-01, with a second candidate."""
    return sentence_events(make_article(TEXT))[0]


def _apply(event, *changes_list):
    current = CorrectedEvent(event)
    stored = []
    for changes in changes_list:
        new, _old = plan_correction(current, changes)
        stored.append({"changes": new})
        current = apply_corrections(event, stored)
    return current


@pytest.mark.parametrize("changes, expected", [
    ({"candidate_id": "test:2"}, {"location": "North", "latitude": 36.5, "longitude": 43.9,
                                  "location_kind": "admin1", "geo_precision": 3}),
    ({"latitude": "35.25", "longitude": 44.0}, {"latitude": 35.25, "longitude": 44.0, "geo_precision": 1,
                                                "location": "Northtown"}),
    ({"latitude": 35.0, "longitude": 44.0, "location": "Hill 402"}, {"location": "Hill 402"}),
    ({"latitude": None, "longitude": ""}, {"latitude": None, "longitude": None}),
    ({"category": "other"}, {"category": "other"}),
    ({"date_start": "2020-06-01", "date_end": "2020-06-30"},
     {"date_start": date(2020, 6, 1), "date_end": date(2020, 6, 30), "event_date": date(2020, 6, 1),
      "time_precision": 3}),
    ({"date_start": date(2020, 6, 29)}, {"date_start": date(2020, 6, 29), "date_end": date(2020, 7, 1),
                                         "time_precision": 2}),
    ({"date_start": None, "date_end": None}, {"date_start": None, "date_end": None, "time_precision": None}),
    ({"fatalities": "4"}, {"fatalities": 4}),
    ({"fatalities": 0}, {"fatalities": 0}),
])
def test_valid_corrections_change_the_event(attack, changes, expected):
    corrected = _apply(attack, changes)
    assert {name: getattr(corrected.event, name) for name in expected} == expected
    assert corrected.corrected and not corrected.rejected


@pytest.mark.parametrize("changes, message", [
    ({"sentence": "rewritten"}, "cannot correct sentence"),
    ({"latitude": 35.0}, "both latitude and longitude"),
    ({"latitude": 95, "longitude": 44}, "outside"),
    ({"latitude": "north", "longitude": 44}, "not a number"),
    ({"candidate_id": "gn:999"}, "not a candidate"),
    ({"candidate_id": "test:2", "latitude": 1, "longitude": 2}, "not both"),
    ({"category": "riot"}, "category must be one of"),
    ({"date_start": "2020-07-05", "date_end": "2020-07-01"}, "before the start date"),
    ({"date_end": "2020-06-01"}, "before the start date"),
    ({"date_start": "05/07/2020"}, "not a valid YYYY-MM-DD"),
    ({"fatalities": -3}, "negative"),
    ({"fatalities": "many"}, "whole number"),
    ({"fatalities": 2.5}, "whole number"),
    ({"rejected": "maybe"}, "true or false"),
    ({"category": "attack"}, "nothing to change"),
    ({"candidate_id": "test:1"}, "nothing to change"),
    ({}, "nothing to change"),
])
def test_invalid_corrections_are_refused_with_a_reason(attack, changes, message):
    with pytest.raises(InputError, match=message):
        plan_correction(CorrectedEvent(attack), changes)


def test_correction_records_only_real_changes_with_previous_values(attack):
    new, old = plan_correction(CorrectedEvent(attack), {"latitude": 36.1, "longitude": 44.5})
    assert new == {"longitude": 44.5} and old == {"longitude": 43.2}  # latitude and precision unchanged
    assert describe(new, old)[0] == "longitude: 43.2 → 44.5"


def test_later_corrections_win_and_rejection_can_be_undone(attack):
    corrected = _apply(attack, {"fatalities": 1}, {"fatalities": 3}, {"rejected": True})
    assert corrected.event.fatalities == 3 and corrected.rejected
    assert not _apply(attack, {"rejected": True}, {"rejected": False}).rejected


def test_a_stored_correction_that_no_longer_fits_is_skipped(attack):
    broken = {"changes": {"latitude": 120.0, "longitude": 10.0}}
    fine = {"changes": {"fatalities": 5}}
    corrected = apply_corrections(attack, [broken, fine])
    assert corrected.event.latitude == attack.latitude and corrected.event.fatalities == 5


@pytest.fixture
def store(tmp_path):
    moments = iter(datetime(2026, 1, 1, 12, minute, tzinfo=timezone.utc) for minute in range(60))
    with open_store(tmp_path / "geo.db") as opened:
        opened.clock = lambda: next(moments)
        yield opened


def test_history_records_what_when_and_why(store):
    store.add_article(make_article(TEXT), sentence_events)
    event_id = store.list_events()[0]["id"]
    store.correct_event(event_id, {"candidate_id": NORTHTOWN_PROVINCE.id}, "the town is wrong")
    store.correct_event(event_id, {"fatalities": 2})
    history = store.corrections(event_id)
    assert [h["reason"] for h in history] == ["the town is wrong", ""]
    assert history[0]["changes"]["location"] == "North" and history[0]["previous"]["location"] == "Northtown"
    assert [h["created_at"] for h in history] == ["2026-01-01T12:01:00+00:00", "2026-01-01T12:02:00+00:00"]  # 12:00: the article
    assert all(h["event_id"] == event_id for h in history)
    shown = store.get_event(event_id)
    assert shown["corrected"] and shown["location"] == "North" and shown["fatalities"] == 2
    assert "fatalities" in shown["corrected_fields"]


def test_rejected_events_are_hidden_unless_asked_for(store):
    store.add_article(make_article(TEXT), sentence_events)
    event_id = store.list_events()[0]["id"]
    store.correct_event(event_id, {"rejected": True}, "a rumour")
    assert event_id not in [e["id"] for e in store.list_events()]
    (rejected,) = [e for e in store.list_events(include_rejected=True) if e["id"] == event_id]
    assert rejected["rejected"] is True


def test_corrections_survive_reextraction_and_an_extractor_upgrade(store):
    article_id = store.add_article(make_article(TEXT), Extractor("v1").extract)
    attack_id, shelling_id = (e["id"] for e in store.list_events()[:2])
    store.correct_event(attack_id, {"latitude": 35.0, "longitude": 45.0}, "seen on imagery")
    store.correct_event(shelling_id, {"category": "other"})
    store.reextract(article_id, Extractor("v2", shift=1.0).extract)
    attack, shelling = (store.get_event(i) for i in (attack_id, shelling_id))
    assert (attack["latitude"], attack["longitude"], attack["extractor_version"]) == (35.0, 45.0, "v2")
    assert shelling["category"] == "other" and shelling["corrected"]
    untouched = store.list_events()[2]
    assert untouched["corrected"] is False


def test_a_category_correction_keeps_the_event_key_for_further_corrections(store):
    store.add_article(make_article(TEXT), sentence_events)
    event = store.list_events()[0]
    store.correct_event(event["id"], {"category": "handover"})
    store.correct_event(event["id"], {"fatalities": 1})
    assert store.get_event(event["id"])["event_key"] == event["event_key"]
    assert len(store.corrections(event["id"])) == 2


def test_correcting_an_unknown_event_is_not_found(store):
    for bad in (999, "abc", -1):
        with pytest.raises(NotFound):
            store.correct_event(bad, {"fatalities": 1})


def test_corrections_of_events_no_longer_found_are_kept_in_the_history(store):
    article_id = store.add_article(make_article(TEXT), sentence_events)
    store.correct_event(store.list_events()[1]["id"], {"fatalities": 9})
    store.reextract(article_id, lambda article: sentence_events(article)[:1])
    (orphan,) = store.corrections()
    assert orphan["event_id"] is None and orphan["changes"] == {"fatalities": 9}
    store.reextract(article_id, sentence_events)  # the event is found again: so is its correction
    assert store.list_events()[1]["fatalities"] == 9
