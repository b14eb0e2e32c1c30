"""What every run of genereer pays besides its documents stays small: modules it does not need
are not loaded (the holiday calendar only when a date is looked at, the pdf code only with
pdfs), the record of sizes and times (uitvoer/kenmerken.py) this process just wrote is not
parsed again, and which recorded files are still there is seen from one look per folder. The
fingerprint of a folder (lezen.vingerafdruk) and that record are exactly the text the plain way
gives, whatever the size of their pieces."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from contracten.lezen.vingerafdruk import _staat, afdruk
from contracten.uitvoer import kenmerken, kenmerkrecord
from contracten.uitvoer.kenmerkrecord import VERSIE, _stukken

from .test_opstarten import _modules


def test_genereer_laadt_de_feestdagen_niet():
    modules = _modules("import contracten.pijplijn.draai, contracten.pijplijn.werk, "
                       "contracten.opdrachten.genereer, contracten.rekenen.opzegging")
    assert "contracten.rekenen.opzegging" in modules
    assert not any(m == "holidays" or m.startswith("holidays.") for m in modules)


def test_genereer_laadt_pdf_en_yamlbewerking_niet():
    modules = _modules("import contracten.pijplijn.draai, contracten.pijplijn.werk, "
                       "contracten.opdrachten.genereer, contracten.profiel.laden")
    assert "contracten.pijplijn.uitvoeren" in modules and "contracten.profiel.formaat" in modules
    assert "contracten.weergave.pdf" not in modules
    assert not any(m == "ruamel" or m.startswith("ruamel.") for m in modules)


def test_feestdagen_worden_nog_gemarkeerd():
    from contracten.rekenen.opzegging import markering

    assert markering(dt.date(2026, 12, 26)) == "tweede kerstdag"
    assert markering(dt.date(2026, 4, 27)) == "koningsdag"
    assert markering(dt.date(2026, 11, 28)) == "zaterdag"
    assert markering(dt.date(2026, 11, 23)) is None


def _documenten(doel: Path, aantal: int) -> dict[str, str]:
    doel.mkdir(parents=True, exist_ok=True)
    bekend = {}
    for i in range(aantal):
        (doel / f"{i}.md").write_bytes(f"document {i}".encode())
        bekend[f"{i}.md"] = hashlib.sha256(f"document {i}".encode()).hexdigest()
    return bekend


@pytest.fixture
def gelezen(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The records parsed (not taken from what this process wrote or read before)."""
    uit: list[Path] = []
    echt = kenmerkrecord._parse

    def parse(pad):
        uit.append(pad)
        return echt(pad)

    monkeypatch.setattr(kenmerkrecord, "_parse", parse)
    return uit


def test_wat_de_run_vastlegde_wordt_niet_opnieuw_gelezen(tmp_path, gelezen):
    doel = tmp_path / "uit" / "assen" / "2025"
    bekend = _documenten(doel, 20)
    kenmerken.leg_vast(doel, "assen", bekend)
    aantal = len(gelezen)
    gehasht, verouderd = kenmerken.in_map(doel, "assen", bekend)
    assert gehasht == bekend and not verouderd
    assert len(gelezen) == aantal  # what this process wrote, it knows
    # … and what is on disk is what it knows
    kenmerkrecord._gelezen._bewaard.clear()
    assert kenmerken.in_map(doel, "assen", bekend) == (bekend, False)
    assert len(gelezen) == aantal + 1


def test_een_record_van_een_ander_proces_wordt_gelezen(tmp_path, gelezen):
    doel = tmp_path / "uit" / "assen" / "2025"
    bekend = _documenten(doel, 5)
    kenmerken.leg_vast(doel, "assen", bekend)
    record = tmp_path / "uit" / "assen" / kenmerken.BESTAND
    # Another process's record (a new file in its place): a wrong hash for 0.md, as if it
    # had recorded another content of the same size and times.
    data = json.loads(record.read_bytes())
    data["bestanden"]["assen/2025/0.md"][4] = "0" * 64
    ander = record.with_name("ander")
    ander.write_text(json.dumps(data))
    os.replace(ander, record)
    aantal = len(gelezen)
    gehasht, _ = kenmerken.in_map(doel, "assen", bekend)
    assert len(gelezen) == aantal + 1
    assert gehasht["0.md"] == "0" * 64  # what that record says: it was read, not ours


@pytest.mark.parametrize("per", [1, 2, 3, 1000])
def test_vingerafdruk_is_de_sha256_van_de_lijst_van_staten(tmp_path, per):
    paden = []
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("x" * i, encoding="utf-8")
        paden.append(str(tmp_path / f"{i}.txt"))
    paden.insert(2, str(tmp_path / "weg"))  # a missing one counts as missing
    verwacht = hashlib.sha256(repr([_staat(p) for p in paden]).encode()).hexdigest()
    assert afdruk(paden, per=per)[0] == verwacht
    assert afdruk([], per=per)[0] == hashlib.sha256(b"[]").hexdigest()
    assert afdruk(paden[:per], per=per)[0] == hashlib.sha256(
        repr([_staat(p) for p in paden[:per]]).encode()).hexdigest()


@pytest.mark.parametrize("per", [1, 2, 1000])
@pytest.mark.parametrize("aantal", [0, 1, 2, 5])
def test_kenmerkenrecord_is_de_json_van_het_geheel(per, aantal):
    bewaard = {f"regio/2025/ë {i}\"\\.docx": (i, 2 * i, 3 * i, 4 * i, f"{i:064x}")
               for i in range(aantal)}
    verwacht = json.dumps({"versie": VERSIE, "bestanden": bewaard}, separators=(",", ":"))
    assert b"".join(_stukken(bewaard, per=per)) == verwacht.encode("utf-8")
