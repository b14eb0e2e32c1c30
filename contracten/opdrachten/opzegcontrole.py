"""The checks of an opzegging before anything is written: its dates within the contract as it
stands, the order of letter and receipt, the aanbieder's own letter, and a notice given against an
end. Each refuses with an InvoerFout (code, Dutch message); nothing here writes."""

from __future__ import annotations

import datetime as dt

from contracten.fouten import InvoerFout, Melding
from contracten.profiel.model import Profiel
from contracten.rekenen.opzegging import Door
from contracten.rekenen.termijnen import einde
from contracten.rekenen.termijnregel import laatste_dag, op_tijd, uiterste_ontvangst


def binnen_de_looptijd(regio: Profiel, datum: dt.date, veld: str) -> None:
    """An opzegging ends a running contract: its dates lie within the looptijd as it stands,
    with the verlengingen recorded as used (`verlenging.gebruikt`), never before the start or
    after the current end."""
    looptijd = regio.regio.aanbesteding.looptijd
    if datum < looptijd.begin:
        raise InvoerFout([Melding(regio.sleutel, None, veld, f"{datum.isoformat()} ligt vóór "
                                  f"het begin van de overeenkomst ({looptijd.begin})",
                                  "buiten_looptijd")], "Ongeldige opzegging")
    eind = einde(regio)
    if datum > eind:
        raise InvoerFout([Melding(regio.sleutel, None, veld, f"{datum.isoformat()} ligt na het "
                                  f"huidige einde van de overeenkomst ({eind}, met de "
                                  f"verlengingen die zijn vastgelegd).{_verlenging(regio)}",
                                  "na_het_einde")], "Ongeldige opzegging")


def brief_voor_het_einde(regio: Profiel, briefdatum: dt.date, door: Door) -> None:
    """The gemeente's letter is its opzegging: it is dated no later than the current end (a
    contract that has ended cannot be terminated; only with `terugwerkend` can the letter be
    dated after the day of receipt at all). A confirmation of the aanbieder's opzegging may come
    later: the doorlevering and the transition schedule run on after the end."""
    eind = einde(regio)
    if door != "gemeente" or briefdatum <= eind:
        return
    raise InvoerFout([Melding(regio.sleutel, None, "briefdatum", (
        f"de brief waarmee de gemeente opzegt, is gedateerd {briefdatum.isoformat()}: na het "
        f"huidige einde van de overeenkomst ({eind}, met de verlengingen die zijn vastgelegd). "
        f"Een overeenkomst die al is geëindigd, kan niet meer worden opgezegd.{_verlenging(regio)}"
        ), "na_het_einde")], "Ongeldige opzegging")


def termijn_binnen_de_looptijd(regio: Profiel, ontvangen: dt.date, maanden: int,
                               tegen: dt.date | None) -> None:
    """Without `tegen` the contract's last day is the opzegtermijn's: it must not lie after
    the current end, when the contract ends anyway, by expiry of its looptijd."""
    laatste, eind = laatste_dag(ontvangen, maanden), einde(regio)
    if tegen is not None or laatste <= eind:
        return
    raise InvoerFout([Melding(regio.sleutel, None, "ontvangen", (
        f"de opzegtermijn van {maanden} maanden van een opzegging die op {ontvangen.isoformat()} "
        f"is ontvangen, loopt tot en met {laatste.isoformat()}: na het huidige einde van de "
        f"overeenkomst ({eind}, met de verlengingen die zijn vastgelegd). De overeenkomst "
        f"eindigt dan op {eind} door het verstrijken van de looptijd.{_verlenging(regio)}"),
        "na_het_einde")], "Ongeldige opzegging")


def _verlenging(regio: Profiel) -> str:
    """How to record a verlenging that started, while one is left."""
    verlenging = regio.overeenkomst.verlenging if regio.overeenkomst else None
    if verlenging and verlenging.gebruikt < verlenging.aantal:
        return (" Is een verlenging ingegaan, leg die dan vast met verlenging.gebruikt in "
                "overeenkomst.yaml.")
    return ""


def volgorde(regio: Profiel, ontvangen: dt.date, briefdatum: dt.date, door: Door,
             terugwerkend: bool) -> None:
    """The gemeente's letter is the notice: it cannot have been received before it was dated
    (unless `terugwerkend`). The aanbieder's notice is confirmed: not before it arrived."""
    if door == "gemeente" and ontvangen < briefdatum and not terugwerkend:
        raise InvoerFout([Melding(regio.sleutel, None, "ontvangen", f"{ontvangen.isoformat()} "
                                  f"ligt vóór de briefdatum {briefdatum.isoformat()}: de "
                                  "opzegging zou met terugwerkende kracht ingaan. Kies een "
                                  "latere datum, of geef 'terugwerkend' op als dat zo bedoeld is",
                                  "terugwerkend")], "Ongeldige opzegging")
    if door == "aanbieder" and ontvangen > briefdatum:
        raise InvoerFout([Melding(regio.sleutel, None, "ontvangen", f"{ontvangen.isoformat()} "
                                  f"ligt na de briefdatum {briefdatum.isoformat()}: een opzegging "
                                  "van de aanbieder wordt bevestigd nadat zij is ontvangen",
                                  "bevestiging_voor_ontvangst")], "Ongeldige opzegging")


def brief_aanbieder(regio: Profiel, door: Door, ontvangen: dt.date, kenmerk: str | None,
                    brief: dt.date | None) -> None:
    """The aanbieder's own letter of notice is cited only when it gave notice, and it was dated
    no later than the day it was received."""
    if door != "aanbieder" and (kenmerk is not None or brief is not None):
        raise InvoerFout([Melding(regio.sleutel, None, "brief_aanbieder", "het kenmerk en de "
                                  "datum van de brief van de aanbieder horen bij een opzegging "
                                  "door de aanbieder (door: aanbieder)", "brief_aanbieder_door")],
                         "Ongeldige opzegging")
    if brief is not None and brief > ontvangen:
        raise InvoerFout([Melding(regio.sleutel, None, "brief_aanbieder", f"de brief van de "
                                  f"aanbieder is gedateerd {brief.isoformat()}, na de dag waarop "
                                  f"de opzegging is ontvangen ({ontvangen.isoformat()}); een "
                                  "brief wordt ontvangen op of na zijn datum",
                                  "brief_na_ontvangst")], "Ongeldige opzegging")


def tegen_op_tijd(regio: Profiel, ontvangen: dt.date, maanden: int,
                  tegen: dt.date | None) -> None:
    """A notice given against an end must leave its whole opzegtermijn before it."""
    if tegen is None or op_tijd(ontvangen, maanden, tegen):
        return
    raise InvoerFout([Melding(regio.sleutel, None, "tegen", (
        f"opzeggen tegen {tegen.isoformat()} kan niet met een opzegging die op "
        f"{ontvangen.isoformat()} is ontvangen: de opzegtermijn van {maanden} maanden loopt tot "
        f"en met {laatste_dag(ontvangen, maanden).isoformat()}; tegen {tegen.isoformat()} moest "
        f"zij uiterlijk {uiterste_ontvangst(tegen, maanden).isoformat()} binnen zijn"),
        "opzegtermijn_te_kort")], "Ongeldige opzegging")
