"""What a clause points back to: "the base" and "the same position" (the last place of that
kind named before), "this city" (the dateline's city), "In that attack" (the date just given),
and "since January 2020" in an attack's sentence (January 2020 itself). Pure.
"""
from __future__ import annotations

import re
from dataclasses import replace

from geo.events.clause_dates import REPORTED_ON
from geo.events.dates import DateExpression
from geo.events.facts import ArticleFacts
from geo.events.sentences import Clause, Sentence, ends_with_abbreviation
from geo.events.sites import Site, names_no_site, no_site_context
from geo.gazetteer.countries import country_table
from geo.gazetteer.lexicon import words

# "In that attack, ...", "At the time, ...": the date is the one just given.
_DATE_ANAPHOR = re.compile(r"\s*(?:In|During|On)\s+(?:that|the\s+same|this)\s+(?:attack|strike|raid|assault|bombing|"
                           r"occasion|incident|day|night)\b|\s*(?:At\s+the\s+time|That\s+(?:day|night)|"
                           r"(?:The|That)\s+same\s+(?:day|night|morning|afternoon|evening)|"
                           r"(?:Later|Earlier)\s+(?:that|the\s+same|in\s+the)\s+(?:day|night|morning|afternoon|evening)|"
                           r"(?:Shortly|Soon|Immediately)\s+after(?:wards?)?|(?:Minutes|Moments|Hours)\s+(?:later|earlier)|"
                           r"(?:(?:About|Some|Nearly|Barely|Less\s+than|Within)\s+)?(?:an?|one|two|three|half\s+an|\d+)\s+"
                           r"(?:hours?|minutes?)\s+(?:later|earlier|before|after(?:wards)?))\b")
# "overran it", "to take it", "struck it": the place the sentence (or the one before) is about
_PRONOUN_OBJECT = re.compile(r"\b(?:take|taking|took|taken|retake|retook|won|win|capture[ds]?|capturing|seize[ds]?|seizing|"
                             r"overr[au]n|struck|strike|hit|attack(?:ed|ing)?|shell(?:ed|ing)|bomb(?:ed|ing)|"
                             r"target(?:ed|ing)|besieg(?:ed|ing)|storm(?:ed|ing))\s+(?P<it>it)\b", re.IGNORECASE)
# "struck two operations centres there": the place just named (not "there were", "there is")
_THERE = re.compile(r"\b(?:struck|hit|bombed|attacked|shelled|raided|killed|wounded|stormed|targeted)\s+(?:[\w'’-]+\s+){0,5}?"
                    r"(?P<there>there)\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could))", re.IGNORECASE)
_CONTAINER_AFTER = re.compile(r",\s+(?:also\s+)?in\s+(?:the\s+)?$")  # "Mondoro, in the Douentza area": Douentza contains it
_HERE = re.compile(r"\bthis\s+(?:[\w-]+\s+)?(?:city|town|capital|port|village)\b", re.IGNORECASE)
# "their camp in the town of Kidal", "a base near Gao": the town stands for the unnamed site
_HOSTS_SITE = re.compile(r"\b(?:base|camp|compound|airfield|outpost|garrison|post|barracks|facility|headquarters|cantonment)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?$", re.IGNORECASE)
# "the Bulo Marer camp", "the Kidal base": the town names the site after it
_NAMES_ITS_SITE = re.compile(r"\s+(?:military\s+|army\s+|air\s+|refugee\s+)?(?:base|camp|compound|airfield|outpost|garrison|barracks|cantonment)\b",
                             re.IGNORECASE)
_SITE_ANAPHOR = re.compile(
    r"\b(?:the|its|their|that|this)\s+(?:same\s+|nearby\s+|sprawling\s+|main\s+)?(?:[\w-]+\s+(?=[\w-]+\s+(?:city|town|village)\b))?"
    r"(?:(?P<modifier>[\w-]+)\s+)?(?P<noun>base|camp|facility|airport|airfield|compound|garrison|outpost|position|post|perimeter|barracks|headquarters|"
    r"installation|site|town|city|village|intersection|junction|crossroads|square|market|province|governorate|district|"
    r"cantonment|gates?|main\s+entrance|neighbou?rhood|suburb|quarter|spot|stretch|port|harbou?r|terminal|refinery|depot|"
    r"oilfield|prison|jail)\b",
    re.IGNORECASE)
# "The base, about 60 km north of Aden, has changed hands": a sentence that opens with a site noun
_OPENING_ANAPHOR = re.compile(r"[\"“]?(?:The|That|This|Its)\s+(?:[\w-]+\s+)?(?P<noun>base|camp|airport|airfield|garrison|outpost|"
                              r"compound|town|city|village)\b")
# "the town of Owo" names the town; "the headquarters of the Afghan army's 209th Corps" and "the gate of the
# boys' high school" name an owner, and still point back to the place named before
_NAMED_BY_OF = frozenset(("town", "city", "village", "province", "governorate", "district", "area", "neighbourhood", "neighborhood",
                          "suburb", "quarter", "site", "installation", "cantonment"))
_OWNER = re.compile(r"\s+of\s+(?:the\s+)?(?-i:[A-Z])")  # "the headquarters of the Afghan army's 209th Corps": its own
_NAMING = re.compile(r"\s+(?:of|called|named|known\s+as)\s+(?:[ae]l-|the\s+)?(?-i:[A-Z])")
# "the town, Kherson," names it; "the city, Saddam Hussein's hometown" and "the city, Iraq's second-largest" describe it
_APPOSED = re.compile(r",\s+(?-i:[A-Z])")
_POSSESSIVE = re.compile(r"['’]s\b")
_PLACED = re.compile(r"\b(?:in|at|near|outside|into|on|of|hit|struck|targeted|entered|around|stormed|attacked|raided|"
                     r"shelled|bombed|besieged|seized|captured|recaptured|overran|retook|took|liberated)\s+(?:the\s+)?"
                     r"(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
# "120 km southeast of Kharkiv", "since the fall of Bakhmut": a town named as a landmark or for
# another event, not one "the town" may point back to
# "The defence ministry in Maputo did not respond": the government's seat, not the town a later "the
# town" means
_SEAT = re.compile(r"\b(?:ministry|ministries|government|officials|authorities|parliament|presidency|spokes(?:man|woman)|"
                   r"headquarters|diplomats?|embassy|embassies)\s+in\s+$", re.IGNORECASE)
# "Daraban, a small town in Dera Ismail Khan district": the district only contains the town before it
_APPOSED_CONTAINER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|village|city|district|area|hamlet|"
                                r"settlement|camp|base)\s+(?:in|of|near)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_LANDMARK = re.compile(r"\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|"
                       r"(?:fall|capture|loss|liberation|siege|battle)\s+(?:of|for)|(?:edge|edges|outskirts|fringes?)\s+of|"
                       r"linking|connecting|(?:road|route|highway|corridor)\s+(?:to|toward|towards|from)|"
                       r"(?:offensive|advance|march|drive|push|campaign)\s+(?:on|against|toward|towards))"
                       r"\s+(?:the\s+)?(?:[\w-]+\s+)?"
                       r"(?:(?:city|town|port)\s+of\s+)?$",
                       re.IGNORECASE)
# nouns of a spot inside a town or a base: what they point back to may be either
ANY_PLACE_NOUNS = ("perimeter", "site", "position", "area", "district", "intersection", "junction", "crossroads", "square", "market",
                   "cantonment", "gate", "gates", "neighbourhood", "neighborhood", "suburb", "quarter", "spot", "stretch")
ANTECEDENT_REACH = 1500  # characters back that "the base" may point to


def since_anchor(date: DateExpression) -> DateExpression:
    return replace(date, date_end=date.since_end, since_end=None) if date.since_end else date


def day_dates(facts: ArticleFacts, start: int, end: int) -> list[DateExpression]:
    """The dates between ``start`` and ``end`` that name one day and no deadline, in text order."""
    return [d for d in facts.dates.within(start, end) if not d.deadline and d.time_precision == 1]


def previous_date(facts: ArticleFacts, sentence: Sentence) -> list[DateExpression]:
    """The last date of the sentence before, for "In that attack, ..." (within its paragraph); for
    "The same morning, ..." in a later paragraph, the day of the report's lead (its first day)."""
    paragraph_start = facts.text.rfind("\n\n", 0, sentence.start) + 1
    in_paragraph = [d for d in facts.dates.within(paragraph_start, sentence.start) if not d.deadline]
    if _SAME_DAY.match(facts.text, sentence.start) and not in_paragraph:
        days = day_dates(facts, 0, sentence.start)
        if days:
            return days[:1]
    if _SOON_AFTER.match(facts.text, sentence.start) and not in_paragraph:
        # "Shortly afterwards, ..." opening a paragraph: the day last given before it
        # (not the day a toll was given: "the latest count given by the ministry on Friday")
        return [d for d in day_dates(facts, max(0, sentence.start - 1500), sentence.start)
                if not REPORTED_ON.search(facts.text, max(0, d.start - 60), d.start)][-1:]
    before = [d for d in facts.dates.within(max(0, sentence.start - 600), sentence.start)
              if not d.deadline and "\n\n" not in facts.text[d.end:sentence.start]]
    return before[-1:]


_SOON_AFTER = re.compile(r"\s*(?:(?:Shortly|Soon|Immediately|Just)\s+after(?:wards?)?|(?:Minutes|Moments|Hours)\s+later|"
                         r"(?:About|Some|Less\s+than)\s+(?:an|one|two|half\s+an)\s+hours?\s+later)\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\s*(?:(?:On\s+|Later\s+|Earlier\s+)?(?:the|that)\s+same|(?:Later|Earlier)\s+in\s+the)\s+"
                       r"(?:day|night|morning|afternoon|evening)\b", re.IGNORECASE)


def dateline_site(facts: ArticleFacts) -> list[Site]:
    """"This city" in a report filed from a city is the dateline's city."""
    if facts.dateline is None:
        return []
    towns = [m for m in facts.places.within(*facts.dateline)
             if m.entry is not None and m.entry.kind in ("populated_place", "admin2")]
    return [Site.named(towns[0])] if towns else []


def antecedent(facts: ArticleFacts, clause: Clause) -> list[Site]:
    """"The base", "the same position", "its perimeter", "the town": the last place of that kind
    named before, within the last paragraphs (the words as written, the place's position)."""
    pronoun = _PRONOUN_OBJECT.search(facts.text, clause.start, clause.end)
    if pronoun:
        return _subject_place(facts, pronoun.start("it"), pronoun.end("it"), pronoun.group("it")) or \
            _town_taken_before(facts, pronoun.start("it"), pronoun.end("it"), pronoun.group("it"))
    there = _THERE.search(facts.text, clause.start, clause.end)
    if there:
        # "The camp has been the focus of repeated raids. On Jan. 26, troops killed nine people there"
        opened = _subject_place(facts, there.start("there"), there.end("there"), "there")
        if opened:
            return opened
        if _unknown_subject_before(facts, there.start("there")):
            return []  # "Halgan sits at a key junction ... attacked the base there": the town the gazetteer lacks
        earlier = [m for m in facts.places.within(max(0, there.start() - ANTECEDENT_REACH), there.start())
                   if m.entry is not None and m.entry.kind in ("populated_place", "installation", "airport")
                   and not facts.no_site.overlaps(m.start, m.end)
                   and not _SEAT.search(facts.text, max(0, m.start - 30), m.start)
                   and not _LANDMARK.search(facts.text, max(0, m.start - 40), m.start)
                   and not _CONTAINER_AFTER.search(facts.text, max(0, m.start - 20), m.start)]
        if earlier:
            return [Site(earlier[-1], there.group("there"), there.start("there"), there.end("there"),
                         earlier[-1].geo_precision)]
    for found in _SITE_ANAPHOR.finditer(facts.text, clause.start, clause.end):
        # "the nearby town of X" names X and points nowhere; "the Ber camp" names a place the gazetteer
        # lacks, not the camp named before; "in the province ... south of the city": the first of them
        # that points to a place named before
        noun = found.group("noun").lower()
        names = (noun in _NAMED_BY_OF and (_NAMING.match(facts.text, found.end()) or _apposed_name(facts, found.end()))) or (
            noun not in ANY_PLACE_NOUNS and _OWNER.match(facts.text, found.end()))
        site = None if names or _names_unknown(facts, found) or no_site_context(facts.text, found.start()) \
            else _pointed_to(facts, clause.start, found)
        if site is not None:
            return [site]
    return []


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
# "had withdrawn its staff from Kunduz": where they were, not where they came from
_WITHDRAWN_FROM = re.compile(r"\b(?:withdr[ae]wn?|withdrawing|pulled|pulling|evacuated|evacuating|fled|fleeing|retreated)\b"
                             r"(?:\s+[\w'’-]+){0,4}\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_MODIFIER = re.compile(r"\s(?-i:([A-Z][\w'’-]+))\s+(?:[\w-]+\s+)?$")


def _apposed_name(facts: ArticleFacts, position: int) -> bool:
    """", Kherson," after "the town": a name set off by a comma, unless it is a place's or a person's
    possessive, or a capitalised word that is no place."""
    apposed = _APPOSED.match(facts.text, position)
    if apposed is None:
        return False
    named = next((m for m in facts.places.overlapping(apposed.end() - 1, apposed.end())), None)
    return named is None and not _POSSESSIVE.search(facts.text, apposed.end(), apposed.end() + 30) or \
        named is not None and not _POSSESSIVE.match(facts.text, named.end)


def _names_unknown(facts: ArticleFacts, found: re.Match) -> bool:
    """"the Ber camp": a capitalised word before the noun that is no place the text resolved, no
    demonym and no acronym ("the US base", "the French camp")."""
    modifier = _MODIFIER.search(facts.text, found.start(), found.start("noun"))
    if modifier is None:
        return False
    word = modifier.group(1)
    if _known_word(word):
        return False
    return not facts.places.overlapping(modifier.start(1), modifier.end(1))


def _known_word(word: str) -> bool:
    """An acronym, a demonym ("US", "Afghan", "the French camp") or a qualifier ("northern"): no name."""
    lowered = word.lower()
    return word.isupper() or lowered in words("demonyms") or lowered in words("qualifiers") or \
        lowered in country_table().adjectives


def _unknown_namesake_between(facts: ArticleFacts, noun: str, start: int, end: int) -> bool:
    """A "<Name> <noun>" or "<noun> at <Name>" between the antecedent and the reference whose name
    the gazetteer lacks: the reference is more likely to that site."""
    pattern = re.compile(rf"\b(?-i:([A-Z][\w'’-]+))\s+{noun}\b|\b{noun}\s+(?:at|in|of)\s+(?-i:([A-Z][\w'’-]+))",
                         re.IGNORECASE)
    for match in pattern.finditer(facts.text, start, end):
        group = 1 if match.group(1) else 2
        word = match.group(group)
        if not (_known_word(word) or facts.places.overlapping(match.start(group), match.end(group))):
            return True
    return False


def _pointed_to(facts: ArticleFacts, clause_start: int, found: re.Match) -> Site | None:
    noun = found.group("noun").lower()
    earlier = _antecedents(facts, noun, max(0, clause_start - ANTECEDENT_REACH), found.start())
    if not earlier and noun in ("town", "city") and not _UNNAMED_BEFORE[noun].search(facts.text, 0, found.start()):
        # "the city centre" far from any name: the reporter's city (not after "a small railway town")
        return next((Site(site.mention, found.group(0), found.start(), found.end(), site.precision)
                     for site in dateline_site(facts) if _named_as_a_place(facts, site.mention)), None)
    if not earlier and noun not in ANY_PLACE_NOUNS:
        # "the airport" long after the only airport the report names: that one
        everywhere = _antecedents(facts, noun, 0, found.start())
        earlier = everywhere if len({m.entry.id for m in everywhere}) == 1 else []
    if not earlier:
        return None
    place = _of_the_same_kind(facts, found, earlier) or earlier[-1]
    if noun not in ANY_PLACE_NOUNS and _unknown_namesake_between(facts, noun, place.end, found.start()):
        return None  # "... the Ber camp ... that the camp should not be handed over": Ber's camp, not Goundam's
    precision = place.geo_precision if noun not in ANY_PLACE_NOUNS else max(place.geo_precision or 1, 2)
    return Site(place, found.group(0), found.start(), found.end(), precision)


def _of_the_same_kind(facts: ArticleFacts, found: re.Match, earlier: list):
    """"the same air base" after "Air Base 101 ... the drone base in Agadez": the last of them whose
    name or description carries the anaphor's modifier ("air"), when one does."""
    modifier = (found.groupdict().get("modifier") or "").lower()
    if not modifier or modifier in words("qualifiers"):
        return None
    said = re.compile(rf"\b{re.escape(modifier)}\b", re.IGNORECASE)
    kind = [m for m in earlier if said.search(facts.text, max(0, m.start - 25), m.end)]
    return kind[-1] if kind else None


_UNNAMED_BEFORE = {noun: re.compile(rf"\b(?:an?|another)\s+(?:[\w-]+\s+){{0,3}}?{noun}\b(?!\s+(?:of|called|named)\b)", re.IGNORECASE)
                   for noun in ("town", "city")}
_DISTRICT_AFTER = re.compile(r"\s+district\b", re.IGNORECASE)
_PORT_AROUND = re.compile(r"\bport\s+(?:city\s+)?of\s+\S+|\b\S+['’]s\s+port\b|\S+\s+port\b", re.IGNORECASE)


def _named_as_a_place(facts: ArticleFacts, town) -> bool:
    """The report names the town outside its dateline ("Port Sudan's airport" too), and not only as a
    landmark ("south of Bukavu")."""
    written = town.text.lower()
    return any(m.entry is not None and (m.entry.id == town.entry.id or m.text.lower().startswith(written))
               and not facts.no_site.overlaps(m.start, m.end)
               and not _LANDMARK.search(facts.text, max(0, m.start - 40), m.start) for m in facts.places.items)


def _antecedents(facts: ArticleFacts, noun: str, start: int, end: int) -> list:
    """The places between ``start`` and ``end`` that "the <noun>" may point back to, in text order."""
    text = facts.text
    within = facts.places.within(start, end)
    if noun in ("province", "governorate"):  # the last first-level division named, of a country the text names
        return [m for m in within if m.entry is not None and m.entry.kind == "admin1"
                and not facts.no_site.overlaps(m.start, m.end)
                and (not facts.named_countries or m.entry.country_code in facts.named_countries)]
    if noun == "district":  # "Baghdad's Sadr City district" ... "in the district's Habibiya area"
        # ("Mastung has suffered ... an election rally in the district": the paragraph's own place first)
        paragraph = text.rfind("\n\n", 0, end) + 1
        places = [m for m in within if m.entry is not None and m.entry.kind in ("admin2", "populated_place")
                  and not facts.no_site.overlaps(m.start, m.end) and not no_site_context(text, m.start)]
        return [m for m in places if m.start >= paragraph] or \
            [m for m in places if m.entry.kind == "admin2" or _DISTRICT_AFTER.match(text, m.end)]
    if noun in ("port", "harbour", "harbor"):  # "the Red Sea port of Hodeidah" ... "struck the port"
        return [m for m in within if m.entry is not None and m.entry.kind == "populated_place"
                and _PORT_AROUND.search(text, max(0, m.start - 30), min(len(text), m.end + 12))
                and not facts.no_site.overlaps(m.start, m.end) and not no_site_context(text, m.start)]
    if noun in ("town", "city", "village"):  # a town named as a place, not as a government or a name
        towns = [m for m in within
                if m.entry is not None and m.entry.kind == "populated_place"
                and (_located(facts, m) or _WITHDRAWN_FROM.search(text, max(0, m.start - 80), m.start))
                and not facts.foreign(m.entry) and not names_no_site(text, m)
                and not (_FROM.search(text, max(0, m.start - 12), m.start)  # "experts sent from Nairobi"
                         and not _WITHDRAWN_FROM.search(text, max(0, m.start - 80), m.start))
                and not _SEAT.search(text, max(0, m.start - 30), m.start) and not no_site_context(text, m.start)
                and not _LANDMARK.search(text, max(0, m.start - 40), m.start)
                and not _APPOSED_CONTAINER.search(text, max(0, m.start - 60), m.start)]  # "a town in southern Idlib"
        # "fought for control of Aden, its seat since the Houthis took Sanaa": a town named to say since
        # when is the antecedent only when no other town is
        return [m for m in towns if not _SINCE_CLAUSE.search(text, max(0, m.start - 60), m.start)] or towns
    # (a namesake abroad is no antecedent: "the site" after "the Adrar des Ifoghas mountains")
    kinds = ("airport",) if noun in ("airport", "airfield") else ("airport", "installation") if noun not in ANY_PLACE_NOUNS \
        else ("installation", "airport", "populated_place")
    return [m for m in within
            if m.entry is not None and not facts.no_site.overlaps(m.start, m.end) and not facts.foreign(m.entry)
            and not no_site_context(text, m.start)  # "sailing to Israel's port of Eilat"
            and not _SEAT.search(text, max(0, m.start - 30), m.start)  # "the Yemeni embassy in Baghdad"
            and not (noun in _GARRISON_NOUNS and m.entry.kind == "airport" and not _military_airfield(m.entry)) and (
                m.entry.kind in kinds or (m.entry.kind == "populated_place" and (_HOSTS_SITE.search(
                    text, max(0, m.start - 60), m.start) or _NAMES_ITS_SITE.match(text, m.end))))
            and (m.entry.kind != "populated_place" or _located(facts, m) or _NAMES_ITS_SITE.match(text, m.end))
            and not (m.entry.kind == "populated_place" and _LANDMARK.search(text, max(0, m.start - 40), m.start))
            and not _APPOSED_CONTAINER.search(text, max(0, m.start - 60), m.start)]  # "stripped Paris of": a government


_SINCE_CLAUSE = re.compile(r"\bsince\s+[^,;.]*$", re.IGNORECASE)
_GARRISON_NOUNS = frozenset(("base", "garrison", "barracks", "outpost", "cantonment"))
_MILITARY_NAME = re.compile(r"\b(?:air\s*base|airbase|air\s+station|air\s*field|military|army|base|camp)\b", re.IGNORECASE)


def _military_airfield(entry) -> bool:
    """"the base" after "Port Sudan's airport" is another site; after "Al Anad Air Base", that one."""
    return any(_MILITARY_NAME.search(name) for name in (entry.name, *entry.aliases))


def _subject_place(facts: ArticleFacts, start_of: int, end_of: int, written: str) -> list[Site]:
    """"Kunduz has long been a prize for the insurgents, who overran it in 2015", "Ain al-Asad ... was a
    frequent target. In January 2020, Iran struck it": the town or base that opens this sentence or
    the one before; "The base, about 60 km north of Aden, has changed hands. Government fighters retook
    it ...": the place that sentence's opening noun points back to."""
    text = facts.text
    for opening in _openings(text, start_of):
        subordinate = _SUBORDINATE_OPENING.match(text, opening)
        if subordinate:  # "As Kherson celebrated, Mykolaiv ... was counting its dead": the main clause's subject
            opening = subordinate.end()
        first = facts.places.within(opening, min(len(text), opening + 80))[:1]
        if first and first[0].start - opening <= 4 and first[0].entry is not None and \
                first[0].entry.kind in ("populated_place", "installation", "airport") and \
                not facts.no_site.overlaps(first[0].start, first[0].end):
            place = first[0]
            return [Site(place, written, start_of, end_of, place.geo_precision)]
        noun = _OPENING_ANAPHOR.match(text, opening)
        if noun is not None and (site := _pointed_to(facts, opening, noun)) is not None:
            return [Site(site.mention, written, start_of, end_of, site.precision)]
    return []


_UNKNOWN_SUBJECT = re.compile(r"[\"“]?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:sits|lies|lay|stands|is|was|has|had)\b")


_PRONOUNS = frozenset(("it", "this", "that", "there", "he", "she", "they", "we", "its", "the", "a", "an"))


def _unknown_subject_before(facts: ArticleFacts, position: int) -> bool:
    """The sentence before (or this one) opens with a capitalised name that is no place the text
    resolved and no known word ("Halgan sits at a key junction"): a town the gazetteer lacks."""
    text = facts.text
    for opening in _openings(text, position):
        found = _UNKNOWN_SUBJECT.match(text, opening)
        word = found.group(0).split()[0].strip("\"“") if found else ""
        # (a word also written in lower case, "It", "This", is no name)
        if found and not facts.places.overlapping(opening, found.end()) and not facts.actors.within(opening, found.end()) \
                and not _known_word(word) and not re.search(rf"\b{re.escape(word.lower())}\b", text) \
                and word.lower() not in _PRONOUNS:
            return True
    return False


_SUBORDINATE_OPENING = re.compile(r"(?:As|While|When|After|Before|Although|Though|Even\s+as)\s+[^,.;]{1,80},\s*")
_TAKEN_TOWN = re.compile(r"\b(?:overran|overrun|seized|captured|took|taken|stormed)\s+(?:the\s+(?:[\w-]+\s+)?"
                         r"(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)


def _town_taken_before(facts: ArticleFacts, start_of: int, end_of: int, written: str) -> list[Site]:
    """"Boko Haram fighters overran the town of Bosso ..., before the army won it back": the town its
    own sentence says was taken."""
    sentence_start = _sentence_start(facts.text, start_of)
    taken = [m for m in facts.places.within(sentence_start, start_of)
             if m.entry is not None and m.entry.kind == "populated_place" and not facts.no_site.overlaps(m.start, m.end)
             and _TAKEN_TOWN.search(facts.text, max(0, m.start - 40), m.start)]
    return [Site(taken[-1], written, start_of, end_of, taken[-1].geo_precision)] if taken else []


def _openings(text: str, position: int) -> list[int]:
    """Where the sentence holding ``position`` starts, and the sentence before it."""
    start = _sentence_start(text, position)
    return [start, _sentence_start(text, start - 2)] if start > 1 else [start]


def _sentence_start(text: str, position: int) -> int:
    stop = text.rfind(". ", 0, position)
    while stop > 0 and ends_with_abbreviation(text, stop):  # "On Jan. 26, ...": no sentence break
        stop = text.rfind(". ", 0, stop)
    cut = max(stop, text.rfind("\n", 0, position))
    return 0 if cut < 0 else cut + (2 if text.startswith(". ", cut) else 1)


def _located(facts: ArticleFacts, place) -> bool:
    """Named as where something is ("in X", "the town of X", "X was again a main target"), not as
    an actor or the dateline."""
    if facts.no_site.overlaps(place.start, place.end):
        return False
    before = facts.text[max(0, place.start - 40):place.start]
    opening = before.rstrip().rstrip("\"”’'")
    return bool(_PLACED.search(before)) or not opening or opening.endswith((".", "!", "?", "\n"))  # or a subject


def refers_to_earlier_date(text: str, sentence: Sentence) -> bool:
    return bool(_DATE_ANAPHOR.match(text, sentence.start))


def names_here(text: str, clause: Clause) -> bool:
    return bool(_HERE.search(text, clause.start, clause.end))


def takes_named_site(text: str, position: int) -> bool:
    """"taken over the vacated compound": the object is the site just named."""
    return bool(_SITE_ANAPHOR.match(text, position))


# "al-Shaab, a village on the eastern edge of the province": the village lies in the province named before
_IN_THE_PROVINCE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:village|town|hamlet|settlement)\b[^,.;]{0,60}?"
                              r"\bthe\s+(?P<noun>province|governorate)\b")


_CALLED_PROVINCE = re.compile(r"\s+(?:province|governorate)\b", re.IGNORECASE)


def in_the_province_named(facts: ArticleFacts, site: Site) -> Site:
    """A town described as lying in "the province" named before, found only in another country (a
    namesake there): the town the gazetteer lacks, sited at that province (geo_precision 2)."""
    province = _province_instead(facts, site.mention)
    return site if province is None else Site(province, site.text, site.start, site.end, 2)


def _province_instead(facts: ArticleFacts, mention):
    entry = mention.entry
    found = _IN_THE_PROVINCE.match(facts.text, mention.end) if entry is not None and entry.kind == "populated_place" \
        else None
    if found is None:
        return None
    provinces = [m for m in _antecedents(facts, found.group("noun"), 0, mention.start)
                 if _CALLED_PROVINCE.match(facts.text, m.end)]  # "Sweida province", not "Gulf markets"
    if not provinces or provinces[-1].entry.country_code == entry.country_code:
        return None
    return provinces[-1]
