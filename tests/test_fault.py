"""A process killed (SIGKILL) in the middle of ingesting a large article leaves
a consistent store: the article is there with all its events, or not at all."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.store import open_store
from tests.store_helpers import make_article, sentence_events

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
SENTENCES = 60_000  # about 3.9 MB of text and as many events: several seconds of writing
INGEST = """
import sys
from geo.io.ingest import load_article_file
from geo.store import open_store
from tests.store_helpers import make_article, sentence_events

article = load_article_file(sys.argv[2], "2020-07-05", title="Large", outlet="Wire", url="https://e.org/x")
events = sentence_events(article)
with open_store(sys.argv[1]) as store:
    print("writing", len(events), flush=True)
    store.add_article(article, lambda a: events)
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def large_article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.txt"
    path.write_text(" ".join(f"Militants attacked Northtown on 2020-07-{1 + i % 28:02d} in raid number {i}."
                             for i in range(SENTENCES)))
    assert path.stat().st_size < 5 * 1024 * 1024
    return path


def _ingest(db: Path, article: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", INGEST, str(db), str(article)], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True)


def _kill_while_writing(process: subprocess.Popen, wal: Path, wal_bytes: int) -> None:
    """SIGKILL once the write transaction has put ``wal_bytes`` into the WAL file."""
    assert process.stdout.readline().startswith("writing")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size >= wal_bytes:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"


@pytest.mark.parametrize("wal_bytes", [256 * 1024, 16 * 1024 * 1024])
def test_killed_ingest_leaves_no_half_article(tmp_path, large_article, wal_bytes):
    db = tmp_path / "geo.db"
    with open_store(db) as store:  # a store with something in it already
        store.add_article(make_article("Militants attacked Southport.", title="Small"), sentence_events)

    _kill_while_writing(_ingest(db, large_article), Path(f"{db}-wal"), wal_bytes)

    with open_store(db) as store:  # the restart
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert store.counts() == {"articles": 1, "events": 1, "corrections": 0}
        assert [a["title"] for a in store.list_articles()] == ["Small"]

    finished = _ingest(db, large_article)  # ingesting again works: nothing half-stored blocks it
    assert finished.stdout.read().splitlines()[-1] == "done" and finished.wait(timeout=120) == 0
    with open_store(db) as store:
        counts = {a["title"]: a["event_count"] for a in store.list_articles()}
        assert counts == {"Small": 1, "Large": SENTENCES}

