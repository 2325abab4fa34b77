"""Gold readers and metrics for the geoparsing benchmark (pure functions).

Formats (see the corpora README): ``lgl.xml`` and ``TR-News.xml`` carry
``<toponym><start/><end/><phrase/><gaztag><lat/><lon/>``; ``GWN.xml`` carries
``<toponym><extractedName/><type/><start/><end/><latitude/><longitude/>``.
"""
from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Iterable, Sequence

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the equator: the error charged for a toponym left unresolved
ACCURACY_KM = 161.0  # 100 miles, the field's convention
ALIGN_WINDOW = 50
# GeoWebNews annotates common nouns, demonyms, languages and homonyms too; in its
# taxonomy these are the types that name a place (Gritta et al. 2019).
GWN_TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier",
    "Embedded_Literal", "Embedded_Non_Lit", "Coercion",
})


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float | None = None
    longitude: float | None = None
    label: str = ""

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None


@dataclass(frozen=True)
class GoldArticle:
    corpus: str
    ident: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    realigned: int = 0  # toponyms whose offsets were moved onto their phrase


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Offsets of ``phrase`` nearest to ``start``: some published offsets drift
    by a few characters from the text they annotate."""
    if not phrase or text[start:end] == phrase:
        return start, end
    for distance in range(ALIGN_WINDOW + 1):
        for candidate in (start - distance, start + distance):
            if candidate >= 0 and text.startswith(phrase, candidate):
                return candidate, candidate + len(phrase)
    return start, end


def _gwn_toponym(node: ET.Element) -> GoldToponym | None:
    label = (node.findtext("type") or "").strip()
    if label not in GWN_TOPONYM_TYPES:
        return None
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("extractedName") or "",
                       _float(node.findtext("latitude")), _float(node.findtext("longitude")), label)


def _lgl_toponym(node: ET.Element) -> GoldToponym:
    gaztag = node.find("gaztag")
    latitude = _float(gaztag.findtext("lat")) if gaztag is not None else None
    longitude = _float(gaztag.findtext("lon")) if gaztag is not None else None
    if latitude is None or longitude is None:
        latitude = longitude = None
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("phrase") or "", latitude, longitude,
                       (gaztag.findtext("fcode") or "") if gaztag is not None else "")


def parse_corpus(source, corpus: str) -> tuple[GoldArticle, ...]:
    """Articles with their gold toponyms from a path or file object of either format."""
    root = ET.parse(source).getroot()
    articles = []
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms, realigned = [], 0
        for node in article.iterfind("toponyms/toponym"):
            gold = _gwn_toponym(node) if node.find("extractedName") is not None else _lgl_toponym(node)
            if gold is None:
                continue
            start, end = align(text, gold.start, gold.end, gold.text)
            realigned += (start, end) != (gold.start, gold.end)
            toponyms.append(GoldToponym(start, end, gold.text, gold.latitude, gold.longitude, gold.label))
        ident = article.get("docid") or article.get("file") or str(number)
        articles.append(GoldArticle(corpus, ident, text, tuple(toponyms), realigned))
    return tuple(articles)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def matched(spans: Sequence[tuple[int, int]], references: Sequence[tuple[int, int]], exact: bool) -> int:
    """How many of ``spans`` match some reference span (exactly, or by overlap)."""
    if exact:
        reference_set = set(references)
        return sum(span in reference_set for span in spans)
    return sum(any(overlaps(span, ref) for ref in references) for span in spans)


def best_overlap(gold: tuple[int, int], spans: Sequence[tuple[int, int]]) -> int | None:
    """Index of the span sharing most characters with ``gold`` (first on ties)."""
    best, best_shared = None, 0
    for index, span in enumerate(spans):
        shared = min(gold[1], span[1]) - max(gold[0], span[0])
        if shared > best_shared:
            best, best_shared = index, shared
    return best


@dataclass(frozen=True)
class RecognitionCounts:
    predicted: int = 0
    predicted_correct_exact: int = 0  # against every gold toponym, with or without coordinates
    predicted_correct_overlap: int = 0
    gold: int = 0  # gold toponyms with coordinates
    gold_found_exact: int = 0
    gold_found_overlap: int = 0

    def __add__(self, other: RecognitionCounts) -> RecognitionCounts:
        return RecognitionCounts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.predicted, self.predicted_correct_exact, self.predicted_correct_overlap,
                self.gold, self.gold_found_exact, self.gold_found_overlap)


def recognition_counts(predicted: Sequence[tuple[int, int]], gold: Sequence[GoldToponym]) -> RecognitionCounts:
    all_gold = [(g.start, g.end) for g in gold]
    located = [(g.start, g.end) for g in gold if g.has_coordinates]
    return RecognitionCounts(
        predicted=len(predicted),
        predicted_correct_exact=matched(predicted, all_gold, exact=True),
        predicted_correct_overlap=matched(predicted, all_gold, exact=False),
        gold=len(located),
        gold_found_exact=matched(located, predicted, exact=True),
        gold_found_overlap=matched(located, predicted, exact=False),
    )


def prf(correct_predicted: int, predicted: int, found_gold: int, gold: int) -> tuple[float, float, float]:
    precision = correct_predicted / predicted if predicted else 0.0
    recall = found_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def error_km(gold: GoldToponym, latitude: float | None, longitude: float | None) -> float:
    if latitude is None or longitude is None:
        return MAX_ERROR_KM
    return distance_km(gold.latitude, gold.longitude, latitude, longitude)


@dataclass(frozen=True)
class ResolutionSummary:
    count: int
    accuracy: float  # share within ACCURACY_KM
    mean_km: float
    median_km: float
    auc: float  # area under the log error curve, 0 best, 1 worst (Gritta et al. 2018)


def summarize_errors(errors: Iterable[float]) -> ResolutionSummary:
    ordered = sorted(errors)
    if not ordered:
        return ResolutionSummary(0, 0.0, 0.0, 0.0, 0.0)
    logs = [math.log(1 + e) for e in ordered]
    if len(logs) == 1:
        auc = logs[0] / math.log(MAX_ERROR_KM)
    else:
        area = sum((a + b) / 2 for a, b in zip(logs, logs[1:]))
        auc = area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))
    return ResolutionSummary(
        count=len(ordered),
        accuracy=sum(e <= ACCURACY_KM for e in ordered) / len(ordered),
        mean_km=statistics.fmean(ordered),
        median_km=statistics.median(ordered),
        auc=auc,
    )
