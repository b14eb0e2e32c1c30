"""Document contexts of social return: the overview (Word, Excel, CSV) and a letter per aanbieder.
Pure: no files, no Word objects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from contracten.opmaak import bedrag, datum, procent, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.regels import SocialReturn
from contracten.rekenen import socialreturn
from contracten.soorten.basis import basis
from contracten.weergave.fragment import Fragment
from contracten.weergave.fragment import Letterlijk as L
from contracten.weergave.spreadsheet import Kolom, als_csv, als_xlsx


def beschikbaar(profiel: Profiel, prijspeil: int) -> bool:
    return profiel.regio.regels.socialreturn is not None


def _regel(profiel: Profiel) -> SocialReturn:
    regel = profiel.regio.regels.socialreturn
    assert regel is not None, "alleen voor een regio met social return"
    return regel


def verplichtingen(profiel: Profiel) -> list[tuple[Aanbieder, socialreturn.Verplichting]]:
    regel = _regel(profiel)
    return [(a, socialreturn.bereken(regel, a)) for a in profiel.aanbieders]


def totaal(rijen: list[tuple[Aanbieder, socialreturn.Verplichting]]) -> Decimal:
    return sum((v.bedrag for _, v in rijen if v.bedrag is not None), Decimal(0))


def _kop(profiel: Profiel, prijspeil: int, versie: str, heeft_voorbeeld: bool
         ) -> dict[str, Any]:
    regel = _regel(profiel)
    return {
        **basis(profiel, prijspeil, versie, heeft_voorbeeld),
        "percentage": voorbeeld(procent(regel.percentage), regel.is_voorbeeld("percentage")),
        "drempel": voorbeeld(bedrag(regel.drempel), regel.is_voorbeeld("drempel")),
        "bron": regel.bron or "het programma van eisen",
    }


def overzicht_context(profiel: Profiel, prijspeil: int, versie: str) -> dict[str, Any]:
    rijen = verplichtingen(profiel)
    tabel = Fragment()
    tabel.tabel(
        [[L(a.naam), L(voorbeeld(bedrag(v.jaaromzet), a.voorbeeld)),
          L(voorbeeld(bedrag(v.aanneemsom), a.voorbeeld) if v.aanneemsom is not None else "—"),
          L("ja" if v.verplicht else "nee (waar mogelijk)"),
          L(voorbeeld(bedrag(v.bedrag), a.voorbeeld) if v.bedrag is not None else "—")]
         for a, v in rijen]
        + [[L("Totaal"), L(""), L(""), L(f"{sum(v.verplicht for _, v in rijen)} verplicht"),
            L(bedrag(totaal(rijen)))]],
        kop=["Aanbieder", "Jaaromzet in de regio", "Aanneemsom excl. btw", "Verplicht",
             "Social return"],
        breedtes=[4, 2, 2, 2, 2])
    heeft_voorbeeld = any(a.voorbeeld for a, _ in rijen) or bool(_regel(profiel).voorbeeld)
    return {**_kop(profiel, prijspeil, versie, heeft_voorbeeld), "overzicht": tabel}


KOLOMMEN = [
    Kolom("id", "Aanbieder-id", "tekst"),
    Kolom("naam", "Aanbieder", "tekst"),
    Kolom("jaaromzet", "Jaaromzet in de regio", "bedrag"),
    Kolom("aanneemsom", "Aanneemsom excl. btw", "bedrag"),
    Kolom("verplicht", "Verplicht", "ja/nee"),
    Kolom("bedrag", "Social return", "bedrag"),
    Kolom("voorbeeld", "Voorbeeldgegevens", "ja/nee"),
]


def overzicht_rijen(profiel: Profiel) -> list[dict[str, Any]]:
    return [{"id": a.id, "naam": a.naam, "jaaromzet": v.jaaromzet, "aanneemsom": v.aanneemsom,
             "verplicht": v.verplicht, "bedrag": v.bedrag, "voorbeeld": a.voorbeeld}
            for a, v in verplichtingen(profiel)]


def overzicht_bestanden(profiel: Profiel, prijspeil: int) -> list[tuple[str, bytes]]:
    """The same overview as .xlsx (with totals and filters) and as .csv."""
    rijen = overzicht_rijen(profiel)
    titel = f"Social return {profiel.regio.naam}"
    tijdstip = profiel.prijspeilen[prijspeil].ingangsdatum
    return [("xlsx", als_xlsx(titel, KOLOMMEN, rijen, totaal_van=["bedrag"], tijdstip=tijdstip)),
            ("csv", als_csv(KOLOMMEN, rijen))]


def brief_context(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder,
                  uitvoering: Any) -> dict[str, Any]:
    regel = _regel(profiel)
    uitkomst = socialreturn.bereken(regel, aanbieder)
    vervolg = Fragment()
    vervolg.tekst(regel.brief_verplicht if uitkomst.verplicht else regel.brief_waar_mogelijk)
    return {
        **_kop(profiel, prijspeil, uitvoering.versie,
               aanbieder.voorbeeld or bool(regel.voorbeeld)),
        "aanbieder": aanbieder,
        "briefdatum": datum(uitvoering.datum),
        "verplicht": uitkomst.verplicht,
        "bedrag": (voorbeeld(bedrag(uitkomst.bedrag), aanbieder.voorbeeld)
                   if uitkomst.bedrag is not None else ""),
        "reden": socialreturn.toelichting(uitkomst, regel, aanbieder.voorbeeld),
        "kenmerk": f"social return {prijspeil} / {aanbieder.id}",
        "vervolg": vervolg,
    }
