"""Matching keys for place names.

Two names that a reader would take for the same place get the same key:

* case and diacritics are ignored (``Abū Ghurayb`` = ``abu ghurayb``), and any
  script is transliterated to Latin by Unidecode;
* apostrophes and ayn/hamza marks vanish (``Al Qa'im`` = ``Al Qā’im`` = ``al-Qaim``);
* hyphens, dots and spaces do not separate (``K-1`` = ``K1`` = ``K 1``);
* a leading or inner Arabic article (``al``, ``el``, ``ul`` and the assimilated
  ``ad ar as at az an ash adh ath``) is dropped when another word follows
  (``al-Hasakah`` = ``Hasakah``; ``As Sulaymaniyah`` = ``Sulaymaniyah``);
* common transliteration variants collapse (``loose_key``): doubled letters,
  ``ou``/``oo`` -> ``u``, ``ee`` -> ``i``, ``q`` -> ``k``, ``ph`` -> ``f``,
  ``dh`` -> ``d``, a final ``h`` after a vowel (``Fallujah`` = ``Faluja``).

Every rule is general; none names a particular place.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

ARABIC_ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ar", "as", "at", "az", "an", "ash", "adh", "ath", "ach", "ech", "es", "et", "er", "ed", "ez", "en"}
)
# Marks that transliterate ayn, hamza and apostrophes: removed without a space.
_SILENT_MARKS = re.compile(r"['’‘`´ʼʻʿʾ\u02b9\u02bc\u02c8\u0301]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# (letters without which the rule cannot apply, pattern, replacement); the check skips most rules cheaply.
_LOOSE_RULES = (
    (("ou", "oo"), re.compile(r"ou|oo"), "u"),
    (("ee",), re.compile(r"ee"), "i"),
    (("",), re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Fallujah -> Falujah
    (("ph",), re.compile(r"ph"), "f"),
    (("dh",), re.compile(r"dh"), "d"),
    (("q",), re.compile(r"q"), "k"),
    (("ck",), re.compile(r"ck"), "k"),
    (("h",), re.compile(r"(?<=[aeiou])h$"), ""),  # Fallujah -> Falluja
)
_ARTICLE_PREFIX = re.compile(r"^(al|el|ul|ad|ar|as|at|az|an|ash|adh|ath)-(?=\w)", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case ASCII transliteration with diacritics and apostrophes removed."""
    if not text.isascii():  # ASCII, the common case, has nothing to compose or transliterate
        text = unidecode(_SILENT_MARKS.sub("", unicodedata.normalize("NFC", text)))
    return text.lower().replace("'", "").replace("`", "")


def tokens(text: str) -> list[str]:
    """Folded word tokens; hyphens, dots and spaces all separate."""
    return [token for token in _NON_ALNUM.split(fold(text)) if token]


def strip_articles(words: list[str]) -> list[str]:
    """Drop Arabic articles that precede another word (never the last word)."""
    kept = [word for index, word in enumerate(words) if not (word in ARABIC_ARTICLES and index < len(words) - 1)]
    return kept or words


@lru_cache(maxsize=500_000)
def name_key(text: str) -> str:
    """Strict matching key: folded, articles dropped, separators removed."""
    return "".join(strip_articles(tokens(text)))


def loose_key(text: str) -> str:
    """Key that also merges common transliteration variants; the gazetteer is indexed on it."""
    return loosen(name_key(text))


@lru_cache(maxsize=500_000)
def loosen(key: str) -> str:
    for needles, pattern, replacement in _LOOSE_RULES:
        for needle in needles:
            if needle in key:
                key = pattern.sub(replacement, key)
                break
    return key


def without_article(surface: str) -> str:
    """``al-Hasakah`` -> ``Hasakah``: the surface text minus a hyphenated leading article."""
    return _ARTICLE_PREFIX.sub("", surface)


def is_latin_name(text: str) -> bool:
    """True when a name is written in Latin letters (with or without diacritics).

    Alternate names in other scripts are left out of the index: their Unidecode
    transliterations (``swldw``) match English text only by accident."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return False
    latin = sum(1 for char in letters if "LATIN" in unicodedata.name(char, ""))
    return latin == len(letters)
