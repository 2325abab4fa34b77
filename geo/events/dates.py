"""Temporal expressions in news text, resolved against the publication date.

``find_dates(text, published)`` returns every date expression with its
character span and the calendar interval it denotes. The publication date is
the only reference point: nothing here reads the clock.

Conventions (see docs/extraction.md):

* a weekday ("on Sunday", "Thursday night") is the most recent such day on or
  before publication, so a Sunday article's "Sunday" is that very day;
* a month without a year ("in March", "late May") is the most recent such
  month that has started by publication;
* ``time_precision`` follows ACLED: 1 for a day, 2 for a week or a few days
  (up to 14 days), 3 for anything longer;
* ``event_date`` is the middle day of the interval: ACLED records one date
  inside an imprecise period and flags it with the precision code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from geo.events.date_patterns import RULES, SINCE_PREFIX, Interval
from geo.events.literals import any_in, fold, matches_at_starts, required_literals, required_starts
from geo.events.numbers import NUMBER, parse_number


@dataclass(frozen=True)
class DateExpression:
    text: str
    start: int
    end: int
    date_start: date
    date_end: date
    deadline: bool = False  # "by 11 September", "until March": a bound, never when something happened
    since_end: date | None = None  # "since January 2020": the end of January 2020 (date_end is publication)

    @property
    def days(self) -> int:
        return (self.date_end - self.date_start).days + 1

    @property
    def time_precision(self) -> int:
        return precision_of(self.date_start, self.date_end)

    @property
    def event_date(self) -> date:
        return middle_day(self.date_start, self.date_end)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date_start": self.date_start.isoformat(),
            "date_end": self.date_end.isoformat(),
            "event_date": self.event_date.isoformat(),
            "time_precision": self.time_precision,
        }


def precision_of(first: date, last: date) -> int:
    days = (last - first).days + 1
    if days <= 1:
        return 1
    return 2 if days <= 14 else 3


def middle_day(first: date, last: date) -> date:
    return first + timedelta(days=(last - first).days // 2)


# "leave by 11 September", "until March", "ahead of Sunday's vote": a deadline or a bound, never
# the day something happened.
_DEADLINE = re.compile(r"\b(?:[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]head\s+of|[Nn]o\s+later\s+than|[Dd]eadline\s+of)\s+"
                       r"(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?(?:the\s+|an?\s+)?$")
# "ahead of a mid-September deadline", "before the Sept. 15 cut-off": the date names the bound
_DEADLINE_AFTER = re.compile(r"['’]?s?\s+(?:deadline|cut-?off|ultimatum|target\s+date)\b", re.IGNORECASE)


# "Before Wednesday was out, a bomb had torn through ...": the day itself, not a bound
# "By Wednesday the Giants Brigades had seized the main camp": what had happened by then, told as a
# narrative (that day), not a bound set for the future
_BY_OPENING = re.compile(r"(?:^|[.!?]\s+|\n)By\s+$")
_THEN_HAD = re.compile(r",?\s+(?:[\w'’-]+\s+){0,6}?had\s+(?!to\b|not\b|yet\b|until\b)(?:already\s+)?\w+(?:ed|en|ook|ew|ung|ought|aught|eld|ost|ept|ent|ad)\b")
_WAS_OUT = re.compile(r"\s+(?:was|had\s+ended|ended|drew\s+to\s+a\s+close)\b(?:\s+out\b)?", re.IGNORECASE)


_RULE_LITERALS = tuple(required_literals(pattern) for pattern, _, _ in RULES)
_RULE_STARTS = tuple(required_starts(pattern) for pattern, _, _ in RULES)


def find_dates(text: str, published: date) -> list[DateExpression]:
    """All non-overlapping date expressions in ``text``, in text order.

    Where two rules match overlapping text, the longer match wins, so
    "between March and May of this year" is one range, not two months.
    """
    found: list[tuple[int, int, Interval | None]] = []
    folded = fold(text)
    for (pattern, resolve, needs), literals, starts in zip(RULES, _RULE_LITERALS, _RULE_STARTS):
        if not any_in(literals, folded) or needs is not None and not needs.search(text):
            continue
        for match in matches_at_starts(pattern, starts, text):
            found.append((match.start(), match.end(), _safe_resolve(resolve, match, published)))
    # Longest first; an impossible date ("30 February 2020") still claims its
    # text so that no shorter rule turns it into "February 2020".
    chosen: list[tuple[int, int, Interval | None]] = []
    for start, end, interval in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, interval))
    chosen.sort(key=lambda item: item[0])
    # "at around 2:00 am (2230 GMT Thursday)": the same moment in another time zone, not a day of its own
    chosen = [item for item in chosen if not _CLOCK_ZONE.search(text, max(0, item[0] - 20), item[0])]
    expressions = _years_from_the_sentence(text, _of_the_same_year(text, [
        _with_since(text, start, end, interval, published) for start, end, interval in chosen if interval]))
    return _days_later(text, published, _overnight(text, _weekday_with_date(text, expressions)))


_CLOCK_ZONE = re.compile(r"\(\s*(?:\d{1,2}[:.]?\d{2}|\d{1,2})\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|Z)\s+(?:on\s+)?$")
_OVERNIGHT_BEFORE = re.compile(r"\bovernight\b[^.;!?\n]{0,60}$", re.IGNORECASE)
_EARLY = re.compile(r"(?:early\s+(?:on\s+)?|into\s+)", re.IGNORECASE)


def _overnight(text: str, expressions: list[DateExpression]) -> list[DateExpression]:
    """"ended an overnight siege ... early on Saturday", "overnight into Saturday": the night
    before that day and the day itself."""
    result = []
    for expression in expressions:
        if expression.days == 1 and (_EARLY.match(expression.text) or _EARLY.search(text, max(0, expression.start - 9),
                                                                                     expression.start)) \
                and _OVERNIGHT_BEFORE.search(text, max(0, expression.start - 80), expression.start):
            expression = replace(expression, date_start=expression.date_start - timedelta(days=1))
        result.append(expression)
    return result


_WEEKDAY = re.compile(r"(?:on\s+|late\s+|early\s+)*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_WEEKDAY_GAP = re.compile(r",?\s*(?:the\s+)?")


def _weekday_with_date(text: str, expressions: list[DateExpression]) -> list[DateExpression]:
    """"early on Friday, May 26": one day, the one written out (a weekday counted back from the
    publication date would be the last Friday, not this one)."""
    merged: list[DateExpression] = []
    for expression in expressions:
        previous = merged[-1] if merged else None
        if previous is not None and expression.days == 1 and any(c.isdigit() for c in expression.text) \
                and _WEEKDAY.search(previous.text) and previous.days == 1 \
                and _WEEKDAY_GAP.fullmatch(text, previous.end, expression.start):
            merged[-1] = replace(expression, text=text[previous.start:expression.end], start=previous.start)
            continue
        merged.append(expression)
    return merged


_LATER = re.compile(rf"\b(?:(?P<n>{NUMBER}|a|an)\s+(?P<unit>days?|weeks?)\s+later|the\s+(?:next|following)\s+day)\b",
                    re.IGNORECASE)


def _days_later(text: str, published: date, expressions: list[DateExpression]) -> list[DateExpression]:
    """"left Tessalit on October 21 and Aguelhok two days later", "the next day": counted from the
    date just written out, when that is a day in the same paragraph."""
    added: list[DateExpression] = []
    lowered = text.lower()
    if "later" not in lowered and "next day" not in lowered and "following day" not in lowered:
        return expressions
    for match in _LATER.finditer(text):
        if any(e.start < match.end() and match.start() < e.end for e in expressions):
            continue
        before = [e for e in expressions if e.end <= match.start()]
        if not before or before[-1].days != 1 or "\n\n" in text[before[-1].end:match.start()]:
            continue  # "In December ... about a week later": no day to count from
        count = parse_number(match["n"]) if match["n"] and match["n"].lower() not in ("a", "an") else 1
        if count is None:
            continue
        step = timedelta(days=count * (7 if (match["unit"] or "day").lower().startswith("week") else 1))
        day = before[-1].date_start + step
        if day <= published:
            added.append(DateExpression(match.group(), match.start(), match.end(), day, day))
    return sorted([*expressions, *added], key=lambda e: e.start)


SAME_SENTENCE_CHARS = 160
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z])|\n")
_SAME_YEAR = re.compile(r"\s*,?\s+(?:of\s+)?(?:the\s+same|that)\s+year\b", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?")


def _of_the_same_year(text: str, expressions: list[DateExpression]) -> list[DateExpression]:
    """"in July 2017 ..., and in October of the same year": the month of the year last written out;
    "came in June 2014, when gunmen raided the town on the night of June 15": a day of that month and
    year written just before in the same sentence."""
    resolved: list[DateExpression] = []
    year: int | None = None
    for expression in expressions:
        previous = resolved[-1] if resolved else None
        if previous is not None and _YEAR.search(previous.text) and not _YEAR.search(expression.text) \
                and expression.days == 1 and previous.date_start.month == expression.date_start.month \
                and previous.date_start.year == previous.date_end.year != expression.date_start.year \
                and expression.start - previous.end <= SAME_SENTENCE_CHARS \
                and not _SENTENCE_BREAK.search(text, previous.end, expression.start + 1):
            try:
                expression = replace(expression, date_start=expression.date_start.replace(year=previous.date_start.year),
                                     date_end=expression.date_end.replace(year=previous.date_start.year))
            except ValueError:
                pass
        same = _SAME_YEAR.match(text, expression.end)
        if same and year is not None and expression.date_start.year == expression.date_end.year \
                and not _YEAR.search(expression.text):
            try:
                expression = replace(expression, text=text[expression.start:same.end()], end=same.end(),
                                     date_start=expression.date_start.replace(year=year),
                                     date_end=expression.date_end.replace(year=year))
            except ValueError:  # 29 February of a year without it
                pass
        elif _YEAR.search(expression.text):
            year = expression.date_start.year
        resolved.append(expression)
    return resolved


_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*$", re.IGNORECASE)


def _years_from_the_sentence(text: str, expressions: list[DateExpression]) -> list[DateExpression]:
    """"In 2017, gunmen laid siege to the city from May 23 to October 23": days of the year the sentence
    opened with; "from May 23 to October 23, 2017": the first day of a range takes the year of its end."""
    resolved = list(expressions)
    for index, expression in enumerate(resolved):
        if _YEAR.search(expression.text) or expression.days > 31:
            continue
        year = None
        following = resolved[index + 1] if index + 1 < len(resolved) else None
        if following is not None and _YEAR.search(following.text) and following.days <= 31 \
                and _RANGE_TO.match(text[expression.end:following.start]):
            year = following.date_start.year
        elif following is not None and 365 <= following.days <= 366 and _YEAR_AFTER.fullmatch(text, expression.end, following.start):
            year = following.date_start.year  # "between January 28 and 30 last year"
        else:
            anchor = next((e for e in reversed(resolved[:index]) if _YEAR.search(e.text)), None)
            if anchor is not None and anchor.days >= 365 and anchor.date_start.year == anchor.date_end.year \
                    and expression.start - anchor.end <= SAME_SENTENCE_CHARS \
                    and not _SENTENCE_BREAK.search(text, anchor.end, expression.start + 1):
                year = anchor.date_start.year
        if year is not None and year != expression.date_start.year and expression.date_start.year == expression.date_end.year:
            try:
                resolved[index] = replace(expression, date_start=expression.date_start.replace(year=year),
                                          date_end=expression.date_end.replace(year=year))
            except ValueError:  # 29 February of a year without it
                pass
    return resolved


def _safe_resolve(resolve, match: re.Match, published: date) -> Interval | None:
    try:
        interval = resolve(match, published)
    except (ValueError, OverflowError):  # "30 February", year 0 and the like
        return None
    if interval is None or interval[1] < interval[0] or not 1 <= interval[0].year <= 9999:
        return None
    return interval


def _with_since(text: str, start: int, end: int, interval: Interval, published: date) -> DateExpression:
    """"since September 2014" runs from that month up to publication."""
    first, last = interval
    prefix = SINCE_PREFIX.search(text, max(0, start - 8), start)
    since_end = None
    if prefix and prefix.end() == start and first <= published:
        start, last, since_end = prefix.start(), max(last, published), last
    deadline = (bool(_DEADLINE.search(text, max(0, start - 40), start)) or bool(_DEADLINE_AFTER.match(text, end))) \
        and not _WAS_OUT.match(text, end) and not (_BY_OPENING.search(text, max(0, start - 6), start)
                                                   and _THEN_HAD.match(text, end))
    return DateExpression(text[start:end], start, end, first, last, deadline, since_end)

