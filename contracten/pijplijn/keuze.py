"""Check what a caller chose (prijspeil, kinds, aanbieders) against the profile, before anything
is made. Messages name the parameter, never a command-line flag."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contracten.fouten import InvoerFout, Melding
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.soorten.basis import Soort
from contracten.soorten.register import soorten as alle_soorten


@dataclass(frozen=True)
class Keuze:
    prijspeil: int
    soorten: list[Soort]
    aanbieders: list[Aanbieder]
    volledig: bool  # every kind of the command for every aanbieder


def onbekende_aanbieders(profiel: Profiel, aanbieders: Sequence[str]) -> list[Melding]:
    """A message for every chosen id that is no aanbieder of the region, with the valid ids."""
    ids = [a.id for a in profiel.aanbieders]
    return [Melding(profiel.sleutel, None, "aanbieder", f"onbekende aanbieder '{id_}' (wel: "
                    f"{', '.join(ids)})", "aanbieder_onbekend") for id_ in aanbieders
            if id_ not in ids]


def kies(profiel: Profiel, *, opdracht: str, prijspeil: int | None = None,
         soorten: Sequence[str] = (), aanbieders: Sequence[str] = ()) -> Keuze:
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
    ids = {a.id: a for a in profiel.aanbieders}
    meldingen += onbekende_aanbieders(profiel, aanbieders)
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige keuze")
    gekozen = [van_opdracht[n] for n in dict.fromkeys(soorten)] or [
        s for s in van_opdracht.values() if s.beschikbaar(profiel, jaar)]
    for s in gekozen:
        if not s.beschikbaar(profiel, jaar):
            meldingen.append(Melding(waar, None, "document", f"'{s.naam}' bestaat niet voor "
                                     f"prijspeil {jaar}", "soort_niet_beschikbaar"))
    if aanbieders and not any(s.per_aanbieder for s in gekozen):
        meldingen.append(Melding(waar, None, "aanbieder", "geldt alleen voor documenten per "
                                 "aanbieder, zoals 'overeenkomst'", "aanbieder_zonder_soort"))
    if meldingen:
        raise InvoerFout(meldingen, "Ongeldige keuze")
    if aanbieders and not soorten:
        gekozen = [s for s in gekozen if s.per_aanbieder]
    lijst = [ids[i] for i in dict.fromkeys(aanbieders)] or profiel.aanbieders
    controleer_bedragen(profiel, jaar, lijst)
    meldingen = [m for s in gekozen for m in s.controleer(profiel, jaar)]
    if meldingen:
        raise InvoerFout(meldingen, f"De documenten van '{profiel.sleutel}' zouden naar "
                                    "onbestaande artikelen verwijzen")
    return Keuze(jaar, gekozen, lijst, volledig=not soorten and not aanbieders)


def controleer_bedragen(profiel: Profiel, jaar: int, aanbieders: list[Aanbieder]) -> None:
    """A contract never shows a blank where a price belongs: refuse an incomplete prijspeil."""
    peil = profiel.prijspeilen[jaar]
    bestand = f"{profiel.sleutel}/tarieven/{jaar}.yaml"
    ontbreekt = sorted({s for a in aanbieders for s in a.producten if peil.van_product(s) is None})
    meldingen = [Melding(bestand, None, "bedragen", f"geen bedrag voor '{s}' in prijspeil {jaar}",
                         "bedrag_ontbreekt") for s in ontbreekt]
    afwezigheid = profiel.regio.regels.afwezigheid
    if afwezigheid and peil.bedrag(afwezigheid.bedrag) is None:
        meldingen.append(Melding(bestand, None, "bedragen", f"geen bedrag '{afwezigheid.bedrag}' "
                                 f"(afwezigheid) in prijspeil {jaar}", "bedrag_ontbreekt"))
    if meldingen:
        raise InvoerFout(meldingen, f"Prijspeil {jaar} is niet compleet voor deze documenten")
