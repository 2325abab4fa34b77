"""Position lookups over items that carry ``start``/``end`` offsets, in
logarithmic time, so that long texts do not cost quadratic scans."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Generic, Sequence, TypeVar

T = TypeVar("T")


def _span(item) -> tuple[int, int]:
    return (item[0], item[1]) if isinstance(item, tuple) else (item.start, item.end)


@dataclass(frozen=True)
class SpanIndex(Generic[T]):
    items: tuple[T, ...]
    starts: tuple[int, ...] = field(repr=False, default=())
    longest: int = 0

    @classmethod
    def of(cls, items: Sequence[T]) -> "SpanIndex[T]":
        ordered = tuple(sorted(items, key=lambda item: _span(item)[0]))
        spans = [_span(item) for item in ordered]
        return cls(ordered, tuple(s for s, _ in spans), max((e - s for s, e in spans), default=0))

    def within(self, start: int, end: int) -> list[T]:
        """Items lying entirely inside [start, end), in text order."""
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [item for item in self.items[low:high] if _span(item)[1] <= end]

    def overlapping(self, start: int, end: int) -> list[T]:
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return [item for item in self.items[low:high] if _span(item)[1] > start]

    def containing(self, start: int, end: int) -> T | None:
        for item in self.overlapping(start, end):
            item_start, item_end = _span(item)
            if item_start <= start and end <= item_end:
                return item
        return None
