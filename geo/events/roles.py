"""Who did what to whom: actor1 and actor2 of an event from the actor mentions
around its trigger. ACLED's actor1/actor2 carry no direction, but we keep the
agent first when the text shows one ("<country> fired missiles at ..." -> that country)."""
from __future__ import annotations

import re
from dataclasses import replace

from geo.events.actors import ActorMention, civilians_of
from geo.model import Event

CLAIM_REACH = 1500  # characters back from a claim that its attacks may lie

_PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_RECIPIENT = re.compile(r"\b(?:to|over\s+to|in\s+favou?r\s+of|with)\s+(?:the\s+)?$", re.IGNORECASE)
_OPPONENT = re.compile(
    r"\b(?:against|on|at|targeting|targeted|attacked|hit|struck|ambushed|with|between)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# "Two <demonym> soldiers were killed": the actor before the trigger is the victim.
_VICTIM = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:was|were|have\s+been|had\s+been|has\s+been|got)\s+(?:[\w-]+\s+)?"
    r"(?:killed|wounded|injured|hit|attacked|targeted|struck|kidnapped|abducted|ambushed|shelled)\b",
    re.IGNORECASE,
)


def _before(text: str, mention: ActorMention, pattern: re.Pattern, reach: int = 40) -> bool:
    return bool(pattern.search(text, max(0, mention.start - reach), mention.start))


def assign_roles(text: str, category: str, trigger_start: int, trigger_end: int,
                 clause: tuple[int, int], sentence: tuple[int, int], actors: list[ActorMention],
                 civilians: bool, site_country: str | None) -> tuple[str | None, str | None]:
    """(actor1, actor2). ``actors`` are the usable mentions of the sentence, in
    text order (the caller drops those inside foreign quotations)."""
    named = [a for a in actors if a.kind != "civilians"]
    in_clause = [a for a in named if clause[0] <= a.start and a.end <= clause[1]]
    before = [a for a in in_clause if a.start < trigger_start]
    victims = [a for a in before if _VICTIM.match(text, a.end)]
    before = [a for a in before if a not in victims]
    after = [a for a in named if a.start >= trigger_start and sentence[0] <= a.start]
    agent = next((a for a in after if _before(text, a, _PASSIVE_AGENT, 8)), None)
    target = victims[-1] if victims else None
    if agent is not None:
        target = target or (before[-1] if before else None)
    elif before:
        agent = _best(before)
    elif category == "other":
        agent = after[0] if after else (named[0] if named else None)
    elif category == "handover":  # "the departure of <demonym> forces from ...": the agent follows
        agent = next((a for a in after if not _before(text, a, _RECIPIENT) and a is not target), None)
    actor1 = agent.name if agent else None
    actor2 = None
    if civilians and category == "attack":
        actor2 = civilians_of(site_country)
    elif target is not None and target.name != actor1:
        actor2 = target.name
    else:
        pattern = _RECIPIENT if category == "handover" else _OPPONENT
        rest = [a for a in after if a.name != actor1 and a is not agent]
        preferred = next((a for a in rest if _before(text, a, pattern)), None)
        if preferred is not None:
            actor2 = preferred.name
        elif category in ("handover", "attack") and rest and rest[0].kind != "government":
            actor2 = rest[0].name  # "killing two <demonym> soldiers": the victims
    return actor1, actor2


def _best(before: list[ActorMention]) -> ActorMention:
    """The agent is the actor nearest the trigger, unless that is only an
    unidentified group and a named one stands earlier in the clause."""
    nearest = before[-1]
    if nearest.kind == "unidentified":
        named = [a for a in before if a.kind != "unidentified"]
        if named:
            return named[-1]
    return nearest


def credit_claims(events: list[Event], text: str, claims: list[tuple[int, int]],
                  actors: list[ActorMention]) -> list[Event]:
    """"<group> claimed responsibility for the attack":
    the claimant becomes actor1 of the attacks just before the claim that have none.
    ``claims`` are (sentence start, claim phrase start) pairs."""
    for sentence_start, claim_start in claims:
        claimant = next((a for a in actors if sentence_start <= a.start and a.end <= claim_start
                         and a.kind not in ("civilians", "government")), None)
        if claimant is None:
            continue
        events = [
            replace(e, actor1=claimant.name) if (
                e.category == "attack" and e.actor1 is None and e.end_char <= sentence_start
                and sentence_start - e.start_char <= CLAIM_REACH) else e
            for e in events
        ]
    return events
