"""A run that fails or is interrupted halfway leaves the previous output and the profiles exactly
as they were: no half-written folder, no stray prijspeil."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from contracten import genereer, laad_regio
from contracten.fouten import ContractenFout
from contracten.uitvoer import map as uitvoermap

from .conftest import ASSEN_DATUM, REGIOS, ROOT, voer_uit

DATUM = ASSEN_DATUM


def stand(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def test_mislukte_run_laat_vorige_uitvoer_intact(assen_gegenereerd, tmp_path):
    uitvoer = assen_gegenereerd  # a previous, good run
    voor = stand(uitvoer)
    kapot = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", kapot)
    document = Document(kapot / "overeenkomst.docx")
    document.add_paragraph("{{ aanbieder.kvknummer }}")
    document.save(kapot / "overeenkomst.docx")
    uit = voer_uit("genereer", "assen", "--uitvoer", str(uitvoer), "--sjablonen", str(kapot),
                   "--datum", "2026-11-24", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    assert "sjablonen/overeenkomst.docx" in uit.stderr and "kvknummer" in uit.stderr
    assert "Traceback" not in uit.stderr
    assert stand(uitvoer) == voor
    assert [p.name for p in (uitvoer / "assen").iterdir()] == ["2025"]  # no temp folder left


def test_run_die_halverwege_faalt_laat_vorige_uitvoer_staan(assen_gegenereerd, monkeypatch):
    uitvoer = assen_gegenereerd  # a previous, good run
    voor = stand(uitvoer)
    geschreven = 0
    echt = Path.write_bytes

    def faalt_halverwege(self: Path, data: bytes) -> int:
        nonlocal geschreven
        geschreven += 1
        if geschreven == 10:
            raise OSError(28, "No space left on device")
        return echt(self, data)

    monkeypatch.setattr(Path, "write_bytes", faalt_halverwege)
    with pytest.raises(ContractenFout, match="schijf is vol"):
        genereer(laad_regio(REGIOS, "assen"), uitvoer=uitvoer, datum=DATUM.replace(day=24))
    assert geschreven == 10
    assert stand(uitvoer) == voor
    assert [p.name for p in (uitvoer / "assen").iterdir()] == ["2025"]


def test_onderbroken_wissel_zet_de_vorige_uitvoer_terug(assen_gegenereerd, monkeypatch):
    uitvoer = assen_gegenereerd  # a previous, good run
    voor = stand(uitvoer)
    echt = uitvoermap.os.replace
    teller = 0

    def tweede_faalt(a, b):
        nonlocal teller
        teller += 1
        if teller == 2:  # the old folder has moved away, the new one fails to move in
            raise KeyboardInterrupt
        return echt(a, b)

    monkeypatch.setattr(uitvoermap.os, "replace", tweede_faalt)
    with pytest.raises(KeyboardInterrupt):
        genereer(laad_regio(REGIOS, "assen"), uitvoer=uitvoer, datum=DATUM.replace(day=24))
    assert stand(uitvoer) == voor


def test_onderbroken_indexatie_laat_geen_prijspeil_achter(regios, tmp_path, monkeypatch):
    from contracten.opdrachten import indexeer as indexeren

    def onderbroken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexeren, "voer_uit", onderbroken)
    voor = stand(regios)
    with pytest.raises(KeyboardInterrupt):
        indexeren.indexeer(laad_regio(regios, "assen"), naar=2026, datum=DATUM,
                           percentage=Decimal("3.5"), genereren=True, uitvoer=tmp_path / "uit")
    assert stand(regios) == voor
