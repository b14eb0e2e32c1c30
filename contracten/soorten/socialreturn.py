"""Document contexts of social return: the overview (Word, Excel, CSV) and a letter per aanbieder.
Pure: no files, no Word objects."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from typing import Any

from contracten.opmaak import bedrag, datum, procent, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.overeenkomst import SocialReturnAfspraken
from contracten.profiel.percelen import Contract
from contracten.profiel.regels import SocialReturn
from contracten.rekenen import socialreturn
from contracten.rekenen.socialreturn import op_voorbeelden
from contracten.soorten.basis import ContractSoort, RegioSoort, Uitvoering, basis
from contracten.soorten.brief import als_brief
from contracten.soorten.socialreturnrijen import KOLOMMEN as KOLOMMEN  # where it was
from contracten.soorten.socialreturnrijen import (
    Rijen,
    Totalen,
    overzicht_bestanden,
    per_contract,
    werkmaprij,
)
from contracten.soorten.socialreturnrijen import met_perceel as met_perceel
from contracten.weergave.fragment import Fragment


def beschikbaar(profiel: Profiel, prijspeil: int) -> bool:
    return profiel.regio.regels.socialreturn is not None


def _regel(profiel: Profiel) -> SocialReturn:
    regel = profiel.regio.regels.socialreturn
    assert regel is not None, "alleen voor een regio met social return"
    return regel


def verplichtingen(profiel: Profiel) -> list[tuple[Contract, socialreturn.Verplichting]]:
    """Every contract's obligation, in the order of the contracts."""
    return list(per_contract(profiel))


def _kop(profiel: Profiel, prijspeil: int, versie: str, heeft_voorbeeld: bool,
         contract: Contract | None = None) -> dict[str, Any]:
    regel = _regel(profiel)
    return {
        **basis(profiel, prijspeil, versie, heeft_voorbeeld, contract),
        "percentage": voorbeeld(procent(regel.percentage), regel.is_voorbeeld("percentage")),
        "drempel": voorbeeld(bedrag(regel.drempel), regel.is_voorbeeld("drempel")),
        "bron": regel.bron,
    }


def _per_jaar(uitkomst: socialreturn.Verplichting, vb: bool) -> str | None:
    """The amount per contract year, as the letter gives it: the first year's, and the last
    year's beside it where that differs (the cents left by rounding, a shorter last year):
    "€ 15.432,10 (voorbeeld); laatste jaar € 15.432,09 (voorbeeld)"."""
    if not uitkomst.jaren:
        return None
    eerste, laatste = uitkomst.jaren[0].bedrag, uitkomst.jaren[-1].bedrag
    tekst = voorbeeld(bedrag(eerste), vb)
    return tekst if laatste == eerste else f"{tekst}; laatste jaar {voorbeeld(bedrag(laatste), vb)}"


def overzicht_context(profiel: Profiel, prijspeil: int, versie: str) -> dict[str, Any]:
    """Data only: one row per contract (amounts formatted, example values marked); the
    template heads the table, words `verplicht` and adds the total row. The rows are made as
    the template goes through them (`Rijen`); the totals in one pass over the contracts."""
    totalen = Totalen(_regel(profiel))
    for c, v in per_contract(profiel):
        totalen.tel(c, v)
    return _overzicht(profiel, prijspeil, versie, totalen)


def _overzicht(profiel: Profiel, prijspeil: int, versie: str, totalen: Totalen
               ) -> dict[str, Any]:
    regel = totalen.regel
    return {**_kop(profiel, prijspeil, versie, totalen.heeft_voorbeeld),
            "aanbieders": Rijen(profiel, functools.partial(_overzicht_rij, regel)),
            "aantal_verplicht": totalen.aantal_verplicht,
            "totaal": voorbeeld(bedrag(totalen.som), totalen.totaal_voorbeeld),
            "aanneemsom_per": regel.aanneemsom_per}


def _overzicht_rij(regel: SocialReturn, c: Contract, v: socialreturn.Verplichting
                   ) -> dict[str, Any]:
    return {"naam": c.naam, "jaaromzet": voorbeeld(bedrag(v.jaaromzet), c.aanbieder.voorbeeld),
            "aanneemsom": (voorbeeld(bedrag(v.aanneemsom), c.aanbieder.voorbeeld)
                           if v.aanneemsom is not None else None),
            "verplicht": v.verplicht,
            "per_jaar": _per_jaar(v, op_voorbeelden(regel, c.aanbieder)),
            "bedrag": (voorbeeld(bedrag(v.bedrag), op_voorbeelden(regel, c.aanbieder))
                       if v.bedrag is not None else None)}


PARTIJ = re.compile(r"\b(?:Opdrachtnemer|Opdrachtgever)\b")


def sanctie_voor_brief(profiel: Profiel) -> str:
    """The consequence of a shortfall (art. 1.9) as a letter can say it to "u": the
    overeenkomst's words, which complete "kunnen wij …", marked when an example; empty when
    there are none or when they name a party ("na Opdrachtnemer …"), so that a letter never
    switches from "u" to the contract's Opdrachtnemer: it then refers to article 1.9."""
    keuzes = profiel.overeenkomst
    afspraken = keuzes.socialreturn if keuzes is not None else None
    if keuzes is None or afspraken is None or PARTIJ.search(afspraken.sanctie):
        return ""
    return voorbeeld(afspraken.sanctie, keuzes.is_voorbeeld("socialreturn"))


def _plan(afspraken: SocialReturnAfspraken | None, sr: bool, briefdatum: dt.date
          ) -> dict[str, Any]:
    """The plan van aanpak's due date, unless it is not after the letter's own date: the letter
    then asks for it within its reply term (`plan_verlopen`) and names no date in the past."""
    verlopen = afspraken is not None and afspraken.plan_datum <= briefdatum
    return {"plan_datum": voorbeeld(datum(afspraken.plan_datum), sr)
            if afspraken and not verlopen else "",
            "plan_verlopen": verlopen}


def _termijnen(profiel: Profiel, aanbieder: Aanbieder, uitkomst: socialreturn.Verplichting,
               briefdatum: dt.date) -> dict[str, Any]:
    """The obligation per contract year and over the looptijd, and what the overeenkomst agrees
    about plan van aanpak, reporting and a shortfall (art. 1.9), when it does."""
    regel = _regel(profiel)
    vb = op_voorbeelden(regel, aanbieder)
    looptijd = profiel.regio.aanbesteding.looptijd
    keuzes = profiel.overeenkomst
    afspraken = keuzes.socialreturn if keuzes is not None else None
    sr = keuzes is not None and keuzes.is_voorbeeld("socialreturn")
    return {
        "looptijd": f"{datum(looptijd.begin)} tot en met {datum(looptijd.einde)}",
        "jaren": [{"periode": f"{datum(j.begin)} tot en met {datum(j.einde)}",
                   "bedrag": voorbeeld(bedrag(j.bedrag), vb)} for j in uitkomst.jaren],
        "per_contractjaar": afspraken is not None and afspraken.periode == "contractjaar",
        "afspraken": afspraken is not None,
        **_plan(afspraken, sr, briefdatum),
        "rapportage": voorbeeld(afspraken.rapportage, sr) if afspraken else "",
        "sanctie": sanctie_voor_brief(profiel),
    }


def brief_context(profiel: Profiel, prijspeil: int, contract: Contract,
                  uitvoering: Any) -> dict[str, Any]:
    """Data only: the template says why the aanbieder is (not) obliged, from these amounts."""
    regel = _regel(profiel)
    aanbieder = contract.aanbieder
    uitkomst = socialreturn.bereken(regel, contract, profiel.regio.aanbesteding.looptijd)
    vervolg = Fragment()
    vervolg.tekst(regel.brief_verplicht if uitkomst.verplicht else regel.brief_waar_mogelijk)
    return als_brief({
        **_kop(profiel, prijspeil, uitvoering.versie,
               aanbieder.voorbeeld or bool(regel.voorbeeld), contract),
        "verplicht": uitkomst.verplicht,
        "bedrag": (voorbeeld(bedrag(uitkomst.bedrag), op_voorbeelden(regel, aanbieder))
                   if uitkomst.bedrag is not None else ""),
        "jaaromzet": voorbeeld(bedrag(uitkomst.jaaromzet), aanbieder.voorbeeld),
        "aanneemsom": (voorbeeld(bedrag(uitkomst.aanneemsom), aanbieder.voorbeeld)
                       if uitkomst.aanneemsom is not None else ""),
        "omgerekend": uitkomst.omgerekend,
        "aanneemsom_per": regel.aanneemsom_per,
        "vervolg": vervolg,
        **_termijnen(profiel, aanbieder, uitkomst, uitvoering.datum),
    }, profiel, contract, soort="SR", briefdatum=uitvoering.datum, bijlagen=[])


class SocialReturnOverzicht(RegioSoort):
    naam = "socialreturn-overzicht"
    volgorde = 40
    sjabloon = "socialreturn-overzicht.docx"
    alle_aanbieders = True

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return beschikbaar(profiel, prijspeil)

    def titel(self, profiel: Profiel) -> str:
        return f"Social return {profiel.regio.naam}"

    def context(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
                ) -> dict[str, Any]:
        return overzicht_context(profiel, prijspeil, uitvoering.versie)

    def extra(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
              ) -> list[tuple[str, bytes]]:
        return overzicht_bestanden(profiel, prijspeil)

    def kenmerk_alle(self, profiel: Profiel, prijspeil: int) -> str | None:
        return kenmerk(profiel, prijspeil)

    def herkomst(self, profiel: Profiel, prijspeil: int) -> dict[str, list[str]]:
        return {"*": [f"{profiel.sleutel}/regio.yaml: regels.socialreturn",
                      f"{profiel.sleutel}/aanbieders.yaml: aanbieders[].jaaromzet, aanneemsom"]}


def kenmerk(profiel: Profiel, prijspeil: int) -> str:
    """The sha256 of everything the overview shows (its Word document, workbook and csv files)
    but for what regio.yaml and programma.yaml give (hashed with them): per contract the repr
    of its row in the Word document and in the workbook, then that of the rest of the context.
    Each contract's obligation is worked out once, and no row is held longer than it is
    hashed: a region of 20,000 aanbieders never has them all at once."""
    totalen = Totalen(_regel(profiel))
    # The same rows as the overview's: the row function of its context, and of the workbook.
    rij = _overzicht(profiel, prijspeil, "", totalen)["aanbieders"].rij
    uit = hashlib.sha256()
    for c, v in per_contract(profiel):
        totalen.tel(c, v)
        uit.update(repr((rij(c, v), werkmaprij(totalen.regel, c, v))).encode())
    rest = [(k, w) for k, w in _overzicht(profiel, prijspeil, "", totalen).items()
            if k not in ("regio", "aanbesteding", "programma", "aanbieders")]
    uit.update(repr(rest).encode())
    return uit.hexdigest()


class SocialReturnBrief(ContractSoort):
    naam = "socialreturn-brief"
    bundel = "brieven/socialreturn/alle-brieven.pdf"
    volgorde = 50
    sjabloon = "socialreturn-brief.docx"
    map = "brieven/socialreturn"
    met_datum = True

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return beschikbaar(profiel, prijspeil)

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        return f"Social return — {contract.naam}"

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        return brief_context(profiel, prijspeil, contract, uitvoering)

    def herkomst(self, profiel: Profiel, contract: Contract,
                 prijspeil: int) -> dict[str, list[str]]:
        aanbieder = contract.aanbieder
        return {"*": [f"{profiel.sleutel}/regio.yaml: regels.socialreturn (ook brief_verplicht, "
                      "brief_waar_mogelijk)",
                      f"{profiel.sleutel}/aanbieders.yaml: aanbieders[{aanbieder.id}].jaaromzet, "
                      "aanneemsom, contact"]}
