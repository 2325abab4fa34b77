"""Public entry point kept where it always was: ``from geo.extract import Extractor``.

The pipeline itself lives in ``geo.events.extract``.
"""
from geo.events.extract import MAX_ARTICLE_CHARS, Extractor, extract_events, is_english, looks_english

__all__ = ["MAX_ARTICLE_CHARS", "Extractor", "extract_events", "is_english", "looks_english"]
