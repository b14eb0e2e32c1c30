"""The layout of the output tree has one owner: where each command's folder is, how it is
recognised when read back, and where a document goes in it (a contract's key may hold a
slash)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from contracten import Indeling
from contracten.profiel.laden import laad_regio
from contracten.profiel.percelen import Contract, Perceel
from contracten.soorten.register import soort
from contracten.uitvoer.indeling import document

from .conftest import REGIOS


def test_de_mappen_van_elke_opdracht():
    indeling = Indeling(Path("uit"))
    assert indeling.prijspeil("assen", 2025) == Path("uit/assen/2025")
    assert indeling.opzegging("assen", "wonen-plus", dt.date(2026, 8, 31)) == \
        Path("uit/assen/opzeggingen/wonen-plus/2026-08-31")
    assert indeling.realisatie("assen", 2025) == Path("uit/assen/socialreturn-realisatie/2025")
    assert Indeling.vergelijking(Path("uit/assen/2025"), Path("uit/assen/2026")) == \
        Path("uit/assen/vergelijking-2025-2026")


def test_een_document_per_contract_ook_met_een_samengestelde_sleutel():
    assert document("overeenkomsten", None) == "overeenkomsten"
    assert document("overeenkomsten", "wonen-plus") == "overeenkomsten/wonen-plus"
    assert document("overeenkomsten", "perceel-2/wonen-plus") == \
        "overeenkomsten/perceel-2/wonen-plus"
    aanbieder = next(a for a in laad_regio(REGIOS, "assen").aanbieders if a.id == "wonen-plus")
    perceel = Perceel(nummer=2, naam="Verblijf", bekostigingsvorm="outputgericht")
    assert soort("overeenkomst").pad_van(Contract(perceel, aanbieder, enkel=False)) == \
        "overeenkomsten/perceel-2/wonen-plus"
    assert soort("overeenkomst").pad_van(Contract(perceel, aanbieder)) == \
        "overeenkomsten/wonen-plus"  # a tender of one perceel: where it always was
    assert soort("programma-van-eisen").pad_van(None) == "programma-van-eisen"


def test_teruglezen_herkent_de_mappen():
    indeling = Indeling(Path("uit"))
    opzegging = indeling.opzegging("assen", "wonen-plus", dt.date(2026, 8, 31))
    assert Indeling.opzegdatum(opzegging) == dt.date(2026, 8, 31)
    assert Indeling.opzegdatum(indeling.prijspeil("assen", 2025)) is None
    assert indeling.prijspeil_van("assen", indeling.prijspeil("assen", 2025)) == 2025
    assert indeling.prijspeil_van("assen", opzegging) is None
    assert indeling.registerpad(opzegging, "opzegging.docx") == \
        "assen/opzeggingen/wonen-plus/2026-08-31/opzegging.docx"
    assert Indeling.prijspeil_in("assen/2025/overeenkomsten/a.docx") == "2025"
    assert Indeling.prijspeil_in("assen") == ""


def test_de_map_van_een_registerpad(tmp_path: Path):
    indeling = Indeling(tmp_path)
    opzegging = indeling.opzegging("assen", "a", dt.date(2026, 8, 31))
    for map_ in (indeling.prijspeil("assen", 2025), opzegging):
        map_.mkdir(parents=True)
        (map_ / "manifest.json").write_text("{}", encoding="utf-8")
    assert indeling.gevolgd("assen", 2025) == [indeling.prijspeil("assen", 2025), opzegging]
    assert indeling.map_van("assen", "assen/2025/overeenkomsten/perceel-2/a.docx") == \
        (indeling.prijspeil("assen", 2025), "overeenkomsten/perceel-2/a.docx")
    assert indeling.map_van("assen", "assen/opzeggingen/a/2026-08-31/opzegging.docx") == \
        (opzegging, "opzegging.docx")
    for vreemd in ("amersfoort/2025/x.docx", "assen/../assen/2025/x.docx", "assen/2024/x.docx",
                   "/assen/2025/x.docx", "assen//2025/x.docx"):
        assert indeling.map_van("assen", vreemd) is None, vreemd
