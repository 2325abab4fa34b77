"""The extraction pipeline: article in, dated and geocoded events out.

    ex = Extractor.default()        # loads gazetteer, actor and trigger tables once
    ex.extract(article)             # -> list[Event], pure given what was loaded
    extract_events(article)         # the same with the default extractor
"""
from __future__ import annotations

import re
import threading

from geo.errors import InputError
from geo.events.actors import ActorFinder
from geo.events.assemble import events_from_facts
from geo.events.capitals import capital_mentions
from geo.events.dates import find_dates
from geo.events.facts import ArticleFacts
from geo.events.city_airports import with_city_airports
from geo.events.sentences import find_dateline, quote_spans
from geo.events.triggers import EventLexicon
from geo.model import Article, Event

# News articles are a few thousand words (a long feature ~60,000 characters);
# 200,000 characters is a short book. Larger input is
# refused with a message instead of keeping a worker busy for minutes.
MAX_ARTICLE_CHARS = 200_000
ENGLISH_MARKERS = frozenset(
    "the and of to in on at for after near was were is are has have had by with from that said".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_default: Extractor | None = None
_default_lock = threading.Lock()


def looks_english(text: str, sample_words: int = 400) -> bool:
    """Most English prose has one function word in four; other languages
    written in Latin script have almost none of these."""
    words = [w.lower() for w in _WORD.findall(text[:20000])][:sample_words]
    if len(words) < 30:
        return True  # a headline or a line: too short to tell, let the patterns decide
    return sum(w in ENGLISH_MARKERS for w in words) / len(words) >= 0.08


class Extractor:
    def __init__(self, geoparser, actors: ActorFinder, lexicon: EventLexicon):
        self.geoparser = geoparser
        self.actors = actors
        self.lexicon = lexicon

    @classmethod
    def default(cls) -> "Extractor":
        global _default
        with _default_lock:
            if _default is None:
                from geo.geoparse.geoparser import Geoparser

                _default = cls(Geoparser.default(), ActorFinder.default(), EventLexicon.default())
            return _default

    def facts(self, article: Article) -> ArticleFacts:
        """Everything the event stage needs, found once, in this order: actors first, so
        that places are resolved once without the countries named only as actors; then
        "the capital" / "the Yemeni capital" as the capital it names."""
        text = article.text
        actors = self.actors.find(text)
        places = self.geoparser.places(text, exclude=[(actor.start, actor.end) for actor in actors])
        places = sorted([*places, *capital_mentions(text, places, self.actors.countries, self.geoparser.lookup)],
                        key=lambda m: m.start)
        places = with_city_airports(text, places, self.geoparser.lookup)
        dateline = find_dateline(text)
        # "MAPUTO, Aug 13 (Reuters) -": the day it was filed, not the day of anything it tells
        dates = [d for d in find_dates(text, article.published)
                 if dateline is None or not (dateline[0] <= d.start < dateline[1])]
        return ArticleFacts.of(
            article,
            places=places,
            dates=dates,
            actors=actors,
            quotes=quote_spans(text),
            dateline=dateline,
            lexicon=self.lexicon,
            named_countries=self.actors.countries.mentioned(text),
        )

    def extract(self, article: Article) -> list[Event]:
        """Events in text order. English only: another language (by metadata
        or by the look of the text) gives no events rather than wrong ones."""
        if not isinstance(article, Article):
            raise InputError("extract() needs a geo.model.Article")
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise InputError(
                f"the article is {len(article.text) / 1e6:.1f} million characters; event extraction "
                f"handles at most {MAX_ARTICLE_CHARS // 1000:,} thousand per article (split it first)"
            )
        if not article.text.strip():
            return []
        if not is_english(article):
            return []
        return events_from_facts(self.facts(article))


def is_english(article: Article) -> bool:
    language = (article.language or "en").lower()
    return language.split("-")[0] in ("en", "eng", "english") and looks_english(article.text)


def extract_events(article: Article) -> list[Event]:
    return Extractor.default().extract(article)
