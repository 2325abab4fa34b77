"""The store's tables as SQLAlchemy 2 ORM models.

This is the schema at the newest migration; changes to it go through a new
revision in ``geo/store/migrations/versions/`` (the test suite checks that the
two agree). Portable types only, so the same models serve SQLite and PostgreSQL.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(16), default="en")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EventRow(Base):
    """One extracted event: every field of ``geo.model.Event`` plus where it sits."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_dates", "date_start", "date_end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the extractor's output
    event_key: Mapped[str] = mapped_column(String(32), index=True)
    extractor_version: Mapped[str] = mapped_column(String(64), default="")
    category: Mapped[str] = mapped_column(String(32))
    event_type: Mapped[str] = mapped_column(Text)
    sub_event_type: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(Text, default="")
    trigger_start: Mapped[int | None] = mapped_column(Integer)
    trigger_end: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    location_kind: Mapped[str | None] = mapped_column(String(32))
    place_text: Mapped[str | None] = mapped_column(Text)
    place_start: Mapped[int | None] = mapped_column(Integer)
    place_end: Mapped[int | None] = mapped_column(Integer)
    place_confidence: Mapped[float | None] = mapped_column(Float)
    candidates: Mapped[list] = mapped_column(JSON, default=list)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    event_date: Mapped[date | None] = mapped_column(Date)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_text_start: Mapped[int | None] = mapped_column(Integer)
    date_text_end: Mapped[int | None] = mapped_column(Integer)
    actor1: Mapped[str | None] = mapped_column(Text)
    actor2: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list | None] = mapped_column(JSON, default=list)  # [{start, end, text, gave}]


class CorrectionRow(Base):
    """A hand correction, attached to (article, event key) rather than to an
    event row, so it outlives re-extraction."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    event_key: Mapped[str] = mapped_column(String(32), index=True)
    changes: Mapped[dict] = mapped_column(JSON)  # field -> new value (JSON-ready)
    previous: Mapped[dict] = mapped_column(JSON)  # field -> value before this correction
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SeedLoadRow(Base):
    """Seed files already loaded once, so a seed the user deleted stays deleted."""

    __tablename__ = "seed_loads"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
