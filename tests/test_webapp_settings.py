"""Tile settings, static assets copied from XStatic packages, and the page list."""
import os

import pytest

from geo.errors import InputError
from webapp import assets
from webapp.navigation import PAGES, available_pages
from webapp.tiles import NO_TILES, OSM_URL, tiles_from_env


@pytest.mark.parametrize("env, url", [
    ({}, OSM_URL),
    ({"GEO_TILES": "OSM"}, OSM_URL),
    ({"GEO_TILES": " none "}, None),
    ({"GEO_TILES": "https://t.example.org/{z}/{x}/{y}.png", "GEO_TILES_ATTRIBUTION": "Example"},
     "https://t.example.org/{z}/{x}/{y}.png"),
])
def test_tiles_from_env(env, url):
    assert tiles_from_env(env).url == url


@pytest.mark.parametrize("env, message", [
    ({"GEO_TILES": "satellite"}, "'osm', 'none' or an http"),
    ({"GEO_TILES": "https://t.example.org/{z}/{x}.png", "GEO_TILES_ATTRIBUTION": "x"}, "lacks {y}"),
    ({"GEO_TILES": "https://t.example.org/{z}/{x}/{y}.png"}, "GEO_TILES_ATTRIBUTION"),
    ({"GEO_TILES": "javascript:alert(1)//{z}{x}{y}"}, "'osm', 'none' or an http"),
])
def test_bad_tile_settings_say_what_to_fix(env, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("{", r"\{").replace("}", r"\}")):
        tiles_from_env(env)


def test_no_tiles_is_disabled():
    assert not NO_TILES.enabled


def test_install_copies_every_asset_once(tmp_path):
    versions = assets.install(tmp_path)
    expected = {asset.target for asset in assets.all_assets().values()}
    copied = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert copied == expected
    assert any(name.endswith("fa-solid-900.woff2") for name in copied)
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    os.utime(next(iter(stamps)), ns=(1, 1))
    assert assets.install(tmp_path) == versions
    assert all(p.stat().st_mtime_ns == stamps[p] for p in list(stamps)[1:])  # unchanged files not rewritten


def test_every_linked_asset_is_served_from_the_app(tmp_path):
    urls = assets.asset_urls(assets.install(tmp_path), base_url_path="/geo/")
    assert {"leaflet.js", "leaflet.css", "jquery.js", "markercluster.js", "event_layer.js"} <= set(urls)
    assert all(url.startswith("/geo/app/static/") and "?v=" in url for url in urls.values())


def test_static_url():
    assert assets.static_url("data/x.json") == "/app/static/data/x.json"


def test_pages_present_in_the_repository(tmp_path):
    assert [p.title for p in available_pages(tmp_path)] == []
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "map.py").write_text("")
    (tmp_path / "pages" / "review.py").write_text("")
    assert [p.url_path for p in available_pages(tmp_path)] == ["map", "review"]
    assert [p.default for p in PAGES].count(True) == 1
