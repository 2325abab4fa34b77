"""Short reports about real events, written for these tests, each with the
events an analyst would code (``tests/reports/NAME.expected.json``).

Every expected event must be found (category, site, date, precision, actors,
fatalities, position within ``within_km``), nothing else may be, and no event
may be placed in a country the report names only as an actor.
"""
from __future__ import annotations

import pytest

from geo.io.textio import load_article
from tests.extract_helpers import REPORTS, expected_for, extractor, mismatches, report_names  # noqa: F401


def test_there_are_enough_reports():
    names = report_names()
    assert len(names) >= 15
    assert any(not expected_for(n)["events"] for n in names), "one report must have no event"
    for name in names:
        assert (REPORTS / f"{name}.txt").is_file() and (REPORTS / f"{name}.json").is_file()


@pytest.mark.parametrize("name", report_names())
def test_report(extractor, name):
    expected = expected_for(name)
    events = extractor.extract(load_article(str(REPORTS / f"{name}.txt")))
    described = [f"{e.category} {e.place_text} {e.date_start} {e.actor1}/{e.actor2} {e.fatalities}" for e in events]
    assert len(events) == len(expected["events"]), described
    unmatched = list(events)
    for want in expected["events"]:
        candidates = [e for e in unmatched if e.category == want["category"]
                      and ("place_text" not in want or e.place_text == want["place_text"])]
        assert candidates, f"no {want['category']} event at {want.get('place_text')}: {described}"
        best = min(candidates, key=lambda e: len(mismatches(e, want)))
        assert mismatches(best, want) == [], described
        unmatched.remove(best)
    for country in expected.get("no_event_in", []):
        assert not [e for e in events if e.country == country], f"event placed in {country}"
