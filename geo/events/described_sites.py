"""Sentences with no event of their own that describe the site of the occurrence just reported.

"The village, Hroza, lies in the Kupiansk district"; "Their target was the Shayrat air base";
"freed from two buildings in the heart of the Nuseirat refugee camp"; and, in apposition, "Banjska,
a village of a few hundred people in the Zvecan municipality, some 12 km north-west of Mitrovica"
or "Ber, a small town about 55 km east of Timbuktu". Wire copy names the site this way a sentence
or two after a lead that gave only the region; the name itself may be one the gazetteer lacks, and
then the distance and bearing from the landmark, or the district it lies in, place it
(geo_precision 2). Pure: no I/O, no clock.
"""
from __future__ import annotations

import re

from geo.events.facts import ArticleFacts
from geo.events.sentences import Sentence
from geo.events.site_points import widen_precision
from geo.events.sites import AVENGES, Site, no_site_context

# "The village, Hroza, lies in ...", "The base at Kidal was ...": a sentence that names the site
_NAMES_SITE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+)?(?:village|town|hamlet|base|camp|airfield|compound|outpost|facility|"
                         r"hotel|station|school|market|hospital|city|complex|building|mosque|church|shrine|mausoleum|"
                         r"palace|prison|embassy)(?:,\s+|\s+(?:(?:is|was|lies|lay|sits|stands|"
                         r"is\s+located|was\s+located)\s+)?(?:of|at|in|near|outside)\s+(?:(?:central|downtown|northern|"
                         r"southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?)$")

# "The airstrip lies outside ...", "The camp is in ...": a sentence about where the site is
_DESCRIBES = re.compile(r"\s*The\s+(?:[\w-]+\s+){0,2}?(?:(?:airstrip|airfield|air\s+base|base|camp|compound|outpost|"
                        r"plant|factory|depot|terminal|field|station|hotel|school|market|hospital|village|town)\s+"
                        r"(?:is|was|lies|lay|sits|sat|stands|stood|is\s+located|was\s+located)\s+"
                        r"(?:in|at|near|outside|on|north|south|east|west|about|some|roughly|just)\b|"
                        r"targets?\s+(?:was|were|is|are)\b)")

# "An official said the targets were in Jurf al-Sakhar ...": where the targets of the occurrence lay
_TARGETS_WERE = re.compile(r"\b(?:the|its|their)\s+(?:[\w-]+\s+)?targets?\s+(?:was|were|lay|lie|are|is)\s+"
                           r"(?:in|at|near|around|the|close\s+to|next\s+to|beside|outside|just)\b|"
                           # "videos showed several impacts inside the Nevatim air base"
                           r"\b(?:impacts|hits|craters|damage)\s+(?:inside|at|on|in)\s+(?=the\s+|(?-i:[A-Z]))|"
                           r"\b(?:most|much|the\s+worst|the\s+bulk)\s+of\s+the\s+(?:damage|destruction|casualties|deaths|dead|"
                           r"victims|fighting)\s+(?:was|were|came|occurred|happened)\s+(?:in|at|near|around)\b",
                           re.IGNORECASE)

_BORDER = re.compile(r"\b(?:border|frontier)\s+with\s+(?:the\s+)?$", re.IGNORECASE)

_FINENESS = {"installation": 0, "airport": 0, "populated_place": 1, "admin2": 2, "admin1": 3}

# "freed from two buildings in the heart of the Nuseirat refugee camp": near the lead, where it happened
_HEART_OF = re.compile(r"\b(?:in|at|into)\s+the\s+(?:heart|centre|center|middle)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def described_sites(facts: ArticleFacts, sentence: Sentence) -> list[Site]:
    """Places a sentence names as "the village, X", "the base at X" (or, in the lead's paragraphs, "in
    the heart of X"); or, in a sentence that describes the site ("The airstrip lies outside the town
    of X, 20 km south-east of Y"), its finest known place, as near it (geo_precision 2)."""
    target = _TARGETS_WERE.search(facts.text, sentence.start, sentence.end)
    if _DESCRIBES.match(facts.text, sentence.start) or target:
        places = [m for m in facts.places.within(target.end() if target else sentence.start, sentence.end)
                  if m.entry is not None and m.entry.kind not in ("country", "region", "continent")
                  and not _BORDER.search(facts.text, max(sentence.start, m.start - 30), m.start)]
        if places:
            place = min(places, key=lambda m: _FINENESS.get(m.entry.kind, 1))
            return [Site.named(place, max(place.geo_precision or 1, 2))]
    found = []
    for place in facts.places.within(sentence.start, sentence.end):
        if place.entry is None or place.entry.kind in ("country", "region", "continent"):
            continue
        named = _NAMES_SITE.search(facts.text, max(sentence.start, place.start - 60), place.start) or (
            sentence.paragraph <= 1 and _HEART_OF.search(facts.text, max(sentence.start, place.start - 40), place.start))
        # (no site: "the wounded were taken to the hospital in X", "revenge for ... in the city of X")
        if named and not no_site_context(facts.text, place.start) and not AVENGES.search(facts.text, sentence.start, place.start):
            found.append(Site.named(place))
    return found


LEAD_PARAGRAPHS = 3  # the lead and the two paragraphs after it: later ones describe other places as often
_APPOSED_PLACE = re.compile(
    r"(?-i:(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})),\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:village|town|hamlet|settlement|locality|community|township)\b(?P<rest>[^.;]*)")
_IN_DIVISION = re.compile(r"\b(?:in|of)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:municipality|district|commune|county|township|"
                          r"department|prefecture|territory|area)\s*$|\b(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)
_FAR = re.compile(r"\d[\d.,]*\s*(?:km|kms|kilometres?|kilometers?|miles?)\b[^,;]*?\bof\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                  re.IGNORECASE)

_CLOSE_TO = re.compile(r"(?P<n>\d[\d.,]*)\s*(?:km|kms|kilometres?|kilometers?)\s+(?:from|outside|of)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
NEAR_LANDMARK_KM = 30  # a village this close to a named town, with no bearing, is coded at the town (geo_precision 2)

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
        for landmark in after:  # "roughly 15 kilometres from the regional capital Ouahigouya": near it
            if landmark.entry.kind == "populated_place" and _close_to(text, found.start("rest"), landmark.start):
                return [Site(landmark, found.group("name"), found.start("name"), found.end("name"), 2)]
        for container in after:
            if _IN_DIVISION.search(text, max(found.start("rest"), container.start - 40), container.start):
                return [Site(container, found.group("name"), found.start("name"), found.end("name"), 2)]
    return []


def close_landmarks(facts: ArticleFacts, clause) -> list[Site]:
    """Towns the clause gives as "about 15 kilometres from X" (a place it names but the gazetteer
    lacks lies that close to X): X, as near it (geo_precision 2)."""
    found = []
    for place in facts.places.within(clause.start, clause.end):
        if place.entry is None or place.entry.kind != "populated_place" or facts.stray(place.entry, place.text):
            continue
        if _close_to(facts.text, clause.start, place.start):
            found.append(Site(place, place.text, place.start, place.end, 2))
    return found


def _close_to(text: str, start: int, place_start: int) -> bool:
    """"about 15 kilometres from" right before the place, and no farther than NEAR_LANDMARK_KM."""
    close = _CLOSE_TO.search(text, max(start, place_start - 60), place_start)
    return close is not None and float(close.group("n").replace(",", "")) <= NEAR_LANDMARK_KM
