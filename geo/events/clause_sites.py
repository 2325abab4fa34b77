"""Which places of a clause are its event's sites, beyond what ``geo.events.sites`` reads off the
words around each place: the subject a passive verb opens with, antecedents when the clause only
points back, namesakes abroad, asides, and who leaves a town. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re

from geo.events.coreference import antecedent, dateline_site, in_the_province_named, names_here
from geo.events.facts import ArticleFacts
from geo.events.sentences import Clause
from geo.events.site_points import widen_precision
from geo.events.sites import AVENGES, Site, no_site_context, select_sites
from geo.events.standing import SUBJECT_GAP, takes_subject
from geo.events.triggers import Trigger

ARMED_ACTOR_KINDS = ("state", "coalition", "rebel", "militia", "external", "unidentified")
# Kinds whose place must be introduced by "in/at/near": a statement is not "at"
# every place it mentions.
STRICT_SITE_KINDS = ("statement", "ceremony", "operation", "declared")

_COMPARED = re.compile(r"\b(?:comparisons?\s+with|compared\s+(?:with|to)|similar\s+to|reminiscent\s+of|"
                       r"recall(?:ed|s|ing)|echo(?:ed|es|ing)|brought\s+back\s+memories\s+of|revives?\s+memories\s+of|"
                       r"worst\s+since|deadliest\s+since)\b", re.IGNORECASE)

_SINCE = re.compile(r"\bsince\s+[^,;]*$", re.IGNORECASE)
_DIRECT_OBJECT = re.compile(r"\s+(?:the\s+)?(?:(?:city|town|village|port|base)\s+of\s+)?")
_AFTER_ANOTHER = re.compile(r"\b(?:after|following|amid)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:in|at)\s+(?:the\s+)?"
                            r"(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE)
_QUOTED_VERB_END = re.compile(r"[\"”’']?\s+")
_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,;]*,")

_PASSIVE_TARGET = re.compile(
    r"(?:\s+(?-i:[a-z])[\w-]*){0,3}\s+(?:had\s+|has\s+|have\s+)?(?:came|come|comes|was|were|been|is|are)"
    r"(?:\s+(?:also|again|repeatedly|briefly))?\s+(?:under\s+(?:heavy\s+)?(?:attack|fire|shelling)|hit|struck|targeted|"
    r"attacked|shelled|bombed)", re.IGNORECASE)

_MILITARY_SUBJECT = re.compile(r"\b(?:troops|soldiers|forces|peacekeepers|personnel|contingent|battalions?|units|"
                               r"brigades?|garrison|mission|fighters|militants|rebels|army|marines|convoy)\b", re.IGNORECASE)

_CIVILIAN_SUBJECT = re.compile(r"\b(?:minister|president|envoy|delegation|ambassador|diplomats?|officials?|leader|"
                               r"secretary|chief|king|pope|journalists?|residents|families|civilians|refugees|people|villagers|inhabitants|"
                               r"vehicles|buses|bus|trucks|lorries|passengers|travell?ers|commuters|pilgrims|tourists|"
                               r"ships|vessels|ferries|tankers)\b",
                               re.IGNORECASE)

def clause_sites(facts: ArticleFacts, clause: Clause, trigger: Trigger, blocked) -> list[Site]:
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
    sites = [in_the_province_named(facts, s) for s in sites]
    if trigger.category == "handover":
        sites = [s for s in sites if s.mention.entry is None or s.mention.entry.kind != "country"]
    if trigger.kind == "declared":  # "declared Mosul, the group's largest stronghold, liberated": its object
        sites = [Site.named(m) for m in facts.places.within(trigger.start, trigger.end)
                 if m.entry is not None and not blocked(m.start, m.end)][:1] or sites
    if takes_subject(trigger):
        sites = _opening_place(facts, clause, trigger, blocked, SUBJECT_GAP, trigger.start) or sites
    if not sites and trigger.category == "attack":
        sites = _opening_place(facts, clause, trigger, blocked, _PASSIVE_TARGET, trigger.end)
    sites = [s for s in sites if not _stray(facts, s) and not _in_aside(text, clause, s, trigger)]
    # "the killing in Hroza drew comparisons with the strike on ... in Kramatorsk": Hroza is the other event's
    sites = [s for s in sites if not (s.end <= trigger.start and _COMPARED.search(text, s.end, trigger.start))]
    # "the first base to change hands since N'Djamena tore up its pact with Paris": another occurrence's
    sites = [s for s in sites if not (s.start >= trigger.end and _SINCE.search(text, trigger.end, s.start))]
    # "the killings were revenge for the persecution of Muslims in Mombasa": what it avenges is elsewhere
    sites = [s for s in sites if not (s.start >= trigger.end and AVENGES.search(text, trigger.end, s.start))]
    if trigger.kind in ("capture", "regain") and any(s.start >= trigger.end and _DIRECT_OBJECT.fullmatch(text, trigger.end, s.start)
                                                      for s in sites):
        # "fought for control of Aden, ... since the Houthis took Sanaa": the place taken is the verb's object
        sites = [s for s in sites if s.start >= trigger.end]
    if trigger.kind in ("capture", "regain") and len(sites) > 1:
        # "took Gao, Timbuktu and Kidal last spring after a coup in Bamako": the coup's town is not taken
        sites = [s for s in sites if not (s.start > trigger.end and _AFTER_ANOTHER.search(text, trigger.end, s.start))] or sites
    if trigger.kind in ("capture", "regain"):
        # 'had "liberated" the city, Saddam Hussein's hometown about 160 km north of Baghdad': the city the
        # verb takes is the one named before, not the landmark of its description
        taken = _QUOTED_VERB_END.match(text, trigger.end, clause.end)
        pointed = antecedent(facts, Clause(taken.end(), clause.end)) if taken else []
        sites = pointed if pointed and pointed[0].start == taken.end() else sites
    if all(s.mention.entry is None or s.mention.entry.kind in ("country", "admin1", "region") for s in sites) \
            and names_here(text, clause):
        sites = dateline_site(facts) or sites
    if not sites or all(s.mention.entry is not None and s.mention.entry.kind in ("country", "admin1", "region")
                        for s in sites):
        # "dig a trench around the town in north-central Burkina Faso": the town named before is finer
        sites = antecedent(facts, clause) or sites
    return [widen_precision(s, lexicon.cue("near", text, max(clause.start, s.start - 160), s.start), text) for s in sites]

def _opening_place(facts: ArticleFacts, clause: Clause, trigger: Trigger, blocked, gap: re.Pattern, until: int) -> list[Site]:
    """The last place before the trigger, when what lies between is ``gap``: the town a sentence
    opens with for "Izium fell to", "Kupiansk was handed to" (the place taken, with no "in" or "at"
    before it), or the place in the subject of a passive attack ("The same Jeddah depot had come
    under attack", "Erbil airport was hit")."""
    before = [m for m in facts.places.within(clause.start, trigger.start)
              if m.entry is not None and m.entry.kind not in ("country", "region", "continent")]
    # the last such place, or the one an aside follows ("Sudzha, a town in Russia's Kursk region, fell to")
    for mention in reversed(before):
        if not blocked(mention.start, mention.end) and gap.fullmatch(facts.text, mention.end, until) \
                and not no_site_context(facts.text, mention.start):
            return [Site.named(mention)]
    return []


def _stray(facts: ArticleFacts, site: Site) -> bool:
    return facts.stray(site.mention.entry, site.mention.text)


def _in_aside(text: str, clause: Clause, site: Site, trigger: Trigger) -> bool:
    """"Zahedi, who had led the Quds Force's operations in Syria and Lebanon, was killed": a place
    inside a relative clause set off by commas before the trigger describes the subject."""
    if site.end > trigger.start:
        return False
    return any(aside.start() < site.start and site.end <= aside.end() <= trigger.start
               for aside in _ASIDE.finditer(text, clause.start, trigger.start))

def forces_leave(facts: ArticleFacts, clause: Clause, trigger: Trigger, sites: list[Site]) -> bool:
    """Who leaves a town: forces, for a withdrawal (a base left is one whoever says so)."""
    if any(s.mention.entry is not None and s.mention.entry.kind in ("installation", "airport") for s in sites):
        return True
    if _MILITARY_SUBJECT.search(facts.text, clause.start, trigger.end):
        return True
    return any(a.kind in ARMED_ACTOR_KINDS for a in facts.actors.within(clause.start, trigger.start)) or \
        not any(a.end <= trigger.start for a in facts.actors.within(clause.start, trigger.start)) and \
        not _CIVILIAN_SUBJECT.search(facts.text, clause.start, trigger.start)

def site_blocker(facts: ArticleFacts, quote: tuple[int, int] | None):
    """Whether a span holds no site: actors, dates, the dateline, quotations
    other than the trigger's own."""
    def blocked(start: int, end: int) -> bool:
        if facts.no_site.overlaps(start, end):
            return True
        return any(q != quote for q in facts.quotes.overlapping(start, end))
    return blocked
