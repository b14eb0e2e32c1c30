"""The main process of a large run must not hold, at its commit, something the size of the whole
run several times over: measured with tracemalloc's peak (never the clock) at two sizes."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from contracten.uitvoer import kenmerken


def _bestanden(map_: Path, aantal: int) -> dict[str, kenmerken.Kenmerk]:
    (map_ / "r").mkdir(parents=True)
    bekend: dict[str, kenmerken.Kenmerk] = {}
    for i in range(aantal):
        pad = f"r/overeenkomst-aanbieder-{i:05d}.docx"
        (map_ / pad).write_bytes(b"")
        bekend[pad] = (i, 1_700_000_000_000_000_000 + i, 1_700_000_000_000_000_000 + i, i,
                       f"{i:064x}")
    return bekend


def _piek_van_schrijven(map_: Path, aantal: int) -> int:
    bekend = _bestanden(map_, aantal)
    tracemalloc.start()
    try:
        voor = tracemalloc.get_traced_memory()[0]
        kenmerken._schrijf(map_ / "r" / kenmerken.BESTAND, map_, bekend)
        return tracemalloc.get_traced_memory()[1] - voor
    finally:
        tracemalloc.stop()


def test_het_kenmerkenrecord_wordt_in_stukken_geschreven(tmp_path):
    """Writing the record of 8,000 files takes no more memory than of 1,000: written entry by
    entry, not as one text of every file (with every entry copied into a list for it), which at
    20,000 aanbieders made the record's rewrite the main process's largest moment."""
    klein = _piek_van_schrijven(tmp_path / "klein", 1000)
    groot = _piek_van_schrijven(tmp_path / "groot", 8000)
    assert groot < 1.5 * klein, (klein, groot)
    # and the record is what it was: one JSON object of every file still there
    data = json.loads((tmp_path / "groot" / "r" / kenmerken.BESTAND).read_bytes())
    assert data["versie"] == kenmerken.VERSIE and len(data["bestanden"]) == 8000


def test_het_record_in_stukken_is_byte_voor_byte_het_oude(tmp_path):
    """The same bytes as one `json.dumps` of the whole record, with a file that is gone left
    out and a name outside ASCII."""
    bekend = _bestanden(tmp_path, 2500)
    (tmp_path / "r" / "één.docx").write_bytes(b"")
    bekend["r/één.docx"] = (1, 2, 3, 4, "a" * 64)
    bekend["r/weg.docx"] = (1, 2, 3, 4, "b" * 64)
    kenmerken._schrijf(tmp_path / "r" / kenmerken.BESTAND, tmp_path, bekend)
    del bekend["r/weg.docx"]
    verwacht = json.dumps({"versie": kenmerken.VERSIE,
                           "bestanden": {k: list(v) for k, v in bekend.items()}},
                          separators=(",", ":")).encode("utf-8")
    assert (tmp_path / "r" / kenmerken.BESTAND).read_bytes() == verwacht
