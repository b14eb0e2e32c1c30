"""The values of the overeenkomst's blanks, from the profile: one entry per placeholder of the
article library (artikelen/index.yaml `plaatshouders`), in document notation, with "(voorbeeld)"
where the profile marks the value as an example. Pure: no files."""

from __future__ import annotations

import re
from decimal import Decimal

from contracten.opmaak import bedrag, datum, getal, opsomming, voorbeeld
from contracten.profiel.aanbieders import Adres
from contracten.profiel.model import Profiel
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.percelen import Contract

BIJVOEGLIJK = {"inspanningsgericht": "inspanningsgerichte", "outputgericht": "outputgerichte",
               "taakgericht": "taakgerichte"}
# [socialreturn_basis] of article 1.9.1, by what the aanneemsom covers and whether the obligation
# is per contract year or over the looptijd: never "per contractjaar … of the whole sum".
SOCIALRETURN_BASIS = {
    ("jaar", "contractjaar"): "de aanneemsom exclusief btw van dat contractjaar",
    ("looptijd", "contractjaar"): "het deel van de aanneemsom exclusief btw dat naar rato van de "
                                  "maanden op dat contractjaar valt",
    ("looptijd", "looptijd"): "de aanneemsom exclusief btw over de gehele looptijd",
    ("jaar", "looptijd"): "de aanneemsommen exclusief btw van alle contractjaren samen",
}
INVULLIJN = "……………………………………"  # a line to fill in by hand


class Waarden:
    """Placeholder values, and whether the document shows any example value."""

    def __init__(self) -> None:
        self.waarden: dict[str, str] = {}
        self.voorbeeld = False

    def zet(self, naam: str, tekst: str, is_voorbeeld: bool = False) -> None:
        self.voorbeeld = self.voorbeeld or is_voorbeeld
        self.waarden[naam] = voorbeeld(tekst, is_voorbeeld)


def regels(tekst: str) -> str:
    """A value as the library writes text: one line per paragraph. Lines wrapped in the YAML are
    joined; a blank line or a list item ("1. …", "a. …", "- …") starts a new paragraph."""
    delen = re.split(r"\n\s*\n|\n(?=\s*(?:\d+\.|[a-z]\.|-)\s)", tekst.strip())
    return "\n".join(" ".join(d.split()) for d in delen if d.strip())


def adres(a: Adres) -> str:
    return f"{a.straat}, {a.postcode} {a.plaats}"


def contractwaarden(profiel: Profiel, keuzes: OvereenkomstKeuzes, contract: Contract | None
                    ) -> Waarden:
    """Every placeholder the library knows; those of the opdrachtnemer only with a contract
    (without one: what all contracts share, of the first perceel)."""
    regio = profiel.regio
    aanbieder = contract.aanbieder if contract is not None else None
    perceel = contract.perceel if contract is not None else profiel.percelen[0]
    w = Waarden()
    vb = keuzes.is_voorbeeld
    og = keuzes.opdrachtgever
    w.zet("opdrachtgever", og.naam, vb("opdrachtgever.naam"))
    w.zet("opdrachtgever_adres", adres(og.adres), vb("opdrachtgever.adres"))
    w.zet("opdrachtgever_kvk", og.kvk, vb("opdrachtgever.kvk"))
    w.zet("gemeenten", opsomming([voorbeeld(g.naam, g.voorbeeld) for g in regio.gemeenten]))
    w.zet("deelnemende_gemeenten", opsomming([voorbeeld(g.naam, g.voorbeeld)
                                              for g in regio.gemeenten
                                              if g.naam != regio.centrumgemeente]))
    w.voorbeeld = w.voorbeeld or any(g.voorbeeld for g in regio.gemeenten)
    w.zet("samenwerkingsgrondslag", og.samenwerkingsgrondslag,
          vb("opdrachtgever.samenwerkingsgrondslag"))
    vt = og.vertegenwoordiger
    w.zet("vertegenwoordiger_naam", vt.naam, vb("opdrachtgever.vertegenwoordiger.naam"))
    w.zet("vertegenwoordiger_functie", vt.functie, vb("opdrachtgever.vertegenwoordiger.functie"))
    if vt.mandaat is not None:  # lid 2 of art. 171 Gemeentewet only (see partijen.yaml)
        w.zet("mandaat", vt.mandaat, vb("opdrachtgever.vertegenwoordiger.mandaat"))
    if aanbieder is not None:
        w.zet("opdrachtnemer", aanbieder.naam, aanbieder.voorbeeld)
        w.zet("opdrachtnemer_adres", adres(aanbieder.adres), aanbieder.voorbeeld)
        w.zet("opdrachtnemer_kvk", aanbieder.kvk, aanbieder.voorbeeld)
        w.zet("opdrachtnemer_agb", aanbieder.agb or INVULLIJN, aanbieder.voorbeeld)
        vertegenwoordiger = aanbieder.vertegenwoordiger
        w.zet("opdrachtnemer_vertegenwoordiger",
              f"{vertegenwoordiger.naam}, {vertegenwoordiger.functie}" if vertegenwoordiger
              else INVULLIJN, aanbieder.voorbeeld and vertegenwoordiger is not None)
        if aanbieder.bestedingsruimte is not None:
            w.zet("bestedingsruimte", bedrag(aanbieder.bestedingsruimte), aanbieder.voorbeeld)
    w.zet("uitvoeringsvariant", BIJVOEGLIJK[str(perceel.bekostigingsvorm)])
    w.zet("perceel", perceel.naam, perceel.voorbeeld)
    # In one contract: what it is for (the opdrachtnemer's acceptance duty, 3.1.1).
    namen = [e.naam for e in profiel.eenheden_van(perceel)
             if contract is None or e.sleutel in contract.producten]
    w.zet("voorzieningen", "; ".join(namen[:-1]) + (" en " if len(namen) > 1 else "") + namen[-1])
    w.zet("programma_van_eisen",
          f"{regio.aanbesteding.lidwoord} {regio.aanbesteding.titel}, van "
          f"{datum(regio.aanbesteding.datum)}")
    # Article 1.2 names the inkoopvoorwaarden in an item of their own (4.2): not again in 4.1.
    w.zet("bijlagen", opsomming([b for b in keuzes.bijlagen
                                 if keuzes.inkoopvoorwaarden not in b]), vb("bijlagen"))
    w.zet("bijlagen_opdrachtnemer", opsomming(keuzes.bijlagen_opdrachtnemer) or INVULLIJN,
          vb("bijlagen_opdrachtnemer"))
    w.zet("inkoopvoorwaarden", keuzes.inkoopvoorwaarden, vb("inkoopvoorwaarden"))
    looptijd = regio.aanbesteding.looptijd
    w.zet("begindatum", datum(looptijd.begin), looptijd.voorbeeld)
    w.zet("einddatum", datum(looptijd.einde), looptijd.voorbeeld)
    if keuzes.verlenging is not None:
        w.zet("verlenging_maanden", str(keuzes.verlenging.maanden), vb("verlenging"))
        w.zet("verlenging_aantal", str(keuzes.verlenging.aantal), vb("verlenging"))
    # The standard's optional reference "[1.6.1]" in article 1.3.4: only with article 1.6.
    w.zet("verwijzing_onvoldoende_inzet", "1.6.1" if keuzes.gebruikt("onvoldoende_inzet") else "")
    for veld in ("opzegtermijn_opdrachtgever_maanden", "opzegtermijn_opdrachtnemer_maanden"):
        maanden = getattr(keuzes, veld)
        if maanden is not None:
            w.zet(veld, str(maanden), vb(veld))
    for veld in ("opzegvoorwaarden_opdrachtnemer", "wijzigingsmogelijkheden",
                 "onvoldoende_inzet_drempel", "toezichthouder", "geschilleninstantie",
                 "rechtbank", "indexatie_periode", "indexcijfer_loon", "indexcijfer_prijs"):
        tekst = getattr(keuzes, veld)
        if tekst is not None:
            w.zet(veld, regels(tekst), vb(veld))
    if keuzes.implementatie_datum is not None:
        w.zet("implementatie_datum", datum(keuzes.implementatie_datum), vb("implementatie_datum"))
    _socialreturn(w, profiel, keuzes)
    indexatie = regio.regels.indexatie
    loon = (indexatie.gewicht_loon * 100).normalize()
    w.zet("indexatie_gewicht_loon", getal(loon), indexatie.is_voorbeeld("gewicht_loon"))
    w.zet("indexatie_gewicht_prijs", getal(Decimal(100) - loon),
          indexatie.is_voorbeeld("gewicht_loon"))
    return w


def _socialreturn(w: Waarden, profiel: Profiel, keuzes: OvereenkomstKeuzes) -> None:
    regel = profiel.regio.regels.socialreturn
    afspraken = keuzes.socialreturn
    if regel is None or afspraken is None:
        return
    w.zet("socialreturn_drempel", bedrag(regel.drempel), regel.is_voorbeeld("drempel"))
    w.zet("socialreturn_percentage", getal(regel.percentage), regel.is_voorbeeld("percentage"))
    w.zet("socialreturn_basis", SOCIALRETURN_BASIS[regel.aanneemsom_per, afspraken.periode],
          regel.is_voorbeeld("aanneemsom_per"))
    sr = keuzes.is_voorbeeld("socialreturn")
    w.zet("socialreturn_plan_datum", datum(afspraken.plan_datum), sr)
    w.zet("socialreturn_rapportage", afspraken.rapportage, sr)
    w.zet("socialreturn_sanctie", afspraken.sanctie, sr)
