"""The geoparser facade: text in, resolved place mentions out.

    gp = Geoparser.default()      # gazetteer loaded once per process
    gp.places(text)               # PlaceMentions in text order
    gp.places(text, exclude=spans)  # ... leaving out toponyms inside the given (start, end) spans
    gp.lookup(name, context)      # one name, resolved with the context's help
    gp.candidates(name)           # entries to offer as corrections

An optional ``online`` geocoder (``.geocode(name, context) -> GazetteerEntry |
None``) is asked only for names the gazetteer cannot resolve confidently; its
failures (``GeoError``) fall back to the offline answer.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence

from geo.errors import GeoError, InputError
from geo.gazetteer.countries import country_table
from geo.gazetteer.lookup import Gazetteer
from geo.gazetteer.normalize import name_key
from geo.geoparse.online import OnlineGeocoder
from geo.geoparse.recognize import Recognizer, Toponym
from geo.geoparse.resolve import Resolution, Resolver, Vote, document_vote, geo_precision, to_mention
from geo.geoparse.resolve.context import explicit_vote
from geo.geoparse.resolve.scoring import weakened
from geo.model import GazetteerEntry, PlaceMention
from geo.spans import SpanIndex

MAX_TEXT_CHARS = 5 * 1024 * 1024
ONLINE_BELOW_CONFIDENCE = 0.35
ONLINE_CONFIDENCE = 0.5
# New (uncached) online requests per parsed text: at 1 request/s this bounds how
# long one article can wait for the network; cached answers are always used.
MAX_NEW_ONLINE_REQUESTS = 5
CONTEXT_CACHE_SIZE = 16

_default: Geoparser | None = None
_default_lock = threading.Lock()


def demonym_votes(text: str) -> tuple[Vote, ...]:
    """"a Syrian army checkpoint near Palmyra": the countries a text qualifies ("Syrian", "Yemeni") vote
    as weakly as a country named as a modifier does, enough for a town with no other context."""
    codes = sorted(country_table().adjective_codes(text))
    return tuple(weakened(Vote(((code, 1.0),)), True) for code in codes)


def _checked_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is {len(text) / 1e6:.1f} million characters; the limit is {MAX_TEXT_CHARS // (1024 * 1024)} MB")
    return text


class Geoparser:
    def __init__(self, gazetteer: Gazetteer, online=None):
        self.gazetteer = gazetteer
        self.online = online
        self.recognizer = Recognizer(gazetteer)
        self.resolver = Resolver(gazetteer)
        self._contexts: OrderedDict[str, tuple[Vote, ...]] = OrderedDict()
        self.online_messages: list[str] = []  # why the online geocoder was not used, for the UI

    @classmethod
    def default(cls) -> Geoparser:
        """The process-wide geoparser over the default gazetteer (loaded on first use),
        with the online geocoder the ``GEO_ONLINE_GEOCODER`` settings enable (off by default)."""
        global _default
        with _default_lock:
            if _default is None:
                _default = cls(Gazetteer.load(), online=OnlineGeocoder.from_env(os.environ))
            return _default

    def places(self, text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
        """Place mentions in text order. Toponyms overlapping an ``exclude`` span (say, an
        actor: "<demonym> service members", "<country>-backed militias") are left out before
        resolution, so they never become places; a country among them votes for itself only
        as weakly as a country named as a modifier does ("US troops"), which is enough to tell
        that an "Avdiivka" in a report about Ukraine's army is Ukraine's, not enough to pull a
        town towards a namesake there."""
        text = _checked_text(text)
        if not text.strip():
            return []
        found = self.recognizer.find(text)
        excluded = SpanIndex.of(exclude)
        kept, dropped = [], []
        for toponym in found:
            (dropped if excluded.overlaps(toponym.start, toponym.end) else kept).append(toponym)
        outside = tuple(weakened(explicit_vote(self.gazetteer.matches(t.text)), True) for t in dropped)
        return self._resolve(text, kept, outside=tuple(v for v in outside if v.countries) + demonym_votes(text))

    def resolve_spans(self, text: str, spans: list[tuple[int, int]]) -> list[PlaceMention]:
        """Resolve given (start, end) spans of ``text`` (e.g. gold toponyms), in the order given."""
        text = _checked_text(text)
        toponyms = [self.recognizer.with_cue(text, Toponym(s, e, text[s:e])) for s, e in spans if 0 <= s < e <= len(text)]
        ordered = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
        mentions = self._resolve(text, [toponyms[i] for i in ordered], keep_implausible=True)
        by_position = dict(zip(ordered, mentions))
        return [by_position[i] for i in range(len(toponyms))]

    def lookup(self, name: str, context: str = "") -> PlaceMention | None:
        """Resolve one name; ``context`` (e.g. the article) lends its countries and places.
        None when the gazetteer (and the online geocoder, if any) knows no such name."""
        name = _checked_text(name).strip()
        if not name:
            return None
        context = _checked_text(context)
        toponym = self.recognizer.with_cue(name, Toponym(0, len(name), name))
        mention = self._resolve(name, [toponym], keep_implausible=True, outside=self._context_of(context))[0]
        return mention if mention.entry is not None else None

    def candidates(self, name: str, limit: int = 10) -> list[GazetteerEntry]:
        """Entries called ``name`` (any spelling), most likely first."""
        name = _checked_text(name).strip()
        if not name:
            return []
        resolution = self.resolver.resolve(name, [Toponym(0, len(name), name)])[0]
        if resolution is None:
            return []
        return _unique([resolution.entry, *resolution.candidates, *self.gazetteer.lookup(name)])[:limit]

    def _context_of(self, text: str) -> tuple[Vote, ...]:
        if not text.strip():
            return ()
        cached = self._contexts.get(text)
        if cached is None:
            cached = document_vote(self.resolver.resolve(text, self.recognizer.find(text)))
            self._contexts[text] = cached
            if len(self._contexts) > CONTEXT_CACHE_SIZE:
                self._contexts.popitem(last=False)
        self._contexts.move_to_end(text)
        return cached

    def _resolve(self, text: str, toponyms: list[Toponym], keep_implausible: bool = False,
                 outside: tuple[Vote, ...] = ()) -> list[PlaceMention]:
        found = self.resolver.mentions(text, toponyms)
        resolutions = self.resolver.resolve_mentions(found, outside)
        links = {m.index: m.relation for m in found if m.relation is not None}
        mentions = []
        sent_before = getattr(self.online, "requests_sent", 0)
        containers = {} if keep_implausible else _containers_of_implausible(text, toponyms, resolutions, links)
        relocated = _relocated(toponyms, resolutions, containers)
        for index, (toponym, resolution) in enumerate(zip(toponyms, resolutions)):
            if resolution is not None and not resolution.plausible and not keep_implausible:
                container = containers.get(index)
                if container is not None:  # "the village of X in Y province", X only known abroad: X, at Y
                    mentions.append(self._near_container(toponym, container))
                continue
            moved = relocated.get((name_key(toponym.text), resolution.entry.id)) if resolution is not None else None
            if moved is not None:  # "the X favela in Y", then plain "X": the same X, at Y, not the namesake
                mentions.append(self._near_container(toponym, moved))
                continue
            if resolution is None or resolution.confidence < ONLINE_BELOW_CONFIDENCE:
                within_budget = getattr(self.online, "requests_sent", 0) - sent_before < MAX_NEW_ONLINE_REQUESTS
                resolution = self._ask_online(toponym.text, text, resolution, network=within_budget)
            relation = links.get(index)
            container = resolutions[relation.container] if resolution is None and relation is not None else None
            if container is not None:
                mentions.append(self._near_container(toponym, container))
                continue
            mentions.append(to_mention(toponym, resolution))
        return mentions

    @staticmethod
    def _near_container(toponym: Toponym, container: Resolution) -> PlaceMention:
        """An unknown place "in"/"near" a known one is coded at the known one, less precisely (ACLED)."""
        precision = 3 if geo_precision(container.entry) == 3 else 2
        return PlaceMention(
            text=toponym.text, start=toponym.start, end=toponym.end, entry=container.entry,
            geo_precision=precision, confidence=container.confidence * 0.5, candidates=container.candidates,
        )

    def _ask_online(self, name: str, text: str, offline: Resolution | None,
                    network: bool = True) -> Resolution | None:
        if self.online is None:
            return offline
        if not network:
            note = (f"online geocoding asked about at most {MAX_NEW_ONLINE_REQUESTS} new names in one text; "
                    "the rest were resolved offline (cached online answers are still used)")
            if note not in self.online_messages[-1:]:
                self.online_messages.append(note)
        hint = ""
        if offline is not None and offline.entry.country:
            hint = offline.entry.country
        known_messages = len(getattr(self.online, "messages", ()))
        try:
            entry = self.online.geocode(name, hint, network=network)
        except GeoError as exc:
            self.online_messages.append(str(exc))
            return offline
        self.online_messages.extend(getattr(self.online, "messages", ())[known_messages:])
        if entry is None:
            error = getattr(self.online, "last_error", None)
            if error and error not in self.online_messages[-1:]:
                self.online_messages.append(error)
            return offline
        runners_up = (offline.entry, *offline.candidates) if offline else ()
        return Resolution(entry, ONLINE_CONFIDENCE, runners_up[:5], True)


RELOCATED_BELOW = 100_000  # a namesake this big is named for itself elsewhere in the text too


def _containers_of_implausible(text: str, toponyms: list[Toponym], resolutions: list, links: dict) -> dict[int, Resolution]:
    """Toponym index -> the place an implausible reading of it is coded at instead ("the village of X in
    Y province", X only known abroad: Y)."""
    found = {}
    for index, resolution in enumerate(resolutions):
        if resolution is not None and not resolution.plausible:
            container = _finest_container(text, toponyms, resolutions, links.get(index))
            if container is not None:
                found[index] = container
    return found


def _relocated(toponyms: list[Toponym], resolutions: list, containers: dict[int, Resolution]) -> dict:
    """(name, entry id) -> the container an implausible reading of that name was moved to: "the X favela
    in Y" once, then plain "X" later is the same X, at Y, not the namesake the gazetteer knows."""
    moved = {}
    for index, container in containers.items():
        resolution = resolutions[index]
        if resolution.entry.population < RELOCATED_BELOW:
            moved.setdefault((name_key(toponyms[index].text), resolution.entry.id), container)
    return moved


def _finest_container(text: str, toponyms: list[Toponym], resolutions: list, relation) -> Resolution | None:
    """The container of "X in Y", or Z in "X in Y's Z" (Burkina Faso's Yagha province)."""
    if relation is None or resolutions[relation.container] is None:
        return None
    index = relation.container
    if index + 1 < len(toponyms) and resolutions[index + 1] is not None and \
            text[toponyms[index].end:toponyms[index + 1].start] in ("'s ", "’s "):
        return resolutions[index + 1]
    return resolutions[index]


def _unique(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    seen, kept = set(), []
    for entry in entries:
        if entry.id not in seen:
            seen.add(entry.id)
            kept.append(entry)
    return kept
