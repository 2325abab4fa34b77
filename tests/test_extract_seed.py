"""The seed article (Rudaw, 2020-07-05) must come out as an analyst would code it."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from geo.gazetteer.normalize import fold
from geo.io.textio import load_article
from tests.extract_helpers import SEED, extractor, km_between  # noqa: F401  (session fixture)

# Where each base (or its town) is; 25 km covers "the base or its town".
BASES = {
    "Abu Ghraib": (33.29, 44.06),
    "K-1": (35.51, 44.28),
    "al-Qaim": (34.37, 41.09),
    "Qayyarah": (35.78, 43.20),
    "al-Sqoor": (36.34, 43.13),
    "al-Taqaddum": (33.34, 43.60),
}


@pytest.fixture(scope="module")
def seed_article():
    return load_article(str(SEED))


@pytest.fixture(scope="module")
def seed_events(extractor, seed_article):
    return extractor.extract(seed_article)


def test_publication_date_comes_from_the_sidecar(seed_article):
    assert seed_article.published == date(2020, 7, 5)


def test_six_handovers_one_per_base(seed_events):
    handovers = [e for e in seed_events if e.category == "handover"]
    assert sorted(e.place_text for e in handovers) == sorted(BASES)


@pytest.mark.parametrize("base", sorted(BASES))
def test_each_handover(seed_events, base):
    (event,) = [e for e in seed_events if e.category == "handover" and e.place_text == base]
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Non-violent transfer of territory")
    assert km_between(event.latitude, event.longitude, *BASES[base]) <= 25
    assert event.country == "Iraq"
    assert (event.date_start, event.date_end) == (date(2020, 3, 1), date(2020, 5, 31))
    assert event.time_precision == 3 and event.event_date == date(2020, 4, 15)
    assert event.date_text == "between March and May of this year"
    assert "Coalition" in event.actor1 and event.actor2 == "Iraqi Security Forces"
    assert event.fatalities is None


def test_one_attack_the_storming_of_a_village_near_khanaqin(seed_events):
    (attack,) = [e for e in seed_events if e.category == "attack"]
    assert attack.place_text == "Khanaqin" and "diyal" in fold(attack.admin1 or "")
    assert km_between(attack.latitude, attack.longitude, 34.35, 45.39) <= 15
    assert (attack.event_type, attack.sub_event_type) == ("Violence against civilians", "Attack")
    assert (attack.date_start, attack.date_end, attack.time_precision) == (date(2020, 6, 1), date(2020, 6, 30), 3)
    assert attack.date_text == "last month"
    assert attack.fatalities >= 7
    assert "ISIS" in attack.actor1 and attack.actor2 == "Civilians (Iraq)"
    assert attack.trigger == "stormed"


@pytest.mark.parametrize("trigger, day, date_text", [
    ("ceremony", date(2020, 7, 2), "on Thursday"),
    ("statement", date(2020, 7, 5), "Sunday"),
])
def test_ceremony_and_statement_are_unlocated_other_events(seed_events, trigger, day, date_text):
    matching = [e for e in seed_events if e.category == "other" and e.trigger == trigger and e.date_start == day]
    assert len(matching) == 1
    (event,) = matching
    assert (event.latitude, event.longitude, event.location) == (None, None, None)
    assert (event.date_end, event.time_precision, event.date_text) == (day, 1, date_text)


def test_no_event_at_the_dateline_or_in_iran(seed_events):
    assert not [e for e in seed_events if e.location and "Erbil" in e.location]
    assert not [e for e in seed_events if e.country == "Iran"]
    dateline_end = SEED.read_text(encoding="utf-8").index("—")
    assert not [e for e in seed_events if e.place_start is not None and e.place_start < dateline_end]


def test_counts_and_nothing_from_generic_or_quoted_threats(seed_events):
    counts = Counter(e.category for e in seed_events)
    assert counts["handover"] == 6 and counts["attack"] == 1
    # The quoted ISIS threat ("will start to increase their attacks") and the
    # "persistent rocket attacks" are no events; every other event is dated.
    assert all(e.date_start is not None for e in seed_events)
    assert not [e for e in seed_events if "increase their attacks" in e.sentence and e.category == "attack"]


def test_provenance(seed_events, seed_article):
    text = seed_article.text
    for event in seed_events:
        assert event.article_id == seed_article.id
        assert text[event.start_char:event.end_char] == event.sentence
        assert text[event.trigger_start:event.trigger_end] == event.trigger
        assert text[event.date_text_start:event.date_text_end] == event.date_text
        if event.place_text is not None:
            assert text[event.place_start:event.place_end] == event.place_text
    assert len({e.key for e in seed_events}) == len(seed_events)


def test_extraction_is_pure(extractor, seed_article, seed_events):
    assert extractor.extract(seed_article) == seed_events
