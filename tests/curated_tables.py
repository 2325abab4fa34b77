"""Reading the curated gazetteer tables (geo/data/*.csv) for the tests that check them."""
from __future__ import annotations

import csv
import math
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "geo" / "data"
TABLES = ("installations.csv", "regions.csv", "places.csv")


def read_table(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of one curated table, as csv.DictReader gives them."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    rad = math.pi / 180
    a = (math.sin((lat2 - lat1) * rad / 2) ** 2
         + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(a))


def by_alias(rows: list[dict[str, str]], alias: str) -> list[dict[str, str]]:
    """Rows whose name or one of whose aliases is `alias`, ignoring case."""
    wanted = alias.casefold()
    return [row for row in rows
            if wanted == row["name"].casefold()
            or wanted in (a.casefold() for a in row["aliases"].split("|"))]
