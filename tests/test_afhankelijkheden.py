"""Everything the code imports is declared in pyproject.toml, and everything declared is used:
the package's imports in `dependencies`, those of the tests and benchmarks in the test extra (or
the package's). A small scan of the syntax trees (no tool to install, well under a second),
mapped to distributions by importlib.metadata."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

from .conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

# Declared but never imported by name, each with what uses it.
ZONDER_IMPORT = {
    "psycopg": "SQLAlchemy's driver for a register given as postgresql+psycopg://…",
    "python-multipart": "starlette reads the web's form posts with it",
    "itsdangerous": "starlette's SessionMiddleware signs the session cookie with it",
    "tzdata": "zoneinfo's Europe/Amsterdam where the system has no time zone data",
    "httpx2": "the HTTP library of starlette's test client (tests/test_web*.py)",
    "pytest-xdist": "pytest -n (the configuration's addopts)",
    "pytest-randomly": "a pytest plugin: the tests in random order",
    "ruff": "the linter (.ci/run)",
    "mypy": "the type checker (.ci/run)",
    "types-pyyaml": "mypy's stubs for yaml",
    "types-markdown": "mypy's stubs for markdown",
    "types-openpyxl": "mypy's stubs for openpyxl",
}


def _naam(eis: str) -> str:
    """'docxtpl[subdoc]>=0.20,<0.21' -> 'docxtpl' (PEP 503 normalised)."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", eis)
    assert match, eis
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


PAKKET = {_naam(e) for e in PROJECT["dependencies"]}
# the test extra names the docs extra as contracten[docs] (test_documentatie builds the site):
# that is this package, not a distribution to import
TEST = {_naam(e) for e in PROJECT["optional-dependencies"]["test"]} - {"contracten"}


def _modules(map_: Path) -> Iterator[tuple[str, Path]]:
    """Every top-level module imported under `map_` (also inside functions and TYPE_CHECKING)
    that is neither the standard library nor our own."""
    eigen = {"contracten", "tests", "benchmarks"} | {p.stem for p in map_.glob("*.py")}
    for pad in sorted(map_.rglob("*.py")):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
                namen = [knoop.module]
            else:
                continue
            for naam in namen:
                top = naam.split(".")[0]
                if top not in sys.stdlib_module_names and top not in eigen:
                    yield top, pad


@cache
def _alle_distributies() -> dict[str, list[str]]:
    return packages_distributions()  # reads every installed distribution's file list: once


def _distributies(module: str) -> set[str]:
    return {re.sub(r"[-_.]+", "-", d).lower() for d in _alle_distributies().get(module, [])}


def _niet_verklaard(mappen: list[str], verklaard: set[str]) -> list[str]:
    fouten = []
    for map_ in mappen:
        for module, pad in _modules(ROOT / map_):
            distributies = _distributies(module)
            if not distributies & verklaard:
                fouten.append(f"{pad.relative_to(ROOT)}: importeert {module} (distributie "
                              f"{', '.join(sorted(distributies)) or 'niet geïnstalleerd'}), "
                              "niet verklaard in pyproject.toml")
    return sorted(set(fouten))


def test_alles_wat_het_pakket_importeert_staat_in_dependencies():
    assert _niet_verklaard(["contracten"], PAKKET) == []


def test_alles_wat_tests_en_benchmarks_importeren_is_verklaard():
    assert _niet_verklaard(["tests", "benchmarks"], PAKKET | TEST) == []


def test_alles_wat_verklaard_is_wordt_gebruikt():
    """A declared distribution is imported somewhere, or ZONDER_IMPORT says what uses it."""
    gebruikt = {d for map_ in ("contracten", "tests", "benchmarks")
                for module, _ in _modules(ROOT / map_) for d in _distributies(module)}
    ongebruikt = sorted((PAKKET | TEST) - gebruikt - set(ZONDER_IMPORT))
    assert ongebruikt == [], "verklaard maar nergens geïmporteerd (of zet het in ZONDER_IMPORT)"
    assert set(ZONDER_IMPORT) <= PAKKET | TEST  # no stale reasons


def test_elke_afhankelijkheid_heeft_een_boven_en_ondergrens():
    """Bounds that admit only versions that work: a floor we build on and a ceiling below the
    next major (or minor, before 1.0) version, which may break what we use."""
    extra = PROJECT["optional-dependencies"]
    zonder = [e for e in PROJECT["dependencies"] + extra["test"] + extra["docs"]
              if not (">=" in e and "<" in e) and not _naam(e).startswith("types-")
              and _naam(e) != "contracten"  # the docs extra, by its name
              and _naam(e) != "tzdata"]  # time zone data: every newer release is better
    assert zonder == []
