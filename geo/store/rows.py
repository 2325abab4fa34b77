"""Conversions between the value objects of ``geo.model`` and table rows."""
from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime, timezone

from geo.model import Article, Event, Evidence, GazetteerEntry
from geo.store.tables import ArticleRow, EventRow

EVENT_FIELDS = tuple(f.name for f in fields(Event))
ARTICLE_COLUMNS = ("id", "text", "title", "outlet", "url", "published", "language", "content_hash", "created_at")


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def candidate_to_json(entry: GazetteerEntry) -> dict:
    out = asdict(entry)
    out["aliases"] = list(entry.aliases)
    return out


def candidate_from_json(data: dict) -> GazetteerEntry:
    return GazetteerEntry(**{**data, "aliases": tuple(data.get("aliases") or ())})


def event_row_values(event: Event, position: int, extractor_version: str) -> dict:
    """Column values for one extracted event."""
    values = {name: getattr(event, name) for name in EVENT_FIELDS}
    values["candidates"] = [candidate_to_json(c) for c in event.candidates]
    values["evidence"] = [e.to_dict() for e in event.evidence]
    values.update(position=position, event_key=event.key, extractor_version=extractor_version or "")
    return values


def event_from_row(row: EventRow) -> Event:
    values = {name: getattr(row, name) for name in EVENT_FIELDS}
    values["candidates"] = tuple(candidate_from_json(c) for c in row.candidates or ())
    values["evidence"] = tuple(Evidence.from_dict(e) for e in row.evidence or ())
    return Event(**values)


def article_from_row(row: ArticleRow) -> Article:
    return Article(text=row.text, published=row.published, title=row.title, outlet=row.outlet,
                   url=row.url, language=row.language, id=row.id)


def article_summary(row: ArticleRow, event_count: int = 0, correction_count: int = 0) -> dict:
    """What a list of articles shows: metadata without the text."""
    return {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "url": row.url,
        "published": row.published.isoformat(),
        "language": row.language,
        "content_hash": row.content_hash,
        "created_at": utc(row.created_at).isoformat(),
        "characters": len(row.text),
        "event_count": event_count,
        "correction_count": correction_count,
    }
