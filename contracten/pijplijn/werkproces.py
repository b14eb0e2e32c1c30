"""The worker side of `werk.maak_alle` (see `verdeling`): what runs in a pool's worker process
(its start, each task), and how the main process reads what a worker sent back."""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import os
import pickle
import signal
import sys
from typing import TYPE_CHECKING, Any

from contracten.fouten import ContractenFout

from .vrijgeven import geef_vrij

if TYPE_CHECKING:
    from .plan import Taak
    from .werk import Artikel, Gemaakt, Werk


def klaar(_: int) -> bool:
    """Sent to each worker once it runs (see `maak_alle`)."""
    return True


_WERKER: Werk | None = None  # in a pool's worker process only: its copy of the run's Werk


def begin(kanaal: Any) -> None:
    """A worker's start: its copy of the run's Werk comes from `kanaal` (see `maak_alle`)."""
    global _WERKER
    # Ctrl-C reaches the whole process group: the main process stops the pool and cleans up;
    # a worker just finishes its task quietly instead of printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # started while the parent held SIGTERM back
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    _WERKER = pickle.loads(kanaal.get())
    geef_vrij()  # what the Werk's pickled copies took while it was read
    atexit.register(_weg)


def _weg() -> None:
    """A worker's end, once its pool let it go (every result sent, every file it wrote
    closed): without the interpreter's finalization, which would free its copy of the Werk
    and its prepared templates object by object while the main process waits for it (a
    tenth of a second at 1,000 aanbieders, more with more). Registered at the worker's
    start, it is the first exit handler to run (the last registered runs first); those
    registered before it are not needed here: multiprocessing ended the process its own way
    already (`util._exit_function` in `BaseProcess._bootstrap`), and the worker logs nothing
    but to standard error."""
    for stroom in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: the worker ends all the same
            if stroom is not None:
                stroom.flush()
    os._exit(0)


# In a pool's worker process only: per kind, the articles and summaries it sent last.
_VERZONDEN: dict[str, tuple[tuple[Artikel, ...], list[str]]] = {}
ZELFDE = None  # in a Gemaakt from a worker: its articles and summaries are those sent before


def maak(taak: Taak) -> tuple[int, Gemaakt]:
    """Make one task in a worker: (the worker's pid, what it made). Most documents of a kind
    have the same articles and summaries (a few KB pickled): when they equal what this worker
    sent last for the kind, they are not sent again (see `aangevuld`)."""
    assert _WERKER is not None
    try:
        gemaakt = _WERKER.maak(taak)
    except (ContractenFout, OSError):  # an OSError pickles: a full disk stays one
        raise
    except Exception as exc:  # not every exception pickles: send its text back
        raise RuntimeError(f"{type(exc).__name__}: {exc}") from None
    gedeeld = (gemaakt.artikelen, gemaakt.samenvattingen)
    if _VERZONDEN.get(taak.soort) == gedeeld:
        gemaakt = dataclasses.replace(gemaakt, artikelen=ZELFDE,  # type: ignore[arg-type]
                                      samenvattingen=ZELFDE)  # type: ignore[arg-type]
    else:
        _VERZONDEN[taak.soort] = gedeeld
    return os.getpid(), gemaakt


def maak_deel(taken: list[Taak]) -> list[tuple[int, Gemaakt]]:
    """Make a few tasks in a worker, in their order (see `maak`), their files on disk by the
    time it returns (see `Werk.groep`)."""
    assert _WERKER is not None
    with _WERKER.groep():
        return [maak(taak) for taak in taken]


def aangevuld(gemaakt: Gemaakt, werker: int,
               vorige: dict[tuple[int, str], tuple[tuple[Artikel, ...], list[str]]]) -> Gemaakt:
    """A Gemaakt from worker `werker` with its articles and summaries filled in again: a worker
    takes its tasks in task order and the results are read in task order, so what it sent last
    for the kind is in `vorige` (the same per worker and kind as its `_VERZONDEN`)."""
    sleutel = (werker, gemaakt.taak.soort)
    if gemaakt.artikelen is ZELFDE:
        artikelen, samenvattingen = vorige[sleutel]
        return dataclasses.replace(gemaakt, artikelen=artikelen, samenvattingen=samenvattingen)
    vorige[sleutel] = (gemaakt.artikelen, gemaakt.samenvattingen)
    return gemaakt
