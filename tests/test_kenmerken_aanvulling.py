"""The record of sizes and times (`uitvoer.kenmerken`) after a small change: what changed goes into
a supplement beside it (`kenmerkrecord`), the record of every file is not written again. The
supplement counts only beside the record it was written for, is trusted entry by entry as the
record is (not for a file changed within the tick it was written), and once it grows past its
share the whole record is written anew and the supplement goes."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from contracten import genereer, laad_regio
from contracten.pijplijn import opschijf
from contracten.uitvoer import kenmerken, kenmerkrecord, manifest

from .conftest import ASSEN_DATUM


def _schrijf(doel: Path, namen: range, inhoud: str = "document") -> dict[str, str]:
    doel.mkdir(parents=True, exist_ok=True)
    bekend = {}
    for i in namen:
        tekst = f"{inhoud} {i}".encode()
        (doel / f"{i}.md").write_bytes(tekst)
        bekend[f"{i}.md"] = hashlib.sha256(tekst).hexdigest()
    return bekend


@pytest.fixture
def doel(tmp_path: Path) -> Path:
    return tmp_path / "uit" / "assen" / "2025"


@pytest.fixture
def gelezen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents read to be hashed."""
    uit: list[str] = []
    echt = kenmerken.sha256

    def sha256(data: bytes) -> str:
        uit.append(data.decode())
        return echt(data)

    monkeypatch.setattr(kenmerken, "sha256", sha256)
    return uit


def _vergeten() -> None:
    """As a new process: nothing of the record known from memory."""
    kenmerkrecord._gelezen._bewaard.clear()
    kenmerkrecord._gelezen_bij._bewaard.clear()


def test_een_kleine_wijziging_gaat_in_de_aanvulling(doel: Path, gelezen: list[str]) -> None:
    alle = _schrijf(doel, range(50))
    kenmerken.leg_vast(doel, "assen", alle)
    record = doel.parent / kenmerken.BESTAND
    aanvulling = doel.parent / kenmerken.AANVULLING
    voor = record.read_bytes(), os.stat(record).st_ino
    assert not aanvulling.exists()
    # one document made again, with another content
    nieuw = _schrijf(doel, range(3, 4), "anders")
    kenmerken.leg_vast(doel, "assen", nieuw)
    assert (record.read_bytes(), os.stat(record).st_ino) == voor  # not written again
    data = json.loads(aanvulling.read_bytes())
    assert list(data["bestanden"]) == ["assen/2025/3.md"]
    assert data["bestanden"]["assen/2025/3.md"][4] == nieuw["3.md"]
    # The next look (another process) trusts both: no document is read.
    _vergeten()
    assert kenmerken.in_map(doel, "assen", list(alle)) == ({**alle, **nieuw}, False)
    assert gelezen == []


def test_een_verdwenen_bestand_staat_als_null_in_de_aanvulling(doel: Path) -> None:
    alle = _schrijf(doel, range(20))
    kenmerken.leg_vast(doel, "assen", alle)
    (doel / "7.md").unlink()
    uit = kenmerken.hashes(doel.parent.parent, "assen", [f"assen/2025/{p}" for p in alle])
    assert uit["assen/2025/7.md"] is None
    data = json.loads((doel.parent / kenmerken.AANVULLING).read_bytes())
    assert data["bestanden"] == {"assen/2025/7.md": None}
    _vergeten()
    assert "assen/2025/7.md" not in kenmerkrecord.lees(doel.parent / kenmerken.BESTAND).bestanden


def test_een_aanvulling_bij_een_ander_record_telt_niet(doel: Path, gelezen: list[str]) -> None:
    alle = _schrijf(doel, range(10))
    kenmerken.leg_vast(doel, "assen", alle)
    kenmerken.leg_vast(doel, "assen", _schrijf(doel, range(2, 3), "anders"))
    record = doel.parent / kenmerken.BESTAND
    # The record replaced by another (another process, a copy put back): same content, new file.
    kopie = record.with_name("kopie")
    kopie.write_bytes(record.read_bytes())
    os.replace(kopie, record)
    _vergeten()
    gehasht, verouderd = kenmerken.in_map(doel, "assen", list(alle))
    assert verouderd and gelezen == ["anders 2"]  # the supplement's entry is not taken
    assert gehasht["2.md"] == hashlib.sha256(b"anders 2").hexdigest()


def test_een_aanvulling_uit_de_tik_van_het_bestand_wordt_niet_vertrouwd(
        doel: Path, gelezen: list[str]) -> None:
    alle = _schrijf(doel, range(10))
    kenmerken.leg_vast(doel, "assen", alle)
    kenmerken.leg_vast(doel, "assen", _schrijf(doel, range(4, 5), "anders"))
    aanvulling = doel.parent / kenmerken.AANVULLING
    staat = os.stat(doel / "4.md")
    tijd = max(staat.st_mtime_ns, staat.st_ctime_ns)
    os.utime(aanvulling, ns=(tijd, tijd))  # as if written within the file's tick
    _vergeten()
    gehasht, _ = kenmerken.in_map(doel, "assen", list(alle))
    assert gelezen == ["anders 4"]  # that file is read again; the record's others are not
    assert gehasht["4.md"] == hashlib.sha256(b"anders 4").hexdigest()
    # A next supplement (another file made again) forgets that entry rather than keep it.
    kenmerken.leg_vast(doel, "assen", _schrijf(doel, range(5, 6), "anders"))
    data = json.loads(aanvulling.read_bytes())["bestanden"]
    assert data["assen/2025/4.md"] is None and data["assen/2025/5.md"] is not None


def test_een_grote_aanvulling_wordt_het_record(doel: Path, monkeypatch: pytest.MonkeyPatch,
                                               gelezen: list[str]) -> None:
    monkeypatch.setattr(kenmerkrecord, "AANVULLING_MIN", 5)
    alle = _schrijf(doel, range(60))
    kenmerken.leg_vast(doel, "assen", alle)
    record = doel.parent / kenmerken.BESTAND
    aanvulling = doel.parent / kenmerken.AANVULLING
    kenmerken.leg_vast(doel, "assen", _schrijf(doel, range(4), "anders"))
    assert aanvulling.exists()  # four: within five
    inode = os.stat(record).st_ino
    veel = _schrijf(doel, range(4, 10), "ook anders")
    kenmerken.leg_vast(doel, "assen", veel)  # ten in all: past five, and past 60 // 10
    assert not aanvulling.exists() and os.stat(record).st_ino != inode
    data = json.loads(record.read_bytes())["bestanden"]
    assert len(data) == 60 and data["assen/2025/9.md"][4] == veel["9.md"]
    assert data["assen/2025/0.md"][4] == hashlib.sha256(b"anders 0").hexdigest()
    _vergeten()
    assert kenmerken.in_map(doel, "assen", list(alle))[1] is False
    assert gelezen == []


def test_een_beschadigde_aanvulling_betekent_opnieuw_lezen(doel: Path,
                                                           gelezen: list[str]) -> None:
    alle = _schrijf(doel, range(10))
    kenmerken.leg_vast(doel, "assen", alle)
    kenmerken.leg_vast(doel, "assen", _schrijf(doel, range(1, 2), "anders"))
    (doel.parent / kenmerken.AANVULLING).write_bytes(b"{niet json")
    _vergeten()
    gehasht, verouderd = kenmerken.in_map(doel, "assen", list(alle))
    assert verouderd and gelezen == ["anders 1"]
    assert gehasht["1.md"] == hashlib.sha256(b"anders 1").hexdigest()


def test_leg_vast_vergeet_wat_weg_is(doel: Path) -> None:
    """A file gone (removed by the run, or missing when it looked) is forgotten with what the
    run records: the next look does not find the record out of date again and again."""
    alle = _schrijf(doel, range(5))
    kenmerken.leg_vast(doel, "assen", alle)
    (doel / "1.md").unlink()
    assert kenmerken.in_map(doel, "assen", list(alle))[1] is True
    nieuw = _schrijf(doel, range(2, 3), "anders")
    kenmerken.leg_vast(doel, "assen", {**nieuw, "0.md": alle["0.md"]},
                       vergeten=["0.md", "1.md", "2.md", "nooit.md"])
    data = json.loads((doel.parent / kenmerken.AANVULLING).read_bytes())["bestanden"]
    # gone: null; made again: its new hash (not forgotten); never recorded: not named; named
    # with what the run records, as recorded: left as it is
    assert data["assen/2025/1.md"] is None and data["assen/2025/2.md"][4] == nieuw["2.md"]
    assert "assen/2025/nooit.md" not in data and "assen/2025/0.md" not in data
    _vergeten()
    for _ in range(2):
        assert kenmerken.in_map(doel, "assen", list(alle))[1] is False


def test_een_run_vergeet_een_verdwenen_document_dat_hij_niet_maakt(regios: Path,
                                                                     tmp_path: Path) -> None:
    """A run for one aanbieder, with another's document deleted by hand: that document is not
    made again (not asked for), and the record forgets it, so the run after is not slowed by
    a record it finds out of date."""
    uitvoer = tmp_path / "uit"
    profiel = laad_regio(regios, "assen")
    genereer(profiel, uitvoer=uitvoer, datum=ASSEN_DATUM)
    eerste, tweede = (c.aanbieder.id for c in profiel.contracten[:2])
    map_ = uitvoer / "assen" / "2025"
    weg = f"overeenkomsten/{tweede}.md"
    (map_ / weg).unlink()
    genereer(profiel, uitvoer=uitvoer, datum=ASSEN_DATUM, aanbieders=[eerste])
    assert not (map_ / weg).exists()
    record = uitvoer / "assen" / kenmerken.BESTAND
    _vergeten()
    assert f"assen/2025/{weg}" not in kenmerkrecord.lees(record).bestanden
    schijf = opschijf.op_schijf(map_, "assen", manifest.lees(map_), {})
    assert not schijf.verouderd and schijf.ontbreekt == []


def test_het_record_van_een_ander_proces_houdt_zijn_aanvulling(
        doel: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process writes the record just after this one: this one does not remove the
    supplement beside that record, nor takes that record for what it wrote."""
    alle = _schrijf(doel, range(10))
    kenmerken.leg_vast(doel, "assen", alle)
    kenmerken.leg_vast(doel, "assen", _schrijf(doel, range(1), "anders"))
    record = doel.parent / kenmerken.BESTAND
    aanvulling = doel.parent / kenmerken.AANVULLING
    echt = kenmerkrecord.vervang_atomair

    def en_een_ander(pad: Path, inhoud: object) -> int:
        inode = echt(pad, inhoud)  # type: ignore[arg-type]
        ander = pad.with_name("ander")
        ander.write_bytes(pad.read_bytes())
        os.replace(ander, pad)  # the other process's record, a file of its own
        return inode

    monkeypatch.setattr(kenmerkrecord, "vervang_atomair", en_een_ander)
    vorig = kenmerkrecord.lees(record)
    assert kenmerkrecord._schrijf(record, doel.parent.parent, dict(vorig.bestanden)) is None
    assert aanvulling.exists()
