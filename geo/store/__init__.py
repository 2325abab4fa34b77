"""The store that loses nothing: articles, extracted events and hand corrections.

    from geo.store import open_store
    store = open_store()                  # GEO_DB, else data/geo.db; migrated to the newest schema
    store.load_seeds(None, extract)       # seeds/ (or GEO_SEEDS_DIR), each seed once ever
    store.add_article(article, extract)   # extract: Article -> list[Event]

SQLite by default (WAL, foreign keys, busy timeout); any SQLAlchemy URL, such as
``postgresql://user@host/db``, works with the same code.

In: ``Article`` values and an extract function (``Article -> list[Event]``); out:
stored events with every hand correction applied (``corrections.py``, pure).
May import ``geo.io`` (seed files, date parsing), ``geo.model`` and ``geo.errors``;
the extractor is passed in, so the store never imports ``geo.events`` itself.
Never imports ``geo.cli``.
"""
from __future__ import annotations

import os

from geo.errors import DuplicateArticle, NotFound, StoreError
from geo.store.corrections import CORRECTABLE, CorrectedEvent
from geo.store.corrections import describe as describe_correction
from geo.store.engine import make_engine, resolve_url
from geo.store.migrate import upgrade
from geo.store.store import Store, extractor_version


def open_store(url_or_path: str | os.PathLike | None = None, migrate: bool = True) -> Store:
    """Open (creating if needed) the store at a path or URL; None means ``GEO_DB``
    or ``data/geo.db``. The schema is upgraded to the newest revision."""
    engine = make_engine(resolve_url(url_or_path))
    if migrate:
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
    return Store(engine)


__all__ = ["open_store", "Store", "DuplicateArticle", "NotFound", "StoreError", "extractor_version",
           "CORRECTABLE", "CorrectedEvent", "describe_correction"]
