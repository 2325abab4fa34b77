"""Geoparsing: text in, resolved place mentions out.

In: text (and, for ``resolve_spans``, given spans). Out: ``geo.model.PlaceMention``
values in text order, each with its gazetteer entry, ACLED geo_precision,
confidence and runners-up.

    recognize.py      toponym spans in running text
    resolve/          one entry point, ``Resolver``: which entry each toponym means
    online.py         the optional geopy geocoder (geocache.py: its SQLite cache)
    geoparser.py      the ``Geoparser`` facade over all of them

May import ``geo.gazetteer`` (below it), ``geo.model`` and ``geo.errors``; never
``geo.events``, ``geo.io``, ``geo.store`` or ``geo.cli``.
"""
from geo.geoparse.geoparser import Geoparser

__all__ = ["Geoparser"]
