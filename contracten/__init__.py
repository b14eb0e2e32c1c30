"""contracten: documenten voor Wmo-contracten uit regioprofielen.

The Python API: every command is a function here, taking a loaded region and returning a typed
result, with what a front end needs to show results (steps, document kinds, Dutch amounts, dates
and times, calendar files, safe HTML) and to check input (a BSN, a control character, a date).
The command line and the web application import nothing else (tests/test_publieke_api.py).
Each name is imported when first used: one function does not load the register, Excel, the web.

    import datetime as dt
    import contracten

    regio = contracten.laad_regio("regios/assen")
    resultaat = contracten.genereer(regio, uitvoer="output", datum=dt.date(2026, 1, 5))"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Each public name's module ("module:name" when named otherwise inside: als_bedrag is bedrag).
_MODULES = {
    "Agenda": "contracten.opdrachten.agenda",
    "Bijwerking": "contracten.opdrachten.bijwerken",
    "ContractenFout": "contracten.fouten",
    "DocumentStatus": "contracten.opdrachten.goedkeuring",
    "GetekendResultaat": "contracten.opdrachten.getekend",
    "Gebruiker": "contracten.register.gebruikers",
    "Import": "contracten.opdrachten.artikelen",
    "ImportResultaat": "contracten.opdrachten.excel",
    "Indeling": "contracten.uitvoer.indeling",
    "IndexeerResultaat": "contracten.opdrachten.indexeer",
    "Indexering": "contracten.rekenen.indexatie",
    "InvoerFout": "contracten.fouten",
    "Invoerbestand": "contracten.lezen.tabelbestand",
    "Melding": "contracten.fouten",
    "Ondertekening": "contracten.register.gegevens",
    "OpzeggingResultaat": "contracten.opdrachten.opzegging",
    "Profiel": "contracten.profiel.model",
    "ROLLEN": "contracten.register.rolnamen",
    "RealisatieResultaat": "contracten.opdrachten.realisatie",
    "Ronde": "contracten.opdrachten.volgen",
    "Resultaat": "contracten.pijplijn.resultaat",
    "STAPPEN": "contracten.register.stappen",
    "STAP_NAMEN": "contracten.register.stappen",
    "SocialReturnResultaat": "contracten.opdrachten.socialreturn",
    "Stap": "contracten.register.gegevens",
    "StatusResultaat": "contracten.opdrachten.goedkeuring",
    "Taak": "contracten.opdrachten.taken",
    "Taken": "contracten.opdrachten.taken",
    "Validatie": "contracten.opdrachten.valideer",
    "Vergelijking": "contracten.opdrachten.vergelijk",
    "WebInstellingen": "contracten.web.instellingen:Instellingen",
    "agenda": "contracten.opdrachten.agenda",
    "als_aantal": "contracten.opmaak:aantal",
    "als_bedrag": "contracten.opmaak:bedrag",
    "als_datum": "contracten.opmaak:datum",
    "als_ics": "contracten.weergave.kalender",
    "als_opsomming": "contracten.opmaak:opsomming",
    "als_procent": "contracten.opmaak:procent",
    "als_tijdstip": "contracten.tijd:getoond",
    "artikelbibliotheek": "contracten.opdrachten.artikelen",
    "beeindig_sessie": "contracten.opdrachten.sessies",
    "begin_opdracht": "contracten.vastlegging:begin",
    "begin_sessie": "contracten.opdrachten.sessies",
    "bevat_bsn": "contracten.privacy",
    "bijwerken": "contracten.opdrachten.bijwerken",
    "controleer_rol": "contracten.opdrachten.rollen",
    "dag_van": "contracten.tijd:dag",
    "documentsoorten": "contracten.soorten.register",
    "exporteer": "contracten.opdrachten.excel",
    "gebruikers": "contracten.opdrachten.gebruikers",
    "genereer": "contracten.opdrachten.genereer",
    "getekend_pdf": "contracten.opdrachten.getekend",
    "heeft_gebruikers": "contracten.opdrachten.sessies",
    "importeer": "contracten.opdrachten.excel",
    "importeer_artikelen": "contracten.opdrachten.artikelen",
    "indexeer": "contracten.opdrachten.indexeer",
    "laad_regio": "contracten.profiel.laden",
    "lees_datum": "contracten.tijd",
    "markdown_als_html": "contracten.weergave.htmlversie",
    "markeer_definitief": "contracten.opdrachten.definitief",
    "meld_aan": "contracten.opdrachten.sessies",
    "officiele_versies_per_artikel": "contracten.opdrachten.artikelen",
    "ongewijzigd": "contracten.opdrachten.onthouden",
    "opzegging": "contracten.opdrachten.opzegging",
    "regio_samenvatting": "contracten.opdrachten.regios:samenvatting",
    "regios": "contracten.opdrachten.regios",
    "schakel_gebruiker_uit": "contracten.opdrachten.gebruikers",
    "sessie_van": "contracten.opdrachten.sessies",
    "socialreturn": "contracten.opdrachten.socialreturn",
    "socialreturn_realisatie": "contracten.opdrachten.realisatie",
    "status": "contracten.opdrachten.goedkeuring",
    "valideer": "contracten.opdrachten.valideer",
    "vastgelegd": "contracten.vastlegging:stand",
    "veilig_html": "contracten.weergave.htmlversie",
    "verberg_wachtwoord": "contracten.register.verbinding",
    "verboden_teken": "contracten.lezen.tekens",
    "vergelijk": "contracten.opdrachten.vergelijk",
    "vind_regios": "contracten.profiel.regiomappen",
    "voeg_gebruiker_toe": "contracten.opdrachten.gebruikers",
    "volg": "contracten.opdrachten.volgen",
    "webtoepassing": "contracten.web.app:maak_app",
    "wie_handelt": "contracten.opdrachten.gebruikers",
    "wijzig_rol": "contracten.opdrachten.gebruikers",
    "zet_stap": "contracten.opdrachten.goedkeuring",
    "zet_wachtwoord": "contracten.opdrachten.gebruikers",
}
# The same names as mypy and ruff read them (tests/test_publieke_api.py keeps all three equal).
__all__ = [
    "ROLLEN", "STAPPEN", "STAP_NAMEN",
    "Agenda",
    "Bijwerking",
    "ContractenFout",
    "DocumentStatus",
    "Gebruiker",
    "GetekendResultaat",
    "Import",
    "ImportResultaat",
    "Indeling",
    "IndexeerResultaat",
    "Indexering",
    "InvoerFout",
    "Invoerbestand",
    "Melding",
    "Ondertekening",
    "OpzeggingResultaat",
    "Profiel",
    "RealisatieResultaat", "Resultaat", "Ronde",
    "SocialReturnResultaat",
    "Stap", "StatusResultaat", "Taak", "Taken",
    "Validatie", "Vergelijking",
    "WebInstellingen",
    "agenda",
    "als_aantal", "als_bedrag", "als_datum", "als_ics", "als_opsomming", "als_procent",
    "als_tijdstip",
    "artikelbibliotheek",
    "beeindig_sessie", "begin_opdracht", "begin_sessie",
    "bevat_bsn",
    "bijwerken",
    "controleer_rol",
    "dag_van",
    "documentsoorten",
    "exporteer",
    "gebruikers", "genereer", "getekend_pdf",
    "heeft_gebruikers",
    "importeer", "importeer_artikelen", "indexeer",
    "laad_regio", "lees_datum",
    "markdown_als_html", "markeer_definitief", "meld_aan",
    "officiele_versies_per_artikel", "ongewijzigd",
    "opzegging",
    "regio_samenvatting",
    "regios",
    "schakel_gebruiker_uit",
    "sessie_van",
    "socialreturn",
    "socialreturn_realisatie",
    "status",
    "valideer",
    "vastgelegd",
    "veilig_html",
    "verberg_wachtwoord",
    "verboden_teken",
    "vergelijk",
    "vind_regios",
    "voeg_gebruiker_toe", "volg",
    "webtoepassing",
    "wie_handelt",
    "wijzig_rol",
    "zet_stap",
    "zet_wachtwoord",
]


def __getattr__(naam: str) -> Any:
    plaats = _MODULES.get(naam)
    if plaats is None:
        raise AttributeError(f"module 'contracten' has no attribute {naam!r}")
    module, _, binnen = plaats.partition(":")
    waarde = getattr(importlib.import_module(module), binnen or naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# What mypy and editors see: the same names, imported only when type checking.
if TYPE_CHECKING:
    from contracten.fouten import ContractenFout, InvoerFout, Melding
    from contracten.lezen.tabelbestand import Invoerbestand
    from contracten.lezen.tekens import verboden_teken
    from contracten.opdrachten.agenda import Agenda, agenda
    from contracten.opdrachten.artikelen import (
        Import,
        artikelbibliotheek,
        importeer_artikelen,
        officiele_versies_per_artikel,
    )
    from contracten.opdrachten.bijwerken import Bijwerking, bijwerken
    from contracten.opdrachten.definitief import markeer_definitief
    from contracten.opdrachten.excel import ImportResultaat, exporteer, importeer
    from contracten.opdrachten.gebruikers import (
        gebruikers,
        schakel_gebruiker_uit,
        voeg_gebruiker_toe,
        wie_handelt,
        wijzig_rol,
        zet_wachtwoord,
    )
    from contracten.opdrachten.genereer import genereer
    from contracten.opdrachten.getekend import GetekendResultaat, getekend_pdf
    from contracten.opdrachten.goedkeuring import DocumentStatus, StatusResultaat, status, zet_stap
    from contracten.opdrachten.indexeer import IndexeerResultaat, indexeer
    from contracten.opdrachten.onthouden import ongewijzigd
    from contracten.opdrachten.opzegging import OpzeggingResultaat, opzegging
    from contracten.opdrachten.realisatie import RealisatieResultaat, socialreturn_realisatie
    from contracten.opdrachten.regios import regios
    from contracten.opdrachten.regios import samenvatting as regio_samenvatting
    from contracten.opdrachten.rollen import controleer_rol
    from contracten.opdrachten.sessies import (
        beeindig_sessie,
        begin_sessie,
        heeft_gebruikers,
        meld_aan,
        sessie_van,
    )
    from contracten.opdrachten.socialreturn import SocialReturnResultaat, socialreturn
    from contracten.opdrachten.taken import Taak, Taken
    from contracten.opdrachten.valideer import Validatie, valideer
    from contracten.opdrachten.vergelijk import Vergelijking, vergelijk
    from contracten.opdrachten.volgen import Ronde, volg
    from contracten.opmaak import aantal as als_aantal
    from contracten.opmaak import bedrag as als_bedrag
    from contracten.opmaak import datum as als_datum
    from contracten.opmaak import opsomming as als_opsomming
    from contracten.opmaak import procent as als_procent
    from contracten.pijplijn.resultaat import Resultaat
    from contracten.privacy import bevat_bsn
    from contracten.profiel.laden import laad_regio
    from contracten.profiel.model import Profiel
    from contracten.profiel.regiomappen import vind_regios
    from contracten.register.gebruikers import Gebruiker
    from contracten.register.gegevens import Ondertekening, Stap
    from contracten.register.rolnamen import ROLLEN
    from contracten.register.stappen import STAP_NAMEN, STAPPEN
    from contracten.register.verbinding import verberg_wachtwoord
    from contracten.rekenen.indexatie import Indexering
    from contracten.soorten.register import documentsoorten
    from contracten.tijd import dag as dag_van
    from contracten.tijd import getoond as als_tijdstip
    from contracten.tijd import lees_datum
    from contracten.uitvoer.indeling import Indeling
    from contracten.vastlegging import begin as begin_opdracht
    from contracten.vastlegging import stand as vastgelegd
    from contracten.web.app import maak_app as webtoepassing
    from contracten.web.instellingen import Instellingen as WebInstellingen
    from contracten.weergave.htmlversie import markdown_als_html, veilig_html
    from contracten.weergave.kalender import als_ics
