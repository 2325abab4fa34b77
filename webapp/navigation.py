"""The app's pages. The Map is the default; Sources and Review join when their
files exist, so the app runs while they are being written."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the repository, e.g. "pages/map.py"
    title: str
    icon: str
    url_path: str
    default: bool = False


PAGES = (
    PageSpec("pages/map.py", "Map", ":material/map:", "map", default=True),
    PageSpec("pages/events.py", "Events", ":material/table_rows:", "events"),
    PageSpec("pages/sources.py", "Sources", ":material/article:", "sources"),
    PageSpec("pages/review.py", "Review", ":material/rate_review:", "review"),
)


def available_pages(root: Path = REPO) -> list[PageSpec]:
    return [page for page in PAGES if (root / page.path).is_file()]


def has_page(url_path: str, root: Path = REPO) -> bool:
    return any(page.url_path == url_path for page in available_pages(root))


def page_path(url_path: str) -> str:
    return next(page.path for page in PAGES if page.url_path == url_path)
