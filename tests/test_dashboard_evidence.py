"""An event built from several sentences shows every one of them, with what each gave, in the
map popup, the details panel and the Events table (real app, real Chromium)."""
from __future__ import annotations

import json

import pytest

from tests import harness
from tests.dashboard_browser import map_frame, open_page

pytestmark = pytest.mark.browser

LEAD = "A drone attack hit a base in northern Iraq on Tuesday, killing two contractors, officials said."
SITE = "The drone struck near Erbil International Airport, where coalition troops are based."
ARTICLE = f"{LEAD}\n\n{SITE}\n\nThe statement gave no further detail.\n"


@pytest.fixture(scope="module")
def evidence_app(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("evidence")
    seeds = workdir / "seeds"
    seeds.mkdir()
    (seeds / "erbil-drone.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "erbil-drone.json").write_text(json.dumps(
        {"published": "2024-03-06", "title": "Drone hits base", "outlet": "Test wire", "url": ""}), encoding="utf-8")
    app = harness.start_app(workdir / "geo.db", env={"GEO_SEEDS_DIR": str(seeds)}, workdir=workdir)
    yield app
    harness.stop_app(app)


def test_the_popup_and_the_panel_show_every_sentence_the_event_came_from(evidence_app, page):
    open_page(page, f"{evidence_app.url}/?categories=attack")
    map_frame(page).locator(".leaflet-marker-icon:has(.fa-burst)").first.click()
    popup = map_frame(page).locator(".leaflet-popup-content .geo-popup")
    popup.wait_for()
    quotes = popup.locator(".geo-sentence")
    assert quotes.count() == 2
    assert quotes.nth(0).inner_text() == LEAD and quotes.nth(1).inner_text() == SITE
    labels = popup.locator(".geo-gave").all_inner_texts()
    assert "the date" in labels[0] and "the toll" in labels[0] and "the site" in labels[1]
    assert popup.locator("mark").inner_text() == "Erbil International Airport"  # marked where it was named
    assert popup.locator("dd").nth(3).inner_text() == "2"  # the toll from the lead
    panel = page.locator(".geo-details")
    panel.wait_for(timeout=30_000)
    assert panel.locator(".geo-sentence").count() == 2
    assert panel.locator("mark").inner_text() == "Erbil International Airport"
    page.screenshot(path=str(harness.REPO / "test-artifacts" / "evidence-popup.png"))


def test_the_events_page_shows_the_evidence_of_a_linked_event(evidence_app, page):
    open_page(page, f"{evidence_app.url}/events?event=1", wait_map=False)
    panel = page.locator(".geo-details")
    panel.wait_for(timeout=60_000)
    assert panel.locator(".geo-sentence").count() == 2
    assert "the site" in panel.locator(".geo-gave").nth(1).inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
