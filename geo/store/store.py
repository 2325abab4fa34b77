"""The Store: articles, their events and hand corrections, one transaction per write.

Extraction runs before the write transaction (it can be slow), so the write
lock is held only while rows are inserted. Nothing here reads the clock except
through ``clock``, which the caller may replace.
"""
from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from datetime import date, datetime, timezone
from typing import Callable, Iterable, Iterator

from sqlalchemy import Engine, delete, func, insert, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from geo.corrections import CorrectedEvent, apply_corrections, plan_correction
from geo.errors import DuplicateArticle, InputError, NotFound, StoreError
from geo.model import Article, Event
from geo.store import backup, rows, seeds
from geo.store.engine import WRITE
from geo.store.tables import ArticleRow, CorrectionRow, EventRow
from geo.textio import parse_date

Extract = Callable[[Article], Iterable[Event]]
MAX_REASON_CHARS = 2000


def extractor_version(extract: Extract) -> str:
    """``extract.version`` or, for a bound method, its object's ``version``."""
    owner = getattr(extract, "__self__", None)
    version = getattr(extract, "version", None) or getattr(owner, "version", None)
    return str(version or "")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _as_date(value: date | str | None, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else parse_date(value, what)


def _overlaps(event: Event, start: date | None, end: date | None) -> bool:
    """Undated events always pass; a dated one passes when its span meets the window."""
    first, last = event.date_start or event.date_end, event.date_end or event.date_start
    if first is None:
        return True
    return (end is None or first <= end) and (start is None or last >= start)


class Store:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now):
        self.engine = engine
        self._writer = engine.execution_options(**WRITE)
        self.clock = clock

    def load_seeds(self, seeds_dir: str | os.PathLike | None, extract: Extract) -> int:
        """Add the seed articles not loaded before (``None``: GEO_SEEDS_DIR or seeds/)."""
        return seeds.load_seeds(self, seeds_dir, extract)

    def export(self, path: str | os.PathLike) -> dict:
        """Write everything to one .json or .db file; returns row counts."""
        return backup.export(self, path)

    def import_(self, path: str | os.PathLike) -> dict:
        """Replace everything by an export file's content; returns row counts."""
        return backup.import_(self, path)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _write(self) -> Iterator[Session]:
        """One transaction: everything inside is committed together or not at all."""
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                yield session
        except IntegrityError:
            raise  # the caller knows which constraint means what
        except (DBAPIError, OverflowError) as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"the store could not complete the change; nothing was saved ({reason})") from None

    # -- articles -------------------------------------------------------------
    def _duplicate_of(self, session: Session, article: Article) -> None:
        found = session.scalars(select(ArticleRow).where(
            or_(ArticleRow.content_hash == article.content_hash, ArticleRow.id == article.id))).first()
        if found is not None:
            raise DuplicateArticle(
                f"this article is already stored as “{found.title or '(untitled)'}” "
                f"({found.outlet or 'unknown outlet'}, {found.published.isoformat()}, id {found.id})",
                existing_id=found.id)

    def _extract(self, article: Article, extract: Extract) -> list[Event]:
        events = list(extract(article))
        strays = {e.article_id for e in events} - {article.id}
        if strays:
            raise StoreError(f"the extractor returned events of other articles: {sorted(strays)}")
        return events

    def add_article(self, article: Article, extract: Extract) -> str:
        """Store an article with its extracted events; raises DuplicateArticle."""
        if not article.text.strip():
            raise InputError("the article has no text")
        with self._read() as session:
            self._duplicate_of(session, article)
        events = self._extract(article, extract)
        version = extractor_version(extract)
        try:
            with self._write() as session:
                self._duplicate_of(session, article)
                session.add(ArticleRow(
                    id=article.id, text=article.text, title=article.title, outlet=article.outlet,
                    url=article.url, published=article.published, language=article.language,
                    content_hash=article.content_hash, created_at=self.clock()))
                session.flush()
                if events:
                    session.execute(insert(EventRow), [
                        rows.event_row_values(event, position, version) for position, event in enumerate(events)])
        except IntegrityError:
            with self._read() as session:  # another writer stored the same text first
                self._duplicate_of(session, article)
            raise
        return article.id

    def _article_row(self, session: Session, article_id: str) -> ArticleRow:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return row

    def get_article(self, article_id: str) -> dict:
        with self._read() as session:
            row = self._article_row(session, article_id)
            return {**rows.article_summary(row), "text": row.text}

    def reextract(self, article_id: str, extract: Extract) -> int:
        """Replace an article's events by a new extraction; event ids whose key is
        found again are kept, so links to them stay valid. Returns the event count."""
        with self._read() as session:
            article = rows.article_from_row(self._article_row(session, article_id))
        events = self._extract(article, extract)
        version = extractor_version(extract)
        with self._write() as session:
            self._article_row(session, article_id)
            old = defaultdict(list)
            for row in session.scalars(select(EventRow).where(EventRow.article_id == article_id)
                                       .order_by(EventRow.position)):
                old[row.event_key].append(row)
            for position, event in enumerate(events):
                values = rows.event_row_values(event, position, version)
                reused = old[event.key].pop(0) if old[event.key] else None
                if reused is None:
                    session.add(EventRow(**values))
                else:
                    for name, value in values.items():
                        setattr(reused, name, value)
            for leftover in (row for group in old.values() for row in group):
                session.delete(leftover)
        return len(events)

    def delete_article(self, article_id: str) -> None:
        """Delete an article with its events and corrections."""
        with self._write() as session:
            self._article_row(session, article_id)
            session.execute(delete(CorrectionRow).where(CorrectionRow.article_id == article_id))
            session.execute(delete(EventRow).where(EventRow.article_id == article_id))
            session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))

    def list_articles(self, search: str | None = None) -> list[dict]:
        """Newest publication first; ``search`` matches title, outlet, URL or text."""
        with self._read() as session:
            query = select(ArticleRow).order_by(ArticleRow.published.desc(), ArticleRow.created_at.desc())
            if search and search.strip():
                escaped = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                pattern = f"%{escaped}%"
                query = query.where(or_(*(column.ilike(pattern, escape="\\") for column in (
                    ArticleRow.title, ArticleRow.outlet, ArticleRow.url, ArticleRow.text))))
            event_counts = dict(session.execute(
                select(EventRow.article_id, func.count()).group_by(EventRow.article_id)).all())
            correction_counts = dict(session.execute(
                select(CorrectionRow.article_id, func.count()).group_by(CorrectionRow.article_id)).all())
            return [rows.article_summary(row, event_counts.get(row.id, 0), correction_counts.get(row.id, 0))
                    for row in session.scalars(query)]

    def counts(self) -> dict:
        with self._read() as session:
            return {name: session.scalar(select(func.count()).select_from(table)) for name, table in (
                ("articles", ArticleRow), ("events", EventRow), ("corrections", CorrectionRow))}

    # -- events -----------------------------------------------------------------
    def _corrections_by_key(self, session: Session, article_id: str | None = None) -> dict:
        query = select(CorrectionRow).order_by(CorrectionRow.id)
        if article_id is not None:
            query = query.where(CorrectionRow.article_id == article_id)
        grouped: dict = defaultdict(list)
        for row in session.scalars(query):
            grouped[(row.article_id, row.event_key)].append({"changes": row.changes})
        return grouped

    @staticmethod
    def _events_query():
        """Event columns with their article's, as plain rows (no ORM objects: listing
        thousands of events is several times faster)."""
        return (select(EventRow.__table__, ArticleRow.title.label("article_title"),
                       ArticleRow.outlet.label("article_outlet"), ArticleRow.url.label("article_url"),
                       ArticleRow.published.label("article_published"))
                .join(ArticleRow, EventRow.article_id == ArticleRow.id)
                .order_by(ArticleRow.published, ArticleRow.id, EventRow.position))

    @staticmethod
    def _event_dict(row, corrected: CorrectedEvent) -> dict:
        out = corrected.event.to_dict()
        out.update(
            id=row.id, event_key=row.event_key, corrected=corrected.corrected, rejected=corrected.rejected,
            corrected_fields=list(corrected.corrected_fields), extractor_version=row.extractor_version,
            article_title=row.article_title, outlet=row.article_outlet, url=row.article_url,
            published=row.article_published.isoformat())
        return out

    def list_events(self, start: date | str | None = None, end: date | str | None = None,
                    categories: Iterable[str] | None = None, include_rejected: bool = False,
                    article_id: str | None = None) -> list[dict]:
        """Events with corrections applied, whose dates overlap [start, end]
        (undated events always); optionally of one article only."""
        wanted = set(categories) if categories is not None else None
        start, end = _as_date(start, "start date"), _as_date(end, "end date")
        with self._read() as session:
            corrections = self._corrections_by_key(session)
            query = self._events_query()
            if article_id is not None:
                query = query.where(EventRow.article_id == article_id)
            out = []
            for row in session.execute(query):
                corrected = apply_corrections(rows.event_from_row(row), corrections.get((row.article_id, row.event_key), []))
                if corrected.rejected and not include_rejected:
                    continue
                if wanted is not None and corrected.event.category not in wanted:
                    continue
                if _overlaps(corrected.event, start, end):
                    out.append(self._event_dict(row, corrected))
            return out

    def _event_row(self, session: Session, event_id: int) -> EventRow:
        row = session.get(EventRow, int(event_id)) if str(event_id).strip().isdigit() else None
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        return row

    def _corrected(self, session: Session, row: EventRow) -> CorrectedEvent:
        found = self._corrections_by_key(session, row.article_id).get((row.article_id, row.event_key), [])
        return apply_corrections(rows.event_from_row(row), found)

    def get_event(self, event_id: int) -> dict:
        with self._read() as session:
            row = session.execute(self._events_query().where(EventRow.id == self._event_row(session, event_id).id)).one()
            return self._event_dict(row, self._corrected(session, row))

    def correct_event(self, event_id: int, changes: dict, reason: str = "") -> None:
        """Record a correction; see ``geo.corrections.CORRECTABLE`` for the keys."""
        with self._write() as session:
            row = self._event_row(session, event_id)
            new, old = plan_correction(self._corrected(session, row), changes)
            session.add(CorrectionRow(article_id=row.article_id, event_key=row.event_key, changes=new,
                                      previous=old, reason=(reason or "").strip()[:MAX_REASON_CHARS],
                                      created_at=self.clock()))

    def corrections(self, event_id: int | None = None) -> list[dict]:
        """Correction history, oldest first; ``event_id`` (current row id) may be None
        for a correction whose event the latest extraction no longer finds."""
        with self._read() as session:
            query = select(CorrectionRow).order_by(CorrectionRow.id)
            if event_id is not None:
                row = self._event_row(session, event_id)
                query = query.where(CorrectionRow.article_id == row.article_id,
                                    CorrectionRow.event_key == row.event_key)
            found = list(session.scalars(query))
            keys = {(c.article_id, c.event_key) for c in found}
            ids = {}
            for article_id, key, row_id in session.execute(
                    select(EventRow.article_id, EventRow.event_key, EventRow.id).order_by(EventRow.id.desc())):
                if (article_id, key) in keys:
                    ids[(article_id, key)] = row_id
            return [{"id": c.id, "event_id": ids.get((c.article_id, c.event_key)), "article_id": c.article_id,
                     "event_key": c.event_key, "changes": dict(c.changes), "previous": dict(c.previous),
                     "reason": c.reason, "created_at": rows.utc(c.created_at).isoformat()} for c in found]
