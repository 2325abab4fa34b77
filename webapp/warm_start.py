"""Work the Map page needs, done at server start instead of on the first page view.

``app.py`` hands ``lifespan`` to ``st.App``; Streamlit runs it once when the
server starts. It imports the heavy modules of the pages, copies the static
assets, builds the country outlines, opens the store (loading new seeds) and
writes the browser's event table; the pages then find all of it in Streamlit's
process-wide caches. The server starts answering when that is done, or after
``WAIT_S`` at most (a very large store): then the work goes on in the
background, and a page view that comes first waits for the same cached
computation (Streamlit computes each cached value once).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import threading

LOG = logging.getLogger(__name__)
WAIT_S = 30.0


def prepare() -> None:
    """Never raises: a failure here shows up, with its message, on the page."""
    try:
        # Not streamlit_folium: a component declared before the server runs is not served.
        import altair  # noqa: F401
        import folium  # noqa: F401

        from webapp import data, filters, timeline  # noqa: F401

        data.served_assets()
        data.load()
    except Exception as exc:  # the page reports it properly on its own run
        LOG.warning("warm start skipped: %s", exc)


@contextlib.asynccontextmanager
async def lifespan(_app):
    worker = threading.Thread(target=prepare, name="geo-warm-start", daemon=True)
    worker.start()
    await asyncio.to_thread(worker.join, WAIT_S)
    yield
