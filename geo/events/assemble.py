"""Events from one article's text, given everything found in it (places,
dates, actors): the clause-level logic between the trigger patterns and the
``Event`` records. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re
from dataclasses import replace

from geo.events.clause_dates import (
    REPORTED_AFTER,
    REPORTED_ON,
    RELATIVE,
    SPEAKERS_DAY,
    WHEN,
    date_for,
    days_after,
    days_before,
    in_after_clause,
    in_relative_clause,
    when_clause_dates,
    without_rituals,
)
from geo.events.clause_sites import ARMED_ACTOR_KINDS, clause_sites, forces_leave, site_blocker
from geo.events.actors import ARMED_NON_STATE, STATE_TYPES
from geo.events.described_sites import apposed_sites, close_landmarks, described_sites
from geo.events.coreference import (antecedent, day_dates, previous_date, refers_to_earlier_date,
                                    since_anchor)
from geo.events.dates import DateExpression
from geo.events.facts import ArticleFacts
from geo.events.fatalities import fatalities_in
from geo.events.frames import (EventMention, add_described_site, date_before, date_siblings, frames, merge,
                               site_unlocated)
from geo.events.local_story import site_at_dateline, site_at_paragraph_topic
from geo.events.numbers import parse_number
from geo.events.roles import assign_roles, credit_claims
from geo.events.sentences import Clause, Sentence, clauses, split_sentences
from geo.events.site_points import site_fields
from geo.events.sites import Site
from geo.events.standing import FULL, PARTIAL, refers_back, standing, too_vague
from geo.events.territory import (as_capture, as_raid, clause_priority, with_fights_that_took_towns,
                                  without_capture_withdrawals, without_raiders_retreat)
from geo.events.triggers import Trigger
from geo.model import Article, Event

VIOLENT_AGAINST_PEOPLE = ("storming", "attack", "ambush", "assassination", "abduction", "killing")
_ALSO = re.compile(r"\balso\s+$", re.IGNORECASE)
# "Also on Tuesday, rockets struck Latakia", "Separately, ...", "Elsewhere, ...": another occurrence
_SEPARATELY = re.compile(r"[\"“]?(?:Also\s+(?:on|late|early|overnight|that|on\s+the\s+same)\b|Also,|Separately\b|Elsewhere\b|"
                         r"In\s+a\s+separate\s+(?:incident|attack|development)\b)")
_DAYS_TOLL = re.compile(r"['’]s\s+(?:death\s+)?toll\b", re.IGNORECASE)
# "Gunmen killed seven people in Jaffa, moments before Iran fired a barrage of missiles": one before the other
_SEQUENCED = re.compile(r"(?:moments|shortly|minutes|hours|days|weeks|just|soon)\s+(?:before|after)\b", re.IGNORECASE)
_SEVERAL = re.compile(r"\b(?P<n>two|three|four|five|six|several|\d+)\s+(?:more\s+|other\s+|of\s+its\s+)?"
                      r"(?:[\w-]+\s+)?(?:bases|camps|towns|cities|villages|positions|outposts|sites|capitals|districts|"
                      r"facilities|posts)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\s*(?:(?:after|when|as|while|before|once)\s+(?:it|they|he|she|the\s+\w+|an?\s+\w+)\b|"
                          r"and\s+(?:then\s+)?(?-i:[a-z]+ed)\b)", re.IGNORECASE)  # "..., and opened fire": the same subject
_MORE_PLACES = re.compile(r"and\s+(?:also\s+)?(?:in|at|near|on)\s", re.IGNORECASE)
_STRUCK = re.compile(r"\s+(?:had\s+|have\s+|has\s+|then\s+|also\s+)?(?P<verb>struck|hit)\s+(?:the|a|an|two|three|several)\b")
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
        if all(m.partial for m in found):  # ("... the warplanes that carried out Tuesday's attack": told before)
            descriptions += [(sentence, site) for site in described_sites(facts, sentence) or apposed_sites(facts, sentence)]
        claim = claim_pattern.search(facts.text, sentence.start, sentence.end)
        if claim:
            claims.append((sentence.start, claim.start()))
    groups = frames(mentions)
    for sentence, site in descriptions:
        add_described_site(groups, _site_mention(facts, sentence, site))
    merged = [merge(group, facts.article.published) for group in groups]
    merged = date_siblings(date_before(site_unlocated(merged, groups), groups), groups)
    merged = site_at_dateline(site_at_paragraph_topic(merged, groups, facts), groups, facts)
    merged, groups = without_capture_withdrawals(merged, groups)
    merged, groups = with_fights_that_took_towns(merged, groups, facts.article.published)
    merged, groups = without_raiders_retreat(merged, groups)
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
        elif not own and previous:
            found = _with_later_toll(found, previous, fatalities_in(facts.text, clause.start, clause.end))
            previous = [m for m in found if any(m.event.start_char == p.event.start_char and
                                                m.event.trigger_start == p.event.trigger_start for p in previous)]
        found.extend(own)
        previous = own or previous
    return found


def _with_later_toll(found: list[EventMention], previous: list[EventMention], toll: int | None) -> list[EventMention]:
    """"ended a siege at a hotel, after fighters blasted their way in ..., leaving three soldiers dead":
    a toll in a later clause with no trigger of its own is the previous clause's attack's."""
    if toll is None:
        return found
    keys = {(m.event.start_char, m.event.trigger_start) for m in previous
            if m.event.category == "attack" and m.event.fatalities is None}
    return [replace(m, event=replace(m.event, fatalities=toll))
            if (m.event.start_char, m.event.trigger_start) in keys else m for m in found]


def _trigger_of(mention: EventMention) -> Trigger:
    event = mention.event
    return Trigger(mention.kind, event.category, event.trigger_start, event.trigger_end, event.trigger, 0)


def _without_relative_clauses(text: str, clause: Clause, triggers: list[Trigger]) -> tuple[list[Trigger], Clause]:
    """"... whom it blamed for a rocket that killed 12 children in the Golan Heights": a relative clause
    about a person is another event's, with its places and toll, so the clause ends where it begins
    (", where 12 children were killed" is the same event's toll). Otherwise "seized Taloqan, ..., which
    they had besieged for weeks": a trigger in a relative clause is background."""
    relatives = [found.start() for t in triggers for other in triggers if other.end <= t.start and t.kind != "killing"
                 for found in [_PERSON_RELATIVE.search(text, other.end, t.start)] if found]
    if relatives:
        return [t for t in triggers if t.end <= min(relatives)], Clause(clause.start, min(relatives))
    return [t for t in triggers if not any(other.end <= t.start and RELATIVE.search(text, other.end, t.start)
                                          for other in triggers)], clause


def _clause_mentions(facts: ArticleFacts, sentence: Sentence, clause: Clause) -> list[EventMention]:
    """Events of the clause's first usable category (attack, then handover, then
    other): a voided attack ("they will step up their attacks") lets a dated
    statement in the same clause through. After a handover, a capture in the same clause
    counts too ("pulled out of the camp, and rebels said they had taken it over")."""
    text, lexicon = facts.text, facts.lexicon
    triggers = lexicon.triggers(text, clause.start, clause.end) or _armed_actor_struck(facts, clause)
    triggers, clause = _without_relative_clauses(text, clause, triggers)
    triggers = [as_capture(text, clause, as_raid(text, clause, t)) for t in triggers
                if not (t.category == "attack" and _SUPPORT.search(text, max(clause.start, t.start - 40), t.start))]
    found: list[EventMention] = []
    for category in sorted({t.category for t in triggers}, key=lambda c: clause_priority(text, triggers, c)):
        group = [t for t in triggers if t.category == category]
        voided = [t for t in group if lexicon.not_actual(text, clause.start, t) or _unreal_participle(text, clause, t)]
        if voided and voided[0] is group[0]:
            # "fired a wave of cruise missiles ..., and one of them ripped through a building": a later
            # trigger with no such word of its own since the voided one still states an occurrence
            group = [t for t in group[1:] if not lexicon.not_actual(text, group[0].end, t)
                     and not _SAME_VOID.search(text, group[0].end, t.start)]
            if not group:
                continue
        # "stormed the town ..., raising fears of a repeat of the Chibok kidnapping": a voided later
        # trigger is no reason to drop the clause's occurrence
        group = [t for t in group if not any(t is v for v in voided)]
        if not group:
            continue
        best = min(group, key=lambda t: t.rank)
        # "closed its first base ..., and its camp at Ménaka is due to be handed over": the places of
        # the voided conjunct are not the first one's
        cut = min((m.start() for v in voided if v.start > best.end
                   for m in [_CONJUNCT.search(text, best.end, v.start)] if m), default=clause.end)
        # "had taken Tarhuna, ..., sealing the collapse of his campaign to seize the capital": what the
        # voided verb names is not the first verb's
        purpose = _PURPOSE.search(text, best.end, cut)
        cut = min([cut, *(v.start for v in voided if v.start > best.end), *([purpose.start()] if purpose else [])])
        # "handed over their base at Faya-Largeau on December 26, and are due to leave their sites in Abeche"
        future = _FUTURE_CONJUNCT.search(text, best.end, cut)
        cut = future.start() if future else cut
        clause = Clause(clause.start, cut)
        mentions = _trigger_mentions(facts, sentence, clause, best)
        if not mentions or all(m.partial for m in mentions):
            # "... seized a packed express train ..., announcing that the siege was over": "the siege"
            # only refers back; "were killed when ..., giving the toll from one of the deadliest attacks":
            # "attacks" ranks the event; another trigger of the clause may still state the occurrence itself
            for other in sorted((t for t in group if t is not best), key=lambda t: t.rank):
                full = _trigger_mentions(facts, sentence, clause, other)
                if full and not all(m.partial for m in full):
                    # "Aliyev announced its capture on November 8": the statement, and the day of the capture
                    mentions = (mentions if best.kind in ("capture", "regain") else []) + full
                    break
                mentions = mentions or full
        if mentions:
            found.extend(mentions)
            # a handover clause may also say who took the place over; a reference back to an attack
            # ("a staging post for the assault on the Donbas") leaves the clause's own event to come
            if category != "handover" and not all(m.partial for m in mentions):
                break
    return found


# "The town fell on Wednesday after a final assault": the attack is how the town was taken
_SINCE_THE = re.compile(r"\b(?:since|after|before|during)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_PERSON_RELATIVE = re.compile(r",\s+(?:who|whom|whose)\b[^,;.]*$")
_BEFORE_NEXT = re.compile(r",?\s*before\s+(?!being\b)", re.IGNORECASE)
# "troops backed by Russian air strikes broke through": the strikes only say how the troops advanced
_SUPPORT = re.compile(r"\b(?:backed|supported|aided|helped|covered)\s+by\s+(?:[\w'’-]+\s+){0,3}?$|"
                      r"\b(?:with|under)\s+(?:the\s+)?(?:support|cover|help)\s+of\s+(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
_WHO_HAD = re.compile(r"\bwho\s+(?:had\s+|have\s+|has\s+)?(?:just\s+|already\s+)?$", re.IGNORECASE)
_IN_RETALIATION_FOR = re.compile(r",?\s*in\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to)\b", re.IGNORECASE)
# ("Fourteen minutes later another drone struck a field near Baadre": the day of the strike just told)
_SAME_NIGHT = re.compile(r"\b(?:on|during|in)\s+(?:the|that)\s+same\s+(?:day|night|morning|afternoon|evening)\b|"
                         r"\b(?:minutes|an\s+hour|moments)\s+later\b", re.IGNORECASE)
_PURPOSE = re.compile(r"\b(?:campaign|offensive|bid|efforts?|attempts?|push|drive|quest)\s+to\s+(?!the\b)[a-z]+\b")
_CONJUNCT = re.compile(r",\s+(?:and|but|while)\s+", re.IGNORECASE)
_FUTURE_CONJUNCT = re.compile(r",?\s+(?:and|but|while)\s+(?:[\w'’-]+\s+){0,2}?(?:will|would|(?:is|are)\s+(?:due|expected|set|"
                              r"scheduled|planning|preparing)\s+to|plans?\s+to)\b", re.IGNORECASE)
_SAME_VOID = re.compile(r"\b(?:and|or)\s+(?:other\s+|[\w-]+ing\s+)?$|^\s*(?:and|or)\b|\b(?:will|would|could|might|may|plans?|threat\w*|"
                        r"including|such\s+as|as\s+well\s+as|notably|mostly|mainly|often|among\s+them)\b", re.IGNORECASE)


def _unreal_participle(text: str, clause: Clause, trigger: Trigger) -> bool:
    """"will complete the withdrawal by next year, handing its areas to Mozambican forces": a participle
    after a comma tells the outcome of the verb before it, as unreal as that verb is."""
    comma = text.rfind(", ", clause.start, trigger.start)
    return comma != -1 and comma + 2 == trigger.start and trigger.text.split(maxsplit=1)[0].lower().endswith("ing") \
        and _UNREAL.search(text, clause.start, comma) is not None


_UNREAL = re.compile(r"\b(?:will|would|could|might|should|(?:plans?|planning|due|expected|set|told|ordered|asked|"
                     r"going)\s+to)\b", re.IGNORECASE)


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
    blocked = site_blocker(facts, quote)
    sites = clause_sites(facts, clause, best, blocked)
    if not sites and clause.start > sentence.start and (
            _SUBORDINATE.match(text, clause.start) or ":" in text[clause.start - 2:clause.start]):
        # "the helicopter came down in rural Amalfi, after it was hit by a drone": the main clause's place;
        # "The same intersection was the scene of ..., when a truck blew up": what the main clause points to;
        # "The area around the Conoco field saw fierce battles: in 2018, ... beat back an assault": its place
        main = Clause(sentence.start, clause.start)
        if not facts.lexicon.triggers(text, main.start, main.end):
            sites = clause_sites(facts, main, best, blocked)
        else:
            sites = antecedent(facts, main)
    if not sites:  # "near the village of Aorema, about 15 kilometres from Ouahigouya": near the town
        sites = close_landmarks(facts, clause)[:1]
    if sites and all(s.mention.entry is not None and s.mention.entry.kind in ("admin1", "admin2") for s in sites):
        # "in Karma, a village in Yatenga province roughly 15 km from Ouahigouya": near the town, not the province
        closer = [s for s in apposed_sites(facts, sentence) if s.mention.entry is not None
                  and s.mention.entry.kind == "populated_place" and clause.start <= s.start < clause.end]
        sites = closer[:1] or sites
    # "overran the town in a night-time assault ..., before the army won it back on Saturday": that day is
    # the recapture's, after the assault
    later = clause.end if _BEFORE_NEXT.match(text, clause.end) else sentence.end
    stated = [d for d in facts.dates.within(sentence.start, sentence.end) if not d.deadline
              and d.start < later]
    # "Monday's toll is second only to the strikes on the Ras Isa terminal on April 17": Monday is the
    # day of the toll reported before, not of the strikes compared with it
    stated = [d for d in stated if not _DAYS_TOLL.match(text, d.end)] or stated
    dates = [d for d in stated if not in_relative_clause(text, best, d)] or \
        [d for d in stated if in_after_clause(text, best, d)]  # the after-clause's day, when it is the only one
    if _IN_RETALIATION_FOR.match(text, clause.start):
        # "struck the militia on Sunday ..., in retaliation for a rocket attack that killed a contractor":
        # the earlier attack has only the days of its own clause
        dates = [d for d in dates if clause.start <= d.start and d.end <= clause.end]
    if best.category == "attack":
        # "since Sunday" dates no attack; in "the worst since 8 October, when <event>", the day is <event>'s
        anchor = [since_anchor(d) for d in dates if d.since_end is not None and d.end <= clause.start
                  and WHEN.match(text, d.end)] if WHEN.match(text, clause.start - 2) else []
        # ... and the "when" clause's own days ("during Friday prayers") are <event>'s, not the summary's
        dates = anchor[-1:] or [d for d in dates if d.since_end is None
                                and not (d.start >= clause.end and WHEN.search(text, clause.end, d.start))]
    reported = [d for d in dates if (best.category in ("attack", "handover") or best.kind in ("capture", "regain"))
                and (REPORTED_ON.search(text, max(0, d.start - 60), d.start) or REPORTED_AFTER.match(text, d.end))]
    # "Our forces entered Wad Madani this morning," the army said: a quotation's "today" is the day it
    # was said, which the report may not give; such a date only joins an occurrence
    quoted_today = quote is not None and bool(dates) and all(SPEAKERS_DAY.fullmatch(d.text) for d in dates)
    weak_date = (bool(reported) and len(reported) == len(dates)) or quoted_today
    dates = dates if weak_date else [d for d in dates if d not in reported]
    clause_dates = without_rituals(text, [d for d in dates if clause.start <= d.start and d.end <= clause.end], dates)
    clause_dates, dates = when_clause_dates(text, clause, clause_dates, dates, stated)
    earlier = days_after(text, clause, dates) if not clause_dates else None
    if earlier is not None:
        dates = clause_dates = [earlier]
    if not dates and refers_to_earlier_date(text, sentence):
        dates = [since_anchor(d) for d in previous_date(facts, sentence)]
    elif not clause_dates and _SAME_NIGHT.search(text, clause.start, best.start):
        # "The Guards said that on the same night they had launched missiles at ...": the lead's day,
        # not a date another clause of the sentence gives
        dates = clause_dates = [d for d in day_dates(facts, 0, sentence.start)
                                if not REPORTED_ON.search(text, max(0, d.start - 60), d.start)][:1] or dates
    if best.kind == "withdrawal" and _WHO_HAD.search(text, max(clause.start, best.start - 20), best.start):
        return []  # "captured hundreds of cadets who had left nearby Camp Speicher": what the people did
    if best.kind == "withdrawal" and not forces_leave(facts, clause, best, sites):
        return []  # "the foreign minister left N'Djamena after talks": a visit ending, not a withdrawal
    role = standing(best, sites, clause_dates or dates, lexicon, text, clause)
    if role is None:
        return []
    if role == FULL and best.category in ("attack", "handover") and _SINCE_THE.search(
            text, max(clause.start, best.start - 30), best.start):
        role = PARTIAL  # "the first time since the handover", "sent to the town after the attack": told before
    if role == FULL and weak_date and RELATIVE.search(text, clause.start, best.start):
        # "fighting on the outskirts of Sudzha, which he said had been destroyed by air strikes": what a
        # relative clause says of a place, dated only by when it was said, is no occurrence of its own
        role = PARTIAL
    tally = role == FULL and best.category == "attack" and sentence.paragraph > 0 and not dates and bool(sites) and all(
        s.mention.entry is not None and s.mention.entry.kind in ("country", "continent", "region") for s in sites)
    if tally:
        # "Fifty-nine German soldiers died in Afghanistan, 35 of them in attacks": past the lead, a
        # country with no day is a tally, which only adds to an occurrence told before it
        role = PARTIAL
    # "in response", "came days after"; "Troops also left X": another occurrence, not more of the last one
    responds = lexicon.cue("response", text, sentence.start, clause.end) or \
        _ALSO.search(text, max(clause.start, best.start - 12), best.start) is not None or \
        _SEPARATELY.match(text, sentence.start) is not None or \
        (clause.start > sentence.start and _SEQUENCED.match(text, clause.start) is not None)
    actors = [a for a in facts.actors.within(sentence.start, sentence.end)
              if facts.quotes.containing(a.start, a.end) in (None, quote)]
    civilians = best.category == "attack" and lexicon.cue("civilian_target", text, clause.start, clause.end)
    fatalities = fatalities_in(text, clause.start, clause.end) if best.category == "attack" or best.kind in ("capture", "regain") \
        else None  # "took the base on July 25, killing at least 85 people"
    # "Rebels opposed to President X's re-election captured the town": the first actor named is who did it
    before = [a for a in actors if a.end <= best.start and a.kind in (*STATE_TYPES, *ARMED_NON_STATE)]
    state_actor = before[0].is_state if best.kind == "capture" and before else any(a.is_state for a in before)
    acled = lexicon.acled_type(best.kind, civilians=civilians and best.kind in VIOLENT_AGAINST_PEOPLE,
                               state_actor=state_actor)
    # a claim names its claimant; credit_claims gives it to the events
    claimed = role == PARTIAL and lexicon.cues["claim"].search(text, sentence.start, sentence.end) is not None
    events = []
    for site in sites or [None]:
        date = date_for(text, site, clause_dates or dates, best)
        country = site.mention.entry.country if site and site.mention.entry else None
        actor1, actor2 = assign_roles(text, best.category, best.start, best.end, (clause.start, clause.end),
                                      (sentence.start, sentence.end), actors, civilians, country)
        if claimed:
            actor1 = actor2 = None
        event = _event(facts, sentence, best, acled, site, date, actor1, actor2, fatalities)
        events.append(EventMention(event, best.kind, partial=role == PARTIAL, responds=responds,
                                   weak_date=weak_date and event.date_start is not None,
                                   paragraph=sentence.paragraph,
                                   definite=best.category == "attack" and (tally or refers_back(text, clause, best)),
                                   serves=_announced(text, clause) if role == PARTIAL else 1,
                                   days_before=days_before(text, sentence.start, best.start)
                                   if event.date_start is None else 0))
    return events


def _announced(text: str, clause: Clause) -> int:
    """How many places a lead announces: "handed two more bases", "captured three towns"."""
    found = _SEVERAL.search(text, clause.start, clause.end)
    if not found:
        return 1
    number = parse_number(found.group("n"))  # "several": 3
    return number if number is not None and number < 20 else 1


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
        **site_fields(site),
        **_date_fields(date),
    )


def _site_mention(facts: ArticleFacts, sentence: Sentence, site: Site) -> EventMention:
    """A sentence that only names a site, as a partial mention (its category is the occurrence's)."""
    event = Event(article_id=facts.article.id, category="other", event_type="", sub_event_type="",
                  sentence=sentence.text, start_char=sentence.start, end_char=sentence.end, **site_fields(site))
    return EventMention(event, "site", partial=True, paragraph=sentence.paragraph)


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
    if one.fatalities is not None and other.fatalities is not None and one.fatalities != other.fatalities:
        return False  # two tolls, two occurrences
    if (one.latitude, one.longitude, one.location) != (other.latitude, other.longitude, other.location):
        return False
    if one.location is None:
        return one.date_start == other.date_start and one.date_end == other.date_end and one.date_start is not None
    if one.date_start is None or other.date_start is None:
        return True
    return one.date_start <= other.date_end and other.date_start <= one.date_end
