"""Whether an event mention can start an event (FULL), only add to one (PARTIAL), or is none,
and whether an attack is too vague to be coded at all. Pure."""
from __future__ import annotations

import re

from geo.events.coreference import takes_named_site
from geo.events.dates import DateExpression
from geo.events.sentences import Clause
from geo.events.sites import Site
from geo.events.territory import FLAG
from geo.events.triggers import EventLexicon, Trigger
from geo.model import Event

FULL, PARTIAL = "full", "partial"
MAX_ATTACK_DAYS = 45
MAX_HANDOVER_DAYS = 120
ATTACHED_SITE_CHARS = 80  # how near a definite trigger ('the attack') its own site stands
# "the worst attack in years", "responsibility for the attack": a reference
# back to an event already reported, not a new one (unless it names a site).
_DEFINITE = re.compile(r"(?:\b(?:the|this|that|these|those|its|their|such)|"
                       r"\bwhat\s+(?:he|she|they|it|officials|the\s+[\w-]+)\s+(?:called|described\s+as|termed)\s+(?:an?|the))"
                       r"\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)  # "what he called a barbaric attack": the one reported
_DAYS_OCCURRENCE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last\s+night)['’]s\s+"
                              r"(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
# "the home of the warplanes that carried out Tuesday's attack": who did an occurrence told elsewhere
# ("the same Shiite militants who had attacked coalition troops": the attackers of an occurrence told before)
_DONE_BY = re.compile(r"\b(?:that|which|who)\s+(?:had\s+|have\s+|has\s+)?(?:carried\s+out|staged|conducted|mounted|"
                      r"perpetrated)\s+(?:the\s+|a\s+|[\w'’]+\s+){0,2}?$|"
                      r"\bthe\s+same\s+(?:[\w'’-]+\s+){1,3}?(?:who|that|which)\s+(?:had\s+|have\s+|has\s+)?$", re.IGNORECASE)
# ("The attack on the Tawakal Hotel ... began on Sunday when a suicide bomber ...": the lead's occurrence)
_THAT_ATTACK = re.compile(r"\s*[\"“]?(?:(?:That|This|Those|These)\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|bombings?|raids?|assaults?|"
                          r"blasts?|explosions?|shelling|ambush|barrage)\b|"
                          r"The\s+(?:attack|assault|raid|siege|bombing|ambush)\s+(?:on|at|in|against)\s)")
_PAST_VERB = re.compile(r"^(?:struck|hit|attacked|shelled|bombed|stormed|raided|ambushed)$", re.IGNORECASE)
_APPRAISAL = re.compile(r",\s+[^,;]{0,80}?\b(?:deadliest|worst|bloodiest|biggest|largest|first|most\s+(?:serious|deadly|lethal))\b",
                        re.IGNORECASE)
_REPEATED = re.compile(r"\b(?:repeatedly|regularly|frequently|routinely|time\s+and\s+again|almost\s+daily|"
                       r"nightly|day\s+after\s+day|night\s+after\s+night)\b", re.IGNORECASE)
# ("was hit again and again" is one night's many hits)
_REPEATED_AFTER = re.compile(r"\s+(?:repeatedly|regularly|frequently|many\s+times|several\s+times)\b", re.IGNORECASE)
_ACROSS_AFTER = re.compile(r"(?<=s)\s+(?:on|against)\s+(?:[\w'’-]+\s+){0,4}?(?:across|throughout)\s+(?:the|a|much\s+of\s+the)\s+"
                           r"(?:[\w-]+\s+)?(?:province|country|region|state|north|south|east|west|district|governorate|oblast)\b",
                           re.IGNORECASE)
# "Russian troops besieged it in the first weeks of the invasion": weeks of it, no one occurrence
_FOR_WEEKS_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:in|during|over|for|throughout)\s+(?:the\s+)?"
                              r"(?:(?:first|opening|early|last|final|following|several|many|two|three|four|five|six)\s+)?"
                              r"(?:weeks|months|years)\b", re.IGNORECASE)
_RECALLED = re.compile(r"\b(?:memories\s+of|reminiscent\s+of|recall(?:ed|s|ing)?|evok(?:ed|es|ing)|echo(?:ed|es|ing)|"
                       r"comparisons?\s+(?:with|to)|compared\s+(?:with|to)|similar\s+to|anniversary\s+of)\s+[^,;.]*$",
                       re.IGNORECASE)
_CAPTURE_NOUN = re.compile(r"capture|fall|seizure|takeover|recapture|liberation", re.IGNORECASE)
_TOLL_UPDATE = re.compile(r"\bdied\s+(?:later\s+)?(?:of|from)\s+(?:his|her|their)\s+(?:wounds|injuries)\b|"
                          r"\bbringing\s+the\s+(?:death\s+)?toll\s+to\b|"
                          # "clashes were still going on Sunday": more of the fighting told before
                          r"\b(?:was|were|is|are)\s+still\s+(?:going\s+on|raging|under\s+way|continuing|ongoing)\b|"
                          # "Raids over the city went on into Tuesday morning": the same night's strikes
                          r"\b(?:went|carried|dragged)\s+on\s+(?:into|until|till|through|overnight)\b|"
                          r"\bcontinued\s+(?:into|until|till|through|overnight)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:now\s+|already\s+)?(?:been\s+)?killed\b", re.IGNORECASE)
_SINCE_WHEN = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:start|beginning|outbreak)\b|(?:January|February|March|April|May|June|July|"
                         r"August|September|October|November|December)\b|(?:19|20)\d\d\b|last\s+(?:year|month))")
_SINCE_YEAR = re.compile(r"\b(?:has|have|had)\s+(?:[\w-]+\s+){0,3}?since\s+(?:(?:late|early|mid)\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
_VAGUE_TOLL = re.compile(r"\s+(?:hundreds|thousands|dozens|scores|tens\s+of\s+thousands)\b", re.IGNORECASE)
_NAMED_SUBJECT = re.compile(r"\b(?-i:[A-Z])[\w'’-]+\s+$")
_TAKEN_GAP = re.compile(r"\s*(?:(?:of|over)\s+)?(?:control\s+of\s+)?(?:(?:the|their|its|his)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|district|"
                        r"area|region|province|base|port|capital|stronghold|bastion|camp|compound|complex|garrison|airfield|centre|center|heart|streets|outskirts|palace|"
                        r"airport|outpost|barracks|headquarters)(?:\s+(?:of|in|at|near)\s+|,\s+))?(?:the\s+)?", re.IGNORECASE)
# "Izium fell to", "Kupiansk, a railway hub, was handed to": the place is the subject of the verb
SUBJECT_GAP = re.compile(r"\s*(?:,[^;.]{0,200}?,\s*)?(?:had\s+|has\s+|have\s+)?")
_PASSIVE = re.compile(r"(?:fell|(?:was|were|been|being|is|are)\s|(?:had|has|have)\s+(?:\w+\s+)?fallen)", re.IGNORECASE)
_TERRITORY_OBJECT = re.compile(r"\b(?:towns?|city|cities|villages?|bases?|airports?|airfields?|districts?|cent(?:re|er)s?|"
                               r"capitals?|areas?|positions|settlements?|control|ground|territory|pockets?|enclaves?|"
                               r"strongholds?|footholds?|headquarters|compounds?|complex(?:es)?|garrisons?|barracks|outposts?|camps?|commands?|posts?|"
                               r"checkpoints?|bridges?|crossings?|palaces?|parliament|government\s+(?:buildings?|offices|headquarters)|"
                               r"(?:radio|television|tv)\s+stations?|ports?|seaports?|dams?|oil\s*fields?|gas\s+fields?|refiner(?:y|ies)|prisons?)$",
                               re.IGNORECASE)


def standing(trigger: Trigger, sites: list[Site], dates: list[DateExpression],
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
        territorial = territorial or ((trigger.kind == "withdrawal" or takes_subject(trigger)) and any(
            s.mention.entry and s.mention.entry.kind in ("populated_place", "admin2") for s in sites))
        territory = lexicon.cue("territory", text, clause.start, clause.end)
        if sites and (territorial or territory):
            return FULL
        return PARTIAL if territory and not sites else None  # "handed an air base over": the site comes later
    if trigger.category == "attack":
        day = any(d.time_precision == 1 for d in dates)
        if not day and (_REPEATED.search(text, max(clause.start, trigger.start - 60), trigger.end)
                        or _REPEATED_AFTER.match(text, trigger.end) or _FOR_WEEKS_AFTER.match(text, trigger.end)):
            # "had repeatedly struck the Russian position", "Lamu has been hit repeatedly by the militants":
            # many occurrences, none of them coded
            return None
        if not dates and _RECALLED.search(text, max(clause.start, trigger.start - 80), trigger.start):
            return PARTIAL  # "revived memories of the group's deadliest strike in the capital": told elsewhere
        if _DONE_BY.search(text, max(clause.start, trigger.start - 50), trigger.start) or \
                _TOLL_UPDATE.search(text, clause.start, clause.end):
            return PARTIAL  # (and "A fourth soldier died of his wounds on Sunday, bringing the toll to five")
        if not day and _SINCE_YEAR.search(text, clause.start, trigger.start) and (
                _VAGUE_TOLL.match(text, trigger.end) or _VAGUE_TOLL.search(trigger.text)):
            return None  # "Violence ... has flared again since late 2017, killing hundreds of people": a tally
        if _PERFECT.search(text, max(clause.start, trigger.start - 12), trigger.end) and \
                _SINCE_WHEN.search(text, trigger.end, clause.end):
            return None  # "more than 700 people have been killed in the fighting since April": a tally
        if not sites and _DAYS_OCCURRENCE.search(text, max(clause.start, trigger.start - 40), trigger.start):
            return PARTIAL  # "The United Nations condemned Friday's attack": the occurrence of that day, told before
        definite = refers_back(text, clause, trigger)
        broad = all(_broad(s) for s in sites)
        if broad and not day and lexicon.cue("summary", text, clause.start, _appraisal_start(text, clause, trigger)):
            return None  # its dates and numbers are the summary's, not those of any one occurrence
        if broad and _ACROSS_AFTER.match(text, trigger.end):
            return None  # "launched attacks on government positions across the province" on Sunday: many, none sited
        if definite and sites:  # "The bombing at Kabul airport" names its site; "called the shelling ... in X" not
            attached = any(abs(s.start - trigger.end) <= ATTACHED_SITE_CHARS for s in sites)
            return FULL if attached and not broad else PARTIAL  # "the assault on the Donbas": a campaign
        return FULL if sites or (dates and not definite) else PARTIAL
    if trigger.kind in ("capture", "regain"):  # a place changes hands: "took Zaranj", "seized the town of X"
        if sites and not any(d.time_precision == 1 for d in dates) and all(
                s.mention.entry is not None and s.mention.entry.kind in ("country", "continent") for s in sites):
            return None  # "juntas forced its troops out of Mali, Burkina Faso and Niger": no town changed hands
        if not sites and _CAPTURE_NOUN.fullmatch(trigger.text) and refers_back(text, clause, trigger):
            return PARTIAL  # "Aliyev announced its capture on November 8": the day of the town taken before
        if sites and FLAG.search(trigger.text):
            return FULL  # "pushed into the city centre and raised the flag over the governor's office": the city
        takes_site = bool(sites) and bool(takes_named_site(text, trigger.end + 1))  # "taken over the compound"
        return FULL if takes_site or any(_taken(text, trigger, s) for s in sites) else None
    return FULL if dates else None


def _appraisal_start(text: str, clause: Clause, trigger: Trigger) -> int:
    """Where a trailing appraisal of the event just stated begins (", the deadliest strike on
    Israeli-held territory since October"): its summary words rank this occurrence, they do not
    make it a summary. The clause's end when there is none."""
    match = _APPRAISAL.search(text, trigger.end, clause.end)
    return match.start() if match else clause.end


def refers_back(text: str, clause: Clause, trigger: Trigger) -> bool:
    """"The assault on Palma", "the strike", "that attack": a definite reference to an occurrence
    ("the militants struck" too: the attackers just reported; but "the Houthis struck" names its subject)."""
    if _PAST_VERB.search(trigger.text) and _NAMED_SUBJECT.search(text, max(clause.start, trigger.start - 40), trigger.start):
        return False
    opening = _THAT_ATTACK.match(text, clause.start)
    if opening and opening.end() <= trigger.start:
        return True  # "That attack set off explosions among fuel tankers": more of the attack told before
    return bool(_DEFINITE.search(text, max(clause.start, trigger.start - 40), trigger.start))


def _taken(text: str, trigger: Trigger, site: Site) -> bool:
    """The place is what was taken: right after the verb ("took Zaranj", "seized the town of X"),
    or after a verb whose object is territory ("captured three provincial capitals in X")."""
    if site.end <= trigger.start and takes_subject(trigger):
        return bool(SUBJECT_GAP.fullmatch(text[site.end:trigger.start]))  # "Shirin Tagab fell after ..."
    if site.start < trigger.end:  # "took control of the Baidoa base": the place inside the object taken
        # ("won it back": the town "it" points to)
        return trigger.start < site.start and (bool(_TERRITORY_OBJECT.search(trigger.text)) or site.text == "it")
    gap = text[trigger.end:site.start].lstrip("\"”’'")  # 'had "liberated" the city': a scare-quoted verb
    if _TAKEN_GAP.fullmatch(gap):
        return True
    return bool(_TERRITORY_OBJECT.search(trigger.text))


def takes_subject(trigger: Trigger) -> bool:
    """"fell to", "was handed to", "was captured by": the place taken comes before the verb."""
    return bool(_PASSIVE.match(trigger.text))


def _broad(site: Site) -> bool:
    entry = site.mention.entry
    return entry is None or entry.kind in ("admin1", "country", "region", "continent")


def too_vague(event: Event) -> bool:
    """An attack known only to a year or a season ("killed in an ambush in 2017", "since 2015"),
    or a handover known only to a year ("ground they lost three years ago"), is a recollection,
    not an event an analyst could code. A handover over a few months ("between March and May")
    is still one."""
    limit = {"attack": MAX_ATTACK_DAYS, "handover": MAX_HANDOVER_DAYS}.get(event.category)
    return limit is not None and event.date_start is not None and (
        (event.date_end - event.date_start).days + 1 > limit)
