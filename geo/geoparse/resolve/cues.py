"""What the words around a toponym say: "X in Y", "X near Y", "X, Y" relations, a
container word after it ("X province"), its use as an actor's modifier ("US troops"),
and a short all-capitals name written as some candidate is ("EU", "UAE")."""
from __future__ import annotations

import re
from typing import NamedTuple

from geo.gazetteer import Match
from geo.gazetteer.countries import country_table
from geo.gazetteer.lexicon import words
from geo.gazetteer.normalize import tokens
from geo.geoparse.recognize import Toponym

ACRONYM_MAX_LETTERS = 4


class Relation(NamedTuple):
    container: int  # index of the toponym that contains or is near this one
    kind: str  # "in" | "near" | "comma"


def relations(text: str, toponyms: list[Toponym]) -> dict[int, Relation]:
    """"X in Y", "X near Y", "X, Y": toponym index -> its container's index."""
    if len(toponyms) < 2:
        return {}
    skippable = words("qualifiers") | {"the"}
    found = {}
    for index in range(len(toponyms) - 1):
        between = text[toponyms[index].end:toponyms[index + 1].start].lower().strip()
        if between == ",":
            found[index] = Relation(index + 1, "comma")
            continue
        kept = " ".join(word for word in between.replace(",", " ").split() if word not in skippable)
        plain = " ".join(between.replace(",", " ").split()).removeprefix("the ")  # "Beiji, north of Baghdad"
        if plain in words("near_words") or kept in words("near_words"):
            found[index] = Relation(index + 1, "near")
        elif kept in words("in_words") or _kind_then_in(kept, text, toponyms[index + 1]):
            found[index] = Relation(index + 1, "in")
    return found


MAX_KIND_WORDS = 4


def _kind_then_in(kept: str, text: str, container: Toponym) -> bool:
    """"favela in", "district of", "oil export terminal in province of", ", a hamlet in the municipality
    of": a kind of place (after at most a few words that say what kind), then "in" or "of", then perhaps
    the kind of the container."""
    parts = kept.split()
    at = next((i for i, word in enumerate(parts) if word in words("in_words")), None)
    if at is None or not 1 <= at <= MAX_KIND_WORDS or parts[at - 1] not in words("settlement_words"):
        return False
    rest = parts[at + 1:]
    # "the Baghdad district of Karrada" puts Karrada in Baghdad, "the Rudum district of Shabwa province"
    # Rudum in Shabwa: after "of", only a container called so ("province", "the state of") holds X
    if parts[at] == "of" and not rest and not followed_by_container_word(text, container):
        return False
    return all(word.isalpha() and word.islower() for word in parts[:at]) and (
        not rest or (len(rest) == 2 and rest[1] == "of" and (
            rest[0] in words("container_words") or rest[0] in words("settlement_words"))))


def followed_by_container_word(text: str, toponym: Toponym) -> bool:
    """"Ondo state", "Kandahar province"; also "the state of Ondo", "the province of Kandahar"."""
    after = tokens(text[toponym.end:toponym.end + 20]) if toponym.end < len(text) else []
    if after and after[0] in words("container_words"):
        return True
    before = _CONTAINER_OF.search(text, max(0, toponym.start - 45), toponym.start)
    return before is not None and before.group(1).lower() in words("container_words")


_CONTAINER_OF = re.compile(r"\bthe\s+(?:[\w-]+\s+)?([a-z]+)\s+of\s+$", re.IGNORECASE)


_NEXT_LOWER_WORD = re.compile(r" ([a-z]+)")


def used_as_modifier(text: str, toponym: Toponym) -> bool:
    """The name qualifies a noun ("US troops", "Iran-backed militias") rather than places something."""
    after = text[toponym.end:toponym.end + 30]
    if not after:
        return False
    if after[:1] in ("-", "–") and after[1:2].islower():
        return True
    following = _NEXT_LOWER_WORD.match(after)
    return bool(following) and following.group(1) in words("actor_nouns")


def acronym(surface: str, matches: list[Match]) -> str:
    """The surface when it is a short all-capitals name that some candidate is written as exactly."""
    surface = surface.strip()
    if not (surface.isalpha() and surface.isupper() and len(surface) <= ACRONYM_MAX_LETTERS):
        return ""
    return surface if any(surface == m.entry.name or surface in m.entry.aliases for m in matches) else ""


# "the Iranian city of Kerman", "the Yemeni port of Hodeidah", "Syria's northern town of X" reads as
# "in Syria": a demonym (or a country's possessive) set before the noun that names the place
_QUALIFIED = re.compile(
    r"\b(?-i:(?P<adjective>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))(?:['’]s)?\s+(?:(?:[\w-]+)\s+){0,2}?"
    r"(?:city|town|village|port|capital|province|region|district|island|state|governorate|oblast|county|enclave)"
    r"(?:\s+of)?\s+$", re.IGNORECASE)


_COMPASS = re.compile(r"\b(north|south|east|west)(?:ern)?\s+$|\b(north|south)[\s-]?(east|west)(?:ern)?\s+$", re.IGNORECASE)


def qualifier(text: str, toponym: Toponym) -> tuple[str, str]:
    """The ISO code of the country a demonym before the name places it in ("the Iranian city of
    Kerman"), and the part of that country a compass word before the demonym names ("the southern
    Ukrainian city of Mykolaiv": "south"; "northeast"); empty strings when there is none."""
    found = _QUALIFIED.search(text, max(0, toponym.start - 60), toponym.start)
    if found is None:
        return "", ""
    table = country_table()
    words_before = found.group("adjective")
    for candidate in (words_before, words_before.split()[-1]):
        country = table.find(candidate)
        if country is not None:
            compass = _COMPASS.search(text, max(0, found.start() - 16), found.start())
            return country.iso2, "".join(part.lower() for part in compass.groups() if part) if compass else ""
    return "", ""

