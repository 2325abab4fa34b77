""""The capital", "the Yemeni capital": wire copy names a country's capital without its name.

The demonym says which country; without one, the country the article's places point to most.
The capital's name comes from the country table (countryinfo), its place from the geoparser,
so nothing here knows any country or city. Pure, given the lookup function passed in.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from geo.gazetteer.countries import CountryTable
from geo.model import PlaceMention

# "the capital", "the Afghan capital", "the capital city"; not "the capital of X" (names X), not
# "the regional capital" (lower-case: another kind of capital), not "capital punishment".
_CAPITAL = re.compile(r"\b(?:the|The)\s+(?:(?P<demonym>[A-Z][\w'’-]+)\s+)?capital(?:\s+city)?\b"
                      r"(?!\s+(?:of|punishment|markets?|gains?|investment|expenditure|spending|letters?)\b|-)")
# "Somalia's capital": the country named, the mention is the word "capital" (the name stays a place)
_POSSESSIVE_CAPITAL = re.compile(r"\b(?P<country>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})['’]s\s+(?P<capital>capital"
                                 r"(?:\s+city)?)\b(?!\s+(?:punishment|markets?|gains?|investment|expenditure|spending)\b|-)")
_NAMED_AFTER = re.compile(r",\s+")
RECENT_CHARS = 1200  # how far back a named capital is what "the capital" means


def capital_mentions(text: str, places: list[PlaceMention], countries: CountryTable,
                     lookup: Callable[[str, str], PlaceMention | None]) -> list[PlaceMention]:
    """A mention of the capital each "the (<demonym>) capital" means, where that is known."""
    found = []
    main = _main_country(places)
    resolved: dict[str, PlaceMention | None] = {}
    taken = [(m.start, m.end) for m in places]
    for code, start, end in [*_capitals_meant(text, places, countries, main), *_possessive_capitals(text, countries)]:
        country = countries.by_code.get(code or "")
        if country is None or not country.capital or any(s < end and start < e for s, e in taken):
            continue
        if _NAMED_AFTER.match(text, end) and any(m.start == _NAMED_AFTER.match(text, end).end() for m in places):
            continue  # "the capital, Niamey": the text names it
        if code not in resolved:
            resolved[code] = lookup(country.capital, country.name)
        capital = resolved[code]
        if capital is None or capital.entry is None or capital.entry.country_code != code:
            continue
        found.append(PlaceMention(text=text[start:end], start=start, end=end, entry=capital.entry,
                                  geo_precision=capital.geo_precision, confidence=capital.confidence,
                                  candidates=capital.candidates))
    return sorted(found, key=lambda m: m.start)


def _capitals_meant(text: str, places: list[PlaceMention], countries: CountryTable, main: str | None):
    """(country code, start, end) of each "the capital", "the Afghan capital"."""
    for match in _CAPITAL.finditer(text):
        demonym = match.group("demonym")
        code = countries.adjectives.get(demonym.lower()) if demonym else (
            _capital_named_before(places, match.start(), countries, main) or main)
        if demonym and code is None:
            continue  # "the Kurdish capital", "the Gaza capital": not a country's
        yield code, match.start(), match.end()


def _possessive_capitals(text: str, countries: CountryTable):
    for match in _POSSESSIVE_CAPITAL.finditer(text):
        code = countries.names.get(" ".join(match.group("country").lower().split()).removeprefix("the "))
        if code:
            yield code, match.start("capital"), match.end("capital")


def _capital_named_before(places: list[PlaceMention], position: int, countries: CountryTable,
                          main: str | None = None) -> str | None:
    """"Explosions rocked Sanaa ... houses in the capital": the capital named last, a few
    paragraphs back at most, is the one meant; but when the main country's capital is among those
    named, it is that one ("N'Djamena tore up its pact with Paris ... set off for the capital")."""
    named = []
    for mention in reversed([m for m in places if position - RECENT_CHARS <= m.end <= position]):
        entry = mention.entry
        country = countries.by_code.get(entry.country_code or "") if entry else None
        if country and entry.kind == "populated_place" and _same_name(entry, country.capital):
            named.append(entry.country_code)
    return main if main in named else (named[0] if named else None)


def _same_name(entry, capital: str) -> bool:
    key = _letters(capital)
    return bool(key) and (_letters(entry.name) == key or any(_letters(a) == key for a in entry.aliases))


def _letters(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalpha())


def _main_country(places: list[PlaceMention]) -> str | None:
    codes = Counter(m.entry.country_code for m in places if m.entry is not None and m.entry.country_code)
    return codes.most_common(1)[0][0] if codes else None
