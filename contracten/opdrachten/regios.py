"""`regios`: the region profiles in a folder, summarised."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contracten.fouten import ContractenFout

from .samenvattingen import Samenvattingen

if TYPE_CHECKING:
    from contracten.profiel.model import Profiel


def regios(map_: Path | str = "regios") -> list[Profiel]:
    """Load every region profile in `map_`. Raises ContractenFout when there is none."""
    from contracten.profiel.laden import laad_regio, vind_regios

    namen = vind_regios(map_)
    if not namen:
        raise ContractenFout(f"Geen regioprofielen gevonden in {map_}.")
    return [laad_regio(map_, naam) for naam in namen]


def samenvatting(profiel: Profiel | Path | str, naam: str | None = None) -> dict[str, Any]:
    """What `regios --json` shows of a profile (docs/ontwikkelaars/ontwerp.md):
    `bekostigingsvorm` is the tender's (null when its percelen differ); `percelen` the
    tender's, each with its bekostigingsvorm and its opdrachtnemers (aanbieder ids).

    `profiel` is a loaded profile, or a region folder as `laad_regio` takes it
    (`samenvatting("regios/assen")`, `samenvatting("regios", "assen")`): then the summary kept
    from an earlier look is given while nothing it came from changed (see `samenvattingen`);
    otherwise the profile is loaded and checked (raising InvoerFout as `laad_regio` does)."""
    if not isinstance(profiel, (str, os.PathLike)):
        return _samenvatting(profiel)
    regios_, naam_ = (Path(profiel), naam) if naam is not None \
        else (Path(profiel).parent, Path(profiel).name)
    geheugen = Samenvattingen(regios_, naam_)
    bewaard = geheugen.bewaard()
    if bewaard is not None:
        return bewaard
    from contracten.profiel.laden import laad_regio

    voor = geheugen.neem_waar()
    geladen = laad_regio(regios_, naam_)
    uit = _samenvatting(geladen)
    gelezen = {os.path.abspath(p) for p in geladen.bestanden}
    if geladen.bibliotheek is not None:
        gelezen |= {os.path.abspath(p) for p in geladen.bibliotheek.bestanden.values()}
    geheugen.bewaar(voor, gelezen, uit)
    return uit


def _samenvatting(profiel: Profiel) -> dict[str, Any]:
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
