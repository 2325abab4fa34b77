"""Where the store lives and how connections to it behave.

SQLite connections get WAL mode, foreign keys and a busy timeout; write
transactions start with ``BEGIN IMMEDIATE`` so two writers queue up instead of
one failing half-way. Any other SQLAlchemy URL (PostgreSQL) is used as given.
"""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from geo.errors import StoreError

REPO = Path(__file__).resolve().parent.parent.parent
DEFAULT_DB = REPO / "data" / "geo.db"
BUSY_TIMEOUT_S = 30
WRITE = {"geo_write": True}  # execution option marking a write transaction


def resolve_url(url_or_path: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from a URL, a file path, ``GEO_DB`` or the default file.
    The directory of a SQLite file is created."""
    raw = str(url_or_path) if url_or_path is not None else os.environ.get("GEO_DB", "").strip()
    if not raw:
        raw = str(DEFAULT_DB)
    if "://" not in raw:
        path = Path(raw).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError(f"GEO_DB {raw!r} is neither a file path nor a database URL") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    return url.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    try:
        if make_url(url).get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError(f"cannot use database {make_url(url)!r}: {exc}") from None


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        _with_retry(cursor, "PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A deferred transaction that later needs to write can fail at once with
        # SQLITE_BUSY in WAL mode; taking the write lock up front makes it wait.
        immediate = connection.get_execution_options().get("geo_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _with_retry(cursor, statement: str) -> None:
    """Switching a new file to WAL needs an exclusive lock; while another connection creates the
    tables SQLite refuses at once ("database is locked", to avoid a deadlock) instead of waiting,
    so wait here, as long as the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
