"""Spread a run's tasks over the main process and a pool of worker processes (see
`werk.maak_alle`). The main process makes documents itself, beside `processen - 1` workers: on
two cores one worker, not two beside a main process that only hands out tasks. That is one
process, with its own copy of the profile and its own prepared template, fewer at the moment
the run holds most (issue 31: the whole process tree at most 320 MB at 20,000 aanbieders), and
one worker fewer to start.

A document that lists every aanbieder (the social-return overview: at 20,000 aanbieders some
40 MB while it is filled in) is made by the main process, first once the workers run (while
they start, a few tenths of a second, it makes other documents instead of waiting, and does
not hold that document and the Werk's pickled copy at once): that process has the profile
anyway, what the document took is free again for what the main process holds later on (the
rows of what was made, the manifest), and no worker grows by it while the main process is at
its largest. Whoever is free takes the next few of the other tasks (`_Verdeler`): a thread of
the main process hands them to the workers a few at a time (`VOORUIT`) as they finish, also
while the main process is busy with a long document, and the main process takes its own
between. What is made is yielded as it is made, not in task order: nothing waits for a slow
document before it. A worker's results come back in its own order (see
`werkproces.aangevuld`)."""

from __future__ import annotations

import dataclasses
import pickle
import queue
import signal
import threading
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contracten.soorten.register import soort

from . import werkproces
from .plan import Taak
from .starten import Werkercontext
from .vrijgeven import geef_vrij

if TYPE_CHECKING:
    from .werk import Artikel, Gemaakt, Werk

PER_KEER = 8  # tasks taken at a time, by a worker or by the main process
VOORUIT = 3  # per worker, this many groups of tasks handed to it before it needs them


class _Verdeler:
    """The run's tasks in task order, PER_KEER at a time, to whoever asks first."""

    def __init__(self, taken: list[Taak]) -> None:
        self._taken = taken
        self._volgende = 0
        self._slot = threading.Lock()

    def neem(self) -> list[Taak]:
        """The next tasks; empty when none are left."""
        with self._slot:
            begin = self._volgende
            self._volgende = min(begin + PER_KEER, len(self._taken))
            return self._taken[begin:self._volgende]


@dataclass(frozen=True)
class _Einde:
    """The last word of the thread that hands out tasks: how many groups it handed out, or
    what stopped it."""

    aantal: int
    fout: BaseException | None = None


Afgerond = tuple[list[Taak], "Future[list[tuple[int, Gemaakt]]]"]


def met_werkers(werk: Werk, taken: list[Taak], werkers: int,
                voortgang: Callable[[int, int], None] | None, zelf: bool = True
                ) -> Generator[Gemaakt, None, None]:
    """Make every task in this process and in `werkers` worker processes (not `zelf`: in the
    workers only); yields each as it is made. `voortgang` as in `maak_alle` (its (0, totaal)
    already said)."""
    context = Werkercontext()  # 'spawn', without the caller's main module (see there)
    # The Werk (with the whole profile) goes to the workers through a queue once they run,
    # not with their start: a start waits until the new process has read what it is sent,
    # so a large start would make the workers start one after the other.
    kanaal = context.Queue()
    kanaal.cancel_join_thread()  # a copy no worker took must not hold up the exit
    # Pickled here, once: an error shows at once, not in the queue's thread.
    gegevens = pickle.dumps(werk, protocol=pickle.HIGHEST_PROTOCOL)
    with ProcessPoolExecutor(werkers, mp_context=context, initializer=werkproces.begin,
                             initargs=(kanaal,)) as pool:
        with _ononderbroken():  # a process half created cannot be stopped cleanly
            gestart = [pool.submit(werkproces.klaar, i) for i in range(werkers)]
            for _ in gestart:
                kanaal.put(gegevens)
            del gegevens  # the queue keeps what it still has to send, not this process
        kanaal.close()
        # A worker's start (its imports, reading its copy of the Werk) takes a few tenths of
        # a second: this process makes documents meanwhile (see `_Start`) instead of waiting.
        start = _Start(gestart)
        if not zelf:
            start.wacht()
        try:
            yield from _verdeeld(werk, taken, pool, werkers, voortgang, zelf, start)
        except BaseException:
            _stop(pool)
            raise


class _Start:
    """The workers' start, under way: whether every worker runs with its copy of the Werk."""

    def __init__(self, gestart: list[Future[bool]]) -> None:
        self._gestart = gestart

    def klaar(self) -> bool:
        """Whether every worker has started; the first time it has, what pickling the Werk
        took goes back to the system (every worker has its copy now), and a worker that could
        not start stops the run."""
        if not all(f.done() for f in self._gestart):
            return False
        self.wacht()
        return True

    def wacht(self) -> None:
        """Wait until every worker has started (see `klaar`)."""
        gestart, self._gestart = self._gestart, []
        for klaar in gestart:
            klaar.result()
        if gestart:
            geef_vrij()


def _verdeeld(werk: Werk, taken: list[Taak], pool: ProcessPoolExecutor, werkers: int,
              voortgang: Callable[[int, int], None] | None, zelf: bool = True,
              start: _Start | None = None) -> Generator[Gemaakt, None, None]:
    # This process's, first: once the workers run (until then other tasks, so that this
    # process holds the large document and the Werk's pickled copy not both at once).
    eerst = [t for t in taken if soort(t.soort).alle_aanbieders] if zelf else []
    start = start or _Start([])
    verdeler = _Verdeler([t for t in taken if not soort(t.soort).alle_aanbieders]
                         if eerst else taken)
    gedaan: queue.SimpleQueue[Afgerond | _Einde] = queue.SimpleQueue()
    ruimte = threading.Semaphore(werkers * VOORUIT)
    stop = threading.Event()
    geeft = threading.Thread(target=_geef_uit, args=(pool, verdeler, ruimte, gedaan, stop),
                             name="contracten-verdeling", daemon=True)
    geeft.start()
    totaal, klaar = len(taken), 0
    # per worker and kind, the articles and summaries it sent last (see werkproces.aangevuld)
    vorige: dict[tuple[int, str], tuple[tuple[Artikel, ...], list[str]]] = {}
    binnen, einde = 0, None  # groups of the workers read; the thread's last word

    def lees(wachten: bool) -> Iterator[Gemaakt]:
        nonlocal klaar, binnen, einde
        while einde is None or binnen < einde.aantal:
            try:
                bericht = gedaan.get(block=wachten)
            except queue.Empty:
                return
            if isinstance(bericht, _Einde):
                if bericht.fout is not None:
                    raise bericht.fout
                einde = bericht
                continue
            binnen += 1
            deel, toekomst = bericht
            for taak, (werker, gemaakt) in zip(deel, toekomst.result(), strict=True):
                klaar += 1
                if voortgang:
                    voortgang(klaar, totaal)
                # This process's own Taak: the worker's copy would hold its strings twice.
                yield werkproces.aangevuld(dataclasses.replace(gemaakt, taak=taak), werker,
                                           vorige)

    try:
        while zelf:
            lang = start.klaar() and bool(eerst)
            if not lang and not (deel := verdeler.neem()):
                lang = bool(eerst)  # nothing else to do meanwhile
            if lang:
                deel, eerst = eerst, []
            if not deel:
                break
            # A group's files are written while the next of it is made, all on disk before
            # it is yielded (Werk.groep); the long document's at once, then its buffers go
            # back to the system (some 12 MB at 20,000).
            gemaakt: list[Gemaakt] = []
            with nullcontext() if lang else werk.groep():
                for taak in deel:
                    gemaakt.append(werk.maak(taak))
                    if lang:
                        geef_vrij()
                    klaar += 1
                    if voortgang:
                        voortgang(klaar, totaal)
            yield from gemaakt
            yield from lees(wachten=False)
        yield from lees(wachten=True)
        start.wacht()
    finally:
        stop.set()
        ruimte.release()  # the thread may be waiting for room
        geeft.join()


def _geef_uit(pool: ProcessPoolExecutor, verdeler: _Verdeler, ruimte: threading.Semaphore,
              gedaan: queue.SimpleQueue[Afgerond | _Einde], stop: threading.Event) -> None:
    """The thread that hands tasks to the workers: a group whenever there is room (a group
    finished), until none are left or the run stops."""
    aantal = 0
    try:
        while True:
            ruimte.acquire()
            if stop.is_set():
                break
            deel = verdeler.neem()
            if not deel:
                break
            toekomst = pool.submit(werkproces.maak_deel, deel)
            aantal += 1

            def afgerond(toekomst: Future[list[tuple[int, Gemaakt]]],
                         deel: list[Taak] = deel) -> None:
                gedaan.put((deel, toekomst))
                ruimte.release()

            toekomst.add_done_callback(afgerond)
    except BaseException as fout:  # e.g. a broken pool: the main process raises it
        gedaan.put(_Einde(aantal, fout))
        return
    gedaan.put(_Einde(aantal))


@contextmanager
def _ononderbroken() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while the workers start (POSIX; elsewhere a no-op)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    vorig = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, vorig)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the pool at once (an error, Ctrl-C, SIGTERM): end the workers, even one that is
    still starting (it would otherwise print a traceback once this process is gone)."""
    processen = list(getattr(pool, "_processes", {}).values())  # CPython keeps them here
    for proces in processen:
        proces.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for proces in processen:
        proces.join(timeout=10)
