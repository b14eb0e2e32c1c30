"""The command line and the web application are front ends of the Python API: they import only
what `contracten` offers by name (and their own modules), so what a script can do, they can do,
and the package's inside can change without breaking them. The API's three lists of names
(`_MODULES`, `__all__`, the imports for mypy) are the same, and each name works."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import contracten

PAKKET = Path(contracten.__file__).resolve().parent
VOORKANTEN = ("cli", "web")  # each may import `contracten.<voorkant>.*` and the public API


def _naam(pad: Path, pakket: Path) -> str:
    delen = pad.relative_to(pakket.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _geimporteerd(pad: Path, pakket: Path = PAKKET) -> list[tuple[int, str]]:
    """(line, module) of every import of the package in `pad`, also inside a function or under
    TYPE_CHECKING; a relative import made absolute, and `from contracten import x` of a name that
    is not public counted as importing the module `contracten.x`."""
    uit: list[tuple[int, str]] = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            uit += [(knoop.lineno, a.name) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            module = knoop.module or ""
            if knoop.level:
                basis = _naam(pad, pakket).split(".")
                if pad.name != "__init__.py":
                    basis = basis[:-1]  # the folder the module is in
                module = ".".join([*basis[:len(basis) - knoop.level + 1], *filter(None, [module])])
            if module == "contracten":
                uit += [(knoop.lineno, "contracten" if a.name in contracten.__all__
                         else f"contracten.{a.name}") for a in knoop.names]
            else:
                uit.append((knoop.lineno, module))
    return sorted((regel, m) for regel, m in uit if m.split(".")[0] == "contracten")


def _verboden(pad: Path, pakket: Path = PAKKET) -> list[str]:
    """Each import in `pad` (a module of a front end) of something other than the public API or
    the front end's own modules, as 'file:line imports module'."""
    voorkant = _naam(pad, pakket).split(".")[1]
    eigen = f"contracten.{voorkant}"
    return [f"{pad.relative_to(pakket.parent)}:{regel} importeert {module}"
            for regel, module in _geimporteerd(pad, pakket)
            if module != "contracten" and module != eigen and not module.startswith(eigen + ".")]


@pytest.mark.parametrize("pad", sorted(p for v in VOORKANTEN for p in (PAKKET / v).rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PAKKET)))
def test_opdrachtregel_en_web_gebruiken_alleen_de_publieke_api(pad: Path):
    fout = _verboden(pad)
    assert not fout, ("alleen `import contracten` / `from contracten import …` (de publieke "
                      "API, docs/referentie/python-api.md):\n" + "\n".join(fout))


def test_de_controle_ziet_elke_vorm_van_import(tmp_path: Path):
    """Inside a function, under an alias, relative, a submodule by `from contracten import`:
    each is seen; the public API and the front end's own modules are not reported."""
    pakket = tmp_path / "contracten"
    (pakket / "cli").mkdir(parents=True)
    module = pakket / "cli" / "proef.py"
    module.write_text(
        "import contracten\n"
        "from contracten import genereer, Profiel\n"
        "from contracten.cli.groep import main\n"
        "from . import opties\n"
        "import contracten.opmaak as opmaak\n"
        "def f():\n"
        "    from contracten.privacy import bevat_bsn\n"
        "from .. import fouten\n"
        "from ..web import app\n"
        "from contracten import soorten\n"
        "import click\n", encoding="utf-8")
    assert _verboden(module, pakket) == [
        "contracten/cli/proef.py:5 importeert contracten.opmaak",
        "contracten/cli/proef.py:7 importeert contracten.privacy",
        "contracten/cli/proef.py:8 importeert contracten.fouten",
        "contracten/cli/proef.py:9 importeert contracten.web",
        "contracten/cli/proef.py:10 importeert contracten.soorten"]


def _voor_mypy() -> dict[str, tuple[str, str]]:
    """Public name -> (module, name inside it), from the imports under TYPE_CHECKING."""
    boom = ast.parse((PAKKET / "__init__.py").read_text(encoding="utf-8"))
    blok = next(k for k in boom.body if isinstance(k, ast.If)
                and isinstance(k.test, ast.Name) and k.test.id == "TYPE_CHECKING")
    return {a.asname or a.name: (k.module or "", a.name) for k in ast.walk(blok)
            if isinstance(k, ast.ImportFrom) for a in k.names}


def test_de_drie_lijsten_van_de_api_zijn_gelijk():
    """What `__getattr__` loads, what `__all__` promises and what mypy sees: the same names,
    each from the same place."""
    getypt = _voor_mypy()
    assert sorted(contracten._MODULES) == sorted(contracten.__all__)
    assert set(getypt) == set(contracten.__all__)
    for naam, plaats in contracten._MODULES.items():
        module, _, binnen = plaats.partition(":")
        assert getypt[naam] == (module, binnen or naam), naam
    assert len(set(contracten.__all__)) == len(contracten.__all__)


@pytest.mark.parametrize("naam", contracten.__all__)
def test_elke_publieke_naam_werkt(naam: str):
    module, binnen = _voor_mypy()[naam]
    waarde = getattr(contracten, naam)
    assert waarde is getattr(importlib.import_module(module), binnen)
    assert naam in dir(contracten)
    if callable(waarde):
        assert waarde.__doc__, f"contracten.{naam} heeft geen docstring"


def test_een_onbekende_naam_is_een_attributeerror():
    with pytest.raises(AttributeError, match="bestaatniet"):
        contracten.bestaatniet  # noqa: B018


ZWAAR = ("sqlalchemy", "openpyxl", "starlette", "uvicorn", "nh3", "icalendar", "markdown")


def _geladen(code: str) -> tuple[list[str], list[str]]:
    """What `code` loads in a fresh interpreter: modules of the package, and heavy libraries."""
    uit = subprocess.run(
        [sys.executable, "-c", f"import sys; {code}; "
         "print(sorted(m for m in sys.modules if m.startswith('contracten.'))); "
         f"print([m for m in {ZWAAR!r} if m in sys.modules])"],
        capture_output=True, text=True, check=True, cwd=PAKKET.parent)
    pakket, zwaar = uit.stdout.strip().splitlines()
    return ast.literal_eval(pakket), ast.literal_eval(zwaar)


def test_import_contracten_laadt_niets_anders():
    assert _geladen("import contracten") == ([], [])


def test_de_opdrachtregel_laadt_register_excel_en_web_pas_als_een_opdracht_ze_vraagt():
    """The API names the command line uses when it starts (the steps, the document kinds) come
    without the register's database library, Excel or the web."""
    _, zwaar = _geladen("import contracten.cli")
    assert zwaar == []
