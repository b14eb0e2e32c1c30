"""Check what a caller chose (prijspeil, kinds, aanbieders) against the profile, before anything
is made. Messages name the parameter, never a command-line flag."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contracten.fouten import InvoerFout, Melding
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.soorten.basis import Soort
from contracten.soorten.register import soorten as alle_soorten


@dataclass(frozen=True)
class Keuze:
    prijspeil: int
    soorten: list[Soort]
    contracten: list[Contract]
    volledig: bool  # every kind of the command for every contract


def onbekende_aanbieders(profiel: Profiel, aanbieders: Sequence[str]) -> list[Melding]:
    """A message for every chosen id that is no aanbieder of the region, with the valid ids."""
    ids = [a.id for a in profiel.aanbieders]
    return [Melding(profiel.sleutel, None, "aanbieder", f"onbekende aanbieder '{id_}' (wel: "
                    f"{', '.join(ids)})", "aanbieder_onbekend") for id_ in aanbieders
            if id_ not in ids]


def onbekende_percelen(profiel: Profiel, percelen: Sequence[int]) -> list[Melding]:
    """A message for every chosen number that is no perceel of the tender."""
    nummers = [p.nummer for p in profiel.percelen]
    return [Melding(profiel.sleutel, None, "perceel", f"onbekend perceel {n} (wel: "
                    f"{', '.join(map(str, nummers))})", "perceel_onbekend")
            for n in percelen if n not in nummers]


def gekozen_contracten(profiel: Profiel, aanbieders: Sequence[str] = (),
                       percelen: Sequence[int] = ()) -> list[Contract]:
    """The contracts of the chosen aanbieders in the chosen percelen (none chosen: all)."""
    return [c for c in profiel.contracten
            if (not aanbieders or c.aanbieder.id in aanbieders)
            and (not percelen or c.perceel.nummer in percelen)]


def kies(profiel: Profiel, *, opdracht: str, prijspeil: int | None = None,
         soorten: Sequence[str] = (), aanbieders: Sequence[str] = (),
         percelen: Sequence[int] = ()) -> Keuze:
    """Validate the choice; raises InvoerFout with every problem at once."""
    meldingen: list[Melding] = []
    waar = profiel.sleutel
    jaar = prijspeil if prijspeil is not None else profiel.laatste_prijspeil()
    if jaar not in profiel.prijspeilen:
        bekend = ", ".join(str(j) for j in profiel.prijspeilen)
        meldingen.append(Melding(waar, None, "prijspeil", f"{jaar} bestaat niet voor deze "
                                 f"regio (wel: {bekend})", "prijspeil_onbekend"))
    van_opdracht = {n: s for n, s in alle_soorten().items() if s.opdracht == opdracht}
    for naam in soorten:
        if naam not in van_opdracht:
            meldingen.append(Melding(waar, None, "document", f"onbekende documentsoort "
                                     f"'{naam}' (wel: {', '.join(van_opdracht)})",
                                     "soort_onbekend"))
    meldingen += onbekende_aanbieders(profiel, aanbieders)
    meldingen += onbekende_percelen(profiel, percelen)
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige keuze")
    gekozen = [van_opdracht[n] for n in dict.fromkeys(soorten)] or [
        s for s in van_opdracht.values() if s.beschikbaar(profiel, jaar)]
    for s in gekozen:
        if not s.beschikbaar(profiel, jaar):
            meldingen.append(Melding(waar, None, "document", f"'{s.naam}' bestaat niet voor "
                                     f"prijspeil {jaar}", "soort_niet_beschikbaar"))
    if (aanbieders or percelen) and not any(s.per_contract for s in gekozen):
        veld = "aanbieder" if aanbieders else "perceel"
        meldingen.append(Melding(waar, None, veld, "geldt alleen voor documenten per "
                                 "contract, zoals 'overeenkomst'", f"{veld}_zonder_soort"))
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige keuze")
    if (aanbieders or percelen) and not soorten:
        gekozen = [s for s in gekozen if s.per_contract]
    lijst = gekozen_contracten(profiel, aanbieders, percelen)
    if not lijst:
        raise InvoerFout([Melding(waar, None, "perceel", f"{', '.join(aanbieders)} heeft geen "
                                  f"contract in perceel {', '.join(map(str, percelen))}",
                                  "contract_onbekend")], "Ongeldige keuze")
    controleer_bedragen(profiel, jaar, lijst)
    meldingen = [m for s in gekozen for m in s.controleer(profiel, jaar)]
    if meldingen:
        raise InvoerFout(meldingen, f"De documenten van '{profiel.sleutel}' zouden naar "
                                    "onbestaande artikelen verwijzen")
    return Keuze(jaar, gekozen, lijst, volledig=not soorten and not aanbieders and not percelen)


def controleer_bedragen(profiel: Profiel, jaar: int, contracten: list[Contract]) -> None:
    """A contract never shows a blank where a price belongs: refuse an incomplete prijspeil."""
    peil = profiel.prijspeilen[jaar]
    bestand = f"{profiel.sleutel}/tarieven/{jaar}.yaml"
    ontbreekt = sorted({s for c in contracten for s in c.producten} - peil.met_bedrag())
    meldingen = [Melding(bestand, None, "bedragen", f"geen bedrag voor '{s}' in prijspeil {jaar}",
                         "bedrag_ontbreekt") for s in ontbreekt]
    afwezigheid = profiel.regio.regels.afwezigheid
    if afwezigheid and peil.bedrag(afwezigheid.bedrag) is None:
        meldingen.append(Melding(bestand, None, "bedragen", f"geen bedrag '{afwezigheid.bedrag}' "
                                 f"(afwezigheid) in prijspeil {jaar}", "bedrag_ontbreekt"))
    if meldingen:
        raise InvoerFout(meldingen, f"Prijspeil {jaar} is niet compleet voor deze documenten")
