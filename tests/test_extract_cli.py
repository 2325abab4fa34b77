"""``python -m geo extract``: formats, several files, metadata, and bad input
(which gets a clear message or an empty result, never a traceback)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest

from geo.__main__ import main
from geo.io.export import ACLED_COLUMNS, events_to_csv, events_to_geojson, events_to_json
from tests.extract_helpers import REPO, REPORTS, SEED, extractor  # noqa: F401  (session fixture)

REQUIRED_KEYS = {
    "category", "event_type", "sub_event_type", "location", "latitude", "longitude", "geo_precision", "country",
    "admin1", "date_start", "date_end", "event_date", "time_precision", "actor1", "actor2", "fatalities",
    "sentence", "start_char", "end_char",
}
FRENCH = ("Des roquettes ont frappé la base aérienne dimanche soir, selon les autorités locales. "
          "Aucune victime n'a été signalée et les dégâts sont limités, a précisé le porte-parole de la coalition.")


def run(capsys, *argv):
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_json_is_an_array_of_events_with_the_required_keys(capsys, extractor):
    code, out, _ = run(capsys, str(SEED))
    events = json.loads(out)
    assert code == 0 and isinstance(events, list) and events
    assert all(REQUIRED_KEYS <= set(event) for event in events)
    assert sum(e["category"] == "handover" for e in events) == 6
    unlocated = [e for e in events if e["latitude"] is None]
    assert unlocated and all(e["longitude"] is None for e in unlocated)


def test_csv_has_acled_columns_first(capsys, extractor):
    code, out, _ = run(capsys, str(SEED), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    header = out.splitlines()[0].split(",")
    assert code == 0 and header[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert {"event_key", "category", "date_start", "sentence"} <= set(header)
    assert len(rows) == len(json.loads(events_to_json(extractor.extract(_seed_article()))))
    handover = next(r for r in rows if r["category"] == "handover")
    assert handover["event_id_cnty"].startswith("IRQ") and handover["source"] == "Rudaw English"
    assert handover["year"] == "2020" and handover["time_precision"] == "3"


def test_geojson_is_a_feature_collection_of_located_events(capsys, extractor):
    code, out, _ = run(capsys, str(SEED), "--format", "geojson")
    collection = json.loads(out)
    assert code == 0 and collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == sum(1 for e in extractor.extract(_seed_article()) if e.located)
    k1 = next(f for f in features if f["properties"]["place_text"] == "K-1")
    longitude, latitude = k1["geometry"]["coordinates"]
    assert k1["geometry"]["type"] == "Point" and 44 < longitude < 45 and 35 < latitude < 36
    assert k1["properties"]["date_start"] == "2020-03-01" and "latitude" not in k1["properties"]


def test_several_files_print_json_lines(capsys, extractor):
    files = [str(SEED), str(REPORTS / "basra-oil-no-event.txt"), str(REPORTS / "kramatorsk-station-2022.txt")]
    code, out, _ = run(capsys, *files)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["file"] for line in lines] == files
    assert lines[1]["events"] == [] and lines[2]["events"][0]["location"] == "Kramatorsk"


@pytest.mark.parametrize("form", ["csv", "geojson"])
def test_several_files_in_one_table_or_collection(capsys, extractor, form):
    files = [str(SEED), str(REPORTS / "kramatorsk-station-2022.txt")]
    code, out, _ = run(capsys, *files, "--format", form)
    if form == "csv":
        named = {row["file"] for row in csv.DictReader(io.StringIO(out))}
    else:
        named = {f["properties"]["file"] for f in json.loads(out)["features"]}
    assert code == 0 and named == set(files)


def test_published_overrides_and_replaces_missing_metadata(capsys, extractor, tmp_path):
    bare = tmp_path / "article.txt"
    shutil.copy(SEED, bare)
    code, _, err = run(capsys, str(bare))
    assert code == 2 and "--published" in err
    code, out, _ = run(capsys, str(bare), "--published", "2020-07-06")
    statement = next(e for e in json.loads(out) if e["trigger"] == "statement" and e["date_text"] == "Sunday")
    assert code == 0 and statement["date_start"] == "2020-07-05"  # the day before a Monday


@pytest.mark.parametrize("value", ["2020-02-30", "05/07/2020", "yesterday", "1800-01-01"])
def test_impossible_publication_date_is_a_clear_error(capsys, value):
    code, out, err = run(capsys, str(SEED), "--published", value)
    assert code == 2 and out == "" and ("YYYY-MM-DD" in err or "1900" in err)


def _write(tmp_path, name: str, data: bytes, published: str | None = "2020-07-05") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    if published:
        path.with_suffix(".json").write_text(json.dumps({"published": published}), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name, data, message", [
    ("bad.txt", b"Rockets hit \xff\xfe the base", "not valid UTF-8"),
    ("blob.txt", b"\x00\x01\x02binary", "binary"),
    ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), "limit"),
    ("big.txt", (b"Rockets hit the base on Monday. " * 170000)[: 5 * 1024 * 1024], "per article"),
])
def test_unusable_input_is_a_clear_error(capsys, extractor, tmp_path, name, data, message):
    code, out, err = run(capsys, _write(tmp_path, name, data))
    assert code == 2 and message in err and out == ""


def test_a_missing_file_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path / "absent.txt"), "--published", "2020-07-05")
    assert code == 2 and "no such file" in err


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\n \n"),
    ("noevent.txt", b"The weather in Baghdad was hot on Monday, and markets were busy."),
    ("french.txt", FRENCH.encode("utf-8")),
])
def test_nothing_to_extract_is_an_empty_array(capsys, extractor, tmp_path, name, data):
    code, out, _ = run(capsys, _write(tmp_path, name, data))
    assert code == 0 and json.loads(out) == []


def test_another_language_is_noted(capsys, extractor, tmp_path):
    code, out, err = run(capsys, _write(tmp_path, "fr.txt", FRENCH.encode("utf-8")))
    assert code == 0 and json.loads(out) == [] and "not in English" in err


def test_html_is_read_as_text_and_scripts_are_dropped(capsys, extractor, tmp_path):
    body = (REPORTS / "kramatorsk-station-2022.txt").read_text(encoding="utf-8")
    html = ("<html><head><script>document.write('Rockets hit Erbil airport on Monday')</script></head>"
            f"<body><p>{body}</p></body></html>")
    code, out, _ = run(capsys, _write(tmp_path, "page.html", html.encode("utf-8"), "2022-04-08"))
    events = json.loads(out)
    assert code == 0 and [e["location"] for e in events] == ["Kramatorsk"]


def test_a_bad_file_among_good_ones_gets_an_error_line(capsys, extractor, tmp_path):
    bad = _write(tmp_path, "bad.txt", b"\xff\xfe")
    code, out, err = run(capsys, str(SEED), bad)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and lines[0]["events"] and lines[1]["file"] == bad and "UTF-8" in lines[1]["error"]


def test_standard_input_in_a_real_process():
    text = (REPORTS / "yemen-saada-prison-2022.txt").read_bytes()
    done = subprocess.run([sys.executable, "-m", "geo", "extract", "-", "--published", "2022-01-22"],
                          input=text, capture_output=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    (event,) = json.loads(done.stdout)
    assert event["location"].startswith("Sa") and event["fatalities"] == 70 and event["date_start"] == "2022-01-21"


def test_export_functions_take_dicts_as_well_as_events(extractor):
    events = extractor.extract(_seed_article())
    dicts = [e.to_dict() for e in events]
    assert events_to_json(dicts) == events_to_json(events)
    assert events_to_csv(dicts) == events_to_csv(events)
    assert events_to_geojson(dicts) == events_to_geojson(events)


def test_csv_cells_never_start_a_spreadsheet_formula():
    row = {"category": "other", "sentence": "=HYPERLINK(\"http://x\")", "notes": "@cmd", "latitude": -3.5,
           "longitude": -1.25, "event_key": "0123456789abcdef"}
    parsed = next(csv.DictReader(io.StringIO(events_to_csv([row]))))
    assert parsed["sentence"].startswith("'=") and parsed["notes"] == "'@cmd"
    assert parsed["latitude"] == "-3.5" and parsed["event_id_cnty"] == "XXX" + f"{int('0123456789', 16) % 10**8:08d}"


def _seed_article():
    from geo.io.textio import load_article

    return load_article(str(SEED))
