"""Sources and Review in the real app and a real Chromium: an added article's
events reach the map, a correction survives a restart, a deleted article's
events are gone. Each test runs its own app on its own database file."""
from __future__ import annotations

import re

import pytest

from geo.store import open_store
from tests import harness

pytestmark = pytest.mark.browser
ARTICLE = ("ERBIL, Kurdistan Region — Rockets struck Erbil International Airport on Monday night, killing one "
           "civilian contractor, officials said. Separately, militants attacked an army checkpoint near "
           "Tuz Khurmatu on Sunday.")
UNTRUSTED_TITLE = "Rockets ![pixel](https://tracker.example/p.png) :red[alarm] <b>bold</b>"


@pytest.fixture
def app(tmp_path):
    running = harness.start_app(tmp_path / "geo.db", workdir=tmp_path)
    yield running
    harness.stop_app(running)


def settle(page) -> None:
    """Let a rerun start, then wait until Streamlit has finished it."""
    page.wait_for_timeout(700)
    harness.wait_for_app_ready(page)


def shown_on_map(page, url: str) -> int:
    """The Map page's count of located events (all dates and categories on a fresh page)."""
    page.goto(f"{url}/map")
    harness.wait_for_app_ready(page)
    caption = page.get_by_text(re.compile(r"\d+ of \d+ events shown")).first
    caption.wait_for(timeout=60_000)
    shown, total = map(int, re.search(r"(\d+) of (\d+) events shown", caption.inner_text()).groups())
    assert shown == total
    page.frame_locator("iframe[title*='streamlit_folium']").first.locator(".leaflet-container").first.wait_for()
    return shown


def stored_events(app, title: str) -> list[dict]:
    with open_store(app.db_path) as store:
        return [e for e in store.list_events() if e["article_title"] == title]


def add_article(page, url: str, text: str, title: str) -> None:
    page.goto(f"{url}/sources")
    harness.wait_for_app_ready(page)
    page.get_by_role("textbox", name="Article text").fill(text)
    page.get_by_role("textbox", name="Article text").press("Control+Enter")
    settle(page)
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Outlet", exact=True).fill("Test Wire")
    page.get_by_label("URL", exact=True).fill("https://example.org/erbil")
    page.get_by_test_id("stDateInput").click()
    page.keyboard.type("20210216")
    page.get_by_role("button", name="Preview events").click()
    settle(page)


def test_an_article_added_on_sources_appears_on_the_map(app, page):
    before = shown_on_map(page, app.url)
    add_article(page, app.url, ARTICLE, UNTRUSTED_TITLE)
    page.get_by_text(re.compile(r"Preview: \d+ events?, \d+ on the map")).wait_for()
    assert page.locator("iframe[title*='streamlit_folium']").count() == 1  # the preview map
    assert stored_events(app, UNTRUSTED_TITLE) == []  # a preview saves nothing
    page.get_by_role("button", name="Save article").click()
    settle(page)
    page.get_by_text("Saved “Rockets").wait_for()
    assert page.locator("img[src*='tracker.example']").count() == 0 and "<b>bold</b>" in page.inner_text("body")
    located = [e for e in stored_events(app, UNTRUSTED_TITLE) if e["latitude"] is not None]
    assert located, "the article should give at least one located event"
    assert shown_on_map(page, app.url) == before + len(located)

    add_article(page, app.url, ARTICLE, "The same text again")
    page.get_by_text("Not saved: this article is already stored as").wait_for()
    assert page.recorder.outside_requests() == []
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_correction_made_on_review_survives_a_restart(app, page, tmp_path):
    shown_on_map(page, app.url)  # the first page view loads the seed article
    with open_store(app.db_path) as store:
        event = next(e for e in store.list_events() if e["latitude"] is not None)
    page.goto(f"{app.url}/review?event={event['id']}")
    harness.wait_for_app_ready(page)
    page.get_by_text("Enter coordinates").click()
    page.get_by_label("Latitude", exact=True).fill("34.25")
    page.get_by_label("Longitude", exact=True).fill("43.75")
    page.get_by_label("Reason (optional)").fill("seen on imagery")
    page.get_by_role("button", name="Save correction").click()
    settle(page)
    page.get_by_text(f"Correction of event #{event['id']} saved.").wait_for()

    harness.stop_app(app)
    restarted = harness.start_app(app.db_path, workdir=tmp_path)
    try:
        page.goto(f"{restarted.url}/review?event={event['id']}")
        harness.wait_for_app_ready(page)
        page.get_by_text("Corrected by hand: latitude, longitude").wait_for()
        page.get_by_text(re.compile(r"Coordinates:\s+34.25000, 43.75000")).wait_for()
        page.locator("td[role=gridcell]", has_text="seen on imagery").wait_for(state="attached")  # history
    finally:
        harness.stop_app(restarted)
    with open_store(app.db_path) as store:
        corrected = store.get_event(event["id"])
    assert (corrected["latitude"], corrected["longitude"], corrected["corrected"]) == (34.25, 43.75, True)


def test_deleting_an_article_removes_its_events(app, page):
    before = shown_on_map(page, app.url)  # the first page view loads the seed article
    with open_store(app.db_path) as store:
        (seed,) = store.list_articles()
        located = [e for e in store.list_events(article_id=seed["id"]) if e["latitude"] is not None]
    page.goto(f"{app.url}/sources")
    harness.wait_for_app_ready(page)
    page.get_by_role("button", name="Delete article…").click()
    settle(page)
    page.get_by_text("This cannot be undone").wait_for()
    page.get_by_role("button", name="Yes, delete it").click()
    settle(page)
    page.get_by_text("Deleted the article").wait_for()
    with open_store(app.db_path) as store:
        assert store.list_articles() == [] and store.list_events(include_rejected=True) == []
    assert shown_on_map(page, app.url) == before - len(located)


def test_clicking_the_review_map_fills_in_coordinates(app, page):
    shown_on_map(page, app.url)  # the first page view loads the seed article
    with open_store(app.db_path) as store:
        event = next(e for e in store.list_events() if e["latitude"] is not None)
    page.goto(f"{app.url}/review?event={event['id']}")
    harness.wait_for_app_ready(page)
    frame = page.frame_locator("iframe[title*='streamlit_folium']").first
    container = frame.locator(".leaflet-container").first
    container.wait_for()
    box = container.bounding_box()
    container.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.3})
    settle(page)
    latitude = page.get_by_label("Latitude", exact=True)
    page.wait_for_function("(lat) => { const i = document.querySelector('input[aria-label=\"Latitude\"]');"
                           " return i && i.value && Math.abs(parseFloat(i.value) - lat) > 0.0001; }",
                           arg=event["latitude"])
    assert -90 <= float(latitude.input_value()) <= 90 and page.get_by_label("Longitude", exact=True).input_value()
    assert page.get_by_role("radio", name="Enter coordinates").is_checked()
