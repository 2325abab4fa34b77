"""The recognizer's and resolver's word lists, read from ``geo/data/lexicon.txt``."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from geo.errors import GazetteerError

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicon.txt"


def parse_lexicon(text: str) -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is None:
            raise GazetteerError(f"{LEXICON_PATH}: word {line!r} before any [section]")
        else:
            current.add(line)
    return {name: frozenset(words) for name, words in sections.items()}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    try:
        return parse_lexicon(LEXICON_PATH.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GazetteerError(f"cannot read {LEXICON_PATH}: {exc}") from None


def words(section: str) -> frozenset[str]:
    return lexicon().get(section, frozenset())


ABBREVIATIONS_PATH = Path(__file__).resolve().parents[1] / "data" / "state_abbreviations.csv"


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """Press-style abbreviation (``Kan.``, ``W.Va.``, ``B.C.``) -> gazetteer id of its first-level division."""
    try:
        with ABBREVIATIONS_PATH.open(encoding="utf-8") as handle:
            return {row["abbreviation"]: f"admin1:{row['admin1_code']}" for row in csv.DictReader(handle)}
    except (OSError, KeyError) as exc:
        raise GazetteerError(f"cannot read {ABBREVIATIONS_PATH}: {exc}") from None
