"""Sentences, clauses, quotations and the dateline of a news text, all as
character spans into the original text (nothing is rewritten)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig gov sen rep rev st mt ft
    no nos vs etc approx est dept sr jr inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a a.m p.m i.e e.g al""".split()
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}"  # CITY / NEW CITY / AL-CITY
    r"(?:,\s*[A-Z][\w'’.\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.\-]*){0,4})?"  # , Kurdistan Region / , Democratic Republic of Congo
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"  # , Aug 13 (the filing day)
    r"(?:\s*\([^)\n]{1,30}\))?"  # (Reuters)
    r"\s*(?:[—–]|--|-)\s*"
)
# "Srinagar:", "Cotonou (AFP):": a city set before a colon at the very start of the report
_COLON_DATELINE = re.compile(r"[A-Z][a-z'’.\-]+(?:[ \-][A-Z][a-z'’.\-]+){0,2}(?:,\s*[A-Z][\w'’.\-]*)?"
                             r"(?:\s*\([^)\n]{1,30}\))?:\s+(?=[A-Z\"“])")
# "Maputo, 13 May 2024 (Lusa) -", "Kyiv, March 3 (Reuters) -", "Goma (AFP) -": a city in title case
# needs the filing day or the agency to be told from a sentence that starts with a name and a dash
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_TITLE_DATELINE = re.compile(
    r"[A-Z][a-z'’.\-]+(?:[ \-][A-Z][a-z'’.\-]+){0,2}(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})?"
    r"(?:,\s*(?:\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?|" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)"
    r"(?:\s*\([^)\n]{1,30}\))?|\s*\([^)\n]{1,30}\))"
    r"\s*(?:[—–]|--|-)\s*(?=[A-Z0-9\"“])")
# Where a new clause may start inside a sentence.
_CLAUSE_BREAK = re.compile(
    r";\s*|:\s+|,\s*(?=(?:while|whereas|but|and\s+then|after\s+which|before|after|as\s+well\s+as|"
    r"according\s+to|a\s+day\s+after|(?:moments|shortly|just|soon|minutes|hours|days)\s+(?:after|before)|meanwhile)\b)|"
    r",?\s+(?=(?:(?:more\s+than|almost|nearly|about|just|only|less\s+than|over)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
    r"(?:hours|days|day|weeks|week|minutes|months|month|years|year)\s+(?:after|before)\b)|"
    r",\s*(?=and\s+(?:on|in|late|early|then|later|overnight|hours|the\s+next|the\s+following)\b)|"
    r",\s*(?=(?:setting\s+off|prompting|triggering|sparking|provoking|drawing)\b)|"
    r",\s*(?=when\b)|\s+(?=before\s+being\b)|,?\s+(?=in\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to)\b)|"
    # ", and the SDF drove ...", ", and Kenyan troops gave up ...": a new subject, a new clause
    r",\s*(?=and\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)*\s+"
    r"(?!(?:and|or|in|of|on|at|to|for|from|near|with|by|province|region|district|city|town|state|governorate|"
    r"base|bases|camp|camps|airport|airfield|air|military|compound|garrison|outpost|barracks|area|border|crossing|"
    r"port|river|valley|oblast|county|village|refinery|depot|plant)\b)"
    r"(?-i:[a-z])[\w-]+)|"
    r",\s*(?=and\s+(?:[\w'’-]+\s+){0,3}?(?:warplanes|jets|aircraft|helicopters|drones|forces|troops|soldiers|militants|"
    r"gunmen|rebels|fighters|insurgents|police|militias?|artillery)\s)|"
    r"\s+(?=(?:while|whereas|and\s+then|after\s+which)\b)",
    re.IGNORECASE,
)
# "Although declared defeated in 2017, the group has continued ...": a leading
# subordinate clause ends at the comma before the main clause's subject and verb.
_SUBORDINATE_OPENING = re.compile(
    r"^(?:although|though|while|whereas|after|before|when|since|as|despite|because|once|until|following|amid)\b",
    re.IGNORECASE,
)
_MAIN_CLAUSE_START = re.compile(
    r",\s+(?=(?:the|a|an|it|they|he|she|we|its|their|there|[A-Z][\w'’-]*)\s+(?:[\w'’()-]+\s+){0,3}?"
    r"(?:has|have|had|is|are|was|were|will|would|said|says|\w+ed)\b)"
)
_QUOTES = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]{8,}’")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def ends_with_abbreviation(text: str, stop: int) -> bool:
    word_start = stop
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:stop].lower().strip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "George W. Bush"
        return True
    return word in ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; paragraphs (blank-line separated) never share one."""
    sentences: list[Sentence] = []
    for number, (par_start, par_end) in enumerate(paragraphs(text)):
        cursor = par_start
        for match in _BOUNDARY.finditer(text, par_start, par_end):
            stop = match.start()
            if text[stop] == "." and ends_with_abbreviation(text, stop):
                continue
            _append(sentences, text, cursor, match.end(), number)
            cursor = match.end()
        _append(sentences, text, cursor, par_end, number)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(text[start:end], start, end, paragraph))


def find_dateline(text: str, search_paragraphs: int = 3) -> tuple[int, int] | None:
    """The "CITY, Region —" opening of a report: where it was filed,
    not where anything happened. Looked for at the start of the first paragraphs."""
    for number, (start, end) in enumerate(paragraphs(text)[:search_paragraphs]):
        match = _DATELINE.match(text, start, end)
        if match and match.end() < end and _has_capital_word(match.group()):
            return match.start(), match.end()
        title = _TITLE_DATELINE.match(text, start, end) if number == 0 else None
        if title and title.end() < end:
            return title.start(), title.end()
        colon = _COLON_DATELINE.match(text, start, end) if number == 0 else None
        if colon and colon.end() < end:  # "Srinagar: Militants opened fire ...", "Cotonou: Benin's government said"
            return colon.start(), colon.end()
    return None


def _has_capital_word(dateline: str) -> bool:
    head = dateline.split(",")[0].split("(")[0].strip(" —–-")
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def clauses(sentence: Sentence) -> list[Clause]:
    """Split a sentence at clause breaks (";", ", while", ", after" ...)."""
    spans: list[Clause] = []
    cursor = 0
    breaks = list(_CLAUSE_BREAK.finditer(sentence.text))
    if _SUBORDINATE_OPENING.match(sentence.text):
        main = _MAIN_CLAUSE_START.search(sentence.text)
        if main:
            breaks = sorted(breaks + [main], key=lambda m: m.start())
    for match in breaks:
        if match.start() < cursor:
            continue
        if match.start() > cursor:
            spans.append(Clause(sentence.start + cursor, sentence.start + match.start()))
        cursor = match.end()
    if cursor < len(sentence.text):
        spans.append(Clause(sentence.start + cursor, sentence.end))
    return spans or [Clause(sentence.start, sentence.end)]

