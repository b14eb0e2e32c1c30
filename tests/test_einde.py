"""The program ends without the interpreter's finalization (`contracten.cli.einde`, issue 31):
with the command's status, its output flushed, the exit handlers registered after it began
run; only the freeing of what it holds, object by object, is skipped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs `contracten ARGUMENTS` through `run`, as the program does, with a trace of its end: an
# object freed at finalization writes `opgeruimd`, an exit handler registered once the
# command runs writes `afgehandeld`, another prints `tot ziens` without flushing.
PROGRAMMA = """
import atexit, os, sys
spoor = sys.argv[1]

class Spoor:
    def __init__(self):
        self.open, self.close, self.vlaggen = os.open, os.close, os.O_WRONLY | os.O_CREAT
    def __del__(self):
        self.close(self.open(spoor + ".opgeruimd", self.vlaggen))

BEWAARD = [Spoor()]
from contracten.cli import einde, run, taal
nederlands = taal.gebruik_nederlands

def gebruik_nederlands():  # called by run, after it began
    atexit.register(lambda: open(spoor + ".afgehandeld", "w").close())
    atexit.register(lambda: print("tot ziens"))  # buffered (a pipe), not flushed by itself
    nederlands()

taal.gebruik_nederlands = gebruik_nederlands
if sys.argv[2] == "gewoon":
    einde.bij_het_einde = lambda: None  # how the program ended before
if sys.argv[2] != "niet toegestaan":
    einde.sta_toe()  # as a command that allows it does
sys.argv = ["contracten", *sys.argv[3:]]
run()
"""


def _draai(tmp_path: Path, hoe: str, *argumenten: str) -> subprocess.CompletedProcess[str]:
    omgeving = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-c", PROGRAMMA, str(tmp_path / "spoor"), hoe,
                           *argumenten], capture_output=True, text=True, env=omgeving,
                          cwd=tmp_path)


@pytest.mark.parametrize(("argumenten", "status"), [(("--help",), 0), (("bestaatniet",), 2)])
def test_het_programma_eindigt_zonder_op_te_ruimen_met_de_status_van_de_opdracht(
        tmp_path, argumenten, status):
    uit = _draai(tmp_path, "snel", *argumenten)
    assert uit.returncode == status
    if status == 0:  # all of the help, up to its last line
        assert uit.stdout.startswith("Gebruik: contracten") and "regios" in uit.stdout
        assert uit.stderr == ""
    else:
        assert "Onbekende opdracht 'bestaatniet'" in uit.stderr
    assert uit.stdout.endswith("tot ziens\n")  # standard output flushed at the very end
    assert (tmp_path / "spoor.afgehandeld").exists()  # a later exit handler ran first
    assert not (tmp_path / "spoor.opgeruimd").exists()  # nothing freed one by one


def test_de_gewone_afsluiting_ruimt_wel_op(tmp_path):
    """The check above can fail: the ordinary end frees what the program held."""
    uit = _draai(tmp_path, "gewoon", "--help")
    assert uit.returncode == 0 and uit.stdout.startswith("Gebruik: contracten")
    assert uit.stdout.endswith("\ntot ziens\n")
    assert (tmp_path / "spoor.afgehandeld").exists()
    assert (tmp_path / "spoor.opgeruimd").exists()


def test_een_opdracht_die_het_niet_toestaat_eindigt_gewoon(tmp_path):
    """Without `sta_toe` (a command that leaves something open), the ordinary end."""
    uit = _draai(tmp_path, "niet toegestaan", "--help")
    assert uit.returncode == 0 and uit.stdout.endswith("tot ziens\n")
    assert (tmp_path / "spoor.opgeruimd").exists()


@pytest.mark.parametrize("opdracht", ["genereer", "indexeer", "opzegging", "socialreturn",
                                      "valideer", "status", "akkoord", "getekend", "definitief",
                                      "agenda"])
def test_de_opdrachten_waarop_men_wacht_staan_het_toe(monkeypatch, opdracht):
    """The commands whose end a user waits for allow it: those without a database, and those
    with the register, which closes its connections at the exit (see the test below)."""
    from contracten.cli import einde

    from .conftest import voer_uit

    monkeypatch.setattr(einde, "_TOEGESTAAN", [])
    verplicht = {"genereer": ["--datum", "2026-01-05"], "indexeer": ["--naar", "2030",
                 "--percentage", "1"], "opzegging": ["--aanbieder", "x", "--ontvangen",
                 "2026-01-05", "--door", "gemeente"]}.get(opdracht, [])
    uit = voer_uit(opdracht, "bestaat-niet", *verplicht)  # it runs, refuses the region
    assert uit.code == 1 and "bestaat-niet" in uit.stderr
    assert einde._TOEGESTAAN == [True]


def test_de_status_zoals_python_hem_geeft():
    from contracten.cli.einde import status_van

    assert [status_van(c) for c in (None, 0, 2, "een melding")] == [0, 0, 2, 1]


def test_met_het_register_blijft_er_geen_write_ahead_log_achter(assen_gegenereerd, tmp_path):
    """`akkoord` ends quickly as well, after the register's connections were closed: the last
    close moves SQLite's write-ahead log into the register file, so the file alone (a copy of
    it, say) holds the step."""
    from .conftest import REGIOS, voer_uit_als_proces

    register = tmp_path / "register.sqlite"
    uit = voer_uit_als_proces("--regios", str(REGIOS), "akkoord", "assen", "--aanbieder",
                              "wonen-plus", "--uitvoer", str(assen_gegenereerd), "--database",
                              str(register), env={"CONTRACTEN_DOOR": "mr. J. Jansen"})
    assert uit.code == 0, uit.stderr
    assert sorted(p.name for p in tmp_path.glob("register.sqlite*")) == ["register.sqlite"]
    kopie = tmp_path / "kopie" / "register.sqlite"
    kopie.parent.mkdir()
    kopie.write_bytes(register.read_bytes())
    uit = voer_uit_als_proces("--regios", str(REGIOS), "status", "assen", "--aanbieder",
                              "wonen-plus", "--uitvoer", str(assen_gegenereerd), "--database",
                              str(kopie))
    assert uit.code == 0 and uit.stdout.count("juridisch akkoord") >= 2, uit.stdout


def test_ook_als_het_register_niet_te_openen_is(tmp_path):
    """A register of a newer schema is refused: the engine made to look at it is closed as
    well, so nothing is left beside the register file either."""
    import sqlalchemy as sa

    from contracten.register.verbinding import open_engine

    from .conftest import REGIOS, voer_uit_als_proces

    register = tmp_path / "register.sqlite"
    open_engine(register).dispose()
    engine = sa.create_engine(f"sqlite:///{register}")
    with engine.begin() as v:
        v.execute(sa.text("INSERT INTO schemaversie VALUES (99, 'toekomst')"))
    engine.dispose()
    assert sorted(p.name for p in tmp_path.glob("register.sqlite*")) == ["register.sqlite"]
    uit = voer_uit_als_proces("--regios", str(REGIOS), "status", "assen", "--database",
                              str(register))
    assert uit.code == 1 and "schemaversie 99" in uit.stderr
    assert sorted(p.name for p in tmp_path.glob("register.sqlite*")) == ["register.sqlite"]


def test_het_register_meldt_zijn_afsluiting_eenmaal_aan(monkeypatch, tmp_path):
    """Also when opening fails again and again (a web page per try while the register is
    down), one exit handler, not one per try."""
    import atexit

    from contracten.register import verbinding

    aangemeld: list[object] = []
    monkeypatch.setattr(verbinding, "_ENGINES", {})
    monkeypatch.setattr(verbinding, "_BIJ_HET_EINDE", [])
    monkeypatch.setattr(atexit, "register", aangemeld.append)
    (tmp_path / "geen-database").write_text("dit is geen SQLite-bestand")
    for _ in range(3):
        with pytest.raises(verbinding.RegisterFout):
            verbinding.open_engine(tmp_path / "geen-database")
    verbinding.open_engine(tmp_path / "register.sqlite")
    assert aangemeld == [verbinding.sluit_alle]
    verbinding.sluit_alle()
    assert verbinding._ENGINES == {}


def test_indexeer_met_genereer_eindigt_snel_met_alles_op_zijn_plek(regios, tmp_path):
    """A command that changes the profile and makes documents, as its own process with the
    quick end: the new prijspeil, every document in the manifest, nothing staged left."""
    import json

    from .conftest import voer_uit_als_proces

    uitvoer = tmp_path / "uit"
    uit = voer_uit_als_proces("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                              "--percentage", "3.5", "--datum", "2025-11-20", "--genereer",
                              "--uitvoer", str(uitvoer))
    assert uit.code == 0, uit.stderr
    assert (regios / "assen/tarieven/2026.yaml").is_file()
    manifest = json.loads((uitvoer / "assen/2026/manifest.json").read_text(encoding="utf-8"))
    assert manifest["documenten"] and all(
        (uitvoer / "assen/2026" / d["pad"]).is_file() for d in manifest["documenten"])
    assert not [p for p in [*regios.iterdir(), *(uitvoer / "assen").iterdir()]
                if p.name.startswith(".contracten-") and p.is_dir()]
