"""The event-extraction scorer (benchmarks/extract_scoring.py) and a floor under the extractor's
scores on the wire-style corpus, so that a change that loses ground fails here."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from benchmarks.extract_scoring import GoldEvent, match, score_report
from geo.model import Event

GOLD_ROW = {"category": "attack", "near": [36.24, 43.96], "within_km": 25, "date_start": "2024-03-05",
            "date_end": "2024-03-05", "site": "airport"}


def event(category="attack", latitude=36.25, longitude=43.95, start=date(2024, 3, 5), end=date(2024, 3, 5),
          place_start=None, country="Iraq") -> Event:
    return Event(article_id="a", category=category, event_type="T", sub_event_type="S", sentence="s",
                 start_char=0, end_char=1, latitude=latitude, longitude=longitude, date_start=start,
                 date_end=end, place_start=place_start, place_end=None if place_start is None else place_start + 3,
                 country=country)


@pytest.mark.parametrize("candidate, matches", [
    (event(), True),
    (event(category="handover"), False),  # another category
    (event(latitude=37.5), False),  # 140 km away
    (event(start=date(2024, 3, 1), end=date(2024, 3, 6)), True),  # a window that holds the day
    (event(start=date(2024, 3, 6), end=date(2024, 3, 6)), False),  # the next day
    (event(start=None, end=None), False),  # undated
    (event(latitude=None, longitude=None), False),  # unlocated
])
def test_a_gold_event_matches_same_category_place_and_dates(candidate, matches):
    assert (match([candidate], [GoldEvent.of(GOLD_ROW)]) == {0: 0}) is matches


@pytest.mark.parametrize("gold_category, gold_sub, category, sub, matches", [
    # a capture is one kind whether the coder filed it under handover or other
    ("handover", "Non-state actor overtakes territory", "other", "Non-state actor overtakes territory", True),
    ("other", "Government regains territory", "handover", "Government regains territory", True),
    # ... or under attack: ACLED lists both territory changes under Battles
    ("attack", "Non-state actor overtakes territory", "other", "Non-state actor overtakes territory", True),
    # a peaceful handover is not a capture, and a clash is no capture
    ("handover", "Non-violent transfer of territory", "other", "Non-state actor overtakes territory", False),
    ("attack", "Armed clash", "other", "Non-state actor overtakes territory", False),
])
def test_territory_changes_match_across_handover_and_other(gold_category, gold_sub, category, sub, matches):
    gold = GoldEvent.of({**GOLD_ROW, "category": gold_category, "sub_event_type": gold_sub})
    candidate = replace(event(category=category), sub_event_type=sub)
    assert (match([candidate], [gold]) == {0: 0}) is matches


def test_matching_is_one_to_one_so_a_duplicate_costs_precision():
    score = score_report("r", "text", {"events": [GOLD_ROW]}, [event(), event(latitude=36.3)])
    assert (score.matched, score.mapped, score.mapped_matched) == (1, 2, 1)
    assert len(score.extras) == 1


def test_faults_are_counted():
    text = "ERBIL, Iraq — rockets hit"
    expected = {"events": [], "dateline": "Erbil", "no_event_in": ["Iran"]}
    score = score_report("r", text, expected, [event(place_start=0), event(country="Iran"),
                                               event(start=None, end=None)])
    assert (score.at_dateline, score.in_actor_country, score.undated) == (1, 1, 1)


def test_an_event_at_the_dateline_that_happened_there_is_no_fault():
    expected = {"events": [GOLD_ROW], "dateline": "Erbil"}
    assert score_report("r", "ERBIL, Iraq — rockets hit", expected, [event(place_start=0)]).at_dateline == 0


def test_an_event_across_the_border_that_matches_is_no_actor_country_fault():
    expected = {"events": [GOLD_ROW], "no_event_in": ["Iran"]}
    assert score_report("r", "rockets hit", expected, [event(country="Iran")]).in_actor_country == 0
    assert score_report("r", "rockets hit", expected, [event(latitude=30.0, country="Iran")]).in_actor_country == 1


@pytest.fixture(scope="module")
def corpus_totals():
    from benchmarks.extract_reports import DEFAULT_DIRS, run

    return run(list(DEFAULT_DIRS))


# The bars (recall >= 90%, precision >= 85%), held since session 4 (see docs/benchmarks.md).
FLOOR = {"recall": 0.90, "precision": 0.85}


def test_the_wire_corpus_is_large_and_varied(corpus_totals):
    assert corpus_totals.reports >= 60 and corpus_totals.gold >= 150
    assert sum(score.gold == 0 for score in corpus_totals.scores) >= 10


def test_extraction_on_the_wire_corpus_does_not_lose_ground(corpus_totals):
    assert corpus_totals.recall >= FLOOR["recall"]
    assert corpus_totals.precision >= FLOOR["precision"]
    assert corpus_totals.at_dateline == 0
    assert corpus_totals.in_actor_country == 0
    assert corpus_totals.undated == 0
