"""GEO_TILES as a URL template: the map asks that server for tiles (here one on
this machine, so no test touches the internet) and credits the provider."""
import re

import pytest

from tests import harness
from tests.dashboard_browser import map_frame, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tiled_app():
    port = harness.free_port()  # nothing listens there: tile requests fail, the map still works
    env = {"GEO_TILES": f"http://127.0.0.1:{port}/tiles/{{z}}/{{x}}/{{y}}.png",
           "GEO_TILES_ATTRIBUTION": "Test tiles <b>credit</b>"}
    with harness.run_app(env=env) as app:
        yield app, port


def test_tile_template_is_used_and_credited(tiled_app, page):
    app, port = tiled_app
    state = open_page(page, app.url)
    assert state["shown"] > 0
    pattern = re.compile(rf"^http://127\.0\.0\.1:{port}/tiles/\d+/\d+/\d+\.png$")
    page.wait_for_timeout(500)
    assert any(pattern.match(url) for url in page.recorder.requests)
    assert page.recorder.outside_requests() == []
    assert "Test tiles credit" in map_frame(page).locator(".leaflet-control-attribution").inner_text()
