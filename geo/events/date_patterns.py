"""The rules behind ``geo.events.dates``: one regular expression and one resolver per
shape of temporal expression. A resolver maps (match, publication date) to an
inclusive (first day, last day) interval, or None when the text is no date.

Month and weekday names are matched case-sensitively so that the verbs "may"
and "march" are not taken for months.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable

from geo.events.numbers import NUMBER, parse_number

Interval = tuple[date, date]
Resolver = Callable[[re.Match, date], "Interval | None"]

MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}

_M = "(?:" + "|".join(MONTHS) + ")"  # full names only where no number follows
_MA = "(?:" + "|".join(list(MONTHS) + sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")\.?"
_WD = "(?:" + "|".join(WEEKDAYS) + ")"
_YQ = r"(?:,?\s+(?:of\s+)?(?P<yq>(?i:this\s+year|last\s+year)|\d{4}))?"
_RELATIVE_YEAR = r"(?:,?\s+(?:of\s+)?(?P<ry>(?i:this\s+year|last\s+year)))?"
_PART = r"(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of))"
_ORD = r"(?:st|nd|rd|th)?"
_UNIT = r"(?P<unit>(?i:day|week|month|year))s?"
# A month name alone counts as a date only after one of these words: "in March",
# "since May", "last June" (so "May said" is no date).
_MONTH_WORD_CUE = "|".join(
    rf"(?<=\b{word} )" for word in
    ("in", "In", "since", "Since", "during", "until", "by", "from", "before", "after", "through", "of", "and")
)
SINCE_PREFIX = re.compile(r"\b(?i:since)\s+$")


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTH_ABBREVIATIONS[name]


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def year_of_month(month: int, published: date) -> int:
    """The most recent such month that has started by publication."""
    return published.year if month <= published.month else published.year - 1


def _year_qualifier(match: re.Match, month: int, published: date) -> int:
    qualifier = (match.groupdict().get("yq") or "").lower()
    if qualifier.isdigit():
        return int(qualifier)
    if qualifier.startswith("this"):
        return published.year
    if qualifier.startswith("last"):
        return published.year - 1
    return year_of_month(month, published)


def weekday_on_or_before(published: date, weekday: int, strictly_before: bool = False) -> date:
    back = (published.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return published - timedelta(days=back)


def _day(year: int, month: int, day: int) -> Interval:
    point = date(year, month, day)
    return point, point


def iso_date(m: re.Match, published: date) -> Interval:
    return _day(int(m["y"]), int(m["mo"]), int(m["d"]))


def day_month_year(m: re.Match, published: date) -> Interval:
    return _day(int(m["y"]), _month_number(m["m"]), int(m["d"]))


def day_month(m: re.Match, published: date) -> Interval:
    month, day = _month_number(m["m"]), int(m["d"])
    relative = (m.groupdict().get("ry") or "").lower()
    if relative:  # "March 4 last year", "on 8 May this year"
        return _day(published.year - (1 if relative.startswith("last") else 0), month, day)
    year = published.year if date(published.year, month, min(day, 28)) <= published else published.year - 1
    return _day(year, month, day)


def day_range(m: re.Match, published: date) -> Interval | None:
    month = _month_number(m["m"])
    year = int(m["y"]) if m["y"] else year_of_month(month, published)
    first, last = int(m["d1"]), int(m["d2"])
    return (date(year, month, first), date(year, month, last)) if first < last else None


def month_range(m: re.Match, published: date) -> Interval:
    first_month, last_month = _month_number(m["m1"]), _month_number(m["m2"])
    last_year = _year_qualifier(m, last_month, published)
    first_year = int(m["y1"]) if m["y1"] else last_year - (first_month > last_month)
    return month_interval(first_year, first_month)[0], month_interval(last_year, last_month)[1]


def part_of_month(m: re.Match, published: date) -> Interval:
    month = _month_number(m["m"])
    year = _year_qualifier(m, month, published)
    first, last = month_interval(year, month)
    part = m["part"].lower()
    if "early" in part or "beginning" in part or "start" in part:
        return first, first.replace(day=10)
    if "mid" in part:
        return first.replace(day=11), first.replace(day=20)
    return first.replace(day=21), last


def part_of_year(m: re.Match, published: date) -> Interval:
    year, part = int(m["y"]), m["part"].lower()
    if "early" in part or "beginning" in part or "start" in part:
        return date(year, 1, 1), date(year, 4, 30)
    if "mid" in part:
        return date(year, 5, 1), date(year, 8, 31)
    return date(year, 9, 1), date(year, 12, 31)


def month_year(m: re.Match, published: date) -> Interval:
    return month_interval(int(m["y"]), _month_number(m["m"]))


def bare_month(m: re.Match, published: date) -> Interval:
    month = _month_number(m["m"])
    return month_interval(_year_qualifier(m, month, published), month)


def bare_year(m: re.Match, published: date) -> Interval:
    year = int(m["y"])
    return date(year, 1, 1), date(year, 12, 31)


_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season(m: re.Match, published: date) -> Interval | None:
    """"last spring", "this summer", "in the autumn of 2014": the three months of that season
    (northern meteorological seasons; winter runs December to February). "last" is the latest
    such season over before publication, "this" the one of the publication year."""
    first_month = _SEASON_MONTHS[(m["season"] or m["s2"]).lower()]
    if m["y"]:
        year = int(m["y"])
    elif (m["rel"] or "").lower() == "this":
        year = published.year if first_month != 12 or published.month == 12 else published.year - 1
    else:
        year = published.year
        while _season_end(year, first_month) >= published:
            year -= 1
    return date(year, first_month, 1), _season_end(year, first_month)


def _season_end(year: int, first_month: int) -> date:
    end_year, end_month = shift_months(year, first_month, 2)
    return date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def relative_period(m: re.Match, published: date) -> Interval:
    which, unit = m["which"].lower(), m["unit"].lower()
    earlier = bool(m["earlier"])
    if unit == "year":
        if which == "last":
            return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
        return date(published.year, 1, 1), published
    if unit == "month":
        if which == "last":
            return month_interval(*shift_months(published.year, published.month, -1))
        first = published.replace(day=1)
    else:
        monday = published - timedelta(days=published.weekday())
        if which == "last":
            return monday - timedelta(days=7), monday - timedelta(days=1)
        first = monday
    return first, max(first, published - timedelta(days=1)) if earlier else published


def named_day(m: re.Match, published: date) -> Interval:
    word = " ".join(m[0].lower().split())
    back = 1 if word in ("yesterday", "last night") else 0
    point = published - timedelta(days=back)
    return point, point


# Holidays on a fixed day of the year, as news names them ("On Christmas Day, a drone ...").
FIXED_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
                  "new year's day": (1, 1), "new year's eve": (12, 31), "boxing day": (12, 26)}


def holiday(m: re.Match, published: date) -> Interval:
    """The day of the year the text gives ("Christmas Day 2021"), else the most recent such day on or
    before publication."""
    month, day = FIXED_HOLIDAYS[" ".join(m["h"].lower().replace("’", "'").split())]
    if m["y"]:  # "On Christmas Day 2021"
        return _day(int(m["y"]), month, day)
    year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    return _day(year, month, day)


def weekday(m: re.Match, published: date) -> Interval:
    number = WEEKDAYS[m["wd"]]
    relation = (m["rel"] or "").lower()
    if relation == "next":
        point = published + timedelta(days=(number - published.weekday() - 1) % 7 + 1)
    else:
        point = weekday_on_or_before(published, number, strictly_before=relation == "last")
    return point, point


def weekend(m: re.Match, published: date) -> Interval:
    strictly = (m["rel"] or "").lower() == "last"
    saturday = weekday_on_or_before(published, 5, strictly_before=strictly and published.weekday() >= 5)
    return saturday, min(saturday + timedelta(days=1), max(saturday, published))


def _count(m: re.Match) -> int:
    if m.groupdict().get("few"):
        return 2 if "couple" in m["few"].lower() else 3
    return parse_number(m["n"]) if m.groupdict().get("n") else 1


def units_ago(m: re.Match, published: date) -> Interval | None:
    count, unit = _count(m), m["unit"].lower()
    if unit == "day":
        return _day(*(published - timedelta(days=count)).timetuple()[:3])
    if unit == "week":
        centre = published - timedelta(days=7 * count)
        return centre - timedelta(days=3), centre + timedelta(days=3)
    if unit == "month":
        return month_interval(*shift_months(published.year, published.month, -count))
    return date(published.year - count, 1, 1), date(published.year - count, 12, 31)


def past_units(m: re.Match, published: date) -> Interval | None:
    count, unit = _count(m), m["unit"].lower()
    if unit == "day":
        first = published - timedelta(days=count)
    elif unit == "week":
        first = published - timedelta(days=7 * count)
    elif unit == "month":
        year, month = shift_months(published.year, published.month, -count)
        first = date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    else:
        first = date(published.year - count, published.month, min(published.day, 28))
    last = published
    if m.groupdict().get("y"):  # "the past five months of 2021": keep the part inside that year
        year = int(m["y"])
        first, last = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
    return first, last


def recent_units(m: re.Match, published: date) -> Interval:
    span = {"day": 7, "week": 21, "month": 91}[m["unit"].lower()]
    return published - timedelta(days=span), published


def _rule(pattern: str, resolver: Resolver, needs: str | None = None) -> tuple[re.Pattern, Resolver, re.Pattern | None]:
    """A date pattern, its resolver, and a cheap pattern a text must contain for the rule to
    apply at all (a speed-up: some rules look behind at every position)."""
    return re.compile(pattern), resolver, re.compile(needs) if needs else None


_ANY_MONTH = "|".join(MONTHS)
RULES: tuple[tuple[re.Pattern, Resolver, re.Pattern | None], ...] = (
    _rule(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", iso_date),
    _rule(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MA}),?\s+(?P<y>\d{{4}})\b", day_month_year),
    _rule(rf"\b(?P<m>{_MA})\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b", day_month_year),
    _rule(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MA})(?!\w){_RELATIVE_YEAR}", day_month),
    _rule(rf"\b(?P<m>{_MA})\s+(?P<d>\d{{1,2}}){_ORD}\b(?![,.]?\d){_RELATIVE_YEAR}", day_month),
    _rule(rf"\b(?:(?i:between|from)\s+)?(?P<d1>\d{{1,2}}){_ORD}\s*(?:(?i:and|to|until)|-|–)\s*"
          rf"(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m>{_MA})(?:,?\s+(?P<y>\d{{4}}))?", day_range),
    _rule(rf"\b(?:(?i:between|from)\s+)?(?P<m>{_MA})\s+(?P<d1>\d{{1,2}}){_ORD}\s*(?:(?i:and|to|until)|-|–)\s*"
          rf"(?P<d2>\d{{1,2}}){_ORD}(?:,?\s+(?P<y>\d{{4}}))?\b", day_range),
    _rule(rf"\b(?i:between|from)\s+(?P<m1>{_M})(?:\s+(?P<y1>\d{{4}}))?\s+(?i:and|to|until|through)\s+"
          rf"(?P<m2>{_M}){_YQ}\b", month_range),
    _rule(rf"\b(?P<m1>{_M})(?:\s+(?P<y1>\d{{4}}))?\s*(?:-|–|(?i:\s+to\s+|\s+through\s+))\s*(?P<m2>{_M}){_YQ}\b",
          month_range),
    _rule(rf"\b{_PART}[\s-]+(?P<m>{_M}){_YQ}\b", part_of_month),
    _rule(rf"\b{_PART}[\s-]+(?P<y>\d{{4}})\b", part_of_year),
    _rule(rf"\b(?P<m>{_MA}),?\s+(?P<y>\d{{4}})\b", month_year),
    _rule(rf"(?:(?=(?:{_ANY_MONTH})\b)(?:{_MONTH_WORD_CUE})|\b(?i:last|this)\s+)(?P<m>{_M})\b(?:\s+(?:of\s+)?(?P<yq>(?i:this|last)\s+year))?", bare_month, _ANY_MONTH),
    _rule(r"(?=(?:19|20)\d\d)(?:(?<=\bin )|(?<=\bIn )|(?<=\bduring )|(?<=\bof )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )"
          r"|(?<=\bSince )|(?<=\bthroughout ))(?P<y>(?:19|20)\d{2})\b(?!\s*(?:-|–)\s*\d)", bare_year, r"(?:19|20)\d\d"),
    _rule(r"\b(?:(?P<rel>(?i:last|this))\s+(?P<season>(?i:spring|summer|autumn|fall|winter))\b|"
          r"(?i:in\s+the\s+)(?P<s2>(?i:spring|summer|autumn|fall|winter))\s+of\s+(?P<y>\d{4})\b)",
          season, r"(?i)spring|summer|autumn|fall|winter"),
    _rule(r"\b(?P<earlier>(?i:earlier|later)\s+)?(?P<which>(?i:this|last))\s+(?P<unit>(?i:week|month|year))\b",
          relative_period),
    _rule(r"\b(?i:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b",
          named_day),
    _rule(r"(?=Christmas|New|Boxing)(?:(?<=\bon )|(?<=\bOn )|(?<=\bby )|(?<=\bsince )|(?<=\bSince ))(?P<h>Christmas(?:\s+(?:Day|Eve))?|"
          r"New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day)\b(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?", holiday, r"Christmas|New\s+Year|Boxing"),
    _rule(rf"\b(?:(?P<rel>(?i:last|this|next|on|early|late))\s+)?(?P<wd>{_WD})"
          r"(?:\s+(?i:morning|afternoon|evening|night))?\b", weekday),
    _rule(r"\b(?i:(?:over|during|at|on)\s+)?(?P<rel>(?i:the|this|last|a))\s+(?i:weekend)\b", weekend, r"(?i)weekend"),
    _rule(rf"\b(?:(?P<n>(?i:{NUMBER}|a|an))\s+){_UNIT}\s+(?i:ago)\b", units_ago, r"(?i)\bago\b"),
    _rule(rf"\b(?i:(?:over|in|during|within|for)\s+)?(?i:the)\s+(?i:past|last|previous)\s+"
          rf"(?:(?P<few>(?i:few|several|couple\s+of))\s+|(?P<n>(?i:{NUMBER}))\s+)?{_UNIT}"
          rf"(?:\s+(?i:of)\s+(?P<y>\d{{4}}))?\b", past_units, r"(?i)\b(?:past|last|previous)\b"),
    _rule(r"\b(?i:(?:in|during|over)\s+)?(?i:recent)\s+(?P<unit>(?i:day|week|month))s\b", recent_units, r"(?i)\brecent\b"),
)
