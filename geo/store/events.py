"""Reading events (corrections applied) and recording corrections: the event
half of ``Store``, kept apart to keep each file short."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from geo.errors import NotFound
from geo.io.textio import parse_date
from geo.model import Event
from geo.store import rows
from geo.store.corrections import CorrectedEvent, apply_corrections, plan_correction
from geo.store.tables import ArticleRow, CorrectionRow, EventRow

MAX_REASON_CHARS = 2000


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


class EventQueries:
    """Needs ``_read``, ``_write`` and ``clock`` from the Store."""

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
                found = corrections.get((row.article_id, row.event_key), [])
                corrected = apply_corrections(rows.event_from_row(row), found)
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
            row_id = self._event_row(session, event_id).id
            row = session.execute(self._events_query().where(EventRow.id == row_id)).one()
            return self._event_dict(row, self._corrected(session, row))

    def correct_event(self, event_id: int, changes: dict, reason: str = "") -> None:
        """Record a correction; see ``geo.store.corrections.CORRECTABLE`` for the keys."""
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
