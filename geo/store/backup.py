"""Export and import: the whole store as one JSON or SQLite file.

Both formats carry the same snapshot: every row of every table, with its
database id, so a round trip gives back the same articles, events and
corrections (and links such as ``?event=<id>`` keep working). Importing
replaces the store's content in a single transaction. An SQLite backup made by
an older version is migrated (on a temporary copy) before it is read.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Date, DateTime, delete, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from geo.errors import InputError
from geo.store import rows
from geo.store.migrate import head_revision
from geo.store.tables import ArticleRow, CorrectionRow, EventRow, SeedLoadRow

FORMAT = "geo-store"
FORMAT_VERSION = 1
JSON_SUFFIXES = (".json",)
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
SQLITE_MAGIC = b"SQLite format 3\x00"
TABLES = (ArticleRow, EventRow, CorrectionRow, SeedLoadRow)  # parents first
_NAMES = {"articles": ArticleRow, "events": EventRow, "corrections": CorrectionRow, "seed_loads": SeedLoadRow}


def _to_json(value):
    if isinstance(value, datetime):
        return rows.utc(value).isoformat()
    return value.isoformat() if isinstance(value, date) else value


def _from_json(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return rows.utc(datetime.fromisoformat(value))
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def snapshot(store) -> dict:
    """Every row of every table as JSON-ready dicts, in a stable order."""
    out = {"format": FORMAT, "format_version": FORMAT_VERSION, "schema_revision": head_revision()}
    with store._read() as session:
        for name, model in _NAMES.items():
            table = model.__table__
            order = list(table.primary_key.columns)
            out[name] = [{c.name: _to_json(row._mapping[c.name]) for c in table.columns}
                         for row in session.execute(select(table).order_by(*order))]
    return out


def _decode(data: dict) -> dict[str, list[dict]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("this file is not an export of this app's store")
    if data.get("format_version") != FORMAT_VERSION:
        raise InputError(f"export format version {data.get('format_version')!r} is not supported")
    decoded = {}
    try:
        for name, model in _NAMES.items():
            columns = model.__table__.columns
            decoded[name] = [{c.name: _from_json(c, item.get(c.name)) for c in columns}
                             for item in data.get(name, [])]
        for item in decoded["events"]:
            rows.event_from_row(_Row(item))
    except (AttributeError, TypeError, ValueError, KeyError, InputError) as exc:
        raise InputError(f"the export is damaged: {exc}") from None
    return decoded


class _Row:
    """Attribute access over a dict, to check event rows with ``event_from_row``."""

    def __init__(self, values: dict):
        self.__dict__.update(values)


def restore(store, data: dict) -> dict:
    """Replace the store's content by a snapshot; returns the counts restored."""
    decoded = _decode(data)
    try:
        with store._write() as session:
            for model in reversed(TABLES):
                session.execute(delete(model))
            for model in TABLES:
                if decoded[model.__tablename__]:
                    session.execute(insert(model), decoded[model.__tablename__])
            if store.engine.dialect.name == "postgresql":
                for model in (EventRow, CorrectionRow):
                    table = model.__tablename__
                    session.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1), "
                        f"(SELECT COUNT(*) > 0 FROM {table}))"))
    except IntegrityError as exc:
        raise InputError(f"the export is inconsistent; nothing was imported ({exc.orig})") from None
    return {name: len(items) for name, items in decoded.items()}


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def export(store, path: str | os.PathLike) -> dict:
    """Write the snapshot to ``path`` (.json or .db/.sqlite); the file appears whole or not at all."""
    from geo.store import open_store

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in JSON_SUFFIXES + SQLITE_SUFFIXES:
        raise InputError(f"{path}: the export file must end in {', '.join(JSON_SUFFIXES + SQLITE_SUFFIXES)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    data = snapshot(store)
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=target.parent)
    os.close(handle)
    try:
        if suffix in JSON_SUFFIXES:
            Path(temporary).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            os.unlink(temporary)
            with open_store(temporary) as copy:
                restore(copy, data)
            with sqlite3.connect(temporary) as connection:  # one self-contained file, no -wal beside it
                connection.execute("PRAGMA journal_mode=DELETE")
            connection.close()
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, f"{temporary}-wal", f"{temporary}-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return {name: len(data[name]) for name in _NAMES}


def read_export(path: str | os.PathLike) -> dict:
    """The snapshot in a JSON or SQLite export file."""
    from geo.store import open_store

    source = Path(path)
    if not source.is_file():
        raise InputError(f"{path}: no such file")
    if _is_sqlite_file(source):
        with tempfile.TemporaryDirectory(prefix="geo-import-") as workdir:
            copy = Path(workdir) / "import.db"
            shutil.copyfile(source, copy)
            try:
                with open_store(copy) as store:
                    return snapshot(store)
            except (sqlite3.DatabaseError, DBAPIError) as exc:
                raise InputError(f"{path}: not a usable store file ({exc})") from None
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: neither an SQLite store nor valid JSON ({exc})") from None


def import_(store, path: str | os.PathLike) -> dict:
    return restore(store, read_export(path))

