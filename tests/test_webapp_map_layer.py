"""The map's browser table, filter bit masks, and that the built map links only
the app's own copies of Leaflet and its plugins (no third-party host)."""
import base64
import json
import re

import folium
import numpy as np
import pytest

from tests.dashboard_rows import HOSTILE_SENTENCE, event_row
from webapp import assets
from webapp.frame import events_frame
from webapp.map_layer import browser_table, build_layer, build_map, mask_bits, table_bounds, table_bytes, table_file_name
from webapp.tiles import NO_TILES, OSM_URL, Tiles

ROWS = [
    event_row(1, "attack", latitude=34.3, longitude=45.4, precision=2, fatalities=7),
    event_row(2, "handover", latitude=None, longitude=None),
    event_row(3, "handover", latitude=33.3, longitude=44.2, sentence=HOSTILE_SENTENCE),
    event_row(4, "other", latitude=35.0, longitude=38.0, precision=3),
]


@pytest.fixture(scope="module")
def frame():
    return events_frame(ROWS)


@pytest.fixture(scope="module")
def urls(tmp_path_factory):
    return assets.asset_urls(assets.install(tmp_path_factory.mktemp("static")))


def test_browser_table_holds_located_events_only(frame):
    table = browser_table(frame)
    assert table["rows"] == 3
    assert table["id"] == [1, 3, 4]
    assert table["cat"] == [1, 0, 2]  # attack, handover, other in CATEGORY_STYLES order
    assert table["prec"] == [2, 1, 3]
    assert [c["key"] for c in table["categories"]] == ["handover", "attack", "other"]
    strings = table["strings"]
    # each event's evidence lines: [text, what it gave, place mark]; rows without stored evidence
    # carry their own sentence as the one line
    (text, _, _), = table["evidence"][1]
    assert strings[text] == HOSTILE_SENTENCE  # kept as text; the browser inserts it as text
    assert len(strings) == len(set(strings))
    (text, _, (start, end)), = table["evidence"][0]
    assert strings[text][start:end] == "Springfield"


def test_table_file_name_follows_content(frame):
    content = table_bytes(browser_table(frame))
    assert json.loads(content)["rows"] == 3
    assert table_file_name(content) == table_file_name(bytes(content))
    assert table_file_name(content) != table_file_name(table_bytes(browser_table(events_frame(ROWS[:1]))))
    assert re.fullmatch(r"data/events-[0-9a-f]{20}\.json", table_file_name(content))


@pytest.mark.parametrize("mask", [[], [True], [False, True, True], [True] * 9 + [False] * 7 + [True]])
def test_mask_bits_round_trip(mask):
    raw = base64.b64decode(mask_bits(np.array(mask, dtype=bool)))
    decoded = [(raw[i >> 3] >> (i & 7)) & 1 == 1 for i in range(len(mask))]
    assert decoded == mask


def test_bounds(frame):
    assert table_bounds(frame) == [[33.3, 38.0], [35.0, 45.4]]
    assert table_bounds(events_frame([event_row(1, latitude=None, longitude=None)])) is None


def _linked_files(fmap: folium.Map) -> list[str]:
    """The JS/CSS links streamlit-folium would load: default_js/css of every element."""
    found, pending = [], [fmap]
    while pending:
        element = pending.pop()
        found += [url for _, url in getattr(element, "default_js", []) + getattr(element, "default_css", [])]
        pending += list(getattr(element, "_children", {}).values())
    return found


@pytest.mark.parametrize("tiles", [NO_TILES, Tiles(OSM_URL, "OSM")])
def test_map_links_only_local_files(urls, tiles):
    fmap = build_map("/app/static/data/events-x.json", [[1.0, 2.0], [3.0, 4.0]], tiles, urls)
    linked = _linked_files(fmap)
    assert linked and all(url.startswith("/app/static/") for url in linked), linked
    html = fmap.get_root().render()
    outside = set(re.findall(r"https?://[^\"'\s)]+", html)) - {OSM_URL}
    assert not outside, outside
    assert (OSM_URL in html) == tiles.enabled
    assert '"maxZoom": 19' in html


def test_map_script_does_not_depend_on_the_filter(urls):
    def script(bounds):
        fmap = build_map("/t.json", bounds, NO_TILES, urls)
        return re.sub(r"_[0-9a-f]{32}", "", fmap.get_root().render())

    assert script([[1.0, 2.0], [3.0, 4.0]]) == script([[1.0, 2.0], [3.0, 4.0]])


def test_layer_spec_changes_with_the_mask():
    def spec(mask):
        group = build_layer("/t.json", np.array(mask, dtype=bool))
        return next(iter(group._children.values())).spec

    first, second = spec([True, False, True]), spec([True, True, True])
    assert (first["shown"], second["shown"]) == (2, 3)
    assert first["token"] != second["token"] and first["token"] == spec([True, False, True])["token"]


@pytest.mark.parametrize("tiles", [NO_TILES, Tiles(OSM_URL, "OSM")])
def test_country_outlines_only_without_tiles(urls, tiles):
    outline = "/app/static/data/world-outline-test.json"
    html = build_map("/t.json", None, tiles, {**urls, "world_outline.json": outline}).get_root().render()
    assert (outline in html) != tiles.enabled
