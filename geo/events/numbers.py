"""Cardinal numbers written as digits or English words ("seven", "twenty-one",
"1,200"), shared by the date and fatality patterns."""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Vague counts. ACLED's fatality FAQ: "tens" 10, "dozens" 12, "hundreds" 100, and
# the most conservative reading otherwise (acleddata.com, "Fatalities", 2024); our
# conservative readings of the rest: "a few"/"several" 3, "many" 10, "scores" 20.
VAGUE = {"tens": 10, "tens of": 10, "dozens": 12, "dozens of": 12, "hundreds": 100, "hundreds of": 100,
         "several": 3, "few": 3, "a few": 3, "many": 10, "scores": 20}

_DIGIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_PLAIN_WORDS = sorted((w for w in UNITS if w.isalpha() and UNITS[w] > 0 and w not in ("a", "an", "single", "dozen")),
                      key=len, reverse=True)
_word = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[\s-](?:" + "|".join(_DIGIT_WORDS) + r"))?|"
    + "|".join(_PLAIN_WORDS) + r")"
)
_hundred = r"(?:(?:a|" + _word + r")\s+hundred(?:\s+(?:and\s+)?" + _word + r")?)"
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _hundred + r"|" + _word + r")"
NUMBER_RE = re.compile(r"^" + NUMBER + r"$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """"seven" -> 7, "twenty-one" -> 21, "1,200" -> 1200, "two hundred" -> 200."""
    words = " ".join(text.lower().replace("-", " ").split())
    if not words:
        return None
    if words.replace(",", "").isdigit():
        return int(words.replace(",", ""))
    if words in UNITS:
        return UNITS[words]
    if words in VAGUE:
        return VAGUE[words]
    if " hundred" in words:
        head, _, tail = words.partition(" hundred")
        tail = tail.removeprefix(" and").strip()
        base = parse_number(head)
        rest = parse_number(tail) if tail else 0
        return None if base is None or rest is None else base * 100 + rest
    parts = words.split()
    if parts and parts[0] in TENS:
        rest = parse_number(" ".join(parts[1:])) if len(parts) > 1 else 0
        return None if rest is None else TENS[parts[0]] + rest
    return None
