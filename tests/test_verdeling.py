"""The main process makes documents beside its workers (issue 31: one process fewer, so the whole
process tree stays within 320 MB): `processen=2` starts one worker, both make documents, and
whoever is free takes the next tasks, also while the other is busy with a long document. The
output is that of one process (test_rekenwerk_per_document compares the bytes)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from contracten import genereer
from contracten.fouten import ContractenFout
from contracten.pijplijn import verdeling, werkproces
from contracten.pijplijn.plan import Taak
from contracten.pijplijn.werk import Gemaakt, Werk
from contracten.profiel.laden import laad_regio

from .conftest import ASSEN_DATUM, maak_grote_regio

ARTIKELEN = (("Artikel 1 Begrippen", "sjablonen/x.docx", ("regio.yaml: naam",)),)


def _gemaakt(taak: Taak) -> Gemaakt:
    # a fresh tuple each time, as a real document has: equal to what was sent before
    return Gemaakt(taak, [], tuple(list(ARTIKELEN)), ["1.1"], 0)


class _Werker:
    """A worker's Werk (run in a thread of this process): counts what it made, and begins once
    the main process has begun (`begonnen`, when given)."""

    def __init__(self, genoeg: int, alles_gedaan: threading.Event,
                 begonnen: threading.Event | None = None) -> None:
        self.gemaakt = 0
        self._genoeg, self._alles_gedaan, self._begonnen = genoeg, alles_gedaan, begonnen

    def groep(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()

    def maak(self, taak: Taak) -> Gemaakt:
        if self._begonnen is not None:
            assert self._begonnen.wait(60)  # a guard against hanging, no timing
        self.gemaakt += 1
        if self.gemaakt == self._genoeg:
            self._alles_gedaan.set()
        return _gemaakt(taak)


class _Hoofd:
    """The main process's Werk: its first document takes until the worker made all others."""

    def __init__(self, alles_gedaan: threading.Event) -> None:
        self.gemaakt: list[Taak] = []
        self.in_groep: list[bool] = []  # per document made: within a group (Werk.groep)
        self._groep = False
        self.wachtte = False
        self._alles_gedaan = alles_gedaan
        self.begonnen = threading.Event()

    @contextlib.contextmanager
    def groep(self) -> Iterator[None]:
        self._groep = True
        yield
        self._groep = False

    def maak(self, taak: Taak) -> Gemaakt:
        if not self.gemaakt:
            self.begonnen.set()
            self.wachtte = self._alles_gedaan.wait(60)  # a guard against hanging, no timing
        self.gemaakt.append(taak)
        self.in_groep.append(self._groep)
        return _gemaakt(taak)


def test_de_werker_krijgt_taken_terwijl_het_hoofdproces_een_lang_document_maakt(monkeypatch):
    """The main process's first document lasts until the worker has made every other task:
    the worker is handed its tasks meanwhile, every task is made once, each with its own
    articles again (a worker sends them only when they change), and the progress counts up
    to the total."""
    taken = [Taak("socialreturn-brief", f"a{i}", f"brieven/a{i}", f"{i:064x}") for i in range(100)]
    alles_gedaan = threading.Event()
    hoofd = _Hoofd(alles_gedaan)
    werker = _Werker(len(taken) - verdeling.PER_KEER, alles_gedaan, hoofd.begonnen)
    monkeypatch.setattr(werkproces, "_WERKER", werker)
    monkeypatch.setattr(werkproces, "_VERZONDEN", {})
    stappen: list[tuple[int, int]] = []
    with ThreadPoolExecutor(1) as pool:
        uit = list(verdeling._verdeeld(hoofd, taken, pool, 1,
                                       lambda klaar, totaal: stappen.append((klaar, totaal))))
    assert hoofd.wachtte, "the worker got no tasks while the main process was busy"
    assert len(hoofd.gemaakt) == verdeling.PER_KEER
    assert werker.gemaakt == len(taken) - verdeling.PER_KEER
    assert sorted(g.taak.pad for g in uit) == sorted(t.pad for t in taken)
    assert all(g == _gemaakt(g.taak) for g in uit)  # articles and summaries filled in again
    assert all(any(g.taak is t for t in taken) for g in uit)  # this process's own Taak
    assert stappen == [(i, len(taken)) for i in range(1, len(taken) + 1)]


class _Kapot:
    def __init__(self) -> None:
        self.begonnen = threading.Event()

    def groep(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()

    def maak(self, taak: Taak) -> Gemaakt:
        self.begonnen.set()
        raise ContractenFout(f"kapot: {taak.pad}")


def test_een_fout_in_een_werker_stopt_de_run(monkeypatch):
    taken = [Taak("socialreturn-brief", f"a{i}", f"brieven/a{i}", f"{i:064x}") for i in range(40)]
    monkeypatch.setattr(werkproces, "_WERKER", _Kapot())
    monkeypatch.setattr(werkproces, "_VERZONDEN", {})
    alles_gedaan = threading.Event()
    alles_gedaan.set()
    with ThreadPoolExecutor(1) as pool, pytest.raises(ContractenFout, match="kapot: brieven/a"):
        list(verdeling._verdeeld(_Hoofd(alles_gedaan), taken, pool, 1,
                                 None))
    assert not any(t.name == "contracten-verdeling" for t in threading.enumerate())


def test_een_fout_in_het_hoofdproces_stopt_het_uitdelen(monkeypatch):
    taken = [Taak("socialreturn-brief", f"a{i}", f"brieven/a{i}", f"{i:064x}") for i in range(40)]
    kapot = _Kapot()
    # the worker begins once this process has (else it might make every task first)
    monkeypatch.setattr(werkproces, "_WERKER", _Werker(0, threading.Event(), kapot.begonnen))
    monkeypatch.setattr(werkproces, "_VERZONDEN", {})
    with ThreadPoolExecutor(1) as pool, pytest.raises(ContractenFout, match="kapot"):
        list(verdeling._verdeeld(kapot, taken, pool, 1, None))
    assert not any(t.name == "contracten-verdeling" for t in threading.enumerate())


def _bespied(monkeypatch) -> tuple[list[int], list[str]]:
    """How many workers each pool started, and the documents this process made itself."""
    gestart: list[int] = []
    echt = verdeling.ProcessPoolExecutor

    def pool(werkers: int, **opties: object) -> object:
        gestart.append(werkers)
        return echt(werkers, **opties)

    hier: list[str] = []
    maak = Werk.maak

    def maak_hier(self: Werk, taak: Taak) -> Gemaakt:
        hier.append(taak.pad)
        return maak(self, taak)

    monkeypatch.setattr(verdeling, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(Werk, "maak", maak_hier)
    return gestart, hier


def test_twee_processen_zijn_het_hoofdproces_en_een_werker(tmp_path, monkeypatch):
    """`processen=2` starts one worker process; the main process makes documents too."""
    regio = laad_regio(maak_grote_regio(tmp_path / "regios", "veel", 16).parent, "veel")
    gestart, in_hoofdproces = _bespied(monkeypatch)
    resultaat = genereer(regio, uitvoer=tmp_path / "uit", datum=ASSEN_DATUM, processen=2)
    documenten = [p for p in resultaat.geschreven if p.endswith(".docx")]
    assert len(documenten) >= 24 and gestart == [1]
    assert 0 < len(in_hoofdproces) < len(documenten)  # the worker made the others
    # the overview, which lists every aanbieder, here: not in a worker
    assert "socialreturn-overzicht" in in_hoofdproces


def test_een_document_met_elke_aanbieder_maakt_het_hoofdproces_eerst(monkeypatch):
    """The overview (the 61st task) is the main process's first document, and only the main
    process makes it; the worker makes all the others meanwhile."""
    taken = [Taak("socialreturn-brief", f"a{i}", f"brieven/a{i}", f"{i:064x}")
             for i in range(60)]
    taken.append(Taak("socialreturn-overzicht", None, "socialreturn-overzicht", "f" * 64))
    taken += [Taak("socialreturn-brief", f"b{i}", f"brieven/b{i}", f"{i:064x}")
              for i in range(60)]
    alles_gedaan = threading.Event()
    hoofd = _Hoofd(alles_gedaan)
    werker = _Werker(len(taken) - 1, alles_gedaan, hoofd.begonnen)
    monkeypatch.setattr(werkproces, "_WERKER", werker)
    monkeypatch.setattr(werkproces, "_VERZONDEN", {})
    vrijgegeven: list[int] = []
    monkeypatch.setattr(verdeling, "geef_vrij", lambda: vrijgegeven.append(len(hoofd.gemaakt)))
    with ThreadPoolExecutor(1) as pool:
        uit = list(verdeling._verdeeld(hoofd, taken, pool, 1, None))
    assert hoofd.gemaakt == [taken[60]] and hoofd.wachtte
    assert vrijgegeven == [1]  # what the overview took goes back to the system at once
    assert sorted(g.taak.pad for g in uit) == sorted(t.pad for t in taken)


def test_vanuit_een_andere_draad_maken_alleen_de_werkers_documenten(tmp_path, monkeypatch):
    """A job of the web runs in a thread of the web's process: that process keeps to handing
    out the tasks (its pages must not wait for documents), with `processen` workers."""
    regio = laad_regio(maak_grote_regio(tmp_path / "regios", "veel", 16).parent, "veel")
    gestart, in_dit_proces = _bespied(monkeypatch)
    uit: list = []
    draad = threading.Thread(target=lambda: uit.append(
        genereer(regio, uitvoer=tmp_path / "uit", datum=ASSEN_DATUM, processen=2)))
    draad.start()
    draad.join()
    assert uit and sum(p.endswith(".docx") for p in uit[0].geschreven) >= 24
    assert gestart == [2] and in_dit_proces == []


class _Starter(_Hoofd):
    """The main process's Werk while its worker starts: the worker runs (`start`'s future is
    done) once the main process has made `na` documents."""

    def __init__(self, start: Future[bool], na: int) -> None:
        super().__init__(threading.Event())
        self._start, self._na = start, na

    def maak(self, taak: Taak) -> Gemaakt:
        self.gemaakt.append(taak)
        self.in_groep.append(self._groep)
        if len(self.gemaakt) == self._na:
            self._start.set_result(True)
            self.begonnen.set()  # the worker runs
        return _gemaakt(taak)


def test_terwijl_de_werker_start_maakt_het_hoofdproces_andere_documenten(monkeypatch):
    """While its worker starts (a few tenths of a second), the main process does not wait: it
    makes other documents, and the overview once the worker runs; what pickling the Werk took
    goes back to the system then, before the overview, and once more after it."""
    taken = [Taak("socialreturn-overzicht", None, "socialreturn-overzicht", "f" * 64)]
    taken += [Taak("socialreturn-brief", f"a{i}", f"brieven/a{i}", f"{i:064x}")
              for i in range(40)]
    start: Future[bool] = Future()
    hoofd = _Starter(start, 3)
    # the worker makes nothing until it runs, after this process made three documents
    monkeypatch.setattr(werkproces, "_WERKER", _Werker(0, threading.Event(), hoofd.begonnen))
    monkeypatch.setattr(werkproces, "_VERZONDEN", {})
    vrijgegeven: list[list[str]] = []
    monkeypatch.setattr(verdeling, "geef_vrij",
                        lambda: vrijgegeven.append([t.pad for t in hoofd.gemaakt]))
    with ThreadPoolExecutor(1) as pool:
        uit = list(verdeling._verdeeld(hoofd, taken, pool, 1, None, True,
                                       verdeling._Start([start])))
    paden = [t.pad for t in hoofd.gemaakt]
    assert "socialreturn-overzicht" not in paden[:3]
    assert paden.count("socialreturn-overzicht") == 1
    overzicht = paden.index("socialreturn-overzicht")
    assert overzicht >= 3  # not before the worker ran
    assert vrijgegeven[0] == paden[:overzicht]  # the Werk's copy, before the overview
    assert vrijgegeven[1] == paden[:overzicht + 1]  # the overview's buffers, right after it
    # the others' files written in groups while the next is made (Werk.groep); the overview's
    # at once, so that its buffers can go right after it
    assert hoofd.in_groep == [pad != "socialreturn-overzicht" for pad in paden]
    assert sorted(g.taak.pad for g in uit) == sorted(t.pad for t in taken)


def test_een_werker_die_niet_start_stopt_de_run(monkeypatch):
    """A worker that could not start (its process died while importing) stops the run with
    that error."""
    taken = [Taak("socialreturn-brief", f"a{i}", f"brieven/a{i}", f"{i:064x}") for i in range(4)]
    start: Future[bool] = Future()
    start.set_exception(BrokenProcessPool("het werkproces stopte bij het starten"))
    monkeypatch.setattr(werkproces, "_WERKER", _Werker(0, threading.Event()))
    monkeypatch.setattr(werkproces, "_VERZONDEN", {})
    with ThreadPoolExecutor(1) as pool, pytest.raises(BrokenProcessPool, match="bij het starten"):
        list(verdeling._verdeeld(_Hoofd(threading.Event()), taken, pool, 1, None, True,
                                 verdeling._Start([start])))
    assert not any(t.name == "contracten-verdeling" for t in threading.enumerate())
