"""An unchanged rerun of `genereer` typed as before is answered before click is imported
(`cli.snelstart`, `opdrachten.onthouden`): the same words and exit status as the usual way, and
the usual way as soon as anything may differ (a file, an option, a variable, the day)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import contracten
from contracten.cli import klok, snelstart
from contracten.opdrachten import onthouden

from .conftest import ASSEN_DATUM, ROOT, voer_uit


def _genereer(regios: Path, uitvoer: Path, *extra: str) -> list[str]:
    return ["--regios", str(regios), "genereer", "assen", "--uitvoer", str(uitvoer), *extra]


def _twee_keer(argumenten: list[str], **opties: object) -> None:
    """The run that makes the documents, and one that changes nothing (a file changed just
    now is trusted a tick of the clock later: vingerafdruk.MARGE_NS)."""
    assert voer_uit(*argumenten, **opties).code == 0  # type: ignore[arg-type]
    time.sleep(0.03)
    tweede = voer_uit(*argumenten, **opties)  # type: ignore[arg-type]
    assert tweede.code == 0
    assert tweede.stdout.startswith("Niets veranderd sinds de vorige run")


def _als_proces(argumenten: list[str]) -> subprocess.CompletedProcess[str]:
    """`python -X importtime -m contracten ARGUMENTEN`: its output, and on stderr every module
    it imported."""
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "contracten",
                           *argumenten], capture_output=True, text=True, cwd=ROOT,
                          env=omgeving, timeout=300)


def _geimporteerd(proces: subprocess.CompletedProcess[str]) -> set[str]:
    return {regel.rsplit("|", 1)[1].strip() for regel in proces.stderr.splitlines()
            if regel.startswith("import time:") and "|" in regel}


def test_een_ongewijzigde_rerun_als_programma_begint_zonder_click(regios, tmp_path):
    argumenten = _genereer(regios, tmp_path / "uit", "--datum", ASSEN_DATUM.isoformat())
    assert _als_proces(argumenten).returncode == 0  # makes the documents (and remembers)
    time.sleep(0.03)
    gewoon = _als_proces(argumenten)  # (a run of its own that changes nothing: remembers)
    snel = _als_proces(argumenten)
    assert (snel.returncode, snel.stdout) == (gewoon.returncode, gewoon.stdout) == (
        0, f"Niets veranderd sinds de vorige run: {tmp_path / 'uit' / 'assen' / '2025'} is "
           "bij.\n")
    modules = _geimporteerd(snel)
    assert "contracten.opdrachten.snelpad" in modules  # (the check sees its imports)
    assert not {"click", "contracten.cli.groep", "contracten.cli.opties"} & modules
    # A document edited by hand: the usual way (with click) sees it and makes it again.
    docx = next((tmp_path / "uit" / "assen" / "2025" / "overeenkomsten").glob("*.docx"))
    with docx.open("ab") as bestand:
        bestand.write(b"\0")
    daarna = _als_proces(argumenten)
    assert daarna.returncode == 0
    assert "1 Word-document gemaakt" in daarna.stdout
    assert "buiten contracten om gewijzigd" in daarna.stderr
    assert "click" in _geimporteerd(daarna)


def test_dezelfde_woorden_in_dit_proces(regios, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)  # where voer_uit runs the command line
    monkeypatch.delenv("CONTRACTEN_REGIOS", raising=False)
    argumenten = _genereer(regios, tmp_path, "--datum", ASSEN_DATUM.isoformat())
    assert not snelstart.herhaal(argumenten)  # nothing remembered yet
    _twee_keer(argumenten)
    capsys.readouterr()
    assert snelstart.herhaal(argumenten)
    assert capsys.readouterr().out == voer_uit(*argumenten).stdout
    # Other words, another folder, another variable: another command line.
    assert not snelstart.herhaal([*argumenten, "--document", "overeenkomst"])
    monkeypatch.chdir(tmp_path)
    assert not snelstart.herhaal(argumenten)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("CONTRACTEN_SJABLONEN", str(ROOT / "sjablonen"))
    assert not snelstart.herhaal(argumenten)
    monkeypatch.delenv("CONTRACTEN_SJABLONEN")
    # Another Python search path may find another copy of contracten.
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    assert not snelstart.herhaal(argumenten)
    monkeypatch.undo()
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CONTRACTEN_REGIOS", raising=False)
    assert snelstart.herhaal(argumenten)
    assert capsys.readouterr().out.startswith("Niets veranderd")


def test_van_een_wachtwoord_telt_alleen_of_het_er_is(regios, tmp_path, monkeypatch, capsys):
    """CONTRACTEN_DATABASE and the like may hold a password: its hash must not name a file
    (the rest of the key can be guessed); genereer reads none of them."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CONTRACTEN_REGIOS", raising=False)
    monkeypatch.setenv("CONTRACTEN_DATABASE", "postgresql://a:geheim1@db/contracten")
    argumenten = _genereer(regios, tmp_path, "--datum", ASSEN_DATUM.isoformat())
    _twee_keer(argumenten)
    monkeypatch.setenv("CONTRACTEN_DATABASE", "postgresql://a:geheim2@db/contracten")
    assert snelstart.herhaal(argumenten)
    assert "geheim" not in snelstart.sleutel(argumenten, None)
    monkeypatch.delenv("CONTRACTEN_DATABASE")
    assert not snelstart.herhaal(argumenten)


def test_met_json_wordt_niets_onthouden(regios, tmp_path, monkeypatch):
    """--json shows the manifest: never answered without the usual way."""
    monkeypatch.chdir(ROOT)
    argumenten = _genereer(regios, tmp_path, "--datum", ASSEN_DATUM.isoformat(), "--json")
    voer_uit(*argumenten)
    time.sleep(0.03)
    assert voer_uit(*argumenten).code == 0
    assert not snelstart.herhaal(argumenten)


def test_zonder_datum_geldt_het_onthouden_alleen_die_dag(regios, tmp_path, monkeypatch,
                                                       capsys):
    """A command line without --datum carries today's date: remembered under that day, so the
    next day (new letters) it takes the usual way."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CONTRACTEN_REGIOS", raising=False)
    dag = [ASSEN_DATUM]

    def vandaag(datum):
        return datum or dag[0]

    for module in (klok, snelstart, sys.modules["contracten.cli.documenten"]):
        monkeypatch.setattr(module, "vandaag", vandaag)
    argumenten = _genereer(regios, tmp_path)
    _twee_keer(argumenten)
    assert snelstart.herhaal(argumenten)
    assert capsys.readouterr().out.startswith("Niets veranderd")
    dag[0] = ASSEN_DATUM.replace(day=24)
    assert not snelstart.herhaal(argumenten)
    assert capsys.readouterr().out == ""


def test_wat_een_ander_kon_schrijven_telt_niet(regios, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CONTRACTEN_REGIOS", raising=False)
    argumenten = _genereer(regios, tmp_path, "--datum", ASSEN_DATUM.isoformat())
    _twee_keer(argumenten)
    map_ = Path(os.environ["CONTRACTEN_CACHE"]) / onthouden.MAP
    [pad] = [p for p in map_.iterdir() if p.read_text(encoding="utf-8").count(str(tmp_path))]
    assert map_.stat().st_mode & 0o077 == 0  # the names tell which commands ran
    assert snelstart.herhaal(argumenten)
    inhoud = pad.read_bytes()
    pad.chmod(0o664)  # writable by the group
    assert not snelstart.herhaal(argumenten)
    pad.chmod(0o644)
    # Another command line's record put in its place (say by whoever shares the folder).
    ander = map_ / "ander.json"
    ander.write_bytes(inhoud.replace(pad.stem.encode(), b"0" * 64))
    ander.replace(pad)
    assert not snelstart.herhaal(argumenten)
    pad.unlink()
    pad.symlink_to(ander)  # (and a link is not followed)
    ander.write_bytes(inhoud)
    assert not snelstart.herhaal(argumenten)
    pad.unlink()
    pad.write_text("{kapot", encoding="utf-8")
    assert not snelstart.herhaal(argumenten)
    pad.write_bytes(inhoud)
    assert snelstart.herhaal(argumenten)


def test_een_gesloten_uitvoer_zoals_de_gewone_weg(regios, tmp_path):
    """`contracten genereer … | head -0`: status 1 and not a word, as click does it."""
    argumenten = _genereer(regios, tmp_path / "uit", "--datum", ASSEN_DATUM.isoformat())
    for _ in range(2):
        assert _als_proces(argumenten).returncode == 0
        time.sleep(0.03)
    lezen, schrijven = os.pipe()
    os.close(lezen)
    try:
        proces = subprocess.run([sys.executable, "-m", "contracten", *argumenten],
                                stdout=schrijven, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                timeout=300)
    finally:
        os.close(schrijven)
    assert (proces.returncode, proces.stderr) == (1, "")


def test_onderbroken_of_kapot(monkeypatch, capsys):
    """Ctrl-C while it looks: the usual last word and status; any other error: the usual way."""
    contracten.begin_opdracht()  # as in a new process: nothing of an earlier test committed

    def onderbroken(sleutel):
        raise KeyboardInterrupt

    monkeypatch.setattr(contracten, "ongewijzigd", onderbroken, raising=False)
    with pytest.raises(SystemExit) as afgesloten:
        snelstart.herhaal(["genereer", "assen", "--datum", "2026-11-23"])
    assert afgesloten.value.code == 130
    assert capsys.readouterr().err == "Afgebroken; er is niets gewijzigd.\n"

    def kapot(sleutel):
        raise RuntimeError("stuk")

    monkeypatch.setattr(contracten, "ongewijzigd", kapot)
    assert not snelstart.herhaal(["genereer", "assen", "--datum", "2026-11-23"])
    assert capsys.readouterr() == ("", "")


_LAATSTE_WOORD = """
import sys


class Opruimer:
    def __del__(self):
        print("opgeruimd", flush=True)


opruimer = Opruimer()  # cleared (and heard) only when the interpreter finalizes
from contracten.cli import run
run()
"""


def test_een_ongewijzigde_rerun_eindigt_ook_snel(regios, tmp_path):
    """Answered before click, the program ends as `genereer` does on the usual way (`einde`):
    with os._exit, without the interpreter's clean-up of what it still holds."""
    argumenten = _genereer(regios, tmp_path / "uit", "--datum", ASSEN_DATUM.isoformat())
    omgeving = {k: v for k, v in os.environ.items() if k != "CONTRACTEN_REGIOS"}
    uitkomsten = []
    for _ in range(3):
        time.sleep(0.03)
        proces = subprocess.run([sys.executable, "-c", _LAATSTE_WOORD, *argumenten],
                                capture_output=True, text=True, cwd=ROOT, env=omgeving,
                                timeout=300)
        uitkomsten.append((proces.returncode, proces.stdout.splitlines()[-1]))
    assert uitkomsten[-1] == (0, f"Niets veranderd sinds de vorige run: {tmp_path / 'uit'}"
                                 f"{os.sep}assen{os.sep}2025 is bij.")
    # (the check can fail: a program that ends the ordinary way says so)
    gewoon = subprocess.run([sys.executable, "-c", _LAATSTE_WOORD.replace("run()", "")],
                            capture_output=True, text=True, cwd=ROOT, env=omgeving, timeout=60)
    assert gewoon.stdout == "opgeruimd\n"
