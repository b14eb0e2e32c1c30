"""Nothing half done: a command that writes the profile (indexeer, importeer, bijwerken), alone or
with its documents, killed with kill -9 at any moment, leaves the previous state or the complete
new one, as the next command sees it, and the same command again finishes the job.

Each run stands still at a chosen moment of its commit (tests/stoppunt.py) and is killed there;
the moments are before the commit, just after it, and halfway its moves."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

import contracten

from .conftest import REGIOS, ROOT

T = dt.datetime(2026, 12, 1, 9, 0)  # when the workbook is exported


def stand(map_: Path) -> dict[str, str]:
    """Every file under `map_` with its sha256; the folders' lock files left out (they stay)."""
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()
            and not p.name.startswith(".contracten-")}  # its locks and caches


def resten(map_: Path) -> list[str]:
    """Staging folders left anywhere under `map_` (`.contracten-<naam>-<8 hex>`)."""
    return sorted(p.relative_to(map_).as_posix() for p in map_.rglob(".contracten-*")
                  if p.is_dir())


def stop_en_dood(argumenten: list[str], punt: str, werk: Path) -> None:
    """Run `contracten ARGUMENTEN` in a process that stands still at `punt` (see
    tests/stoppunt.py), and kill -9 it (its whole process group) there."""
    proces = stil_bij(argumenten, punt, werk)
    os.killpg(proces.pid, signal.SIGKILL)
    proces.communicate()
    assert proces.returncode == -signal.SIGKILL


def stil_bij(argumenten: list[str], punt: str, werk: Path) -> subprocess.Popen[bytes]:
    """`contracten ARGUMENTEN` in a process group of its own, standing still at `punt`."""
    meld = werk / "stilgestaan"
    meld.unlink(missing_ok=True)
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    omgeving.update(STOPPUNT=punt, STOPPUNT_MELD=str(meld))
    proces = subprocess.Popen([sys.executable, "-m", "tests.stoppunt", *argumenten], cwd=ROOT,
                              env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              start_new_session=True)
    einde = time.monotonic() + 120
    while not meld.exists():
        if proces.poll() is not None:
            _, fout = proces.communicate()
            pytest.fail(f"de opdracht kwam niet bij {punt} (code {proces.returncode}): {fout}")
        if time.monotonic() > einde:
            os.killpg(proces.pid, signal.SIGKILL)
            pytest.fail(f"de opdracht kwam in twee minuten niet bij {punt}")
        time.sleep(0.02)
    return proces


def voer_uit_als_proces(argumenten: list[str]) -> subprocess.CompletedProcess[str]:
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    return subprocess.run([sys.executable, "-m", "contracten", *argumenten], cwd=ROOT,
                          env=omgeving, capture_output=True, text=True, timeout=300)


# --- indexeer --genereer: the new prijspeil and its documents are one change ---------------

INDEXEER = ["indexeer", "hoogeveld", "--naar", "2027", "--percentage", "3.5", "--genereer",
            "--datum", "2026-11-23"]


@pytest.fixture(scope="module")
def geindexeerd(tmp_path_factory) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The profile before, and the profile and the documents after, one uninterrupted run."""
    werk = tmp_path_factory.mktemp("heel")
    shutil.copytree(REGIOS, werk / "regios")
    voor = stand(werk / "regios/hoogeveld")
    uit = voer_uit_als_proces(["--regios", str(werk / "regios"), *INDEXEER,
                               "--uitvoer", str(werk / "uit")])
    assert uit.returncode == 0, uit.stderr
    return voor, stand(werk / "regios/hoogeveld"), stand(werk / "uit")


@pytest.mark.parametrize(("punt", "nieuw"), [
    ("voor:/wissel\\.json$", False),  # the documents are made; nothing is committed
    ("voor:/journaal\\.json$", False),  # the profile's change waits for the output's commit
    ("na:/journaal\\.json$", True),  # committed: nothing has moved yet
    ("na:/tarieven/2027\\.yaml$", True),  # the profile is new, the documents not yet
    ("voor:/hoogeveld/2027/manifest\\.json$", True),  # every document is in, the manifest not
], ids=["voor-de-wissel", "voor-het-journaal", "na-het-journaal", "na-het-tariefbestand",
        "voor-het-manifest"])
def test_indexeer_met_genereer_gedood_op_elk_moment(geindexeerd, tmp_path, punt, nieuw):
    oud_profiel, nieuw_profiel, nieuwe_documenten = geindexeerd
    regios, uitvoer = tmp_path / "regios", tmp_path / "uit"
    shutil.copytree(REGIOS, regios)
    opdracht = ["--regios", str(regios), *INDEXEER, "--uitvoer", str(uitvoer)]
    stop_en_dood(opdracht, punt, tmp_path)

    # As the next command sees it (loading the profile finishes or undoes the change): the
    # old profile without the year's documents, or the new one.
    contracten.laad_regio(regios, "hoogeveld")
    assert stand(regios / "hoogeveld") == (nieuw_profiel if nieuw else oud_profiel)
    if not nieuw:
        assert not (uitvoer / "hoogeveld/2027/manifest.json").exists()
        assert resten(regios) == []

    # The same command again finishes the job, whatever the moment was.
    uit = voer_uit_als_proces(opdracht)
    assert uit.returncode == 0, uit.stderr
    assert ("bestond al" in uit.stdout + uit.stderr) == nieuw
    assert stand(regios / "hoogeveld") == nieuw_profiel
    assert stand(uitvoer) == nieuwe_documenten
    assert resten(regios) == [] and resten(uitvoer) == []


# --- genereer into a new output folder: its staging folder becomes it in one rename ---------

GENEREER = ["genereer", "assen", "--datum", "2026-11-23"]


@pytest.fixture(scope="module")
def nieuw_gegenereerd(tmp_path_factory) -> dict[str, str]:
    werk = tmp_path_factory.mktemp("nieuw")
    uit = voer_uit_als_proces(["--regios", str(REGIOS), *GENEREER, "--uitvoer", str(werk)])
    assert uit.returncode == 0, uit.stderr
    return stand(werk)


@pytest.mark.parametrize(("punt", "nieuw"), [
    ("voor:/uit/assen/2025$", False),  # everything made, the folder not there yet
    ("na:/uit/assen/2025$", True),  # the folder is there, whole
], ids=["voor-de-rename", "na-de-rename"])
def test_genereer_in_een_nieuwe_map_gedood_bij_de_rename(nieuw_gegenereerd, tmp_path, punt,
                                                        nieuw):
    uitvoer = tmp_path / "uit"
    opdracht = ["--regios", str(REGIOS), *GENEREER, "--uitvoer", str(uitvoer)]
    stop_en_dood(opdracht, punt, tmp_path)
    assert (uitvoer / "assen/2025").exists() == nieuw
    if nieuw:
        assert stand(uitvoer) == nieuw_gegenereerd and resten(uitvoer) == []
    uit = voer_uit_als_proces(opdracht)  # the same command again: whole, nothing left over
    assert uit.returncode == 0, uit.stderr
    assert stand(uitvoer) == nieuw_gegenereerd
    assert resten(uitvoer) == []


# --- importeer: every profile file or none -----------------------------------------------

@pytest.fixture(scope="module")
def werkboek(tmp_path_factory) -> Path:
    """Assen's workbook with a changed jaaromzet (aanbieders.yaml) and a changed amount
    (tarieven/2025.yaml): an import writes two files."""
    werk = tmp_path_factory.mktemp("werkboek")
    pad = werk / "assen.xlsx"
    contracten.exporteer(contracten.laad_regio(REGIOS, "assen"), pad, tijdstip=T,
                         uitvoer=werk / "uit", database=werk / "r.sqlite")
    boek = load_workbook(pad)
    for blad, rij, kolom, waarde in (("Aanbieders", 2, "jaaromzet", "1.500.000,00"),
                                     ("Tarieven 2025", 3, "bedrag", 166.5)):
        kop = [c.value for c in boek[blad][1]]
        boek[blad].cell(row=rij, column=kop.index(kolom) + 1, value=waarde)
    boek.save(pad)
    return pad


@pytest.mark.parametrize(("punt", "nieuw"), [
    ("voor:/wissel\\.json$", False),
    ("na:/wissel\\.json$", True),
    ("na:/aanbieders\\.yaml$", True),  # one file in, the other not yet
], ids=["voor-het-journaal", "na-het-journaal", "halverwege"])
def test_importeer_gedood_op_elk_moment(werkboek, tmp_path, punt, nieuw):
    regios = tmp_path / "regios"
    shutil.copytree(REGIOS, regios)
    voor = stand(regios / "assen")
    opdracht = ["--regios", str(regios), "importeer", "assen", str(werkboek)]
    stop_en_dood(opdracht, punt, tmp_path)
    profiel = contracten.laad_regio(regios, "assen")  # what the next command reads
    na = stand(regios / "assen")
    veranderd = {p for p in na if na[p] != voor.get(p)}
    assert veranderd == ({"aanbieders.yaml", "tarieven/2025.yaml"} if nieuw else set())
    assert str(profiel.aanbieders[0].jaaromzet) == ("1500000.00" if nieuw else "1480250.00")
    uit = voer_uit_als_proces(opdracht)  # again: finishes (or finds nothing left to change)
    assert uit.returncode == 0, uit.stderr
    assert {p for p, h in stand(regios / "assen").items() if h != voor.get(p)} == {
        "aanbieders.yaml", "tarieven/2025.yaml"}
    assert resten(regios) == []


def test_bijwerken_gedood_na_het_journaal_wordt_afgemaakt(tmp_path):
    regios = tmp_path / "regios"
    shutil.copytree(REGIOS, regios)
    voor = (regios / "assen/regio.yaml").read_bytes()
    stop_en_dood(["--regios", str(regios), "bijwerken", "assen", "--ja"], "na:/wissel\\.json$",
                 tmp_path)
    assert (regios / "assen/regio.yaml").read_bytes() == voor  # nothing moved yet
    assert resten(regios)  # but committed: the journal is there
    uit = voer_uit_als_proces(["--regios", str(regios), "valideer", "assen"])
    assert uit.returncode == 0, uit.stderr
    assert (regios / "assen/regio.yaml").read_bytes() != voor
    assert "formaat:" in (regios / "assen/regio.yaml").read_text(encoding="utf-8")
    assert resten(regios) == []


def test_ctrl_c_na_de_rename_zegt_dat_de_nieuwe_uitvoer_er_staat(nieuw_gegenereerd, tmp_path):
    """Ctrl-C after the commit (the run still records its own files): the new output is there,
    whole, and the last word says so instead of "er is niets gewijzigd"."""
    uitvoer = tmp_path / "uit"
    proces = stil_bij(["--regios", str(REGIOS), *GENEREER, "--uitvoer", str(uitvoer)],
                      "na:/uit/assen/2025$", tmp_path)
    os.killpg(proces.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, fout = proces.communicate(timeout=60)
    assert proces.returncode == 130
    assert fout.decode().strip() == ("Afgebroken; de nieuwe uitvoer in "
                                     f"{uitvoer / 'assen' / '2025'} staat er al volledig.")
    assert stand(uitvoer) == nieuw_gegenereerd and resten(uitvoer) == []
