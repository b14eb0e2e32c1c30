"""What every letter to an aanbieder carries: the sender's letterhead, the addressee and
salutation, date, kenmerk, enclosures and the signature, from the region's house style
(brieven.yaml) or, without it, from what regio.yaml and overeenkomst.yaml say. Pure: data only;
the letter templates word and lay it out."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from contracten.opmaak import VOORBEELDMELDING, datum, opsomming, voorbeeld, weken
from contracten.profiel.aanbieders import Adres
from contracten.profiel.brieven import Afzender, Brieven, Ondertekening
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen.termijnregel import na_weken
from contracten.weergave.fragment import Fragment


def huisstijl(profiel: Profiel) -> Brieven:
    """brieven.yaml, or the same built from the municipality the overeenkomst names."""
    if profiel.brieven is not None:
        return profiel.brieven
    gemeente = profiel.regio.centrumgemeente
    namens = f"het college van burgemeester en wethouders van {gemeente}"
    opdrachtgever = profiel.overeenkomst.opdrachtgever if profiel.overeenkomst else None
    if opdrachtgever is None:
        return Brieven(afzender=Afzender(organisatie=f"Gemeente {gemeente}"),
                       ondertekening=Ondertekening(naam=f"Gemeente {gemeente}",
                                                   functie="afdeling inkoop", namens=namens),
                       kenmerk_voorvoegsel=voorvoegsel(gemeente))
    vertegenwoordiger = opdrachtgever.vertegenwoordiger
    return Brieven(afzender=Afzender(organisatie=opdrachtgever.naam,
                                     postadres=opdrachtgever.adres),
                   ondertekening=Ondertekening(naam=vertegenwoordiger.naam,
                                               functie=vertegenwoordiger.functie, namens=namens),
                   kenmerk_voorvoegsel=voorvoegsel(gemeente))


def voorvoegsel(gemeente: str) -> str:
    """'Assen' -> 'ASS', 'Amersfoort' -> 'AME': when the region names none."""
    letters = re.sub(r"[^A-Za-z]", "", gemeente).upper()
    return (letters[:3] or "GEM").ljust(2, "X")


def kenmerk(stijl: Brieven, profiel: Profiel, contract: Contract, soort: str, jaar: int) -> str:
    """ASN/2026/IDX/0003: stable for this letter (the contract's place: per perceel, in the
    order of aanbieders.yaml) and unique within a run (one letter of a kind per contract)."""
    nummer = profiel.contractnummers[contract.sleutel]  # looked up, not counted: N letters
    return f"{stijl.kenmerk_voorvoegsel}/{jaar}/{soort}/{nummer:04d}"


def _adresregel(adres: Adres | None) -> str:
    return f"{adres.straat}, {adres.postcode} {adres.plaats}" if adres else ""


def antwoordtermijn(briefdatum: dt.date, aantal_weken: int) -> dict[str, str]:
    """A reply term counted from the letter's date: `termijn` in words ("vier weken") and
    `uiterlijk`, its last day ("2 januari 2027"), under the one rule for termijnen."""
    return {"termijn": weken(aantal_weken), "uiterlijk": datum(na_weken(briefdatum,
                                                                        aantal_weken))}


def _bereikbaar(afzender: Afzender, profiel: Profiel) -> str:
    """How an aanbieder reaches the sender with questions: telephone and e-mail from
    brieven.yaml, else the tender's contact (regio.yaml aanbesteding.contact); empty without."""
    delen = [deel for deel in (afzender.telefoon or "", afzender.email or "") if deel]
    if not delen and profiel.regio.aanbesteding.contact:
        delen = [profiel.regio.aanbesteding.contact]
    return " of ".join(delen)


def briefcontext(stijl: Brieven, profiel: Profiel, contract: Contract, *, soort: str,
                 briefdatum: dt.date, bijlagen: list[str],
                 reactie_weken: int | None = None) -> dict[str, Any]:
    """The letterhead, addressing and signature of one letter in house style `stijl`. `soort`:
    the kenmerk's code (IDX, ADD, SR, OPZ); `reactie_weken`: the letter's reply term, when not
    the house style's."""
    afzender = stijl.afzender
    contact = [deel for deel in (f"T {afzender.telefoon}" if afzender.telefoon else "",
                                 afzender.email or "", afzender.website or "") if deel]
    return {
        "afzender": {"organisatie": afzender.organisatie, "afdeling": afzender.afdeling or "",
                     "postadres": _adresregel(afzender.postadres),
                     "bezoekadres": _adresregel(afzender.bezoekadres),
                     "contact": " · ".join(contact)},
        # Marked like the addendum and the overeenkomst mark their signatory: name and function.
        "ondertekening": {"naam": voorbeeld(stijl.ondertekening.naam, stijl.voorbeeld),
                          "functie": voorbeeld(stijl.ondertekening.functie, stijl.voorbeeld),
                          "namens": stijl.ondertekening.namens or ""},
        "adressering": contract.aanbieder.brief,
        "briefdatum": datum(briefdatum),
        "kenmerk": kenmerk(stijl, profiel, contract, soort, briefdatum.year),
        "bijlagen": opsomming(bijlagen) if bijlagen else "geen",
        "logo": _logo(afzender, profiel),
        "antwoord": antwoordtermijn(briefdatum, reactie_weken or stijl.reactietermijn_weken),
        "bereikbaar": _bereikbaar(afzender, profiel),
    }


def _logo(afzender: Afzender, profiel: Profiel) -> Fragment | None:
    """The sender's logo above the letterhead (the file was checked when the region loaded)."""
    if afzender.logo is None:
        return None
    logo = Fragment()
    logo.afbeelding(str(profiel.map / afzender.logo), afzender.logo_breedte_mm)
    return logo


def als_brief(context: dict[str, Any], profiel: Profiel, contract: Contract, *, soort: str,
              briefdatum: dt.date, bijlagen: list[str],
              reactie_weken: int | None = None) -> dict[str, Any]:
    """A letter's own context with its letterhead, addressing, reply term and signature
    added."""
    stijl = huisstijl(profiel)
    uit = {**context, **briefcontext(stijl, profiel, contract, soort=soort,
                                     briefdatum=briefdatum, bijlagen=bijlagen,
                                     reactie_weken=reactie_weken)}
    if stijl.voorbeeld:
        uit["voorbeeldmelding"] = VOORBEELDMELDING
    return uit
