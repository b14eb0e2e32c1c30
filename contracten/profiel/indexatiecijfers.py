"""Read the indexation figures per year for `indexeer --cijfers`: a CSV (comma or semicolon) or
the first sheet of an .xlsx with the columns `jaar` and either `ova`, `ppc` (and optionally
`nacalculatie`: the VNG method) or `percentage`, one row per year. Every year from the one after
the latest prijspeil up to the new one must be there, once (other years may be there too, and
are not used); every problem with its row and column, nothing read half."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from contracten.fouten import InvoerFout, Melding, os_reden
from contracten.lezen.tabelbestand import (
    Invoerbestand,
    lees_getal,
    lees_tabel,
    rijen_zonder_personen,
)
from contracten.lezen.tabelpoort import controleer_naam
from contracten.opmaak import opsomming

TITEL = "Bestand met indexatiecijfers is ongeldig"
KOLOMMEN = ("jaar", "ova", "ppc", "nacalculatie", "percentage")
MAXIMUM_RIJEN = 200
MAXIMUM_BYTES = 5_000_000  # a few rows of figures; anything bigger is another file
GRENS = Decimal(100)  # a figure in percentage points, as the prijspeil stores it
REGEL = ("elk jaar wordt geïndexeerd met de cijfers van dat jaar, uit de afgeronde bedragen van "
         "het jaar ervoor")


@dataclass(frozen=True)
class Cijfers:
    """One year's figures: OVA and PPC (VNG method, with nacalculatie) or one percentage; and
    where they came from, for messages."""

    ova: Decimal | None = None
    ppc: Decimal | None = None
    nacalculatie: Decimal | None = None
    percentage: Decimal | None = None
    bron: str = "opdrachtregel"  # the file, or the command line
    regel: int | None = None  # the row of the file


def bestand(pad: Path) -> Invoerbestand:
    """The file at `pad`, read once."""
    controleer_naam(pad.name, TITEL, excel=True)  # before any message names the file
    try:
        if pad.stat().st_size > MAXIMUM_BYTES:
            raise InvoerFout([Melding(pad.name, None, "", "groter dan 5 MB; is dit het bestand "
                                      "met indexatiecijfers?", "te_groot")], TITEL)
        return Invoerbestand(pad.name, pad.read_bytes())
    except OSError as exc:
        raise InvoerFout([Melding(pad.name, None, "", f"bestand kan niet worden gelezen: "
                                  f"{os_reden(exc)}", "onleesbaar")], TITEL) from None


def lees_cijfers(invoer: Invoerbestand, jaren: range) -> dict[int, Cijfers]:
    """The figures per year of `invoer`; `jaren`: the years to index, each exactly once."""
    naam = invoer.naam
    ruwe_kop, rijen = lees_tabel(invoer, TITEL)
    kop = [k.strip().lower() for k in ruwe_kop]
    meldingen = [Melding(naam, 1, k, f"onbekende kolom (wel: {', '.join(KOLOMMEN)})",
                         "kolom_onbekend") for k in kop if k and k not in KOLOMMEN]
    if "jaar" not in kop or not ({"ova", "ppc"} <= set(kop) or "percentage" in kop):
        meldingen.append(Melding(naam, 1, "", "verwacht de kolommen jaar,ova,ppc (met "
                                 "nacalculatie als die er is) of jaar,percentage",
                                 "kolom_ontbreekt"))
    if meldingen:
        raise InvoerFout(meldingen, TITEL)
    uit: dict[int, Cijfers] = {}
    genoemd: set[int] = set()  # also the years of a row with a mistake: not "missing"
    for nummer, waarden in rijen_zonder_personen(naam, kop, rijen, meldingen,
                                                 maximum=MAXIMUM_RIJEN, inhoud="indexcijfers"):
        jaar_tekst = waarden.get("jaar", "")
        if not (len(jaar_tekst) == 4 and jaar_tekst.isdigit()):
            meldingen.append(Melding(naam, nummer, "jaar", f"'{jaar_tekst}' is geen jaartal",
                                     "jaar_ongeldig"))
            continue
        jaar = int(jaar_tekst)
        if jaar not in jaren:
            continue  # a year before or after this run: the file may hold every year's figures
        if jaar in genoemd:
            meldingen.append(Melding(naam, nummer, "jaar", f"{jaar} staat er al; één rij per "
                                     "jaar", "dubbel"))
            continue
        genoemd.add(jaar)
        getallen: dict[str, Decimal] = {}
        for kolom in KOLOMMEN[1:]:
            tekst = waarden.get(kolom, "").removesuffix("%").strip()
            if not tekst:
                continue
            try:
                getal = lees_getal(tekst)
                if not getal.is_finite() or abs(getal) > GRENS:
                    raise ValueError(tekst)
            except (ValueError, ArithmeticError):
                meldingen.append(Melding(naam, nummer, kolom, f"'{waarden[kolom]}' is geen "
                                         "percentage tussen -100 en 100, zoals 4,18",
                                         "percentage_ongeldig"))
                continue
            getallen[kolom] = getal
        if len(getallen) < len([k for k in KOLOMMEN[1:] if waarden.get(k, "")]):
            continue
        vng = "ova" in getallen or "ppc" in getallen or "nacalculatie" in getallen
        if vng == ("percentage" in getallen) or (vng and not {"ova", "ppc"} <= set(getallen)):
            meldingen.append(Melding(naam, nummer, "", f"geef voor {jaar} ova en ppc (met "
                                     "nacalculatie als die er is), of één percentage",
                                     "index_ontbreekt"))
            continue
        uit[jaar] = Cijfers(**getallen, bron=naam, regel=nummer)
    ontbreekt = [j for j in jaren if j not in genoemd]
    if ontbreekt and not any(m.code == "jaar_ongeldig" for m in meldingen):
        wat = f"het jaar {_jaren(ontbreekt)} ontbreekt" if len(ontbreekt) == 1 else \
            f"de jaren {_jaren(ontbreekt)} ontbreken"
        meldingen.append(Melding(naam, None, "jaar", f"{wat}; {REGEL}, dus het bestand "
                                 f"noemt elk jaar van {jaren[0]} tot en met {jaren[-1]}",
                                 "indexatie_jaren_ontbreken"))
    if meldingen:
        raise InvoerFout(meldingen, TITEL)
    return uit


def _jaren(jaren: list[int]) -> str:
    return opsomming([str(j) for j in jaren])
