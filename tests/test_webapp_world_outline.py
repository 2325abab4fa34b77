"""The offline base map: Douglas-Peucker on outlines, and the world file built
from the installed countryinfo package."""
import json
from importlib import metadata

import pytest

from webapp import world_outline
from webapp.world_outline import outline_features, simplify_geometry, simplify_line, simplify_ring

SQUARE = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]


@pytest.mark.parametrize("points, tolerance, expected", [
    ([(0, 0), (1, 0.001), (2, 0)], 0.01, [(0, 0), (2, 0)]),  # a bump below the tolerance goes
    ([(0, 0), (1, 0.5), (2, 0)], 0.01, [(0, 0), (1, 0.5), (2, 0)]),  # a corner stays
    ([(0, 0), (1, 0), (2, 0), (3, 0), (4, 1)], 0.1, [(0, 0), (3, 0), (4, 1)]),
    ([(0, 0), (1, 1)], 5.0, [(0, 0), (1, 1)]),
])
def test_simplify_line(points, tolerance, expected):
    assert simplify_line(points, tolerance) == expected


@pytest.mark.parametrize("ring, expected", [
    (SQUARE, SQUARE),
    ([[0, 0], [0, 0.5], [0, 1], [1, 1], [1, 0], [0.5, 0.0001], [0, 0]], SQUARE),
    ([[0, 0], [0.001, 0], [0, 0.001], [0, 0]], None),  # an islet smaller than the tolerance
    ([[0, 0], [1, 1]], None),
])
def test_simplify_ring(ring, expected):
    assert simplify_ring(ring, 0.01) == expected


def test_simplify_geometry_keeps_holes_and_drops_vanishing_parts():
    hole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]]
    islet = [[5, 5], [5.001, 5], [5, 5.001], [5, 5]]
    geometry = {"type": "MultiPolygon", "coordinates": [[SQUARE, hole], [islet]]}
    assert simplify_geometry(geometry, 0.01) == {"type": "MultiPolygon", "coordinates": [[SQUARE, hole]]}
    assert simplify_geometry({"type": "Point", "coordinates": [1, 2]}, 0.01) is None


def test_each_country_once_with_its_name_only():
    shape = {"id": "SQL", "properties": {"name": "Squareland", "extra": 1},
             "geometry": {"type": "Polygon", "coordinates": [SQUARE]}}
    country = {"name": "Squareland", "geoJSON": {"features": [shape]}}
    features = outline_features([country, country, {"name": "Nowhere"}, {"geoJSON": None}], 0.01)
    assert [f["properties"] for f in features] == [{"name": "Squareland"}]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    static = tmp_path_factory.mktemp("static")
    name = world_outline.install_outline(static)
    return name, (static / name).read_bytes()


def test_world_file_from_the_installed_package(world):
    name, content = world
    assert metadata.version("countryinfo") in name and name.startswith("data/")
    assert len(content) < 1_500_000
    collection = json.loads(content)
    names = [f["properties"]["name"] for f in collection["features"]]
    assert len(names) > 150 and len(set(names)) == len(names)
    assert {"Iraq", "Syria", "Brazil", "Australia"} <= set(names)
    for feature in collection["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
