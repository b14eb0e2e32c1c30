"""Which role may take which approval step in a region (regio.yaml `rollen`, optional). The
default: juridisch akkoord by a jurist, definitief and getekend by a contractmanager, and
definitief not by the person who gave juridisch akkoord (four eyes). A beheerder manages the
users and takes no step: a region cannot name that role here."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contracten.profiel.typen import Model

Stapsrol = Literal["inkoper", "jurist", "contractmanager"]


class Rollen(Model):
    juridisch_akkoord: list[Stapsrol] = Field(default=["jurist"], min_length=1)
    definitief: list[Stapsrol] = Field(default=["contractmanager"], min_length=1)
    getekend: list[Stapsrol] = Field(default=["contractmanager"], min_length=1)
    # definitief never by whoever gave the document juridisch akkoord
    vier_ogen: bool = True

    def voor(self, stap: str) -> list[str]:
        return list(getattr(self, stap))
