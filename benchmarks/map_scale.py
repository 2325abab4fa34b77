"""Map scale: how fast the Map page opens and follows a filter change with many
events, against one folium.Marker per event built in Python, in the same run.

    .venv/bin/python -m benchmarks.map_scale [--sizes 10000 100000] [--naive-cap 240] [--write]

For each size it writes synthetic events into a throw-away GEO_DB, starts the
real app (``streamlit run app.py``) and the baseline (benchmarks/naive_map_app.py)
on it, and drives the system Chromium:

* start: from ``streamlit run`` until the server answers (the app prepares
  the Map page's data at start);
* open: from navigation start until the markers are drawn. "first" is the first
  open after the server started (server caches as left by the start, browser
  cold); "warm" is a later open in a fresh browser context;
* filter: from a click on a category button until the map shows the new filter.

Targets with 10,000 events: map ready < 3 s, filter change < 1 s. ``--write``
replaces docs/benchmarks-dashboard.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from geo.model import Article, Event
from geo.store import open_store
from tests import harness
from tests.dashboard_browser import MAP_FRAME
from webapp.frame import events_frame
from webapp.map_layer import browser_table, table_bytes

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "docs" / "benchmarks-dashboard.md"
EVENTS_PER_ARTICLE = 100
SITES = 400
FIRST_DAY, DAYS = date(2014, 1, 1), 3650
NAIVE_READY = """() => {
    const frame = document.querySelector("%s");
    if (!frame || !frame.contentWindow || frame.contentWindow.__benchOld) return false;
    return !!frame.contentDocument.querySelector('.marker-cluster, .leaflet-marker-icon');
}""" % MAP_FRAME.replace('"', '\\"')


def synthetic_article(number: int, rng: random.Random, sites: list[tuple[float, float]]) -> tuple[Article, list]:
    """An article of EVENTS_PER_ARTICLE sentences, one event each, at random sites and dates."""
    sentences, spans = [], []
    offset = 0
    for n in range(EVENTS_PER_ARTICLE):
        site = rng.randrange(len(sites))
        text = f"Armed men attacked positions near Site {site} in raid {number}-{n}, killing {n % 9} people. "
        sentences.append(text)
        spans.append((offset, site, text))
        offset += len(text)
    article = Article(text="".join(sentences), published=FIRST_DAY + timedelta(days=DAYS + 30),
                      title=f"Synthetic report {number}", outlet="Benchmark Wire",
                      url=f"https://bench.example.org/{number}")
    events = []
    for start, site, text in spans:
        first = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        ranged = rng.random() < 0.3
        latitude, longitude = sites[site]
        place = f"Site {site}"
        place_at = start + text.index(place)
        category = rng.choices(("attack", "handover", "other"), (45, 25, 30))[0]
        events.append(Event(
            article_id=article.id, category=category, event_type="Violence against civilians",
            sub_event_type="Attack", sentence=text.strip(), start_char=start, end_char=start + len(text) - 1,
            location=place, latitude=round(latitude + rng.gauss(0, 0.05), 5),
            longitude=round(longitude + rng.gauss(0, 0.05), 5), geo_precision=rng.choices((1, 2, 3), (6, 3, 1))[0],
            country="Benchland", admin1=f"Province {site % 17}", place_text=place, place_start=place_at,
            place_end=place_at + len(place), date_start=first,
            date_end=first + timedelta(days=29) if ranged else first, event_date=first,
            time_precision=3 if ranged else 1, actor1="Armed men", actor2="Civilians",
            fatalities=rng.randrange(0, 9) if category == "attack" else None))
    return article, events


def fill_store(db_path: Path, total: int, seed: int = 7) -> float:
    rng = random.Random(seed)
    sites = [(rng.uniform(12, 42), rng.uniform(25, 63)) for _ in range(SITES)]
    started = time.perf_counter()
    with open_store(db_path) as store:
        for number in range(total // EVENTS_PER_ARTICLE):
            article, events = synthetic_article(number, rng, sites)
            store.add_article(article, lambda _article, found=events: found)
    return time.perf_counter() - started


def _timed(action, wait) -> float:
    started = time.perf_counter()
    action()
    wait()
    return time.perf_counter() - started


def _wait_layer(page, previous: str | None, expected: int | None, timeout_ms: int) -> str:
    selector = ".leaflet-container[data-geo-state='ready']"
    if previous:
        selector += f":not([data-geo-token='{previous}'])"
    if expected is not None:
        selector += f"[data-geo-shown='{expected}']"
    box = page.frame_locator(MAP_FRAME).first.locator(selector).first
    box.wait_for(state="attached", timeout=timeout_ms)
    return box.get_attribute("data-geo-token")


def _wait_naive(page, timeout_ms: int) -> None:
    page.wait_for_function(NAIVE_READY, timeout=timeout_ms, polling=50)


def _mark_naive_frame(page) -> None:
    page.locator(MAP_FRAME).first.evaluate("f => { f.contentWindow.__benchOld = true; }")


def measure(browser, app, naive: bool, counts: dict[str, int], cap_s: float) -> dict:
    """Open (first, warm) and filter-change timings; None where the cap was hit.
    The filter changes go through three new states (no state is seen twice)."""
    cap_ms = int(cap_s * 1000)
    results: dict = {}
    located = sum(counts.values())
    steps = (("Attack", located - counts["attack"]), ("Other", counts["handover"]),
             ("Attack", counts["handover"] + counts["attack"]))
    for label in ("first", "warm"):
        if label == "warm" and results.get("open_first_s") is None:
            results.update(open_warm_s=None, filter_s=None)  # gave up on the first open already
            break
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        try:
            if naive:
                results[f"open_{label}_s"] = _timed(lambda: page.goto(app.url), lambda: _wait_naive(page, cap_ms))
            else:
                token = {}
                results[f"open_{label}_s"] = _timed(lambda: page.goto(app.url), lambda: token.update(
                    t=_wait_layer(page, None, located, cap_ms)))
            if label == "warm":
                changes = []
                for name, expected in steps:
                    button = page.get_by_role("button", name=name, exact=True)
                    if naive:
                        _mark_naive_frame(page)
                        changes.append(_timed(button.click, lambda: _wait_naive(page, cap_ms)))
                    else:
                        previous = token["t"]
                        changes.append(_timed(button.click, lambda: token.update(
                            t=_wait_layer(page, previous, expected, cap_ms))))
                results["filter_s"] = statistics.median(changes)
        except Exception as exc:  # a timeout at the cap: report it, keep going
            print(f"  stopped: {type(exc).__name__}: {str(exc).splitlines()[0]}", flush=True)
            results.setdefault(f"open_{label}_s", None)
            results.setdefault("filter_s", None)
        finally:
            context.close()
    return results


def run_size(browser, total: int, cap_s: float) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="geo-map-bench-"))
    db_path, seeds = workdir / "bench.db", workdir / "no-seeds"
    seeds.mkdir()
    fill_s = fill_store(db_path, total)
    with open_store(db_path) as store:
        events = store.list_events()
    counts = {category: sum(1 for e in events if e["latitude"] is not None and e["category"] == category)
              for category in ("handover", "attack", "other")}
    row = {"events": total, "fill_s": fill_s}
    for name, script, naive in (("layer", "app.py", False), ("naive", "benchmarks/naive_map_app.py", True)):
        print(f"{total} events, {name}...", flush=True)
        started = time.perf_counter()
        app = harness.start_app(db_path, env={"GEO_SEEDS_DIR": str(seeds)}, workdir=workdir, script=script)
        start_s = time.perf_counter() - started
        try:
            row[name] = {"start_s": start_s, **measure(browser, app, naive, counts, cap_s)}
        finally:
            harness.stop_app(app)
        print(f"  {row[name]}", flush=True)
    row["table_mb"] = len(table_bytes(browser_table(events_frame(events)))) / 1e6
    return row


def _seconds(value, cap_s: float) -> str:
    return f"> {cap_s:.0f} (stopped)" if value is None else f"{value:.2f}"


def render(rows: list[dict], cap_s: float) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    lines = [
        "# Dashboard map at scale", "",
        "Measured by `python -m benchmarks.map_scale --write` (commit " + commit + ") on "
        f"{os.cpu_count()} CPU cores ({platform.processor() or platform.machine()}), Chromium headless, "
        "1400x900, no map tiles (`GEO_TILES=none`), on a machine shared with other work.", "",
        "* **layer**: the app: events go to the browser once as a JSON table; the markers are built there "
        "(MarkerCluster, chunked) and a filter change sends only a bit mask in a new feature group.",
        "* **naive**: one `folium.Marker` with its popup per event built in Python inside folium's "
        "`MarkerCluster`; every filter change re-renders the whole map (benchmarks/naive_map_app.py).",
        "* *server start*: from `streamlit run` until the server answers (the app prepares the Map page's data "
        "then, see docs/dashboard.md); *open, first*: first page open after that; "
        "*open, warm*: a later open in a new browser context; *filter*: click on a category button until the "
        "map shows the new filter (median of 3 changes, each to a filter not shown before).", "",
        "| events | approach | server start (s) | open, first (s) | open, warm (s) | filter change (s) |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        for name in ("layer", "naive"):
            r = row[name]
            lines.append(f"| {row['events']:,} | {name} | {r['start_s']:.2f} | "
                         f"{_seconds(r.get('open_first_s'), cap_s)} | "
                         f"{_seconds(r.get('open_warm_s'), cap_s)} | {_seconds(r.get('filter_s'), cap_s)} |")
    lines += ["", "Targets with 10,000 events: map ready < 3 s, filter change < 1 s.", ""]
    for row in rows:
        table = f"{row['table_mb']:.1f} MB" if row.get("table_mb") else "n/a"
        lines.append(f"* {row['events']:,} events: store filled in {row['fill_s']:.1f} s; browser table {table}.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--naive-cap", type=float, default=240.0, help="seconds before giving up on one step")
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.relative_to(REPO)}")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)
        try:
            rows = [run_size(browser, total, args.naive_cap) for total in args.sizes]
        finally:
            browser.close()
    report = render(rows, args.naive_cap)
    print(report)
    if args.write:
        OUTPUT.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
