"""`importeer` and `exporteer`: the aanbieders and tariffs of a region as an Excel workbook and
back. Export → edit in Excel → import changes nothing but what was edited: the YAML keeps its
comments, order and formats (see `profiel.yamlbewerking`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from contracten import tijd, vastlegging
from contracten.fouten import InvoerFout, Melding
from contracten.lezen.bron import lees_yaml
from contracten.lezen.tabelbestand import lees_werkboek
from contracten.opdrachten.goedkeuring import status
from contracten.opmaak import bedrag, procent
from contracten.profiel.aanbieders import Aanbieders
from contracten.profiel.model import Profiel
from contracten.profiel.onderdelen import Onderdelen
from contracten.profiel.tarieven import Prijspeil
from contracten.profiel.validatie import controleer
from contracten.profiel.werkboek import (
    AANBIEDERS,
    TARIEF_VELDEN,
    Veld,
    aanbieder_velden,
    als_cel,
    tariefbladen,
    waarde_in,
)
from contracten.profiel.werkboekimport import Blad, lees_blad, samengevoegd, valideer_blad
from contracten.profiel.wissel import Profielwissel
from contracten.profiel.yamlbewerking import werk_lijst_bij
from contracten.rekenen.indexatiecontrole import Bevinding, controleer_indexatie
from contracten.uitvoer.map import vervang_atomair
from contracten.weergave.spreadsheet import Blad as Werkblad
from contracten.weergave.spreadsheet import Kolom, als_werkboek

REGISTER, DOCUMENTEN = "Register", "Documenten"  # written by exporteer, ignored by importeer


@dataclass(frozen=True)
class ImportResultaat:
    regio: str
    gewijzigd: list[Path]
    ongewijzigd: list[Path]


@dataclass
class _Onderdeel:
    pad: Path
    lijst: str
    sleutel: str
    velden: list[Veld]
    blad: Blad


def _yaml(regio: Profiel, relatief: str) -> dict[str, Any]:
    bron, problemen = lees_yaml(regio.map / relatief, f"{regio.sleutel}/{relatief}")
    if bron is None:
        raise InvoerFout(problemen, "Profiel onleesbaar")
    return bron.data  # type: ignore[no-any-return]


def importeer(regio: Profiel, bestand: Path) -> ImportResultaat:
    """Read the aanbieders and tariffs of `bestand` into the region's YAML files; checked as the
    profile is (every problem with its sheet, row and column), all files or none: a refused,
    failed or killed import leaves the profile as it was, or (killed after its commit) is
    finished by the next command that reads the region."""
    bladen = lees_werkboek(bestand)
    meldingen: list[Melding] = []
    onderdelen: list[_Onderdeel] = []
    aanbieders = regio.aanbieders
    prijspeilen = dict(regio.prijspeilen)
    velden = aanbieder_velden([p.nummer for p in regio.percelen])
    # Each prijspeil's file as it is, read once, and the sheets its amounts are exported to
    # (one per perceel where there are several).
    bestanden = {jaar: _yaml(regio, f"tarieven/{jaar}.yaml") for jaar in regio.prijspeilen}
    tarieven = {jaar: [t for t, _ in tariefbladen(jaar, _producten(regio), data["bedragen"])]
                for jaar, data in bestanden.items()}
    for titel, rijen in bladen.items():
        naam = f"{bestand.name}, blad {titel}"
        if titel == AANBIEDERS:
            data = _yaml(regio, "aanbieders.yaml")
            blad = lees_blad(naam, rijen, velden, "id",
                             {str(a["id"]): a for a in data["aanbieders"]})
            model = valideer_blad(blad, "aanbieders", Aanbieders, velden)
            aanbieders = model.aanbieders if model else aanbieders
            onderdelen.append(_Onderdeel(regio.map / "aanbieders.yaml", "aanbieders", "id",
                                         velden, blad))
        elif titel not in (REGISTER, DOCUMENTEN) and not any(
                titel in t for t in tarieven.values()):
            bekend = [AANBIEDERS, *(t for ts in tarieven.values() for t in ts), REGISTER,
                      DOCUMENTEN]
            meldingen.append(Melding(bestand.name, None, "", f"onbekend blad '{titel}' (wel: "
                                     f"{', '.join(bekend)}); een nieuw prijspeil maakt u met "
                                     "indexeer", "blad_onbekend"))
    for jaar, titels in tarieven.items():
        aanwezig = [t for t in titels if t in bladen]
        if not aanwezig:
            continue
        if len(aanwezig) < len(titels):  # a missing sheet would remove its amounts
            meldingen += [Melding(bestand.name, None, "", f"blad '{t}' ontbreekt; de bedragen "
                                  f"van prijspeil {jaar} staan op {', '.join(titels)}",
                                  "blad_ontbreekt") for t in titels if t not in bladen]
            continue
        data = bestanden[jaar]
        bestaand = {str(b["sleutel"]): b for b in data["bedragen"]}
        delen = [lees_blad(f"{bestand.name}, blad {t}", bladen[t], TARIEF_VELDEN, "sleutel",
                           bestaand) for t in titels]
        blad = delen[0] if len(delen) == 1 else samengevoegd(
            f"{bestand.name}, bladen {', '.join(titels)}", delen, "sleutel", list(bestaand))
        extra = {k: v for k, v in data.items() if k != "bedragen"}
        peil = valideer_blad(blad, "bedragen", Prijspeil, TARIEF_VELDEN, extra)
        prijspeilen[jaar] = peil or prijspeilen[jaar]
        onderdelen.append(_Onderdeel(regio.map / "tarieven" / f"{jaar}.yaml", "bedragen",
                                     "sleutel", TARIEF_VELDEN, blad))
    for o in onderdelen:
        meldingen += o.blad.meldingen
    if not meldingen:
        meldingen += _kruiscontrole(regio, aanbieders, prijspeilen, onderdelen)
    if not meldingen:
        meldingen += _indexatiecontrole(regio, bestand, prijspeilen, onderdelen)
    if meldingen:
        raise InvoerFout(meldingen, f"Werkboek {bestand.name} niet ingelezen; er is niets "
                                    "gewijzigd")
    gewijzigd, ongewijzigd = [], []
    # All files or none (see profiel.wissel): each new file staged, all checked, then moved in.
    with Profielwissel(regio.map) as wissel:
        for o in onderdelen:
            nieuw = werk_lijst_bij(o.pad.read_text(encoding="utf-8"), o.lijst, o.sleutel,
                                   o.blad.items, o.velden)
            if nieuw is None:
                ongewijzigd.append(o.pad)
            else:
                wissel.schrijf(o.pad.relative_to(regio.map).as_posix(), nieuw.encode("utf-8"))
                gewijzigd.append(o.pad)
        wissel.voltooi()
    return ImportResultaat(regio.sleutel, gewijzigd, ongewijzigd)


def _kruiscontrole(regio: Profiel, aanbieders: Any, prijspeilen: dict[int, Prijspeil],
                   onderdelen: list[_Onderdeel]) -> list[Melding]:
    """The checks across files (a product that does not exist, a double KvK-nummer), each
    pointed at the sheet's row and column where the value came from."""
    per_bestand = {o.pad.relative_to(regio.map).as_posix(): o for o in onderdelen}
    uit = []
    for bestand, loc, veld, bericht, code in controleer(Onderdelen(
            regio=regio.regio, inhoud=regio.inhoud, programma=regio.programma,
            aanbieders=aanbieders, prijspeilen=prijspeilen, overeenkomst=regio.overeenkomst,
            bibliotheek=regio.bibliotheek)):
        o = per_bestand.get(bestand)
        if o is not None and len(loc) > 1 and isinstance(loc[1], int):
            blad, rij = o.blad.waar(loc[1])
            uit.append(Melding(blad, rij, o.blad.plek(o.velden, loc[2:]), bericht, code))
        else:
            uit.append(Melding(f"{regio.sleutel}/{bestand}", None, veld, bericht, code))
    return uit


def _indexatiecontrole(regio: Profiel, bestand: Path, prijspeilen: dict[int, Prijspeil],
                       onderdelen: list[_Onderdeel]) -> list[Melding]:
    """An amount of an indexed prijspeil is its indexation, or its row says why not: else the
    indexatiebrief would state one index and a table that rises by another. Checked for each
    prijspeil the workbook holds and every later one (its amounts rest on the earlier)."""
    per_jaar = {int(o.pad.stem): o for o in onderdelen if o.lijst == "bedragen"}
    if not per_jaar:
        return []
    jaren = {j for j in prijspeilen if j >= min(per_jaar)}
    return [_melding(regio, bestand, b, per_jaar.get(b.jaar))
            for b in controleer_indexatie(prijspeilen, jaren)]


def _melding(regio: Profiel, bestand: Path, b: Bevinding, o: _Onderdeel | None) -> Melding:
    kolom = "afwijking" if b.soort != "afwijking_zonder_reden" else "bedrag"
    if o is not None:  # the sheet's cell: "Tarieven 2027!D5"
        waar, rij = o.blad.waar(b.positie)
        letter = get_column_letter(o.blad.kolommen[kolom]) if kolom in o.blad.kolommen else "?"
        cel = f"cel {waar.removeprefix(f'{bestand.name}, blad ')}!{letter}{rij}: "
        plek: tuple[str, int | None, str] = (waar, rij, o.blad.plek(TARIEF_VELDEN, (kolom,)))
    else:  # a later prijspeil that is not in the workbook
        cel = ""
        plek = (f"{regio.sleutel}/tarieven/{b.jaar}.yaml", None,
                f"bedragen[{b.positie}].{kolom}")
    if b.soort == "afwijking_niet_geindexeerd":
        return Melding(*plek, f"{cel}prijspeil {b.jaar} is niet met indexeer gemaakt, dus er is "
                       "geen indexatie om van af te wijken; laat de afwijking leeg",
                       b.soort)
    assert b.verwacht is not None and b.oud is not None and b.index is not None
    berekening = (f"{bedrag(b.verwacht)} (prijspeil {b.van}: {bedrag(b.oud)} × (1 + "
                  f"{procent(b.index)}), afgerond op hele centen)")
    if b.soort == "afwijking_zonder_verschil":
        return Melding(*plek, f"{cel}{b.regel.sleutel} heeft een reden voor een afwijking, maar "
                       f"het bedrag is de indexatie: {berekening}; laat de afwijking leeg",
                       b.soort)
    return Melding(*plek, f"{cel}{b.regel.sleutel} is {bedrag(b.regel.bedrag)}, maar prijspeil "
                   f"{b.jaar} is geïndexeerd: verwacht {berekening}. Een geïndexeerd bedrag "
                   "wordt niet achteraf gewijzigd, anders spreken de indexatiebrief en het "
                   "addendum zichzelf tegen; wijkt dit bedrag bewust af, geef dan de reden in "
                   "de kolom afwijking", b.soort)


def _producten(regio: Profiel) -> dict[int, list[str]]:
    return {p.nummer: p.producten for p in regio.percelen}


def _blad(titel: str, items: list[dict[str, Any]], velden: list[Veld]) -> Werkblad:
    kolommen = [Kolom(v.kop, v.kop, "bedrag" if v.soort == "bedrag" else "tekst") for v in velden]
    return Werkblad(titel, kolommen, [{v.kop: als_cel(waarde_in(item, v.pad), v) for v in velden}
                                      for item in items])


def exporteer(regio: Profiel, bestand: Path, *, tijdstip: dt.datetime,
              uitvoer: Path | str = "output", database: str | Path | None = None) -> Path:
    """Write the region's aanbieders, each prijspeil's tariffs and the register (contracts and
    where each document stands) to one workbook."""
    bladen = [_blad(AANBIEDERS, _yaml(regio, "aanbieders.yaml")["aanbieders"],
                    aanbieder_velden([p.nummer for p in regio.percelen]))]
    for jaar in regio.prijspeilen:
        bladen += [_blad(titel, bedragen, TARIEF_VELDEN) for titel, bedragen in tariefbladen(
            jaar, _producten(regio), _yaml(regio, f"tarieven/{jaar}.yaml")["bedragen"])]
    stand = status(regio, tijdstip=tijdstip, uitvoer=uitvoer, database=database)
    contract = ["aanbieder", "naam", *(["perceelnummer"] if len(regio.percelen) > 1 else []),
                "perceel", "variant", "begin", "einde", "verlengingen_gebruikt",
                "verlengingen_over", "verlenging_maanden", "opzegtermijn_maanden", "status",
                "opzegdatum", "zorg_tot", "opgezegd_door"]
    datums = ("begin", "einde", "opzegdatum", "zorg_tot")
    bladen.append(Werkblad(REGISTER, [Kolom(k, k, "datum" if k in datums else "tekst")
                                      for k in contract],
                           [{k: getattr(c, k) for k in contract} for c in stand.contracten]))
    document = ["pad", "soort", "aanbieder", "status", "op_schijf", "door", "op"]
    bladen.append(Werkblad(DOCUMENTEN, [Kolom(k, k, "tekst") for k in document], [
        {"pad": d.stand.pad, "soort": d.stand.soort, "aanbieder": d.stand.aanbieder,
         "status": d.status, "op_schijf": d.op_schijf,
         "door": d.stand.geschiedenis[-1].door if d.stand.geschiedenis else None,
         "op": tijd.getoond(d.stand.geschiedenis[-1].op) if d.stand.geschiedenis else None}
        for d in stand.documenten]))
    vervang_atomair(bestand, als_werkboek(bladen, tijdstip=tijd.dag(tijdstip)))
    vastlegging.bestand(bestand)
    return bestand
