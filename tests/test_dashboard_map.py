"""The Map page on the seed article, in a real Chromium: counts, markers, URL
state, the date control, popups and the details panel, and no outside requests."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.dashboard_browser import (map_frame, map_state, marker_icons, open_page, shown_counts, wait_for_count,
                                     wait_for_map)

pytestmark = pytest.mark.browser
SEED_HANDOVERS = 6  # six bases handed over between March and May 2020


def test_seed_data_shows_every_located_event_and_no_outside_request(app_server, page):
    state = open_page(page, app_server.url)
    shown, total = shown_counts(page)
    assert shown == total >= 7
    assert state["shown"] == shown
    assert marker_icons(page).count() > 0
    assert page.locator('[data-testid="stException"]').count() == 0
    legend = map_frame(page).locator(".geo-legend")
    assert legend.get_by_text("Handover").count() == 1 and legend.get_by_text("Attack").count() == 1
    page.get_by_role("link", name="Events").first.click()
    page.get_by_role("button", name="Download CSV").wait_for()
    page.wait_for_timeout(500)
    assert page.recorder.outside_requests() == []


def test_june_link_shows_only_the_attack_near_khanaqin(app_server, page):
    state = open_page(page, f"{app_server.url}/?start=2020-06-01&end=2020-06-30")
    assert shown_counts(page)[0] == 1
    assert state["shown"] == 1
    attack = map_frame(page).locator(".leaflet-marker-icon:has(.fa-burst)")
    assert attack.count() == 1 and marker_icons(page).count() == 1
    assert "Khānaqīn" in attack.get_attribute("title") or "Khanaqin" in attack.get_attribute("title")


def test_categories_link_shows_the_six_bases(app_server, page):
    state = open_page(page, f"{app_server.url}/?categories=handover")
    assert shown_counts(page)[0] == SEED_HANDOVERS
    assert state["shown"] == SEED_HANDOVERS
    icons = marker_icons(page)
    assert map_frame(page).locator(".leaflet-marker-icon:has(.fa-burst), .leaflet-marker-icon:has(.fa-circle-info)").count() == 0
    clustered = sum(int(t) for t in map_frame(page).locator(".marker-cluster").all_inner_texts())
    assert map_frame(page).locator(".leaflet-marker-icon:has(.fa-flag)").count() + clustered == SEED_HANDOVERS
    assert icons.count() >= 1
    sidebar = page.locator('[data-testid="stSidebar"]')
    pressed = {name: sidebar.get_by_role("button", name=name, exact=True).get_attribute("aria-pressed")
               for name in ("Handover", "Attack", "Other")}
    assert pressed == {"Handover": "true", "Attack": "false", "Other": "false"}


def test_moving_the_date_control_changes_count_markers_and_url(app_server, page):
    before = open_page(page, app_server.url)
    shown_before, total = shown_counts(page)
    map_frame(page).locator("body").evaluate("() => { window.__sameMap = true; }")
    end_thumb = page.locator('[data-testid="stSlider"] input[type="range"]').last
    end_thumb.focus()
    end_thumb.press("Home")  # end date down to the first date of the data
    after = wait_for_map(page, previous_token=before["token"])
    shown_after, _ = shown_counts(page)
    assert shown_after < shown_before
    assert after["shown"] == shown_after
    assert map_frame(page).locator("body").evaluate("() => window.__sameMap === true")  # not reloaded
    page.wait_for_function("() => window.location.search.includes('end=')")
    query = parse_qs(urlsplit(page.url).query)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", query["end"][0])
    # the link reproduces the view
    reopened = open_page(page, page.url)
    assert shown_counts(page) == (shown_after, total) and reopened["token"] == after["token"]


def test_preset_selects_a_month_and_writes_it_to_the_url(app_server, page):
    before = open_page(page, app_server.url)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="June 2020").click()
    wait_for_map(page, previous_token=before["token"])
    wait_for_count(page, 1)
    page.wait_for_function("() => window.location.search.includes('start=2020-06-01')")
    assert "end=2020-06-30" in page.url


def test_clicking_a_marker_opens_its_popup_and_the_details_panel(app_server, page):
    open_page(page, f"{app_server.url}/?categories=attack")
    map_frame(page).locator(".leaflet-marker-icon:has(.fa-burst)").first.click()
    popup = map_frame(page).locator(".leaflet-popup-content .geo-popup")
    popup.wait_for()
    assert popup.locator("mark").inner_text() == "Khanaqin"
    assert "killing at least seven" in popup.inner_text()
    assert popup.locator("dd").nth(3).inner_text() == "7"  # fatalities
    panel = page.locator(".geo-details")
    panel.wait_for(timeout=30_000)
    assert panel.locator("mark").inner_text() == "Khanaqin"
    assert "stormed a Kakai village" in panel.locator(".geo-sentence").inner_text()
    event_id = panel.get_attribute("data-event-id")
    link = page.get_by_role("link", name="Open in the Events table")
    assert f"event={event_id}" in link.get_attribute("href")
    assert popup.is_visible()  # the panel's rerun did not reload the map
    assert map_state(page)["shown"] == 1


def test_panning_the_map_reruns_nothing(app_server, page):
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    open_page(page, app_server.url)
    page.wait_for_timeout(1500)  # let the first run settle
    sent.clear()
    box = map_frame(page).locator(".leaflet-container").first.bounding_box()
    x, y = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 150, y + 80, steps=8)
    page.mouse.up()
    map_frame(page).locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(1500)
    assert sent == []  # no rerun request reached the server
    map_frame(page).locator(".leaflet-marker-icon:has(.geo-pin)").first.click()  # a click does rerun
    page.locator(".geo-details").wait_for(timeout=30_000)
    assert sent


def test_without_tiles_country_outlines_lie_beneath_clickable_markers(app_server, page):
    open_page(page, f"{app_server.url}/?categories=attack")
    frame = map_frame(page)
    frame.locator(".leaflet-container[data-geo-outline]").wait_for(state="attached")
    outlines = frame.locator(".leaflet-geoOutline-pane path")
    assert outlines.count() > 100
    assert int(map_frame(page).locator(".leaflet-container").get_attribute("data-geo-outline")) == outlines.count()
    names = outlines.locator("title").evaluate_all("nodes => nodes.map(n => n.textContent)")
    assert "Iraq" in names and "France" in names
    frame.locator(".leaflet-marker-icon:has(.fa-burst)").first.click()  # above the outlines
    frame.locator(".leaflet-popup-content .geo-popup").wait_for()
    assert page.recorder.outside_requests() == []
