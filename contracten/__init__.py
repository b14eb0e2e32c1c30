"""contracten: documenten voor Wmo-contracten uit regioprofielen.

The Python API: every command of the command line is a function here, taking a loaded region
and returning a typed result; the command line only parses, calls these and prints.

    import datetime as dt
    import contracten

    regio = contracten.laad_regio("regios/assen")
    resultaat = contracten.genereer(regio, uitvoer="output", datum=dt.date(2026, 1, 5))
"""

from contracten.fouten import ContractenFout, InvoerFout, Melding
from contracten.lezen.tabelbestand import Invoerbestand
from contracten.opdrachten.agenda import Agenda, agenda
from contracten.opdrachten.artikelen import Import, artikelbibliotheek, importeer_artikelen
from contracten.opdrachten.definitief import markeer_definitief
from contracten.opdrachten.excel import ImportResultaat, exporteer, importeer
from contracten.opdrachten.genereer import genereer
from contracten.opdrachten.goedkeuring import DocumentStatus, StatusResultaat, status, zet_stap
from contracten.opdrachten.indexeer import IndexeerResultaat, indexeer
from contracten.opdrachten.opzegging import OpzeggingResultaat, opzegging
from contracten.opdrachten.realisatie import RealisatieResultaat, socialreturn_realisatie
from contracten.opdrachten.regios import regios
from contracten.opdrachten.socialreturn import SocialReturnResultaat, socialreturn
from contracten.opdrachten.valideer import Validatie, valideer
from contracten.opdrachten.vergelijk import Vergelijking, vergelijk
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.laden import laad_regio, vind_regios
from contracten.profiel.model import Profiel

__all__ = [
    "Agenda",
    "ContractenFout",
    "DocumentStatus",
    "Import",
    "ImportResultaat",
    "IndexeerResultaat",
    "InvoerFout",
    "Invoerbestand",
    "Melding",
    "OpzeggingResultaat",
    "Profiel",
    "RealisatieResultaat",
    "Resultaat",
    "SocialReturnResultaat",
    "StatusResultaat",
    "Validatie",
    "Vergelijking",
    "agenda",
    "artikelbibliotheek",
    "exporteer",
    "genereer",
    "importeer",
    "importeer_artikelen",
    "indexeer",
    "laad_regio",
    "markeer_definitief",
    "opzegging",
    "regios",
    "socialreturn",
    "socialreturn_realisatie",
    "status",
    "valideer",
    "vergelijk",
    "vind_regios",
    "zet_stap",
]
