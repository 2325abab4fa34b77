"""Schema changes go through Alembic: an old database file is upgraded and keeps its data."""
from __future__ import annotations

import json
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from geo.errors import StoreError
from geo.store import open_store
from geo.store.engine import make_engine, resolve_url
from geo.store.migrate import current_revision, head_revision, upgrade
from geo.store.tables import Base

FIRST_REVISION = "0001"
CANDIDATE = {"id": "test:9", "name": "Old Hill", "kind": "populated_place", "latitude": 35.5, "longitude": 44.5,
             "country": "Testland", "country_code": "TL", "admin1": "North", "population": 0,
             "aliases": [], "source": "test"}


def make_first_revision_file(path) -> None:
    """A store as the first release wrote it: one article, one event, one correction."""
    engine = make_engine(resolve_url(path))
    upgrade(engine, FIRST_REVISION)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO articles (id, text, title, outlet, url, published, language, content_hash, created_at) "
            "VALUES ('old1', 'Rebels attacked Old Hill.', 'Old report', 'Old Wire', 'https://example.org/old', "
            "'2019-03-02', 'en', 'hash-old1', '2019-03-02 10:00:00')"))
        connection.execute(text(
            "INSERT INTO events (article_id, position, event_key, category, event_type, sub_event_type, sentence, "
            "start_char, end_char, trigger, location, latitude, longitude, candidates, date_start, date_end, notes) "
            "VALUES ('old1', 0, 'key-old1', 'attack', 'Battles', 'Armed clash', 'Rebels attacked Old Hill.', 0, 25, "
            "'attacked', 'Old Hill', 35.5, 44.5, :candidates, '2019-03-01', '2019-03-01', '')"),
            {"candidates": json.dumps([CANDIDATE])})
        connection.execute(text(
            "INSERT INTO corrections (article_id, event_key, changes, previous, reason, created_at) "
            "VALUES ('old1', 'key-old1', '{\"fatalities\": 3}', '{\"fatalities\": null}', 'local report', "
            "'2019-03-03 09:00:00')"))
    engine.dispose()


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "old.db"
    make_first_revision_file(path)
    return path


def test_the_fixture_really_is_at_the_first_revision(old_file):
    engine = make_engine(resolve_url(old_file))
    assert current_revision(engine) == FIRST_REVISION != head_revision()
    engine.dispose()


def test_old_file_is_upgraded_and_keeps_its_data(old_file):
    with open_store(old_file) as store:
        assert current_revision(store.engine) == head_revision()
        (event,) = store.list_events()
        assert (event["article_title"], event["location"], event["date_start"]) == ("Old report", "Old Hill", "2019-03-01")
        assert event["fatalities"] == 3 and event["corrected"] and event["extractor_version"] == ""
        assert event["candidates"][0]["name"] == "Old Hill"
        (correction,) = store.corrections()
        assert (correction["reason"], correction["created_at"]) == ("local report", "2019-03-03T09:00:00+00:00")


def test_upgraded_old_file_takes_new_writes_and_corrections(old_file):
    with open_store(old_file) as store:
        event_id = store.list_events()[0]["id"]
        store.correct_event(event_id, {"candidate_id": "test:9", "category": "other"})
        assert store.get_event(event_id)["category"] == "other"
        assert store.load_seeds(old_file.parent, lambda article: []) == 0  # no seed files there: nothing


@pytest.mark.parametrize("revision", ["0001", "head"])
def test_schema_after_migrations_matches_the_models(tmp_path, revision):
    engine = make_engine(resolve_url(tmp_path / "fresh.db"))
    upgrade(engine, revision)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert (differences == []) is (revision == "head"), differences


def test_downgrade_then_upgrade_again(old_file):
    from alembic import command

    from geo.store.migrate import alembic_config

    engine = make_engine(resolve_url(old_file))
    upgrade(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, FIRST_REVISION)
    assert current_revision(engine) == FIRST_REVISION
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_file_from_a_newer_app_is_refused_with_a_clear_message(old_file):
    engine = make_engine(resolve_url(old_file))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="9999.*update the app"):
        open_store(old_file)


def test_several_connections_opening_a_new_file_at_once(tmp_path):
    errors = []

    def open_it():
        try:
            open_store(tmp_path / "new.db").close()
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with open_store(tmp_path / "new.db") as store:
        assert current_revision(store.engine) == head_revision()
