"""Which of the places in a clause is where the event happened.

"<base> in <city>" is the base (the city only says where the base is); "<airfield>,
60 km south of <city>" is the airfield; "<country> fired missiles at <base>" is the
base (the country is an actor, and actor spans are excluded by the caller); a list
gives one site per item; the dateline and places inside quotations are not sites.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from geo.events.literals import Screened, fold_once
from geo.gazetteer.lexicon import words
from geo.model import PlaceMention

KIND_RANK = {"installation": 0, "airport": 0, "populated_place": 1, "online": 1,
             "admin1": 2, "admin2": 2, "region": 3, "country": 4, "continent": 5}
SPECIFIC_RANK = 1
LOOK_BACK = 160  # characters before a place that the locative patterns read
SCREEN_LITERALS = 128  # so many words are looked for in those characters faster than the longest patterns run
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_DISTANCE = r"(?:about\s+|some\s+|around\s+|roughly\s+)?[\d.,]+\s*(?:km|kms|kilometres?|kilometers?|(?:nautical\s+)?miles?|mi|nm)\b\s*(?:\(\s*[\d.,]+\s*\w+\s*\)\s*)?"
# Text between a place and the next one that makes the second a container of the first.
_CONTAINER_LINK = re.compile(
    r"^\s*(?:(?:township|district|province|region|county|governorate|state|village|town|city|area|camp|base)\b\s*)?"
    r"(?:,\s*(?:also\s+)?|\(\s*)?(?:(?:an?\s+|the\s+)(?:[\w-]+\s+){0,2}?(?:town|city|village|district|area|region|province|"
    r"county|suburb|neighbourhood|neighborhood|municipality|locality|settlement|community|commune|hamlet)\s+)?"
    r"(?:(?:in|near|outside|inside|at|of|close\s+to|on\s+the\s+outskirts\s+of|"
    r"on\s+the\s+(?:[\w-]+\s+)?(?:edge|edges|outskirts|fringes?)\s+of(?:\s+the\s+(?:[\w-]+\s+)?(?:city|town)\s+of)?|"
    rf"(?:{_DISTANCE})?{_DIRECTION}\s+of|{_DISTANCE}from)\s+(?:the\s+)?(?:(?:{_DIRECTION}|central|"
    r"northern|southern|eastern|western)\s+)?(?:city\s+of\s+|town\s+of\s+|province\s+of\s+|governorate\s+of\s+|"
    r"municipality\s+of\s+|district\s+of\s+|commune\s+of\s+|county\s+of\s+|region\s+of\s+|state\s+of\s+|"
    r"(?:state\s+|provincial\s+|regional\s+|district\s+)?capital,?\s+)?)?$",
    re.IGNORECASE,
)
_POSSESSIVE_LINK = re.compile(r"^(?:\s+(?:region|province|state|governorate|oblast|county|district|prefecture))?['’]s\s+$")
_COMMA_ONLY = re.compile(r"^\s*(?:,|\()\s*$")
# Words just before a place that make it a location: "in <city>", "at <base>".
_LOCATIVE = Screened.of(re.compile(
    r"\b(?:in|at|near|outside|inside|into|across|around|throughout|on|over|toward|towards|against|"
    r"targeting|targeted|target|hit|hitting|struck|striking|strike|stormed|storming|storm|attacked|attack|raided|raid|shelled|shell|bombed|bomb|close\s+to|next\s+to|beside|alongside|"
    r"destroyed|damaged|wrecked|levell?ed|flattened|razed|off|off\s+the\s+coast\s+of|"
    r"(?:edges?|parts?|areas?|neighbou?rhoods?|suburbs?|cent(?:re|er)|heart|middle)\s+of|through|"
    r"seized|captured|recaptured|retook|retaken|regained|liberated|(?:liberation|recapture)\s+of|claimed|including|such\s+as|namely|outskirts\s+of|"
    r"hand(?:ed|s|ing)(?:\s+over)?|transferr(?:ed|ing)|vacat(?:ed|ing)|left|leaving|evacuated|abandoned|"
    r"entered|enter|took|taken|take|taking|capture|seize|overr(?:an|un)|occupied|rocked|shook|pounded|bombarded|control\s+(?:of|over)|out\s+of|"
    r"(?:city|town|village|port|hamlet|settlement|district|region|province)\s+of|"
    rf"{_DIRECTION}\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:(?-i:[A-Z])[\w'’-]+,\s+)?$",  # "in Maiwut, South Sudan"
    re.IGNORECASE,
), SCREEN_LITERALS)
# "In the regional capital, Kharkiv, ...", "at the village of Y": the name set beside its noun.
_APPOSED = re.compile(r"\b(?:in|at|near|on|outside|struck|hit|of|from|into|captured|seized|took|retook|recaptured|entered|"
                      r"overran|stormed|attacked|raided|shelled|bombed|targeted)\s+(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?"
                      r"(?:capital|city|town|village|port|hamlet|district|province|region|area|base|camp),\s+$", re.IGNORECASE)
# "in a farming area south-west of the capital": somewhere around the place, not the place
_RELATIVE_TO = re.compile(rf"\b(?:{_DISTANCE})?{_DIRECTION}\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_STRICT_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE)
# "near the border with <country>": the neighbour only says where the border is.
# "Shusha, the hilltop town overlooking the region's main city of Stepanakert": a landmark in view
_OVERLOOKING = Screened.of(re.compile(r"\b(?:overlooking|overlooks|overlooked)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?$", re.IGNORECASE))
_BORDER_WITH = Screened.of(re.compile(r"\b(?:border|borders|frontier|boundary|boundaries)\s+with\s+(?:the\s+)?$", re.IGNORECASE))
# "militias loyal to <country>", "groups backed by <country>": a patron, not a place;
# "a group based in Brussels", "a NATO summit in Washington": where it sits or meets, not where
# anything happened; "sailing to Eilat", "taken to hospitals in Ouallam": where people went after;
# "missiles fired from Houthi-held areas near Taiz": where the weapon came from.
_PATRON = Screened.of(re.compile(r"\b(?:(?:loyal|close|allied|linked|tied|aligned|affiliated)\s+(?:to|with)|backed\s+by|"
                                  r"funded\s+by|armed\s+by|supported\s+by|proxies\s+of|(?:based|headquartered|registered|lives?|lived|living|resides?|resided|residing|exiled)\s+in|"
                                  r"(?:summit|talks|conference|meeting|forum|negotiations|agreement|accord|treaty|pact|deal)\s+(?:[\w-]+\s+)?in|"
                                  r"(?:government|regime|administration|authorities)\s+in|"
                                  r"(?:support|solidarity|sympathy)\s+(?:for|with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:in|of)|"
                                  r"(?:the|a|[\w-]+['’]s|years?\s+of|decades?\s+of|months\s+of)\s+(?:[\w-]+\s+)?(?:war|conflict)\s+(?:in|on|over)|"
                                  r"(?:State|Qaeda|group|militants|coalition|campaign|fight|operations?|branch|affiliate)\s+(?:against\s+[^,.;]{0,40}?\s+)?in|"
                                  r"(?:fired|launched)\s+from(?:\s+[\w'’-]+){0,6}?|across|towards?|(?:told\s+(?:reporters|journalists|a\s+news\s+conference)|speaking|spoke|briefing)\s+in|(?:trip|visit|journey|tour|flight)\s+to|(?:sailing|bound|heading|headed|travelling|traveling|destined|en\s+route|left|fled|fleeing|escaped|set\s+off|departed|(?:set\s+off|left|departed)\s+by\s+(?:road|air|sea))(?:\s+(?:south|north|east|west|on\s+foot|by\s+(?:boat|road|bus|air|sea)|across\s+(?:the\s+)?[\w-]+))?\s+(?:to|for)(?:\s+(?:[\w'’-]+\s+){0,2}?(?:port|capital|city|town)(?:\s+of|,))?|arriv(?:ed|ing|al)\s+(?:in|at)|"
                                  r"(?:taken|rushed|evacuated|transferred|airlifted|flown|brought|admitted|treated)\s+(?:to|in|at)\s+(?:a\s+|the\s+)?"
                                  r"(?:[\w-]+\s+)?(?:hospitals?|clinics?|medical\s+cent(?:re|er)s?)\s+in)"
                                  r"\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?(?:(?:regional|provincial|state|district)\s+capital,?\s+)?"
                                  r"(?:(?-i:[A-Z])[\w'’-]*,?\s+(?:and|or)\s+)?$",
                                  re.IGNORECASE), SCREEN_LITERALS)
_SPEAKERS_TOWN = re.compile(r"(?:^|[.!?\"”]\s+|\n)In\s+$")
_SPEAKER_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?(?:(?:[A-Z][\w.'’-]*|defen[cs]e|foreign|interior|state)\s+){0,6}?(?:spokes(?:man|woman|person)|officials?|minister|"
                            r"secretary|president|ambassador|diplomats?|envoy|analysts?|lawmakers?|senators?|ministry|government|military|army|"
                            r"Kremlin|Pentagon)\b")
_DESCRIBED_BY = Screened.of(re.compile(r",\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?:that|which|where|whose)\b[^,;.]*$",
                                      re.IGNORECASE))
# "Douma, the last rebel-held town in the Eastern Ghouta enclave near Damascus": where the town just named lies
_DESCRIBED_TOWN = Screened.of(re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|village|hamlet|settlement|enclave|suburb|"
                                         r"district|camp|base)\s+(?:in|near|outside|on|of)\b(?:[^,;.]|(?<=\d)[,.](?=\d))*$", re.IGNORECASE))
_PLATFORM_IN = Screened.of(re.compile(r"\b(?:destroyers?|warships?|ships?|submarines?|frigates?|cruisers?|vessels?|carriers?|"
                                      r"bombers?|batteries|launchers?)\s+(?:(?:stationed|positioned|sailing|deployed)\s+)?"
                                      r"(?:in|off|on)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE))
_LAUNCHES = re.compile(r"[^.;]{0,80}?\b(?:fired|launched|lobbed)\b", re.IGNORECASE)
_HANDING_X = Screened.of(re.compile(r"\b(?:handing|handed|hands|giving|gave|gives|dealing|dealt|delivering|delivered)\s+$", re.IGNORECASE))
_WHAT_IS_HANDED = re.compile(r"\s+(?:a|an|one|its|their|his|her|the|another|control|victory|defeat)\b", re.IGNORECASE)
# "the killings were revenge for the persecution of Muslims in Mombasa": what an attack avenges is elsewhere
AVENGES = re.compile(r"\b(?:(?:revenge|retaliation|reprisals?|response|punishment)\s+for|(?:response|reply|answer|retaliation)\s+to)\b[^;.]*$",
                     re.IGNORECASE)
_LEAVING_X = Screened.of(re.compile(r"\bleaving\s+$", re.IGNORECASE))
_WITHOUT = re.compile(r"\s+without\b", re.IGNORECASE)
_LEFT_FROM = Screened.of(re.compile(r"\b(?:left|leaving|departed|departing)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE))
# "rockets fired from a vehicle in the north of the city toward the airport", "a drone heading for the
# palace": the weapon's target
_FIRED_TOWARDS = Screened.of(re.compile(r"(?:\b(?:fired|launched|lobbed|aimed|flown|flew)\b(?:\s+[\w'’,-]+){0,10}?\s+towards?|"
                                        r"\b(?:drones?|missiles?|rockets?|projectiles?)\s+(?:heading|headed)\s+(?:for|to|towards?))"
                                        r"\s+(?:the\s+)?$", re.IGNORECASE))
_OFFICIALS_IN = Screened.of(re.compile(r"\b(?:officials?|sources?|diplomats?|authorities|spokes(?:man|men|woman|person)|"
                                       r"analysts|observers)\s+in\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+(?:and|or)\s+)?$",
                                       re.IGNORECASE))
# "a woman whose husband was killed said at a hospital in Anantnag": where the speaker was, not the site
_SPOKE_AT = Screened.of(re.compile(r"\b(?:said|says|told\s+[\w-]+|speaking|spoke)\s+(?:at|in|from|outside)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:hospital|clinic|morgue|hotel|news\s+conference|press\s+conference|funeral|briefing|rally)\s+"
                                   r"(?:in|at|near)\s+(?:the\s+)?$", re.IGNORECASE))
SEAT_OF_OFFICIALS = 300_000  # a city this large where officials speak from is their seat, not the site
_GATHERING_ATTACKED = Screened.of(re.compile(r"\b(?:struck|hit|attacked|bombed|targeted|stormed|raided|shelled|at|during|on)\s+"
                                             r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|rally|conference|forum|summit|gathering)\s+"
                                             r"(?:[\w-]+\s+)?in\s+(?:the\s+)?$", re.IGNORECASE))
_CLOSE_TO_PATRON = Screened.of(re.compile(r"\b(?:militias?|groups?|factions?|parties|party|movements?|forces|fighters|officials?|"
                                          r"sources?|figures|circles|clerics?|politicians?|media|outlets?|people)\s+close\s+to\s+(?:the\s+)?$",
                                          re.IGNORECASE))
_NEXT_WORDS = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,1}[a-z][\w-]*)")
_ORIGIN = Screened.of(re.compile(r"\b(?:from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE))
_LIST_TAIL = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?$", re.IGNORECASE)
# An unrecognized name right before "in <place>": "al-<Name> in <city>".
_UNNAMED_SITE = re.compile(
    r"(?:^|,|\bincluding|\bsuch\s+as|\band|\bover|\bat|\bof|\bfrom)\s+"
    r"((?:[Aa][ln]-|[Ee]l-)?[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*){0,3})\s+(?:in|near|outside)\s+$"
)
# "the sprawling facility north of <city>": once a site is named, a place that
# only says where "the base"/"the facility" lies is no second site.
_DESCRIBES_SITE = Screened.of(re.compile(
    r"\b(?:base|camp|airfield|air\s+base|facility|outpost|garrison|installation|compound|site|station|hotel|prison)"
    rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:in|near|outside|on\s+the\s+outskirts\s+of|{_DIRECTION}\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?$|"
    # "the T-4 air base, also known as Tiyas, which lies in the desert between the city of Homs and ...":
    # where the site named just before lies
    r",\s+(?:which|that)\s+(?:lies|lay|sits|sat|stands|stood|is\s+located|was\s+located)\b[^,;.]{0,80}?$",
    re.IGNORECASE,
))
# "that Washington blames on militias", "Moscow denied": a capital or country that acts or
# speaks stands for its government, not for where anything happened.
_ACTS = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:not\s+|yet\s+to\s+|also\s+)?(?:confirm(?:s|ed)?|acknowledg(?:es|ed)|blames?|blamed|accus(?:es|ed)|says|said|warn(?:s|ed)|insist(?:s|ed)|den(?:ies|ied)|"
    r"condemn(?:s|ed)|demand(?:s|ed)|urg(?:es|ed)|vow(?:s|ed)|announc(?:es|ed)|claim(?:s|ed)|responded|retaliated|"
    r"believes|sees|considers|wants|threatened|fired|launched|sent|deployed|ordered|agreed|decided|"
    r"insisting|denying|describing|claiming|accusing|blaming|saying|warning|vowing|calling|began|begun|started|"
    r"carried\s+out|retaliated|responded|struck\s+back|hit\s+back)\b")
# "Kinshasa's grip on the Kivu provinces", "Moscow's forces": the place stands for its government.
_POSSESSES = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:grip|hold|control|influence|government|army|military|forces|troops|"
                        r"authority|authorities|rule|sovereignty|allies|ally|backing|support|claims?|policy|response|"
                        r"ambassador|envoy|president|leaders?|regime|junta|rulers)\b", re.IGNORECASE)
# "Iran-backed militias", "US-led coalition": the name qualifies an actor.
_QUALIFIES = re.compile(r"[-–](?:backed|led|allied|aligned|linked|affiliated|funded|supported|sponsored|trained|armed|"
                        r"based|born|registered|headquartered|flagged|owned|operated|managed|chartered|bound)\b")
# "on the Dnipro river", "the Euphrates valley", "the Gaza war", "the Minsk agreement": a feature, a war or
# an accord named after the place, not the place.
_FEATURE_AFTER = re.compile(r"\s+(?:river|valley|delta|basin|mountains|range|hills|lake|gulf|strait|canal|reservoir|"
                            r"desert|plain|plateau|corridor|highway|motorway|road|front|frontline|front\s+line|"
                            r"oil\s+field|gas\s+field|oilfield|gasfield|war|conflict|ceasefire|truce|talks|crisis|"
                            r"accords?|agreement|deal|process)\b")
# "... at Ain al-Asad and at a facility in <city>": another target, not the first one described.
_SECOND_TARGET = re.compile(r"(?:(?:\band\s+|,\s*)(?:at|on|against|targeting|hitting|in)\s+|\band\s+)"
                            r"(?:a|an|another|a\s+second)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_NOT_NAMES = frozenset("the a an in on at and or including such as near of this that these those".split())


@dataclass(frozen=True)
class Site:
    mention: PlaceMention  # the place whose coordinates the event gets
    text: str  # the site as the text names it
    start: int
    end: int
    precision: int | None

    @classmethod
    def named(cls, mention: PlaceMention, precision: int | None = None) -> "Site":
        """The site the place mention itself names, at the mention's precision unless given."""
        return cls(mention, mention.text, mention.start, mention.end,
                   mention.geo_precision if precision is None else precision)

    @property
    def located(self) -> bool:
        return self.mention.entry is not None


def rank(mention: PlaceMention) -> int:
    return KIND_RANK.get(mention.entry.kind, 1) if mention.entry else 0


def select_sites(text: str, mentions: list[PlaceMention], start: int, end: int, *, category: str,
                 blocked: Callable[[int, int], bool], from_is_site: bool = False, strict: bool = False,
                 site_context: bool = False) -> list[Site]:
    """Sites for an event whose clause is text[start:end]; ``blocked(start, end)``
    says whether a span holds no site (dateline, actors, dates, foreign quotations). ``site_context``:
    the clause speaks of bases or sites, so an unknown name before "in <place>"
    ("al-<Name> in <city>") is taken for a site inside that place."""
    scope = [m for m in mentions if start <= m.start and m.end <= end and not blocked(m.start, m.end)
             and not _names_no_site(text, m)]
    container_of = _containers(text, scope)
    containers = {id(m) for m in container_of.values()} | _possessive_containers(text, scope)
    accepted: list[PlaceMention] = []
    for mention in scope:
        if id(mention) in containers:
            continue
        before = text[max(start, mention.start - LOOK_BACK):mention.start]
        folded = fold_once(before)
        describes = _DESCRIBES_SITE.search(before, folded)
        if any(rank(a) <= SPECIFIC_RANK for a in accepted) and describes and rank(mention) >= 1 \
                and not _SECOND_TARGET.search(before, 0, describes.start()):
            continue
        if accepted and _DESCRIBED_BY.search(before, folded):
            continue  # "recaptured Gharyan, the mountain town that served as a base for the offensive on Tripoli"
        if any(rank(a) <= SPECIFIC_RANK for a in accepted) and _DESCRIBED_TOWN.search(before, folded):
            continue
        if accepted and _RELATIVE_TO.search(before):
            continue  # "Buulo Mareer, in the Lower Shabelle region about 100 km southwest of Mogadishu"
        if _METONYM.match(text, mention.end) or _GOVERNMENT_ACTS.match(text, mention.end):
            continue  # "one of the deadliest in Washington's bombing campaign": the government, not a place
        if _SPEAKERS_TOWN.search(before) and _SPEAKER_AFTER.match(text, mention.end):
            continue  # "In Washington, State Department spokesman Matthew Miller said ...": where they speak
        if category == "attack" and _PLATFORM_IN.search(before, folded) and _LAUNCHES.match(text, mention.end):
            continue  # "Two destroyers in the eastern Mediterranean ... fired 59 missiles": where they fired from
        if _HANDING_X.search(before, folded) and _WHAT_IS_HANDED.match(text, mention.end):
            continue  # "handing Kyiv one of the most significant gains of the war": who gains, not where
        if _LEAVING_X.search(before, folded) and _WITHOUT.match(text, mention.end):
            continue  # "leaving Paris without a fixed base in West Africa": the government, left without it
        if category == "attack" and _LEFT_FROM.search(before, folded):
            continue  # "the train had left Abuja's Idu station when explosives went off": where it came from
        if _is_site(before, mention, strict, from_is_site) or (
                _continues_list(text, accepted, mention) and not _PATRON.search(before, folded)):  # "group in Syria and Iraq"
            accepted.append(mention)
    if not accepted:  # "... 60 km from the town of Tera in the Tillaberi region": the container, when its
        accepted = [m for m in scope if id(m) in containers and m.entry is not None  # inner is no site
                    and _is_site(text[max(start, m.start - LOOK_BACK):m.start], m, strict, from_is_site)][:1]
    # "on the road between Djibo and Arbinda": one event, near the first of the two
    accepted = [m for m in accepted if not _BETWEEN_SECOND.search(text, max(start, m.start - 80), m.start)]
    far = [m for m in accepted if _far_bearing(text, max(start, m.start - LOOK_BACK), m.start)]
    if far and any(rank(m) <= 2 for m in accepted if m not in far):
        accepted = [m for m in accepted if m not in far]  # "a village in X ... 200 km north of the capital, Y": not Y
    specific = [m for m in accepted if rank(m) <= SPECIFIC_RANK]
    if category == "handover":  # a district given up counts beside the towns ("left al-Durayhimi ... and al-Tuhayta")
        chosen = [m for m in accepted if rank(m) <= SPECIFIC_RANK or (rank(m) == 2 and (
            not specific or m.entry.kind == "admin2"))]
    else:  # without a specific site, the finest of the broad ones (a province, not its country)
        finest = min((rank(m) for m in accepted), default=0)
        chosen = specific or [m for m in accepted if rank(m) == finest]
    sites: list[Site] = []
    seen: set[str] = set()
    for mention in chosen:
        key = mention.entry.id if mention.entry else mention.text.lower()
        if key in seen:
            continue
        seen.add(key)
        site = _site(text, max(start, mention.start - LOOK_BACK), mention, blocked, site_context)
        sites.append(_consistent(site, container_of.get(id(mention)), scope))
    return sites


_METONYM = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:campaign|war|government|forces|military|army|troops|allies|ally|"
                      r"proxies|policy|decision|envoy|ambassador|offensive|backing|leadership|administration|strategy|"
                      r"diplomats|regime|sanctions|invasion|embassy|consulate|mission)\b(?!\s+(?:base|airport|air\s+base|camp|barracks|headquarters|"
                      r"compound|post|garrison|academy|hospital|airfield|depot)\b)", re.IGNORECASE)
# "since Washington formally began withdrawing its troops", "Moscow said": a capital that acts is its government
_GOVERNMENT_ACTS = re.compile(r"\s+(?:(?:formally|officially|also|then|quickly|finally|first|has|have|had|later)\s+){0,2}"
                              r"(?:began|begun|started|announced|said|says|decided|ordered|agreed|pledged|vowed|warned|"
                              r"accused|denied|condemned|imposed|demanded|insisted|urged|blamed|threatened)\b")
_BEARING = re.compile(rf"(?P<n>\d[\d.,]*)\s*(?P<unit>km|kms|kilometres?|kilometers?|nautical\s+miles?|miles?|mi|nm)\b"
                      rf"\s*(?:\([^)]*\)\s*)?(?:{_DIRECTION}\s+of|from)\s+(?:the\s+)?(?:(?!and\b)[\w'’-]+[,\s]+){{0,3}}?$", re.IGNORECASE)
FAR_KM = 50.0
_BETWEEN_FIRST = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|cities|villages|city)\s+of\s+)?$", re.IGNORECASE)
_BETWEEN_SECOND = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|cities|villages|city)\s+of\s+)?(?-i:[A-Z])[\w'’-]*"
                             r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+and\s+(?:the\s+)?$", re.IGNORECASE)  # a landmark this far from the site does not locate it


def _far_bearing(text: str, start: int, end: int) -> bool:
    found = _BEARING.search(text, start, end)
    if not found:
        return False
    try:
        distance = float(found["n"].replace(",", ""))
    except ValueError:
        return False
    unit = found["unit"].lower()
    factor = 1.852 if unit.startswith(("nautical", "nm")) else 1.609 if unit.startswith("mi") else 1.0
    return distance * factor >= FAR_KM


def _containers(text: str, scope: list[PlaceMention]) -> dict[int, PlaceMention]:
    """{id(inner): container} for mentions that only locate the mention before
    them: "<base> in <city>", "<airfield>, 60 km south of <city>", "<town>, <province>",
    or the one after them: "<province>'s <district>"."""
    found: dict[int, PlaceMention] = {}
    for inner, outer in zip(scope, scope[1:]):
        link = text[inner.end:outer.start]
        if _POSSESSIVE_LINK.match(link):
            continue  # "Sagaing region's Kanbalu township": see _possessive_containers
        if not _CONTAINER_LINK.match(link):
            continue
        if _COMMA_ONLY.match(link):
            if rank(outer) >= 2 and rank(outer) > rank(inner):
                found[id(inner)] = outer
        elif rank(outer) >= rank(inner) or inner.entry is None:
            found[id(inner)] = outer
    return found


def names_no_site(text: str, mention: PlaceMention) -> bool:
    """Public for coreference: the name stands for a government, an actor or a feature."""
    return _names_no_site(text, mention)


def _names_no_site(text: str, mention: PlaceMention) -> bool:
    """"Washington blames", "Iran-backed", "US attack helicopters", "on the Dnipro river", "the
    al-Omar oil field": the name stands for a government, an actor or a feature, not a site."""
    return bool(_ACTS.match(text, mention.end) or _QUALIFIES.match(text, mention.end)
                or _FEATURE_AFTER.match(text, mention.end) or _qualifies_actor(text, mention)
                or _POSSESSES.match(text, mention.end))


def _possessive_containers(text: str, scope: list[PlaceMention]) -> set[int]:
    """"Sagaing region's Kanbalu township", "Nigeria's Kaduna state": the first only locates the second."""
    return {id(outer) for outer, inner in zip(scope, scope[1:])
            if inner.entry is not None and _POSSESSIVE_LINK.match(text[outer.end:inner.start])}


def _qualifies_actor(text: str, mention: PlaceMention) -> bool:
    """"US attack helicopters", "Iraqi army troops": a country naming whose forces they are."""
    if mention.entry is None or mention.entry.kind != "country":
        return False
    following = _NEXT_WORDS.match(text, mention.end)
    return bool(following) and any(word.lower() in words("actor_nouns") for word in following.group(1).split())


def _is_site(before: str, mention: PlaceMention, strict: bool, from_is_site: bool) -> bool:
    """``strict`` (statements, ceremonies): only "in/at/near X" places the event."""
    folded = fold_once(before)
    if _BORDER_WITH.search(before, folded) or _OVERLOOKING.search(before, folded) or _SPOKE_AT.search(before, folded):
        return False
    if _OFFICIALS_IN.search(before, folded) and mention.entry is not None and mention.entry.population >= SEAT_OF_OFFICIALS:
        return False  # "officials in Niamey and Washington said": where they sit, not where it happened
    patron = _PATRON.search(before, folded)
    # "militias close to Tehran" names a patron; "landed close to <a base or town>" a place; "struck an
    # election meeting in Mastung": the gathering attacked is where it happened
    if patron and not (patron.group(0).lower().startswith("close") and rank(mention) <= SPECIFIC_RANK
                       and not _CLOSE_TO_PATRON.search(before, folded)) and not _GATHERING_ATTACKED.search(before, folded) \
            and not _FIRED_TOWARDS.search(before, folded):
        return False
    if from_is_site and _ORIGIN.search(before, folded):
        return True
    if strict:
        return bool(_STRICT_LOCATIVE.search(before))
    if _ORIGIN.search(before, folded):
        return False
    if rank(mention) == 0 and mention.entry is not None:
        return True
    return bool(_LOCATIVE.search(before, folded) or _APPOSED.search(before))


def no_site_context(text: str, start: int) -> bool:
    """Whether the words before ``start`` make the place there no site: a patron, a destination
    ("the convoy from Ber towards Tombouctou came under fire"), a meeting place."""
    before = text[max(0, start - LOOK_BACK):start]
    folded = fold_once(before)
    if not _PATRON.search(before, folded):
        return False
    return not _GATHERING_ATTACKED.search(before, folded) and not _FIRED_TOWARDS.search(before, folded)


def _continues_list(text: str, accepted: list[PlaceMention], mention: PlaceMention) -> bool:
    """"... including A near X, B in Y, and C": an item right after a list
    separator, once an earlier item was accepted, is accepted too."""
    if not accepted or text.startswith(("'s", "’s"), mention.end):
        return False
    return bool(_LIST_TAIL.search(text, max(0, mention.start - 12), mention.start))


def _site(text: str, clause_start: int, mention: PlaceMention, blocked: Callable[[int, int], bool],
          site_context: bool) -> Site:
    precision = mention.geo_precision
    before = text[clause_start:mention.start]
    unnamed = _UNNAMED_SITE.search(before) if site_context else None
    if unnamed and unnamed.group(1).lower() not in _NOT_NAMES:
        name_start = clause_start + unnamed.start(1)
        name_end = clause_start + unnamed.end(1)
        if not blocked(name_start, name_end):
            # The text names a site the gazetteer does not know, inside a known place.
            return Site(mention, unnamed.group(1), name_start, name_end, max(precision or 2, 2))
    return Site.named(mention, precision)


def _consistent(site: Site, container: PlaceMention | None, scope: list[PlaceMention]) -> Site:
    """"<village> in <country>" resolved to a namesake in another country is a
    wrong resolution: fall back to the finest place of the clause inside the
    container's country, with the precision of "somewhere in that area"."""
    entry = site.mention.entry
    if entry is None or container is None or container.entry is None:
        return site
    if not entry.country or not container.entry.country or entry.country == container.entry.country:
        return site
    if container.entry.kind == "country" and _shares_name(container.text, entry.country):
        return site  # "Bukavu ... in eastern Congo": the Congo meant is the town's (names of two countries)
    inside = [m for m in scope if m.entry and m.entry.country == container.entry.country and m is not site.mention]
    fallback = min(inside, key=rank) if inside else container
    return replace(site, mention=fallback, precision=max(fallback.geo_precision or 2, 2))


def _shares_name(written: str, country: str) -> bool:
    """Whether the country as written ("Congo") is a word of another country's name ("Democratic
    Republic of the Congo"): the text may mean either."""
    return bool(re.search(rf"\b{re.escape(written.strip())}\b", country)) if written.strip() else False
