"""The app opens in a real browser: no Streamlit exception, a Leaflet map is visible,
and nothing is fetched from outside this machine."""
import pytest

from tests.harness import wait_for_app_ready

pytestmark = pytest.mark.browser


def test_app_renders_a_leaflet_map(app_server, page):
    page.goto(app_server.url)
    wait_for_app_ready(page)
    map_frame = page.frame_locator("iframe[title*='streamlit_folium']").first
    map_frame.locator(".leaflet-container").first.wait_for(state="visible", timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.inner_text("body")


def test_browser_made_no_outside_requests(app_server, page):
    page.goto(app_server.url)
    wait_for_app_ready(page)
    page.frame_locator("iframe[title*='streamlit_folium']").first.locator(".leaflet-container").first.wait_for(
        state="visible", timeout=60_000)
    page.wait_for_timeout(1000)
    assert page.recorder.outside_requests() == []


@pytest.mark.parametrize("path, heading", [("events", "Events"), ("sources", "Sources"), ("review", "Review")])
def test_direct_link_to_a_page_works_as_first_request(browser, path, heading, tmp_path):
    """The first request a fresh server sees may be a shared link to a sub-page."""
    from tests.harness import run_app

    with run_app(tmp_path / "geo.db") as app:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            page.goto(f"{app.url}/{path}")
            wait_for_app_ready(page)
            page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
            assert page.locator('[data-testid="stException"]').count() == 0
            assert page.get_by_role("link", name="Map", exact=True).count() >= 1  # the app's navigation, not the pages/ folder listing
        finally:
            page.close()
