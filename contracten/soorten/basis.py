"""What every document context holds, whatever its kind (see README: variables 'alle')."""

from __future__ import annotations

from typing import Any

from contracten.opmaak import VOORBEELDMELDING
from contracten.profiel.model import Profiel


def basis(profiel: Profiel, prijspeil: int, versie: str, heeft_voorbeeld: bool) -> dict[str, Any]:
    return {
        "regio": profiel.regio,
        "aanbesteding": profiel.regio.aanbesteding,
        "programma": profiel.programma,
        "prijspeil": prijspeil,
        "versie": versie,
        "voorbeeldmelding": VOORBEELDMELDING if heeft_voorbeeld else "",
    }
