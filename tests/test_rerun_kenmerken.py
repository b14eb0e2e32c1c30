"""An unchanged rerun decides from the manifest and the record of sizes and times
(`.contracten-kenmerken.json`): it reads none of the documents. A file changed or removed by
hand is still noticed (size, time or inode changed: read again; missing: made again)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contracten import genereer, laad_regio
from contracten.uitvoer import kenmerken, manifest

from .conftest import ASSEN_DATUM, ROOT

# A rerun in its own process, every file it opens noted (an audit hook sees each open()).
_HERHAAL = """
import datetime as dt, json, os, sys
geopend = []
def let_op(gebeurtenis, argumenten):
    if gebeurtenis == "open" and isinstance(argumenten[0], (str, bytes, os.PathLike)):
        geopend.append(os.path.abspath(os.fsdecode(argumenten[0])))
sys.addaudithook(let_op)
import contracten
regios, uitvoer = sys.argv[1], sys.argv[2]
resultaat = contracten.genereer(contracten.laad_regio(regios, "assen"), uitvoer=uitvoer,
                                datum=dt.date.fromisoformat(sys.argv[3]))
print(json.dumps({"geopend": geopend, "geschreven": resultaat.geschreven}))
"""


def _herhaal(regios: Path, uitvoer: Path) -> tuple[set[str], list[str]]:
    """Run genereer again in a fresh process: the files it opened in `uitvoer` (relative to
    the run's folder) and what it wrote."""
    omgeving = {**os.environ,
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proces = subprocess.run([sys.executable, "-c", _HERHAAL, str(regios), str(uitvoer),
                             ASSEN_DATUM.isoformat()], capture_output=True, text=True,
                            env=omgeving, cwd=ROOT, timeout=300)
    assert proces.returncode == 0, proces.stderr
    uit = json.loads(proces.stdout.strip().splitlines()[-1])
    map_ = os.path.abspath(uitvoer / "assen" / "2025")
    return ({os.path.relpath(p, map_) for p in uit["geopend"] if p.startswith(map_ + os.sep)},
            uit["geschreven"])


@pytest.fixture
def gegenereerd(regios: Path, tmp_path: Path) -> Path:
    """Assen generated into a folder of its own (not a copy: a copy has new inodes and times,
    and its first look reads every file once)."""
    uitvoer = tmp_path / "uit"
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    return uitvoer


def test_de_run_legt_vast_wat_hij_schreef(gegenereerd):
    gelezen = manifest.lees(gegenereerd / "assen" / "2025")
    assert gelezen is not None
    record = json.loads((gegenereerd / "assen" / kenmerken.BESTAND).read_text())["bestanden"]
    for d in gelezen.documenten:
        assert record[f"assen/2025/{d.pad}"][4] == d.sha256, d.pad


def test_een_ongewijzigde_rerun_leest_geen_enkel_document(regios, gegenereerd):
    gelezen = manifest.lees(gegenereerd / "assen" / "2025")
    assert gelezen is not None
    geopend, geschreven = _herhaal(regios, gegenereerd)
    assert geschreven == []
    assert not geopend & {d.pad for d in gelezen.documenten}, sorted(geopend)
    assert "manifest.json" in geopend  # what it did decide from


def test_een_met_de_hand_gewijzigd_document_wordt_opnieuw_gemaakt(regios, gegenereerd):
    map_ = gegenereerd / "assen" / "2025"
    pad = map_ / "overeenkomsten" / "wonen-plus.md"
    origineel = pad.read_bytes()
    pad.write_bytes(origineel.replace(b"a", b"b", 1))  # same size, new content and mtime
    geopend, geschreven = _herhaal(regios, gegenereerd)
    assert "overeenkomsten/wonen-plus.md" in geopend  # its time changed: read again
    assert "overeenkomsten/wonen-plus.md" in geschreven
    assert pad.read_bytes() == origineel  # byte for byte what the run makes
    assert len([p for p in geschreven if p.endswith(".docx")]) == 1
    # nothing lost: the hand-made version stays beside it, under a name of its own
    (eigen,) = (map_ / "overeenkomsten").glob("wonen-plus.met-de-hand-*.md")
    assert eigen.read_bytes() == origineel.replace(b"a", b"b", 1)


def test_de_run_zegt_welk_gewijzigd_document_opnieuw_gemaakt_is(regios, gegenereerd):
    pad = gegenereerd / "assen" / "2025" / "programma-van-eisen.md"
    pad.write_bytes(pad.read_bytes() + b"\nmijn aantekening\n")
    eigen = f"programma-van-eisen.met-de-hand-{hashlib.sha256(pad.read_bytes()).hexdigest()[:8]}.md"
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=gegenereerd, datum=ASSEN_DATUM)
    assert "programma-van-eisen.md" in resultaat.geschreven
    assert [w for w in resultaat.waarschuwingen if "programma-van-eisen.md" in w] == [
        "programma-van-eisen.md is na de vorige run buiten contracten om gewijzigd: uw versie "
        f"staat nu als {eigen} en het document is opnieuw gemaakt."]
    assert b"mijn aantekening" not in pad.read_bytes()
    assert b"mijn aantekening" in (pad.parent / eigen).read_bytes()
    # a later run keeps it, as every file of one's own
    genereer(laad_regio(regios, "assen"), uitvoer=gegenereerd, datum=ASSEN_DATUM)
    assert (pad.parent / eigen).is_file()


def test_een_verwijderd_document_wordt_opnieuw_gemaakt(regios, gegenereerd):
    pad = gegenereerd / "assen" / "2025" / "programma-van-eisen.docx"
    origineel = pad.read_bytes()
    pad.unlink()
    _, geschreven = _herhaal(regios, gegenereerd)
    assert "programma-van-eisen.docx" in geschreven
    assert pad.read_bytes() == origineel


def test_alleen_een_nieuwe_tijd_leest_het_bestand_maar_maakt_het_niet_opnieuw(regios,
                                                                              gegenereerd):
    pad = gegenereerd / "assen" / "2025" / "overeenkomsten" / "wonen-plus.docx"
    os.utime(pad, ns=(pad.stat().st_atime_ns, pad.stat().st_mtime_ns - 5_000_000_000))
    geopend, geschreven = _herhaal(regios, gegenereerd)
    assert "overeenkomsten/wonen-plus.docx" in geopend
    assert geschreven == []
    geopend, _ = _herhaal(regios, gegenereerd)  # its new time is in the record now
    assert "overeenkomsten/wonen-plus.docx" not in geopend


def test_wat_net_geschreven_is_wordt_de_volgende_keer_vertrouwd(tmp_path, monkeypatch):
    """Files committed just before the record: it is written in a later tick of the file
    system's clock, so the next look trusts them (reads none) and still sees a later change."""
    doel = tmp_path / "uit" / "assen" / "2025"
    doel.mkdir(parents=True)
    bekend = {}
    for i in range(50):
        pad = doel / f"{i}.md"
        pad.write_bytes(f"document {i}".encode())
        bekend[f"{i}.md"] = hashlib.sha256(f"document {i}".encode()).hexdigest()
    # The last one with a time 30 ms on, as a file system whose clock ticks coarsely gives it.
    staat = pad.stat()
    os.utime(pad, ns=(staat.st_atime_ns, staat.st_mtime_ns + 30_000_000))
    kenmerken.leg_vast(doel, "assen", bekend)
    gelezen = []
    echt = kenmerken.sha256
    monkeypatch.setattr(kenmerken, "sha256", lambda data: gelezen.append(data) or echt(data))
    gehasht, verouderd = kenmerken.in_map(doel, "assen", bekend)
    assert gehasht == bekend and not verouderd
    assert gelezen == []  # not one file read
    (doel / "7.md").write_bytes(b"document X")  # same size, changed
    gehasht, verouderd = kenmerken.in_map(doel, "assen", bekend)
    assert verouderd
    assert gehasht["7.md"] == hashlib.sha256(b"document X").hexdigest()
