"""References from the programma van eisen to the overeenkomst: every "artikel … van de
overeenkomst" in the profile's texts must exist in the region's overeenkomst. Pure: walks the
profile model, names each text by file and field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from contracten.fouten import Melding
from contracten.profiel.model import Profiel
from contracten.rekenen.verwijzingen import bungelend, verwijzingen
from contracten.soorten.overeenkomst import structuur


def teksten(waarde: Any, pad: str) -> Iterator[tuple[str, str]]:
    """Every string in a model, with its field path ("secties[3].inhoud[0].tekst")."""
    if isinstance(waarde, str):
        yield pad, waarde
    elif isinstance(waarde, BaseModel):
        for naam in type(waarde).model_fields:
            yield from teksten(getattr(waarde, naam), f"{pad}.{naam}" if pad else naam)
    elif isinstance(waarde, dict):
        for sleutel, deel in waarde.items():
            yield from teksten(deel, f"{pad}.{sleutel}")
    elif isinstance(waarde, list | tuple):
        for i, deel in enumerate(waarde):
            yield from teksten(deel, f"{pad}[{i}]")


def programma_verwijzingen(profiel: Profiel) -> list[Melding]:
    leden = structuur(profiel)
    if leden is None:
        return []  # no overeenkomst yet: nothing to point at
    meldingen = []
    for bestand, model in (("inhoud.yaml", profiel.inhoud), ("programma.yaml", profiel.programma)):
        for pad, tekst in teksten(model, ""):
            for v in bungelend(verwijzingen(tekst, in_overeenkomst=False), leden):
                meldingen.append(Melding(f"{profiel.sleutel}/{bestand}", None, pad,
                                         f"verwijst naar {v.tekst} van de overeenkomst, dat "
                                         "deze regio niet heeft", "verwijzing_bestaat_niet"))
    return meldingen
