"""The package is a house in layers: every import runs downward (or stays within its own
folder), and no module is much over 250 lines, so a newcomer finds a thing by its folder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "contracten"

# From the top down; a layer may import only layers below it, and itself.
LAGEN = {
    "cli": 9,
    "opdrachten": 8,
    "pijplijn": 7,
    "soorten": 6,
    "rekenen": 5, "weergave": 5, "uitvoer": 5,
    "profiel": 4,
    "artikelen": 3,
    "lezen": 2,
    "fouten": 1, "opmaak": 1, "privacy": 1,
}
MAXIMUM_REGELS = 260


def _laag(module: str) -> str | None:
    """The layer of a dotted module name inside the package (None for the package's face)."""
    delen = module.split(".")
    return delen[1] if len(delen) > 1 and delen[0] == "contracten" else None


def _modules() -> list[Path]:
    return sorted(p for p in PAKKET.rglob("*.py") if p.name != "__main__.py")


def _naam(pad: Path) -> str:
    delen = pad.relative_to(PAKKET.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _imports(pad: Path) -> list[tuple[int, str]]:
    uit = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom):
            if knoop.level:  # relative: within its own folder
                continue
            if knoop.module:
                uit.append((knoop.lineno, knoop.module))
        elif isinstance(knoop, ast.Import):
            uit += [(knoop.lineno, a.name) for a in knoop.names]
    return uit


@pytest.mark.parametrize("pad", _modules(), ids=lambda p: str(p.relative_to(PAKKET)))
def test_geen_import_loopt_omhoog_of_opzij(pad: Path):
    bron = _laag(_naam(pad))
    if bron is None:
        return  # contracten/__init__.py: the API face may gather from every layer
    assert bron in LAGEN, f"{pad}: map '{bron}' hoort in geen laag; voeg hem toe aan LAGEN"
    for regel, module in _imports(pad):
        doel = _laag(module)
        if doel is None or doel == bron:
            continue
        assert LAGEN[doel] < LAGEN[bron], (
            f"{pad.relative_to(PAKKET)}:{regel} importeert {module}: laag '{doel}' staat niet "
            f"onder laag '{bron}'")


@pytest.mark.parametrize("pad", _modules(), ids=lambda p: str(p.relative_to(PAKKET)))
def test_modules_blijven_klein(pad: Path):
    regels = len(pad.read_text(encoding="utf-8").splitlines())
    assert regels <= MAXIMUM_REGELS, f"{pad.relative_to(PAKKET)} heeft {regels} regels"


def test_de_lagen_bestaan_als_mappen():
    mappen = {p.name for p in PAKKET.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert {naam for naam, laag in LAGEN.items() if laag > 1} - {"artikelen"} <= mappen
