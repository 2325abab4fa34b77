"""Literal prefilters (geo/events/literals.py): a pattern is skipped only where it cannot match."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.events.actors import ActorFinder
from geo.events.date_patterns import RULES
from geo.events.fatalities import _PATTERNS as FATALITY_PATTERNS, _ZERO
from geo.events.literals import LiteralIndex, any_in, fold, matches_at_starts, required_literals, required_starts
from geo.events.triggers import EventLexicon

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("pattern, expected", [
    (r"(?:the\s+)?coalition(?:'s)?(?:\s+forces)?", {"coalition"}),
    (r"Boko\s+Haram", {"haram"}),
    (r"(?-i:ISF)", {"isf"}),
    (r"attack(?:ed|s)?|strikes?", {"attack", "strike"}),
    (r"\bforces?\b|\bforced\b", {"force"}),  # "forced" holds "force"
    (r"(?:a|b)?x", {"x"}),
    (r"\w+", None),
    (r"foo|\d+", None),  # one branch needs no literal
    (r"(?:bar)?", None),
])
def test_required_literals(pattern, expected):
    literals = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (set(literals) if literals is not None else None) == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<![\w-])(?:the\s+)?coalition(?![\w])", {"the", "coalition"}),
    (r"\b(?:unknown\s+|armed\s+)?(?:gunmen|militants)", {"unknown", "armed", "gunmen", "militants"}),
    (r"(?:ab)+c", {"ab"}),
    (r"(?:ab)*c", None),  # "c" alone is one letter: not worth it
    (r"(?:ab)*cd", {"ab", "cd"}),
    (r"\d+ days", None),
    (r"(?:x|)yz", None),
])
def test_required_starts(pattern, expected):
    starts = required_starts(re.compile(pattern, re.IGNORECASE))
    assert (set(starts) if starts is not None else None) == expected


def test_fold_finds_every_character_that_matches_an_ascii_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            assert len(fold(char)) == 1 and re.fullmatch(fold(char), char, re.IGNORECASE), hex(code)
    assert fold("İdlib ſtrike") == "idlib strike"


def test_any_in():
    assert any_in(None, "")
    assert any_in(frozenset({"raid"}), "a night raid")
    assert not any_in(frozenset({"raid"}), "a night attack")


def _all_patterns() -> list[re.Pattern]:
    lexicon = EventLexicon.default()
    return ([shape.pattern for shape in ActorFinder.default().shapes] + [rule.pattern for rule in lexicon.rules]
            + list(lexicon.cues.values()) + [pattern for pattern, _, _ in RULES] + [*FATALITY_PATTERNS, _ZERO])


def test_every_match_in_the_reports_holds_one_of_its_literals():
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "reports").rglob("*.txt"))]
    texts.append("İslamic State fighters, ſtrikes by the KOALITION")
    checked = 0
    for pattern in _all_patterns():
        literals = required_literals(pattern)
        if literals is None:
            continue
        for text in texts:
            for match in pattern.finditer(text):
                assert any_in(literals, fold(match.group())), (pattern.pattern[:80], match.group())
                checked += 1
    assert checked > 1000


def test_literal_index_agrees_with_looking_for_each_literal():
    literal_sets = [frozenset({"raid"}), None, frozenset({"strike", "shell"}), frozenset({"base"})]
    index = LiteralIndex(literal_sets)
    text = "An air strike on the Base; later a raid. Shelling"
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            expected = {i for i, literals in enumerate(literal_sets) if any_in(literals, fold(text)[start:end])}
            assert index.possible(text, start, end) == expected, (start, end)


def test_matches_at_starts_are_what_finditer_finds_in_the_reports():
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "reports").rglob("*.txt"))]
    texts.append("İslamic State fighters, the Coalition's forces, the coalition")
    checked = 0
    for pattern in _all_patterns():
        starts = required_starts(pattern)
        if starts is None:
            continue
        for text in texts:
            expected = [(match.span(), match.groups()) for match in pattern.finditer(text)]
            assert [(match.span(), match.groups()) for match in matches_at_starts(pattern, starts, text)] == expected
            checked += len(expected)
    assert checked > 1000


def test_matches_at_starts_inside_a_span_are_what_finditer_finds_there():
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "reports").rglob("*.txt"))[:4])
    spans = [(start, min(len(text), start + length)) for start in range(0, len(text), 89) for length in (40, 250)]
    for pattern in _all_patterns():
        starts = required_starts(pattern)
        if starts is None:
            continue
        for start, end in spans:
            expected = [(match.span(), match.groups()) for match in pattern.finditer(text, start, end)]
            found = [(match.span(), match.groups()) for match in matches_at_starts(pattern, starts, text, start, end)]
            assert found == expected, (pattern.pattern[:80], start, end)
