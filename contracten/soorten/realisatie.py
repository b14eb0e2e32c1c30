"""The social-return follow-up (`socialreturn --realisatie`): the state per aanbieder as an
overview (Word, Excel, csv), and what the reminder letter (`herinnering`) shares with it. Pure:
the reported figures travel in the run's `onderwerp`."""

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
from contracten.rekenen.realisatie import Realisatie, realisatie, verantwoording_uiterlijk
from contracten.rekenen.socialreturn import contractjaren, op_voorbeelden
from contracten.soorten.basis import RegioSoort, Uitvoering, basis
from contracten.soorten.socialreturn import met_perceel, verplichtingen
from contracten.weergave.fragment import Fragment
from contracten.weergave.fragment import Letterlijk as L
from contracten.weergave.spreadsheet import Kolom, als_xlsx, csv_bestanden


@dataclass(frozen=True)
class Gemeld:
    """What a run is about: per contract (its key) and year the amount reported as realised,
    the years assessed, how long a reminded aanbieder has to answer (weeks) and to make up its
    shortfall (months, art. 1.9.5)."""

    bedragen: dict[str, dict[int, Decimal]]
    jaren: tuple[int, ...]
    reactie_weken: int = 4
    inhaal_maanden: int = 3


def uiterlijk_van(profiel: Profiel) -> dict[int, dt.date]:
    """Per contract year the day its report is due (art. 1.9.4, `rapportage_vanaf` in
    overeenkomst.yaml; without it, the year's last day)."""
    looptijd = profiel.regio.aanbesteding.looptijd
    keuzes = profiel.overeenkomst
    vanaf = keuzes.socialreturn.rapportage_vanaf if keuzes and keuzes.socialreturn else None
    return verantwoording_uiterlijk(looptijd.begin, looptijd.einde, vanaf)


def nog_niet_verschuldigd(profiel: Profiel, jaren: Sequence[int], dag: dt.date
                          ) -> dict[int, dt.date]:
    """The years among `jaren` whose report is not yet overdue on `dag` (due that day or
    later), with their due dates: a letter of that day can only announce them."""
    uiterlijk = uiterlijk_van(profiel)
    return {j: uiterlijk[j] for j in jaren if j in uiterlijk and uiterlijk[j] >= dag}


def jaren_van(profiel: Profiel) -> list[int]:
    """The calendar years the contract years begin in: the years a report can be about."""
    looptijd = profiel.regio.aanbesteding.looptijd
    return [b.year for b, _, _ in contractjaren(looptijd.begin, looptijd.einde)]


def per_contractjaar(profiel: Profiel) -> bool:
    """Whether each contract year stands alone (art. 1.9.1; also without an overeenkomst)."""
    keuzes = profiel.overeenkomst
    return keuzes is None or keuzes.socialreturn is None \
        or keuzes.socialreturn.periode == "contractjaar"


def standen(profiel: Profiel, gemeld: Gemeld) -> list[tuple[Contract, Realisatie]]:
    """Every obliged contract with its state over the years assessed."""
    per_jaar = per_contractjaar(profiel)
    return [(c, realisatie(v, gemeld.bedragen.get(c.sleutel, {}), gemeld.jaren, per_jaar))
            for c, v in verplichtingen(profiel) if v.verplicht]


def gemeld_van(uitvoering: Uitvoering) -> Gemeld:
    assert isinstance(uitvoering.onderwerp, Gemeld)
    return uitvoering.onderwerp


def sanctie_van(profiel: Profiel) -> str:
    keuzes = profiel.overeenkomst
    if keuzes is None or keuzes.socialreturn is None:
        return ""
    return voorbeeld(keuzes.socialreturn.sanctie, keuzes.is_voorbeeld("socialreturn"))


def jaren_in_woorden(jaren: Sequence[int]) -> str:
    """'2026 en 2027'."""
    return opsomming([str(j) for j in jaren])


def _niet_gemeld(stand: Realisatie, verwacht: dict[int, dt.date]) -> str:
    """' (niet verantwoord: 2026; nog niet verantwoord: 2027)': the years without a report, those
    whose report is not yet due apart."""
    te_laat = [j for j in stand.niet_gemeld if j not in verwacht]
    nog = [j for j in stand.niet_gemeld if j in verwacht]
    delen = ([f"niet verantwoord: {jaren_in_woorden(te_laat)}"] if te_laat else []) + \
        ([f"nog niet verantwoord: {jaren_in_woorden(nog)}"] if nog else [])
    return f" ({'; '.join(delen)})" if delen else ""


def op_voorbeelden_van(profiel: Profiel, aanbieder: Aanbieder) -> bool:
    """Whether this aanbieder's obligation rests on example values."""
    regel = profiel.regio.regels.socialreturn
    return regel is not None and op_voorbeelden(regel, aanbieder)


def proef(profiel: Profiel, versie: str, dag: dt.date) -> Uitvoering:
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
        return [(None, proef(profiel, versie, dag))]

    def context(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
                ) -> dict[str, Any]:
        gemeld = gemeld_van(uitvoering)
        rijen = standen(profiel, gemeld)
        verwacht = nog_niet_verschuldigd(profiel, gemeld.jaren, uitvoering.datum)
        vb = {c.sleutel: op_voorbeelden_van(profiel, c.aanbieder) for c, _ in rijen}
        tabel = Fragment()
        tabel.tabel([[L(c.naam), L(voorbeeld(bedrag(r.verplicht), vb[c.sleutel])),
                      L(bedrag(r.gerealiseerd)),
                      L(voorbeeld(bedrag(r.tekort), vb[c.sleutel]) if r.achter else "—"),
                      L("achter" + _niet_gemeld(r, verwacht) if r.achter else "op schema")]
                     for c, r in rijen],
                    kop=["Aanbieder", "Verplichting", "Gerealiseerd", "Tekort", "Stand"],
                    breedtes=[4, 2, 2, 2, 2])
        heeft_voorbeeld = any(vb.values())
        return {**basis(profiel, prijspeil, uitvoering.versie, heeft_voorbeeld),
                "jaren": jaren_in_woorden(gemeld.jaren), "tabel": tabel,
                # Aanbieders, not contracts: one with two percelen counts once.
                "aantal_achter": len({c.aanbieder.id for c, r in rijen if r.achter}),
                "aantal": len({c.aanbieder.id for c, _ in rijen}),
                "vooraankondiging": bool(verwacht), "sanctie": sanctie_van(profiel)}

    def extra(self, profiel: Profiel, prijspeil: int, uitvoering: Uitvoering
              ) -> list[tuple[str, bytes]]:
        rijen = [{"id": c.aanbieder.id, "perceel": str(c.perceel.nummer),
                  "naam": c.aanbieder.naam, "verplicht": r.verplicht,
                  "gerealiseerd": r.gerealiseerd, "tekort": r.tekort, "achter": r.achter,
                  "niet_verantwoord": ", ".join(str(j) for j in r.niet_gemeld),
                  "voorbeeld": op_voorbeelden_van(profiel, c.aanbieder)}
                 for c, r in standen(profiel, gemeld_van(uitvoering))]
        titel = f"Realisatie social return {profiel.regio.naam}"
        kolommen = met_perceel(profiel, KOLOMMEN)
        return [("xlsx", als_xlsx(titel, kolommen, rijen, totaal_van=["verplicht", "gerealiseerd",
                                                                       "tekort"],
                                  tijdstip=uitvoering.datum)),
                *csv_bestanden(kolommen, rijen)]


KOLOMMEN = [Kolom("id", "Aanbieder-id", "tekst"), Kolom("naam", "Aanbieder", "tekst"),
            Kolom("verplicht", "Verplichting", "bedrag"),
            Kolom("gerealiseerd", "Gerealiseerd", "bedrag"), Kolom("tekort", "Tekort", "bedrag"),
            Kolom("achter", "Achter", "ja/nee"),
            Kolom("niet_verantwoord", "Niet verantwoord", "tekst"),
            Kolom("voorbeeld", "Voorbeeldgegevens", "ja/nee")]
