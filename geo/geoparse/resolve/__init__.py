"""Resolution: which gazetteer entry each recognized toponym means."""
from geo.geoparse.resolve.resolver import Resolution, Resolver, document_vote, geo_precision, to_mention

__all__ = ["Resolution", "Resolver", "document_vote", "geo_precision", "to_mention"]
