"""The app's one store and one extractor, shared by every page and session.

The store is opened (and migrated, and given the seed articles) once per
process. After any write, ``changed()`` drops cached query results so every
page shows the new state on its next run.
"""
from __future__ import annotations

import streamlit as st

from geo.store import Store, extractor_version, open_store


@st.cache_resource(show_spinner="Loading the gazetteer and event patterns…")
def get_extract():
    from geo.extract import Extractor

    return Extractor.default().extract


class _ExtractWhenNeeded:
    """The seed loader extracts only seeds it has not stored before: usually none,
    so the Map page opens without loading the gazetteer and event patterns."""

    def __call__(self, article):
        return get_extract()(article)

    @property
    def version(self) -> str:
        return extractor_version(get_extract())


@st.cache_resource(show_spinner="Opening the article store…")
def get_store() -> Store:
    store = open_store()
    store.load_seeds(None, _ExtractWhenNeeded())
    return store


def changed() -> None:
    """Call after every write to the store."""
    st.cache_data.clear()
