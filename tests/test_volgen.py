"""`genereer --volg` (`contracten.volg`): the documents again after every change of the region,
only what changed, until stopped; a failing run is reported and the next change awaited."""

from __future__ import annotations

import datetime as dt
import errno
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from contracten import InvoerFout, Ronde, volg
from contracten.fouten import RegioOnbekend
from contracten.opdrachten import volgen

from .conftest import ASSEN_DATUM, voer_uit, wijzig_telefoon

WACHT = 60  # seconds at most for a run (the first makes every document)
STIL = 1.0  # seconds without a run that show a change was not taken up


class Volger:
    """`volg` in a thread; its runs in a queue."""

    def __init__(self, regios: Path, uitvoer: Path, naam: str = "assen",
                 datum: object = ASSEN_DATUM) -> None:
        self.rondes: queue.Queue[Ronde] = queue.Queue()
        self.stop = threading.Event()
        self.fout: BaseException | None = None

        def volgen_() -> None:
            try:
                volg(regios, naam, datum=datum, uitvoer=uitvoer, processen=1,  # type: ignore[arg-type]
                     bij_ronde=self.rondes.put, stop=self.stop)
            except BaseException as exc:  # handed to the test
                self.fout = exc

        self.draad = threading.Thread(target=volgen_, daemon=True)
        self.draad.start()

    def __enter__(self) -> Volger:
        return self

    def __exit__(self, *_: object) -> None:
        """Stop it (also after a failed assertion: no thread left following)."""
        self.stop.set()
        self.draad.join(WACHT)

    def ronde(self) -> Ronde:
        return self.rondes.get(timeout=WACHT)

    def geen_ronde(self) -> None:
        with pytest.raises(queue.Empty):
            self.rondes.get(timeout=STIL)


@pytest.fixture
def volger(regios: Path, tmp_path: Path) -> Iterator[Volger]:
    with Volger(regios, tmp_path / "uit") as v:
        yield v
    assert not v.draad.is_alive()


def test_een_wijziging_maakt_alleen_haar_documenten_opnieuw(volger, regios):
    eerste = volger.ronde()
    assert eerste.nummer == 1 and eerste.fout is None and eerste.resultaat is not None
    assert len(eerste.resultaat.geschreven) > 20
    wijzig_telefoon(regios, "0592 799 101")
    tweede = volger.ronde()
    assert tweede.nummer == 2 and tweede.fout is None and tweede.resultaat is not None
    assert tweede.gewijzigd == (os.path.realpath(regios / "assen" / "aanbieders.yaml"),)
    assert "overeenkomsten/zorg-welzijn-de-brug.docx" in tweede.resultaat.geschreven
    assert "overeenkomsten/hunzedal-zorg.docx" not in tweede.resultaat.geschreven
    assert 0 < tweede.duur < WACHT


def test_een_fout_wordt_gemeld_en_het_herstel_volgt(volger, regios):
    volger.ronde()
    wijzig_telefoon(regios, "geen nummer")
    fout = volger.ronde()
    assert isinstance(fout.fout, InvoerFout) and fout.resultaat is None
    assert "telefoon" in str(fout.fout)
    wijzig_telefoon(regios, "0592 799 102")
    hersteld = volger.ronde()
    assert hersteld.fout is None and hersteld.resultaat is not None
    assert "overeenkomsten/zorg-welzijn-de-brug.docx" in hersteld.resultaat.geschreven


def test_de_uitvoer_en_bestanden_van_editors_zetten_niets_in_gang(regios, tmp_path):
    uitvoer = regios / "assen" / "uit"  # even inside the region's folder
    with Volger(regios, uitvoer) as v:
        assert v.ronde().fout is None
        v.geen_ronde()  # what the run wrote did not start another
        (uitvoer / "eigen-notitie.txt").write_text("x", "utf-8")
        (regios / "assen" / ".~lock.aanbieders.yaml#").write_text("x", "utf-8")
        (regios / "assen" / "~$nbieders.yaml").write_text("x", "utf-8")
        (regios / "assen" / "aanbieders.yaml~").write_text("x", "utf-8")
        v.geen_ronde()
        nieuw = regios / "assen" / "tarieven" / "nieuw.csv"
        nieuw.write_text("x", "utf-8")
        ronde = v.ronde()  # a file of the region itself does, and only that one is named
        assert ronde.nummer == 2 and ronde.gewijzigd == (os.path.realpath(nieuw),)


def test_een_wijziging_tijdens_een_run_geeft_nog_een_run(regios, tmp_path, monkeypatch):
    gestart = threading.Event()
    verder = threading.Event()
    echt = volgen.genereer

    def trage_genereer(*args, **kwargs):
        gestart.set()
        assert verder.wait(WACHT)
        return echt(*args, **kwargs)

    monkeypatch.setattr(volgen, "genereer", trage_genereer)
    with Volger(regios, tmp_path / "uit") as v:
        assert gestart.wait(WACHT)
        wijzig_telefoon(regios, "0592 799 103")  # while the first run runs
        time.sleep(0.3)
        verder.set()
        assert v.ronde().nummer == 1
        assert v.ronde().gewijzigd  # and one more for the change


def test_elke_run_kan_de_datum_van_zijn_eigen_dag_krijgen(regios, tmp_path):
    dagen = iter([ASSEN_DATUM, ASSEN_DATUM + dt.timedelta(days=1)])  # as over midnight
    with Volger(regios, tmp_path / "uit", datum=lambda: next(dagen)) as v:
        eerste = v.ronde()
        wijzig_telefoon(regios, "0592 799 106")
        tweede = v.ronde()
    assert eerste.resultaat is not None and tweede.resultaat is not None
    assert eerste.resultaat.manifest.datum == ASSEN_DATUM.isoformat()
    assert tweede.resultaat.manifest.datum == (ASSEN_DATUM + dt.timedelta(days=1)).isoformat()


def test_een_regio_die_even_weg_is_wordt_gemeld_en_daarna_weer_gevolgd(volger, regios):
    volger.ronde()
    (regios / "assen").rename(regios / "assen-even-weg")
    weg = volger.ronde()
    assert isinstance(weg.fout, RegioOnbekend)
    (regios / "assen-even-weg").rename(regios / "assen")
    terug = volger.ronde()
    assert terug.fout is None and terug.resultaat is not None
    wijzig_telefoon(regios, "0592 799 107")  # and what is in it is followed again
    assert "overeenkomsten/zorg-welzijn-de-brug.docx" in volger.ronde().resultaat.geschreven


def test_onbekende_regio_stopt_meteen(regios, tmp_path):
    with pytest.raises(RegioOnbekend):
        volg(regios, "atlantis", datum=ASSEN_DATUM, uitvoer=tmp_path / "uit",
             bij_ronde=lambda ronde: None)


def test_een_bijgewerkt_programma_stopt_het_volgen(regios, tmp_path, monkeypatch):
    afdrukken = iter(["oud", "nieuw"])
    monkeypatch.setattr(volgen, "_programma", lambda: next(afdrukken))
    with Volger(regios, tmp_path / "uit") as v:
        v.ronde()
        wijzig_telefoon(regios, "0592 799 104")
        v.draad.join(WACHT)
    assert isinstance(v.fout, volgen.ProgrammaGewijzigd)
    assert v.rondes.empty()  # no run with the old program


def test_een_waarneming_die_stukgaat_is_een_fout_geen_stop(regios, tmp_path, monkeypatch):
    def kapot(*args, **kwargs):
        yield set()  # the watch is in place
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(volgen.watchfiles, "watch", kapot)
    with Volger(regios, tmp_path / "uit") as v:
        assert v.ronde().fout is None
        v.draad.join(WACHT)
    assert isinstance(v.fout, volgen.VolgenGestopt)
    assert "max_user_watches" in str(v.fout)


def test_wat_kwam_en_meteen_weer_ging_telt_niet():
    gekomen, gegaan, gewijzigd = (volgen.watchfiles.Change.added,
                                  volgen.watchfiles.Change.deleted,
                                  volgen.watchfiles.Change.modified)
    assert volgen._blijvend({(gekomen, "/r/sedK3xQ9a"), (gegaan, "/r/sedK3xQ9a"),
                             (gekomen, "/r/aanbieders.yaml")}) == {"/r/aanbieders.yaml"}
    assert volgen._blijvend({(gewijzigd, "/r/a.yaml"), (gegaan, "/r/b.yaml")}) == \
        {"/r/a.yaml", "/r/b.yaml"}


def test_volg_en_json_gaan_niet_samen(regios):
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--volg", "--json")
    assert uit.code == 2
    assert "--volg en --json gaan niet samen" in uit.stderr


@pytest.mark.skipif(os.name == "nt", reason="SIGINT naar een proces: POSIX")
def test_opdrachtregel_volgt_en_stopt_met_ctrl_c(regios, tmp_path):
    proces = subprocess.Popen(
        [sys.executable, "-m", "contracten", "--regios", str(regios), "genereer", "assen",
         "--uitvoer", str(tmp_path / "uit"), "--datum", "2026-11-23", "--volg"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    regels: queue.Queue[str] = queue.Queue()
    lezer = threading.Thread(target=lambda: [regels.put(r) for r in proces.stdout], daemon=True)
    lezer.start()

    def tot_klaar() -> list[str]:
        gezien = []
        while not gezien or not gezien[-1].startswith(("Klaar in", "Niet gelukt")):
            gezien.append(regels.get(timeout=WACHT))
        return gezien

    try:
        eerste = tot_klaar()
        assert re.fullmatch(r"Klaar in \d+,\d\d s; wacht op een wijziging \(Ctrl\+C stopt\)\.\n",
                            eerste[-1])
        wijzig_telefoon(regios, "0592 799 105")
        tweede = tot_klaar()
        assert tweede[0] == "Gewijzigd: regios/assen/aanbieders.yaml.\n"  # from the folder
        assert tweede[1].startswith("2 Word-documenten gemaakt in ")
    finally:
        proces.send_signal(signal.SIGINT)
        proces.wait(timeout=WACHT)
        lezer.join(WACHT)
    fouten = proces.stderr.read()
    assert proces.returncode == 0, fouten
    assert "Gestopt met volgen." in "".join(regels.queue)
    assert fouten == ""
