"""Reported fatalities: "killing at least five" -> 5, "no casualties" -> 0,
nothing stated -> None. Following ACLED, the lowest reported figure is kept
and vague counts get fixed numbers ("dozens" 12, see ``geo.events.numbers.VAGUE``)."""
from __future__ import annotations

import re

from geo.events.literals import any_in, fold, required_literals
from geo.events.numbers import NUMBER, VAGUE, parse_number

_QUALIFIER = r"(?:(?:at\s+least|some|about|around|approximately|nearly|almost|more\s+than|over|up\s+to|an\s+estimated|as\s+many\s+as|a\s+total\s+of)\s+)?"
_VAGUE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
_COUNT = rf"(?P<n>{NUMBER}|{_VAGUE})"
_NOUN = r"(?:[\w.'’-]+\s+){0,3}?"
_PERSON = (r"(?:person|people|civilian|soldier|troop|fighter|militant|member|officer|policeman|policemen|villager|"
           r"local|resident|child|children|woman|women|man|men|serviceman|servicemen|service\s+member|worker|"
           r"worshipper|guard|commander|leader|official|other|contractor|journalist|analyst|pupil|student|trainer|"
           r"adviser|advisor|instructor|pilot|marine|sailor|airman|airmen|gendarme|peacekeeper|recruit|cadet|passenger|"
           r"pilgrim|shepherd|farmer|miner|herder|fisherman|fishermen|trader|patient|doctor|nurse|volunteer|hostage|"
           r"prisoner|inmate|detainee|militiaman|militiamen|insurgent|jihadist|rebel|attacker|gunman|gunmen|assailant|"
           r"teenager|boy|girl|relative|mourner|guest|shopper|employee|staffer|crew\s+member|aid\s+worker|seafarer|crewman|"
           r"crewmen|engineer|driver|policewoman|paramedic|medic)s?")
_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bkill(?:ing|ed|s)?\s+{_QUALIFIER}(?:{_COUNT}\b(?!\s+(?:of\s+)?(?:wounded|injured))|(?P<a>an?)\s+(?:[\w-]+\s+)?{_PERSON}\b)",
        rf"\b(?<!were )(?<!was )(?<!been )(?:shot\s+dead|gunned\s+down)\s+(?:{_QUALIFIER}{_COUNT}\b|(?P<a>(?=\w)(?!(?:those|them|people|passengers|"
        rf"villagers|civilians|residents|men|women|children|several|many|dozens|scores|others|travellers|workers)\b)))",
        rf"\b(?:left|leaving)\s+{_QUALIFIER}{_COUNT}\s+{_NOUN}(?:dead|killed)\b",
        # ... not "Two gunmen killed seven people": who killed, not who died
        rf"\b{_QUALIFIER}{_COUNT}\s+{_NOUN}(?:(?:were|was|have\s+been|had\s+been|are|got)\s*(?:killed|dead|died|slain|lost\s+their\s+lives)\b|"
        rf"(?:killed|dead|died|slain|lost\s+their\s+lives)\b(?!\s+{_QUALIFIER}(?:{NUMBER}|{_VAGUE})\s+(?!(?:days?|hours?|weeks?|months?|years?)\b)))",
        # "Fifty-four Ugandan soldiers serving with the African Union mission in Somalia were killed"
        rf"\b{_QUALIFIER}{_COUNT}\s+{_NOUN}{_PERSON}\s+(?:[^\d.;,]{{1,70}}?\s+)?(?:were|had\s+been|have\s+been)\s+"
        rf"(?:killed|shot\s+dead|slain)\b",
        # "At least 22 civilians, among them 14 children and a pregnant woman, were killed"
        rf"\b{_QUALIFIER}{_COUNT}\s+{_NOUN}{_PERSON},\s+(?:among\s+them|including|most\s+of\s+them|many\s+of\s+them|"
        rf"mostly)\s+[^.;]{{1,90}}?,\s+(?:were|had\s+been|have\s+been)\s+killed\b",
        # "a woman and two children were killed": one and two
        rf"\b(?P<one_and>[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+)?{_PERSON}\s+and\s+{_COUNT}\s+{_NOUN}(?:were|had\s+been|have\s+been)\s+"
        rf"(?:killed|shot\s+dead|slain)\b",
        # "A Filipino seafarer was killed when ...", "a policeman died": one
        rf"\b(?<![\w-])(?P<a>[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+(?:was|had\s+been|has\s+been)\s+"
        rf"(?:killed|shot\s+dead|slain)\b|\b(?P<a2>[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+died\b",
        # "police recovered 23 bodies", "the bodies of 12 people were found"
        rf"\b(?:recovered|recovering|found|retrieved|pulled(?:\s+out)?|pulling(?:\s+out)?|collected|dug\s+out)\s+(?:the\s+)?{_QUALIFIER}{_COUNT}\s+bodies\b",
        rf"\bbodies\s+of\s+{_QUALIFIER}{_COUNT}\s+{_NOUN}{_PERSON}\s+(?:were|had\s+been|have\s+been)\s+(?:found|recovered|retrieved)\b",
        # "seven bodies were pulled from the wreckage"
        rf"\b{_QUALIFIER}{_COUNT}\s+bodies\s+(?:were|had\s+been|have\s+been)\s+(?:found|recovered|retrieved|pulled|dug|brought)\b",
        rf"\b(?:death\s+toll|toll)\s+(?:rose\s+to|of|reached|climbed\s+to|stands?\s+at|stood\s+at|is|was)\s+{_QUALIFIER}{_COUNT}\b",
        # "the death toll from a suicide bombing at a mosque ... rose to 93"
        rf"\b(?:death\s+toll|toll|number\s+of\s+(?:people\s+)?(?:confirmed\s+|reported\s+)?(?:dead|killed|deaths))\s+"
        rf"(?:from|in|of)?\s*[^.;]{{0,160}}?\s+(?:rose|risen|climbed|jumped|increased|reached)\s+"
        rf"(?:to\s+)?{_QUALIFIER}{_COUNT}\b",
        # "bringing the death toll from Saturday's strike to 40"
        rf"\b(?:bringing|brought|raising|raised|pushing|pushed|taking|took)\s+the\s+(?:death\s+)?toll\s+"
        rf"(?:(?:from|in|of)\s+[^.;]{{0,100}}?\s+)?to\s+{_QUALIFIER}{_COUNT}\b",
    )
)
# "killing 13 US service members and at least 170 Afghans": a second count
# joined by "and" adds to the first, unless it is vague ("and scores of civilians": at least 13).
_AND_MORE = re.compile(
    rf"\s+(?:[\w'’-]+\s+){{0,3}}?and\s+{_QUALIFIER}(?:{_COUNT}|(?P<a>an?))\s+(?!(?:people\s+|others\s+)?(?:were\s+)?(?:wounded|injured|hurt))",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?:no\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:casualties|deaths|fatalities|injuries|one\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?"
    r"(?:reported\s+)?(?:killed|hurt|injured))|"
    r"without\s+(?:causing\s+)?(?:any\s+)?casualties|nobody\s+was\s+(?:killed|hurt|injured)|"
    r"caus(?:ed|ing)\s+no\s+(?:casualties|injuries|deaths)|there\s+were\s+no\s+(?:casualties|injuries|deaths))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\bno\s+$", re.IGNORECASE)
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:to\s+have\s+|(?:that\s+)?(?:it|they)\s+had\s+)?$", re.IGNORECASE)
_LITERALS = tuple(required_literals(pattern) for pattern in _PATTERNS)
_ZERO_LITERALS = required_literals(_ZERO)


def _firm(raw: str) -> int | None:
    return None if raw.lower() in VAGUE else parse_number(raw)


def fatalities_in(text: str, start: int = 0, end: int | None = None) -> int | None:
    end = len(text) if end is None else end
    counts = []
    clause = fold(text)[start:end]
    for number, pattern in enumerate(_PATTERNS):
        if not any_in(_LITERALS[number], clause):
            continue
        for match in pattern.finditer(text, start, end):
            if _NEGATED.search(text, max(start, match.start() - 4), match.start()):
                continue  # "no one had been reported killed"
            if _CLAIMED.search(text, max(start, match.start() - 30), match.start()):
                continue  # "the militants claimed to have killed 137 soldiers": a boast, not a toll
            groups = match.groupdict()
            if groups.get("one_and") is not None:
                count = 1 + (parse_number(groups["n"]) or 0)
            elif groups.get("a") is not None or groups.get("a2") is not None:
                count = 1
            else:
                raw = match.group("n")
                count = parse_number(raw)
                if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100:
                    continue  # a year: "in 2020 nine were killed"
            if count is not None and number == 0:
                more = _AND_MORE.match(text, match.end(), end)
                extra = (1 if more.group("a") else _firm(more.group("n"))) if more else None
                count += extra or 0
            if count is not None and count < 100000:
                counts.append((match.start(), count))
    if counts:
        counts.sort()
        return counts[0][1]
    if any_in(_ZERO_LITERALS, clause) and _ZERO.search(text, start, end):
        return 0
    return None
