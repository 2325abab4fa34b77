"""Value objects shared by every stage: gazetteer entries, place mentions,
articles and events. All frozen; each validates itself on construction.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from datetime import date

from geo.errors import InputError

PLACE_KINDS = (
    "installation",  # military base, camp, outpost (curated table)
    "airport",  # civil or military airfield (airportsdata, curated table)
    "populated_place",  # city, town, village (GeoNames)
    "admin1",  # first-level division: governorate, province, state, oblast
    "admin2",  # second-level division: district, county
    "country",
    "continent",
    "region",  # well-known multi-country or sub-national region
    "online",  # resolved by an online geocoder
)
CATEGORIES = ("handover", "attack", "other")


def _check_coordinates(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise InputError("latitude and longitude must both be set or both be empty")
    if latitude is not None and not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        raise InputError(f"coordinates out of range: {latitude}, {longitude}")


@dataclass(frozen=True)
class GazetteerEntry:
    """One place the gazetteer knows. ``id`` is stable across loads, e.g.
    ``gn:98182``, ``icao:ORAA``, ``inst:<slug>``, ``country:IQ``, ``admin1:IQ.07``."""

    id: str
    name: str
    kind: str
    latitude: float
    longitude: float
    country: str | None = None  # country name in English, e.g. "Jordan"
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # first-level division name, e.g. "Nineveh"
    population: int = 0
    aliases: tuple[str, ...] = ()
    source: str = ""
    approximate: bool = False  # the point stands in for the site: the town or area it is in

    def __post_init__(self) -> None:
        if not self.id or not self.name:
            raise InputError("a gazetteer entry needs an id and a name")
        if self.kind not in PLACE_KINDS:
            raise InputError(f"unknown place kind {self.kind!r}")
        _check_coordinates(self.latitude, self.longitude)


@dataclass(frozen=True)
class PlaceMention:
    """A toponym found in text, with its resolution (``entry`` is None when
    unresolved). Offsets index into the text that was parsed."""

    text: str
    start: int
    end: int
    entry: GazetteerEntry | None = None
    geo_precision: int | None = None  # ACLED: 1 exact, 2 near / small area, 3 region
    confidence: float = 0.0
    candidates: tuple[GazetteerEntry, ...] = ()  # runner-ups, best first

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise InputError(f"bad span {self.start}..{self.end}")
        if self.geo_precision not in (None, 1, 2, 3):
            raise InputError(f"geo_precision must be 1, 2 or 3, not {self.geo_precision!r}")

    def to_dict(self) -> dict:
        """The shape printed by ``python -m geo places``."""
        entry = self.entry
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": entry.name if entry else None,
            "latitude": entry.latitude if entry else None,
            "longitude": entry.longitude if entry else None,
            "country": entry.country if entry else None,
            "admin1": entry.admin1 if entry else None,
            "kind": entry.kind if entry else None,
            "geo_precision": self.geo_precision,
            "confidence": round(self.confidence, 3),
        }


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """An article and its metadata. ``id`` defaults to a prefix of the content hash."""

    text: str
    published: date
    title: str = ""
    outlet: str = ""
    url: str = ""
    language: str = "en"
    id: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.published, date):
            raise InputError("publication date must be a date")
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text)[:16])

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


EVIDENCE_ROLES = ("event", "site", "date", "fatalities", "actors")


@dataclass(frozen=True)
class Evidence:
    """One sentence an event was built from, and what it gave the event
    ("event", "site", "date", "fatalities", "actors"). Offsets index into the article."""

    start: int
    end: int
    text: str
    gave: tuple[str, ...] = ("event",)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise InputError(f"bad evidence span {self.start}..{self.end}")
        unknown = [role for role in self.gave if role not in EVIDENCE_ROLES]
        if unknown:
            raise InputError(f"unknown evidence role {unknown[0]!r}")

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "gave": list(self.gave)}

    @classmethod
    def from_dict(cls, data: dict) -> "Evidence":
        return cls(int(data["start"]), int(data["end"]), str(data.get("text", "")), tuple(data.get("gave") or ("event",)))


@dataclass(frozen=True)
class Event:
    """One coded event with full provenance. Offsets index into the article text."""

    article_id: str
    category: str  # handover | attack | other
    event_type: str  # ACLED event_type
    sub_event_type: str  # ACLED sub_event_type
    sentence: str
    start_char: int  # sentence span in the article
    end_char: int
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    country: str | None = None
    admin1: str | None = None
    location_kind: str | None = None
    place_text: str | None = None
    place_start: int | None = None
    place_end: int | None = None
    place_confidence: float | None = None
    candidates: tuple[GazetteerEntry, ...] = ()
    date_start: date | None = None
    date_end: date | None = None
    event_date: date | None = None
    time_precision: int | None = None  # ACLED: 1 day, 2 week / few days, 3 month or longer
    date_text: str | None = None
    date_text_start: int | None = None
    date_text_end: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    notes: str = ""
    # Every sentence the event was built from, in text order (the event's own sentence first
    # among equals); empty for events stored before evidence was kept.
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise InputError(f"unknown category {self.category!r}")
        _check_coordinates(self.latitude, self.longitude)
        if self.date_start and self.date_end and self.date_end < self.date_start:
            raise InputError("date_end is before date_start")
        if self.fatalities is not None and self.fatalities < 0:
            raise InputError("fatalities cannot be negative")

    @property
    def key(self) -> str:
        """Stable identity within an article, used to attach corrections so they
        survive re-extraction: sentence offset, category and site text."""
        site = (self.place_text or "").lower()
        raw = f"{self.article_id}|{self.start_char}|{self.category}|{site}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    @property
    def located(self) -> bool:
        return self.latitude is not None

    def to_dict(self) -> dict:
        """JSON-ready dict (dates as ISO strings, candidates as small dicts)."""
        # A shallow copy: every field but candidates is immutable, and asdict's deep
        # copy made listing thousands of stored events several times slower.
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("date_start", "date_end", "event_date"):
            value = getattr(self, name)
            out[name] = value.isoformat() if value else None
        out["candidates"] = [
            {"id": c.id, "name": c.name, "kind": c.kind, "latitude": c.latitude,
             "longitude": c.longitude, "country": c.country, "admin1": c.admin1}
            for c in self.candidates
        ]
        out["evidence"] = [e.to_dict() for e in self.evidence]
        out["event_key"] = self.key
        return out
