"""The one entry of the pipeline: `draai(opties)` plans a run and carries it out. Every command
that makes documents (genereer, indexeer, opzegging, socialreturn and its realisatie) fills in
an `Opties` and calls this (or `draai_en_herhaal`); nothing else calls `maak_plan` or
`voer_uit`.

It lives in its own module, not in `contracten/pijplijn/__init__.py`: a worker process imports
`contracten.pijplijn.werk`, and the package must stay light for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from contracten.fouten import ContractenFout
from contracten.lezen.gcpauze import bevroren, zonder_gc
from contracten.uitvoer import definitief

from . import bevriezen
from .opties import Opties
from .plan import maak_plan
from .uitvoeren import Resultaat, voer_uit
from .verschil import bereken


@contextmanager
def _bevroren() -> Iterator[None]:
    """While a run goes over the previous run's output: what was there before it (the profile,
    the modules) left out of Python's cyclic garbage collection (`gcpauze.bevroren`). A large
    run's main process holds hundreds of thousands of objects, and each full collection, which
    the manifest's tens of thousands of entries set off, went through all of them again (some
    0.2 s of a one-change rerun at 5,000 aanbieders)."""
    with bevroren() as eigen:
        if not eigen:  # someone else's freeze: theirs to undo
            yield
            return
        bevriezen.begonnen()  # what the run reads of the previous output may join (vries_bij)
        try:
            yield
        finally:
            bevriezen.geeindigd()


T = TypeVar("T")


@contextmanager
def geladen(laad: Callable[[], T]) -> Iterator[T]:
    """What `laad()` gives (a profile for a run), loaded with the collector off and frozen with
    everything before it (`_bevroren`) before the collector runs again, for the span of the
    block: the runs in it (`draai`) find it frozen. Else the first young collection after the
    load went through each of its objects (at 10,000 aanbieders some 0.1 s, in the choice of
    contracts that follows), and later full ones again, until the run froze them anyway."""
    with ExitStack() as stapel:
        with zonder_gc():
            uit = laad()
            stapel.enter_context(_bevroren())
        yield uit


def draai(opties: Opties) -> Resultaat:
    """Plan the run and carry it out: make what changed, keep what did not, remove what is no
    longer made. Raises ContractenFout (InvoerFout for a wrong choice) and writes nothing
    then."""
    with _bevroren():
        return _draai(opties)


def _draai(opties: Opties) -> Resultaat:
    return voer_uit(maak_plan(opties), processen=opties.processen, voortgang=opties.voortgang,
                    wissel=opties.wissel)


def draai_en_herhaal(opties: Opties) -> tuple[Resultaat, list[str] | None]:
    """`draai`, and what the same run would do on the folder as this one leaves it: when it
    would change nothing, the paths it would report unchanged (`Resultaat.ongewijzigd`); None
    when it would do anything (what `opdrachten.snelpad` needs to record a run). Decided by
    the same comparison a run makes (`verschil.bereken`), with the files just committed."""
    with _bevroren():
        return _draai_en_herhaal(opties)


def _draai_en_herhaal(opties: Opties) -> tuple[Resultaat, list[str] | None]:
    plan = maak_plan(opties)
    resultaat = voer_uit(plan, processen=opties.processen, voortgang=opties.voortgang,
                         wissel=opties.wissel, met_gezien=True)
    if resultaat.waarschuwingen or resultaat.naast_definitief:
        return resultaat, None
    try:
        register = definitief.lees(plan.doel)
    except ContractenFout:
        return resultaat, None
    vorig = resultaat.manifest
    herhaling = bereken(plan.taken, vorig, plan.kop, formaten=plan.formaten,
                        op_schijf={d.pad for d in vorig.documenten}, definitief=register.keys(),
                        volledig=plan.volledig, opruimen=plan.opruimen)
    return resultaat, sorted(herhaling.ongewijzigd) if herhaling.bij else None
