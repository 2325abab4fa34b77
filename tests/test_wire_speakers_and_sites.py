"""Where those who speak are and what lies beside a target (docs/extraction.md, session 9 rules):
the extractor on short texts with the real gazetteer."""
from __future__ import annotations

from datetime import date

import pytest

from geo.model import Article
from tests.extract_helpers import extractor  # noqa: F401  (session fixture)

PUBLISHED = date(2024, 7, 28)  # a Sunday


def located(extractor, text: str) -> list[tuple]:
    return [(e.category, e.location, str(e.date_start))
            for e in extractor.extract(Article(text=text, published=PUBLISHED)) if e.located]


@pytest.mark.parametrize("text, expected", [
    # the capital a ministry speaks from is no site of the strike it announces
    ("In Moscow, the defence ministry said on Saturday that its forces had used hypersonic missiles on Friday, "
     "destroying an underground depot in the village of Delyatyn in the Ivano-Frankivsk region.",
     [("attack", "Deliatyn", "2024-07-26")]),
    ("In Moscow, the Kremlin said missiles had destroyed a depot in Kharkiv on Friday.",
     [("attack", "Kharkiv", "2024-07-26")]),
    # ... while a town named before other words is still where it happened
    ("In Moscow, a car bomb killed two people on Friday.", [("attack", "Moscow", "2024-07-26")]),
    # a plant beside an airport lies where the airport is
    ("Cruise missiles struck an aircraft repair plant beside the airport of Lviv, in western Ukraine, on Friday.",
     [("attack", "Lviv", "2024-07-26")]),
])
def test_speakers_towns_and_what_lies_beside(extractor, text, expected):
    assert located(extractor, text) == expected
