"""Document context of the overeenkomst with one aanbieder. Pure: no files, no Word objects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from contracten.opmaak import aantal, bedrag, getal, opsomming, procent, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.rekenen import socialreturn
from contracten.soorten.basis import Soort, Uitvoering, basis
from contracten.soorten.tabellen import prestaties


class Markering:
    """Marks example values and remembers whether the document shows any."""

    def __init__(self) -> None:
        self.gebruikt = False

    def __call__(self, tekst: str, is_voorbeeld: bool) -> str:
        return voorbeeld(tekst, self.noteer(is_voorbeeld))

    def noteer(self, is_voorbeeld: bool) -> bool:
        self.gebruikt = self.gebruikt or is_voorbeeld
        return is_voorbeeld


def context(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder, versie: str) -> dict[str, Any]:
    """Data only: the template words it (which sentences, which table, which heading)."""
    regio = profiel.regio
    regels = regio.regels
    peil = profiel.prijspeilen[prijspeil]
    taakgericht = regio.bekostigingsvorm == "taakgericht"
    namen = {e.sleutel: e.naam for e in profiel.eenheden}
    vb = Markering()

    rijen = prestaties(profiel, peil, aanbieder.producten)
    vb.noteer(not taakgericht and any(
        regel.voorbeeld for s in aanbieder.producten if (regel := peil.van_product(s))))
    budget = None
    if taakgericht and aanbieder.aanneemsom is not None:
        budget = vb(bedrag(aanbieder.aanneemsom), aanbieder.voorbeeld)

    uitkomst = {
        "aanbieder": aanbieder,
        "gemeenten": opsomming([vb(g.naam, g.voorbeeld) for g in regio.gemeenten]),
        "beperkingen": [
            {"gemeente": g.naam, "producten": opsomming([namen[s].lower() for s in g.alleen])}
            for g in regio.gemeenten if g.alleen],
        "taakgericht": taakgericht,
        "looptijd_voorbeeld": voorbeeld("", vb.noteer(regio.aanbesteding.looptijd.voorbeeld)),
        "prestaties": rijen,
        "budget": budget,
        "afwezigheid": _afwezigheid(profiel, prijspeil, aanbieder, vb),
        "indexatie": {
            "loon": getal(regels.indexatie.gewicht_loon),
            "prijs": getal(Decimal(1) - regels.indexatie.gewicht_loon),
            "voorbeeld": vb.noteer(regels.indexatie.is_voorbeeld("gewicht_loon")),
        },
        "socialreturn": _socialreturn(profiel, aanbieder, vb),
        "opzegging": {
            "termijn": vb(aantal(regels.opzegging.opzegtermijn_maanden, "maand", "maanden"),
                          regels.opzegging.is_voorbeeld("opzegtermijn_maanden")),
            "doorlevering": vb(aantal(regels.opzegging.doorlevering_maanden, "maand", "maanden"),
                               regels.opzegging.is_voorbeeld("doorlevering_maanden")),
        },
        "weigeren": _weigeren(profiel, vb),
    }
    vb.noteer(aanbieder.voorbeeld)  # the aanbieder itself (name, address) is made up
    return {**basis(profiel, prijspeil, versie, vb.gebruikt), **uitkomst}


def _socialreturn(profiel: Profiel, aanbieder: Aanbieder, vb: Markering) -> dict[str, Any] | None:
    regel = profiel.regio.regels.socialreturn
    if regel is None:
        return None
    uitkomst = socialreturn.bereken(regel, aanbieder)
    return {
        "verplicht": uitkomst.verplicht,
        "bedrag": (vb(bedrag(uitkomst.bedrag), aanbieder.voorbeeld or bool(regel.voorbeeld))
                   if uitkomst.bedrag is not None else ""),
        "jaaromzet": vb(bedrag(uitkomst.jaaromzet), aanbieder.voorbeeld),
        "drempel": vb(bedrag(uitkomst.drempel), regel.is_voorbeeld("drempel")),
        "percentage": vb(procent(uitkomst.percentage), regel.is_voorbeeld("percentage")),
        "aanneemsom": (vb(bedrag(uitkomst.aanneemsom), aanbieder.voorbeeld)
                       if uitkomst.aanneemsom is not None else ""),
        "omgerekend": uitkomst.omgerekend,
    }


def _afwezigheid(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder,
                 vb: Markering) -> dict[str, Any] | None:
    regel = profiel.regio.regels.afwezigheid
    if regel is None or (regel.producten and not set(regel.producten) & set(aanbieder.producten)):
        return None
    bedragregel = profiel.prijspeilen[prijspeil].bedrag(regel.bedrag)
    if bedragregel is None:
        return None
    return {
        "bedrag": vb(bedrag(bedragregel.bedrag), bedragregel.voorbeeld),
        "eenheid": bedragregel.eenheid,
        "maanden": vb(str(regel.maximum_maanden_per_kalenderjaar),
                      regel.is_voorbeeld("maximum_maanden_per_kalenderjaar")),
        "gronden": "; ".join(g[0].lower() + g[1:] for g in regel.gronden),
        "bron": regel.bron,
    }


def _weigeren(profiel: Profiel, vb: Markering) -> dict[str, Any] | None:
    regel = profiel.regio.regels.weigeren
    if regel is None:
        return None
    dagen = regel.meldtermijn_dagen
    return {"termijn": vb(aantal(dagen, "dag", "dagen"),
                          regel.is_voorbeeld("meldtermijn_dagen")),
            "bron": regel.bron}


def herkomst(profiel: Profiel, aanbieder: Aanbieder | None, prijspeil: int) -> dict[str, list[str]]:
    """Per article title: the profile fields it is made from (for legal review)."""
    r = profiel.sleutel
    a = f"{r}/aanbieders.yaml: aanbieders[{aanbieder.id if aanbieder else '?'}]"
    return {
        "Partijen": [f"{r}/regio.yaml: centrumgemeente, gemeenten",
                     f"{a}.naam, kvk, agb, adres"],
        "Uitvoeringsvariant en perceel": [
            f"{r}/regio.yaml: bekostigingsvorm, aanbesteding.titel, aanbesteding.perceel, "
            "aanbesteding.kenmerk, gemeenten[].alleen"],
        "Looptijd": [f"{r}/regio.yaml: aanbesteding.looptijd"],
        "Prestaties en tarieven": [f"{a}.producten", f"{r}/inhoud.yaml: producten[].iwmo",
                                   f"{r}/tarieven/{prijspeil}.yaml: bedragen",
                                   f"{r}/regio.yaml: regels.afwezigheid"],
        "Prestaties en het taakgerichte budget": [f"{a}.producten, aanneemsom",
                                                  f"{r}/inhoud.yaml: functies[].productcategorie"],
        "Indexatie": [f"{r}/regio.yaml: regels.indexatie"],
        "Social return": [f"{r}/regio.yaml: regels.socialreturn", f"{a}.jaaromzet, aanneemsom"],
        "Opzegging en overgang van inwoners": [f"{r}/regio.yaml: regels.opzegging"],
        "Weigeren en melden": [f"{r}/regio.yaml: regels.weigeren"],
        "Programma van eisen": [f"{r}/programma.yaml: titel",
                                f"{r}/regio.yaml: aanbesteding.datum"],
        "Slotbepalingen": [f"{r}/regio.yaml: centrumgemeente"],
        "Ondertekening": [f"{r}/regio.yaml: centrumgemeente", f"{a}.naam, contact.naam"],
    }


class Overeenkomst(Soort):
    naam = "overeenkomst"
    volgorde = 20
    sjabloon = "overeenkomst.docx"
    per = "aanbieder"

    def pad(self, aanbieder: Aanbieder | None) -> str:
        assert aanbieder is not None
        return f"overeenkomsten/{aanbieder.id}"

    def titel(self, profiel: Profiel, aanbieder: Aanbieder | None) -> str:
        assert aanbieder is not None
        return f"Overeenkomst {profiel.regio.aanbesteding.perceel} — {aanbieder.naam}"

    def context(self, profiel: Profiel, prijspeil: int, aanbieder: Aanbieder | None,
                uitvoering: Uitvoering) -> dict[str, Any]:
        assert aanbieder is not None
        return context(profiel, prijspeil, aanbieder, uitvoering.versie)

    def herkomst(self, profiel: Profiel, aanbieder: Aanbieder | None,
                 prijspeil: int) -> dict[str, list[str]]:
        return herkomst(profiel, aanbieder, prijspeil)
