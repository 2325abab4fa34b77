"""``python -m geo places``: JSON for one file, JSON Lines for several, clear errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "rudaw-2020-07-05-task-force-iraq.txt"
KEYS = {"text", "start", "end", "name", "latitude", "longitude", "country", "admin1", "kind", "geo_precision", "confidence"}


def places(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", "places", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def seed_output():
    result = places(str(SEED))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_one_file_prints_a_json_array_in_text_order(seed_output):
    assert isinstance(seed_output, list) and seed_output
    assert all(set(item) == KEYS for item in seed_output)
    starts = [item["start"] for item in seed_output]
    assert starts == sorted(starts)


def test_offsets_point_into_the_article(seed_output):
    text = SEED.read_text(encoding="utf-8")
    for item in seed_output:
        assert text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("surface, kind, country", [
    ("K-1", "airport", "Iraq"),
    ("Khanaqin", "populated_place", "Iraq"),
    ("Diyala", "admin1", "Iraq"),
    ("Syria", "country", "Syria"),
])
def test_seed_places_in_the_output(seed_output, surface, kind, country):
    item = next(i for i in seed_output if i["text"] == surface)
    assert item["kind"] == kind and item["country"] == country and item["latitude"] is not None


def test_standard_input():
    result = places("-", stdin="Rockets hit Erbil, Iraq.".encode())
    assert result.returncode == 0
    assert [item["text"] for item in json.loads(result.stdout)] == ["Erbil", "Iraq"]


def test_several_files_print_json_lines(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Fighting near Kramatorsk, Ukraine.", encoding="utf-8")
    result = places(str(SEED), str(other))
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["file"] for line in lines] == [str(SEED), str(other)]
    assert [p["text"] for p in lines[1]["places"]] == ["Kramatorsk", "Ukraine"]


def test_html_is_read_as_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><script>var Baghdad=1;</script><p>Clashes in Mosul.</p></body></html>", encoding="utf-8")
    result = places(str(page))
    assert [item["text"] for item in json.loads(result.stdout)] == ["Mosul"]


def test_empty_file_gives_an_empty_array(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = places(str(empty))
    assert result.returncode == 0 and json.loads(result.stdout) == []


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe\xfa not utf-8", "not valid UTF-8"),
    (b"\x00\x01\x02binary", "binary"),
    (b"a" * (5 * 1024 * 1024 + 10), "limit"),
])
def test_bad_files_give_a_clear_error(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = places(str(bad))
    stderr = result.stderr.decode()
    assert result.returncode == 2 and message in stderr and "Traceback" not in stderr


def test_missing_file_among_several_is_reported_and_the_rest_printed(tmp_path):
    result = places(str(tmp_path / "missing.txt"), str(SEED))
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    assert "no such file" in lines[0]["error"] and lines[1]["places"]
