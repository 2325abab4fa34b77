"""The store keeps articles, events and corrections exactly, on SQLite and PostgreSQL."""
from __future__ import annotations

import threading
from pathlib import Path
from datetime import date

import pytest
from sqlalchemy import select, text

from geo.errors import DuplicateArticle, InputError, NotFound, StoreError
from geo.model import Event
from geo.store import open_store, rows
from geo.store.engine import resolve_url
from geo.store.tables import EventRow
from tests import pg_server
from tests.store_helpers import TEXT, Extractor, make_article, sentence_events


@pytest.fixture(scope="session")
def postgres():
    server = pg_server.start()
    if server is None:
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed")
    yield server
    pg_server.stop(server)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    url = request.getfixturevalue("postgres").new_database() if request.param == "postgresql" \
        else str(tmp_path / "geo.db")
    opened = open_store(url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path):
    with open_store(tmp_path / "geo.db") as opened:
        yield opened


def stored_events(store, article_id: str) -> list[Event]:
    with store._read() as session:
        found = session.scalars(select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.position))
        return [rows.event_from_row(row) for row in found]


def test_every_event_field_comes_back_exactly(store):
    article = make_article(TEXT)
    extracted = sentence_events(article)
    assert store.add_article(article, sentence_events) == article.id
    assert stored_events(store, article.id) == extracted  # candidates, aliases and all


def test_listed_events_carry_the_dashboard_keys(store):
    article = make_article(TEXT)
    store.add_article(article, Extractor("v7").extract)
    listed = store.list_events()
    expected = [e.to_dict() for e in sentence_events(article)]
    assert [{k: e[k] for k in expected[0]} for e in listed] == expected
    first = listed[0]
    assert isinstance(first["id"], int) and first["corrected"] is False and first["rejected"] is False
    assert (first["article_title"], first["outlet"], first["url"], first["published"]) == (
        "A test article", "Test Wire", "https://example.org/a", "2020-07-05")
    assert first["extractor_version"] == "v7"
    assert store.get_event(first["id"]) == first


def test_duplicate_is_refused_naming_the_existing_article(store):
    first = store.add_article(make_article(TEXT, title="Original report"), sentence_events)
    with pytest.raises(DuplicateArticle, match="Original report") as refused:
        store.add_article(make_article(TEXT, title="Same text, other title"), sentence_events)
    assert refused.value.existing_id == first
    assert store.counts()["articles"] == 1


@pytest.mark.parametrize("start, end, expected", [
    (None, None, {"attacked", "shelled", "handed over"}),
    (date(2020, 7, 1), date(2020, 7, 1), {"attacked", "handed over"}),  # undated always included
    (date(2020, 6, 21), None, {"attacked", "handed over"}),
    (None, date(2020, 6, 20), {"shelled", "handed over"}),
    (date(2021, 1, 1), date(2021, 12, 31), {"handed over"}),
])
def test_date_window_selects_overlapping_events(store, start, end, expected):
    store.add_article(make_article(TEXT), sentence_events)
    assert {e["trigger"] for e in store.list_events(start=start, end=end)} == expected


@pytest.mark.parametrize("categories, expected", [
    (["attack"], {"attacked", "shelled"}), (["handover"], {"handed over"}), ([], set()),
])
def test_category_filter(store, categories, expected):
    store.add_article(make_article(TEXT), sentence_events)
    assert {e["trigger"] for e in store.list_events(categories=categories)} == expected


def test_delete_removes_events_and_corrections(store):
    keep = store.add_article(make_article("Militants attacked Southport."), sentence_events)
    gone = store.add_article(make_article(TEXT), sentence_events)
    store.correct_event(store.list_events(article_id=gone)[0]["id"], {"fatalities": 2})
    store.delete_article(gone)
    assert {e["article_id"] for e in store.list_events(include_rejected=True)} == {keep}
    assert store.corrections() == [] and store.counts() == {"articles": 1, "events": 1, "corrections": 0}
    with pytest.raises(NotFound):
        store.delete_article(gone)


def test_foreign_keys_refuse_an_orphan_event(sqlite_store):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with sqlite_store._write() as session:
            session.execute(text("INSERT INTO events (article_id, position, event_key, extractor_version, "
                                 "category, event_type, sub_event_type, sentence, start_char, end_char, trigger, "
                                 "candidates, notes) VALUES ('nope', 0, 'k', '', 'attack', 'a', 'b', 's', 0, 1, "
                                 "'', '[]', '')"))


def test_reextract_keeps_event_ids_and_replaces_fields(store):
    article_id = store.add_article(make_article(TEXT), Extractor("v1").extract)
    before = {e["event_key"]: e["id"] for e in store.list_events()}
    assert store.reextract(article_id, Extractor("v2", shift=0.5).extract) == 3
    after = store.list_events()
    assert {e["event_key"]: e["id"] for e in after} == before
    assert {e["extractor_version"] for e in after} == {"v2"}
    assert after[0]["latitude"] == pytest.approx(36.6)


def test_reextract_drops_vanished_events_and_adds_new_ones(store):
    article_id = store.add_article(make_article(TEXT), sentence_events)
    only_attacks = lambda article: [e for e in sentence_events(article) if e.category == "attack"][:1]
    assert store.reextract(article_id, only_attacks) == 1
    assert [e["trigger"] for e in store.list_events()] == ["attacked"]
    store.reextract(article_id, sentence_events)
    assert len(store.list_events()) == 3


@pytest.mark.parametrize("search, found", [
    ("northtown", True), ("TEST WIRE", True), ("example.org/a", True), ("A test", True),
    ("50%", False), ("_", False), ("nowhere", False), ("", True), (None, True),
])
def test_article_search(store, search, found):
    store.add_article(make_article(TEXT), sentence_events)
    assert bool(store.list_articles(search)) is found


def test_article_list_counts_events_and_corrections(store):
    article_id = store.add_article(make_article(TEXT), sentence_events)
    store.correct_event(store.list_events()[0]["id"], {"category": "other"}, "not a clash")
    (listed,) = store.list_articles()
    assert (listed["id"], listed["event_count"], listed["correction_count"]) == (article_id, 3, 1)
    assert store.get_article(article_id)["text"] == TEXT


def test_an_empty_article_is_refused(store):
    with pytest.raises(InputError, match="no text"):
        store.add_article(make_article("  \n "), sentence_events)


def test_a_failure_in_the_middle_of_a_write_leaves_nothing(store):
    article = make_article(TEXT)

    def breaks_the_insert(a):  # the article row is written, then an event row cannot be
        events = sentence_events(a)
        return events[:2] + [Event(**{**events[2].__dict__, "trigger_start": 2 ** 70})]

    with pytest.raises(StoreError, match="nothing was saved"):
        store.add_article(article, breaks_the_insert)
    assert store.counts() == {"articles": 0, "events": 0, "corrections": 0}
    assert store.add_article(article, sentence_events) == article.id  # not taken for a duplicate


def test_an_extractor_error_stores_nothing(store):
    def fails(article):
        raise InputError("cannot read this")

    with pytest.raises(InputError):
        store.add_article(make_article(TEXT), fails)
    assert store.counts()["articles"] == 0


def test_events_of_another_article_are_refused(store):
    stray = lambda article: sentence_events(make_article("Militants attacked Northtown."))
    with pytest.raises(StoreError, match="other articles"):
        store.add_article(make_article(TEXT), stray)


def _race(tmp_path, texts):
    """Two stores (two connections, as two browser tabs have) add articles at the same moment."""
    barrier = threading.Barrier(len(texts))
    outcomes: list = [None] * len(texts)

    def slow_extract(article):
        barrier.wait(timeout=10)  # both have passed the duplicate check before either writes
        return sentence_events(article) * 40

    def add(index):
        with open_store(tmp_path / "geo.db") as own:
            try:
                outcomes[index] = own.add_article(make_article(texts[index]), slow_extract)
            except DuplicateArticle as exc:
                outcomes[index] = exc

    open_store(tmp_path / "geo.db").close()
    threads = [threading.Thread(target=add, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_writers_at_once_both_succeed(tmp_path):
    outcomes = _race(tmp_path, [TEXT, TEXT + " Militants attacked Southport."])
    assert all(isinstance(o, str) for o in outcomes)
    with open_store(tmp_path / "geo.db") as check:
        assert check.counts()["articles"] == 2 and check.counts()["events"] == 40 * 3 + 40 * 4


def test_two_writers_of_the_same_article_one_refused_cleanly(tmp_path):
    outcomes = _race(tmp_path, [TEXT, TEXT])
    stored = [o for o in outcomes if isinstance(o, str)]
    refused = [o for o in outcomes if isinstance(o, DuplicateArticle)]
    assert len(stored) == 1 and len(refused) == 1 and refused[0].existing_id == stored[0]
    with open_store(tmp_path / "geo.db") as check:
        assert check.counts()["events"] == 120


@pytest.mark.parametrize("pragma, expected", [("journal_mode", "wal"), ("foreign_keys", 1)])
def test_sqlite_connections_use_wal_and_foreign_keys(sqlite_store, pragma, expected):
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


@pytest.mark.parametrize("given, expected_suffix", [
    ("{tmp}/nested/dir/geo.db", "nested/dir/geo.db"),
    ("sqlite:///{tmp}/url/geo.db", "url/geo.db"),
])
def test_path_or_url_and_directory_created(tmp_path, given, expected_suffix):
    url = resolve_url(given.format(tmp=tmp_path))
    assert url.startswith("sqlite:///") and url.endswith(expected_suffix)
    with open_store(given.format(tmp=tmp_path)):
        pass
    assert (tmp_path / expected_suffix).is_file()


def test_geo_db_environment_variable_names_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DB", str(tmp_path / "from-env.db"))
    with open_store() as opened:
        opened.add_article(make_article(TEXT), sentence_events)
    assert (tmp_path / "from-env.db").is_file()


@pytest.mark.parametrize("url", ["nonsense://", "postgresql+nodriver://x@/y"])
def test_unusable_database_url_is_a_clear_error(url):
    with pytest.raises(StoreError):
        open_store(url)


def _fill(store) -> None:
    first = store.add_article(make_article(TEXT, title="First"), Extractor("v1").extract)
    store.add_article(make_article("Militants attacked Southport on 2020-05-05.", title="Second"), sentence_events)
    events = store.list_events(article_id=first)
    store.correct_event(events[0]["id"], {"candidate_id": "test:2"}, "the province, not the town")
    store.correct_event(events[1]["id"], {"rejected": True})
    store.reextract(first, lambda article: sentence_events(article)[:1])  # leaves one correction orphaned


@pytest.mark.parametrize("suffix", [".json", ".db"])
@pytest.mark.parametrize("target_backend", ["sqlite", "postgresql"])
def test_export_import_round_trip_is_exact(store, tmp_path, request, suffix, target_backend):
    from geo.store.backup import snapshot

    _fill(store)
    path = tmp_path / f"backup{suffix}"
    assert store.export(path) == {"articles": 2, "events": 2, "corrections": 2, "seed_loads": 0}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [path.name]
    target_url = request.getfixturevalue("postgres").new_database() if target_backend == "postgresql" \
        else str(tmp_path / "target.db")
    with open_store(target_url) as target:
        target.add_article(make_article("Old content attacked Northtown."), sentence_events)  # replaced
        target.import_(path)
        assert snapshot(target) == snapshot(store)
        assert target.list_events(include_rejected=True) == store.list_events(include_rejected=True)
        assert target.corrections() == store.corrections()
        assert target.list_articles() == store.list_articles()
        event_id = target.list_events()[0]["id"]
        target.correct_event(event_id, {"fatalities": 1})  # ids continue after the imported ones
        assert target.add_article(make_article("Militants shelled Northtown."), sentence_events)


@pytest.mark.parametrize("content, message", [
    (b"not json at all", "neither an SQLite store nor valid JSON"),
    (b'{"format": "something-else"}', "not an export"),
    (b'{"format": "geo-store", "format_version": 99}', "not supported"),
    (b'{"format": "geo-store", "format_version": 1, "articles": [], "events": [{"id": 1}]}', "damaged"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "not a usable store file"),
])
def test_import_of_a_bad_file_changes_nothing(sqlite_store, tmp_path, content, message):
    sqlite_store.add_article(make_article(TEXT), sentence_events)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(InputError, match=message):
        sqlite_store.import_(bad)
    assert sqlite_store.counts() == {"articles": 1, "events": 3, "corrections": 0}


def test_import_of_inconsistent_rows_is_refused_whole(sqlite_store, tmp_path):
    from geo.store.backup import snapshot

    _fill(sqlite_store)
    data = snapshot(sqlite_store)
    data["events"][0]["article_id"] = "no-such-article"
    path = tmp_path / "inconsistent.json"
    path.write_text(__import__("json").dumps(data))
    with pytest.raises(InputError, match="inconsistent"):
        sqlite_store.import_(path)
    assert sqlite_store.counts()["articles"] == 2


def test_export_needs_a_known_suffix(sqlite_store, tmp_path):
    with pytest.raises(InputError, match="must end in"):
        sqlite_store.export(tmp_path / "backup.txt")


@pytest.fixture
def seeds(tmp_path):
    import shutil

    directory = tmp_path / "seeds"
    directory.mkdir()
    for path in Path(__file__).resolve().parent.parent.joinpath("seeds").iterdir():
        shutil.copy(path, directory / path.name)
    (directory / "local.md").write_text("---\ntitle: Local\ndate: 2020-06-01\n---\nMilitants attacked Northtown.\n")
    return directory


def test_seeds_load_once_and_a_deleted_seed_stays_deleted(store, seeds):
    assert store.load_seeds(seeds, sentence_events) == 2
    assert store.load_seeds(seeds, sentence_events) == 0
    titles = {a["title"]: a["id"] for a in store.list_articles()}
    assert "Local" in titles and any("Task Force" in t for t in titles)
    store.delete_article(titles["Local"])
    assert store.load_seeds(seeds, sentence_events) == 0
    assert "Local" not in {a["title"] for a in store.list_articles()}
    (seeds / "later.txt").write_text("The army shelled Southport.")
    (seeds / "later.json").write_text('{"title": "Later", "published": "2020-08-01"}')
    assert store.load_seeds(seeds, sentence_events) == 1


def test_seeds_directory_from_the_environment(sqlite_store, seeds, monkeypatch):
    monkeypatch.setenv("GEO_SEEDS_DIR", str(seeds))
    assert sqlite_store.load_seeds(None, sentence_events) == 2
    monkeypatch.setenv("GEO_SEEDS_DIR", str(seeds / "absent"))
    with pytest.raises(InputError, match="does not exist"):
        sqlite_store.load_seeds(None, sentence_events)


def test_a_seed_already_added_by_hand_is_not_added_again(sqlite_store, seeds):
    sqlite_store.add_article(make_article("Militants attacked Northtown."), sentence_events)
    assert sqlite_store.load_seeds(seeds, sentence_events) == 1
    assert sqlite_store.counts()["articles"] == 2


def test_find_duplicate_before_extracting(sqlite_store):
    assert sqlite_store.find_duplicate(make_article(TEXT)) is None
    stored = sqlite_store.add_article(make_article(TEXT, title="Kept"), sentence_events)
    found = sqlite_store.find_duplicate(make_article(TEXT, title="Other"))
    assert found["id"] == stored and "Kept" in found["message"]
