"""What a popup, the details panel and the legend say about an event.

Pure: an event row (a store dict or a frame row) in, plain strings out. Article
text stays plain text here; ``details_html`` escapes every piece of it before
wrapping the place in ``<mark>``, so nothing from an article becomes markup.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlsplit


@dataclass(frozen=True)
class CategoryStyle:
    label: str
    color: str
    icon: str  # Font Awesome (solid) icon class


# Colours from the Okabe-Ito palette (told apart with most colour blindness);
# none is grey, which the timeline keeps for events outside the filter.
CATEGORY_STYLES = {
    "handover": CategoryStyle("Handover", "#0072b2", "fa-flag"),
    "attack": CategoryStyle("Attack", "#d55e00", "fa-burst"),
    "other": CategoryStyle("Other", "#7b3f8c", "fa-circle-info"),
}
GEO_PRECISION = {  # ACLED geo_precision
    1: "exact place",
    2: "approximate: near this place",
    3: "approximate: somewhere in this region",
}
PRECISION_LEGEND = {1: "exact place", 2: "near (approximate)", 3: "in the region (approximate)"}
TIME_PRECISION = {  # ACLED time_precision
    1: "exact day",
    2: "precise to a few days",
    3: "precise to a month or more",
}


def _value(row: Mapping, name: str):
    value = row.get(name)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _text(row: Mapping, name: str) -> str:
    value = _value(row, name)
    return str(value).strip() if value is not None else ""


def _whole(row: Mapping, name: str) -> int | None:
    value = _value(row, name)
    return int(value) if value is not None else None


def safe_url(url: str | None) -> str | None:
    """Only web links: a javascript:, data: or relative URL is dropped."""
    candidate = (url or "").strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in candidate for c in "\"'<> \n"):
        return None
    return candidate


def when_label(row: Mapping) -> str:
    first = _text(row, "date_start") or _text(row, "event_date")
    last = _text(row, "date_end") or first
    if not first:
        return "date unknown"
    span = first if first == last else f"{first} to {last}"
    precision = TIME_PRECISION.get(_whole(row, "time_precision"))
    return f"{span} · {precision}" if precision else span


def where_label(row: Mapping) -> str:
    names = []
    for name in ("location", "admin1", "country"):
        part = _text(row, name)
        if part and part.lower() not in (n.lower() for n in names):
            names.append(part)
    if not names or _value(row, "latitude") is None:
        return "no location"
    precision = GEO_PRECISION.get(_whole(row, "geo_precision"))
    return ", ".join(names) + (f" · {precision}" if precision else "")


def actors_label(row: Mapping) -> str:
    actors = [a for a in (_text(row, "actor1"), _text(row, "actor2")) if a]
    return " vs ".join(actors) if actors else "not named"


def fatalities_label(row: Mapping) -> str:
    count = _whole(row, "fatalities")
    return "not reported" if count is None else str(count)


def place_span(row: Mapping) -> tuple[int, int] | None:
    """Where the place name sits in the sentence, or None when it cannot be found."""
    sentence = str(_value(row, "sentence") or "")
    start, end, offset = _whole(row, "place_start"), _whole(row, "place_end"), _whole(row, "start_char")
    if not sentence:
        return None
    if None not in (start, end, offset) and 0 <= start - offset < end - offset <= len(sentence):
        return start - offset, end - offset
    written = _text(row, "place_text")
    found = sentence.lower().find(written.lower()) if written else -1
    return (found, found + len(written)) if found >= 0 else None


@dataclass(frozen=True)
class EvidenceLine:
    """One sentence the event was built from, what it gave, and where the site is in it."""

    text: str
    gave: str  # "event, site, date", or "" for events stored before evidence was kept
    mark: tuple[int, int] | None


GAVE_LABELS = {"event": "the event", "site": "the site", "date": "the date", "fatalities": "the toll",
               "actors": "the actors"}


def evidence_lines(row: Mapping) -> tuple[EvidenceLine, ...]:
    """Every sentence the event came from, in text order; the place is marked in the one that
    gave the site. Events without stored evidence show their own sentence alone."""
    evidence = _value(row, "evidence")
    items = [e for e in evidence if isinstance(e, Mapping)] if isinstance(evidence, (list, tuple)) else []
    if not items:
        return (EvidenceLine(str(_value(row, "sentence") or ""), "", place_span(row)),)
    start, end = _whole(row, "place_start"), _whole(row, "place_end")
    lines = []
    for item in items:
        text, offset = str(item.get("text") or ""), item.get("start")
        gave = [str(g) for g in item.get("gave") or ()]
        mark = None
        if "site" in gave and None not in (start, end) and isinstance(offset, int) \
                and 0 <= start - offset < end - offset <= len(text):
            mark = (start - offset, end - offset)
        lines.append(EvidenceLine(text, ", ".join(GAVE_LABELS.get(g, g) for g in gave), mark))
    return tuple(lines)


@dataclass(frozen=True)
class EventDescription:
    id: int
    category: str
    category_label: str
    color: str
    acled_type: str
    when: str
    where: str
    place_as_written: str
    actors: str
    fatalities: str
    outlet: str
    url: str | None
    article_title: str
    published: str
    corrected: bool
    evidence: tuple[EvidenceLine, ...]  # never empty: events without evidence show their own sentence


def describe(row: Mapping) -> EventDescription:
    category = _text(row, "category") or "other"
    style = CATEGORY_STYLES.get(category, CATEGORY_STYLES["other"])
    acled_type = " / ".join(t for t in (_text(row, "event_type"), _text(row, "sub_event_type")) if t)
    return EventDescription(
        id=_whole(row, "id") or 0, category=category, category_label=style.label, color=style.color,
        acled_type=acled_type, when=when_label(row), where=where_label(row),
        place_as_written=_text(row, "place_text"), actors=actors_label(row),
        fatalities=fatalities_label(row),
        outlet=_text(row, "outlet") or "unknown outlet", url=safe_url(_text(row, "url")),
        article_title=_text(row, "article_title") or "(untitled article)", published=_text(row, "published"),
        corrected=bool(_value(row, "corrected")), evidence=evidence_lines(row),
    )


def sentence_html(sentence: str, mark: tuple[int, int] | None) -> str:
    """The sentence escaped, with the place (also escaped) inside <mark>."""
    if not mark:
        return html.escape(sentence)
    start, end = mark
    return (html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end]) + "</mark>"
            + html.escape(sentence[end:]))


def details_html(desc: EventDescription) -> str:
    """The details panel beside the map; every article-derived string is escaped."""
    e = html.escape
    written = f' <span class="geo-muted">(written “{e(desc.place_as_written)}”)</span>' if desc.place_as_written else ""
    title = e(desc.article_title)
    source = f'<a href="{e(desc.url)}" target="_blank" rel="noopener noreferrer">{title}</a>' if desc.url else title
    corrected = ' · <span class="geo-corrected">corrected by hand</span>' if desc.corrected else ""
    rows = [("When", e(desc.when)), ("Where", e(desc.where) + written), ("Actors", e(desc.actors)),
            ("Fatalities", e(desc.fatalities)),
            ("Source", f"{e(desc.outlet)}: {source}" + (f" ({e(desc.published)})" if desc.published else ""))]
    facts = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (
        f'<div class="geo-details" data-event-id="{desc.id}">'
        f'<div class="geo-head"><span class="geo-badge" style="background:{desc.color}">{e(desc.category_label)}</span> '
        f'<span>{e(desc.acled_type)}</span></div>'
        f"<dl>{facts}</dl>{evidence_html(desc)}"
        f'<div class="geo-muted">Event #{desc.id}{corrected}</div></div>'
    )


def evidence_html(desc: EventDescription) -> str:
    """Each sentence the event came from, escaped, with what it gave above it."""
    parts = []
    for line in desc.evidence:
        label = f'<div class="geo-gave">From this sentence: {html.escape(line.gave)}</div>' if line.gave else ""
        parts.append(f'{label}<blockquote class="geo-sentence">{sentence_html(line.text, line.mark)}</blockquote>')
    return "".join(parts)


def evidence_text(row: Mapping) -> str:
    """The evidence as one plain line, for tables: "[the site, the date] sentence ‖ ..."."""
    return " ‖ ".join(f"[{line.gave}] {line.text}" if line.gave else line.text for line in evidence_lines(row))


DETAILS_CSS = """<style>
.geo-details dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
.geo-details dt{font-weight:600;color:#374151}.geo-details dd{margin:0}
.geo-details .geo-badge{color:#fff;border-radius:.3rem;padding:.05rem .45rem;font-weight:600}
.geo-details .geo-sentence{border-left:3px solid #d1d5db;margin:.5rem 0;padding:.25rem .75rem;color:#111827}
.geo-details mark{background:#fde68a;padding:0 .1rem}
.geo-details .geo-gave{color:#6b7280;font-size:.8rem;margin-top:.4rem}
.geo-details .geo-muted{color:#6b7280;font-size:.85rem}
.geo-details .geo-corrected{color:#92400e;font-weight:600}
</style>"""
