"""Bring a database to the newest schema with Alembic, without an alembic.ini.

Runs in one write transaction, so two processes opening a new store at once
do not both create the tables; on PostgreSQL an advisory lock does the same.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, text

from geo.errors import StoreError
from geo.store.engine import WRITE

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x67656F  # any fixed number shared by every process of this app


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (tests use older ones to make old files)."""
    config = alembic_config()
    try:
        with engine.execution_options(**WRITE).begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except CommandError as exc:
        found = current_revision(engine)
        raise StoreError(
            f"the database is at schema revision {found!r}, which this version of the app "
            f"does not know (newest known: {head_revision()!r}); update the app ({exc})") from None
