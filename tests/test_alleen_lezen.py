"""A read-only part of the output or the profile is found before anything moves, and refused
with its path (code alleen_lezen, exit 1): never some new files beside an old manifest. And the
lock files lie beside what they guard, not in the system's temp folder.

Read-only is what the file system says (no write permission for the owner: chmod a-w, or the
read-only attribute on Windows), which holds for root too; and what the system refuses although
the permissions allow it (a file open in Word on Windows, here an immutable file: chattr +i)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import contracten
from contracten.profiel.slot import Bezet, slot

from .conftest import ASSEN_DATUM, REGIOS, ROOT, voer_uit
from .test_alles_of_niets import resten, stand

VOLGENDE_DAG = "2026-11-24"  # a run after the session's: the dated letters change


@contextmanager
def alleen_lezen(pad: Path) -> Iterator[None]:
    """chmod a-w for the duration."""
    modus = pad.stat().st_mode
    pad.chmod(modus & ~0o222)
    try:
        yield
    finally:
        pad.chmod(modus)


@contextmanager
def onveranderlijk(pad: Path) -> Iterator[None]:
    """chattr +i for the duration: not even root may change it, though its permissions allow
    it (as Windows refuses a file open in Word)."""
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("chattr +i vraagt root en chattr; hier niet beschikbaar")
    if subprocess.run(["chattr", "+i", str(pad)], capture_output=True).returncode != 0:
        pytest.skip("dit bestandssysteem kent chattr +i niet")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(pad)], check=True)


def genereer(uitvoer: Path):
    return voer_uit("genereer", "assen", "--uitvoer", str(uitvoer), "--datum", VOLGENDE_DAG,
                    env={"CONTRACTEN_REGIOS": str(REGIOS)})


def geweigerd(uit, pad: Path) -> None:
    assert uit.code == 1, uit.stderr
    assert "[alleen_lezen]" in uit.stderr and f"{pad}:" in uit.stderr, uit.stderr
    assert "Er is niets gewijzigd" in uit.stderr and "Traceback" not in uit.stderr


@pytest.mark.parametrize("wat", ["submap", "jaarmap", "document"])
def test_een_alleen_lezen_deel_van_de_uitvoer_wordt_vooraf_geweigerd(assen_gegenereerd, wat):
    jaar = assen_gegenereerd / "assen/2025"
    pad = {"submap": jaar / "brieven/socialreturn", "jaarmap": jaar,
           "document": jaar / "brieven/socialreturn/wonen-plus.docx"}[wat]
    voor = stand(assen_gegenereerd)
    with alleen_lezen(pad):
        uit = genereer(assen_gegenereerd)
    geweigerd(uit, pad)
    assert stand(assen_gegenereerd) == voor  # not one new file beside the old manifest
    assert resten(assen_gegenereerd) == []
    assert genereer(assen_gegenereerd).code == 0  # writable again: the run goes through


def test_een_map_die_het_systeem_niet_laat_schrijven_wordt_ook_vooraf_geweigerd(
        assen_gegenereerd):
    pad = assen_gegenereerd / "assen/2025/brieven/socialreturn"
    voor = stand(assen_gegenereerd)
    with onveranderlijk(pad):
        uit = genereer(assen_gegenereerd)
    geweigerd(uit, pad)
    assert stand(assen_gegenereerd) == voor


def test_socialreturn_en_opzegging_weigeren_een_alleen_lezen_map(assen_gegenereerd, tmp_path):
    brieven = assen_gegenereerd / "assen/2025/brieven/socialreturn"
    voor = stand(assen_gegenereerd)
    with alleen_lezen(brieven):
        uit = voer_uit("socialreturn", "assen", "--uitvoer", str(assen_gegenereerd), "--datum",
                       VOLGENDE_DAG, env={"CONTRACTEN_REGIOS": str(REGIOS)})
    geweigerd(uit, brieven)
    assert stand(assen_gegenereerd) == voor

    opzegging = ["opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", "2026-08-31",
                 "--uitvoer", str(tmp_path / "uit")]
    assert voer_uit(*opzegging, "--briefdatum", "2026-09-01",
                    env={"CONTRACTEN_REGIOS": str(REGIOS)}).code == 0
    map_ = next((tmp_path / "uit").rglob("manifest.json")).parent
    voor = stand(tmp_path / "uit")
    with alleen_lezen(map_):
        uit = voer_uit(*opzegging, "--briefdatum", "2026-09-02",
                       env={"CONTRACTEN_REGIOS": str(REGIOS)})
    geweigerd(uit, map_)
    assert stand(tmp_path / "uit") == voor


def test_importeer_met_een_alleen_lezen_tariefbestand_wijzigt_niets(regios, tmp_path):
    from .test_alles_of_niets import T
    from .test_excel import _pas_aan

    werkboek = tmp_path / "assen.xlsx"
    contracten.exporteer(contracten.laad_regio(regios, "assen"), werkboek, tijdstip=T,
                         uitvoer=tmp_path / "uit", database=tmp_path / "r.sqlite")
    _pas_aan(werkboek, "Aanbieders", 2, "jaaromzet", "1.500.000,00")
    _pas_aan(werkboek, "Tarieven 2025", 3, "bedrag", 166.5)
    tarieven = regios / "assen/tarieven/2025.yaml"
    voor = stand(regios)
    with alleen_lezen(tarieven):
        uit = voer_uit("--regios", str(regios), "importeer", "assen", str(werkboek))
    geweigerd(uit, tarieven)
    assert stand(regios) == voor  # aanbieders.yaml too: all files or none
    assert resten(regios) == []


def test_indexeer_met_een_alleen_lezen_tarievenmap_maakt_geen_documenten(regios, tmp_path):
    tarieven = regios / "hoogeveld/tarieven"
    voor = stand(regios)
    with alleen_lezen(tarieven):
        uit = voer_uit("--regios", str(regios), "indexeer", "hoogeveld", "--naar", "2027",
                       "--percentage", "3.5", "--genereer", "--datum", "2026-11-23",
                       "--uitvoer", str(tmp_path / "uit"))
    geweigerd(uit, tarieven)
    assert stand(regios) == voor and not (tmp_path / "uit").exists()


def test_bijwerken_met_een_alleen_lezen_regio_yaml_wijzigt_niets(regios):
    pad = regios / "assen/regio.yaml"
    voor = pad.read_bytes()
    with alleen_lezen(pad):
        uit = voer_uit("--regios", str(regios), "bijwerken", "assen", "--ja")
    geweigerd(uit, pad)
    assert pad.read_bytes() == voor and resten(regios) == []


def test_de_sloten_liggen_naast_wat_ze_bewaken_en_werken_tussen_processen(
        regios, tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    uitvoer = tmp_path / "uit"
    contracten.genereer(contracten.laad_regio(regios, "assen"), uitvoer=uitvoer,
                        datum=ASSEN_DATUM, soorten=["programma-van-eisen"])
    assert not list(temp.glob("contracten-*.slot"))  # nothing piles up in the temp folder
    assert (uitvoer / "assen/.contracten-2025.slot").is_file()  # beside the output folder

    # One writer at a time, across processes: for an output folder and for a profile alike.
    probeer = ("import sys; from pathlib import Path; from contracten.profiel.slot import "
               "Bezet, slot\ntry:\n with slot(Path(sys.argv[1]), wachttijd=0.2): print('vrij')\n"
               "except Bezet: print('bezet')")
    for map_ in (uitvoer / "assen/2025", regios / "assen"):
        with slot(map_):
            bezet = subprocess.run([sys.executable, "-c", probeer, str(map_)], cwd=ROOT,
                                   capture_output=True, text=True, timeout=60)
        vrij = subprocess.run([sys.executable, "-c", probeer, str(map_)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert (bezet.stdout, vrij.stdout) == ("bezet\n", "vrij\n"), bezet.stderr + vrij.stderr
    assert (regios / ".contracten-assen.slot").is_file()
    with slot(regios / "assen"), pytest.raises(Bezet):  # another thread's hold counts too
        _in_een_andere_draad(lambda: slot(regios / "assen", wachttijd=0.1).__enter__())


def _in_een_andere_draad(werk) -> None:
    import threading

    fout: list[BaseException] = []

    def draai() -> None:
        try:
            werk()
        except BaseException as exc:  # handed to the test's thread
            fout.append(exc)

    draad = threading.Thread(target=draai)
    draad.start()
    draad.join()
    if fout:
        raise fout[0]
