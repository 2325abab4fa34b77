"""Captures, raids and withdrawals: which of them a clause states, and withdrawals that are one side
of a capture told in the same report. Pure: no I/O, no clock.

"M23 rebels marched into the centre of Bukavu on Sunday ... the governor said the army had pulled out
of the city": the army's withdrawal is how the rebels took the town, one occurrence (ACLED codes the
capture). A withdrawal from a town with no date of its own, at a town the report says was captured or
retaken, is left out, and so is one its sentence tells after the capture as how the town fell; one
on another day stays.

"Fighters entered the town from three directions on Wednesday in a surprise assault": the ground fight
that took a town the report has just said was captured or retaken, told of "the town" on the capture's
day (or dating a capture whose words give no day), is how it was taken: one occurrence, coded as the
capture.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from geo.events.actors import ActorFinder
from geo.events.frames import JOIN_PARAGRAPHS, TERRITORY_TAKEN, UNDATED_NOTE, EventMention, merge
from geo.events.sentences import Clause
from geo.events.triggers import CATEGORY_PRIORITY, Trigger
from geo.model import Event

_TOWN_KINDS = ("populated_place", "admin2")
RAID_RETREAT_DAYS = 2  # an armed group pulling out of a town this soon after storming it ends its raid
ANNOUNCED_WITHIN_DAYS = 3  # a capture announced this many days after the storming that took the town
_STORMED_KINDS = frozenset(("storming", "killing", "site"))  # a town stormed, and those killed as it was
_GROUND_FIGHT_KINDS = frozenset(("attack", "storming", "site"))  # clashes that go on after it are fighting of their own


def with_fights_that_took_towns(events: list[Event], groups: list[list[EventMention]], published
                                ) -> tuple[list[Event], list[list[EventMention]]]:
    """Each ground fight at a town that a capture in the next paragraphs took (see the module)
    joins that capture's occurrence."""
    absorbed: dict[int, int] = {}  # fight index -> capture index
    for fight, (event, group) in enumerate(zip(events, groups)):
        if event.category != "attack" or not event.located or event.location_kind not in _TOWN_KINDS:
            continue
        capture = next((i for i, (taken, its_group) in enumerate(zip(events, groups)) if i not in absorbed
                        and _took_it(taken, its_group, event, group)), None)
        if capture is not None:
            absorbed[fight] = capture
    if not absorbed:
        return events, groups
    joined = {capture: [*groups[capture], *(m for fight, c in absorbed.items() if c == capture for m in groups[fight])]
              for capture in set(absorbed.values())}
    kept = [(merge(joined[i], published) if i in joined else event, joined.get(i, group))
            for i, (event, group) in enumerate(zip(events, groups)) if i not in absorbed]
    return [event for event, _ in kept], [group for _, group in kept]


def _on_its_day(capture: Event, capture_group: list[EventMention], fight: Event) -> bool:
    """The fight's day is the capture's, or the capture is dated only by when it was announced
    ("said on Monday it had captured the town" after "overran the last outposts on Sunday")."""
    if (capture.date_start, capture.date_end) == (fight.date_start, fight.date_end):
        return True
    announced_only = all(m.weak_date for m in capture_group if m.event.date_start is not None)
    return announced_only and capture.date_start - timedelta(days=ANNOUNCED_WITHIN_DAYS) <= fight.date_start <= capture.date_end


def _took_it(capture: Event, capture_group: list[EventMention], fight: Event, fight_group: list[EventMention]) -> bool:
    if not (capture.category == "other" and capture.sub_event_type in TERRITORY_TAKEN and capture.location == fight.location):
        return False
    if fight.date_start is None:
        return False
    if any(m.kind == "storming" for m in fight_group) and all(m.kind in _STORMED_KINDS for m in fight_group) and \
            UNDATED_NOTE not in (capture.notes or "") and fight.time_precision == 1 and _on_its_day(capture, capture_group, fight):
        return True  # "the insurgents had stormed Mocímboa da Praia by land and sea" on the day they took it
    # told after the capture, of "the town" it took, on a day the capture's words do not contradict
    told_after = 0 <= fight_group[0].paragraph - capture_group[0].paragraph <= JOIN_PARAGRAPHS
    if not told_after or not (fight.place_text or "").lower().startswith("the ") or \
            not all(m.kind in _GROUND_FIGHT_KINDS for m in fight_group):
        return False
    if UNDATED_NOTE in (capture.notes or ""):
        return UNDATED_NOTE not in (fight.notes or "") and capture.date_start <= fight.date_start <= capture.date_end
    return (capture.date_start, capture.date_end) == (fight.date_start, fight.date_end)


def without_capture_withdrawals(events: list[Event], groups: list[list[EventMention]]
                                ) -> tuple[list[Event], list[list[EventMention]]]:
    taken: dict[str, list[Event]] = {}
    for event in events:
        if event.category == "other" and event.sub_event_type in TERRITORY_TAKEN and event.located:
            taken.setdefault(event.location, []).append(event)
    kept = [(event, group) for event, group in zip(events, groups) if not (
        event.category == "handover" and event.location in taken and event.location_kind in _TOWN_KINDS
        and (UNDATED_NOTE in (event.notes or "") or any(_how_it_fell(event, capture) for capture in taken[event.location]))
        and all(m.kind in ("withdrawal", "site") for m in group))]
    return [event for event, _ in kept], [group for _, group in kept]


def without_raiders_retreat(events: list[Event], groups: list[list[EventMention]]
                            ) -> tuple[list[Event], list[list[EventMention]]]:
    """"Armed groups overran two army camps in Lere on Sunday ... before pulling out of the town
    overnight": an armed group leaving a town it stormed or took a day or two before ends its raid;
    no town changes hands by it (an army's withdrawal stays a handover)."""
    kept = [(event, group) for index, (event, group) in enumerate(zip(events, groups)) if not (
        event.category == "handover" and event.location_kind in _TOWN_KINDS and event.date_start is not None
        and all(m.kind in ("withdrawal", "site") for m in group if not m.partial) and not _is_state_force(event.actor1)
        and any(_raided_before(raid, event) for raid in events[:index]))]
    return [event for event, _ in kept], [group for _, group in kept]


def _raided_before(raid: Event, withdrawal: Event) -> bool:
    taken = raid.category == "attack" or (raid.category == "other" and raid.sub_event_type == TERRITORY_TAKEN[0])
    return taken and raid.location == withdrawal.location and raid.date_start is not None and \
        UNDATED_NOTE not in (raid.notes or "") and \
        timedelta(0) <= withdrawal.date_start - raid.date_start <= timedelta(days=RAID_RETREAT_DAYS) and \
        not _is_state_force(raid.actor1)


def _is_state_force(actor: str | None) -> bool:
    return ActorFinder.default().is_state_name(actor)  # the finder that named the actor knows its kind


def _how_it_fell(withdrawal: Event, capture: Event) -> bool:
    """"Rebels captured the town on Sunday after government soldiers abandoned their posts": the same
    day, told after the capture in its own sentence, the withdrawal is how the town fell (UN troops
    leaving their camp, and rebels taking it over within hours, are two occurrences)."""
    return withdrawal.date_start is not None and withdrawal.start_char == capture.start_char and \
        (withdrawal.date_start, withdrawal.date_end) == (capture.date_start, capture.date_end) and \
        (capture.trigger_start or 0) < (withdrawal.trigger_start or 0)


_ENTERED = re.compile(r"\b(?:swept|stormed|rolled|moved|marched)\s+into\b|\bentered\b", re.IGNORECASE)
_KILLING_IN_IT = re.compile(r"\b(?:kill(?:ing|ed)|shoot(?:ing)?|shot|massacr\w+|slaughter\w*|burn(?:ing|ed)|set\s+fire|"
                            r"abduct\w*|going\s+from\s+house\s+to\s+house)\b", re.IGNORECASE)
FLAG = re.compile(r"\bflags?\b", re.IGNORECASE)  # "raised their flag over": a place taken
_HOW_TAKEN_BEFORE = re.compile(r"\b(?:after|following|amid)\s+(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
_HOW_TAKEN = re.compile(r"\b(?:after|following|amid)\s+(?:[\w'’-]+\s+){0,4}?$", re.IGNORECASE)


def as_raid(text: str, clause: Clause, trigger: Trigger) -> Trigger:
    """"Armed men swept into Seytenga on Saturday night and kept killing into Sunday": entering a
    town while killing in it is a raid, not a capture."""
    if trigger.kind == "capture" and _ENTERED.search(trigger.text) and _KILLING_IN_IT.search(text, trigger.end, clause.end):
        return replace(trigger, kind="storming", category="attack")
    return trigger


_CALLED_A_CAPTURE = re.compile(r"(?:[^.;]|\.(?!\s+[A-Z])){0,40}?\b(?:in|marking|as)\s+(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
                               r"(?:capture|seizure|takeover|conquest)\s+of\b", re.IGNORECASE)


_OVERRAN = re.compile(r"overr(?:an|un)\b.*\b(?:bases?|camps?|garrisons?|barracks)$", re.IGNORECASE)
_TOLL = re.compile(r"\b(?:dead|died|deaths?|killed|wounded|injured|casualties|bodies)\b",
                   re.IGNORECASE)


def as_capture(text: str, clause: Clause, trigger: Trigger) -> Trigger:
    """"Taliban fighters stormed Kunduz on Sept. 28, in the insurgents' first capture of a provincial
    capital": the storming the clause itself calls a capture is one."""
    if trigger.kind in ("storming", "attack") and _CALLED_A_CAPTURE.match(text, trigger.end):  # (past a clause break)
        return replace(trigger, kind="capture", category="other")
    # "they had overrun the last army base in Myawaddy": a base overrun with no one said killed was taken
    if trigger.kind == "storming" and _OVERRAN.match(trigger.text) and not _KILLING_IN_IT.search(text, clause.start, clause.end) \
            and not _TOLL.search(text, clause.start, clause.end):
        return replace(trigger, kind="capture", category="other")
    return trigger


_KILLING_AS_IT_FELL = re.compile(r",\s+(?:[\w'’-]+\s+){0,2}?$")


def _all_how_taken(text: str, capture: Trigger, attacks: list[Trigger]) -> bool:
    """"seized the town after an assault that opened with suicide bombings", "took the base on July 25,
    killing at least 85 people": the attacks after the capture say how it was taken (once one does, the
    ones after it belong to the same phrase)."""
    how = False
    for attack in (a for a in attacks if a.start > capture.end):
        how = how or bool(_HOW_TAKEN.search(text, capture.end, attack.start)) or (
            attack.kind == "killing" and bool(_KILLING_AS_IT_FELL.search(text, capture.end, attack.start)))
        if not how:
            return False
    return True


def clause_priority(text: str, triggers: list[Trigger], category: str) -> int:
    """Attacks first, then handovers, then the rest; but a capture whose attack only says how the
    place fell ("fell after a final assault", "seized the town following heavy fighting") comes first."""
    if category == "other":
        captures = [t for t in triggers if t.kind in ("capture", "regain")]
        attacks = [t for t in triggers if t.category == "attack"]
        if captures and attacks and captures[0].start < attacks[0].start and _all_how_taken(text, captures[0], attacks):
            return -1
        # "stormed Kunduz ... and raised their white flag over its central square": the flag says it was taken
        if any(FLAG.search(t.text) for t in captures):
            return -1
        # "After some fierce fighting, the mujahideen ... captured the capital of Kunduz"
        if captures and attacks and all(a.end < captures[0].start and _HOW_TAKEN_BEFORE.search(
                text, max(0, a.start - 30), a.start) for a in attacks):
            return -1
    return CATEGORY_PRIORITY[category]
