"""Public entry point kept where it always was: ``from geo.geoparser import Geoparser``.

The facade itself lives in ``geo.geoparse.geoparser``.
"""
from geo.geoparse.geoparser import MAX_NEW_ONLINE_REQUESTS, MAX_TEXT_CHARS, Geoparser

__all__ = ["MAX_NEW_ONLINE_REQUESTS", "MAX_TEXT_CHARS", "Geoparser"]
