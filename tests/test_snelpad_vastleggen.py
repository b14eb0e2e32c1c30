"""Recording the fingerprint after a run (`Snelpad.leg_vast`) looks at the output folder once:
whether every document is as the run committed it is decided from the states that one
fingerprint saw, checked against the record of sizes and times
(`uitvoer.kenmerken.Bevestiging`). What that record cannot vouch for is decided the usual
way (reading the file, `kenmerken.in_map`), so nothing goes unnoticed that was noticed before."""

from __future__ import annotations

import hashlib
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from contracten import genereer
from contracten.lezen import vingerafdruk
from contracten.opdrachten import snelpad
from contracten.pijplijn.resultaat import OngewijzigdResultaat
from contracten.uitvoer import kenmerken

from .conftest import ASSEN_DATUM

REGIO = "r"


def _run(regios: Path, uitvoer: Path):
    time.sleep(0.03)  # a file changed just now is trusted a tick of the clock later
    return genereer(regios, "assen", uitvoer=uitvoer, datum=ASSEN_DATUM)


@pytest.fixture
def vastgelegd(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An output folder `<tmp>/uit/r/2025` with two files, recorded with their sha256."""
    doel = tmp_path / "uit" / REGIO / "2025"
    doel.mkdir(parents=True)
    inhoud = {"a.docx": b"eerste", "b.md": b"tweede"}
    for naam, data in inhoud.items():
        (doel / naam).write_bytes(data)
    hashes = {naam: hashlib.sha256(data).hexdigest() for naam, data in inhoud.items()}
    time.sleep(0.03)  # the record is written in a later tick than the files
    kenmerken.leg_vast(doel, REGIO, hashes)
    return doel, hashes


def _bevestigd(doel: Path, verwacht: dict[str, str | None], paden: list[str] | None = None
               ) -> bool:
    """Whether the record vouches for `verwacht`, by one look at `paden` (default: those)."""
    bevestiging = kenmerken.Bevestiging(doel, REGIO, verwacht)
    vingerafdruk.afdruk([os.path.join(os.path.abspath(doel), p)
                         for p in (list(verwacht) if paden is None else paden)],
                        kijk=bevestiging)
    return bevestiging.bevestigd


def test_de_vingerafdruk_toont_elke_staat_van_lstat(vastgelegd):
    doel, hashes = vastgelegd
    paden = [os.path.join(doel, p) for p in [*hashes, "weg.txt"]]
    gezien: list[tuple[str, vingerafdruk.Staat | None]] = []
    assert vingerafdruk.afdruk(paden, per=1, kijk=lambda p, s: gezien.append((p, s))) \
        == vingerafdruk.afdruk(paden)
    s = os.lstat(paden[0])
    assert gezien[0] == (paden[0], (s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns,
                                    s.st_ino))
    assert gezien[2] == (paden[2], None) and [p for p, _ in gezien] == paden


def test_vastgelegde_bestanden_worden_bevestigd(vastgelegd):
    doel, hashes = vastgelegd
    assert _bevestigd(doel, hashes)
    assert _bevestigd(doel, hashes, ["x", *hashes, "../" + kenmerken.BESTAND])  # others: no matter


def test_een_bestand_met_de_hand_gewijzigd_en_zijn_tijd_terug(vastgelegd):
    doel, hashes = vastgelegd
    pad = doel / "a.docx"
    voor = pad.stat()
    pad.write_bytes(b"EERSTE")  # same size
    os.utime(pad, ns=(voor.st_atime_ns, voor.st_mtime_ns))  # only the change time tells
    # ... also when the record was written after that (not in the same tick as the edit)
    record = doel.parent / kenmerken.BESTAND
    later = time.time_ns() + 2_000_000_000
    os.utime(record, ns=(later, later))
    assert not _bevestigd(doel, hashes)


@pytest.mark.parametrize("geval", ["andere-hash", "geen-hash", "niet-vastgelegd", "weg",
                                   "koppeling", "map", "geen-record", "zelfde-tik",
                                   "niet-bekeken"])
def test_wat_het_record_niet_bevestigt(vastgelegd, geval):
    doel, hashes = vastgelegd
    verwacht: dict[str, str | None] = dict(hashes)
    if geval == "andere-hash":
        verwacht["b.md"] = "0" * 64
    elif geval == "geen-hash":
        verwacht["b.md"] = None
    elif geval == "niet-vastgelegd":
        (doel / "c.txt").write_bytes(b"derde")
        verwacht["c.txt"] = hashlib.sha256(b"derde").hexdigest()
    elif geval == "weg":
        (doel / "b.md").unlink()
    elif geval == "koppeling":  # recorded as a file, now a link to one with the same content
        (doel / "kopie").write_bytes(b"tweede")
        (doel / "b.md").unlink()
        (doel / "b.md").symlink_to("kopie")
    elif geval == "map":
        (doel / "b.md").unlink()
        (doel / "b.md").mkdir()
    elif geval == "geen-record":
        (doel.parent / kenmerken.BESTAND).unlink()
    elif geval == "zelfde-tik":  # the record written in the tick of the file: not trusted
        record = doel.parent / kenmerken.BESTAND
        a = (doel / "a.docx").stat()
        os.utime(record, ns=(a.st_atime_ns, max(a.st_mtime_ns, a.st_ctime_ns)))
    bekeken = [p for p in verwacht if p != "a.docx"] if geval == "niet-bekeken" else None
    assert not _bevestigd(doel, verwacht, bekeken)


def _tel_uitvoerafdrukken(monkeypatch: pytest.MonkeyPatch, uitvoer: Path) -> list[int]:
    """How often a fingerprint of the output folder is taken (the list grows per look)."""
    echt, uitvoermap = snelpad.afdruk, os.path.abspath(uitvoer)
    tellingen: list[int] = []

    def tel(paden, *args, **kwargs):
        paden = list(paden)
        if paden and paden[0].startswith(uitvoermap):
            tellingen.append(len(paden))
        return echt(paden, *args, **kwargs)

    monkeypatch.setattr(snelpad, "afdruk", tel)
    return tellingen


class _Nooit(kenmerken.Bevestiging):
    """A record that vouches for nothing."""

    @property
    def bevestigd(self) -> bool:
        return False


def _bij_het_vastleggen(monkeypatch: pytest.MonkeyPatch, naam: str, vervanger: object) -> None:
    """`kenmerken.<naam>` replaced only while the fingerprint is recorded (not in the run)."""
    echt = snelpad.Snelpad.leg_vast

    def leg_vast(self, *args):
        with pytest.MonkeyPatch.context() as m:
            m.setattr(kenmerken, naam, vervanger)
            return echt(self, *args)

    monkeypatch.setattr(snelpad.Snelpad, "leg_vast", leg_vast)


def test_na_een_run_wordt_de_uitvoer_een_keer_bekeken(regios, tmp_path, monkeypatch):
    uitvoer = tmp_path / "uit"
    tellingen = _tel_uitvoerafdrukken(monkeypatch, uitvoer)
    gelezen: list[object] = []
    _bij_het_vastleggen(monkeypatch, "in_map", lambda *a: gelezen.append(a) or ({}, True))
    assert _run(regios, uitvoer).geschreven
    assert len(tellingen) == 1 and tellingen[0] > 10  # one look, at every file of the folder
    assert gelezen == []  # nothing read or looked at again: the record vouched for each
    monkeypatch.undo()
    assert isinstance(_run(regios, uitvoer), OngewijzigdResultaat)


def test_wat_het_record_niet_bevestigt_wordt_gelezen_als_voorheen(regios, tmp_path,
                                                                  monkeypatch):
    uitvoer = tmp_path / "uit"
    _bij_het_vastleggen(monkeypatch, "Bevestiging", _Nooit)
    tellingen = _tel_uitvoerafdrukken(monkeypatch, uitvoer)
    assert _run(regios, uitvoer).geschreven
    assert len(tellingen) == 2  # read the usual way, and then still as fingerprinted
    monkeypatch.undo()
    assert isinstance(_run(regios, uitvoer), OngewijzigdResultaat)  # and recorded


def test_een_document_dat_niet_is_wat_de_run_maakte_wordt_niet_vastgelegd(regios, tmp_path,
                                                                           monkeypatch):
    uitvoer = tmp_path / "uit"
    _bij_het_vastleggen(monkeypatch, "Bevestiging", _Nooit)
    echt = kenmerken.in_map

    def met_de_hand(doel, regio, paden):
        gehasht, verouderd = echt(doel, regio, paden)
        pad = next(p for p in gehasht if p.endswith(".md"))
        return {**gehasht, pad: "0" * 64}, verouderd  # read: not what the run committed

    _bij_het_vastleggen(monkeypatch, "in_map", met_de_hand)
    assert _run(regios, uitvoer).geschreven
    assert not (uitvoer / "assen" / snelpad.BESTAND).exists()


def _piek_van_de_blik(doel: Path, aantal: int) -> int:
    """Peak memory of one look at `aantal` recorded files, checked against the record as it goes
    (the record and what is expected made beforehand: the caller holds them anyway)."""
    doel.mkdir(parents=True)
    hashes = {}
    for i in range(aantal):
        (doel / f"{i:05d}.md").write_bytes(b"x")
        hashes[f"{i:05d}.md"] = hashlib.sha256(b"x").hexdigest()
    time.sleep(0.03)
    kenmerken.leg_vast(doel, REGIO, hashes)
    paden = [os.path.join(os.path.abspath(doel), p) for p in hashes]
    bevestiging = kenmerken.Bevestiging(doel, REGIO, hashes)
    tracemalloc.start()
    try:
        voor = tracemalloc.get_traced_memory()[0]
        vingerafdruk.afdruk(paden, kijk=bevestiging)
        piek = tracemalloc.get_traced_memory()[1] - voor
    finally:
        tracemalloc.stop()
    assert bevestiging.bevestigd
    return piek


def test_de_blik_houdt_niet_elke_staat_vast(tmp_path):
    """Checking 8,000 files takes no more memory than 1,000: each state is checked as it is
    taken, not kept (the output of 20,000 aanbieders has some 80,000 files)."""
    klein = _piek_van_de_blik(tmp_path / "klein" / REGIO / "2025", 1000)
    groot = _piek_van_de_blik(tmp_path / "groot" / REGIO / "2025", 8000)
    assert groot < 1.5 * klein, (klein, groot)
