"""The Store: articles, their events and hand corrections, one transaction per write.

Extraction runs before the write transaction (it can be slow), so the write
lock is held only while rows are inserted. Nothing here reads the clock except
through ``clock``, which the caller may replace.
"""
from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

from sqlalchemy import Engine, delete, func, insert, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from geo.errors import DuplicateArticle, InputError, NotFound, StoreError
from geo.model import Article, Event
from geo.store import backup, rows, seeds
from geo.store.engine import WRITE
from geo.store.events import EventQueries
from geo.store.tables import ArticleRow, CorrectionRow, EventRow

Extract = Callable[[Article], Iterable[Event]]


def extractor_version(extract: Extract) -> str:
    """``extract.version`` or, for a bound method, its object's ``version``."""
    owner = getattr(extract, "__self__", None)
    version = getattr(extract, "version", None) or getattr(owner, "version", None)
    return str(version or "")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Store(EventQueries):
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

    def find_duplicate(self, article: Article) -> dict | None:
        """The stored article with the same text (or id), if any, as ``list_articles`` shows it."""
        with self._read() as session:
            try:
                self._duplicate_of(session, article)
            except DuplicateArticle as found:
                return {**rows.article_summary(session.get(ArticleRow, found.existing_id)), "message": str(found)}
        return None

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
