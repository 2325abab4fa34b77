"""Optional online geocoding through geopy (Nominatim or any geopy geocoder).

Off unless ``GEO_ONLINE_GEOCODER`` names a service. Every request goes through
geopy's ``RateLimiter`` (1 request/s by default), every answer -- found or not --
is stored in a SQLite cache so a query is never sent twice, and any failure
(timeout, HTTP 429, HTTP 5xx, no network) returns None, records a message and
suspends online lookups for a while, so the caller falls back to the offline
gazetteer without waiting on a dead service.

Settings (environment variables, read by ``OnlineGeocoder.from_env``):

- ``GEO_ONLINE_GEOCODER``: ``nominatim`` or another geopy service name; unset = off
- ``GEO_GEOCODER_DOMAIN``: host[:port] of the service (default: the service's own)
- ``GEO_GEOCODER_SCHEME``: ``https`` (default) or ``http``
- ``GEO_USER_AGENT``: user agent sent with each request (see ``DEFAULT_USER_AGENT``)
- ``GEO_GEOCODE_CACHE``: SQLite cache path (default ``data/geocode-cache.db``)
- ``GEO_GEOCODER_TIMEOUT``: seconds per request (default 3)
- ``GEO_GEOCODER_API_KEY``: API key, for services that need one
"""
from __future__ import annotations

import hashlib
import inspect
import logging
import threading
import time
import unicodedata
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from geo.errors import GeocoderError, GeocoderRateLimited, GeocoderUnavailable, InputError
from geo.geoparse.geocache import GeocodeCache
from geo.model import GazetteerEntry

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "conflict-event-map/0.1 (+https://example.invalid/contact)"
DEFAULT_CACHE_PATH = Path(__file__).resolve().parents[2] / "data" / "geocode-cache.db"
DEFAULT_TIMEOUT_SECONDS = 3.0
DEFAULT_MIN_DELAY_SECONDS = 1.0  # Nominatim usage policy: at most 1 request per second
DEFAULT_BACKOFF_SECONDS = 60.0
OFF_VALUES = ("", "0", "off", "none", "no", "false")
MAX_NAME_CHARS = 200
# A hint longer than this is article text, not a hint; it stays on this machine.
MAX_CONTEXT_CHARS = 80
ADMIN1_KEYS = ("state", "province", "region")
OSM_TYPES = {"N": "node", "W": "way", "R": "relation"}


@dataclass(frozen=True)
class OnlineSettings:
    service: str
    domain: str | None = None
    scheme: str | None = None
    user_agent: str = DEFAULT_USER_AGENT
    cache_path: Path = DEFAULT_CACHE_PATH
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    api_key: str | None = None

    @property
    def endpoint(self) -> str:
        """Cache namespace: answers from one server say nothing about another's."""
        return f"{self.service}@{self.domain or 'default'}"


def settings_from_env(environ: Mapping[str, str]) -> OnlineSettings | None:
    """Parse the ``GEO_*`` settings; None when online geocoding is off."""
    service = (environ.get("GEO_ONLINE_GEOCODER") or "").strip().lower()
    if service in OFF_VALUES:
        return None
    scheme = (environ.get("GEO_GEOCODER_SCHEME") or "").strip().lower() or None
    if scheme not in (None, "http", "https"):
        raise InputError(f"GEO_GEOCODER_SCHEME must be http or https, not {scheme!r}")
    raw_timeout = (environ.get("GEO_GEOCODER_TIMEOUT") or "").strip()
    try:
        timeout = float(raw_timeout) if raw_timeout else DEFAULT_TIMEOUT_SECONDS
    except ValueError:
        raise InputError(f"GEO_GEOCODER_TIMEOUT must be a number of seconds, not {raw_timeout!r}") from None
    if not 0 < timeout <= 60:
        raise InputError(f"GEO_GEOCODER_TIMEOUT must be between 0 and 60 seconds, not {timeout}")
    return OnlineSettings(
        service=service,
        domain=(environ.get("GEO_GEOCODER_DOMAIN") or "").strip().strip("/") or None,
        scheme=scheme,
        user_agent=(environ.get("GEO_USER_AGENT") or "").strip() or DEFAULT_USER_AGENT,
        cache_path=Path(environ.get("GEO_GEOCODE_CACHE") or DEFAULT_CACHE_PATH),
        timeout=timeout,
        api_key=(environ.get("GEO_GEOCODER_API_KEY") or "").strip() or None,
    )


def build_query(name: str, context: str = "") -> str | None:
    """The text sent to the service, or None when there is nothing worth asking."""
    name = " ".join(str(name or "").split())
    if not any(ch.isalnum() for ch in name) or len(name) > MAX_NAME_CHARS:
        return None
    hint = " ".join(str(context or "").split())
    if hint and len(hint) <= MAX_CONTEXT_CHARS and hint.casefold() != name.casefold():
        return f"{name}, {hint}"
    return name


def cache_key(query: str) -> str:
    return unicodedata.normalize("NFKC", query).casefold()


def _text(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def entry_from_answer(service: str, payload: Mapping) -> GazetteerEntry | None:
    """A gazetteer entry from one stored answer (geopy Location fields)."""
    raw = payload.get("raw") if isinstance(payload.get("raw"), Mapping) else {}
    # Nominatim puts address details in "address", Photon in "properties".
    details = raw.get("address") if isinstance(raw.get("address"), Mapping) else raw.get("properties")
    details = details if isinstance(details, Mapping) else {}
    address = _text(payload.get("address")) or _text(raw.get("display_name")) or ""
    name = _text(raw.get("name")) or _text(details.get("name")) or _text(address.split(",")[0])
    osm_type = _text(raw.get("osm_type") or details.get("osm_type"))
    osm_type = OSM_TYPES.get(osm_type, osm_type) if osm_type else None
    osm_id = _text(raw.get("osm_id") or details.get("osm_id"))
    try:
        latitude, longitude = float(payload["latitude"]), float(payload["longitude"])
        if osm_type and osm_id:
            ident, source = f"{osm_type}/{osm_id}", f"https://www.openstreetmap.org/{osm_type}/{osm_id}"
        else:
            digest = hashlib.sha1(f"{latitude:.5f},{longitude:.5f}|{address}".encode()).hexdigest()
            ident, source = digest[:12], f"{service} via geopy"
        code = _text(details.get("country_code") or details.get("countrycode"))
        return GazetteerEntry(
            id=f"online:{service}:{ident}",
            name=name or address,
            kind="online",
            latitude=latitude,
            longitude=longitude,
            country=_text(details.get("country")),
            country_code=code.upper() if code else None,
            admin1=next((_text(details[k]) for k in ADMIN1_KEYS if _text(details.get(k))), None),
            source=source,
        )
    except (KeyError, TypeError, ValueError, InputError):
        return None


def _accepted(callable_: Callable, wanted: Mapping[str, object]) -> dict:
    parameters = inspect.signature(callable_).parameters
    return {k: v for k, v in wanted.items() if k in parameters and v is not None}


def _network_failure(error: BaseException) -> bool:
    """geopy reports a refused connection as a generic service error; the
    underlying socket error (rather than an HTTP status) tells them apart."""
    from urllib.error import HTTPError

    from geopy.adapters import AdapterHTTPError

    chain = []
    seen = error.__cause__ or error.__context__
    while seen is not None:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    if any(isinstance(e, (HTTPError, AdapterHTTPError)) for e in chain):
        return False
    return any(isinstance(e, OSError) for e in chain)


class OnlineGeocoder:
    """Cached, rate-limited, failure-tolerant lookups against one geopy service."""

    def __init__(
        self,
        settings: OnlineSettings,
        *,
        min_delay_seconds: float = DEFAULT_MIN_DELAY_SECONDS,
        backoff_seconds: float = DEFAULT_BACKOFF_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        from geopy.adapters import URLLibAdapter
        from geopy.exc import GeocoderNotFound, GeopyError
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        try:
            geocoder_class = get_geocoder_for_service(settings.service)
        except GeocoderNotFound:
            raise InputError(f"GEO_ONLINE_GEOCODER={settings.service!r} is not a geopy geocoder") from None
        # urllib has no hidden retries: one lookup is at most one request.
        options = _accepted(geocoder_class.__init__, {
            "domain": settings.domain, "scheme": settings.scheme, "user_agent": settings.user_agent,
            "timeout": settings.timeout, "api_key": settings.api_key, "adapter_factory": URLLibAdapter,
        })
        try:
            geocoder = geocoder_class(**options)
        except (TypeError, ValueError, GeopyError) as exc:
            raise InputError(f"cannot set up online geocoder {settings.service!r}: {exc}") from None
        self.settings = settings
        self.cache = GeocodeCache(settings.cache_path)
        self.min_delay_seconds = min_delay_seconds
        self.backoff_seconds = backoff_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._suspended_until: float | None = None
        self._messages: deque[str] = deque(maxlen=50)
        self.last_error: str | None = None
        self.requests_sent = 0
        self._call_options = _accepted(geocoder.geocode, {
            "exactly_one": True, "addressdetails": True, "language": "en",
        })
        self._rate_limited_geocode = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
            error_wait_seconds=min_delay_seconds, swallow_exceptions=False,
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **options) -> OnlineGeocoder | None:
        settings = settings_from_env(environ)
        return cls(settings, **options) if settings else None

    @property
    def service(self) -> str:
        return self.settings.service

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(self._messages)

    @property
    def available(self) -> bool:
        """False while lookups are suspended after a failure."""
        return self._suspended_until is None or self._clock() >= self._suspended_until

    def geocode(self, name: str, context: str = "", network: bool = True) -> GazetteerEntry | None:
        """The service's best match for ``name`` (with a short ``context`` hint
        such as a country), or None: not found, unavailable, or suspended.
        With ``network=False`` only a cached answer is used."""
        query = build_query(name, context)
        if query is None:
            return None
        key = cache_key(query)
        try:
            with self._lock:
                answer = self.cache.get(self.settings.endpoint, key)
                if answer is None:
                    if not network or not self.available:
                        return None
                    payload = self._fetch(query)
                    self.cache.put(self.settings.endpoint, key, payload)
                    return entry_from_answer(self.service, payload) if payload else None
        except GeocoderError as exc:
            self._fail(exc)
            return None
        return entry_from_answer(self.service, answer.payload) if answer.found else None

    def _fetch(self, query: str) -> dict | None:
        from geopy import exc as geopy_exc

        where = f"{self.service} at {self.settings.domain}" if self.settings.domain else self.service
        self.requests_sent += 1
        try:
            location = self._rate_limited_geocode(query, **self._call_options)
        except geopy_exc.GeocoderRateLimited as exc:
            raise GeocoderRateLimited(f"{where} refused the request as rate-limited (HTTP 429): {exc}") from None
        except geopy_exc.GeocoderTimedOut as exc:
            raise GeocoderUnavailable(f"{where} did not answer within {self.settings.timeout:g} s: {exc}") from None
        except geopy_exc.GeocoderUnavailable as exc:
            raise GeocoderUnavailable(f"cannot reach {where}: {exc}") from None
        except geopy_exc.GeopyError as exc:
            if _network_failure(exc):
                raise GeocoderUnavailable(f"cannot reach {where}: {exc}") from None
            raise GeocoderUnavailable(f"{where} failed: {exc}") from None
        except (OSError, ValueError) as exc:
            raise GeocoderUnavailable(f"{where} gave an unusable answer: {exc}") from None
        self.last_error = None
        if location is None:
            return None
        return {"raw": dict(location.raw), "latitude": location.latitude,
                "longitude": location.longitude, "address": location.address}

    def _fail(self, error: GeocoderError) -> None:
        message = f"online geocoder unavailable: {error}"
        if not isinstance(error, (GeocoderUnavailable, GeocoderRateLimited)):
            message = f"online geocoder failed: {error}"
        self._suspended_until = self._clock() + self.backoff_seconds
        message += f"; using the offline gazetteer only for the next {self.backoff_seconds:g} s"
        self.last_error = message
        self._messages.append(message)
        log.warning("%s", message)
