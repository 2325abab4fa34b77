"""Store speed: ingest, listing (with corrections applied), a correction, export/import.

    .venv/bin/python -m benchmarks.store_speed [--articles 200] [--events-per-article 50] [--url URL]

Uses hand-built events (tests/store_helpers.py), so it measures the store alone,
not the extractor. Prints one JSON object of timings in seconds.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from geo.store import open_store
from tests.store_helpers import make_article, sentence_events


def _timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def run(articles: int, per_article: int, url: str | None) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="geo-bench-"))
    store = open_store(url or workdir / "bench.db")
    sentence = "Militants attacked Northtown on 2020-07-{day:02d} in raid {n}. "
    texts = ["".join(sentence.format(day=1 + (a + n) % 28, n=f"{a}-{n}") for n in range(per_article))
             for a in range(articles)]
    ingest, _ = _timed(lambda: [store.add_article(make_article(t), sentence_events) for t in texts])
    events = store.list_events()
    for event in events[::10]:
        store.correct_event(event["id"], {"fatalities": 1}, "benchmark")
    listing, listed = _timed(store.list_events)
    window, _ = _timed(lambda: store.list_events(start=events[0]["date_start"], end=events[0]["date_start"]))
    one, _ = _timed(lambda: store.get_event(events[len(events) // 2]["id"]))
    correct, _ = _timed(lambda: store.correct_event(events[1]["id"], {"category": "other"}))
    export, _ = _timed(lambda: store.export(workdir / "backup.json"))
    with open_store(workdir / "restored.db") as target:
        restore, _ = _timed(lambda: target.import_(workdir / "backup.json"))
    store.close()
    return {"articles": articles, "events": len(listed), "ingest_s": round(ingest, 3),
            "ingest_events_per_s": round(len(listed) / ingest), "list_events_s": round(listing, 3),
            "list_events_window_s": round(window, 3), "get_event_s": round(one, 4),
            "correct_event_s": round(correct, 4), "export_json_s": round(export, 3),
            "import_json_s": round(restore, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--events-per-article", type=int, default=50)
    parser.add_argument("--url", help="a database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    print(json.dumps(run(args.articles, args.events_per_article, args.url), indent=1))


if __name__ == "__main__":
    main()
