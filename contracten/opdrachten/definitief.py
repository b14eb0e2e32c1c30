"""`definitief`: mark generated documents as definitief (signed); no later run overwrites them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from contracten.opdrachten.goedkeuring import zet_stap
from contracten.profiel.model import Profiel
from contracten.uitvoer import definitief
from contracten.uitvoer.map import slot


def markeer_definitief(regio: Profiel, *, datum: dt.date, uitvoer: Path | str = "output",
                       prijspeil: int | None = None, soorten: Sequence[str] = (),
                       aanbieders: Sequence[str] = (), ook_samenvattingen: bool = False,
                       door: str | None = None, opmerking: str | None = None,
                       tijdstip: dt.datetime | None = None, database: str | Path | None = None
                       ) -> tuple[Path, list[str]]:
    """Mark the Word documents of the region's output folder (all, or those chosen) as
    definitief on `datum`; returns the folder and the marked paths. A contract that still holds
    our summaries of the Contractstandaard instead of its official text is refused, unless
    `ook_samenvattingen` says so explicitly.

    With `door`, the step is also recorded in the contract register (at `tijdstip`, with
    `opmerking`), and only for documents that have juridisch akkoord there and are unchanged
    on disk; without it, only the files are marked, as before the register existed."""
    jaar = prijspeil if prijspeil is not None else regio.laatste_prijspeil()
    map_ = Path(uitvoer) / regio.sleutel / str(jaar)
    registreren = door is not None

    def vastleggen(alleen_controleren: bool) -> None:
        assert tijdstip is not None, "een stap in het register heeft een tijdstip"
        zet_stap(regio, "definitief", door=door or "", tijdstip=tijdstip, opmerking=opmerking,
                 uitvoer=uitvoer, prijspeil=jaar, aanbieders=aanbieders, soorten=soorten,
                 database=database, alleen_controleren=alleen_controleren)

    if registreren:
        vastleggen(alleen_controleren=True)  # refused before any file is marked
    with slot(map_):
        gemarkeerd = definitief.markeer(map_, soorten=soorten, aanbieders=aanbieders,
                                        datum=datum, ook_samenvattingen=ook_samenvattingen)
    if registreren:
        vastleggen(alleen_controleren=False)
    return map_, gemarkeerd
