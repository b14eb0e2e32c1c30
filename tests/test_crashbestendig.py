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
            for p in sorted(map_.rglob("*"))
            if p.is_file() and not p.name.startswith(".contracten-")}  # its locks and caches


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
    # no temp folder left (the lock file stays)
    assert [p.name for p in (uitvoer / "assen").iterdir()
            if not p.name.startswith(".contracten-")] == ["2025"]  # its own hidden files aside


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
    assert [p.name for p in (uitvoer / "assen").iterdir()
            if not p.name.startswith(".contracten-")] == ["2025"]  # its own hidden files aside


def test_een_wissel_onderbroken_voor_het_journaal_laat_de_vorige_uitvoer_staan(
        assen_gegenereerd, monkeypatch):
    uitvoer = assen_gegenereerd  # a previous, good run
    voor = stand(uitvoer)
    echt = uitvoermap.os.replace
    teller = 0

    def eerste_faalt(a, b):
        nonlocal teller
        teller += 1
        if teller == 1:  # the journal fails to go in place: nothing has moved yet
            raise KeyboardInterrupt
        return echt(a, b)

    monkeypatch.setattr(uitvoermap.os, "replace", eerste_faalt)
    with pytest.raises(KeyboardInterrupt):
        genereer(laad_regio(REGIOS, "assen"), uitvoer=uitvoer, datum=DATUM.replace(day=24))
    assert stand(uitvoer) == voor


def test_onderbroken_indexatie_laat_geen_prijspeil_achter(regios, tmp_path, monkeypatch):
    from contracten.opdrachten import indexeer as indexeren

    def onderbroken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexeren, "draai", onderbroken)
    voor = stand(regios)
    with pytest.raises(KeyboardInterrupt):
        indexeren.indexeer(laad_regio(regios, "assen"), naar=2026, datum=DATUM,
                           percentage=Decimal("3.5"), genereren=True, uitvoer=tmp_path / "uit")
    assert stand(regios) == voor


def test_een_halverwege_onderbroken_wissel_wordt_afgemaakt(assen_gegenereerd, tmp_path,
                                                         monkeypatch):
    """Once the journal is written the commit finishes: at once when it can (Ctrl-C while the
    files move), else on the next run, which moves what is left in the staging folder and
    removes what had to go, manifest last."""
    regio = laad_regio(REGIOS, "assen")
    datum = DATUM.replace(day=24)
    mappen = {naam: tmp_path / naam for naam in ("heel", "meteen", "later")}
    for map_ in mappen.values():
        shutil.copytree(assen_gegenereerd, map_)
    voor = stand(assen_gegenereerd)
    genereer(regio, uitvoer=mappen["heel"], datum=datum)  # the same run, not interrupted
    heel = stand(mappen["heel"])
    echt = uitvoermap.os.replace
    teller = 0

    def onderbroken(vanaf: int, tot: int):
        def replace(a, b):
            nonlocal teller
            teller += 1
            if vanaf <= teller < tot:  # from the 5th: the journal and three files are in place
                raise KeyboardInterrupt
            return echt(a, b)
        return replace

    monkeypatch.setattr(uitvoermap.os, "replace", onderbroken(5, 6))
    with pytest.raises(KeyboardInterrupt):
        genereer(regio, uitvoer=mappen["meteen"], datum=datum)
    assert stand(mappen["meteen"]) == heel  # finished on the way out

    teller = 0
    monkeypatch.setattr(uitvoermap.os, "replace", onderbroken(5, 10**6))  # as if killed
    with pytest.raises(KeyboardInterrupt):
        genereer(regio, uitvoer=mappen["later"], datum=datum)
    monkeypatch.undo()
    half = stand(mappen["later"])
    assert half["assen/2025/manifest.json"] == voor["assen/2025/manifest.json"]
    assert half != voor and list(mappen["later"].glob("assen/.contracten-*"))
    resultaat = genereer(regio, uitvoer=mappen["later"], datum=datum)
    assert resultaat.geschreven == []  # finished from the journal: nothing made again
    assert stand(mappen["later"]) == heel


def test_een_schrijffout_na_het_journaal_zegt_dat_de_volgende_run_afmaakt(
        assen_gegenereerd, tmp_path, monkeypatch):
    regio = laad_regio(REGIOS, "assen")
    datum = DATUM.replace(day=24)
    heel = tmp_path / "heel"
    shutil.copytree(assen_gegenereerd, heel)
    genereer(regio, uitvoer=heel, datum=datum)
    echt = uitvoermap.os.replace
    teller = 0

    def schijf_vol(a, b):
        nonlocal teller
        teller += 1
        if teller >= 5:  # the journal and three files are in place, then the disk is full
            raise OSError(28, "No space left on device")
        return echt(a, b)

    monkeypatch.setattr(uitvoermap.os, "replace", schijf_vol)
    with pytest.raises(ContractenFout, match="De volgende run maakt de wissel af"):
        genereer(regio, uitvoer=assen_gegenereerd, datum=datum)
    monkeypatch.undo()
    assert genereer(regio, uitvoer=assen_gegenereerd, datum=datum).geschreven == []
    assert stand(assen_gegenereerd) == stand(heel)


def test_een_journaal_van_een_eerdere_versie_wordt_afgemaakt_ook_als_er_al_iets_verplaatst_is(
        tmp_path):
    """A journal written by an earlier version of contracten lists the new files itself (the
    manifest last); what an interrupted attempt already moved is no longer in the staging
    folder and is skipped, the rest moves into place, into folders made for it."""
    doel = tmp_path / "uit"
    doel.mkdir()
    (doel / "twee.docx").write_bytes(b"al verplaatst")
    staging = tmp_path / f"{uitvoermap.VOORVOEGSEL}uit-0123abcd"
    (staging / "a").mkdir(parents=True)
    (staging / "a" / "een.docx").write_bytes(b"een")
    (staging / "manifest.json").write_bytes(b"{}")
    (staging / uitvoermap.JOURNAAL).write_text(
        '{"nieuw": ["a/een.docx", "twee.docx", "manifest.json"], "weg": []}', encoding="utf-8")
    uitvoermap.herstel(doel)
    assert not staging.exists()
    assert {p.relative_to(doel).as_posix(): p.read_bytes() for p in doel.rglob("*")
            if p.is_file()} == {"a/een.docx": b"een", "twee.docx": b"al verplaatst",
                                "manifest.json": b"{}"}


def test_een_nieuwe_uitvoermap_is_de_hernoemde_staging(regios, tmp_path, monkeypatch):
    """A run into a folder that is not there yet (a region's first run, a new prijspeil)
    commits with one rename of its staging folder: no file moves one by one, no journal. An
    interruption before that rename leaves nothing, and the next run makes it all."""
    regio = laad_regio(regios, "assen")
    hernoemd: list[tuple[str, str]] = []
    echt_rename, echt_replace = uitvoermap.os.rename, uitvoermap.os.replace

    def rename(a, b):
        if Path(b).is_relative_to(tmp_path):  # (not another test's thread, should one run)
            hernoemd.append((Path(a).name, Path(b).name))
        return echt_rename(a, b)

    def replace(a, b):  # (os is shared: the cache of compiled templates uses it too)
        assert ".contracten-2025-" not in str(a), f"een bestand apart verplaatst: {a}"
        return echt_replace(a, b)

    monkeypatch.setattr(uitvoermap.os, "rename", rename)
    monkeypatch.setattr(uitvoermap.os, "replace", replace)
    genereer(regio, uitvoer=tmp_path / "heel", datum=DATUM)
    assert len(hernoemd) == 1 and hernoemd[0][0].startswith(".contracten-2025-") \
        and hernoemd[0][1] == "2025"
    monkeypatch.undo()
    heel = stand(tmp_path / "heel")
    assert "assen/2025/manifest.json" in heel and len(heel) > 10
    assert not list((tmp_path / "heel" / "assen").glob(".contracten-2025-*"))  # no staging

    def onderbroken(a, b):
        raise KeyboardInterrupt

    monkeypatch.setattr(uitvoermap.os, "rename", onderbroken)
    with pytest.raises(KeyboardInterrupt):
        genereer(regio, uitvoer=tmp_path / "later", datum=DATUM)
    monkeypatch.undo()
    assert not (tmp_path / "later" / "assen" / "2025").exists()
    assert not list((tmp_path / "later").rglob(".contracten-2025-*"))  # no staging left
    genereer(regio, uitvoer=tmp_path / "later", datum=DATUM)
    assert stand(tmp_path / "later") == heel


def test_lukt_de_rename_van_de_nieuwe_map_niet_dan_gaat_het_per_bestand(regios, tmp_path,
                                                                       monkeypatch):
    """Windows refuses to rename a folder while a file in it is open elsewhere (a virus
    scanner, a sync client): the run then moves its files one by one, as into an existing
    folder, with the same result."""
    regio = laad_regio(regios, "assen")
    genereer(regio, uitvoer=tmp_path / "heel", datum=DATUM)
    echt = uitvoermap.os.rename

    def bezet(a, b):
        if ".contracten-2025-" in str(a):
            raise PermissionError(13, "Permission denied", str(a))
        return echt(a, b)

    monkeypatch.setattr(uitvoermap.os, "rename", bezet)
    genereer(regio, uitvoer=tmp_path / "per-bestand", datum=DATUM)
    monkeypatch.undo()
    assert stand(tmp_path / "per-bestand") == stand(tmp_path / "heel")
    assert not list((tmp_path / "per-bestand").rglob(".contracten-2025-*"))
