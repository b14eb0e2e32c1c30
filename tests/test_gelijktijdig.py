"""Commands at the same time on one output folder, as real processes: the second waits for the
first (one lock per folder), and afterwards the manifest matches the files and no mark is lost."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import contracten

from .conftest import REGIOS, ROOT

DATUM = dt.date(2026, 1, 5)


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "contracten", "--regios", str(REGIOS), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_gelijktijdige_runs_en_markeringen(tmp_path: Path):
    contracten.genereer(contracten.laad_regio(REGIOS, "assen"), uitvoer=tmp_path, datum=DATUM)
    processen = [
        _start("genereer", "assen", "--aanbieder", "wonen-plus", "--uitvoer", str(tmp_path),
               "--datum", "2026-02-01"),
        _start("genereer", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--uitvoer",
               str(tmp_path), "--datum", "2026-02-02"),
        _start("definitief", "assen", "--document", "programma-van-eisen", "--uitvoer",
               str(tmp_path), "--datum", "2026-02-03", "--ook-voorbeelden"),
    ]
    for proces in processen:
        _, fout = proces.communicate(timeout=300)
        assert proces.returncode == 0, fout
    map_ = tmp_path / "assen/2025"
    manifest = json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))
    for document in manifest["documenten"]:  # every file as the manifest says
        inhoud = (map_ / document["pad"]).read_bytes()
        assert hashlib.sha256(inhoud).hexdigest() == document["sha256"], document["pad"]
    gemarkeerd = json.loads((map_ / "definitief.json").read_text(encoding="utf-8"))
    assert gemarkeerd["programma-van-eisen.docx"]["datum"] == "2026-02-03"  # the mark stays
    pve = hashlib.sha256((map_ / "programma-van-eisen.docx").read_bytes()).hexdigest()
    assert gemarkeerd["programma-van-eisen.docx"]["sha256"] == pve
    brieven = {d["pad"]: d for d in manifest["documenten"]}
    for aanbieder in ("wonen-plus", "zorg-welzijn-de-brug"):  # both runs' letters are there
        assert f"brieven/socialreturn/{aanbieder}.docx" in brieven
    # no staging; the lock stays, the record of the files' sizes and times (and its supplement),
    # and the fingerprint of the last run (for an unchanged rerun)
    assert not [p for p in (tmp_path / "assen").iterdir()
                if p.name not in ("2025", ".contracten-2025.slot", ".contracten-kenmerken.json",
                                  ".contracten-kenmerken.bij.json",
                                  ".contracten-vingerafdruk.json")]
