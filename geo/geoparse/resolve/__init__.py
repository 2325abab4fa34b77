"""Resolution: which gazetteer entry each recognized toponym means.

One entry point, ``Resolver.resolve(text, toponyms, outside)``; the document context
is a value (``Context``, built from ``Vote``s) passed down to the scoring, never
state shared between modules. Inside, each module imports only those before it:

    geometry.py       distances; how well an entry fits inside a container entry
    cues.py           what the words around a toponym say ("X in Y", "X province", "US troops")
    context.py        what the rest of the document says (its countries, divisions, anchors)
    scoring.py        one candidate's score given the cues and the context
    resolver.py       two passes over the document; softmax confidence; ACLED geo_precision
"""
from geo.geoparse.resolve.context import Vote
from geo.geoparse.resolve.cues import relations, used_as_modifier
from geo.geoparse.resolve.geometry import destination, distance_km
from geo.geoparse.resolve.resolver import Resolution, Resolver, document_vote, geo_precision, to_mention

__all__ = ["Resolution", "Resolver", "Vote", "destination", "distance_km", "document_vote", "geo_precision", "relations",
           "to_mention", "used_as_modifier"]
