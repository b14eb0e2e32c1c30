from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from contracten.cli import klok, main
from contracten.cli.taal import gebruik_nederlands

ROOT = Path(__file__).resolve().parent.parent
REGIOS = ROOT / "regios"
BRONNEN = ROOT.parent / "shared" / "bronnen"
# The command line imports a command's module when that command is asked for; the tests load
# them all at once, so that `geen_datum_van_vandaag` finds every module that reads the clock.
OPDRACHTEN = sorted(main.commands)


@dataclass
class Uitkomst:
    code: int
    stdout: str
    stderr: str


def voer_uit(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             invoer: bytes | None = None) -> Uitkomst:
    """Run the command line in this process (click's CliRunner), with click's phrases in Dutch
    as the console script has them, in folder `cwd` (default: the checkout)."""
    omgeving: dict[str, str | None] = {"CONTRACTEN_REGIOS": None, **(env or {})}
    gebruik_nederlands()
    vorige = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        uit = CliRunner().invoke(main, list(args), env=omgeving, prog_name="contracten",
                                 input=invoer)
    finally:
        os.chdir(vorige)
    if uit.exception is not None and not isinstance(uit.exception, SystemExit):
        raise uit.exception
    return Uitkomst(uit.exit_code, uit.stdout, uit.stderr)


def voer_uit_als_proces(*args: str, cwd: Path | None = None,
                        env: dict[str, str] | None = None) -> Uitkomst:
    """Run the installed CLI as a user would, in a separate process: for what only a process
    shows (signals, concurrency, the console script itself)."""
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    omgeving.update(env or {})
    proces = subprocess.run([sys.executable, "-m", "contracten", *args], cwd=cwd or ROOT,
                            env=omgeving, capture_output=True, text=True, timeout=300)
    return Uitkomst(proces.returncode, proces.stdout, proces.stderr)


def pytest_configure(config: pytest.Config) -> None:
    """No test reads or writes the real user's cache folder (kept region summaries, compiled
    templates, LibreOffice profiles): the whole session gets its own, also the processes it
    starts (`CONTRACTEN_CACHE`, which comes before every other place; see lezen.cachemap)."""
    os.environ["CONTRACTEN_CACHE"] = tempfile.mkdtemp(prefix="contracten-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    map_ = os.environ.get("CONTRACTEN_CACHE", "")
    if os.path.basename(map_).startswith("contracten-cache-"):
        shutil.rmtree(map_, ignore_errors=True)


def maak_grote_regio(regios: Path, naam: str, aantal: int) -> Path:
    """regios/<naam>: Assen with its aanbieders copied to `aantal`, each with its own id, name,
    KvK and AGB number: the benchmark's synthetic region (benchmarks/bulk.py)."""
    spec = importlib.util.spec_from_file_location("bulk", ROOT / "benchmarks" / "bulk.py")
    assert spec is not None and spec.loader is not None
    bulk = sys.modules.setdefault("bulk", importlib.util.module_from_spec(spec))
    if not hasattr(bulk, "maak_regio"):  # a script beside the tests, not a package
        spec.loader.exec_module(bulk)
    bulk.maak_regio(regios, naam, aantal)
    return regios / naam


@pytest.fixture
def regios(tmp_path: Path) -> Path:
    """A private copy of the shipped profiles, safe to break."""
    doel = tmp_path / "regios"
    shutil.copytree(REGIOS, doel)
    return doel


ASSEN_DATUM = dt.date(2026, 11, 23)


@pytest.fixture(scope="session")
def assen_eenmaal_gegenereerd(tmp_path_factory) -> Path:
    """Read only: one generation per session of the shipped Assen profile on ASSEN_DATUM.
    A test that changes an output folder takes `assen_gegenereerd`, its own copy."""
    from contracten import genereer, laad_regio

    map_ = tmp_path_factory.mktemp("assen-gegenereerd")
    genereer(laad_regio(REGIOS, "assen"), uitvoer=map_, datum=ASSEN_DATUM)
    return map_


@pytest.fixture
def assen_gegenereerd(assen_eenmaal_gegenereerd, tmp_path) -> Path:
    """An output folder (`<map>/assen/2025/...`) exactly as `genereer` makes it from the shipped
    Assen profile (or an unchanged copy, such as `regios`) on ASSEN_DATUM: a private copy, safe
    to change, of one generation per session (generating takes seconds, copying does not)."""
    doel = tmp_path / "uit"
    shutil.copytree(assen_eenmaal_gegenereerd, doel)
    return doel


def bij_elke_aanroep(monkeypatch: pytest.MonkeyPatch, eigenaar: object, naam: str,
                     meting: Callable[..., Any]) -> list[Any]:
    """Spy on `eigenaar.naam` (a module's function or a class's method): before each call,
    `meting` gets its arguments and what it returns is recorded; the real one still runs.
    Returns the list of what was recorded."""
    gezien: list[Any] = []
    echt = getattr(eigenaar, naam)

    def spion(*args: Any, **kwargs: Any) -> Any:
        gezien.append(meting(*args, **kwargs))
        return echt(*args, **kwargs)

    monkeypatch.setattr(eigenaar, naam, spion)
    return gezien


def wijzig_yaml(pad: Path, wijziging) -> None:
    """Load, change in Python, write back (for tests that break one field)."""
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijziging(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def wijzig_telefoon(regios: Path, nummer: str, regio: str = "assen") -> None:
    """The first aanbieder's telephone number changed, the rest of the file as it was (one
    aanbieder changed, as a user's edit does)."""
    pad = regios / regio / "aanbieders.yaml"
    tekst, n = re.subn(r'telefoon: "[^"]*"', f'telefoon: "{nummer}"', pad.read_text("utf-8"),
                       count=1)
    assert n == 1
    pad.write_text(tekst, "utf-8")


class DatumVanVandaag(BaseException):
    """A test let the tool read today's date. A BaseException, so that neither the command
    group (which turns an Exception into 'Interne fout', exit 1) nor CliRunner swallows it."""


@pytest.fixture(autouse=True)
def geen_datum_van_vandaag(monkeypatch):
    """No test may depend on the day it runs: where a command would take today's date (no
    --datum/--briefdatum given), the test fails instead. The command line reads the clock in one
    place, `contracten.cli.klok.vandaag`; every module that imported it gets this one."""
    echt = klok.vandaag

    def vandaag(datum):
        if datum is None:
            raise DatumVanVandaag("deze opdracht zou de datum van vandaag gebruiken; geef "
                                  "--datum (of --briefdatum) mee")
        return echt(datum)

    modules = [m for m in list(sys.modules.values())
               if getattr(m, "__name__", "").startswith("contracten.")
               and getattr(m, "vandaag", None) is echt]
    assert len(modules) > 1, "de opdrachten lezen de klok niet meer via klok.vandaag"
    for module in modules:
        monkeypatch.setattr(module, "vandaag", vandaag)


@pytest.fixture(autouse=True)
def geen_taak_loopt_door():
    """A job the web started in a thread of this process (an SQLite register) ends with the
    test that started it: it would otherwise still be generating during the next test."""
    yield
    taken = sys.modules.get("contracten.opdrachten.taken")  # not loaded: no job was started
    for draad in threading.enumerate() if taken is not None else ():
        if draad.name.startswith(taken.DRAAD):
            draad.join(120)
            assert not draad.is_alive(), f"de taak {draad.name} liep na de test nog 120 s door"


@pytest.fixture(autouse=True)
def omgeving_terug():
    """What a test changes of this process's environment and working folder is undone after it,
    so each test starts the same, in any order. (`voer_uit` sets LANGUAGE=nl, as the console
    script does for its own process.)"""
    omgeving, map_ = dict(os.environ), Path.cwd()
    yield
    if dict(os.environ) != omgeving:
        os.environ.clear()
        os.environ.update(omgeving)
    os.chdir(map_)


@pytest.fixture(scope="session")
def percelen_eenmaal_gegenereerd(tmp_path_factory) -> tuple[Path, Path]:
    """Read only: the example regions with Assen as a tender of two percelen (tests/percelen.py)
    and its documents generated on ASSEN_DATUM, once per session: (regios, uitvoer)."""
    from contracten import genereer, laad_regio

    from .percelen import in_twee_percelen

    map_ = tmp_path_factory.mktemp("percelen")
    regios = map_ / "regios"
    shutil.copytree(REGIOS, regios)
    in_twee_percelen(regios)
    genereer(laad_regio(regios, "assen"), uitvoer=map_ / "uit", datum=ASSEN_DATUM)
    return regios, map_ / "uit"


@pytest.fixture
def percelen_gegenereerd(percelen_eenmaal_gegenereerd, tmp_path) -> tuple[Path, Path]:
    """A private copy, safe to change, of `percelen_eenmaal_gegenereerd`: (regios, uitvoer)."""
    regios, uitvoer = percelen_eenmaal_gegenereerd
    doel = tmp_path / "percelen"
    shutil.copytree(regios, doel / "regios")
    shutil.copytree(uitvoer, doel / "uit")
    return doel / "regios", doel / "uit"


def indexeer_tot(regios: Path, regio: str, naar: int, *, datum: dt.date, **opties):
    """Index `regio` one year at a time up to `naar` (3,5 % a year before the last), the last
    year with `opties` (e.g. `percentage`, `genereren`, `uitvoer`). For Amersfoort, whose
    contracts start in 2027 on prijspeil 2023: only a prijspeil from the start has letters."""
    from decimal import Decimal

    import contracten

    profiel = contracten.laad_regio(regios, regio)
    for jaar in range(profiel.laatste_prijspeil() + 1, naar):
        contracten.indexeer(profiel, naar=jaar, datum=datum, percentage=Decimal("3.5"))
        profiel = contracten.laad_regio(regios, regio)
    return contracten.indexeer(profiel, naar=naar, datum=datum, **opties)


def werk_van_assen(tmp_path: Path) -> tuple[Any, list[Any]]:
    """A `Werk` of assen as `genereer` plans it (staging in tmp_path), and the run's tasks."""
    from contracten.pijplijn import werk
    from contracten.pijplijn.keuze import kies
    from contracten.pijplijn.opties import Opties
    from contracten.pijplijn.plan import maak_plan
    from contracten.profiel.laden import laad_regio

    profiel = laad_regio(REGIOS, "assen")
    keuze = kies(profiel, opdracht="genereer", prijspeil=None, soorten=(), aanbieders=(),
                 percelen=())
    plan = maak_plan(Opties(profiel, keuze.soorten, keuze.contracten, keuze.prijspeil,
                            doel=tmp_path / "uit", datum=dt.date(2026, 11, 23)))
    return werk.Werk(profiel, plan.prijspeil, plan.sjablonen, plan.uitvoering, plan.formaten,
                     tmp_path / "staging"), plan.taken
