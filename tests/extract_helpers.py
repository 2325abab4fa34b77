"""Shared fixtures and loaders for the extraction tests (real gazetteer, no mocks)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from benchmarks.extract_scoring import km_between  # the scorer's distance, kept apart from geo's

REPO = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).resolve().parent / "reports"
SEED = REPO / "seeds" / "rudaw-2020-07-05-task-force-iraq.txt"


@pytest.fixture(scope="session")
def extractor():
    from geo.extract import Extractor

    return Extractor.default()


WIRE_PUBLISHED = date(2024, 7, 28)  # a Sunday: the publication day of the short wire texts


def located_events(extractor, text: str, published: date = WIRE_PUBLISHED) -> list:
    """The events of ``text`` that have a place."""
    from geo.model import Article

    return [e for e in extractor.extract(Article(text=text, published=published)) if e.located]


def located(extractor, text: str, published: date = WIRE_PUBLISHED) -> list[tuple]:
    """(category, location, first day) of each located event of ``text``."""
    return [(e.category, e.location, str(e.date_start)) for e in located_events(extractor, text, published)]


def report_names() -> list[str]:
    return sorted(path.name.removesuffix(".expected.json") for path in REPORTS.glob("*.expected.json"))


def expected_for(name: str) -> dict:
    return json.loads((REPORTS / f"{name}.expected.json").read_text(encoding="utf-8"))


SUBSTRING_FIELDS = ("actor1", "actor2", "location")


def mismatches(event, expected: dict) -> list[str]:
    """Why ``event`` does not meet ``expected`` (empty when it does). Actor and
    location fields match as case-insensitive substrings, ``near`` within
    ``within_km`` (default 40 km); every other field exactly (dates as ISO)."""
    problems = []
    row = event.to_dict()
    for name, want in expected.items():
        if name in ("near", "within_km"):
            continue
        got = row.get(name)
        if name in SUBSTRING_FIELDS and want is not None:
            if got is None or want.lower() not in got.lower():
                problems.append(f"{name}: {got!r} does not contain {want!r}")
        elif got != want:
            problems.append(f"{name}: {got!r} != {want!r}")
    if "near" in expected:
        if event.latitude is None:
            problems.append("not located")
        else:
            distance = km_between(event.latitude, event.longitude, *expected["near"])
            if distance > expected.get("within_km", 40):
                problems.append(f"{distance:.0f} km from {expected['near']}")
    return problems
