"""The overeenkomst of one contract (a perceel with one opdrachtnemer) under the
Contractstandaard Wmo: title page, Partijen, Overwegingen, Definities, Deel 1, Deel 2 (the
contract's tariffs or budget), Deel 3 in its chapters, signatures and annexes. Its text comes
from the article library; the template words the rest. Pure: no files, no Word objects."""

from __future__ import annotations

from typing import Any

from contracten.artikelen.officieel import bestandsnaam
from contracten.fouten import InvoerFout, Melding
from contracten.opmaak import voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.percelen import Contract
from contracten.rekenen.verwijzingen import bungelend, verwijzingen
from contracten.soorten.basis import ContractSoort, Uitvoering, basis
from contracten.soorten.contractopbouw import Opbouw, aanhef, bouw
from contracten.soorten.contractwaarden import contractwaarden
from contracten.soorten.deel2 import deel2


def opbouw(profiel: Profiel, prijspeil: int, contract: Contract | None) -> tuple[Opbouw, bool]:
    """The structure of `contract` (None: the parts common to all), and whether it shows an
    example value. Raises InvoerFout naming every blank without a value."""
    keuzes = profiel.overeenkomst
    bibliotheek = profiel.bibliotheek
    assert keuzes is not None and bibliotheek is not None, "alleen met overeenkomst.yaml"
    waarden = contractwaarden(profiel, keuzes, contract)
    tabellen, vb = deel2(profiel, prijspeil, contract) if contract else ([], False)
    perceel = contract.perceel if contract is not None else profiel.percelen[0]
    uit = bouw(perceel, keuzes, bibliotheek, waarden.waarden, tabellen)
    if contract is not None:
        _compleet(profiel, uit)
    return uit, waarden.voorbeeld or vb


def _compleet(profiel: Profiel, uit: Opbouw) -> None:
    """Raise InvoerFout naming every blank without a value."""
    if uit.ontbreekt:
        raise InvoerFout([Melding(f"{profiel.sleutel}/overeenkomst.yaml", None, "invullingen",
                                  f"[{naam}] in artikel {lid} heeft geen waarde; geef die onder "
                                  f"invullingen (\"[{naam}]\", \"{lid} [{naam}]\" of, voor de "
                                  f"tweede plek in dat lid, \"{lid} [{naam}]#2\")",
                                  "plaatshouder_leeg")
                          for lid, naam in dict.fromkeys(uit.ontbreekt)],
                         f"De overeenkomst van '{profiel.sleutel}' is niet compleet")


def comparitie(profiel: Profiel, contract: Contract) -> dict[str, Any] | None:
    """The contract's Partijen for a document that repeats them (the tariff addendum): the same
    paragraphs, from the same library text and values, and the same signatory for the
    municipality. None when the region has no overeenkomst.yaml."""
    keuzes = profiel.overeenkomst
    bibliotheek = profiel.bibliotheek
    if keuzes is None or bibliotheek is None:
        return None
    waarden = contractwaarden(profiel, keuzes, contract)
    uit = aanhef(contract.perceel, keuzes, bibliotheek, waarden.waarden, "partijen")
    _compleet(profiel, uit)
    kop, *alineas = uit.blokken
    return {"titel": kop["titel"], "samenvatting": kop["samenvatting"],
            "alineas": [b["tekst"] for b in alineas], "voorbeeld": waarden.voorbeeld,
            "ondertekening": _ondertekening(keuzes, contract.aanbieder)}


def context(profiel: Profiel, prijspeil: int, contract: Contract,
            uitvoering: Uitvoering) -> dict[str, Any]:
    keuzes = profiel.overeenkomst
    bibliotheek = profiel.bibliotheek
    assert keuzes is not None and bibliotheek is not None
    aanbieder = contract.aanbieder
    opgebouwd, vb = opbouw(profiel, prijspeil, contract)
    aanbesteding = profiel.regio.aanbesteding
    looptijd = aanbesteding.looptijd
    vb = vb or looptijd.voorbeeld or aanbieder.voorbeeld
    return {
        **basis(profiel, prijspeil, uitvoering.versie, vb, contract),
        "periode": voorbeeld(f"{looptijd.begin.year} – {looptijd.einde.year}",
                             looptijd.voorbeeld),
        "standaard": bibliotheek.standaard,
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
            bestand = _bron_van(profiel, artikel, eigen)
            meldingen.append(Melding(bestand, None, f"artikel {lid or artikel}",
                                     f"verwijst naar {v.tekst}, dat deze overeenkomst niet heeft",
                                     "verwijzing_bestaat_niet"))
    return meldingen


def _bron_van(profiel: Profiel, artikel: str, eigen: set[str]) -> str:
    """The file an article's text comes from: the region's own, the imported official text of
    its version, or the library's summary."""
    if artikel in eigen:
        return f"{profiel.sleutel}/overeenkomst.yaml"
    tekst = profiel.bibliotheek.artikelen.get(artikel) if profiel.bibliotheek else None
    if tekst is not None and tekst.bron == "officieel":
        return f"artikelen/{bestandsnaam(tekst.versie)}"
    return f"artikelen/{artikel}.yaml"


class Overeenkomst(ContractSoort):
    naam = "overeenkomst"
    volgorde = 20
    sjabloon = "overeenkomst.docx"
    map = "overeenkomsten"
    herkomst_per_run = True  # `herkomst` reads the library and the prijspeil, not the contract

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        """Only once the region has made its choices (overeenkomst.yaml)."""
        return profiel.overeenkomst is not None and profiel.bibliotheek is not None

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        return f"Overeenkomst {contract.perceel.naam} — {contract.aanbieder.naam}"

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        return context(profiel, prijspeil, contract, uitvoering)

    def controleer(self, profiel: Profiel, prijspeil: int) -> list[Melding]:
        return dode_verwijzingen(profiel)

    def samenvattingen(self, profiel: Profiel) -> list[str]:
        return opbouw(profiel, profiel.laatste_prijspeil(), None)[0].samenvattingen

    def herkomst(self, profiel: Profiel, contract: Contract,
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
