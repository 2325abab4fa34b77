"""Withdrawals that are one side of a capture told in the same report. Pure: no I/O, no clock.

"M23 rebels marched into the centre of Bukavu on Sunday ... the governor said the army had pulled out
of the city": the army's withdrawal is how the rebels took the town, one occurrence (ACLED codes the
capture). A withdrawal from a town with no date of its own, at a town the report says was captured or
retaken, is left out; a dated one (another day, another side) stays.
"""
from __future__ import annotations

from geo.events.frames import UNDATED_NOTE, EventMention
from geo.model import Event

TERRITORY_TAKEN = ("Non-state actor overtakes territory", "Government regains territory")
_TOWN_KINDS = ("populated_place", "admin2")


def without_capture_withdrawals(events: list[Event], groups: list[list[EventMention]]
                                ) -> tuple[list[Event], list[list[EventMention]]]:
    taken = {e.location for e in events if e.category == "other" and e.sub_event_type in TERRITORY_TAKEN and e.located}
    kept = [(event, group) for event, group in zip(events, groups) if not (
        event.category == "handover" and event.location in taken and event.location_kind in _TOWN_KINDS
        and UNDATED_NOTE in (event.notes or "") and all(m.kind in ("withdrawal", "site") for m in group))]
    return [event for event, _ in kept], [group for _, group in kept]
