"""What the recognizers found in one article, computed once and passed to every later stage."""
from __future__ import annotations

from dataclasses import dataclass

from geo.events.actors import ActorMention
from geo.events.dates import DateExpression
from geo.events.spans import SpanIndex
from geo.events.triggers import EventLexicon
from geo.model import Article, PlaceMention


@dataclass(frozen=True)
class ArticleFacts:
    """What the recognizers found in the article, computed once."""

    article: Article
    places: SpanIndex[PlaceMention]
    dates: SpanIndex[DateExpression]
    actors: SpanIndex[ActorMention]
    quotes: SpanIndex[tuple[int, int]]
    dateline: tuple[int, int] | None
    lexicon: EventLexicon
    no_site: SpanIndex[tuple[int, int]]  # actors, dates and the dateline: never a site

    @classmethod
    def of(cls, article: Article, places, dates, actors, quotes, dateline, lexicon) -> "ArticleFacts":
        no_site = [(a.start, a.end) for a in actors] + [(d.start, d.end) for d in dates]
        no_site += [dateline] if dateline else []
        return cls(article, SpanIndex.of(places), SpanIndex.of(dates), SpanIndex.of(actors),
                   SpanIndex.of(quotes), dateline, lexicon, SpanIndex.of(no_site))

    @property
    def text(self) -> str:
        return self.article.text
