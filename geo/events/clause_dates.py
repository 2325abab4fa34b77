"""Which of a sentence's dates is its event's: the report's own day, relative clauses, "N days
after", and the day a possessive names. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from geo.events.dates import DateExpression
from geo.events.numbers import NUMBER, parse_number
from geo.events.sentences import Clause
from geo.events.sites import Site
from geo.events.triggers import Trigger

# "officials said on Tuesday", "in a statement issued late on Tuesday": the day of the report,
# not of the attack or handover it reports.
REPORTED_ON = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|added|told\s+(?:reporters|journalists|[A-Z][\w-]+)|"
    r"statement(?:\s+(?:issued|released|published|posted|sent))?|briefing|(?:press|news)\s+conference|"
    r"(?:count|tally|toll|figures?)\s+(?:given|released|published|issued|provided)\s+by\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?|"
    r"(?:rose|risen|climbed|jumped|increased|reached)\s+to\s+(?:at\s+least\s+)?(?:[\d,]+|[a-z]+(?:-[a-z]+)?))"
    r"(?:\s+in\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)  # "told a news conference in Paris on"

# "The Islamic State group on Thursday claimed responsibility for an attack", "On Wednesday the ministry put
# the toll at 71": the day it was claimed or counted
REPORTED_AFTER = re.compile(r",?\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:claimed\s+(?:responsibility|the\s+attack)|"
                            r"(?<=\s)(?:blamed|accused|condemned|denounced|mourned)|"  # "the government on Friday blamed ... for"
                            r"put\s+the\s+(?:death\s+)?toll|raised\s+the\s+(?:death\s+)?toll)\b", re.IGNORECASE)

RELATIVE = re.compile(r",\s+(?:which|where|who|whom|whose)\b[^,;.]*$")
# "Khan Sheikhoun, a strategic town that had been held by rebels since 2014": the town's past, not the event's day
_THAT_HAD = re.compile(r"\b(?:that|which)\s+(?:had|has|have)\s+been\b[^,;.]*$")

# "take back ground they lost three years ago": a clause of its own, with no "which" before it
_ZERO_RELATIVE = re.compile(r"\b(?-i:[a-z])[\w-]+\s+(?:they|it|he|she|we)\s+(?:had\s+)?(?:lost|took|seized|captured|held|won|"
                            r"built|gained|abandoned)\s+(?:[^,;.]*\s)?$", re.IGNORECASE)

SPEAKERS_DAY = re.compile(r"(?:today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today)",
                           re.IGNORECASE)

# "given up ... since the Security Council voted in June": June dates the vote
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!(?:late|early|mid)\b)(?:the\s+)?[^,;.\d]*?\s[^,;.]*$", re.IGNORECASE)
# "killed after fighters surrounded them on Wednesday": the day of what came first, the event's only
# when the sentence gives no other
_AFTER_CLAUSE = re.compile(r"\b(?:after|before)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?-i:(?=[a-z]))(?:[\w-]*ed|began|begun|"
                           r"broke|took|came|went|fell|won|left|tore|cut|erupted|started)\b[^,;.]*$", re.IGNORECASE)

_DAYS_AFTER = re.compile(rf"\s*(?P<n>{NUMBER}|a|an|one)\s+(?P<unit>days?|weeks?)\s+after\b", re.IGNORECASE)

_CAME_AFTER = re.compile(rf"\b(?:came|comes|follow(?:ed|s))\s+(?:just\s+|only\s+|barely\s+)?(?P<n>{NUMBER}|a|an)\s+"
                         r"(?P<unit>days?|weeks?)\s+after\b", re.IGNORECASE)

_RITUAL_AFTER = re.compile(r"\s+(?:prayers?|services?|mass|sermons?|market)\b", re.IGNORECASE)
WHEN = re.compile(r",?\s+when\b")

def without_rituals(text: str, clause_dates: list[DateExpression], dates: list[DateExpression]) -> list[DateExpression]:
    """"On April 21, 2017, fighters drove into the camp ... and opened fire on soldiers leaving Friday
    prayers": a ritual's weekday gives way to a date the sentence writes out."""
    if clause_dates and all(_RITUAL_AFTER.match(text, d.end) for d in clause_dates):
        written = [d for d in dates if any(c.isdigit() for c in d.text) and not _RITUAL_AFTER.match(text, d.end)]
        return written[-1:] or clause_dates
    return clause_dates


_LATER_CLAUSE = re.compile(r",\s+(?:starting|leaving|causing|sparking|setting|sending|forcing)\b|\bbefore\s+\w+ing\b|"
                           r"\b(?:that|which|who)\s+(?:was|were|is|are|had|has|have)\s+(?:still\s+)?\w+ing\b")


def date_for(text: str, site: Site | None, dates: list[DateExpression], trigger: Trigger) -> DateExpression | None:
    """With one date, every site shares it; with several ("in Mali in June
    2021 and in Niger in May 2023"), each site takes the first date after it,
    else the nearest before; an unlocated event takes the date nearest its trigger."""
    # "On July 1, 2012, gunmen threw grenades into two churches during Sunday services": the ritual's
    # weekday is no date when the sentence writes one out
    if len(dates) > 1 and any(any(c.isdigit() for c in d.text) for d in dates):
        dates = [d for d in dates if not _RITUAL_AFTER.match(text, d.end)] or dates
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    # "the death toll from Saturday's Russian missile strike": the day that names the event
    named = [d for d in dates if text[d.end:d.end + 2] in ("'s", "’s") and 0 <= trigger.start - d.end <= 40]
    if named:
        return named[-1]
    anchor = site.end if site else trigger.end
    # "struck the depot south of the city, starting a fire that was still burning on Tuesday": a date
    # in a relative or participle clause after the site dates that clause, not the site
    after = [d for d in dates if d.start >= anchor and not _LATER_CLAUSE.search(text, anchor, d.start)]
    chosen = after[0] if site and after else min(dates, key=lambda d: min(abs(d.start - anchor), abs(d.end - trigger.start)))
    inside = [d for d in dates if chosen.date_start <= d.date_start and d.date_end <= chosen.date_end and d.days < chosen.days]
    if inside:
        return min(inside, key=lambda d: d.days)  # "in December ... last year": December
    if chosen.days > 31:  # "left Mali on Monday, ... a mission that began almost ten years ago": Monday
        days = [d for d in dates if d.days <= 7]
        if days:
            return min(days, key=lambda d: abs(d.start - trigger.end))
    return chosen

def days_after(text: str, clause: Clause, dates: list[DateExpression]) -> DateExpression | None:
    """"still burying their dead on Monday, two days after fighters opened fire": the clause after
    "N days after" happened N days before the day just given."""
    found = _DAYS_AFTER.match(text, clause.start)
    before = [d for d in dates if d.end <= clause.start and d.days == 1]
    if not found or not before:
        return None
    count = 1 if found["n"].lower() in ("a", "an", "one") else parse_number(found["n"])
    if not count:
        return None
    day = before[-1].date_start - timedelta(days=count * (7 if found["unit"].lower().startswith("week") else 1))
    return replace(before[-1], text=found.group(), start=clause.start, end=found.end(), date_start=day, date_end=day)

def days_before(text: str, start: int, trigger_start: int) -> int:
    """"The attack came two days after a missile hit ...": how many days before the occurrence just
    reported this one happened (0 when the text does not say)."""
    found = _CAME_AFTER.search(text, start, trigger_start)
    if not found:
        return 0
    count = 1 if found["n"].lower() in ("a", "an") else parse_number(found["n"])
    return (count or 0) * (7 if found["unit"].lower().startswith("week") else 1)

def in_relative_clause(text: str, trigger: Trigger, date: DateExpression) -> bool:
    """"pulled back from Hodeidah, which lies in a zone set up in 2018": 2018 dates the zone."""
    if date.start <= trigger.end:
        return False
    return RELATIVE.search(text, trigger.end, date.start) is not None or \
        _ZERO_RELATIVE.search(text, trigger.end, date.start) is not None or \
        _SINCE_CLAUSE.search(text, trigger.end, date.start) is not None or in_after_clause(text, trigger, date) or \
        _THAT_HAD.search(text, trigger.end, date.start) is not None


def in_after_clause(text: str, trigger: Trigger, date: DateExpression) -> bool:
    """"killed after Taliban fighters surrounded them on Wednesday": the date of the after-clause."""
    return date.start > trigger.end and _AFTER_CLAUSE.search(text, trigger.end, date.start) is not None


_COMMA_WHEN = re.compile(r",\s*when\b")


def when_clause_dates(text: str, clause: Clause, clause_dates: list, dates: list, stated: list) -> tuple[list, list]:
    """"memories of April 14, 2014, when fighters seized 276 girls in Chibok, and of Feb. 19, 2018, when
    ...": the day just before ", when" is the when-clause's, not a day later in its own clause."""
    if _COMMA_WHEN.match(text, clause.start - 2):
        before = [d for d in stated if d.end <= clause.start and d.since_end is None
                  and not text[d.end:clause.start].strip(" ,\n").removesuffix("when").strip()]
        antecedent = before[-1] if before else None
        if antecedent is not None and not any(antecedent.date_start <= d.date_start and d.date_end <= antecedent.date_end
                                              for d in clause_dates):  # "in June 2014, when ... on 15 June": 15 June
            return [antecedent], [antecedent]
    return clause_dates, dates
