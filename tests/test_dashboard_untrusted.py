"""An article carrying <script> and <img onerror> markup: the dashboard shows the
markup as text in popups, the details panel and the table, and none of it runs.

The app runs on its own database with a seeds directory holding only that article.
"""
import json

import pytest

from tests import harness
from tests.dashboard_browser import map_frame, open_page
from tests.harness import wait_for_app_ready

pytestmark = pytest.mark.browser

SCRIPT = '<script>window.top.__xss = "script"; document.title = "pwned"</script>'
IMAGE = '<img src=x onerror="window.top.__xss = \'img\'; document.title = \'pwned\'">'
ARTICLE = (
    "KIRKUK, Iraq — Gunmen attacked a checkpoint in Kirkuk on June 3, 2020, killing five soldiers "
    f"{SCRIPT} {IMAGE} police said.\n\n"
    "Militants stormed a village near Hawija on Tuesday <b>bold</b> & killed two farmers, officials said.\n"
)
METADATA = {"title": 'Attack <img src=x onerror="window.top.__xss = \'title\'"> report',
            "outlet": "Outlet <script>window.top.__xss = 'outlet'</script>",
            "published": "2020-06-05", "url": "https://news.example.org/kirkuk-attack"}
NOTHING_RAN = """() => {
    const frames = [window, ...Array.from(document.querySelectorAll('iframe')).map(f => f.contentWindow)];
    return frames.every(w => { try { return w.__xss === undefined; } catch (e) { return true; } })
        && document.title !== 'pwned';
}"""


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("hostile-seeds")
    (seeds / "hostile.txt").write_text(ARTICLE)
    (seeds / "hostile.json").write_text(json.dumps(METADATA))
    with harness.run_app(env={"GEO_SEEDS_DIR": str(seeds)}) as app:
        yield app


@pytest.fixture
def dialogs(page):
    seen = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    return seen


def _assert_text_only(locator):
    assert locator.locator("script, img").count() == 0
    text = locator.inner_text()
    assert "<script>" in text and "<img src=x onerror=" in text
    return text


def test_popup_and_panel_show_markup_as_text(hostile_app, page, dialogs):
    state = open_page(page, hostile_app.url)
    assert state["shown"] >= 1
    marker = map_frame(page).locator(".leaflet-marker-icon[title*='Kirkuk']").first
    marker.click()
    popup = map_frame(page).locator(".leaflet-popup-content .geo-popup")
    popup.wait_for()
    _assert_text_only(popup)
    assert "<img src=x onerror=" in popup.locator("a").inner_text()  # the article title, as text
    panel = page.locator(".geo-details")
    panel.wait_for(timeout=30_000)
    _assert_text_only(panel)
    assert panel.locator("mark").inner_text() == "Kirkuk"
    page.wait_for_timeout(1000)
    assert page.evaluate(NOTHING_RAN)
    assert dialogs == []


def test_table_shows_markup_as_text(hostile_app, page, dialogs):
    page.goto(f"{hostile_app.url}/events")
    wait_for_app_ready(page)
    cells = page.locator('[data-testid="stDataFrame"] td')
    cells.first.wait_for(state="attached")  # the grid's accessible copy of the visible cells
    sentences = [t for t in cells.all_text_contents() if "Gunmen attacked" in t]
    assert sentences and SCRIPT in sentences[0] and IMAGE in sentences[0]
    assert page.locator('[data-testid="stDataFrame"] script, [data-testid="stDataFrame"] img').count() == 0
    assert page.evaluate(NOTHING_RAN)
    assert dialogs == []
