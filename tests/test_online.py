"""The geopy path against a fake Nominatim server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo.errors import InputError
from geo.geoparse.online import (
    DEFAULT_USER_AGENT,
    OnlineGeocoder,
    build_query,
    entry_from_answer,
    settings_from_env,
)

TEST_AGENT = "conflict-event-map-tests/0.1 (+https://example.invalid/tests)"
SLOW_SECONDS = 1.5
TIMEOUT_SECONDS = 0.5

KHANAQIN = {
    "place_id": 1, "osm_type": "relation", "osm_id": 3459923,
    "lat": "34.3416", "lon": "45.3881", "class": "boundary", "type": "administrative",
    "name": "Khanaqin", "display_name": "Khanaqin, Khanaqin District, Diyala Governorate, Iraq",
    "address": {"town": "Khanaqin", "county": "Khanaqin District", "state": "Diyala Governorate",
                "country": "Iraq", "country_code": "iq"},
}
QAYYARAH = {
    "place_id": 2, "osm_type": "node", "osm_id": 555, "lat": "35.8069", "lon": "43.2914",
    "name": "Qayyarah", "display_name": "Qayyarah, Nineveh Governorate, Iraq",
    "address": {"town": "Qayyarah", "state": "Nineveh Governorate", "country": "Iraq", "country_code": "iq"},
}
# What the fake server does, keyed by the first word of the query.
BEHAVIOUR = {
    "khanaqin": (200, [KHANAQIN]),
    "qayyarah": (200, [QAYYARAH]),
    "atlantis": (200, []),
    "busy": (429, {"error": "rate limited"}),
    "broken": (500, {"error": "internal"}),
    "slow": ("slow", [KHANAQIN]),
    "zzyzxqville": (200, [{**QAYYARAH, "osm_id": 777, "name": "Zzyzxqville"}]),
}


class FakeNominatim(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server API)
        url = urlparse(self.path)
        query = parse_qs(url.query).get("q", [""])[0]
        self.server.log.append({"time": time.monotonic(), "path": url.path, "q": query,
                                "params": parse_qs(url.query), "agent": self.headers.get("User-Agent")})
        status, body = BEHAVIOUR.get(query.split(",")[0].split()[0].lower(), (200, []))
        if status == "slow":
            time.sleep(SLOW_SECONDS)
            status = 200
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def fake_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    server.daemon_threads = True
    server.log = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture()
def server(fake_server):
    fake_server.log.clear()
    return fake_server


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_geocoder(port: int, cache_path, **options) -> OnlineGeocoder:
    environ = {
        "GEO_ONLINE_GEOCODER": "nominatim", "GEO_GEOCODER_DOMAIN": f"127.0.0.1:{port}",
        "GEO_GEOCODER_SCHEME": "http", "GEO_USER_AGENT": TEST_AGENT,
        "GEO_GEOCODE_CACHE": str(cache_path), "GEO_GEOCODER_TIMEOUT": str(TIMEOUT_SECONDS),
    }
    options.setdefault("min_delay_seconds", 0.0)
    return OnlineGeocoder.from_env(environ, **options)


@pytest.mark.parametrize("name, expected", [
    ("Khanaqin", ("online:nominatim:relation/3459923", "Khanaqin", "Iraq", "IQ", "Diyala Governorate", 34.3416)),
    ("Qayyarah", ("online:nominatim:node/555", "Qayyarah", "Iraq", "IQ", "Nineveh Governorate", 35.8069)),
    ("Atlantis", None),
])
def test_answers_are_parsed(server, tmp_path, name, expected):
    entry = make_geocoder(server.server_port, tmp_path / "cache.db").geocode(name)
    if expected is None:
        assert entry is None
    else:
        assert (entry.id, entry.name, entry.country, entry.country_code, entry.admin1, entry.latitude) == expected
        assert entry.kind == "online"
    assert [r["path"] for r in server.log] == ["/search"]
    assert server.log[0]["params"]["addressdetails"] == ["1"]
    assert server.log[0]["agent"] == TEST_AGENT  # a real user agent, as the usage policy asks


@pytest.mark.parametrize("name", ["Khanaqin", "Atlantis"])
def test_cache_prevents_a_second_request_even_across_instances(server, tmp_path, name):
    first = make_geocoder(server.server_port, tmp_path / "cache.db")
    answers = [first.geocode(name), first.geocode(name), first.geocode(f"  {name.upper()} ")]
    restarted = make_geocoder(server.server_port, tmp_path / "cache.db")
    answers.append(restarted.geocode(name))
    assert len(server.log) == 1
    assert len({a.id if a else None for a in answers}) == 1
    assert restarted.requests_sent == 0


def test_rate_limit_spaces_requests(server, tmp_path):
    delay = 0.25
    geocoder = make_geocoder(server.server_port, tmp_path / "cache.db", min_delay_seconds=delay)
    for name in ("Khanaqin", "Qayyarah", "Atlantis"):
        geocoder.geocode(name)
    times = [r["time"] for r in server.log]
    assert len(times) == 3
    assert min(b - a for a, b in zip(times, times[1:])) >= delay * 0.9


@pytest.mark.parametrize("name, port, words", [
    ("Busy town", None, "429"),
    ("Broken town", None, "500"),
    ("Slow town", None, f"within {TIMEOUT_SECONDS:g} s"),
    ("Khanaqin", "closed", "cannot reach"),
])
def test_failures_return_none_with_a_message(server, tmp_path, name, port, words):
    port = closed_port() if port == "closed" else server.server_port
    geocoder = make_geocoder(port, tmp_path / "cache.db")
    started = time.monotonic()
    assert geocoder.geocode(name) is None
    assert time.monotonic() - started < SLOW_SECONDS
    assert geocoder.last_error.startswith("online geocoder unavailable:")
    assert words in geocoder.last_error
    assert geocoder.messages == (geocoder.last_error,)
    assert not geocoder.available


def test_failures_are_not_cached_and_the_breaker_reopens(server, tmp_path):
    now = [1000.0]
    geocoder = make_geocoder(server.server_port, tmp_path / "cache.db", backoff_seconds=60, clock=lambda: now[0])
    assert geocoder.geocode("Broken town") is None
    assert geocoder.geocode("Khanaqin") is None  # suspended: not even asked
    assert [r["q"] for r in server.log] == ["Broken town"]
    now[0] += 61
    assert geocoder.available
    assert geocoder.geocode("Khanaqin").name == "Khanaqin"
    assert geocoder.last_error is None
    assert geocoder.geocode("Broken town") is None  # asked again: a failure is not an answer
    assert [r["q"] for r in server.log] == ["Broken town", "Khanaqin", "Broken town"]
    assert len(geocoder.messages) == 2


def test_cached_answers_are_served_while_suspended(server, tmp_path):
    geocoder = make_geocoder(server.server_port, tmp_path / "cache.db")
    assert geocoder.geocode("Khanaqin") is not None
    assert geocoder.geocode("Broken town") is None
    assert geocoder.geocode("Khanaqin").name == "Khanaqin"
    assert len(server.log) == 2


@pytest.mark.parametrize("environ, expected", [
    ({}, None),
    ({"GEO_ONLINE_GEOCODER": ""}, None),
    ({"GEO_ONLINE_GEOCODER": "off"}, None),
    ({"GEO_ONLINE_GEOCODER": "Nominatim"}, ("nominatim", None, None, DEFAULT_USER_AGENT, 3.0)),
    ({"GEO_ONLINE_GEOCODER": "photon", "GEO_GEOCODER_DOMAIN": "geo.example:2322/",
      "GEO_GEOCODER_SCHEME": "HTTP", "GEO_USER_AGENT": "me/1", "GEO_GEOCODER_TIMEOUT": "1.5"},
     ("photon", "geo.example:2322", "http", "me/1", 1.5)),
])
def test_settings_from_env(environ, expected):
    settings = settings_from_env(environ)
    if expected is None:
        assert settings is None
    else:
        assert (settings.service, settings.domain, settings.scheme, settings.user_agent, settings.timeout) == expected


@pytest.mark.parametrize("environ, words", [
    ({"GEO_ONLINE_GEOCODER": "nominatim", "GEO_GEOCODER_SCHEME": "ftp"}, "http or https"),
    ({"GEO_ONLINE_GEOCODER": "nominatim", "GEO_GEOCODER_TIMEOUT": "soon"}, "number of seconds"),
    ({"GEO_ONLINE_GEOCODER": "nominatim", "GEO_GEOCODER_TIMEOUT": "-1"}, "between"),
    ({"GEO_ONLINE_GEOCODER": "no-such-service"}, "not a geopy geocoder"),
])
def test_bad_settings_give_a_clear_error(environ, words, tmp_path):
    with pytest.raises(InputError, match=words):
        OnlineGeocoder.from_env({**environ, "GEO_GEOCODE_CACHE": str(tmp_path / "c.db")})


def test_default_rate_is_one_request_per_second(tmp_path):
    geocoder = OnlineGeocoder.from_env({"GEO_ONLINE_GEOCODER": "nominatim", "GEO_GEOCODE_CACHE": str(tmp_path / "c.db")})
    assert geocoder.min_delay_seconds == 1.0


@pytest.mark.parametrize("name, context, expected", [
    ("Khanaqin", "", "Khanaqin"),
    ("  Khanaqin \n", "Iraq", "Khanaqin, Iraq"),
    ("Khanaqin", "long article text " * 10, "Khanaqin"),
    ("", "", None),
    ("--", "", None),
    ("x" * 500, "", None),
])
def test_build_query(name, context, expected):
    assert build_query(name, context) == expected


@pytest.mark.parametrize("service, payload, expected", [
    ("nominatim", {"raw": KHANAQIN, "latitude": 34.3416, "longitude": 45.3881, "address": "x"},
     ("online:nominatim:relation/3459923", "Khanaqin", "Diyala Governorate")),
    ("photon", {"raw": {"properties": {"name": "Kirkuk", "osm_type": "R", "osm_id": 7, "country": "Iraq",
                                       "state": "Kirkuk Governorate", "countrycode": "IQ"}},
                "latitude": 35.47, "longitude": 44.39, "address": "Kirkuk, Iraq"},
     ("online:photon:relation/7", "Kirkuk", "Kirkuk Governorate")),
    ("arcgis", {"raw": {}, "latitude": 33.3, "longitude": 44.4, "address": "Baghdad, Iraq"},
     ("online:arcgis:", "Baghdad", None)),
])
def test_entry_from_answer(service, payload, expected):
    entry = entry_from_answer(service, payload)
    assert entry.id.startswith(expected[0]) and (entry.name, entry.admin1) == expected[1:]


@pytest.mark.parametrize("payload", [
    {"raw": {}, "latitude": 123.0, "longitude": 0.0, "address": "nowhere"},
    {"raw": {"name": "x"}, "latitude": "north", "longitude": 0.0},
    {"raw": {"name": "x"}},
])
def test_unusable_answers_become_none(payload):
    assert entry_from_answer("nominatim", payload) is None


def test_unusable_cache_returns_none_with_a_message(server, tmp_path):
    (tmp_path / "cache-is-a-directory").mkdir()
    geocoder = make_geocoder(server.server_port, tmp_path / "cache-is-a-directory")
    assert geocoder.geocode("Khanaqin") is None
    assert "geocode cache" in geocoder.last_error
    assert server.log == []  # an answer that cannot be stored is not asked for


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.load()


def test_geoparser_asks_online_only_for_what_the_gazetteer_lacks(server, tmp_path, gazetteer):
    from geo.geoparser import Geoparser

    geoparser = Geoparser(gazetteer, online=make_geocoder(server.server_port, tmp_path / "cache.db"))
    assert geoparser.lookup("Zzyzxqville").entry.id == "online:nominatim:node/777"
    assert geoparser.lookup("Baghdad").entry.kind != "online"
    assert [r["q"] for r in server.log] == ["Zzyzxqville"]


def test_geoparser_falls_back_offline_with_a_message_when_online_fails(tmp_path, gazetteer):
    from geo.geoparser import Geoparser

    geoparser = Geoparser(gazetteer, online=make_geocoder(closed_port(), tmp_path / "cache.db"))
    assert geoparser.lookup("Zzyzxqville") is None
    assert geoparser.lookup("Baghdad").entry.country == "Iraq"
    assert len(geoparser.online_messages) == 1
    assert geoparser.online_messages[0].startswith("online geocoder unavailable: cannot reach")


@pytest.mark.parametrize("environ, online", [({}, False), ({"GEO_ONLINE_GEOCODER": "nominatim"}, True)])
def test_default_geoparser_follows_the_environment(monkeypatch, tmp_path, environ, online):
    import geo.geoparse.geoparser

    monkeypatch.delenv("GEO_ONLINE_GEOCODER", raising=False)
    for key, value in {**environ, "GEO_GEOCODE_CACHE": str(tmp_path / "c.db")}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(geo.geoparse.geoparser, "_default", None)
    assert isinstance(geo.geoparse.geoparser.Geoparser.default().online, OnlineGeocoder) is online


def test_one_text_sends_a_bounded_number_of_new_requests(server, tmp_path, gazetteer):
    from geo.geoparser import MAX_NEW_ONLINE_REQUESTS, Geoparser

    geoparser = Geoparser(gazetteer, online=make_geocoder(server.server_port, tmp_path / "cache.db"))
    names = [f"Qxw{letter}vill" for letter in "abcdefghij"]
    text = ", ".join(names)
    spans, start = [], 0
    for name in names:
        spans.append((start, start + len(name)))
        start += len(name) + 2
    geoparser.resolve_spans(text, spans)
    assert len(server.log) == MAX_NEW_ONLINE_REQUESTS < len(names)
    assert "at most" in geoparser.online_messages[-1]
    geoparser.resolve_spans(text, spans[:MAX_NEW_ONLINE_REQUESTS])  # all cached now
    assert len(server.log) == MAX_NEW_ONLINE_REQUESTS
