"""Following a region (`contracten genereer --volg`): make its documents, then again each time
what they are made from changes, until stopped.

While following, a change costs only what it changes: the process stays, with the program
loaded and the templates prepared (`weergave.voorraad`), and each run is a `genereer` like any
other, which makes again only the documents whose inputs changed. Watched are the region's
folder, the templates and the project's article library, through the system's notification of
changes (`watchfiles`); changes that come close together make one run. Not watched: the output
folder (also inside the region's folder), the cache folder, the files editors and Word leave
beside a document while it is open, and the lock and staging files of contracten itself.

A run that fails (a profile that does not validate, a broken template) is reported and the
next change is awaited: fixing the file starts the next run. A region that does not exist
stops at once. When contracten itself is updated while it follows, it stops with a message
rather than go on with the program it loaded before."""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from contracten.fouten import ContractenFout, RegioOnbekend
from contracten.lezen.vingerafdruk import afdruk, loop
from contracten.pijplijn.opties import Voortgang
from contracten.pijplijn.resultaat import Resultaat
from contracten.vastlegging import begin as begin_opdracht

from .genereer import genereer
from .snelpad import CODE

# A change is taken up once nothing changed for this long (watchfiles' own default): an
# editor's save, or a file written in parts, is then one run.
RUST_MS = 50
TIK_MS = 200  # how often the watch and the wait look whether to stop
BEGIN_S = 10  # at most this long to wait for the system's watch to be in place
NIET_VOLGEN = (r"^\.~lock\..*#$", r"^~\$", r"^\.contracten-")  # LibreOffice, Word, ours


class ProgrammaGewijzigd(ContractenFout):
    """contracten was updated while it followed a region."""

    code = "programma_gewijzigd"


class VolgenGestopt(ContractenFout):
    """The system's watch of the folders ended by an error."""

    code = "volgen_gestopt"


@dataclass(frozen=True)
class Ronde:
    """One run while following: its result, or why it failed."""

    nummer: int  # 1 for the run at the start
    resultaat: Resultaat | None
    fout: ContractenFout | None
    duur: float  # seconds, from taking up the change (or the start) to the end of the run
    gewijzigd: tuple[str, ...] = ()  # the changed paths that set it off, sorted


def volg(regios: Path | str, naam: str, *, datum: dt.date | Callable[[], dt.date],
         bij_ronde: Callable[[Ronde], None],
         uitvoer: Path | str = "output", prijspeil: int | None = None,
         soorten: Sequence[str] = (), aanbieders: Sequence[str] = (),
         percelen: Sequence[int] = (), formaten: Sequence[str] = (),
         sjablonen: Path | None = None, processen: int | None = None,
         voortgang: Voortgang | None = None, stop: threading.Event | None = None) -> None:
    """Make the documents of region `naam` in `regios` (as `genereer` does, with the same
    options; `datum` may be a function that gives each run its date, such as today's), hand
    the run to `bij_ronde`, and do so again after each change of the region, the templates or
    the article library, until `stop` is set or the user interrupts (Ctrl+C while it waits;
    during a run, KeyboardInterrupt goes through as in `genereer`).

    A run that raises a ContractenFout (or a file error) is handed over with its `fout`; the
    next change is awaited. Raises RegioOnbekend when the region does not exist at the start,
    and ProgrammaGewijzigd when contracten itself changed since it began."""
    from contracten.artikelen.laden import projectmap
    from contracten.soorten.register import sjablonenmap
    from contracten.weergave.voorraad import houd_voorbereid

    # Absolute, as the system names them (a symlink, macOS's /private/var): what the watch
    # reports.
    regiomap = os.path.realpath(Path(regios) / naam)
    gevolgd = [regiomap, *(os.path.realpath(p) for p in (sjablonenmap(sjablonen),
                                                         projectmap(None)) if p.is_dir())]
    filter_ = _Filter(gevolgd, os.path.realpath(uitvoer))
    programma = _programma()

    def ronde(nummer: int, gewijzigd: tuple[str, ...], begin: float) -> Ronde:
        begin_opdracht()  # an interruption tells only of this run (see cli.onderbreking)
        try:
            dag = datum() if callable(datum) else datum
            resultaat = genereer(regios, naam, datum=dag, uitvoer=uitvoer,
                                 prijspeil=prijspeil, soorten=soorten, aanbieders=aanbieders,
                                 percelen=percelen, formaten=formaten, sjablonen=sjablonen,
                                 voortgang=voortgang, processen=processen, vastleggen=False)
        except ContractenFout as fout:
            if nummer == 1 and isinstance(fout, RegioOnbekend):
                raise  # nothing to follow (later: a region moved away for a moment)
            return Ronde(nummer, None, fout, time.perf_counter() - begin, gewijzigd)
        except OSError as exc:
            return Ronde(nummer, None, ContractenFout.uit_os(exc), time.perf_counter() - begin,
                         gewijzigd)
        return Ronde(nummer, resultaat, None, time.perf_counter() - begin, gewijzigd)

    # The region's parent folder is watched, so that a region moved away and back (or
    # replaced as a whole) is still followed; the filter keeps to the region.
    mappen = sorted({os.path.dirname(regiomap), *gevolgd[1:]})
    with houd_voorbereid(), _Waarnemer(mappen, filter_) as waarnemer:
        gedaan = ronde(1, (), time.perf_counter())
        for nummer in itertools.count(2):
            try:  # the run is done: Ctrl+C while it is told or while it waits ends it all
                bij_ronde(gedaan)
                gewijzigd = waarnemer.wacht(stop)
            except KeyboardInterrupt as onderbroken:
                if getattr(onderbroken, "signaal", signal.SIGINT) != signal.SIGINT:
                    raise  # SIGTERM (see cli.onderbreking): stopped from outside
                return
            if gewijzigd is None:  # `stop` was set
                return
            begin = time.perf_counter()
            if _programma() != programma:
                raise ProgrammaGewijzigd(
                    "contracten is bijgewerkt terwijl het de regio volgde; start `contracten "
                    "genereer --volg` opnieuw om met de nieuwe versie verder te gaan.")
            gedaan = ronde(nummer, gewijzigd, begin)


class _Waarnemer:
    """The changes under `mappen` that pass `filter_`, noticed from before the first run on
    (a change made while a run runs starts the next run), in a thread of its own."""

    def __init__(self, mappen: list[str], filter_: _Filter) -> None:
        self.mappen, self.filter = mappen, filter_
        self.wachtrij: queue.Queue[set[str] | None] = queue.Queue()
        self.klaar = threading.Event()  # for the thread: stop
        self.bezig = threading.Event()  # from the thread: the system's watch is in place
        self.draad = threading.Thread(target=self._kijk, name="contracten-volgen", daemon=True)
        self.fout: Exception | None = None

    def __enter__(self) -> _Waarnemer:
        self.draad.start()
        self.bezig.wait(BEGIN_S)
        return self

    def __exit__(self, *_: object) -> None:
        self.klaar.set()
        self.draad.join(BEGIN_S)

    def _kijk(self) -> None:
        """The thread: what changes goes into the queue, then None when the watch ends (with
        `fout` set when it ended by an error)."""
        try:
            # An empty set at every time-out: the first says the watch is in place.
            for wijzigingen in watchfiles.watch(
                    *self.mappen, watch_filter=self.filter, step=RUST_MS,
                    stop_event=self.klaar, rust_timeout=TIK_MS, yield_on_timeout=True,
                    raise_interrupt=False):
                self.bezig.set()
                blijvend = _blijvend(wijzigingen)
                if blijvend:
                    self.wachtrij.put(blijvend)
        except Exception as exc:  # for the waiting side to raise: it must not look like a stop
            self.fout = exc
        finally:
            self.bezig.set()
            self.wachtrij.put(None)

    def wacht(self, stop: threading.Event | None) -> tuple[str, ...] | None:
        """The paths changed since the last call (sorted), once there is at least one; None
        when `stop` is set or the watch ended."""
        while stop is None or not stop.is_set():
            try:
                eerste = self.wachtrij.get(timeout=TIK_MS / 1000)
            except queue.Empty:
                continue
            if eerste is None:
                self._gestopt()
                return None
            while True:  # what else came in: one run for all of it
                try:
                    meer = self.wachtrij.get_nowait()
                except queue.Empty:
                    return tuple(sorted(eerste))
                if meer is None:
                    self.wachtrij.put(None)
                    return tuple(sorted(eerste))
                eerste |= meer
        return None

    def _gestopt(self) -> None:
        """The watch ended by itself: raise why (else it was told to stop)."""
        if self.fout is None:
            return
        fout = self.fout
        grens = isinstance(fout, OSError) and fout.errno in (errno.ENOSPC, errno.EMFILE)
        reden = os.strerror(fout.errno) if isinstance(fout, OSError) and fout.errno \
            else str(fout)
        raise VolgenGestopt(
            f"Het volgen van wijzigingen is gestopt: {reden}. "
            + ("Dat is de grens van het systeem voor gevolgde mappen (op Linux "
               "fs.inotify.max_user_watches en max_user_instances): verhoog die. "
               if grens else "")
            + "Start het volgen daarna opnieuw.") from fout


def _blijvend(wijzigingen: set[tuple[watchfiles.Change, str]]) -> set[str]:
    """The changed paths, without files that came and went again (an editor's or `sed -i`'s
    temporary file): those changed nothing."""
    paden = {pad for _, pad in wijzigingen}
    gekomen = {pad for soort, pad in wijzigingen if soort == watchfiles.Change.added}
    gegaan = {pad for soort, pad in wijzigingen if soort == watchfiles.Change.deleted}
    return paden - {pad for pad in gekomen & gegaan if not os.path.lexists(pad)}


def _programma() -> str:
    """The fingerprint of this program's own files (sizes, times, inodes)."""
    return afdruk(loop(CODE))[0]


class _Filter:
    """Which changes count: inside a followed folder, not in the output folder, not a file an
    editor or contracten keeps beside the real ones (and what `watchfiles` leaves out by
    default: version control, caches, editors' backups)."""

    def __init__(self, gevolgd: list[str], uitvoer: str) -> None:
        self.gevolgd = tuple(gevolgd)
        self.binnen = tuple(os.path.join(p, "") for p in gevolgd)
        self.uitvoer = (uitvoer, os.path.join(uitvoer, ""))
        self.standaard = watchfiles.DefaultFilter(
            ignore_entity_patterns=(*watchfiles.DefaultFilter.ignore_entity_patterns,
                                    *NIET_VOLGEN))

    def __call__(self, wijziging: watchfiles.Change, pad: str) -> bool:
        if pad == self.uitvoer[0] or pad.startswith(self.uitvoer[1]):
            return False
        if not (pad in self.gevolgd or pad.startswith(self.binnen)):
            return False
        return self.standaard(wijziging, pad)
