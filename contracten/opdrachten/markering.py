"""The marker on disk (definitief.json) follows the register: a document the register holds as
definitief (or getekend) whose marker is missing, for instance because a run stopped between
recording and marking, gets it back whenever the register is read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contracten import tijd
from contracten.uitvoer import definitief
from contracten.uitvoer.indeling import Indeling
from contracten.uitvoer.map import slot

if TYPE_CHECKING:
    import datetime as dt

    from contracten.opdrachten.goedkeuring import DocumentStatus


def herstel(regio: str, uitvoer: Path, documenten: Sequence[DocumentStatus]) -> list[str]:
    """Write the missing markers of the definitief documents among `documenten` that are on
    disk as the register holds them; returns their paths in the register."""
    per_map: dict[Path, dict[str, tuple[str, dt.date]]] = {}
    registerpaden: dict[tuple[Path, str], str] = {}
    indeling = Indeling(uitvoer)
    # each folder and its markers once, not once per document: thousands are definitief
    mappen: dict[str, tuple[Path, str] | None] = {}
    gemarkeerd: dict[Path, dict[str, dict[str, object]]] = {}
    for d in documenten:
        stappen = [s for s in d.stand.geschiedenis if s.stap == "definitief"]
        if not stappen or d.op_schijf != "gelijk":
            continue
        boven, _, naam = d.stand.pad.rpartition("/")
        if naam in ("", "..") or "\\" in naam:  # as `map_van` refuses it
            continue
        if boven not in mappen:  # only the folders of a path decide where it belongs
            gevonden = indeling.map_van(regio, d.stand.pad)
            mappen[boven] = None if gevonden is None else \
                (gevonden[0], gevonden[1][:len(gevonden[1]) - len(naam)])
        if (plek := mappen[boven]) is None:
            continue
        map_, binnen = plek[0], plek[1] + naam
        if map_ not in gemarkeerd:
            gemarkeerd[map_] = definitief.lees(map_)
        if binnen in gemarkeerd[map_]:
            continue
        per_map.setdefault(map_, {})[binnen] = (d.stand.sha256, tijd.dag(stappen[-1].op))
        registerpaden[map_, binnen] = d.stand.pad
    hersteld = []
    for map_, ontbrekend in per_map.items():
        with slot(map_):
            hersteld += [registerpaden[map_, p] for p in definitief.herstel(map_, ontbrekend)]
    return hersteld
