"""Events from one article's text, given everything found in it (places,
dates, actors): the clause-level logic between the trigger patterns and the
``Event`` records. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from geo.events.coreference import (
    antecedent,
    dateline_site,
    described_sites,
    names_here,
    previous_date,
    refers_to_earlier_date,
    since_anchor,
)
from geo.events.dates import DateExpression
from geo.events.facts import FOREIGN_TOWN, ArticleFacts
from geo.events.fatalities import fatalities_in
from geo.events.frames import EventMention, add_described_site, date_before, frames, merge, site_unlocated
from geo.events.numbers import NUMBER, parse_number
from geo.events.roles import assign_roles, credit_claims
from geo.events.sentences import Clause, Sentence, clauses, split_sentences
from geo.events.sites import Site, select_sites, widen_precision
from geo.events.standing import PARTIAL, SUBJECT_GAP, refers_back, standing, takes_subject, too_vague
from geo.events.triggers import CATEGORY_PRIORITY, Trigger
from geo.model import Article, Event

VIOLENT_AGAINST_PEOPLE = ("storming", "attack", "ambush", "assassination", "abduction", "killing")
# Kinds whose place must be introduced by "in/at/near": a statement is not "at"
# every place it mentions.
STRICT_SITE_KINDS = ("statement", "ceremony", "operation", "declared")
# "officials said on Tuesday", "in a statement issued late on Tuesday": the day of the report,
# not of the attack or handover it reports.
_REPORTED_ON = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|added|told\s+(?:reporters|journalists|[A-Z][\w-]+)|"
    r"statement(?:\s+(?:issued|released|published|posted|sent))?|briefing|press\s+conference|"
    r"(?:rose|risen|climbed|jumped|increased|reached)\s+to\s+(?:at\s+least\s+)?[\d,]+)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:comparisons?\s+with|compared\s+(?:with|to)|similar\s+to|reminiscent\s+of|"
                       r"recall(?:ed|s|ing)|echo(?:ed|es|ing)|brought\s+back\s+memories\s+of|revives?\s+memories\s+of|"
                       r"worst\s+since|deadliest\s+since)\b", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:which|where|who|whose)\b[^,;.]*$")
# "take back ground they lost three years ago": a clause of its own, with no "which" before it
_ZERO_RELATIVE = re.compile(r"\b(?-i:[a-z])[\w-]+\s+(?:they|it|he|she|we)\s+(?:had\s+)?(?:lost|took|seized|captured|held|won|"
                            r"built|gained|abandoned)\s+(?:[^,;.]*\s)?$", re.IGNORECASE)
_SPEAKERS_DAY = re.compile(r"(?:today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today)",
                           re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,;]*,")
# "given up ... since the Security Council voted in June": June dates the vote
_SINCE_CLAUSE = re.compile(r"\b(?:since|after|before)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?-i:[a-z])[\w-]*ed\b[^,;.]*$",
                           re.IGNORECASE)
_ALSO = re.compile(r"\balso\s+$", re.IGNORECASE)
_SEVERAL = re.compile(r"\b(?P<n>two|three|four|five|six|several|\d+)\s+(?:more\s+|other\s+|of\s+its\s+)?"
                      r"(?:[\w-]+\s+)?(?:bases|camps|towns|cities|villages|positions|outposts|sites|capitals|districts|"
                      r"facilities|posts)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\s*(?:after|when|as|while|before|once)\s+(?:it|they|he|she|the\s+\w+|an?\s+\w+)\b", re.IGNORECASE)
_MORE_PLACES = re.compile(r"and\s+(?:also\s+)?(?:in|at|near|on)\s", re.IGNORECASE)
_PASSIVE_TARGET = re.compile(
    r"(?:\s+(?-i:[a-z])[\w-]*){0,3}\s+(?:had\s+|has\s+|have\s+)?(?:came|come|comes|was|were|been|is|are)"
    r"(?:\s+(?:also|again|repeatedly|briefly))?\s+(?:under\s+(?:heavy\s+)?(?:attack|fire|shelling)|hit|struck|targeted|"
    r"attacked|shelled|bombed)", re.IGNORECASE)
_DAYS_AFTER = re.compile(rf"\s*(?P<n>{NUMBER}|a|an|one)\s+(?P<unit>days?|weeks?)\s+after\b", re.IGNORECASE)
_CAME_AFTER = re.compile(rf"\b(?:came|comes|follow(?:ed|s))\s+(?:just\s+|only\s+|barely\s+)?(?P<n>{NUMBER}|a|an)\s+"
                         r"(?P<unit>days?|weeks?)\s+after\b", re.IGNORECASE)
_MILITARY_SUBJECT = re.compile(r"\b(?:troops|soldiers|forces|peacekeepers|personnel|contingent|battalions?|units|"
                               r"brigades?|garrison|mission|fighters|militants|rebels|army|marines|convoy)\b", re.IGNORECASE)
_CIVILIAN_SUBJECT = re.compile(r"\b(?:minister|president|envoy|delegation|ambassador|diplomats?|officials?|leader|"
                               r"secretary|chief|king|pope|journalists?|residents|families|civilians|refugees)\b",
                               re.IGNORECASE)
ARMED_ACTOR_KINDS = ("state", "coalition", "rebel", "militia", "external", "unidentified")
_STRUCK = re.compile(r"\s+(?:had\s+|have\s+|has\s+|then\s+|also\s+)?(?P<verb>struck|hit)\s+(?:the|a|an|two|three|several)\b")
_WHEN = re.compile(r",?\s+when\b")
NOTES_LIMIT = 240


def events_from_facts(facts: ArticleFacts) -> list[Event]:
    """Event mentions clause by clause, then frames: the mentions of one occurrence
    merged into one event (``geo.events.frames``)."""
    mentions: list[EventMention] = []
    claims: list[tuple[int, int]] = []
    title_paragraph = _title_paragraph(facts.article)
    claim_pattern = facts.lexicon.cues["claim"]
    descriptions: list[tuple[Sentence, Site]] = []
    for sentence in split_sentences(facts.text):
        if sentence.paragraph == title_paragraph:
            continue
        found = _sentence_mentions(facts, sentence)
        mentions.extend(found)
        if not found:
            descriptions += [(sentence, site) for site in described_sites(facts, sentence)]
        claim = claim_pattern.search(facts.text, sentence.start, sentence.end)
        if claim:
            claims.append((sentence.start, claim.start()))
    groups = frames(mentions)
    for sentence, site in descriptions:
        add_described_site(groups, _site_mention(facts, sentence, site))
    merged = date_before(site_unlocated([merge(group, facts.article.published) for group in groups], groups), groups)
    events = [_described(event, group[0].kind) for event, group in zip(merged, groups)]
    events = [e for e in events if not too_vague(e)]
    events = credit_claims(events, facts.text, claims, list(facts.actors.items))
    return _deduplicate(events)


def _title_paragraph(article: Article) -> int | None:
    """The headline repeats the lead's events without their details: skip it."""
    first_line = article.text.lstrip().split("\n", 1)[0].strip()
    title = " ".join(article.title.split())
    return 0 if title and " ".join(first_line.split()) == title else None


def _sentence_mentions(facts: ArticleFacts, sentence: Sentence) -> list[EventMention]:
    """Clause by clause; "struck homes in X, where ..., and in Y, where ...": a clause that only adds
    places ("and in Y") gives the previous clause's event another site."""
    found: list[EventMention] = []
    previous: list[EventMention] = []
    for clause in clauses(sentence):
        own = _clause_mentions(facts, sentence, clause)
        if not own and previous and _MORE_PLACES.match(facts.text, clause.start):
            trigger = _trigger_of(previous[-1])
            own = [m for m in _trigger_mentions(facts, sentence, clause, trigger) if m.event.located]
        found.extend(own)
        previous = own or previous
    return found


def _trigger_of(mention: EventMention) -> Trigger:
    event = mention.event
    return Trigger(mention.kind, event.category, event.trigger_start, event.trigger_end, event.trigger, 0)


def _clause_mentions(facts: ArticleFacts, sentence: Sentence, clause: Clause) -> list[EventMention]:
    """Events of the clause's first usable category (attack, then handover, then
    other): a voided attack ("they will step up their attacks") lets a dated
    statement in the same clause through. After a handover, a capture in the same clause
    counts too ("pulled out of the camp, and rebels said they had taken it over")."""
    text, lexicon = facts.text, facts.lexicon
    triggers = lexicon.triggers(text, clause.start, clause.end) or _armed_actor_struck(facts, clause)
    # "seized Taloqan, ..., which they had besieged for weeks": the relative clause is background
    triggers = [t for t in triggers if not any(
        other.end <= t.start and _RELATIVE.search(text, other.end, t.start) for other in triggers)]
    found: list[EventMention] = []
    for category in sorted({t.category for t in triggers}, key=lambda c: CATEGORY_PRIORITY[c]):
        group = [t for t in triggers if t.category == category]
        best = min(group, key=lambda t: t.rank)
        if lexicon.not_actual(text, clause.start, group[0]) or lexicon.not_actual(text, clause.start, best):
            continue
        mentions = _trigger_mentions(facts, sentence, clause, best)
        if mentions:
            found.extend(mentions)
            # a handover clause may also say who took the place over; a reference back to an attack
            # ("a staging post for the assault on the Donbas") leaves the clause's own event to come
            if category != "handover" and not all(m.partial for m in mentions):
                break
    return found


def _forces_leave(facts: ArticleFacts, clause: Clause, trigger: Trigger, sites: list[Site]) -> bool:
    """Who leaves a town: forces, for a withdrawal (a base left is one whoever says so)."""
    if any(s.mention.entry is not None and s.mention.entry.kind in ("installation", "airport") for s in sites):
        return True
    if _MILITARY_SUBJECT.search(facts.text, clause.start, trigger.end):
        return True
    return any(a.kind in ARMED_ACTOR_KINDS for a in facts.actors.within(clause.start, trigger.start)) or \
        not any(a.end <= trigger.start for a in facts.actors.within(clause.start, trigger.start)) and \
        not _CIVILIAN_SUBJECT.search(facts.text, clause.start, trigger.start)


def _armed_actor_struck(facts: ArticleFacts, clause: Clause) -> list[Trigger]:
    """"the Houthis struck the cargo ship Rubymar", "Hezbollah hit an army post": an armed group or
    force named right before "struck" or "hit" (the trigger table only knows generic subjects)."""
    for actor in facts.actors.within(clause.start, clause.end):
        if actor.kind in ARMED_ACTOR_KINDS:
            verb = _STRUCK.match(facts.text, actor.end, clause.end)
            if verb:
                return [Trigger("attack", "attack", verb.start("verb"), verb.end("verb"), verb["verb"], len(facts.lexicon.rules))]
    return []


def _trigger_mentions(facts: ArticleFacts, sentence: Sentence, clause: Clause, best: Trigger) -> list[EventMention]:
    text, lexicon = facts.text, facts.lexicon
    quote = facts.quotes.containing(best.start, best.end)
    blocked = _blocker(facts, quote)
    sites = _sites(facts, clause, best, blocked)
    if not sites and clause.start > sentence.start and (
            _SUBORDINATE.match(text, clause.start) or ":" in text[clause.start - 2:clause.start]):
        # "the helicopter came down in rural Amalfi, after it was hit by a drone": the main clause's place;
        # "The same intersection was the scene of ..., when a truck blew up": what the main clause points to;
        # "The area around the Conoco field saw fierce battles: in 2018, ... beat back an assault": its place
        main = Clause(sentence.start, clause.start)
        if not facts.lexicon.triggers(text, main.start, main.end):
            sites = _sites(facts, main, best, blocked)
        else:
            sites = antecedent(facts, main)
    dates = [d for d in facts.dates.within(sentence.start, sentence.end) if not d.deadline
             and not _in_relative_clause(text, best, d)]
    if best.category == "attack":
        # "since Sunday" dates no attack; in "the worst since 8 October, when <event>", the day is <event>'s
        anchor = [since_anchor(d) for d in dates if d.since_end is not None and d.end <= clause.start
                  and _WHEN.match(text, d.end)] if _WHEN.match(text, clause.start - 2) else []
        # ... and the "when" clause's own days ("during Friday prayers") are <event>'s, not the summary's
        dates = anchor[-1:] or [d for d in dates if d.since_end is None
                                and not (d.start >= clause.end and _WHEN.search(text, clause.end, d.start))]
    reported = [d for d in dates if best.category in ("attack", "handover")
                and _REPORTED_ON.search(text, max(0, d.start - 60), d.start)]
    # "Our forces entered Wad Madani this morning," the army said: a quotation's "today" is the day it
    # was said, which the report may not give; such a date only joins an occurrence
    quoted_today = quote is not None and bool(dates) and all(_SPEAKERS_DAY.fullmatch(d.text) for d in dates)
    weak_date = (bool(reported) and len(reported) == len(dates)) or quoted_today
    dates = dates if weak_date else [d for d in dates if d not in reported]
    clause_dates = [d for d in dates if clause.start <= d.start and d.end <= clause.end]
    earlier = _days_after(text, clause, dates) if not clause_dates else None
    if earlier is not None:
        dates = clause_dates = [earlier]
    if not dates and refers_to_earlier_date(text, sentence):
        dates = [since_anchor(d) for d in previous_date(facts, sentence)]
    if best.kind == "withdrawal" and not _forces_leave(facts, clause, best, sites):
        return []  # "the foreign minister left N'Djamena after talks": a visit ending, not a withdrawal
    role = standing(best, sites, clause_dates or dates, lexicon, text, clause)
    if role is None:
        return []
    # "in response", "came days after"; "Troops also left X": another occurrence, not more of the last one
    responds = lexicon.cue("response", text, sentence.start, clause.end) or \
        _ALSO.search(text, max(clause.start, best.start - 12), best.start) is not None
    actors = [a for a in facts.actors.within(sentence.start, sentence.end)
              if facts.quotes.containing(a.start, a.end) in (None, quote)]
    civilians = best.category == "attack" and lexicon.cue("civilian_target", text, clause.start, clause.end)
    fatalities = fatalities_in(text, clause.start, clause.end) if best.category == "attack" else None
    state_actor = any(a.is_state for a in actors if a.end <= best.start)
    acled = lexicon.acled_type(best.kind, civilians=civilians and best.kind in VIOLENT_AGAINST_PEOPLE,
                               state_actor=state_actor)
    # a claim names its claimant; credit_claims gives it to the events
    claimed = role == PARTIAL and lexicon.cues["claim"].search(text, sentence.start, sentence.end) is not None
    events = []
    for site in sites or [None]:
        date = _date_for(text, site, clause_dates or dates, best)
        country = site.mention.entry.country if site and site.mention.entry else None
        actor1, actor2 = assign_roles(text, best.category, best.start, best.end, (clause.start, clause.end),
                                      (sentence.start, sentence.end), actors, civilians, country)
        if claimed:
            actor1 = actor2 = None
        event = _event(facts, sentence, best, acled, site, date, actor1, actor2, fatalities)
        events.append(EventMention(event, best.kind, partial=role == PARTIAL, responds=responds,
                                   weak_date=weak_date and event.date_start is not None,
                                   paragraph=sentence.paragraph,
                                   definite=best.category == "attack" and refers_back(text, clause, best),
                                   serves=_announced(text, clause) if role == PARTIAL else 1,
                                   days_before=_days_before(text, sentence.start, best.start)
                                   if event.date_start is None else 0))
    return events


def _days_after(text: str, clause: Clause, dates: list[DateExpression]) -> DateExpression | None:
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


def _days_before(text: str, start: int, trigger_start: int) -> int:
    """"The attack came two days after a missile hit ...": how many days before the occurrence just
    reported this one happened (0 when the text does not say)."""
    found = _CAME_AFTER.search(text, start, trigger_start)
    if not found:
        return 0
    count = 1 if found["n"].lower() in ("a", "an") else parse_number(found["n"])
    return (count or 0) * (7 if found["unit"].lower().startswith("week") else 1)


def _announced(text: str, clause: Clause) -> int:
    """How many places a lead announces: "handed two more bases", "captured three towns"."""
    found = _SEVERAL.search(text, clause.start, clause.end)
    if not found:
        return 1
    number = parse_number(found.group("n"))  # "several": 3
    return number if number is not None and number < 20 else 1


def _stray(facts: ArticleFacts, site: Site) -> bool:
    """A town in a country nothing else in the article points to ("Saida" in a report from Jammu
    resolved to Algeria's Saïda) is a misreading, not a site: two other places name other countries,
    or the text names countries but never this one."""
    entry = site.mention.entry
    if entry is None or entry.kind != "populated_place" or not entry.country_code or entry.population >= FOREIGN_TOWN:
        return False
    if entry.country in facts.actor_countries:
        return False
    # the site's own mention is one of the article's places: the others are all but that one
    others = facts.place_countries.total() - 1
    return (others >= 2 and facts.place_countries[entry.country_code] == 1) or facts.foreign(entry)


def _in_aside(text: str, clause: Clause, site: Site, trigger: Trigger) -> bool:
    """"Zahedi, who had led the Quds Force's operations in Syria and Lebanon, was killed": a place
    inside a relative clause set off by commas before the trigger describes the subject."""
    if site.end > trigger.start:
        return False
    return any(aside.start() < site.start and site.end <= aside.end() <= trigger.start
               for aside in _ASIDE.finditer(text, clause.start, trigger.start))


def _in_relative_clause(text: str, trigger: Trigger, date: DateExpression) -> bool:
    """"pulled back from Hodeidah, which lies in a zone set up in 2018": 2018 dates the zone."""
    if date.start <= trigger.end:
        return False
    return _RELATIVE.search(text, trigger.end, date.start) is not None or \
        _ZERO_RELATIVE.search(text, trigger.end, date.start) is not None or \
        _SINCE_CLAUSE.search(text, trigger.end, date.start) is not None


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
    places = facts.places.within(clause.start, clause.end)
    strays = [m for m in places if _stray(facts, Site.named(m))]
    # a namesake abroad is no site, and no container either: "a market in Maiwut, South Sudan", Maiwut
    # known only abroad, is in South Sudan
    sites = select_sites(text, [m for m in places if m not in strays], clause.start, clause.end,
                         category=trigger.category,
                         site_context=lexicon.cue("territory", text, clause.start, clause.end),
                         blocked=blocked, from_is_site=trigger.category == "handover" or trigger.kind == "abduction",
                         strict=trigger.kind in STRICT_SITE_KINDS)
    if trigger.category == "handover":
        sites = [s for s in sites if s.mention.entry is None or s.mention.entry.kind != "country"]
    if trigger.kind == "declared":  # "declared Mosul, the group's largest stronghold, liberated": its object
        sites = [Site.named(m) for m in facts.places.within(trigger.start, trigger.end)
                 if m.entry is not None and not blocked(m.start, m.end)][:1] or sites
    if takes_subject(trigger):
        sites = _subject_site(facts, clause, trigger, blocked) or sites
    if not sites and trigger.category == "attack":
        sites = _target_subject(facts, clause, trigger, blocked)
    sites = [s for s in sites if not _stray(facts, s) and not _in_aside(text, clause, s, trigger)]
    # "the killing in Hroza drew comparisons with the strike on ... in Kramatorsk": Hroza is the other event's
    sites = [s for s in sites if not (s.end <= trigger.start and _COMPARED.search(text, s.end, trigger.start))]
    if all(s.mention.entry is None or s.mention.entry.kind in ("country", "admin1", "region") for s in sites) \
            and names_here(text, clause):
        sites = dateline_site(facts) or sites
    if not sites or all(s.mention.entry is not None and s.mention.entry.kind in ("country", "admin1", "region")
                        for s in sites):
        # "dig a trench around the town in north-central Burkina Faso": the town named before is finer
        sites = antecedent(facts, clause) or sites
    return [widen_precision(s, lexicon.cue("near", text, max(clause.start, s.start - 160), s.start), text) for s in sites]


def _subject_site(facts: ArticleFacts, clause: Clause, trigger: Trigger, blocked) -> list[Site]:
    """"Izium fell to Russian forces", "Kupiansk was handed to Russian troops": the town the
    sentence opens with is the place taken, with no "in" or "at" before it."""
    before = [m for m in facts.places.within(clause.start, trigger.start)
              if m.entry is not None and m.entry.kind not in ("country", "region", "continent")]
    if not before or blocked(before[-1].start, before[-1].end) or \
            not SUBJECT_GAP.fullmatch(facts.text, before[-1].end, trigger.start):
        return []
    return [Site.named(before[-1])]


def _target_subject(facts: ArticleFacts, clause: Clause, trigger: Trigger, blocked) -> list[Site]:
    """"The same Jeddah depot had come under attack", "Erbil airport was hit": the place named in the
    subject of a passive attack verb."""
    before = [m for m in facts.places.within(clause.start, trigger.start)
              if m.entry is not None and m.entry.kind not in ("country", "region", "continent")]
    if not before or blocked(before[-1].start, before[-1].end) or \
            not _PASSIVE_TARGET.fullmatch(facts.text, before[-1].end, trigger.end):
        return []
    return [Site.named(before[-1])]


def _date_for(text: str, site: Site | None, dates: list[DateExpression], trigger: Trigger) -> DateExpression | None:
    """With one date, every site shares it; with several ("in Mali in June
    2021 and in Niger in May 2023"), each site takes the first date after it,
    else the nearest before; an unlocated event takes the date nearest its trigger."""
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    # "the death toll from Saturday's Russian missile strike": the day that names the event
    named = [d for d in dates if text[d.end:d.end + 2] in ("'s", "’s") and 0 <= trigger.start - d.end <= 40]
    if named:
        return named[-1]
    anchor = site.end if site else trigger.end
    after = [d for d in dates if d.start >= anchor]
    chosen = after[0] if site and after else min(dates, key=lambda d: min(abs(d.start - anchor), abs(d.end - trigger.start)))
    inside = [d for d in dates if chosen.date_start <= d.date_start and d.date_end <= chosen.date_end and d.days < chosen.days]
    if inside:
        return min(inside, key=lambda d: d.days)  # "in December ... last year": December
    if chosen.days > 31:  # "left Mali on Monday, ... a mission that began almost ten years ago": Monday
        days = [d for d in dates if d.days <= 7]
        if days:
            return min(days, key=lambda d: abs(d.start - trigger.end))
    return chosen


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


def _site_mention(facts: ArticleFacts, sentence: Sentence, site: Site) -> EventMention:
    """A sentence that only names a site, as a partial mention (its category is the occurrence's)."""
    event = Event(article_id=facts.article.id, category="other", event_type="", sub_event_type="",
                  sentence=sentence.text, start_char=sentence.start, end_char=sentence.end, **_site_fields(site))
    return EventMention(event, "site", partial=True, paragraph=sentence.paragraph)


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
