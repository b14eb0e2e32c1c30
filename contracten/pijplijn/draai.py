"""The one entry of the pipeline: `draai(opties)` plans a run and carries it out. Every command
that makes documents (genereer, indexeer, opzegging, socialreturn and its realisatie) fills in
an `Opties` and calls this; nothing else calls `maak_plan` or `voer_uit`.

It lives in its own module, not in `contracten/pijplijn/__init__.py`: a worker process imports
`contracten.pijplijn.werk`, and the package must stay light for it."""

from __future__ import annotations

from .opties import Opties
from .plan import maak_plan
from .uitvoeren import Resultaat, voer_uit


def draai(opties: Opties) -> Resultaat:
    """Plan the run and carry it out: make what changed, keep what did not, remove what is no
    longer made. Raises ContractenFout (InvoerFout for a wrong choice) and writes nothing
    then."""
    return voer_uit(maak_plan(opties), processen=opties.processen, voortgang=opties.voortgang,
                    wissel=opties.wissel)
