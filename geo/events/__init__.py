"""Events: an article in, dated and geocoded ``geo.model.Event`` records out.

``extract.py`` is the pipeline and reads top to bottom: actors are found first,
then places are resolved once (actor spans excluded), then dates, quotations and
the dateline (``facts.py`` holds them); ``assemble.py`` turns those facts into event
mentions clause by clause and ``frames.py`` merges the mentions of one occurrence into
one event, with the help of the small stages beside them:

    standing.py       whether a mention can start an event, only add to one, or is none
    coreference.py    "the base", "this city", "In that attack": what a clause points back to
    triggers.py       event triggers, cues and the ACLED type table
    sites.py          which place of a clause is the event's site
    actors.py         actor mentions; roles.py: actor1 / actor2 of an event
    dates.py          dates resolved against the publication date (date_patterns.py)
    fatalities.py     reported deaths (numbers.py: numbers in words)
    sentences.py      sentences, clauses, quotations, the dateline (spans.py: span look-ups)

May import ``geo.geoparse`` and ``geo.gazetteer`` (below it), ``geo.model`` and
``geo.errors``; never ``geo.io``, ``geo.store`` or ``geo.cli``.
"""
from geo.events.extract import Extractor, extract_events

__all__ = ["Extractor", "extract_events"]
