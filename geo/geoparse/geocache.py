"""Persistent SQLite cache of online geocoder answers, negative answers included.

A row exists for every query the service has answered, so a query is sent at
most once per service endpoint, across processes and restarts. Failures
(timeouts, HTTP 429/5xx) are not answers and are never stored.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GeocoderError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode_answers (
    endpoint TEXT NOT NULL,
    query TEXT NOT NULL,
    found INTEGER NOT NULL,
    payload TEXT,
    PRIMARY KEY (endpoint, query)
)
"""


@dataclass(frozen=True)
class CachedAnswer:
    """What the service said: ``payload`` is None when it found nothing."""

    payload: dict | None

    @property
    def found(self) -> bool:
        return self.payload is not None


class GeocodeCache:
    """One SQLite file; a short-lived connection per operation so the cache can
    be shared by threads (Streamlit) and processes (CLI runs) alike."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5.0)
            connection.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise GeocoderError(f"geocode cache {self.path} is unusable: {exc}") from None
        return connection

    def get(self, endpoint: str, query: str) -> CachedAnswer | None:
        """The stored answer, or None when this query was never answered."""
        connection = self._connect()
        try:
            row = connection.execute(
                "SELECT found, payload FROM geocode_answers WHERE endpoint = ? AND query = ?",
                (endpoint, query),
            ).fetchone()
        except sqlite3.Error as exc:
            raise GeocoderError(f"geocode cache {self.path} is unreadable: {exc}") from None
        finally:
            connection.close()
        if row is None:
            return None
        found, payload = row
        return CachedAnswer(json.loads(payload) if found and payload else None)

    def put(self, endpoint: str, query: str, payload: dict | None) -> None:
        connection = self._connect()
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO geocode_answers (endpoint, query, found, payload)"
                    " VALUES (?, ?, ?, ?)",
                    (endpoint, query, int(payload is not None),
                     json.dumps(payload, ensure_ascii=False) if payload is not None else None),
                )
        except sqlite3.Error as exc:
            raise GeocoderError(f"geocode cache {self.path} is not writable: {exc}") from None
        finally:
            connection.close()

    def __len__(self) -> int:
        connection = self._connect()
        try:
            return connection.execute("SELECT COUNT(*) FROM geocode_answers").fetchone()[0]
        finally:
            connection.close()
