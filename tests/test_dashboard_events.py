"""The Events page on the seed article: the table follows the URL filter, the
search narrows it, and the downloads round-trip through pandas."""
import io
import json

import pandas as pd
import pytest

from geo.io.export import ACLED_COLUMNS
from geo.store import open_store
from tests.dashboard_browser import open_page, shown_counts
from tests.harness import wait_for_app_ready

pytestmark = pytest.mark.browser


def _download(page, label: str, attempts: int = 3) -> bytes:
    """Click a download button; a click that lands during a rerun (the button being replaced)
    is lost, so wait for the run to finish and try again, a few times."""
    for attempt in range(attempts):
        wait_for_app_ready(page)
        try:
            with page.expect_download(timeout=15_000) as info:
                page.get_by_role("button", name=label).click()
            return open(info.value.path(), "rb").read()
        except Exception:  # playwright's TimeoutError: no download started
            if attempt == attempts - 1:
                raise
            page.wait_for_timeout(1000)
    raise AssertionError("unreachable")


def test_csv_download_round_trips_with_the_filtered_rows(app_server, page):
    open_page(page, f"{app_server.url}/events?categories=handover", wait_map=False)
    assert shown_counts(page)[0] == 6
    table = pd.read_csv(io.BytesIO(_download(page, "Download CSV")))
    assert list(table.columns[:len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert len(table) == 6
    assert set(table["category"]) == {"handover"}
    assert set(table["sub_event_type"]) == {"Non-violent transfer of territory"}
    assert table["latitude"].notna().all() and table["event_id_cnty"].str.startswith("IRQ").all()
    assert (table["event_date"].str[:7] >= "2020-03").all() and (table["event_date"].str[:7] <= "2020-05").all()
    places = " ".join(table["place_text"])
    assert "Abu Ghraib" in places and "Taqaddum" in places


def test_geojson_download_holds_the_shown_located_events(app_server, page):
    open_page(page, f"{app_server.url}/events?start=2020-06-01&end=2020-06-30&categories=attack", wait_map=False)
    collection = json.loads(_download(page, "Download GeoJSON"))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["properties"]["place_text"] == "Khanaqin"
    assert feature["properties"]["fatalities"] == 7
    longitude, latitude = feature["geometry"]["coordinates"]
    assert 34 < latitude < 35 and 45 < longitude < 46


def test_search_narrows_the_table(app_server, page):
    open_page(page, f"{app_server.url}/events", wait_map=False)
    everything = shown_counts(page)[0]
    search = page.get_by_role("textbox", name="Search")
    search.fill("Kakai")
    search.press("Enter")
    page.get_by_text("1 of").first.wait_for()
    assert shown_counts(page)[0] == 1 < everything
    table = pd.read_csv(io.BytesIO(_download(page, "Download CSV")))
    assert table["place_text"].tolist() == ["Khanaqin"]


def test_event_parameter_shows_the_event(app_server, page):
    with open_store(app_server.db_path) as store:
        [attack] = [e for e in store.list_events(categories=["attack"]) if e["place_text"] == "Khanaqin"]
    open_page(page, f"{app_server.url}/events?event={attack['id']}", wait_map=False)
    details = page.locator(f".geo-details[data-event-id='{attack['id']}']")
    details.wait_for()
    assert details.locator("mark").inner_text() == "Khanaqin"
    map_link = page.get_by_role("link", name="Show the map")
    map_link.first.wait_for()  # Streamlit draws the details before the links below them
    assert map_link.count() == 1
    page.goto(f"{app_server.url}/events?event=999999")
    wait_for_app_ready(page)
    page.get_by_text("There is no event #999999").wait_for()
