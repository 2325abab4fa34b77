"""One exception tree for everything ``geo`` raises on purpose.

Callers (the CLI, the dashboard) catch ``GeoError`` and show its message;
anything else escaping is a bug.
"""


class GeoError(Exception):
    """Base class: the message is meant for the user, as is."""


class InputError(GeoError):
    """The input (text, file, date, option) is unusable; nothing was changed."""


class GazetteerError(GeoError):
    """Gazetteer data is missing or malformed."""


class GeocoderError(GeoError):
    """An online geocoder failed; callers fall back to the offline gazetteer."""


class GeocoderUnavailable(GeocoderError):
    """No network, a timeout or a refused connection."""


class GeocoderRateLimited(GeocoderError):
    """The service answered HTTP 429 or an equivalent quota error."""


class StoreError(GeoError):
    """The article/event store could not complete an operation."""


class DuplicateArticle(StoreError):
    """An article with the same content hash is already stored."""

    def __init__(self, message: str, existing_id: str | None = None):
        super().__init__(message)
        self.existing_id = existing_id


class NotFound(StoreError):
    """The requested article, event or correction does not exist."""
