"""Events from one article's text, given everything found in it (places,
dates, actors): the clause-level logic between the trigger patterns and the
``Event`` records. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.events.actors import ActorMention
from geo.events.dates import DateExpression
from geo.events.fatalities import fatalities_in
from geo.events.frames import EventMention, frames, merge
from geo.events.roles import assign_roles, credit_claims
from geo.events.sentences import Clause, Sentence, clauses, split_sentences
from geo.events.sites import Site, select_sites, widen_precision
from geo.events.spans import SpanIndex
from geo.events.triggers import CATEGORY_PRIORITY, EventLexicon, Trigger
from geo.model import Article, Event, PlaceMention

VIOLENT_AGAINST_PEOPLE = ("storming", "attack", "ambush", "assassination", "abduction")
# Kinds whose place must be introduced by "in/at/near": a statement is not "at"
# every place it mentions.
STRICT_SITE_KINDS = ("statement", "ceremony", "operation", "declared")
# "the worst attack in years", "responsibility for the attack": a reference
# back to an event already reported, not a new one (unless it names a site).
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their|such)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
# "officials said on Tuesday", "in a statement issued late on Tuesday": the day of the report,
# not of the attack or handover it reports.
_REPORTED_ON = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|added|told\s+(?:reporters|journalists|[A-Z][\w-]+)|"
    r"statement(?:\s+(?:issued|released|published|posted|sent))?|briefing|press\s+conference)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)
# "In that attack, ...", "At the time, ...": the date is the one just given.
_DATE_ANAPHOR = re.compile(r"\s*(?:In|During|On)\s+(?:that|the\s+same|this)\s+(?:attack|strike|raid|assault|bombing|"
                           r"occasion|incident|day|night)\b|\s*(?:At\s+the\s+time|That\s+(?:day|night))\b")
_HERE = re.compile(r"\bthis\s+(?:[\w-]+\s+)?(?:city|town|capital|port|village)\b", re.IGNORECASE)
# "their camp in the town of Kidal", "a base near Gao": the town stands for the unnamed site
_HOSTS_SITE = re.compile(r"\b(?:base|camp|compound|airfield|outpost|garrison|post|barracks|facility)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?$", re.IGNORECASE)
_SITE_ANAPHOR = re.compile(
    r"\b(?:the|its|their|that|this)\s+(?:same\s+|nearby\s+|sprawling\s+|main\s+)?(?:[\w-]+\s+)?"
    r"(?P<noun>base|camp|facility|airport|airfield|compound|garrison|outpost|position|post|perimeter|barracks|"
    r"installation|site|town|city|village)\b", re.IGNORECASE)
_TAKEN_GAP = re.compile(r"\s*(?:control\s+of\s+)?(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|district|area|region|"
                        r"province|base|port|capital)\s+of\s+)?(?:the\s+)?")
_TERRITORY_OBJECT = re.compile(r"\b(?:towns?|city|cities|villages?|bases?|airports?|airfields?|districts?|cent(?:re|er)s?|"
                               r"capitals?|areas?|positions|settlements?|control)$", re.IGNORECASE)
MAX_ATTACK_DAYS = 45
ANTECEDENT_REACH = 1500  # characters back that "the base" may point to
NOTES_LIMIT = 240
FULL, PARTIAL = "full", "partial"


@dataclass(frozen=True)
class ArticleFacts:
    """What the recognizers found in the article, computed once."""

    article: Article
    places: SpanIndex[PlaceMention]
    dates: SpanIndex[DateExpression]
    actors: SpanIndex[ActorMention]
    quotes: SpanIndex[tuple[int, int]]
    dateline: tuple[int, int] | None
    lexicon: EventLexicon
    no_site: SpanIndex[tuple[int, int]]  # actors, dates and the dateline: never a site

    @classmethod
    def of(cls, article: Article, places, dates, actors, quotes, dateline, lexicon) -> "ArticleFacts":
        no_site = [(a.start, a.end) for a in actors] + [(d.start, d.end) for d in dates]
        no_site += [dateline] if dateline else []
        return cls(article, SpanIndex.of(places), SpanIndex.of(dates), SpanIndex.of(actors),
                   SpanIndex.of(quotes), dateline, lexicon, SpanIndex.of(no_site))

    @property
    def text(self) -> str:
        return self.article.text


def events_from_facts(facts: ArticleFacts) -> list[Event]:
    """Event mentions clause by clause, then frames: the mentions of one occurrence
    merged into one event (``geo.events.frames``)."""
    mentions: list[EventMention] = []
    claims: list[tuple[int, int]] = []
    title_paragraph = _title_paragraph(facts.article)
    claim_pattern = facts.lexicon.cues["claim"]
    for sentence in split_sentences(facts.text):
        if sentence.paragraph == title_paragraph:
            continue
        for clause in clauses(sentence):
            mentions.extend(_clause_mentions(facts, sentence, clause))
        claim = claim_pattern.search(facts.text, sentence.start, sentence.end)
        if claim:
            claims.append((sentence.start, claim.start()))
    events = [_described(merge(group, facts.article.published), group[0].kind) for group in frames(mentions)]
    events = [e for e in events if not _too_vague(e)]
    events = credit_claims(events, facts.text, claims, list(facts.actors.items))
    return _deduplicate(events)


def _too_vague(event: Event) -> bool:
    """An attack known only to a year or a season ("killed in an ambush in 2017", "since 2015")
    is a recollection, not an event an analyst could code."""
    return event.category == "attack" and event.date_start is not None and (
        (event.date_end - event.date_start).days + 1 > MAX_ATTACK_DAYS)


def _title_paragraph(article: Article) -> int | None:
    """The headline repeats the lead's events without their details: skip it."""
    first_line = article.text.lstrip().split("\n", 1)[0].strip()
    title = " ".join(article.title.split())
    return 0 if title and " ".join(first_line.split()) == title else None


def _clause_mentions(facts: ArticleFacts, sentence: Sentence, clause: Clause) -> list[EventMention]:
    """Events of the clause's first usable category (attack, then handover, then
    other): a voided attack ("they will step up their attacks") lets a dated
    statement in the same clause through. After a handover, a capture in the same clause
    counts too ("pulled out of the camp, and rebels said they had taken it over")."""
    text, lexicon = facts.text, facts.lexicon
    triggers = lexicon.triggers(text, clause.start, clause.end)
    found: list[EventMention] = []
    for category in sorted({t.category for t in triggers}, key=lambda c: CATEGORY_PRIORITY[c]):
        group = [t for t in triggers if t.category == category]
        best = min(group, key=lambda t: t.rank)
        if lexicon.not_actual(text, clause.start, group[0]) or lexicon.not_actual(text, clause.start, best):
            continue
        mentions = _trigger_mentions(facts, sentence, clause, best)
        if mentions:
            found.extend(mentions)
            if category != "handover":  # a handover clause may also say who took the place over
                break
    return found


def _trigger_mentions(facts: ArticleFacts, sentence: Sentence, clause: Clause, best: Trigger) -> list[EventMention]:
    text, lexicon = facts.text, facts.lexicon
    quote = facts.quotes.containing(best.start, best.end)
    blocked = _blocker(facts, quote)
    sites = _sites(facts, clause, best, blocked)
    dates = [d for d in facts.dates.within(sentence.start, sentence.end) if not d.deadline]
    if best.category == "attack":  # "the worst since January 2020, when ..." points at January 2020
        dates = [_since_anchor(d) for d in dates]
    reported = [d for d in dates if best.category in ("attack", "handover")
                and _REPORTED_ON.search(text, max(0, d.start - 60), d.start)]
    weak_date = bool(reported) and len(reported) == len(dates)
    dates = dates if weak_date else [d for d in dates if d not in reported]
    clause_dates = [d for d in dates if clause.start <= d.start and d.end <= clause.end]
    if not dates and _DATE_ANAPHOR.match(text, sentence.start):
        dates = [_since_anchor(d) for d in _previous_date(facts, sentence)]
    standing = _standing(best, sites, clause_dates or dates, lexicon, text, clause)
    if standing is None:
        return []
    responds = lexicon.cue("response", text, sentence.start, clause.end)
    actors = [a for a in facts.actors.within(sentence.start, sentence.end)
              if facts.quotes.containing(a.start, a.end) in (None, quote)]
    civilians = best.category == "attack" and lexicon.cue("civilian_target", text, clause.start, clause.end)
    fatalities = fatalities_in(text, clause.start, clause.end) if best.category == "attack" else None
    events = []
    for site in sites or [None]:
        date = _date_for(site, clause_dates or dates, best)
        country = site.mention.entry.country if site and site.mention.entry else None
        state_actor = any(a.is_state for a in actors if a.end <= best.start)
        acled = lexicon.acled_type(best.kind, civilians=civilians and best.kind in VIOLENT_AGAINST_PEOPLE,
                                   state_actor=state_actor)
        actor1, actor2 = assign_roles(text, best.category, best.start, best.end, (clause.start, clause.end),
                                      (sentence.start, sentence.end), actors, civilians, country)
        if standing == PARTIAL and facts.lexicon.cues["claim"].search(text, sentence.start, sentence.end):
            actor1 = actor2 = None  # a claim names its claimant; credit_claims gives it to the events
        event = _event(facts, sentence, best, acled, site, date, actor1, actor2, fatalities)
        events.append(EventMention(event, best.kind, partial=standing == PARTIAL, responds=responds,
                                   weak_date=weak_date and event.date_start is not None))
    return events


def _blocker(facts: ArticleFacts, quote: tuple[int, int] | None):
    """Whether a span holds no site: actors, dates, the dateline, quotations
    other than the trigger's own."""
    def blocked(start: int, end: int) -> bool:
        if facts.no_site.overlaps(start, end):
            return True
        return any(q != quote for q in facts.quotes.overlapping(start, end))
    return blocked


def _sites(facts: ArticleFacts, clause: Clause, trigger: Trigger, blocked) -> list[Site]:
    text, lexicon = facts.text, facts.lexicon
    if lexicon.cue("unlocated", text, clause.start, clause.end):
        return []
    sites = select_sites(text, facts.places.within(clause.start, clause.end), clause.start, clause.end,
                         category=trigger.category,
                         site_context=lexicon.cue("territory", text, clause.start, clause.end),
                         blocked=blocked, from_is_site=trigger.category == "handover",
                         strict=trigger.kind in STRICT_SITE_KINDS)
    if trigger.category == "handover":
        sites = [s for s in sites if s.mention.entry is None or s.mention.entry.kind != "country"]
    if all(s.mention.entry is None or s.mention.entry.kind in ("country", "admin1", "region") for s in sites) \
            and _HERE.search(text, clause.start, clause.end):
        sites = _dateline_site(facts) or sites
    if not sites:
        sites = _antecedent(facts, clause)
    return [widen_precision(s, lexicon.cue("near", text, max(clause.start, s.start - 160), s.start)) for s in sites]


def _since_anchor(date: DateExpression) -> DateExpression:
    return replace(date, date_end=date.since_end, since_end=None) if date.since_end else date


def _previous_date(facts: ArticleFacts, sentence: Sentence) -> list[DateExpression]:
    """The last date of the sentence before, for "In that attack, ..." (within its paragraph)."""
    before = [d for d in facts.dates.within(max(0, sentence.start - 600), sentence.start)
              if not d.deadline and "\n\n" not in facts.text[d.end:sentence.start]]
    return before[-1:]


def _dateline_site(facts: ArticleFacts) -> list[Site]:
    """"This city" in a report filed from a city is the dateline's city."""
    if facts.dateline is None:
        return []
    towns = [m for m in facts.places.within(*facts.dateline)
             if m.entry is not None and m.entry.kind in ("populated_place", "admin2")]
    return [Site(towns[0], towns[0].text, towns[0].start, towns[0].end, towns[0].geo_precision)] if towns else []


def _antecedent(facts: ArticleFacts, clause: Clause) -> list[Site]:
    """"The base", "the same position", "its perimeter", "the town": the last place of that kind
    named before, within the last paragraphs (the words as written, the place's position)."""
    found = _SITE_ANAPHOR.search(facts.text, clause.start, clause.end)
    if not found:
        return []
    noun = found.group("noun").lower()
    kinds = (("populated_place",) if noun in ("town", "city", "village")
             else ("airport", "installation") if noun not in ("perimeter", "site", "position", "area")
             else ("installation", "airport", "populated_place"))
    earlier = [m for m in facts.places.within(max(0, clause.start - ANTECEDENT_REACH), clause.start)
               if m.entry is not None and not facts.no_site.overlaps(m.start, m.end) and (
                   m.entry.kind in kinds or (m.entry.kind == "populated_place" and _HOSTS_SITE.search(
                       facts.text, max(0, m.start - 60), m.start)))]
    if not earlier:
        return []
    place = earlier[-1]
    precision = place.geo_precision if noun not in ("perimeter", "area") else max(place.geo_precision or 1, 2)
    return [Site(place, found.group(0), found.start(), found.end(), precision)]


def _standing(trigger: Trigger, sites: list[Site], dates: list[DateExpression],
              lexicon: EventLexicon, text: str, clause: Clause) -> str | None:
    """Whether a mention can start an event (FULL), only add to one (PARTIAL), or is none.
    A handover needs a site (and a transfer of territory, not of prisoners); an attack a
    site or a date of its own; other incidents a date. Forces withdrawing from a town
    transfer it. An attack with neither, or a reference back ("the attack", "the shelling",
    even with a place: "called the shelling a violation ... in <capital>"), only adds what it
    states to the occurrence it belongs to. A summary ("attacks across the country",
    "the deadliest attack since 2015") without a site finer than a province or a day of its
    own is no mention at all: its dates and numbers are the summary's."""
    if trigger.category == "handover":
        territorial = any(s.mention.entry and s.mention.entry.kind in ("installation", "airport") for s in sites)
        territorial = territorial or (trigger.kind == "withdrawal" and any(
            s.mention.entry and s.mention.entry.kind in ("populated_place", "admin2") for s in sites))
        territory = lexicon.cue("territory", text, clause.start, clause.end)
        if sites and (territorial or territory):
            return FULL
        return PARTIAL if territory and not sites else None  # "handed an air base over": the site comes later
    if trigger.category == "attack":
        definite = bool(_DEFINITE.search(text, max(clause.start, trigger.start - 40), trigger.start))
        broad = all(_broad(s) for s in sites)
        day = any(d.time_precision == 1 for d in dates)
        if broad and not day and lexicon.cue("summary", text, clause.start, clause.end):
            return None  # its dates and numbers are the summary's, not those of any one occurrence
        return FULL if sites or (dates and not definite) else PARTIAL
    if trigger.kind in ("capture", "regain"):  # a place changes hands: "took Zaranj", "seized the town of X"
        takes_site = bool(sites) and bool(_SITE_ANAPHOR.match(text, trigger.end + 1))  # "taken over the compound"
        return FULL if takes_site or any(_taken(text, trigger, s) for s in sites) else None
    return FULL if dates else None


def _taken(text: str, trigger: Trigger, site: Site) -> bool:
    """The place is what was taken: right after the verb ("took Zaranj", "seized the town of X"),
    or after a verb whose object is territory ("captured three provincial capitals in X")."""
    if site.start < trigger.end:
        return False
    gap = text[trigger.end:site.start]
    if _TAKEN_GAP.fullmatch(gap):
        return True
    return bool(_TERRITORY_OBJECT.search(trigger.text))


def _broad(site: Site) -> bool:
    entry = site.mention.entry
    return entry is None or entry.kind in ("admin1", "country", "region", "continent")


def _date_for(site: Site | None, dates: list[DateExpression], trigger: Trigger) -> DateExpression | None:
    """With one date, every site shares it; with several ("in Iraq in December
    2017 and in Syria in March 2019"), each site takes the first date after it,
    else the nearest before; an unlocated event takes the date nearest its trigger."""
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    anchor = site.end if site else trigger.end
    after = [d for d in dates if d.start >= anchor]
    chosen = after[0] if site and after else min(dates, key=lambda d: min(abs(d.start - anchor), abs(d.end - trigger.start)))
    inside = [d for d in dates if chosen.date_start <= d.date_start and d.date_end <= chosen.date_end and d.days < chosen.days]
    return min(inside, key=lambda d: d.days) if inside else chosen  # "in December ... last year": December


def _event(facts: ArticleFacts, sentence: Sentence, trigger: Trigger, acled, site: Site | None,
           date: DateExpression | None, actor1: str | None, actor2: str | None, fatalities: int | None) -> Event:
    return Event(
        article_id=facts.article.id,
        category=trigger.category,
        event_type=acled.event_type,
        sub_event_type=acled.sub_event_type,
        sentence=sentence.text,
        start_char=sentence.start,
        end_char=sentence.end,
        trigger=trigger.text,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        **_site_fields(site),
        **_date_fields(date),
    )


def _site_fields(site: Site | None) -> dict:
    """The Event fields of the site; none (the Event's defaults) for an unlocated event."""
    if site is None:
        return {}
    fields = {"location": site.text, "place_text": site.text, "place_start": site.start, "place_end": site.end,
              "place_confidence": round(site.mention.confidence, 3), "candidates": tuple(site.mention.candidates)}
    entry = site.mention.entry
    if entry is not None:
        fields.update(location=entry.name, latitude=entry.latitude, longitude=entry.longitude,
                      geo_precision=site.precision, country=entry.country, admin1=entry.admin1,
                      location_kind=entry.kind)
    return fields


def _date_fields(date: DateExpression | None) -> dict:
    if date is None:
        return {}
    return {"date_start": date.date_start, "date_end": date.date_end, "event_date": date.event_date,
            "time_precision": date.time_precision, "date_text": date.text, "date_text_start": date.start,
            "date_text_end": date.end}


def _described(event: Event, kind: str) -> Event:
    """A one-line description in the manner of ACLED's notes column, kept after any note
    already made (such as why the event is dated by its report)."""
    where = f" at {event.place_text}" if event.place_text else " (location not stated)"
    when = f" ({event.date_text})" if event.date_text else ""
    who = f"{event.actor1}: " if event.actor1 else ""
    summary = f"{who}{kind.replace('_', ' ')}{where}{when}. {event.sentence}"
    summary = summary if len(summary) <= NOTES_LIMIT else summary[: NOTES_LIMIT - 1].rstrip() + "…"
    return replace(event, notes=f"{summary} [{event.notes}]" if event.notes else summary)


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per (category, site, period): a later sentence restating an
    event adds nothing; identical keys would collide in the store."""
    kept: list[Event] = []
    seen_keys: set[str] = set()
    for event in events:
        if event.key in seen_keys or any(_same_event(event, other) for other in kept):
            continue
        seen_keys.add(event.key)
        kept.append(event)
    return kept


def _same_event(one: Event, other: Event) -> bool:
    if one.category != other.category or one.sub_event_type != other.sub_event_type:
        return False
    if (one.latitude, one.longitude, one.location) != (other.latitude, other.longitude, other.location):
        return False
    if one.location is None:
        return one.date_start == other.date_start and one.date_end == other.date_end and one.date_start is not None
    if one.date_start is None or other.date_start is None:
        return True
    return one.date_start <= other.date_end and other.date_start <= one.date_end
