"""Loading the articles of ``seeds/`` into a store, each at most once ever.

A seed is remembered by content hash in ``seed_loads``: loading again adds
nothing, and a seed article the user deleted is not brought back.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from geo.errors import DuplicateArticle, InputError
from geo.io.ingest import ACCEPTED_SUFFIXES, load_article_file
from geo.store.engine import REPO
from geo.store.tables import SeedLoadRow


def seeds_dir(configured: str | os.PathLike | None = None) -> Path:
    """The given directory, else ``GEO_SEEDS_DIR``, else ``<repo>/seeds``."""
    raw = configured or os.environ.get("GEO_SEEDS_DIR", "").strip() or REPO / "seeds"
    return Path(raw).expanduser()


def seed_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise InputError(f"seeds directory {directory} does not exist")
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ACCEPTED_SUFFIXES)


def load_seeds(store, directory: str | os.PathLike | None, extract) -> int:
    """Add every seed not loaded before; returns the number of articles added."""
    added = 0
    for path in seed_files(seeds_dir(directory)):
        article = load_article_file(str(path))
        with store._read() as session:
            if session.get(SeedLoadRow, article.content_hash) is not None:
                continue
        try:
            store.add_article(article, extract)
            added += 1
        except DuplicateArticle:
            pass  # already stored by hand, or by another process starting at the same moment
        _remember(store, article.content_hash, path.name)
    return added


def _remember(store, content_hash: str, name: str) -> None:
    try:
        with store._write() as session:
            if session.get(SeedLoadRow, content_hash) is None:
                session.add(SeedLoadRow(content_hash=content_hash, name=name, loaded_at=store.clock()))
    except IntegrityError:
        pass  # another process remembered it first

