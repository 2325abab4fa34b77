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
