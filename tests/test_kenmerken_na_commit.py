"""A file changed right after a run's commit, before the run recorded its sizes and times, is not
recorded as the document the run made: the run records each file as its commit put it there
(`Uitvoermap.voltooi` gives the states), never as a look after the commit finds it. The next
run then reads it, sees another content and keeps the user's version beside the document.
Both ways a commit goes: a new output folder (one rename) and an existing one (file by file)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from contracten import Resultaat, genereer, laad_regio
from contracten.lezen.vingerafdruk import staat_van
from contracten.pijplijn import uitvoeren
from contracten.uitvoer import kenmerken, kenmerkrecord, manifest
from contracten.uitvoer import map as uitvoermap

from .conftest import ASSEN_DATUM


def _bewerk_na_de_commit(monkeypatch: pytest.MonkeyPatch, map_: Path, pad: str) -> None:
    """Edit `pad` (same size) between the commit and the recording of sizes and times."""
    echt = kenmerken.leg_vast

    def leg_vast(*args: object, **kwargs: object) -> None:
        bestand = map_ / pad
        inhoud = bestand.read_bytes()
        bestand.write_bytes(inhoud[:-1] + (b"x" if inhoud[-1:] != b"x" else b"y"))
        echt(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(uitvoeren.kenmerken, "leg_vast", leg_vast)


@pytest.mark.parametrize("bestaand", [False, True], ids=["nieuwe-map", "bestaande-map"])
def test_een_bewerking_vlak_na_de_commit_wordt_niet_vastgelegd(
        regios: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bestaand: bool) -> None:
    uitvoer = tmp_path / "uit"
    map_ = uitvoer / "assen" / "2025"
    profiel = laad_regio(regios, "assen")
    aanbieder = profiel.contracten[0].aanbieder.id
    pad = f"overeenkomsten/{aanbieder}.md"
    if bestaand:
        genereer(profiel, uitvoer=uitvoer, datum=ASSEN_DATUM)
        # one aanbieder's documents made again: they are moved into the existing folder
        profiel = laad_regio(regios, "assen")
        (map_ / pad).unlink()
    _bewerk_na_de_commit(monkeypatch, map_, pad)
    genereer(profiel, uitvoer=uitvoer, datum=ASSEN_DATUM)
    monkeypatch.undo()
    gemaakt = {d.pad: d.sha256 for d in manifest.lees(map_).documenten}[pad]
    echt = hashlib.sha256((map_ / pad).read_bytes()).hexdigest()
    assert echt != gemaakt  # the edit is there
    # The record does not vouch for the edit as the document …
    kenmerkrecord._gelezen._bewaard.clear()
    kenmerkrecord._gelezen_bij._bewaard.clear()
    assert kenmerken.in_map(map_, "assen", [pad])[0][pad] == echt
    # … so the next run notices it and keeps it beside the document it makes again.
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    assert pad in resultaat.geschreven
    assert any(pad in w and "buiten contracten om gewijzigd" in w
               for w in resultaat.waarschuwingen)
    assert hashlib.sha256((map_ / pad).read_bytes()).hexdigest() == gemaakt


def _vastgelegd_zoals_het_is(uitvoer: Path, resultaat: Resultaat) -> None:
    """Every file the run wrote is in the record with the state it has now and the hash the
    manifest gives it: the next look reads none of them again."""
    kenmerkrecord._gelezen._bewaard.clear()
    kenmerkrecord._gelezen_bij._bewaard.clear()
    record = kenmerkrecord.lees(uitvoer / "assen" / kenmerken.BESTAND).bestanden
    hashes = {d.pad: d.sha256 for d in resultaat.manifest.documenten}
    assert len(resultaat.geschreven) >= 6
    for pad in resultaat.geschreven:
        toestand = staat_van(os.lstat(resultaat.map / pad))
        assert record.get(f"assen/2025/{pad}") == (*toestand[1:], hashes[pad]), pad


@pytest.mark.parametrize("hoe", ["nieuwe-map", "bestaande-map", "hernoemen-geweigerd"])
def test_wat_de_run_schreef_staat_in_het_record_zoals_het_is(
        regios: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hoe: str) -> None:
    """As the commit put them there: a state taken before a move (which gives a file a new
    change time) would make the next run read every one of them again."""
    uitvoer = tmp_path / "uit"
    map_ = uitvoer / "assen" / "2025"
    if hoe == "bestaande-map":
        genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
        for document in manifest.lees(map_).documenten[:6]:
            (map_ / document.pad).unlink()
    if hoe == "hernoemen-geweigerd":  # (Windows, a file open elsewhere): file by file instead
        echt = os.rename

        def rename(bron: str, doel: str) -> None:
            if Path(bron).name.startswith(".contracten-") and Path(bron).is_dir():
                raise PermissionError(13, "in gebruik")
            echt(bron, doel)

        monkeypatch.setattr(uitvoermap.os, "rename", rename)
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    monkeypatch.undo()
    _vastgelegd_zoals_het_is(uitvoer, resultaat)
