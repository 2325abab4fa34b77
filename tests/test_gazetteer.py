"""The gazetteer built from the installed packages and the curated tables."""
from __future__ import annotations

import pytest

from geo.errors import GazetteerError
from geo.gazetteer import Gazetteer
from geo.gazetteer import country_points as gazetteer_countries
from geo.gazetteer import index as gazetteer_index
from geo.gazetteer import sources as gazetteer_sources
from geo.gazetteer.lexicon import parse_lexicon
from geo.geoparse.resolve import distance_km


@pytest.fixture(scope="session")
def gazetteer():
    return Gazetteer.load()


@pytest.mark.parametrize("name, expected_id", [
    ("Iraq", "country:IQ"),
    ("Syria", "country:SY"),
    ("Jordan", "country:JO"),
    ("Ukraine", "country:UA"),
    ("Yemen", "country:YE"),
    ("US", "country:US"),
    ("U.S.", "country:US"),
    ("United States of America", "country:US"),
    ("UK", "country:GB"),
    ("Britain", "country:GB"),
    ("DRC", "country:CD"),
    ("Africa", "continent:AF"),
    ("Europe", "continent:EU"),
    ("Diyala", "admin1:IQ.10"),
    ("Anbar", "admin1:IQ.01"),
    ("Al-Anbar Governorate", "admin1:IQ.01"),
    ("Nineveh", "admin1:IQ.15"),
    ("Salah ad Din", "admin1:IQ.18"),
    ("Texas", "admin1:US.TX"),
    ("Laurel County", "admin2:US.KY.125"),
    ("Kurdistan Region", "region:rg-kurdistan-region"),
    ("Sahel", "region:rg-sahel"),
])
def test_regions_rank_before_towns_of_the_same_name(gazetteer, name, expected_id):
    assert gazetteer.lookup(name)[0].id == expected_id


@pytest.mark.parametrize("name, country_code, latitude, longitude", [
    ("Khanaqin", "IQ", 34.35, 45.39),
    ("Abu Ghraib", "IQ", 33.31, 44.18),
    ("Abū Ghurayb", "IQ", 33.31, 44.18),
    ("al-Qaim", "IQ", 34.39, 40.99),
    ("Al Qa'im", "IQ", 34.39, 40.99),
    ("Mosul", "IQ", 36.34, 43.12),
    ("Erbil", "IQ", 36.19, 44.01),
    ("Kramatorsk", "UA", 48.72, 37.56),
    ("Sanaa", "YE", 15.35, 44.21),
    ("Timbuktu", "ML", 16.77, -3.01),
])
def test_towns_are_found_under_their_spellings(gazetteer, name, country_code, latitude, longitude):
    towns = [e for e in gazetteer.lookup(name) if e.kind == "populated_place"]
    assert towns, name
    best = max(towns, key=lambda e: e.population)
    assert best.country_code == country_code
    assert abs(best.latitude - latitude) < 0.1 and abs(best.longitude - longitude) < 0.1


@pytest.mark.parametrize("name, kind, country_code", [
    ("K-1", "airport", "IQ"),
    ("K1", "airport", "IQ"),
    ("al-Taqaddum", "airport", "IQ"),
    ("Al Asad Air Base", "airport", "IQ"),
    ("Ain al-Asad", "airport", "IQ"),
    ("Camp Taji", "installation", "IQ"),
    ("Mosul International Airport", "airport", "IQ"),
    ("Mudaysis", "airport", "IQ"),  # airportsdata "Mudaysis Air Base", short form
])
def test_installations_and_airfields(gazetteer, name, kind, country_code):
    sites = [e for e in gazetteer.lookup(name) if e.kind in ("installation", "airport")]
    assert sites and sites[0].kind == kind and sites[0].country_code == country_code


def test_k1_is_the_air_base_near_kirkuk_not_the_city(gazetteer):
    base = gazetteer.lookup("K-1")[0]
    city = next(e for e in gazetteer.lookup("Kirkuk") if e.kind == "populated_place")
    assert 5 < distance_km(base, city) < 20


def test_a_curated_row_supersedes_the_airportsdata_row_it_names(gazetteer):
    ids = {e.id for e in gazetteer.lookup("Al Taqaddum Air Base")}
    assert "inst:iq-al-taqaddum" in ids and "icao:ORAT" not in ids


def test_loose_matches_are_marked(gazetteer):
    exact = {m.entry.id: m.exact for m in gazetteer.matches("Qayyarah")}
    loose = {m.entry.id: m.exact for m in gazetteer.matches("Qayara")}
    town = next(i for i in exact if i.startswith("gn:"))
    assert exact[town] is True and loose[town] is False


@pytest.mark.parametrize("entry_id, capital_id", [
    ("country:IQ", "gn:98182"),  # Baghdad
    ("country:SY", "gn:170654"),  # Damascus
    ("admin1:IQ.13", "gn:94787"),  # Kirkuk governorate: Kirkuk
])
def test_capitals(gazetteer, entry_id, capital_id):
    assert gazetteer.capital_of(gazetteer.entry(entry_id)).id == capital_id


def test_entries_carry_country_and_division_names(gazetteer):
    khanaqin = next(e for e in gazetteer.lookup("Khanaqin") if e.kind == "populated_place")
    assert khanaqin.country == "Iraq" and khanaqin.admin1 == "Diyālá"
    assert gazetteer.entry("admin1:IQ.10").admin1 == "Diyālá"


@pytest.mark.parametrize("curated, geonames", [("Hroza", "Kharkiv"), ("Robotyne", "Zaporizhzhia")])
def test_curated_rows_spell_their_province_as_geonames_does(gazetteer, curated, geonames):
    # one division, one name: a village is seen to lie in the oblast a lead names ("Kharkivska oblast")
    village = next(e for e in gazetteer.lookup(curated) if e.country_code == "UA")
    city = next(e for e in gazetteer.lookup(geonames) if e.kind == "populated_place" and e.country_code == "UA")
    assert village.admin1 == city.admin1


def test_unknown_names_and_ids(gazetteer):
    assert gazetteer.lookup("Zzyzxqville") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.entry("gn:0") is None
    assert gazetteer.country("XX") is None


def test_word_lists(gazetteer):
    assert "iraqi" in gazetteer.demonyms and "american" in gazetteer.demonyms
    assert gazetteer.word_frequency["military"] > gazetteer.word_frequency.get("baghdad", 0)
    assert len(gazetteer) > 250_000


@pytest.mark.parametrize("name, expected", [
    ("Muhafazat Kirkuk", "Kirkuk"),
    ("Basra Governorate", "Basra"),
    ("Saldus Rajons", "Saldus"),
    ("Diyala", "Diyala"),
    ("Province", "Province"),
])
def test_strip_generic(name, expected):
    assert gazetteer_sources.strip_generic(name, gazetteer_sources.generic_division_words()) == expected


@pytest.mark.parametrize("name, expected", [
    ("Al Asad Air Base", ("Al Asad",)),
    ("Tall Afar Army Air Field", ("Tall Afar",)),
    ("Baghdad International Airport", ()),
    ("Air Base", ()),
])
def test_airfield_aliases(name, expected):
    assert gazetteer_sources.airfield_aliases(name) == expected


def test_latin_aliases_drop_other_scripts_duplicates_and_the_name():
    assert gazetteer_sources.latin_aliases("Erbil", ["Erbil", "Arbil", "أربيل", "Arbil", " Hawler "]) == ("Arbil", "Hawler")


def test_extent_midpoint_ignores_outliers():
    values = [10.0] * 50 + [20.0] * 50 + [80.0]
    assert gazetteer_sources._extent_midpoint(values) == 15.0


def test_outline_centre_of_a_square():
    square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
    details = {"geoJSON": {"features": [{"geometry": {"type": "Polygon", "coordinates": [square]}}]}}
    latitude, longitude = gazetteer_countries.outline_centre(details)
    assert latitude == pytest.approx(1.0, abs=0.01) and longitude == pytest.approx(1.0, abs=0.01)
    assert gazetteer_countries.outline_centre({}) is None


CURATED_HEADER = "id,name,aliases,kind,latitude,longitude,country,country_code,admin1,source_url\n"


def test_curated_rows_are_read_and_prefixed(tmp_path, monkeypatch):
    (tmp_path / "installations.csv").write_text(
        CURATED_HEADER + "x-camp,Camp Example,Example base|ORXX,installation,33.1,44.2,Iraq,IQ,Baghdad,https://example.org\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    [record] = gazetteer_sources.read_curated("installations.csv", "inst:")
    assert record.id == "inst:x-camp" and record.aliases == ("Example base", "ORXX") and record.latitude == 33.1


@pytest.mark.parametrize("row", [
    "x,Camp X,,installation,north,44,Iraq,IQ,,https://e.org\n",
    "x,Camp X,,installation\n",
    "x,Camp X,,fortress,33,44,Iraq,IQ,,https://e.org\n",
    "x,Camp X,,installation,95,44,Iraq,IQ,,https://e.org\n",
    ",Camp X,,installation,33,44,Iraq,IQ,,https://e.org\n",
])
def test_a_malformed_curated_row_is_a_gazetteer_error(tmp_path, monkeypatch, row):
    (tmp_path / "installations.csv").write_text(CURATED_HEADER + row, encoding="utf-8")
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    with pytest.raises(GazetteerError, match="installations.csv:2"):
        list(gazetteer_sources.read_curated("installations.csv", "inst:"))


def test_every_curated_table_is_read_with_its_prefix(tmp_path, monkeypatch):
    (tmp_path / "places.csv").write_text(
        CURATED_HEADER + "xx-village,Example Village,Exampleville,populated_place,13.1,0.2,Niger,NE,Tillaberi,https://e.org\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    [record] = gazetteer_sources.read_curated_tables()  # the other tables are absent here
    assert record.id == "place:xx-village" and record.kind == "populated_place" and record.aliases == ("Exampleville",)
    assert "places.csv" in gazetteer_sources.CURATED_FILES  # a changed table changes the index fingerprint


def _record(record_id, name, aliases=()):
    return gazetteer_sources.Record(record_id, name, "populated_place", 35.5, 45.4, "IQ", "", 1000, tuple(aliases), "test")


def test_curated_aliases_join_their_entries_alternate_names(tmp_path, monkeypatch):
    (tmp_path / "aliases.csv").write_text(
        "entry,alias,source_url,note\n"
        "gn:1,Slemani,https://e.org,\n"
        "gn:1,Sulaimani,https://e.org,a note\n"
        "gn:1,Sulaymaniyah,https://e.org,the name itself: not repeated\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    records = [_record("gn:1", "Sulaymaniyah", ["Silemani"]), _record("gn:2", "Kirkuk")]
    first, second = gazetteer_sources.add_aliases(records, gazetteer_sources.read_aliases())
    assert first.aliases == ("Silemani", "Slemani", "Sulaimani") and second == records[1]
    assert "aliases.csv" in gazetteer_sources.CURATED_FILES  # a changed table changes the index fingerprint


def test_an_alias_of_an_unknown_entry_is_a_gazetteer_error_naming_the_line(tmp_path, monkeypatch):
    (tmp_path / "aliases.csv").write_text(
        "entry,alias,source_url,note\ngn:1,Slemani,https://e.org,\ngn:999,Nowhere,https://e.org,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    with pytest.raises(GazetteerError, match=r"aliases\.csv:3: unknown gazetteer entry 'gn:999'"):
        gazetteer_sources.add_aliases([_record("gn:1", "Sulaymaniyah")], gazetteer_sources.read_aliases())


@pytest.mark.parametrize("row", ["gn:1,,https://e.org,\n", ",Slemani,https://e.org,\n"])
def test_an_alias_row_without_entry_or_alias_is_a_gazetteer_error(tmp_path, monkeypatch, row):
    (tmp_path / "aliases.csv").write_text("entry,alias,source_url,note\n" + row, encoding="utf-8")
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    with pytest.raises(GazetteerError, match="aliases.csv:2"):
        gazetteer_sources.read_aliases()


def test_a_missing_alias_table_adds_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    records = [_record("gn:1", "Sulaymaniyah")]
    assert gazetteer_sources.add_aliases(records, gazetteer_sources.read_aliases()) == records


@pytest.mark.parametrize("name, entry_id", [
    ("Slemani", "gn:98463"), ("Sulaimani", "gn:98463"), ("Beiji", "gn:97783"), ("Bakhdida", "gn:92430"),
    ("Salahuddin", "admin1:IQ.18"), ("Qamishlo", "gn:173377"), ("Bardhere", "gn:65170"),
])
def test_curated_aliases_are_alternate_names_in_the_index(gazetteer, name, entry_id):
    matches = [m for m in gazetteer.matches(name) if m.entry.id == entry_id]
    assert matches and matches[0].exact and not matches[0].primary


@pytest.mark.parametrize("name, country_code", [
    ("Solhan", "BF"), ("Seytenga", "BF"), ("Palma", "MZ"), ("Mir Ali", "PK"), ("Hroza", "UA"),
    ("Rabotyne", "UA"), ("Khiam", "LB"), ("Nir Oz", "IL"), ("Zamzam camp", "SD"),
])
def test_curated_places_are_in_the_index(gazetteer, name, country_code):
    places = [e for e in gazetteer.lookup(name) if e.id.startswith("place:")]
    assert places and places[0].kind == "populated_place" and places[0].country_code == country_code


def test_a_missing_curated_table_is_tolerated(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_sources, "DATA_DIR", tmp_path)
    assert list(gazetteer_sources.read_curated("regions.csv", "region:")) == []


def test_index_location_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    path = gazetteer_index.index_path()
    assert path.parent == tmp_path and path.name == f"gazetteer-{gazetteer_index.fingerprint()}.sqlite"


def test_an_unreadable_index_is_a_gazetteer_error(tmp_path):
    broken = tmp_path / "gazetteer-broken.sqlite"
    broken.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer(broken)


@pytest.mark.parametrize("text, expected", [
    ("[a]\nx\n# note\n\ny z\n[b]\nW\n", {"a": frozenset({"x", "y z"}), "b": frozenset({"w"})}),
    ("", {}),
])
def test_parse_lexicon(text, expected):
    assert parse_lexicon(text) == expected


def test_lexicon_words_before_a_section_are_an_error():
    with pytest.raises(GazetteerError):
        parse_lexicon("stray\n[a]\nx\n")


@pytest.mark.parametrize("name", ["Iraq", "Diyala", "Kirkuk", "K-1", "Texas", "Baghdad"])
def test_index_entries_equal_validated_entries(gazetteer, name):
    """Entries are built from index rows without the dataclass __init__; they must still be
    the same frozen, comparable, hashable values."""
    from dataclasses import FrozenInstanceError, asdict

    from geo.model import GazetteerEntry
    entry = gazetteer.lookup(name)[0]
    rebuilt = GazetteerEntry(**asdict(entry))
    assert entry == rebuilt and hash(entry) == hash(rebuilt)
    with pytest.raises(FrozenInstanceError):
        entry.name = "changed"


@pytest.mark.parametrize("kind, latitude", [("no-such-kind", 10.0), ("populated_place", 95.0)])
def test_index_build_rejects_invalid_rows(kind, latitude):
    from geo.errors import InputError
    record = gazetteer_sources.Record("gn:1", "Somewhere", kind, latitude, 10.0, "IQ", "", 0, (), "test")
    with pytest.raises(InputError):
        gazetteer_index._validate(record)


@pytest.mark.parametrize("name", ["Kirkuk", "kirkuk", "KIRKUK"])
def test_repeated_lookups_return_fresh_lists(gazetteer, name):
    first = gazetteer.matches(name)
    first.clear()
    assert gazetteer.matches(name)


@pytest.mark.parametrize("name, city, short", [
    ("London Heathrow Airport", "London", "Heathrow"),
    ("Chicago O'Hare International Airport", "Chicago", "O'Hare"),
    ("Erbil International Airport", "Arbil", ""),  # named after its own town: no short name
    ("Baghdad International Airport", "Baghdad", ""),
    ("Kursk East Airport", "Kursk", ""),  # a common word is no name
    ("Key West Nas (Boca Chica Field) Airport", "Key West", ""),
    ("Al Asad Air Base", "Hit", ""),
    ("Acari Airbase Airport", "Acari", ""),  # only generic airfield words left
])
def test_airport_short_names(name, city, short):
    from geo.gazetteer.sources import airport_short_name, common_words
    assert airport_short_name(name, city, common_words()) == short


def test_an_airport_is_found_by_its_short_name(gazetteer):
    kinds = {m.entry.kind for m in gazetteer.matches("Heathrow")}
    assert "airport" in kinds


@pytest.mark.parametrize("name", ["Iraq", "Diyala", "Kirkuk", "K-1", "Texas", "Baghdad", "Washington"])
def test_a_looked_up_entry_equals_the_entry_read_by_id(gazetteer, name):
    """Look-ups read the packed ``candidates`` rows; ``entry(id)`` reads the ``entries`` table:
    both must give the same values (coordinates, country name, source, aliases)."""
    for match in gazetteer.matches(name)[:5]:
        assert gazetteer.entry(match.entry.id) == match.entry


def _entry_row(idx, identifier, aliases=""):
    return (idx, identifier, f"Name {idx}", "populated_place", 1.5 + idx, 2.25, "Iraq", "IQ", "Diyala", 100 * idx,
            aliases, "test source", 0)


def test_packed_candidates_are_ranked_deduplicated_capped_and_clean(monkeypatch):
    monkeypatch.setattr(gazetteer_index, "MAX_MATCHES_PER_NAME", 2)
    entries = [_entry_row(0, "gn:0", "a\x1fb"), _entry_row(1, "gn:1"), _entry_row(2, "gn:2")]
    names = [("key", -5, 0, "first", 1), ("key", -5, 0, "second", 0), ("key", -9, 2, "big", 1),
             ("key", 0, 1, "small", 1), ("other", 0, 1, "small", 1)]
    packed = dict(gazetteer_index._packed_candidates(entries, names, {"test source": 0}))
    rows = [row.split(gazetteer_index.FIELD_SEPARATOR) for row in packed["key"].split(gazetteer_index.ROW_SEPARATOR)]
    assert [row[0] for row in rows] == ["gn:2", "gn:0"]  # best rank first, capped at two
    assert rows[1][11] == "first" and rows[1][8] == "a b"  # an entry's first name stays; separators never leak
    assert [float(rows[0][3]), float(rows[0][4])] == [3.5, 2.25]
    assert packed["other"].split(gazetteer_index.FIELD_SEPARATOR)[0] == "gn:1"


def test_a_failed_index_build_leaves_no_temporary_file(tmp_path, monkeypatch):
    def fail(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(gazetteer_index, "collect_records", lambda: ([], {}, {}, {}))
    monkeypatch.setattr(gazetteer_index, "_packed_candidates", fail)
    with pytest.raises(KeyboardInterrupt):
        gazetteer_index.build_index(tmp_path / "gazetteer-test.sqlite")
    assert list(tmp_path.iterdir()) == []
