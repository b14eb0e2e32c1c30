"""Excel and an indexed prijspeil (issue 27, item 4): an import keeps each YAML file's own
indentation, and an amount of an indexed prijspeil is its indexation unless its row says why
not (`afwijking`); the letter and the addendum then show the deviation as such."""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

import contracten
from contracten import InvoerFout
from contracten.profiel.yamlbewerking import inspringing

DATUM = dt.date(2026, 11, 23)
T = dt.datetime(2026, 12, 1, 9, 0)


def _indexeer(regios: Path, percentage: str = "3.5") -> None:
    contracten.indexeer(contracten.laad_regio(regios, "assen"), naar=2026, datum=DATUM,
                        percentage=Decimal(percentage))


def _exporteer(regios: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "assen.xlsx"
    contracten.exporteer(contracten.laad_regio(regios, "assen"), pad, tijdstip=T,
                         uitvoer=tmp_path / "uit", database=tmp_path / "r.sqlite")
    return pad


def _zet(pad: Path, blad: str, sleutel: str, kolom: str, waarde) -> int:
    """Set `kolom` of the row of `sleutel`; the row number."""
    boek = load_workbook(pad)
    kop = [c.value for c in boek[blad][1]]
    rij = next(r[0].row for r in boek[blad].iter_rows(min_row=2) if r[0].value == sleutel)
    boek[blad].cell(row=rij, column=kop.index(kolom) + 1, value=waarde)
    boek.save(pad)
    return rij


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*.yaml"))}


def _diff(oud: bytes, nieuw: bytes) -> list[str]:
    return [r for r in difflib.unified_diff(oud.decode().splitlines(), nieuw.decode().splitlines(),
                                            lineterm="", n=0) if r[:1] in "+-"
            and not r.startswith(("+++", "---"))]


# The indentation of a file, as ruamel.yaml's indent() takes it.

@pytest.mark.parametrize(("tekst", "verwacht"), [
    # the example regions: list items two in, their keys four in
    ("bedragen:\n  - sleutel: a\n    bedrag: 1.00\n", (2, 4, 2)),
    # indexeer writes as PyYAML does: the dash under the key
    ("indexatie:\n  van: 2025\nbedragen:\n- sleutel: a\n  bedrag: 1.00\n", (2, 2, 0)),
    ("a:\n    b: 1\nc:\n    - d\n", (4, 6, 4)),
    # a block scalar's lines ("Wat wij vragen:" then "- …") are text, not structure
    ("t: |\n  Wat wij vragen:\n    - iets\nl:\n- x\n", (2, 2, 0)),
    ("prijspeil: 2026\n", (2, 4, 2)),  # nothing nested: the example regions' style
])
def test_inspringing_van_een_bestand(tekst, verwacht):
    assert inspringing(tekst) == verwacht


def test_heen_en_terug_laat_een_geindexeerd_prijspeil_ongemoeid(regios, tmp_path):
    _indexeer(regios)
    voor = _bestanden(regios / "assen")
    uitkomst = contracten.importeer(contracten.laad_regio(regios, "assen"),
                                    _exporteer(regios, tmp_path))
    assert uitkomst.gewijzigd == []
    assert _bestanden(regios / "assen") == voor


def test_een_wijziging_in_een_geindexeerd_prijspeil_raakt_alleen_die_regel(regios, tmp_path):
    """indexeer writes its files with the dash under the key (not as the example regions): an
    import keeps that, and changes only the line it must."""
    _indexeer(regios)
    pad = regios / "assen/tarieven/2026.yaml"
    assert "\nbedragen:\n- sleutel: afwezigheid-huisvesting\n" in pad.read_text(encoding="utf-8")
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2026", "bw-nabij", "omschrijving", "Beschermd Wonen - Nabij (24/7)")
    oud = pad.read_bytes()
    contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert _diff(oud, pad.read_bytes()) == ["-  omschrijving: Beschermd Wonen - Nabij",
                                            '+  omschrijving: "Beschermd Wonen - Nabij (24/7)"']


def test_een_bedrag_met_centen_is_geen_bsn(regios, tmp_path):
    """4.755.010,81: nine digits that pass the elfproef, but an amount in an amount column."""
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2025", "bw-toezicht", "bedrag", 4755010.81)
    contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    peil = contracten.laad_regio(regios, "assen").prijspeilen[2025]
    assert peil.bedrag("bw-toezicht").bedrag == Decimal("4755010.81")
    # A whole number is still checked: a BSN typed into an amount cell stays out.
    _zet(werkboek, "Tarieven 2025", "bw-toezicht", "bedrag", 111222333)
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == ["bsn"]
