"""`regios`: the region profiles in a folder, summarised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contracten.fouten import ContractenFout
from contracten.profiel.laden import laad_regio, vind_regios
from contracten.profiel.model import Profiel


def regios(map_: Path | str = "regios") -> list[Profiel]:
    """Load every region profile in `map_`. Raises ContractenFout when there is none."""
    namen = vind_regios(map_)
    if not namen:
        raise ContractenFout(f"Geen regioprofielen gevonden in {map_}.")
    return [laad_regio(map_, naam) for naam in namen]


def samenvatting(profiel: Profiel) -> dict[str, Any]:
    """What `regios --json` shows of a profile (docs/ontwikkelaars/ontwerp.md):
    `bekostigingsvorm` is the tender's (null when its percelen differ); `percelen` the
    tender's, each with its bekostigingsvorm and its opdrachtnemers (aanbieder ids)."""
    regio = profiel.regio
    vormen = {p.bekostigingsvorm for p in profiel.percelen}
    return {
        "regio": profiel.sleutel,
        "naam": regio.naam,
        "bekostigingsvorm": vormen.pop() if len(vormen) == 1 else None,
        "gemeenten": [g.naam for g in regio.gemeenten],
        "prijspeilen": list(profiel.prijspeilen),
        "producten": [e.sleutel for e in profiel.eenheden],
        "aanbieders": [a.id for a in profiel.aanbieders],
        "percelen": [{"nummer": p.nummer, "naam": p.naam, "bekostigingsvorm": p.bekostigingsvorm,
                      "opdrachtnemers": [c.aanbieder.id for c in profiel.contracten
                                         if c.perceel.nummer == p.nummer]}
                     for p in profiel.percelen],
    }
