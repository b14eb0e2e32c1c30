"""contracten: documenten voor Wmo-contracten uit regioprofielen.

The Python API: every command of the command line is a function here, taking a loaded region
and returning a typed result; the command line only parses, calls these and prints.

    import datetime as dt
    import contracten

    regio = contracten.laad_regio("regios/assen")
    resultaat = contracten.genereer(regio, uitvoer="output", datum=dt.date(2026, 1, 5))

Each name is imported when it is first used: a worker process that only renders documents, or
a command that needs one function, does not load the rest (the register, Excel, the web).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Every public name and the module it lives in.
_MODULES = {
    "Agenda": "contracten.opdrachten.agenda",
    "ContractenFout": "contracten.fouten",
    "DocumentStatus": "contracten.opdrachten.goedkeuring",
    "Import": "contracten.opdrachten.artikelen",
    "Indeling": "contracten.uitvoer.indeling",
    "ImportResultaat": "contracten.opdrachten.excel",
    "IndexeerResultaat": "contracten.opdrachten.indexeer",
    "InvoerFout": "contracten.fouten",
    "Invoerbestand": "contracten.lezen.tabelbestand",
    "Melding": "contracten.fouten",
    "OpzeggingResultaat": "contracten.opdrachten.opzegging",
    "Profiel": "contracten.profiel.model",
    "RealisatieResultaat": "contracten.opdrachten.realisatie",
    "Resultaat": "contracten.pijplijn.uitvoeren",
    "SocialReturnResultaat": "contracten.opdrachten.socialreturn",
    "StatusResultaat": "contracten.opdrachten.goedkeuring",
    "Validatie": "contracten.opdrachten.valideer",
    "Vergelijking": "contracten.opdrachten.vergelijk",
    "agenda": "contracten.opdrachten.agenda",
    "artikelbibliotheek": "contracten.opdrachten.artikelen",
    "exporteer": "contracten.opdrachten.excel",
    "genereer": "contracten.opdrachten.genereer",
    "importeer": "contracten.opdrachten.excel",
    "importeer_artikelen": "contracten.opdrachten.artikelen",
    "officiele_versies_per_artikel": "contracten.opdrachten.artikelen",
    "indexeer": "contracten.opdrachten.indexeer",
    "laad_regio": "contracten.profiel.laden",
    "markeer_definitief": "contracten.opdrachten.definitief",
    "opzegging": "contracten.opdrachten.opzegging",
    "regios": "contracten.opdrachten.regios",
    "socialreturn": "contracten.opdrachten.socialreturn",
    "socialreturn_realisatie": "contracten.opdrachten.realisatie",
    "status": "contracten.opdrachten.goedkeuring",
    "valideer": "contracten.opdrachten.valideer",
    "vergelijk": "contracten.opdrachten.vergelijk",
    "vind_regios": "contracten.profiel.laden",
    "zet_stap": "contracten.opdrachten.goedkeuring",
}
__all__ = sorted(_MODULES)


def __getattr__(naam: str) -> Any:
    module = _MODULES.get(naam)
    if module is None:
        raise AttributeError(f"module 'contracten' has no attribute {naam!r}")
    waarde = getattr(importlib.import_module(module), naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from contracten.fouten import (
        ContractenFout as ContractenFout,
    )
    from contracten.fouten import (
        InvoerFout as InvoerFout,
    )
    from contracten.fouten import (
        Melding as Melding,
    )
    from contracten.lezen.tabelbestand import (
        Invoerbestand as Invoerbestand,
    )
    from contracten.opdrachten.agenda import (
        Agenda as Agenda,
    )
    from contracten.opdrachten.agenda import (
        agenda as agenda,
    )
    from contracten.opdrachten.artikelen import (
        Import as Import,
    )
    from contracten.opdrachten.artikelen import (
        artikelbibliotheek as artikelbibliotheek,
    )
    from contracten.opdrachten.artikelen import (
        importeer_artikelen as importeer_artikelen,
    )
    from contracten.opdrachten.artikelen import (
        officiele_versies_per_artikel as officiele_versies_per_artikel,
    )
    from contracten.opdrachten.definitief import (
        markeer_definitief as markeer_definitief,
    )
    from contracten.opdrachten.excel import (
        ImportResultaat as ImportResultaat,
    )
    from contracten.opdrachten.excel import (
        exporteer as exporteer,
    )
    from contracten.opdrachten.excel import (
        importeer as importeer,
    )
    from contracten.opdrachten.genereer import (
        genereer as genereer,
    )
    from contracten.opdrachten.goedkeuring import (
        DocumentStatus as DocumentStatus,
    )
    from contracten.opdrachten.goedkeuring import (
        StatusResultaat as StatusResultaat,
    )
    from contracten.opdrachten.goedkeuring import (
        status as status,
    )
    from contracten.opdrachten.goedkeuring import (
        zet_stap as zet_stap,
    )
    from contracten.opdrachten.indexeer import (
        IndexeerResultaat as IndexeerResultaat,
    )
    from contracten.opdrachten.indexeer import (
        indexeer as indexeer,
    )
    from contracten.opdrachten.opzegging import (
        OpzeggingResultaat as OpzeggingResultaat,
    )
    from contracten.opdrachten.opzegging import (
        opzegging as opzegging,
    )
    from contracten.opdrachten.realisatie import (
        RealisatieResultaat as RealisatieResultaat,
    )
    from contracten.opdrachten.realisatie import (
        socialreturn_realisatie as socialreturn_realisatie,
    )
    from contracten.opdrachten.regios import (
        regios as regios,
    )
    from contracten.opdrachten.socialreturn import (
        SocialReturnResultaat as SocialReturnResultaat,
    )
    from contracten.opdrachten.socialreturn import (
        socialreturn as socialreturn,
    )
    from contracten.opdrachten.valideer import (
        Validatie as Validatie,
    )
    from contracten.opdrachten.valideer import (
        valideer as valideer,
    )
    from contracten.opdrachten.vergelijk import (
        Vergelijking as Vergelijking,
    )
    from contracten.opdrachten.vergelijk import (
        vergelijk as vergelijk,
    )
    from contracten.pijplijn.uitvoeren import (
        Resultaat as Resultaat,
    )
    from contracten.profiel.laden import (
        laad_regio as laad_regio,
    )
    from contracten.profiel.laden import (
        vind_regios as vind_regios,
    )
    from contracten.profiel.model import (
        Profiel as Profiel,
    )
    from contracten.uitvoer.indeling import (
        Indeling as Indeling,
    )
