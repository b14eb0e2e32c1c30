"""When the record of sizes and times (`uitvoer.kenmerken`) vouches for a file's sha256, field by
field: only a file recorded with the very size, modification time, change time and inode it has
now, and not changed within the tick the record was written, is not read again. The record here
is written by hand with a hash no file has: a file read again shows its real one."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from contracten.uitvoer import kenmerken

NEP = "f" * 64  # the hash the record claims; no content here has it
INHOUD = b"een document"
ECHT = hashlib.sha256(INHOUD).hexdigest()


def _map(tmp_path: Path) -> tuple[Path, Path, os.stat_result]:
    doel = tmp_path / "uit" / "assen" / "2025"
    (doel / "brieven").mkdir(parents=True)
    (doel / "brieven" / "a.docx").write_bytes(INHOUD)
    return doel, tmp_path / "uit" / "assen" / kenmerken.BESTAND, os.stat(doel / "brieven/a.docx")


def _record(record: Path, staat: os.stat_result, *, later: bool = True,
            anders: dict[str, int] | None = None) -> None:
    waarden = {"size": staat.st_size, "mtime": staat.st_mtime_ns, "ctime": staat.st_ctime_ns,
               "ino": staat.st_ino, **(anders or {})}
    record.write_text(json.dumps({"versie": kenmerken.VERSIE, "bestanden": {
        "assen/2025/brieven/a.docx": [waarden["size"], waarden["mtime"], waarden["ctime"],
                                      waarden["ino"], NEP]}}), encoding="utf-8")
    # written a second after the file, or within its tick (then nothing is trusted)
    tijd = max(staat.st_mtime_ns, staat.st_ctime_ns) + (10**9 if later else 0)
    os.utime(record, ns=(tijd, tijd))


def test_een_bestand_zoals_vastgelegd_wordt_niet_gelezen(tmp_path: Path) -> None:
    doel, record, staat = _map(tmp_path)
    _record(record, staat)
    assert kenmerken.in_map(doel, "assen", ["brieven/a.docx"]) == ({"brieven/a.docx": NEP}, False)
    assert kenmerken.hashes(tmp_path / "uit", "assen", ["assen/2025/brieven/a.docx"]) == {
        "assen/2025/brieven/a.docx": NEP}


@pytest.mark.parametrize("veld", ["size", "mtime", "ctime", "ino"])
def test_elk_ander_kenmerk_laat_het_bestand_lezen(tmp_path: Path, veld: str) -> None:
    doel, record, staat = _map(tmp_path)
    echt = {"size": staat.st_size, "mtime": staat.st_mtime_ns, "ctime": staat.st_ctime_ns,
            "ino": staat.st_ino}
    _record(record, staat, anders={veld: echt[veld] - 1})
    assert kenmerken.in_map(doel, "assen", ["brieven/a.docx"]) == ({"brieven/a.docx": ECHT}, True)
    assert kenmerken.hashes(tmp_path / "uit", "assen", ["assen/2025/brieven/a.docx"]) == {
        "assen/2025/brieven/a.docx": ECHT}


@pytest.mark.parametrize("verschuiving", [-5, 5])  # seconds: the change time the latest, or mtime
def test_een_bestand_uit_de_tik_van_het_record_wordt_gelezen(tmp_path: Path,
                                                          verschuiving: int) -> None:
    doel, record, staat = _map(tmp_path)
    tijd = staat.st_ctime_ns + verschuiving * 10**9
    os.utime(doel / "brieven" / "a.docx", ns=(tijd, tijd))
    staat = os.stat(doel / "brieven" / "a.docx")
    assert staat.st_mtime_ns != staat.st_ctime_ns
    _record(record, staat, later=False)
    assert kenmerken.in_map(doel, "assen", ["brieven/a.docx"])[0] == {"brieven/a.docx": ECHT}


def test_een_ontbrekend_bestand_of_een_map_heeft_geen_hash(tmp_path: Path) -> None:
    doel, record, staat = _map(tmp_path)
    _record(record, staat)
    assert kenmerken.in_map(doel, "assen", ["brieven/b.docx", "brieven"]) == (
        {"brieven/b.docx": None, "brieven": None}, False)
    os.remove(doel / "brieven" / "a.docx")
    assert kenmerken.in_map(doel, "assen", ["brieven/a.docx"]) == ({"brieven/a.docx": None}, True)
