"""Logic of the Sources page: reading a paste or an upload, previewing the
events of an article before it is saved, and the tables of articles and events.

No Streamlit here, so all of it is tested directly; ``pages/sources.py`` only
lays out widgets. Article text is untrusted: it only ever goes into data frames
and plain-text widgets, never into Markdown or HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from geo.errors import InputError
from geo.io import ACCEPTED_SUFFIXES, Document, Metadata, build_article, read_pasted, read_upload
from geo.model import Article, Event

UPLOAD_TYPES = [suffix.lstrip(".") for suffix in ACCEPTED_SUFFIXES]
PREVIEW_COLUMNS = {"category": "Category", "sub_event_type": "Type", "date_start": "From", "date_end": "To",
                   "location": "Location", "latitude": "Latitude", "longitude": "Longitude",
                   "fatalities": "Fatalities", "sentence": "Sentence"}


def read_source(pasted: str = "", upload_name: str | None = None, upload_bytes: bytes | None = None) -> Document:
    """The uploaded file when there is one, else the pasted text."""
    if upload_bytes is not None:
        return read_upload(upload_bytes, upload_name or "upload.txt")
    if pasted and pasted.strip():
        return read_pasted(pasted)
    raise InputError("paste an article's text or upload a .txt, .html or .md file")


def form_defaults(document: Document | None) -> dict:
    """Initial values of the metadata fields: what the document itself says."""
    meta = document.metadata if document else Metadata()
    return {"title": meta.title, "outlet": meta.outlet, "url": meta.url, "published": meta.published}


@dataclass(frozen=True)
class Preview:
    article: Article
    events: tuple[Event, ...] = ()
    duplicate: dict | None = None  # the stored article with the same text, if any
    located: int = 0

    @property
    def can_save(self) -> bool:
        return self.duplicate is None


def make_preview(store, document: Document, extract, title: str, outlet: str, url: str,
                 published: date | str | None) -> Preview:
    """Validate the metadata, refuse a duplicate (before spending time on
    extraction), else extract the events without saving anything."""
    article = build_article(document, title=title, outlet=outlet, url=url, published=published)
    duplicate = store.find_duplicate(article)
    if duplicate is not None:
        return Preview(article, duplicate=duplicate)
    events = tuple(extract(article))
    return Preview(article, events, located=sum(1 for e in events if e.located))


def events_frame(events: list[Event] | list[dict]) -> pd.DataFrame:
    """A compact table of events (Event objects or store dicts)."""
    rows = [e.to_dict() if isinstance(e, Event) else e for e in events]
    frame = pd.DataFrame([{key: row.get(key) for key in PREVIEW_COLUMNS} for row in rows],
                         columns=list(PREVIEW_COLUMNS))
    return frame.rename(columns=PREVIEW_COLUMNS)


def articles_frame(articles: list[dict]) -> pd.DataFrame:
    columns = {"published": "Published", "event_count": "Events", "correction_count": "Corrections",
               "title": "Title", "outlet": "Outlet", "url": "URL", "id": "Id"}
    frame = pd.DataFrame([{key: a.get(key) for key in columns} for a in articles], columns=list(columns))
    return frame.rename(columns=columns)


def article_label(article: dict) -> str:
    title = article.get("title") or "(untitled)"
    return f"{article['published']} · {article.get('outlet') or 'unknown outlet'} · {title[:90]}"


def count_events(count: int) -> str:
    return f"{count} event{'' if count == 1 else 's'}"


def saved_message(title: str, event_count: int, located: int) -> str:
    return f"Saved “{title}”: {count_events(event_count)}, {located} on the map."


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~:$=")


def escape_markdown(text: str) -> str:
    """Untrusted text made literal for ``st.error``/``st.success`` and friends, which
    render Markdown: no links, images, colours or formulas can come through."""
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in " ".join(str(text).split()))
