"""Find toponym spans in running text.

Candidates are runs of capitalised words (inner connectors such as ``of``,
``de`` or a lower-case Arabic article allowed: ``Bosnia and Herzegovina``,
``al-Hasakah``); inside a run the longest word sequence the gazetteer knows is
taken, then the next. A candidate is dropped when the text says it is no
place: a calendar word, a demonym (``Iraqi``), an acronym that only matches a
town (``ISIS``), a common English word at the start of a sentence or written
lower case elsewhere in the document, or a person (after a title, before
``said``, or the surname ending a longer capitalised name). All word lists
are data (``geo/data/lexicon.txt``, English word frequencies, demonyms).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from geo.gazetteer.lexicon import state_abbreviations, words
from geo.gazetteer.lookup import Gazetteer
from geo.gazetteer.normalize import name_key

MAX_NAME_WORDS = 6
VERY_COMMON_FREQUENCY = 20_000
_ABBREVIATIONS = "|".join(re.escape(a) for a in sorted(state_abbreviations(), key=len, reverse=True))
TOKEN = re.compile(rf"(?:{_ABBREVIATIONS})(?!\w)|(?:[A-Za-z]\.){{2,}}|(?:St|Ste|Mt|Ft|Pt)\.(?= [A-Z])|[^\W_](?:[\w’'\-]*[^\W_])?")
ACRONYM = re.compile(r"(?:[A-Z]\.?){1,4}")
ROMAN_NUMERAL = re.compile(r"[IVX]{2,5}")
SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|^\s*$")
_FEATURES = "|".join(sorted((re.escape(w) for w in words("feature_words")), key=len, reverse=True))
FEATURE_AFTER = re.compile(rf"(?:{_FEATURES})\b")
FEATURE_ANYWHERE = re.compile(rf"\b(?:{_FEATURES})\b")
NON_PLACE_KINDS_FOR_ACRONYMS = ("country", "continent", "region", "admin1")
LOWER_WORD = re.compile(r"[a-z]+")
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
NEXT_WORD = re.compile(r"\s*,?\s*([A-Za-z]+)")


class Token(NamedTuple):
    start: int
    end: int
    text: str


_LOWERCASE_WORDS = re.compile(r" ([a-z]+)(?: ([a-z]+))?")


class Toponym(NamedTuple):
    """A recognized place-name span; ``feature_cue`` is 2 when a base/camp/airfield word
    stands next to it, 1 when one occurs in its sentence, else 0."""

    start: int
    end: int
    text: str
    feature_cue: int = 0


_new_token = tuple.__new__  # a Token without the keyword handling of NamedTuple's constructor: one per word


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in TOKEN.finditer(text):
        start, word = match.start(), match.group()
        if len(word) > 3 and word[-2:] in ("'s", "’s"):
            word = word[:-2]  # "Kabul's"
        if "-" in word:
            prefix, _, suffix = word.rpartition("-")
            if prefix and suffix[:1].islower() and len(suffix) > 2 and _is_capitalised(prefix):
                word = prefix  # "Kabul-based", "US-led": the place is the part before the hyphen (not "Sar-e Pul")
        tokens.append(_new_token(Token, (start, start + len(word), word)))
    return tokens


def _is_capitalised(word: str) -> bool:
    if word[:1].isupper():
        return True
    head, dash, rest = word.partition("-")
    return bool(dash) and head in words("name_connectors") and rest[:1].isupper()


def _runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised tokens separated by single spaces, with connectors inside."""
    connectors = words("name_connectors")
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    for token in tokens:
        previous = (pending or current)[-1] if current else None
        joined = previous is not None and text[previous.end:token.start] == " "
        if _is_capitalised(token.text):
            if joined:
                current.extend(pending)
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = [token]
            pending = []
        elif joined and token.text.lower() in connectors and len(pending) < 2:
            pending.append(token)
        elif joined and not pending and token.text.isdigit() and len(token.text) <= 3:
            current.append(token)  # "Tower 22", "Camp 5": a number may end a name
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


_ROMANCE_CONNECTORS = frozenset(("de", "del", "della", "di", "da", "do", "dos", "das", "du", "des"))


class Recognizer:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.connectors = words("name_connectors")
        self.demonyms = gazetteer.demonyms | words("demonyms")
        self.features = words("feature_words")
        self.abbreviations = state_abbreviations()

    def _longest_match(self, text: str, run: list[Token], first: int) -> int:
        """Index one past the last token of the longest known name starting at ``first``, or ``first``."""
        if run[first].text in self.abbreviations:
            return first + 1
        for last in range(min(len(run), first + MAX_NAME_WORDS) - 1, first - 1, -1):
            if run[last].text.lower() in self.connectors:
                continue
            if self.gazetteer.has_key(name_key(text[run[first].start:run[last].end])):
                return last + 1
        return first

    def find(self, text: str) -> list[Toponym]:
        tokens = tokenize(text)
        lowercase_words = {t.text.lower() for t in tokens if t.text[:1].islower()}
        found: list[tuple[Toponym, bool]] = []
        surnames: set[str] = set()
        for run in _runs(text, tokens):
            if len(run) >= 2 and _next_word(text, run[-1].end) in _BUSINESS_HEADS and not any(
                    t.text.lower() in self.connectors for t in run) and not self._is_important(run[0].text):
                continue  # "the Aziz Istanbul restaurant": a business's name ("the Kabul Serena hotel" is in Kabul)
            if len(run) >= 4 and run[-1].text.lower() in _INSTITUTION_TAILS and _LOCATED_AFTER.match(text, run[-1].end):
                continue  # "the Donetsk Regional Academic Drama Theatre in ... Mariupol": an institution's long name
            first = 0
            while first < len(run):
                if run[first].text.lower() in self.connectors:
                    first += 1
                    continue
                end = self._longest_match(text, run, first)
                if end <= first + 1 and first + 1 < len(run) and run[first].text.lower() in words("name_prefixes") \
                        and run[first + 1].text.lower() not in self.connectors:
                    first += 2  # "Kafr Sousa" unknown: neither "Kafr" nor "Sousa" is a place of its own
                    continue
                if end == first:
                    first += 1
                    continue
                if self._truncated_name(text, run, end):
                    break  # "San Miguel del Ene", "Santo Domingo de Acobamba": a longer name the gazetteer lacks
                span_end = self._completed_by_lowercase(text, run[first].start, run[end - 1].end) \
                    if end == len(run) else run[end - 1].end
                span = Toponym(run[first].start, span_end, text[run[first].start:span_end],
                               2 if span_end != run[end - 1].end else 0)
                if self._ends_a_name(text, run, first, end):
                    surnames.add(span.text)
                elif self._is_place(text, span, run, first, end, lowercase_words):
                    found.append((span, end - first == 1 and not self._is_important(span.text)))
                first = end
        # A surname seen after a given name ("Jacob Zuma") is the person when it later stands alone.
        return [self.with_cue(text, span) for span, alone in found if not (alone and span.text in surnames)]

    def _truncated_name(self, text: str, run: list[Token], end: int) -> bool:
        """The longest known name stops before "de", "del", "da" ... and a capitalised word: the words are
        one longer name the gazetteer lacks ("San Miguel del Ene" is not San Miguel, "Santo Domingo de
        Acobamba" neither Santo Domingo nor Acobamba)."""
        if end + 1 >= len(run) or run[end].text.lower() not in _ROMANCE_CONNECTORS:
            return False
        return run[end + 1].text[:1].isupper()

    def _completed_by_lowercase(self, text: str, start: int, end: int) -> int:
        """"the al-Omar oil field": lowercase words after a name that complete the name of a base,
        field or airfield ("Paktika province" stays "Paktika")."""
        following = _LOWERCASE_WORDS.match(text, end)
        if following:
            for stop in (following.end(2), following.end(1)):
                if stop > 0 and self.gazetteer.has_key(name_key(text[start:stop])) and any(
                        m.entry.kind in ("installation", "airport") for m in self.gazetteer.matches(text[start:stop])):
                    return stop
        return end

    def _is_important(self, name: str) -> bool:
        matches = self.gazetteer.matches(name)
        return bool(matches) and matches[0].entry.kind in NON_PLACE_KINDS_FOR_ACRONYMS and any(m.exact for m in matches)

    def _opens_sentence(self, text: str, token: Token) -> bool:
        """"From Base 7, ...", "In Kryvyi Rih, ...", "Losing Kismayo deprives ...": capitalised only because
        it starts the sentence (a common word ending in -ing is a verb, never a given name)."""
        lowered = token.text.lower()
        opener = lowered in words("sentence_openers") or (
            len(lowered) > 5 and lowered.endswith("ing") and lowered in self.gazetteer.word_frequency)
        return opener and _starts_sentence(text, token.start)

    def _ends_a_name(self, text: str, run: list[Token], first: int, end: int) -> bool:
        """The surname ending "Abu Hamza al-Qurashi", "Barack Obama": capitalised words before it, no connector."""
        if end != len(run) or first == 0 or run[first - 1].text.lower() in self.connectors:
            return False
        qualifiers = words("qualifiers") | self.connectors
        name = [t for i, t in enumerate(run[:first]) if t.text.lower() not in qualifiers
                and not (i == 0 and self._opens_sentence(text, t))]
        return bool(name) and not self._is_important(run[first].text) and end - first == 1

    def _inside_a_longer_name(self, run: list[Token], first: int, end: int) -> bool:
        """"Saraya Awliya al-Dam": a word no gazetteer and no dictionary knows continues the name."""
        if end >= len(run):
            return False
        following = run[end].text
        starts_name = first == 0 or run[first - 1].text.lower() in ("and", "&")  # "Lecornu and Téné Birahima Ouattara"
        return starts_name and end - first == 1 and following.lower() not in self.gazetteer.word_frequency \
            and following.lower() not in self.connectors and not self.gazetteer.has_key(name_key(following))

    def _is_place(self, text: str, span: Toponym, run: list[Token], first: int, end: int, lowercase_words: set) -> bool:
        matches = self.gazetteer.matches(span.text)
        best = matches[0].entry
        important = best.kind in NON_PLACE_KINDS_FOR_ACRONYMS and any(m.exact for m in matches)
        single = end - first == 1
        lowered = span.text.lower()
        if span.text in self.abbreviations:
            return not self._is_person(text, span, run, first, True)
        if _is_demonym(lowered, self.demonyms) or (single and lowered in words("not_places")):
            return False
        if _next_word(text, span.end) in words("media_heads") and not important:
            return False  # "the Al-Masirah channel": an outlet
        if single and ROMAN_NUMERAL.fullmatch(span.text):
            return False  # "King Abdullah II"
        if single and ACRONYM.fullmatch(span.text) and not _dateline(text, span):
            return important
        if single and end < len(run) and lowered in words("qualifiers") and (
                _is_demonym(run[end].text.lower(), self.demonyms) or self._inside_a_longer_name(run, first, end)):
            return False  # "the Southeast Asian neighbours", "the Eastern Ghouta enclave": not a district called East
        if end < len(run) and run[end].text.lower() in words("armed_group_heads"):
            return False  # "the Gulf Clan", "the Sinaloa Cartel": an armed group
        if self._is_person(text, span, run, first, important) or (not important and (
                (best.kind != "admin2" and _names_an_institution(run, first, end)) or self._inside_a_longer_name(run, first, end))):
            return False
        if single and lowered in self.gazetteer.word_frequency and not (important and best.kind == "country"):
            sentence_start = SENTENCE_END.search(text[max(0, span.start - 3):span.start]) is not None
            if lowered in lowercase_words or sentence_start:
                return False
            if self.gazetteer.word_frequency[lowered] >= VERY_COMMON_FREQUENCY or (best.population < 50_000 and not important):
                return False
        return True

    def _is_person(self, text: str, span: Toponym, run: list[Token], first: int, important: bool) -> bool:
        before = run[:first]
        previous_word = _previous_word(text, run[0].start if not before else span.start)
        if (before and before[-1].text.lower().rstrip(".") in words("person_titles")) or (
            not before and previous_word in words("person_titles")
        ):
            return True
        if important:
            return False
        qualifiers = words("qualifiers") | self.connectors
        name_before = [t for i, t in enumerate(before) if t.text.lower() not in qualifiers
                       and not (i == 0 and self._opens_sentence(text, t))]
        if name_before and before[-1].text.lower() not in self.connectors:
            return True  # the surname ending "Abu Hamza al-Qurashi", "Barack Obama"
        # "Obama said", not "... on the southern edge of Avdiivka, said General X": a comma ends the clause
        return _next_word(text, span.end) in words("speech_verbs") and not before and span.end == run[-1].end \
            and not text.startswith(",", span.end)

    def with_cue(self, text: str, span: Toponym) -> Toponym:
        if span.feature_cue == 2:  # "the al-Omar oil field": the feature word is part of the name
            return span
        if span.start == 0 and span.end == len(text):  # a lone name: nothing before or after, its own sentence
            return span._replace(feature_cue=1) if FEATURE_ANYWHERE.search(text.lower()) else span
        after = " ".join(LOWER_WORD.findall(text[span.end:span.end + 30].lower())[:3])
        if FEATURE_AFTER.match(after) or (span.start and _previous_word(text, span.start) in self.features):
            return span._replace(feature_cue=2)
        if _names_a_feature(_sentence_around(text, span.start, span.end)):
            return span._replace(feature_cue=1)
        return span


@lru_cache(maxsize=256)
def _names_a_feature(sentence: str) -> bool:
    """A base, camp or airfield word in the sentence (asked once for all the names of one sentence)."""
    return FEATURE_ANYWHERE.search(sentence.lower()) is not None


_BUILDING_HEADS = frozenset("church mosque cathedral chapel temple shrine school academy hospital hotel".split())


_LOCATED_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:of\s+)?[A-Z]")
_INSTITUTION_TAILS = frozenset(("theatre", "theater", "museum", "academy", "institute", "university", "college",
                                "hospital", "library", "stadium", "philharmonic", "conservatory"))
_BUSINESS_HEADS = frozenset(("restaurant", "café", "cafe", "hotel", "bar", "club", "shop", "store", "mall", "cinema",
                             "bakery", "pharmacy", "supermarket", "kebab", "pizzeria", "grill", "lounge", "salon"))


def _names_an_institution(run: list[Token], first: int, end: int) -> bool:
    """"Carnegie Library", "Mississippi River", "University of California": the place word
    names a street, river, institution or company, not the place (a known longer name was tried first)."""
    if end < len(run) and run[end].text.lower() in words("facility_heads"):
        return True
    # "St Francis Xavier Catholic Church": a place of worship, school or hotel two words later
    if any(token.text.lower() in _BUILDING_HEADS for token in run[end + 1:end + 3]):
        return True
    return first >= 2 and run[first - 1].text.lower() == "of" and run[first - 2].text.lower() in words("organisation_of")


def _is_demonym(word: str, demonyms: frozenset[str]) -> bool:
    return word in demonyms or (word.endswith("s") and word[:-1] in demonyms)


def _dateline(text: str, span: Toponym) -> bool:
    """An upper-case place opening a line and followed by a comma or dash: ``ERBIL, ...``."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return not text[line_start:span.start].strip() and text[span.end:span.end + 2].lstrip()[:1] in (",", "—", "-", "–")


def _previous_word(text: str, position: int) -> str:
    """The letters ending the 40 characters before ``position``, lower case, after at most one "." or ","
    and any spaces ("the ambassador, Ross Wilson": "ambassador"); empty when they end otherwise."""
    before = text[max(0, position - 40):position].rstrip()
    if before.endswith((".", ",")):
        before = before[:-1]
    start = len(before)
    while start and before[start - 1] in ASCII_LETTERS:
        start -= 1
    return before[start:].lower()


def _next_word(text: str, position: int) -> str:
    found = NEXT_WORD.match(text[position:position + 40])
    return found.group(1).lower() if found else ""


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    return text[left + 1:min(right_candidates) if right_candidates else len(text)]


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position]
    return not before.strip() or SENTENCE_END.search(before) is not None
