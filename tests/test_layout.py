"""The package layout follows the pipeline, checked by reading the imports:
gazetteer <- geoparse <- events <- io <- store <- cli, and webapp/pages use only
package entry points. Lazy imports inside functions count as much as top-level ones."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GEO = REPO / "geo"
# Rank of each top-level name under geo/: a module may import only names of its rank or lower.
RANKS = {
    "errors": 0, "model": 0, "spans": 0,
    "gazetteer": 1,
    "geoparse": 2, "geoparser": 2,
    "events": 3, "extract": 3,
    "io": 4,
    "store": 5,
    "cli": 6, "__main__": 6,
}
PACKAGES = ("gazetteer", "geoparse", "events", "io", "store", "cli")
# Kept at the top for callers outside geo/; geo's own modules use the real paths.
REEXPORTS = ("geo.extract", "geo.geoparser")
# What webapp/, pages/ and app.py may import: the package entry points, not their modules.
ENTRY_POINTS = frozenset({"geo.model", "geo.errors", "geo.extract", "geo.geoparser", *(f"geo.{p}" for p in PACKAGES)})


def geo_imports(source: str) -> list[str]:
    """Every ``geo`` module a source imports, anywhere in it (``from geo import x`` -> ``geo.x``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] == "geo"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "geo":
                found += [f"geo.{alias.name}" for alias in node.names]
            elif node.module.split(".")[0] == "geo":
                found.append(node.module)
    return found


def rank_of(module: str) -> int | None:
    """``geo.events.sites`` -> 3; None for ``geo`` itself."""
    parts = module.split(".")
    return RANKS[parts[1]] if len(parts) > 1 else None


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_violations(module: str, source: str) -> list[str]:
    own = rank_of(module)
    problems = []
    for imported in geo_imports(source):
        if imported.split(".")[1] not in RANKS:
            problems.append(f"{module} imports {imported}, which sits in no layer")
        elif own is not None and rank_of(imported) > own:
            problems.append(f"{module} imports {imported}, a package above it")
        elif imported in REEXPORTS and module not in REEXPORTS:
            problems.append(f"{module} imports the re-export {imported} instead of the real module")
    return problems


def geo_modules() -> list[Path]:
    return sorted(p for p in GEO.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", geo_modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_imports_a_package_above_it(path):
    assert layer_violations(module_name(path), path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("module, source, problem", [
    ("geo.gazetteer.lookup", "from geo.geoparse.recognize import Toponym", "a package above it"),
    ("geo.events.sites", "def f():\n    from geo.store import open_store", "a package above it"),
    ("geo.io.export", "import geo.cli", "a package above it"),
    ("geo.io.ingest", "from geo.store import open_store", "a package above it"),
    ("geo.cli.places", "from geo.geoparser import Geoparser", "the re-export"),
    ("geo.events.sites", "from geo import resolve", "sits in no layer"),
])
def test_the_layer_check_catches_violations(module, source, problem):
    problems = layer_violations(module, source)
    assert len(problems) == 1 and problem in problems[0]


@pytest.mark.parametrize("module, source", [
    ("geo.cli.store", "from geo.store import open_store\nfrom geo.events.extract import Extractor"),
    ("geo.events.extract", "from geo.geoparse.geoparser import Geoparser\nfrom geo.model import Event"),
    ("geo.extract", "from geo.events.extract import Extractor"),
])
def test_the_layer_check_allows_imports_downwards(module, source):
    assert layer_violations(module, source) == []


def dashboard_files() -> list[Path]:
    return sorted([REPO / "app.py", *(REPO / "pages").glob("*.py"), *(REPO / "webapp").rglob("*.py")])


@pytest.mark.parametrize("path", dashboard_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_the_dashboard_uses_only_package_entry_points(path):
    imported = set(geo_imports(path.read_text(encoding="utf-8")))
    assert imported <= ENTRY_POINTS, sorted(imported - ENTRY_POINTS)


@pytest.mark.parametrize("path", geo_modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_geo_never_imports_streamlit(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    assert not [n for n in names if n.split(".")[0] in ("streamlit", "streamlit_folium", "webapp")]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_says_what_comes_in_and_what_goes_out(package):
    doc = ast.get_docstring(ast.parse((GEO / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert len(doc.split()) >= 30
    assert "import" in doc.lower(), "the docstring names the packages it may import"


def test_every_top_level_name_has_a_layer():
    names = {p.stem for p in GEO.glob("*.py")} | {p.name for p in GEO.iterdir() if (p / "__init__.py").is_file()}
    assert names - {"__init__"} == set(RANKS)


@pytest.mark.parametrize("entry", ["from geo.extract import Extractor, extract_events",
                                   "from geo.geoparser import Geoparser",
                                   "from geo.events import Extractor",
                                   "from geo.geoparse import Geoparser",
                                   "from geo.gazetteer import Gazetteer",
                                   "from geo.io import load_article, events_to_csv, read_upload",
                                   "from geo.store import open_store, describe_correction"])
def test_public_entry_points_keep_working(entry):
    exec(entry, {})
