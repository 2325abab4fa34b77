"""Country names, aliases and demonyms, used to read actors ("<demonym> missiles",
"<country> fired", "<country>-led coalition") and to build ACLED-style event ids.

Data: the ``countryinfo`` package (names, demonyms, ISO codes), the shared
``geo/data/country_aliases.csv`` and ``geo/data/demonym_extras.csv``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    iso3: str
    demonym: str
    capital: str = ""  # as countryinfo names it ("Sana'a"), for "the Yemeni capital"


@dataclass(frozen=True)
class CountryTable:
    by_code: dict[str, Country]
    names: dict[str, str]  # lower-cased name or alias -> ISO2
    adjectives: dict[str, str]  # lower-cased demonym -> ISO2
    name_forms: tuple[str, ...]  # as written ("U.S.", "France"): matched case-sensitively
    adjective_forms: tuple[str, ...]

    def find(self, text: str) -> Country | None:
        key = " ".join(text.lower().split()).removeprefix("the ")
        code = self.names.get(key) or self.adjectives.get(key)
        return self.by_code.get(code) if code else None

    def by_name(self, name: str) -> Country | None:
        return self.find(name)

    def mentioned(self, text: str) -> frozenset[str]:
        """ISO codes of the countries a text names or qualifies ("Somalia", "the Yemeni port city")."""
        return frozenset(code for code in (self.names.get(" ".join(m.group().lower().split())) or
                                           self.adjectives.get(" ".join(m.group().lower().split()))
                                           for m in self._mention_pattern.finditer(text)) if code)

    def adjective_codes(self, text: str) -> frozenset[str]:
        """ISO codes of the countries whose demonym the text uses ("Syrian", "the Yemeni capital")."""
        return frozenset(code for code in (self.adjectives.get(" ".join(m.group().lower().split()))
                                           for m in self._adjective_pattern.finditer(text)) if code)

    @cached_property
    def _adjective_pattern(self) -> re.Pattern:
        return re.compile(r"(?-i:(?<![\w.])(?=[A-Z])" + trie_pattern(list(self.adjective_forms)) + r"(?!\w))")

    @cached_property
    def _mention_pattern(self) -> re.Pattern:
        return re.compile(self.name_pattern(with_demonyms=True))

    def name_pattern(self, with_demonyms: bool) -> str:
        forms = list(self.name_forms) + (list(self.adjective_forms) if with_demonyms else [])
        # only a form opening with a capital can follow (?=[A-Z]) (not " the Abode of Peace", "weSwatini"):
        # the others would only keep the pattern from telling the words every match starts with
        forms = [form for form in forms if "A" <= form[:1] <= "Z"]
        return r"(?-i:(?<![\w.])(?=[A-Z])" + trie_pattern(forms) + r"(?!\w))"


def trie_pattern(words: list[str]) -> str:
    """One regex matching any of ``words``, as a prefix tree so that matching
    cost does not grow with the number of words; spaces match any whitespace."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    ends_here = "" in node
    for char in sorted(key for key in node if key):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def _capital(info) -> str:
    try:
        capital = info.capital()
    except (KeyError, TypeError, AttributeError):
        return ""
    return capital if isinstance(capital, str) else ""


def _readable(form: str) -> bool:
    return bool(form) and form.isascii() and not (form.isupper() and len(form) <= 3)


def _csv_rows(name: str) -> list[dict]:
    path = DATA / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    from countryinfo import all_countries

    by_code: dict[str, Country] = {}
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    name_forms: list[str] = []
    adjective_forms: list[str] = []
    infos = sorted(all_countries(), key=lambda info: -(info.population() or 0))
    for info in infos:
        try:
            code, iso3, name = info.iso(2), info.iso(3), info.name()
        except (KeyError, TypeError, AttributeError):
            continue
        if not code or not name or code in by_code:
            continue
        demonyms = [d.strip() for d in (info.demonym() or "").split(",") if d.strip()]
        by_code[code] = Country(name, code, iso3 or code, demonyms[0] if demonyms else name, _capital(info))
        for form in [name, *(info.alt_spellings() or [])]:
            if _readable(form) and form.count(" ") <= 4:
                names.setdefault(form.lower(), code)
                name_forms.append(form)
        for form in demonyms:
            adjectives.setdefault(form.lower(), code)
            adjective_forms.append(form)
    for row in _csv_rows("country_aliases.csv"):
        if row.get("country_code") in by_code and row.get("alias"):
            names.setdefault(row["alias"].lower(), row["country_code"])
            name_forms.append(row["alias"])
    for row in _csv_rows("demonym_extras.csv"):
        if row.get("country_code") in by_code and row.get("form"):
            adjectives.setdefault(row["form"].lower(), row["country_code"])
            adjective_forms.append(row["form"])
    return CountryTable(by_code, names, adjectives, tuple(dict.fromkeys(name_forms)),
                        tuple(dict.fromkeys(adjective_forms)))
