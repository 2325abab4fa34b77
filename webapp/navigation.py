"""The app's pages and its start-up. The Map is the default page; Sources and
Review join when their files exist, so the app runs while they are being written."""
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


# Less empty space above the first line of each page (laptop screens are short).
LAYOUT_CSS = '<style>[data-testid="stMainBlockContainer"]{padding-top:2.5rem}</style>'


def run_app() -> None:
    """Page settings, static assets, navigation; then the page the URL asks for."""
    import streamlit as st

    from webapp.assets import FAVICON
    from webapp.data import served_assets

    # A local favicon: page icons given as emoji or Material names make the
    # browser fetch an image from a third-party host.
    st.set_page_config(page_title="Conflict event map", page_icon=str(FAVICON), layout="wide")
    served_assets()
    st.html(LAYOUT_CSS)
    pages = [st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
             for p in available_pages()]
    st.navigation(pages).run()


def run_app_if_opened_directly() -> None:
    """Call first in every page file. Until app.py has called st.navigation once
    in this process, Streamlit treats pages/ as an old-style page folder: when
    the first request after start-up is for, say, /events, it runs
    pages/events.py by itself, without app.py. Then run the app (which runs
    this page again, properly) and stop."""
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        run_app()
        st.stop()
