"""The package is a house in layers: every import runs downward (or stays within its own
folder), and no module is much over 250 lines, so a newcomer finds a thing by its folder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "contracten"

# From the top down; a layer may import only layers below it, and itself.
LAGEN = {
    "cli": 10,
    "web": 9,
    "opdrachten": 8,
    "pijplijn": 7,
    "soorten": 6,
    "rekenen": 5, "weergave": 5, "uitvoer": 5, "register": 5,
    "profiel": 4,
    "artikelen": 3,
    "lezen": 2,
    "fouten": 1, "opmaak": 1, "privacy": 1, "tijd": 1, "vastlegging": 1,
}
MAXIMUM_REGELS = 260


def _laag(module: str) -> str | None:
    """The layer of a dotted module name inside the package (None for the package's face)."""
    delen = module.split(".")
    return delen[1] if len(delen) > 1 and delen[0] == "contracten" else None


def _modules() -> list[Path]:
    return sorted(p for p in PAKKET.rglob("*.py") if p.name != "__main__.py")


def _naam(pad: Path, pakket: Path = PAKKET) -> str:
    delen = pad.relative_to(pakket.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _imports(pad: Path, pakket: Path = PAKKET) -> list[tuple[int, str]]:
    """(line, dotted module) of every import; relative ones made absolute, so that a `from ..x`
    is checked like any other import."""
    uit = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom) and knoop.level:
            basis = _naam(pad, pakket).split(".")
            if pad.name != "__init__.py":
                basis = basis[:-1]  # the folder the module is in
            basis = basis[:len(basis) - knoop.level + 1]
            if knoop.module:
                uit.append((knoop.lineno, ".".join([*basis, knoop.module])))
            else:  # from .. import x: x may be a module
                uit += [(knoop.lineno, ".".join([*basis, a.name])) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
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


def test_relatieve_imports_worden_ook_gecontroleerd(tmp_path: Path):
    """The check above sees through a relative import (`from ..x import y`)."""
    pakket = tmp_path / "contracten"
    (pakket / "profiel").mkdir(parents=True)
    module = pakket / "profiel" / "proef.py"
    module.write_text("from .laden import a\nfrom ..cli import b\nfrom .. import fouten\n",
                      encoding="utf-8")
    assert _imports(module, pakket) == [
        (1, "contracten.profiel.laden"), (2, "contracten.cli"), (3, "contracten.fouten")]


def test_een_werkproces_laadt_alleen_wat_het_maken_van_documenten_vraagt():
    """A worker of `genereer` imports the pipeline's worker module, not the register
    (SQLAlchemy), Excel, the web or the command line: each worker starts sooner."""
    import subprocess
    import sys

    zwaar = ("sqlalchemy", "openpyxl", "starlette", "uvicorn", "click")
    uit = subprocess.run(
        [sys.executable, "-c", "import sys, contracten.pijplijn.werk; "
         f"print([m for m in {zwaar!r} if m in sys.modules])"],
        capture_output=True, text=True, check=True, cwd=PAKKET.parent)
    assert uit.stdout.strip() == "[]"
