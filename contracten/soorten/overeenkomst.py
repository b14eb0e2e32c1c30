"""The overeenkomst with one aanbieder under the Contractstandaard Wmo: title page, Partijen,
Overwegingen, Definities, Deel 1, Deel 2 (this aanbieder's tariffs or budget), Deel 3 in its
chapters, signatures and annexes. Its text comes from the article library; the template words
the rest. Pure: no files, no Word objects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.opmaak import bedrag, datum, getal, opsomming, procent, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.rekenen import socialreturn
from contracten.rekenen.verwijzingen import bungelend, verwijzingen
from contracten.soorten.basis import Soort, Uitvoering, basis
from contracten.soorten.contractopbouw import Blok, Opbouw, aanhef, bouw
from contracten.soorten.contractwaarden import contractwaarden
from contracten.soorten.tabellen import prestaties


def opbouw(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder | None) -> tuple[Opbouw, bool]:
    """The contract's structure for `aanbieder` (None: the parts common to all), and whether
    it shows an example value. Raises InvoerFout naming every blank without a value."""
    keuzes = profiel.overeenkomst
    bibliotheek = profiel.bibliotheek
    assert keuzes is not None and bibliotheek is not None, "alleen met overeenkomst.yaml"
    waarden = contractwaarden(profiel, keuzes, aanbieder)
    deel2, vb = _deel2(profiel, prijspeil, aanbieder) if aanbieder else ([], False)
    uit = bouw(profiel, keuzes, bibliotheek, waarden.waarden, deel2)
    if aanbieder is not None:
        _compleet(profiel, uit)
    return uit, waarden.voorbeeld or vb


def _compleet(profiel: Profiel, uit: Opbouw) -> None:
    """Raise InvoerFout naming every blank without a value."""
    if uit.ontbreekt:
        raise InvoerFout([Melding(f"{profiel.sleutel}/overeenkomst.yaml", None, "invullingen",
                                  f"[{naam}] in artikel {lid} heeft geen waarde; geef die onder "
                                  f"invullingen (\"[{naam}]\" of \"{lid} [{naam}]\")",
                                  "plaatshouder_leeg")
                          for lid, naam in dict.fromkeys(uit.ontbreekt)],
                         f"De overeenkomst van '{profiel.sleutel}' is niet compleet")


def comparitie(profiel: Profiel, aanbieder: Aanbieder) -> dict[str, Any] | None:
    """The contract's Partijen for a document that repeats them (the tariff addendum): the same
    paragraphs, from the same library text and values, and the same signatory for the
    municipality. None when the region has no overeenkomst.yaml."""
    keuzes = profiel.overeenkomst
    bibliotheek = profiel.bibliotheek
    if keuzes is None or bibliotheek is None:
        return None
    waarden = contractwaarden(profiel, keuzes, aanbieder)
    uit = aanhef(profiel, keuzes, bibliotheek, waarden.waarden, "partijen")
    _compleet(profiel, uit)
    kop, *alineas = uit.blokken
    return {"titel": kop["titel"], "samenvatting": kop["samenvatting"],
            "alineas": [b["tekst"] for b in alineas], "voorbeeld": waarden.voorbeeld,
            "ondertekening": _ondertekening(keuzes, aanbieder)}


def context(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder,
            uitvoering: Uitvoering) -> dict[str, Any]:
    keuzes = profiel.overeenkomst
    bibliotheek = profiel.bibliotheek
    assert keuzes is not None and bibliotheek is not None
    opgebouwd, vb = opbouw(profiel, prijspeil, aanbieder)
    aanbesteding = profiel.regio.aanbesteding
    looptijd = aanbesteding.looptijd
    vb = vb or looptijd.voorbeeld or aanbieder.voorbeeld
    return {
        **basis(profiel, prijspeil, uitvoering.versie, vb),
        "aanbieder": aanbieder,
        "periode": voorbeeld(f"{looptijd.begin.year} – {looptijd.einde.year}",
                             looptijd.voorbeeld),
        "standaard": bibliotheek.index.versie,
        "samenvatting": bool(opgebouwd.samenvattingen),
        "verantwoording": " ".join(bibliotheek.index.verantwoording.split()),
        "blokken": opgebouwd.blokken,
        "inhoudsopgave": opgebouwd.inhoudsopgave(),
        "ondertekening": _ondertekening(keuzes, aanbieder),
        "bijlagen": [*keuzes.bijlagen, *keuzes.bijlagen_opdrachtnemer],
    }


def _ondertekening(keuzes: OvereenkomstKeuzes, aanbieder: Aanbieder) -> dict[str, Any]:
    og = keuzes.opdrachtgever
    vb = keuzes.is_voorbeeld("opdrachtgever.vertegenwoordiger")
    return {
        "opdrachtgever": og.naam,
        "plaats": og.plaats,
        "naam": voorbeeld(og.vertegenwoordiger.naam, vb),
        "functie": voorbeeld(og.vertegenwoordiger.functie, vb),
        "opdrachtnemer": aanbieder.naam,
        # The aanbieder's signatory is left blank unless the profile names one (never its
        # contact person).
        "vertegenwoordiger": aanbieder.vertegenwoordiger,
    }


def _deel2(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder) -> tuple[list[Blok], bool]:
    """The tables of Deel 2: this aanbieder's tariffs, or (taakgericht) the budget of the
    perceel per functie and its onderaannemers; and whether an amount is an example."""
    begin = profiel.regio.aanbesteding.looptijd.begin
    # A contract states the amounts of its first year: those of the start year's prijspeil when
    # the profile has it, else the run's, with the way they are indexed up to the start.
    start = profiel.prijspeilen.get(begin.year)
    if prijspeil < begin.year and start is not None \
            and all(start.van_product(s) for s in aanbieder.producten):
        prijspeil = begin.year
    peil = profiel.prijspeilen[prijspeil]
    rijen = prestaties(profiel, peil, aanbieder.producten)
    vb = any(r.voorbeeld for s in aanbieder.producten if (r := peil.van_product(s)))
    codes_vb = {p.sleutel for p in profiel.inhoud.producten if p.iwmo.voorbeeld} \
        | {f.sleutel for f in profiel.inhoud.functies if f.voorbeeld}  # iWmo codes not sourced
    vb_codes = bool(codes_vb & set(aanbieder.producten))
    blokken: list[Blok] = []
    if profiel.regio.bekostigingsvorm == "taakgericht":
        totaal = sum((r.bedrag for s in aanbieder.producten if (r := peil.van_product(s))),
                     Decimal(0))
        blokken.append({"soort": "budget", "rijen": rijen, "prijspeil": prijspeil,
                        "totaal": voorbeeld(bedrag(totaal), vb)})
        blokken += _indexatie(prijspeil, begin)
        if aanbieder.onderaannemers:
            namen = {e.sleutel: e.naam for e in profiel.eenheden}
            budget = {s: r.bedrag for s in aanbieder.producten if (r := peil.van_product(s))}
            blokken.append({"soort": "onderaannemers", "rijen": [
                {"naam": voorbeeld(o.naam, aanbieder.voorbeeld),
                 "kvk": voorbeeld(o.kvk, aanbieder.voorbeeld),
                 "functies": "; ".join(namen[p] for p in o.producten),
                 # Computed from the budget: an example whenever the budget or the split is.
                 "aandeel": voorbeeld(_deel(sum((budget.get(p, Decimal(0)) for p in o.producten),
                                                Decimal(0)), totaal), vb or aanbieder.voorbeeld)}
                for o in aanbieder.onderaannemers]})
    else:
        blokken.append({"soort": "tarieven", "rijen": rijen, "prijspeil": prijspeil})
        blokken += _indexatie(prijspeil, begin)
    vb = vb or vb_codes
    sr = _socialreturn(profiel, aanbieder)
    if sr is not None:
        blokken.append(sr)
        vb = vb or sr["voorbeeld"]
    afwezigheid = _afwezigheid(profiel, prijspeil, aanbieder)
    if afwezigheid is not None:
        blokken.append(afwezigheid)
        vb = vb or afwezigheid["voorbeeld"]
    return blokken, vb


def _indexatie(prijspeil: int, begin: dt.date) -> list[Blok]:
    """Amounts of an earlier prijspeil than the contract's first year say how they move on: by
    every yearly indexation of article 3.2 from the year after the prijspeil up to the start."""
    if prijspeil >= begin.year:
        return []
    return [{"soort": "indexatie", "prijspeil": prijspeil, "begin": datum(begin),
             "startjaar": begin.year, "eerste": prijspeil + 1,
             "jaren": begin.year - prijspeil}]


def _socialreturn(profiel: Profiel, aanbieder: Aanbieder) -> Blok | None:
    """Whether article 1.9.1 binds this aanbieder, and for how much (only where 1.9 is used)."""
    regel = profiel.regio.regels.socialreturn
    keuzes = profiel.overeenkomst
    if regel is None or keuzes is None or not keuzes.gebruikt("socialreturn"):
        return None
    uitkomst = socialreturn.bereken(regel, aanbieder, profiel.regio.aanbesteding.looptijd)
    vb = aanbieder.voorbeeld
    vb_bedrag = socialreturn.op_voorbeelden(regel, aanbieder)
    return {"soort": "socialreturn", "verplicht": uitkomst.verplicht,
            "jaaromzet": voorbeeld(bedrag(uitkomst.jaaromzet), vb),
            "drempel": voorbeeld(bedrag(uitkomst.drempel), regel.is_voorbeeld("drempel")),
            "percentage": procent(uitkomst.percentage),
            "aanneemsom": voorbeeld(bedrag(uitkomst.aanneemsom), vb)
            if uitkomst.aanneemsom is not None else "",
            "bedrag": voorbeeld(bedrag(uitkomst.bedrag), vb_bedrag)
            if uitkomst.bedrag is not None else "", "voorbeeld": vb,
            # "€ 15.432,10 vanaf 1 januari 2026, …": what each contract year owes (art. 1.9.1).
            "jaren": opsomming([f"{voorbeeld(bedrag(j.bedrag), vb_bedrag)} vanaf {datum(j.begin)}"
                                for j in uitkomst.jaren])}


def _deel(deel: Decimal, geheel: Decimal) -> str:
    """A share in percent, to one decimal (informative: the budget is one whole)."""
    return f"{getal((deel * 100 / geheel).quantize(Decimal('0.1')) if geheel else Decimal(0))} %"


def _afwezigheid(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder) -> Blok | None:
    """The amount for housing during a client's temporary absence, where the region has one
    and this aanbieder delivers a product it applies to."""
    regel = profiel.regio.regels.afwezigheid
    if regel is None or (regel.producten and not set(regel.producten) & set(aanbieder.producten)):
        return None
    bedragregel = profiel.prijspeilen[prijspeil].bedrag(regel.bedrag)
    if bedragregel is None:
        return None
    maanden_vb = regel.is_voorbeeld("maximum_maanden_per_kalenderjaar")
    return {"soort": "afwezigheid", "bedrag": voorbeeld(bedrag(bedragregel.bedrag),
                                                        bedragregel.voorbeeld),
            "eenheid": profiel.regio.benaming(bedragregel.eenheid).enkelvoud,
            "maanden": voorbeeld(str(regel.maximum_maanden_per_kalenderjaar), maanden_vb),
            "gronden": "; ".join(g[0].lower() + g[1:] for g in regel.gronden),
            "bron": regel.bron or "", "voorbeeld": bedragregel.voorbeeld or maanden_vb}


def structuur(profiel: Profiel) -> dict[str, int] | None:
    """Every article of the region's overeenkomst with its number of leden (None: the region
    has no overeenkomst yet)."""
    if profiel.overeenkomst is None or profiel.bibliotheek is None:
        return None
    return opbouw(profiel, profiel.laatste_prijspeil(), None)[0].leden


def dode_verwijzingen(profiel: Profiel) -> list[Melding]:
    """References in the overeenkomst's own text to an article or lid it does not have."""
    if profiel.overeenkomst is None or profiel.bibliotheek is None:
        return []
    gebouwd = opbouw(profiel, profiel.laatste_prijspeil(), None)[0]
    eigen = {a.nummer for a in profiel.overeenkomst.eigen_artikelen}
    meldingen = []
    artikel, lid = "", ""
    for blok in gebouwd.blokken:
        if blok["soort"] in ("artikel", "kop"):
            artikel, lid = blok.get("nummer") or blok["titel"].lower(), ""
        if blok["soort"] == "lid":
            lid = blok["nummer"]
        for v in bungelend(verwijzingen(blok.get("tekst", ""), in_overeenkomst=True),
                           gebouwd.leden):
            bestand = (f"{profiel.sleutel}/overeenkomst.yaml" if artikel in eigen
                       else f"artikelen/{artikel}.yaml")
            meldingen.append(Melding(bestand, None, f"artikel {lid or artikel}",
                                     f"verwijst naar {v.tekst}, dat deze overeenkomst niet heeft",
                                     "verwijzing_bestaat_niet"))
    return meldingen


class Overeenkomst(Soort):
    naam = "overeenkomst"
    volgorde = 20
    sjabloon = "overeenkomst.docx"
    per = "aanbieder"

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        """Only once the region has made its choices (overeenkomst.yaml)."""
        return profiel.overeenkomst is not None and profiel.bibliotheek is not None

    def pad(self, aanbieder: Aanbieder | None) -> str:
        assert aanbieder is not None
        return f"overeenkomsten/{aanbieder.id}"

    def titel(self, profiel: Profiel, aanbieder: Aanbieder | None) -> str:
        assert aanbieder is not None
        return f"Overeenkomst {profiel.regio.aanbesteding.perceel} — {aanbieder.naam}"

    def context(self, profiel: Profiel, prijspeil: int, aanbieder: Aanbieder | None,
                uitvoering: Uitvoering) -> dict[str, Any]:
        assert aanbieder is not None
        return context(profiel, prijspeil, aanbieder, uitvoering)

    def controleer(self, profiel: Profiel, prijspeil: int) -> list[Melding]:
        return dode_verwijzingen(profiel)

    def samenvattingen(self, profiel: Profiel) -> list[str]:
        return opbouw(profiel, profiel.laatste_prijspeil(), None)[0].samenvattingen

    def herkomst(self, profiel: Profiel, aanbieder: Aanbieder | None,
                 prijspeil: int) -> dict[str, list[str]]:
        assert profiel.bibliotheek is not None
        uit = {}
        for artikel in profiel.bibliotheek.in_volgorde():
            bron = ("artikelen/officieel.yaml" if artikel.bron == "officieel"
                    else f"artikelen/{artikel.nummer}.yaml")
            velden = [bron, f"{profiel.sleutel}/overeenkomst.yaml"]
            if artikel.nummer == "2.1":
                velden.append(f"{profiel.sleutel}/tarieven/{prijspeil}.yaml: bedragen")
            kop = artikel.titel if not artikel.genummerd else \
                f"Artikel {artikel.nummer} – {artikel.titel}"
            uit[kop] = velden
        return uit
