"""Geoparsing benchmark: recognition, resolution and speed on GWN, TR-News and LGL.

    .venv/bin/python -m benchmarks.geoparsing [CORPORA_DIR] [--write] [--limit N]

Reads the public corpora from ``../shared/geoparsing`` (relative to the repo
root) without copying them, and exits 0 with a message when they are absent.
Measures the offline geoparser only: online geocoding is switched off here.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.geoparsing_report import merge_section, render_markdown  # noqa: E402
from benchmarks.geoparsing_scoring import (  # noqa: E402
    GoldArticle, RecognitionCounts, ResolutionSummary, best_overlap, error_km,
    parse_corpus, recognition_counts, summarize_errors,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "geoparsing"
DEFAULT_OUTPUT = REPO_ROOT / "docs" / "benchmarks.md"
CORPORA = (("GWN", "GWN.xml"), ("TR-News", "TR-News.xml"), ("LGL", "lgl.xml"))


@dataclass(frozen=True)
class CorpusResult:
    name: str
    articles: int
    realigned: int
    recognition: RecognitionCounts
    recognized: ResolutionSummary  # gold toponyms the geoparser recognized, as it resolved them
    from_names: ResolutionSummary  # every located gold toponym, looked up by its gold name
    parse_seconds: float
    characters: int


@dataclass(frozen=True)
class SpeedResult:
    load_seconds: float
    rss_mb: float  # resident set size right after loading
    rss_before_mb: float
    names: int
    names_per_second: float  # each distinct name asked once
    repeat_names_per_second: float = 0.0  # the same names again (caches warm)
    peak_rss_mb: float = 0.0  # peak resident set size over the whole run
    cold_load_seconds: float | None = None  # first load on a fresh machine: index built
    cold_peak_rss_mb: float | None = None


def memory_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process in MB (``/proc``; ``resource`` elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_geoparser():
    """Import and build the default geoparser; return it with the seconds taken."""
    started = time.perf_counter()
    from geo.geoparser import Geoparser

    geoparser = Geoparser.default()
    return geoparser, time.perf_counter() - started


def _coordinates(mention) -> tuple[float | None, float | None]:
    entry = mention.entry if mention is not None else None
    return (entry.latitude, entry.longitude) if entry is not None else (None, None)


def _record(corpus, article, gold, mode, mention, error) -> dict:
    entry = mention.entry if mention is not None else None
    return {
        "corpus": corpus, "article": article.ident, "mode": mode, "gold": gold.text,
        "gold_label": gold.label, "gold_lat": gold.latitude, "gold_lon": gold.longitude,
        "found": mention.text if mention is not None else None,
        "entry": entry.name if entry else None, "entry_id": entry.id if entry else None,
        "kind": entry.kind if entry else None, "country": entry.country if entry else None,
        "lat": entry.latitude if entry else None, "lon": entry.longitude if entry else None,
        "error_km": round(error, 1),
        "context": article.text[max(0, gold.start - 60):gold.end + 60].replace("\n", " "),
    }


def evaluate_corpus(geoparser, name: str, articles: tuple[GoldArticle, ...], records: list | None = None) -> CorpusResult:
    counts, recognized_errors, name_errors, parse_seconds = RecognitionCounts(), [], [], 0.0
    for article in articles:
        started = time.perf_counter()
        mentions = list(geoparser.places(article.text))
        parse_seconds += time.perf_counter() - started
        spans = [(m.start, m.end) for m in mentions]
        counts += recognition_counts(spans, article.toponyms)
        for gold in (g for g in article.toponyms if g.has_coordinates):
            index = best_overlap((gold.start, gold.end), spans)
            if index is not None:
                error = error_km(gold, *_coordinates(mentions[index]))
                recognized_errors.append(error)
                if records is not None:
                    records.append(_record(name, article, gold, "recognized", mentions[index], error))
            looked_up = geoparser.lookup(gold.text, context=article.text)
            error = error_km(gold, *_coordinates(looked_up))
            name_errors.append(error)
            if records is not None:
                records.append(_record(name, article, gold, "gold_name", looked_up, error))
    return CorpusResult(
        name=name, articles=len(articles), realigned=sum(a.realigned for a in articles),
        recognition=counts, recognized=summarize_errors(recognized_errors),
        from_names=summarize_errors(name_errors), parse_seconds=parse_seconds,
        characters=sum(len(a.text) for a in articles),
    )


def lookup_rate(geoparser, names: list[str]) -> float:
    """Distinct names resolved per second (each name once, so no answer is reused)."""
    started = time.perf_counter()
    for name in names:
        geoparser.lookup(name)
    elapsed = time.perf_counter() - started
    return len(names) / elapsed if elapsed else 0.0


COLD_LOAD = (
    "import time; started = time.perf_counter(); from geo.geoparser import Geoparser; "
    "Geoparser.default(); print(time.perf_counter() - started)"
)


def cold_load() -> tuple[float | None, float | None]:
    """Seconds and peak MB of a first load with no gazetteer index yet, in a child
    process pointed at an empty data folder; (None, None) when that is not possible."""
    with tempfile.TemporaryDirectory() as empty:
        try:
            child = subprocess.run([sys.executable, "-c", COLD_LOAD], cwd=REPO_ROOT, capture_output=True,
                                   text=True, timeout=600, env={**os.environ, "GEO_DATA_DIR": empty})
        except subprocess.TimeoutExpired:
            return None, None
        if child.returncode != 0 or not any(Path(empty).iterdir()):
            return None, None
    return float(child.stdout.split()[-1]), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run(corpora_dir: Path, limit: int | None, records: list | None, cold: bool = True) -> tuple[list[CorpusResult], SpeedResult]:
    cold_seconds, cold_peak = cold_load() if cold else (None, None)
    rss_before = memory_mb()
    geoparser, load_seconds = load_geoparser()
    rss_loaded = memory_mb()
    loaded: list[tuple[str, tuple[GoldArticle, ...]]] = []
    for name, file_name in CORPORA:
        path = corpora_dir / file_name
        if not path.is_file():
            print(f"{path} not found; skipping {name}", file=sys.stderr)
            continue
        loaded.append((name, parse_corpus(path, name)[:limit]))
    names = sorted({g.text for _, articles in loaded for a in articles for g in a.toponyms if g.text.strip()})
    first_rate = lookup_rate(geoparser, names)
    repeat_rate = lookup_rate(geoparser, names)
    results = []
    for name, articles in loaded:
        print(f"evaluating {name} ({len(articles)} articles)...", file=sys.stderr)
        results.append(evaluate_corpus(geoparser, name, articles, records))
    speed = SpeedResult(load_seconds, rss_loaded, rss_before, len(names), first_rate, repeat_rate,
                        memory_mb("VmHWM"), cold_seconds, cold_peak)
    return results, speed


def git_revision() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.geoparsing", description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", type=Path, default=DEFAULT_CORPORA,
                        help=f"folder with GWN.xml, TR-News.xml, lgl.xml (default {DEFAULT_CORPORA})")
    parser.add_argument("--write", nargs="?", const=DEFAULT_OUTPUT, type=Path, metavar="PATH",
                        help=f"also write the Markdown report (default {DEFAULT_OUTPUT.relative_to(REPO_ROOT)})")
    parser.add_argument("--limit", type=int, help="only the first N articles of each corpus (quick runs)")
    parser.add_argument("--errors", type=Path, metavar="JSONL", help="write one line per scored gold toponym")
    parser.add_argument("--no-cold", action="store_true", help="skip timing a first load that builds the index")
    parser.add_argument("--date", type=date.fromisoformat, help="date measured (default: today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.corpora.is_dir():
        print(f"geoparsing corpora not found at {args.corpora}; benchmark skipped")
        return 0
    os.environ.pop("GEO_ONLINE_GEOCODER", None)  # the offline geoparser is what is measured
    records = [] if args.errors else None
    results, speed = run(args.corpora, args.limit, records, cold=not args.no_cold)
    if not results:
        print(f"no corpus files in {args.corpora}; benchmark skipped")
        return 0
    command = "python -m benchmarks.geoparsing" + (f" --limit {args.limit}" if args.limit else "") + " --write"
    report = render_markdown(results, speed, args.date or date.today(), command, git_revision())
    print(report)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        existing = args.write.read_text(encoding="utf-8") if args.write.is_file() else None
        args.write.write_text(merge_section(existing, report), encoding="utf-8")
        print(f"wrote {args.write}", file=sys.stderr)
    if records is not None:
        with args.errors.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
