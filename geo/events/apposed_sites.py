"""Sites a lead's next sentences describe in apposition: "Banjska, a village of a few hundred people
in the Zvecan municipality, some 12 km north-west of Mitrovica"; "Ber, a small town about 55 km east of
Timbuktu". Wire copy names the site this way a sentence after a lead that gave only the region; the
name itself may be one the gazetteer lacks, and then the distance and bearing from the landmark, or
the district it lies in, place it (geo_precision 2). Pure: no I/O, no clock.
"""
from __future__ import annotations

import re

from geo.events.facts import ArticleFacts
from geo.events.sentences import Sentence
from geo.events.site_points import widen_precision
from geo.events.sites import Site

LEAD_PARAGRAPHS = 3  # the lead and the two paragraphs after it: later ones describe other places as often
_APPOSED_PLACE = re.compile(
    r"(?-i:(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})),\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:village|town|hamlet|settlement|locality|community|township)\b(?P<rest>[^.;]*)")
_IN_DIVISION = re.compile(r"\b(?:in|of)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:municipality|district|commune|county|township|"
                          r"department|prefecture|territory|area)\s*$|\b(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)
_FAR = re.compile(r"\d[\d.,]*\s*(?:km|kms|kilometres?|kilometers?|miles?)\b[^,;]*?\bof\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                  re.IGNORECASE)

_SITE_KINDS = ("populated_place", "installation", "airport", "admin2")


def apposed_sites(facts: ArticleFacts, sentence: Sentence) -> list[Site]:
    """The site a sentence of the lead's paragraphs describes as "<Name>, a village ...": the
    name when the gazetteer knows it; else the point its distance and bearing from a known town
    give; else the district the words put it in (both geo_precision 2)."""
    if sentence.paragraph >= LEAD_PARAGRAPHS:
        return []
    text = facts.text
    for found in _APPOSED_PLACE.finditer(text, sentence.start, sentence.end):
        named = [m for m in facts.places.within(found.start("name"), found.end("name"))
                 if m.entry is not None and m.entry.kind in _SITE_KINDS and not facts.stray(m.entry, m.text)]
        if named:
            return [Site.named(named[0])]
        if facts.places.overlapping(found.start("name"), found.end("name")):
            continue  # a country or a region in apposition ("Mali, a country ...")
        after = [m for m in facts.places.within(found.start("rest"), found.end("rest"))
                 if m.entry is not None and m.entry.kind in _SITE_KINDS and not facts.stray(m.entry, m.text)]
        for landmark in after:
            if _FAR.search(text, max(found.start("rest"), landmark.start - 60), landmark.start):
                projected = widen_precision(Site.named(landmark), False, text)
                if projected.mention.entry is not landmark.entry:  # the bearing moved it
                    return [Site(projected.mention, found.group("name"), found.start("name"), found.end("name"), 2)]
        for container in after:
            if _IN_DIVISION.search(text, max(found.start("rest"), container.start - 40), container.start):
                return [Site(container, found.group("name"), found.start("name"), found.end("name"), 2)]
    return []
