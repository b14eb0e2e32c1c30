"""Document context of the indexatiebrief: per aanbieder, its amounts before and after indexation.
Pure: no files, no Word objects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from contracten.opmaak import bedrag, datum, getal, procent, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.tarieven import BedragRegel
from contracten.rekenen.indexatie import vorig_bedrag
from contracten.soorten.basis import basis
from contracten.weergave.fragment import Fragment
from contracten.weergave.fragment import Letterlijk as L


def beschikbaar(profiel: Profiel, prijspeil: int) -> bool:
    """A letter exists only for a prijspeil that was made by indexation."""
    return profiel.prijspeilen[prijspeil].indexatie is not None


def regels(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder
           ) -> list[tuple[str, str, BedragRegel, BedragRegel]]:
    """(name, unit, old, new) for every amount in this aanbieder's contract."""
    peil = profiel.prijspeilen[prijspeil]
    namen = {e.sleutel: e.naam for e in profiel.eenheden}
    sleutels = [b.sleutel for b in peil.bedragen if b.product in aanbieder.producten]
    afwezigheid = profiel.regio.regels.afwezigheid
    if afwezigheid and (not afwezigheid.producten
                        or set(afwezigheid.producten) & set(aanbieder.producten)):
        sleutels.append(afwezigheid.bedrag)
    uit = []
    for sleutel in sleutels:
        nieuw, oud = peil.bedrag(sleutel), vorig_bedrag(profiel, prijspeil, sleutel)
        if nieuw is None or oud is None:
            continue
        naam = namen.get(nieuw.product or "", nieuw.omschrijving)
        uit.append((naam, nieuw.eenheid, oud[1], nieuw))
    return uit


def context(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder, versie: str) -> dict[str, Any]:
    peil = profiel.prijspeilen[prijspeil]
    record = peil.indexatie
    assert record is not None
    aanbesteding = profiel.regio.aanbesteding
    rijen = regels(profiel, prijspeil, aanbieder)
    tabel = Fragment()
    soort = ("Functie (budget voor de regio)" if profiel.regio.bekostigingsvorm == "taakgericht"
             else "Product")
    tabel.tabel(
        [[L(naam), L(f"per {eenheid}"), L(voorbeeld(bedrag(oud.bedrag), oud.voorbeeld)),
          L(voorbeeld(bedrag(nieuw.bedrag), nieuw.voorbeeld))]
         for naam, eenheid, oud, nieuw in rijen],
        kop=[soort, "Eenheid", f"Prijspeil {record.van}", f"Prijspeil {prijspeil}"],
        breedtes=[4, 2, 2, 2])
    if record.methode == "vng":
        assert record.gewicht_loon is not None and record.ova is not None
        assert record.ppc is not None and record.nacalculatie is not None
        uitleg = (f"Het indexcijfer is {procent(record.index)}, berekend volgens de methode van de "
                  f"VNG: {getal(record.gewicht_loon)} × OVA ({procent(record.ova)}) + "
                  f"{getal(Decimal(1) - record.gewicht_loon)} × PPC ({procent(record.ppc)}) + "
                  f"nacalculatie ({procent(record.nacalculatie)}).")
    else:
        uitleg = f"Het indexcijfer is {procent(record.index)}."
    heeft_voorbeeld = aanbieder.voorbeeld or any(n.voorbeeld or o.voorbeeld
                                                 for _, _, o, n in rijen)
    kenmerk = f"{aanbesteding.kenmerk} / " if aanbesteding.kenmerk else ""
    return {
        **basis(profiel, prijspeil, versie, heeft_voorbeeld),
        "aanbieder": aanbieder,
        "briefdatum": datum(record.datum),
        "kenmerk": f"{kenmerk}indexatie {prijspeil} / {aanbieder.id}",
        "ingangsdatum": datum(peil.ingangsdatum),
        "vorig_prijspeil": record.van,
        "index_uitleg": uitleg,
        "bedragen": tabel,
    }
