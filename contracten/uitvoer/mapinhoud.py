"""Which of many files are still there, from one listing of each folder rather than a look at
each file: the record of sizes and times (`kenmerken`) of a run of 20,000 aanbieders names
40,000 files in two folders."""

from __future__ import annotations

import os
from collections.abc import Iterable


def geen_bestand(basis: str, paden: Iterable[str]) -> set[str]:
    """The paths (relative to `basis`) that are not a file (`os.path.isfile`), from one listing
    per folder rather than a look at each file; a folder that cannot be listed, file by file."""
    per_map: dict[str, set[str] | None] = {}  # the files of each folder (only their names)
    weg: set[str] = set()
    for pad in paden:
        map_, _, naam = pad.rpartition("/")
        if map_ not in per_map:
            per_map[map_] = _bestandsnamen(os.path.join(basis, map_))
        namen = per_map[map_]
        er = naam in namen if namen is not None else os.path.isfile(os.path.join(basis, pad))
        if not er:
            weg.add(pad)
    return weg


def _bestandsnamen(map_: str) -> set[str] | None:
    try:  # (is_file follows a link, as isfile does)
        with os.scandir(map_) as lijst:
            return {e.name for e in lijst if e.is_file()}
    except OSError:
        return None
