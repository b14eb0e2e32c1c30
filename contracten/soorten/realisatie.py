"""Document kinds of the social-return follow-up (`socialreturn --realisatie`): the state per
aanbieder as an overview (Word, Excel, csv), and a reminder letter to each aanbieder that is
behind. Pure: the reported figures travel in the run's `onderwerp`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from contracten.opmaak import bedrag, opsomming, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen.realisatie import Realisatie, realisatie
from contracten.rekenen.socialreturn import bereken, contractjaren, op_voorbeelden
from contracten.soorten.basis import ContractSoort, RegioSoort, Uitvoering, basis
from contracten.soorten.brief import als_brief
from contracten.soorten.socialreturn import met_perceel, verplichtingen
from contracten.weergave.fragment import Fragment
from contracten.weergave.fragment import Letterlijk as L
from contracten.weergave.spreadsheet import Kolom, als_csv, als_xlsx

WEKEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht")


@dataclass(frozen=True)
class Gemeld:
    """What a run is about: per contract (its key) and year the amount reported as realised,
    the years assessed, and how long a reminded aanbieder has to answer."""

    bedragen: dict[str, dict[int, Decimal]]
    jaren: tuple[int, ...]
    reactie_weken: int = 4


def jaren_van(profiel: Profiel) -> list[int]:
    """The calendar years the contract years begin in: the years a report can be about."""
    looptijd = profiel.regio.aanbesteding.looptijd
    return [b.year for b, _, _ in contractjaren(looptijd.begin, looptijd.einde)]


def _per_contractjaar(profiel: Profiel) -> bool:
    keuzes = profiel.overeenkomst
    return keuzes is None or keuzes.socialreturn is None \
        or keuzes.socialreturn.periode == "contractjaar"


def standen(profiel: Profiel, gemeld: Gemeld) -> list[tuple[Contract, Realisatie]]:
    """Every obliged contract with its state over the years assessed."""
    per_jaar = _per_contractjaar(profiel)
    return [(c, realisatie(v, gemeld.bedragen.get(c.sleutel, {}), gemeld.jaren, per_jaar))
            for c, v in verplichtingen(profiel) if v.verplicht]


def stand_van(profiel: Profiel, contract: Contract, gemeld: Gemeld) -> Realisatie:
    """One contract's state, obliged or not (a letter's template is checked with any), without
    computing every other contract's obligation for each letter."""
    regel = profiel.regio.regels.socialreturn
    assert regel is not None, "alleen voor een regio met social return"
    verplichting = bereken(regel, contract, profiel.regio.aanbesteding.looptijd)
    return realisatie(verplichting, gemeld.bedragen.get(contract.sleutel, {}), gemeld.jaren,
                      _per_contractjaar(profiel))


def _gemeld(uitvoering: Uitvoering) -> Gemeld:
    assert isinstance(uitvoering.onderwerp, Gemeld)
    return uitvoering.onderwerp


def _sanctie(profiel: Profiel) -> str:
    keuzes = profiel.overeenkomst
    if keuzes is None or keuzes.socialreturn is None:
        return ""
    return voorbeeld(keuzes.socialreturn.sanctie, keuzes.is_voorbeeld("socialreturn"))


def _jaren(jaren: Sequence[int]) -> str:
    """'2026 en 2027'."""
    return opsomming([str(j) for j in jaren])


def _vb(profiel: Profiel, aanbieder: Aanbieder) -> bool:
    regel = profiel.regio.regels.socialreturn
    return regel is not None and op_voorbeelden(regel, aanbieder)


def _proef(profiel: Profiel, versie: str, dag: dt.date) -> Uitvoering:
    """For `valideer`: every obliged aanbieder reported half of its first year's obligation."""
    jaar = jaren_van(profiel)[0]
    bedragen = {c.sleutel: {jaar: (v.jaren[0].bedrag / 2).quantize(Decimal("0.01"))}
                for c, v in verplichtingen(profiel) if v.verplicht and v.jaren}
    return Uitvoering(versie, dag, Gemeld(bedragen, (jaar,)))


class SocialReturnRealisatie(RegioSoort):
    naam = "socialreturn-realisatie"
    opdracht = "socialreturn-realisatie"
    volgorde = 45
    sjabloon = "socialreturn-realisatie.docx"
    alle_aanbieders = True

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return profiel.regio.regels.socialreturn is not None

    def titel(self, profiel: Profiel) -> str:
        return f"Realisatie social return {profiel.regio.naam}"

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        return [(None, _proef(profiel, versie, dag))]

    def context(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
                ) -> dict[str, Any]:
        gemeld = _gemeld(uitvoering)
        rijen = standen(profiel, gemeld)
        tabel = Fragment()
        tabel.tabel([[L(c.naam), L(voorbeeld(bedrag(r.verplicht), _vb(profiel, c.aanbieder))),
                      L(bedrag(r.gerealiseerd)),
                      L(voorbeeld(bedrag(r.tekort), _vb(profiel, c.aanbieder)) if r.achter
                        else "—"),
                      L("achter" + (f" (niet verantwoord: {_jaren(r.niet_gemeld)})"
                                    if r.niet_gemeld else "") if r.achter else "op schema")]
                     for c, r in rijen],
                    kop=["Aanbieder", "Verplichting", "Gerealiseerd", "Tekort", "Stand"],
                    breedtes=[4, 2, 2, 2, 2])
        heeft_voorbeeld = any(_vb(profiel, c.aanbieder) for c, _ in rijen)
        return {**basis(profiel, prijspeil, uitvoering.versie, heeft_voorbeeld),
                "jaren": _jaren(gemeld.jaren), "tabel": tabel,
                # Aanbieders, not contracts: one with two percelen counts once.
                "aantal_achter": len({c.aanbieder.id for c, r in rijen if r.achter}),
                "aantal": len({c.aanbieder.id for c, _ in rijen}),
                "sanctie": _sanctie(profiel)}

    def extra(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
              ) -> list[tuple[str, bytes]]:
        rijen = [{"id": c.aanbieder.id, "perceel": str(c.perceel.nummer),
                  "naam": c.aanbieder.naam, "verplicht": r.verplicht,
                  "gerealiseerd": r.gerealiseerd, "tekort": r.tekort, "achter": r.achter,
                  "niet_verantwoord": ", ".join(str(j) for j in r.niet_gemeld),
                  "voorbeeld": _vb(profiel, c.aanbieder)}
                 for c, r in standen(profiel, _gemeld(uitvoering))]
        titel = f"Realisatie social return {profiel.regio.naam}"
        kolommen = met_perceel(profiel, KOLOMMEN)
        return [("xlsx", als_xlsx(titel, kolommen, rijen, totaal_van=["verplicht", "gerealiseerd",
                                                                       "tekort"],
                                  tijdstip=uitvoering.datum)),
                ("csv", als_csv(kolommen, rijen))]


KOLOMMEN = [Kolom("id", "Aanbieder-id", "tekst"), Kolom("naam", "Aanbieder", "tekst"),
            Kolom("verplicht", "Verplichting", "bedrag"),
            Kolom("gerealiseerd", "Gerealiseerd", "bedrag"), Kolom("tekort", "Tekort", "bedrag"),
            Kolom("achter", "Achter", "ja/nee"),
            Kolom("niet_verantwoord", "Niet verantwoord", "tekst"),
            Kolom("voorbeeld", "Voorbeeldgegevens", "ja/nee")]


class SocialReturnHerinnering(ContractSoort):
    naam = "socialreturn-herinnering"
    opdracht = "socialreturn-realisatie"
    bundel = "herinneringen/alle-herinneringen.pdf"
    volgorde = 55
    sjabloon = "socialreturn-herinnering.docx"
    map = "herinneringen"
    met_datum = True

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return profiel.regio.regels.socialreturn is not None

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        return f"Herinnering social return — {contract.naam}"

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        """The first obliged contract, or any when none is (the template is checked all the
        same)."""
        uitvoering = _proef(profiel, versie, dag)
        verplicht = [c for c, _ in standen(profiel, _gemeld(uitvoering))]
        return [(verplicht[0] if verplicht else profiel.contracten[0], uitvoering)]

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        aanbieder = contract.aanbieder
        gemeld = _gemeld(uitvoering)
        stand = stand_van(profiel, contract, gemeld)
        vb = _vb(profiel, aanbieder)
        tabel = Fragment()
        tabel.tabel([*([L(str(j.jaar)), L(voorbeeld(bedrag(j.verplicht), vb)),
                        L(bedrag(j.gerealiseerd) if j.gerealiseerd is not None
                          else "niet verantwoord"),
                        L(voorbeeld(bedrag(j.tekort), vb) if j.tekort else "—")]
                       for j in stand.jaren),
                     [L("Totaal"), L(voorbeeld(bedrag(stand.verplicht), vb)),
                      L(bedrag(stand.gerealiseerd)), L(voorbeeld(bedrag(stand.tekort), vb))]],
                    kop=["Contractjaar", "Verplichting", "Gerealiseerd", "Tekort"],
                    breedtes=[2, 2, 2, 2])
        regel = profiel.regio.regels.socialreturn
        return als_brief({
            **basis(profiel, prijspeil, uitvoering.versie, vb, contract),
            "jaren": _jaren(gemeld.jaren), "tabel": tabel,
            "tekort": voorbeeld(bedrag(stand.tekort), vb),
            "niet_verantwoord": _jaren(stand.niet_gemeld),
            "reactietermijn": f"{WEKEN[gemeld.reactie_weken]} weken"
            if gemeld.reactie_weken < len(WEKEN) else f"{gemeld.reactie_weken} weken",
            "sanctie": _sanctie(profiel), "bron": regel.bron if regel else None,
        }, profiel, contract, soort="SRH", briefdatum=uitvoering.datum, bijlagen=[])
