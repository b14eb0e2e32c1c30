"""What `contracten regios` shows of a profile."""

from __future__ import annotations

from typing import Any

from contracten.profiel.model import Profiel


def samenvatting(profiel: Profiel) -> dict[str, Any]:
    regio = profiel.regio
    return {
        "regio": profiel.sleutel,
        "naam": regio.naam,
        "bekostigingsvorm": regio.bekostigingsvorm,
        "gemeenten": [g.naam for g in regio.gemeenten],
        "prijspeilen": list(profiel.prijspeilen),
        "producten": [e.sleutel for e in profiel.eenheden],
        "aanbieders": [a.id for a in profiel.aanbieders],
    }
