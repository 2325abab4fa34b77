"""The loaded gazetteer: name look-ups over the on-disk index.

``Gazetteer.load()`` opens the index that ``geo.gazetteer.index`` builds from
the installed packages (building it first when missing or stale). Look-ups go
by ``geo.gazetteer.normalize.loose_key``; each match remembers whether the strict key
matched too, so the resolver can prefer exact spellings.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import NamedTuple

from geo.errors import GazetteerError
from geo.gazetteer.index import FIELD_SEPARATOR, ROW_SEPARATOR, ensure_index
from geo.gazetteer.lexicon import state_abbreviations
from geo.gazetteer.normalize import loosen, name_key
from geo.model import GazetteerEntry

CACHE_LIMIT = 200_000
MMAP_BYTES = 256 * 1024 * 1024
_ENTRY_COLUMNS = "e.id, e.name, e.kind, e.lat, e.lon, e.country, e.cc, e.admin1, e.population, e.aliases, e.source, e.approximate"
_BY_KEY = "SELECT rows FROM candidates WHERE key = ?"


class Match(NamedTuple):
    entry: GazetteerEntry
    exact: bool  # the strict key (before transliteration folding) matched too
    primary: bool = False  # the entry's own name matched, not one of its alternate names


_new_entry = object.__new__
_set_attribute = object.__setattr__
_new_match = tuple.__new__


def _entry(row) -> GazetteerEntry:
    """An entry from an ``entries`` row. Every row was validated as a GazetteerEntry when the index
    was built, so the dataclass __init__ (which costs more than the query) is skipped."""
    identifier, name, kind, lat, lon, country, code, admin1, population, aliases, source, approximate = row
    entry = _new_entry(GazetteerEntry)
    _set_attribute(entry, "__dict__", {
        "id": identifier, "name": name, "kind": kind, "latitude": lat, "longitude": lon, "country": country,
        "country_code": code, "admin1": admin1, "population": population or 0,
        "aliases": tuple(aliases.split("|")) if aliases else (), "source": source, "approximate": bool(approximate),
    })
    return entry


def _packed_entry(fields: list[str], country_names: dict[str, str], source_names: dict[str, str]) -> GazetteerEntry:
    """An entry from one packed ``candidates`` row (see ``geo.gazetteer.index``): its text fields
    converted to the ``entries`` row's types."""
    identifier, name, kind, lat, lon, code, admin1, population, aliases, source, approximate = fields[:11]
    return _entry((identifier, name, kind, float(lat), float(lon), country_names.get(code), code or None,
                   admin1 or None, int(population), aliases, source_names[source], approximate == "1"))


class Gazetteer:
    def __init__(self, path: Path):
        try:
            self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            # Map the index into memory: look-ups then read pages without system calls.
            self._connection.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._connection.execute("PRAGMA cache_size=-32768")
            self._cursor = self._connection.cursor()  # reused by every look-up (under the lock)
            # Read the candidates table once: its pages of the map are then resident, so a first
            # look-up of a name costs no page faults (about a sixth of its time otherwise; ~0.1 s here).
            self._connection.execute("SELECT max(length(rows)) FROM candidates").fetchone()
            rows = self._connection.execute("SELECT word, frequency, role FROM words").fetchall()
            self._country_names = dict(self._connection.execute("SELECT cc, name FROM country_names"))
            self._source_names = {str(code): name for code, name in self._connection.execute("SELECT code, name FROM source_names")}
            capitals = self._connection.execute("SELECT capital_id FROM capitals WHERE entry_id LIKE 'country:%'").fetchall()
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer index {path}: {exc}") from None
        self.path = path
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[GazetteerEntry, str, bool], ...]] = {}
        self._matches: dict[str, tuple[Match, ...]] = {}  # by strict key
        self._entries: dict[str, GazetteerEntry] = {}
        self.word_frequency = {word: count for word, count, role in rows if role == "common"}
        self.demonyms = frozenset(word for word, _, role in rows if role == "demonym")
        self.national_capitals = frozenset(capital for (capital,) in capitals)  # GeoNames PPLC

    @classmethod
    def load(cls) -> Gazetteer:
        return cls(ensure_index())

    def _query(self, sql: str, parameters: tuple) -> list:
        with self._lock:
            try:
                return self._cursor.execute(sql, parameters).fetchall()
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer look-up failed: {exc}") from None

    def _by_key(self, key: str) -> tuple[tuple[GazetteerEntry, str, bool], ...]:
        """(entry, strict key of the matched name, is the entry's own name) for a loose key."""
        cached = self._cache.get(key)
        if cached is None:
            known = self._entries  # one object per entry, however many names reach it (building one costs more than the query)
            found = []
            rows = self._query(_BY_KEY, (key,))
            for packed in rows[0][0].split(ROW_SEPARATOR) if rows else ():
                fields = packed.split(FIELD_SEPARATOR)
                entry = known.get(fields[0])
                if entry is None:
                    entry = known[fields[0]] = _packed_entry(fields, self._country_names, self._source_names)
                found.append((entry, fields[11], fields[12] == "1"))
            cached = tuple(found)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
                self._entries.clear()
                self._matches.clear()
            self._cache[key] = cached
        return cached

    def matches_key(self, strict_key: str) -> list[Match]:
        """Entries whose name or alias has this strict key, or a loose variant of it; ranked
        by kind (countries, regions, divisions, installations, airfields first) then population."""
        found = self._matches.get(strict_key)
        if found is None:
            if not strict_key:
                return []
            if len(self._matches) >= CACHE_LIMIT:
                self._matches.clear()
            found = self._matches[strict_key] = tuple([
                _new_match(Match, (entry, strict == strict_key, primary)) for entry, strict, primary in self._by_key(loosen(strict_key))
            ])
        return list(found)

    def matches(self, name: str) -> list[Match]:
        division = state_abbreviations().get(name.strip())
        if division:
            entry = self.entry(division)
            return [Match(entry, True, True)] if entry else []
        return self.matches_key(name_key(name))

    def has_key(self, strict_key: str) -> bool:
        return bool(strict_key) and bool(self._by_key(loosen(strict_key)))

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return [match.entry for match in self.matches(name)]

    def entry(self, entry_id: str) -> GazetteerEntry | None:
        rows = self._query(f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.id = ?", (entry_id,))
        return _entry(rows[0]) if rows else None

    def capital_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """The capital of a country or first-level division (ACLED codes region-level events there)."""
        rows = self._query("SELECT capital_id FROM capitals WHERE entry_id = ?", (entry.id,))
        return self.entry(rows[0][0]) if rows else None

    def country(self, country_code: str) -> GazetteerEntry | None:
        return self.entry(f"country:{country_code}")

    def __len__(self) -> int:
        return self._query("SELECT COUNT(*) FROM entries", ())[0][0]

    def close(self) -> None:
        self._connection.close()
