"""`definitief`: mark generated documents as definitief (signed); no later run overwrites them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from contracten.profiel.model import Profiel
from contracten.uitvoer import definitief
from contracten.uitvoer.map import slot


def markeer_definitief(regio: Profiel, *, datum: dt.date, uitvoer: Path | str = "output",
                       prijspeil: int | None = None, soorten: Sequence[str] = (),
                       aanbieders: Sequence[str] = (), ook_samenvattingen: bool = False
                       ) -> tuple[Path, list[str]]:
    """Mark the Word documents of the region's output folder (all, or those chosen) as
    definitief on `datum`; returns the folder and the marked paths. A contract that still holds
    our summaries of the Contractstandaard instead of its official text is refused, unless
    `ook_samenvattingen` says so explicitly."""
    jaar = prijspeil if prijspeil is not None else regio.laatste_prijspeil()
    map_ = Path(uitvoer) / regio.sleutel / str(jaar)
    with slot(map_):
        return map_, definitief.markeer(map_, soorten=soorten, aanbieders=aanbieders,
                                        datum=datum, ook_samenvattingen=ook_samenvattingen)
