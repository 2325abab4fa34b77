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
    ends: tuple[int, ...] = field(repr=False, default=())
    longest: int = 0

    @classmethod
    def of(cls, items: Sequence[T]) -> "SpanIndex[T]":
        pairs = sorted(((_span(item), item) for item in items), key=lambda pair: pair[0][0])
        starts = tuple(span[0] for span, _ in pairs)
        ends = tuple(span[1] for span, _ in pairs)
        longest = max((e - s for s, e in zip(starts, ends)), default=0)
        return cls(tuple(item for _, item in pairs), starts, ends, longest)

    def within(self, start: int, end: int) -> list[T]:
        """Items lying entirely inside [start, end), in text order."""
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.items[i] for i in range(low, high) if self.ends[i] <= end]

    def overlapping(self, start: int, end: int) -> list[T]:
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return [self.items[i] for i in range(low, high) if self.ends[i] > start]

    def overlaps(self, start: int, end: int) -> bool:
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return any(self.ends[i] > start for i in range(low, high))

    def containing(self, start: int, end: int) -> T | None:
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, start + 1)
        for i in range(low, high):
            if self.starts[i] <= start and end <= self.ends[i]:
                return self.items[i]
        return None
