"""What the recognizers found in one article, computed once and passed to every later stage."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from unidecode import unidecode

from geo.events.actors import ActorMention
from geo.events.dates import DateExpression
from geo.spans import SpanIndex
from geo.events.triggers import EventLexicon
from geo.model import Article, PlaceMention


FOREIGN_TOWN = 200_000


def fold_name(name: str) -> str:
    return unidecode(name).casefold().replace("-", " ")  # a city this large is what its name means, wherever the article is


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
    named_countries: frozenset[str] = frozenset()  # ISO codes the text names or qualifies ("Yemeni")

    @classmethod
    def of(cls, article: Article, places, dates, actors, quotes, dateline, lexicon,
           named_countries: frozenset[str] = frozenset()) -> "ArticleFacts":
        no_site = [(a.start, a.end) for a in actors] + [(d.start, d.end) for d in dates]
        no_site += [dateline] if dateline else []
        return cls(article, SpanIndex.of(places), SpanIndex.of(dates), SpanIndex.of(actors),
                   SpanIndex.of(quotes), dateline, lexicon, SpanIndex.of(no_site), named_countries)

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def place_countries(self) -> Counter:
        """How many resolved place mentions lie in each country (by ISO code), the dateline's left out
        (it says where the reporter is: "ERBIL, Kurdistan Region —" over a story from Syria)."""
        return Counter(m.entry.country_code for m in self.places.items if m.entry is not None and not self._in_dateline(m))

    def _in_dateline(self, mention) -> bool:
        return self.dateline is not None and self.dateline[0] <= mention.start < self.dateline[1]

    def stray(self, entry, surface: str = "") -> bool:
        """A town in a country nothing else in the article points to ("Saida" in a report from Jammu
        resolved to Algeria's Saïda) is a misreading, not a site: two other places name other
        countries, or the text names countries but never this one. A big city is what its name
        means anywhere, but not what another spelling of it means ("Mambasa" in a report from
        Ituri is no Mombasa)."""
        if entry is None or entry.kind != "populated_place" or not entry.country_code:
            return False
        if entry.population >= FOREIGN_TOWN:
            if not surface or fold_name(surface) == fold_name(entry.name) or entry.country in self.actor_countries:
                return False
            return self.foreign(entry, any_size=True)
        if entry.country in self.actor_countries:
            return False
        return self._stray_by_id.setdefault(entry.id, self._counted_stray(entry) or self.foreign(entry))

    def _counted_stray(self, entry) -> bool:
        # the site's own mention is one of the article's places: the others are all but that one
        others = self.place_countries.total() - 1
        return others >= 2 and self.place_countries[entry.country_code] == 1

    @cached_property
    def _stray_by_id(self) -> dict[str, bool]:
        return {}

    def foreign(self, entry, any_size: bool = False) -> bool:
        """A small town in a country the text never names or qualifies, while it names others ("Lido
        Beach" in a report from Mogadishu, "Adrar" for the Adrar des Ifoghas): a namesake abroad."""
        return (entry is not None and entry.kind == "populated_place" and bool(entry.country_code)
                and (any_size or entry.population < FOREIGN_TOWN) and bool(self.named_countries)
                and entry.country_code not in self.named_countries and entry.country not in self.actor_countries
                and entry.country_code not in self._division_countries and not self._names_part_of(entry.country))

    @cached_property
    def _division_countries(self) -> frozenset[str]:
        """Countries a named region or first-level division lies in ("Majdal Shams" after "the Golan
        Heights", a report that never writes "Syria")."""
        return frozenset(m.entry.country_code for m in self.places.items
                         if m.entry is not None and m.entry.kind in ("region", "admin1") and m.entry.country_code
                         and not self._in_dateline(m))

    def _names_part_of(self, country: str | None) -> bool:
        """"Congo" for the Democratic Republic of the Congo: a word of the country's name in the text."""
        words = [w for w in re.findall(r"[A-Z][\w'’-]{3,}", country or "") if w not in ("Republic", "Democratic")]
        return any(w in self._capitalised_words for w in words)

    @cached_property
    def _capitalised_words(self) -> frozenset[str]:
        return frozenset(re.findall(r"[A-Z][\w'’-]{3,}", self.text))

    @cached_property
    def actor_countries(self) -> frozenset[str]:
        """The countries whose forces or people the article names as actors ("Iraqi troops")."""
        return frozenset(a.country for a in self.actors.items if a.country)
