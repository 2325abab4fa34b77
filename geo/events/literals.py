"""Literal prefilters for regular expressions: the words a match cannot do without.

``required_literals(pattern)`` reads a compiled pattern and returns lower-case strings one
of which every match contains ("coalition" for "(?:the\\s+)?coalition(?:'s)?"), or None
when no such set can be told. ``fold(text)`` is the text those strings are looked for in.
A pattern whose literals are all absent cannot match, so it need not run: the output is
the same, only the scans by patterns that would find nothing are saved. Likewise
``required_starts`` gives the strings every match starts with ("the", "coalition"), and
``matches_at_starts`` tries the pattern only where one of them is, with what finditer finds.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

try:  # the parser re itself compiles with: what a pattern means, not how it is spelled
    from re import _constants as _codes, _parser
except ImportError:  # Python < 3.11
    import sre_constants as _codes
    import sre_parse as _parser

Literals = frozenset[str]
MAX_LITERALS = 64  # more alternatives than this (the names of all countries) cost more to look for than they save
MIN_START = 2  # a one-letter start is found so often that trying the pattern there costs more than re's scan
GOOD_ENOUGH = 5  # a literal this long is rare enough; prefer fewer alternatives after that
FEW_LITERALS = 8  # up to this many literals, str.find or `in` for each beats an automaton

# Characters that match an ASCII letter case-insensitively but whose str.lower() is not that
# letter (re matches "İ", "ı" to "i" and "ſ" to "s"); str.lower() maps the Kelvin sign to "k".
_CASE_FOLDS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))
_ATOMIC_GROUP = getattr(_codes, "ATOMIC_GROUP", None)
_REPEATS = (_codes.MAX_REPEAT, _codes.MIN_REPEAT, getattr(_codes, "POSSESSIVE_REPEAT", _codes.MAX_REPEAT))


@lru_cache(maxsize=8)  # the same article is folded for each of its clauses
def fold(text: str) -> str:
    """``text`` in lower case, one character for each of its characters, so that an ASCII
    literal of a pattern matching there (with or without IGNORECASE) is found in it."""
    return fold_once(text)


def fold_once(text: str) -> str:
    """``fold`` for a short string read once (the words before a place): not cached, so that it
    does not push the article's folded text out of the cache."""
    for char, letter in _CASE_FOLDS:  # str.replace, not str.translate: most texts have none of them
        text = text.replace(char, letter)
    return text.lower()


def required_literals(pattern: re.Pattern, limit: int = MAX_LITERALS) -> Literals | None:
    literals = _of_sequence(_parser.parse(pattern.pattern, pattern.flags), limit)
    return None if literals is None else _without_longer_forms(literals)


def any_in(literals: Literals | None, folded: str) -> bool:
    """Whether the pattern of ``literals`` can match in the text ``folded`` (always, if None)."""
    if literals is None:
        return True
    if len(literals) > FEW_LITERALS:  # one pass of an automaton, not a pass for each literal
        return next(_automaton(literals).iter(folded), None) is not None
    for literal in literals:  # a plain loop: any() over a generator costs more than most of the searches
        if literal in folded:
            return True
    return False


@dataclass(frozen=True)
class Screened:
    """A pattern and the literals one of which its every match holds: a text without any of them
    is not searched at all (the words before a place rarely hold "border", "overlooking" ...)."""

    pattern: re.Pattern
    literals: Literals | None

    @classmethod
    def of(cls, pattern: re.Pattern, limit: int = MAX_LITERALS) -> "Screened":
        return cls(pattern, required_literals(pattern, limit))

    def search(self, text: str, folded: str) -> re.Match | None:
        """``pattern.search(text)``, given ``folded``, the ``fold_once`` of ``text``."""
        return self.pattern.search(text) if any_in(self.literals, folded) else None


class LiteralIndex:
    """Which of a list of patterns can match inside a span of a text: the literals of all of
    them are looked for in one pass over the whole text, not pattern by pattern and span by span."""

    def __init__(self, literal_sets: Sequence[Literals | None]):
        self.unfiltered = frozenset(i for i, literals in enumerate(literal_sets) if literals is None)
        owners: dict[str, set[int]] = {}
        for index, literals in enumerate(literal_sets):
            for literal in literals or ():
                owners.setdefault(literal, set()).add(index)
        self.automaton = ahocorasick.Automaton()
        for literal, indices in owners.items():
            self.automaton.add_word(literal, (len(literal), frozenset(indices)))
        if owners:
            self.automaton.make_automaton()

    def possible(self, text: str, start: int, end: int) -> set[int]:
        """Indices of the patterns that may match inside text[start:end]."""
        starts, found = _occurrences(self, fold(text))
        possible = set(self.unfiltered)
        for position in range(bisect_left(starts, start), bisect_left(starts, end)):
            last, indices = found[position]
            if last <= end:
                possible |= indices
        return possible


@lru_cache(maxsize=8)  # one article, span after span
def _occurrences(index: LiteralIndex, folded: str) -> tuple[list[int], list[tuple[int, frozenset[int]]]]:
    """Where the literals of ``index`` occur in ``folded``: their starts in order, and for
    each its end and the patterns it belongs to."""
    if index.automaton.kind != ahocorasick.AHOCORASICK:
        return [], []
    found = sorted((last + 1 - length, last + 1, indices) for last, (length, indices) in index.automaton.iter(folded))
    return [start for start, _, _ in found], [(end, indices) for _, end, indices in found]


def required_starts(pattern: re.Pattern, min_start: int = MIN_START, limit: int = MAX_LITERALS) -> Literals | None:
    """Lower-case strings one of which every match of ``pattern`` starts with, or None."""
    starts = _starts(list(_parser.parse(pattern.pattern, pattern.flags)), limit)
    return starts if starts and min(map(len, starts)) >= min_start else None


def matches_at_starts(pattern: re.Pattern, starts: Literals | None, text: str,
                      start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """What ``pattern.finditer(text, start, end)`` finds, the pattern tried only where one of
    ``starts`` is (in re's own scan every position is tried, and scanning is most of its time)."""
    end = len(text) if end is None else end
    if starts is None:
        yield from pattern.finditer(text, start, end)
        return
    folded = fold(text)
    if len(starts) > FEW_LITERALS:  # a cue's hundred starts: one automaton pass over the span alone
        positions = sorted({last + 1 - length for last, length in _automaton(starts).iter(folded, start, end)})
    else:
        found = _positions(folded, starts)
        positions = found[bisect_left(found, start):bisect_left(found, end)]
    resume = start
    for position in positions:
        if position < resume:
            continue  # finditer goes on after the end of a match
        match = pattern.match(text, position, end)
        if match:
            yield match
            resume = match.end()  # never empty: it holds one of the starts


@lru_cache(maxsize=4096)  # each rule runs clause by clause over one article: its starts are found once
def _positions(folded: str, literals: Literals) -> list[int]:
    """Where in ``folded`` one of ``literals`` begins, in order. A start found near the end of a
    span may run past it; ``pattern.match`` bounded by the span's end then fails, as finditer would
    (and the automaton leaves such a start out)."""
    found = set()
    for literal in literals:
        position = folded.find(literal)
        while position != -1:
            found.add(position)
            position = folded.find(literal, position + 1)
    return sorted(found)


@lru_cache(maxsize=None)  # one for each pattern's starts, built on first use
def _automaton(literals: Literals) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, len(literal))
    automaton.make_automaton()
    return automaton


def _starts(items: list, limit: int) -> Literals | None:
    """What a match of the sequence ``items`` starts with: its leading literal characters, or
    the starts of each way its first group, alternation or repeat can begin."""
    run: list[str] = []
    for position, (op, argument) in enumerate(items):
        if op is _codes.LITERAL and argument < 128:
            run.append(chr(argument).lower())
            continue
        if run:
            if len(run) < MIN_START:  # "A(?:fghan|lbania|...)": with what each way on begins, not one letter
                rest = _starts(items[position:], limit)
                if rest is not None and len(rest) <= limit:
                    return frozenset("".join(run) + start for start in rest)
            break
        if op in (_codes.ASSERT, _codes.ASSERT_NOT, _codes.AT):
            continue  # takes no character: the first one comes after it
        if op is _codes.SUBPATTERN:
            bodies = [argument[-1]]
        elif op is _codes.BRANCH:
            bodies = argument[1]
        elif op in _REPEATS:
            bodies = [argument[2]] if argument[0] >= 1 else [argument[2], []]
        else:
            return None
        # a body that can match nothing lets the match start with what follows it
        optional = any(not body or body.getwidth()[0] == 0 for body in bodies)
        starts = [_starts(list(body), limit) for body in bodies if body]
        if optional:
            starts.append(_starts(items[position + 1:], limit))
        if any(start is None for start in starts):
            return None
        union = frozenset().union(*starts)
        return union if len(union) <= limit else None
    return frozenset({"".join(run)}) if run else None


def _of_sequence(items, limit: int) -> Literals | None:
    """The best requirement among the items of a sequence: its runs of literal characters
    and whatever its groups, alternations and repeats require."""
    candidates: list[Literals] = []
    run: list[str] = []
    for op, argument in items:
        if op is _codes.LITERAL and argument < 128:
            run.append(chr(argument).lower())
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        required = _of_item(op, argument, limit)
        if required is not None:
            candidates.append(required)
    if run:
        candidates.append(frozenset({"".join(run)}))
    return max(candidates, key=_quality, default=None)


def _of_item(op, argument, limit: int) -> Literals | None:
    if op is _codes.SUBPATTERN:
        return _of_sequence(argument[-1], limit)
    if op is _ATOMIC_GROUP:
        return _of_sequence(argument, limit)
    if op in _REPEATS:
        low, _, body = argument
        return _of_sequence(body, limit) if low >= 1 else None
    if op is _codes.BRANCH:
        branches = [_of_sequence(branch, limit) for branch in argument[1]]
        if any(branch is None for branch in branches):
            return None
        union = frozenset().union(*branches)
        return union if len(union) <= limit else None
    return None  # a class, an assertion, a back-reference: nothing literal is certain


def _without_longer_forms(literals: Literals) -> Literals:
    """"force" will do for "forces" too."""
    return frozenset(literal for literal in literals
                     if not any(other != literal and other in literal for other in literals))


def _quality(literals: Literals) -> tuple[int, int]:
    return min(min(len(literal) for literal in literals), GOOD_ENOUGH), -len(literals)
