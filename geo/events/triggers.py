"""Event triggers, context cues and the ACLED type table, loaded from
``geo/data/event_triggers.tsv``, ``event_cues.tsv`` and ``acled_types.csv``."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.events.literals import (
    LiteralIndex,
    Literals,
    any_in,
    fold,
    matches_at_starts,
    required_literals,
    required_starts,
)

DATA = Path(__file__).resolve().parents[1] / "data"
CATEGORY_PRIORITY = {"attack": 0, "handover": 1, "other": 2}
NOT_ACTUAL_WINDOW = 48  # characters before a trigger where "will", "persistent"... void it
# Cues run over a clause or a window of a few dozen characters, not over the whole article: even a
# one-letter start or a hundred literals leave far fewer places to try than re's scan of every position
CUE_LITERALS = 256


@dataclass(frozen=True)
class TriggerRule:
    kind: str
    category: str
    needs_cue: bool
    pattern: re.Pattern
    order: int
    starts: Literals | None = None  # every match starts with one of them: the rule is tried only there


@dataclass(frozen=True)
class Trigger:
    kind: str
    category: str
    start: int
    end: int
    text: str
    order: int

    @property
    def rank(self) -> tuple[int, int]:
        return CATEGORY_PRIORITY[self.category], self.order


@dataclass(frozen=True)
class AcledType:
    event_type: str
    sub_event_type: str


def _rows(name: str, delimiter: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=delimiter))


AGREED_WINDOW = 160
_ENDS_WITH_TO = re.compile(r"\bto\s+(?:\w+\s+)?$", re.IGNORECASE)
# a commitment, not an occurrence: "agreed ... to pull out", "pledged to hand over", "urged ... to withdraw"
_AGREED_TO = re.compile(r"\b(?:agreed|agrees|agree|pledged|promised|vowed|committed|offered|proposed|urged|urging|urges|asked|"
                        r"asking|called\s+on|calling\s+on|demanded|demanding|demands|ordered|told|wants?|wanted|wanting|"
                        r"pressed|pressing|pushed|pushing)\b[^.;]{0,140}?\bto\s+(?:(?:fully|completely|gradually|"
                        r"also|then|immediately|eventually)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class EventLexicon:
    rules: tuple[TriggerRule, ...]
    cues: dict[str, re.Pattern]
    acled: dict[tuple[str, str], AcledType]
    # prefilters (geo.events.literals): the strings every match of a rule or cue holds, and those it starts with
    rule_index: LiteralIndex
    cue_literals: dict[str, Literals | None]
    cue_starts: dict[str, Literals | None]

    @classmethod
    def default(cls) -> "EventLexicon":
        return _default_lexicon()

    def triggers(self, text: str, start: int, end: int) -> list[Trigger]:
        """Non-overlapping triggers inside text[start:end] (longest match wins)."""
        found: list[Trigger] = []
        cues: list[tuple[int, int]] | None = None
        clause = fold(text)[start:end]
        possible = self.rule_index.possible(text, start, end)
        for index, rule in enumerate(self.rules):
            if index not in possible:
                continue
            for match in matches_at_starts(rule.pattern, rule.starts, text, start, end):
                if rule.needs_cue:
                    if cues is None:
                        cues = [m.span() for m in self._cue_matches("attack_verb", text, start, end)] \
                            if any_in(self.cue_literals.get("attack_verb"), clause) else []
                    if _part_of_a_name(text, match.start()) or not any(
                            not match.start() <= cue_start < match.end() for cue_start, _ in cues):
                        continue
                found.append(Trigger(rule.kind, rule.category, match.start(), match.end(), match.group(), rule.order))
        found.sort(key=lambda t: (t.start - t.end, t.order))
        chosen: list[Trigger] = []
        for trigger in found:
            if all(trigger.end <= c.start or trigger.start >= c.end for c in chosen):
                chosen.append(trigger)
        return sorted(chosen, key=lambda t: t.start)

    def cue(self, name: str, text: str, start: int, end: int, exclude: tuple[int, int] | None = None) -> bool:
        if not any_in(self.cue_literals.get(name), fold(text)[start:end]):
            return False
        for match in self._cue_matches(name, text, start, end):
            if exclude and exclude[0] <= match.start() < exclude[1]:
                continue
            return True
        return False

    def not_actual(self, text: str, clause_start: int, trigger: Trigger) -> bool:
        """Habitual, future, hypothetical or denied: "they will step up their
        attacks", "frequent mortar attacks", "continues to carry out raids"."""
        if _ENDS_WITH_TO.search(text, max(clause_start, trigger.start - 24), trigger.start) and \
                _AGREED_TO.search(text, max(clause_start, trigger.start - AGREED_WINDOW), trigger.start):
            return True  # "agreed on Thursday to a ceasefire in Hodeidah and to pull their forces out of it"
        if _NOUN_OF_LEAVING.search(trigger.text) and _FUTURE_AFTER.match(text, trigger.end):
            return True  # "the departure from Kidal itself ... is expected to be the most delicate"
        if _REPORTS_REJECTED.search(text, max(clause_start, trigger.start - REJECTED_WINDOW), trigger.start):
            return True  # "It rejected as false reports that the base in Janaale had fallen"
        if trigger.kind in _WEAPON_KINDS and _ARMED_WITH.search(text, max(clause_start, trigger.start - 80), trigger.start):
            return True  # "gunmen armed with rifles and rocket-propelled grenades rode into Mafa": what they carried
        window_start = max(clause_start, trigger.start - NOT_ACTUAL_WINDOW)
        if not any_in(self.cue_literals.get("not_actual"), fold(text)[window_start:trigger.start]):
            return False
        cue = next(self._cue_matches("not_actual", text, window_start, trigger.start), None)
        # "had vowed to retaliate after Saturday's rocket strike": the vow is about what comes after the
        # strike; the strike itself happened
        return cue is not None and not _CAUSE_AFTER.search(text, cue.end(), trigger.start)

    def _cue_matches(self, name: str, text: str, start: int, end: int) -> Iterator[re.Match]:
        return matches_at_starts(self.cues[name], self.cue_starts.get(name), text, start, end)

    def acled_type(self, kind: str, civilians: bool = False, state_actor: bool = False) -> AcledType:
        for condition, applies in (("civilians", civilians), ("state", state_actor), ("any", True)):
            if applies and (kind, condition) in self.acled:
                return self.acled[(kind, condition)]
        return AcledType("Strategic developments", "Other")


_WEAPON_KINDS = frozenset(("grenade", "rocket", "missile", "mortar", "drone", "ied", "explosion"))
_REPORTS_REJECTED = re.compile(r"\b(?:rejected|dismissed|refuted|denied)\s+(?:as\s+(?:false|untrue|baseless|fabricated|groundless)\s+)?"
                               r"(?:the\s+)?(?:reports?|claims?|allegations?|rumou?rs?)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,8}?$", re.IGNORECASE)
REJECTED_WINDOW = 110  # "rejected as false reports that <subject of up to eight words> had fallen"
_ARMED_WITH = re.compile(r"\barmed\s+with\s+(?:[\w-]+,?\s+){0,6}?$", re.IGNORECASE)
_NOUN_OF_LEAVING = re.compile(r"\b(?:departure|withdrawal|pull-?out|handover|hand-over|exit|drawdown|closure)s?\b",
                              re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"[^.;]{0,60}?\b(?:(?:is|are)\s+(?:expected|due|set|scheduled|planned|likely|slated)\s+to|"
                           r"will|would)\b", re.IGNORECASE)
_CAUSE_AFTER = re.compile(r"\b(?:retaliate|respond|avenge|revenge|punish\w*|reprisals?)\b[^,;.]{0,20}?\b(?:after|for|over)\b",
                          re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’.-]*)\s+$")


def _part_of_a_name(text: str, start: int) -> bool:
    """"the <City> Rockets" (a team): a capitalised weapon word after a capitalised word."""
    if not text[start].isupper():
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous and previous.group(1).endswith(".") and not previous.group(1).isupper():
        return False  # "... in Syria. Rockets hit": the sentence before ends there
    return bool(previous) and previous.group(1)[0].isupper()


@lru_cache(maxsize=1)
def _default_lexicon() -> EventLexicon:
    rules = tuple(_rule(row, order) for order, row in enumerate(_rows("event_triggers.tsv", "\t")))
    cues = {row["cue"]: re.compile(row["pattern"], re.IGNORECASE) for row in _rows("event_cues.tsv", "\t")}
    acled = {(row["kind"], row["condition"]): AcledType(row["event_type"], row["sub_event_type"])
             for row in _rows("acled_types.csv", ",")}
    return EventLexicon(rules, cues, acled, LiteralIndex([required_literals(rule.pattern) for rule in rules]),
                        {name: required_literals(pattern, CUE_LITERALS) for name, pattern in cues.items()},
                        {name: required_starts(pattern, 1, CUE_LITERALS) for name, pattern in cues.items()})


def _rule(row: dict, order: int) -> TriggerRule:
    pattern = re.compile(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w])", re.IGNORECASE)
    return TriggerRule(row["kind"], row["category"], row["needs_cue"] == "yes", pattern, order, required_starts(pattern))
