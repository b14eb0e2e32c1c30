"""What a run needs to know of its output folder before it decides anything (see `verschil`):
which files of the previous manifest are on disk exactly as the manifest says, without reading
every one. Each file's sha256 comes from the record of sizes and times (`uitvoer.kenmerken`):
only a file changed since it was written is read again."""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

from contracten.lezen.vingerafdruk import Gezien, Staat
from contracten.uitvoer import definitief, kenmerken
from contracten.uitvoer.manifest import Manifest
from contracten.uitvoer.map import Uitvoermap, sha256

_PAD = attrgetter("pad")


@dataclass(frozen=True)
class OpSchijf:
    gelijk: dict[str, str]  # path: sha256, of each file on disk as the manifest says
    verouderd: bool  # the record did not know them all: to record after the commit
    # Files changed by hand since the previous run (not finalised ones: those stop the run):
    # not as the manifest says, so their documents are made again.
    gewijzigd: list[str]
    # The lstat of each regular file looked at (see `Resultaat.gezien`)
    gezien: Gezien
    # Files of the manifest or the register that are not there: for the record to forget
    ontbreekt: list[str]


def op_schijf(doel: Path, regio: str, vorig: Manifest | None,
              register: dict[str, dict[str, Any]]) -> OpSchijf:
    """The files of `vorig` in `doel` as they are now. Raises InvoerFout when a finalised
    document (`register`) was changed or removed (see `definitief.controleer`)."""
    vorige = vorig.documenten if vorig else []
    genomen, staten = time.time_ns(), dict[str, Staat]()
    gehasht, verouderd = kenmerken.in_map(doel, regio, dict.fromkeys(
        chain(map(_PAD, vorige), register)), staten)
    definitief.controleer(doel, register, gehasht)
    # One pass over the entries (80,000 in a run of 20,000 aanbieders) for both.
    gelijk: dict[str, str] = {}
    anders: list[str] = []
    for d in vorige:
        if (hash_ := gehasht[d.pad]) == d.sha256:
            gelijk[d.pad] = hash_
        elif hash_ is not None:
            anders.append(d.pad)
    gewijzigd = sorted(pad for pad in anders if pad not in gelijk)
    ontbreekt = [pad for pad, hash_ in gehasht.items() if hash_ is None] if verouderd else []
    return OpSchijf(gelijk, verouderd, gewijzigd, Gezien(staten, genomen), ontbreekt)


def bewaar_eigen(map_: Uitvoermap, pad: str) -> str:
    """Keep a file changed by hand that the run makes again: staged beside it under a name of
    its own (`<naam>.met-de-hand-<sha256, 8 tekens>.<ext>`, never one the tool makes), it comes
    into place with the run and stays, as every file of one's own does. Returns that name."""
    inhoud = map_.bestaand(pad).read_bytes()
    stam_, _, extensie = pad.rpartition(".")
    naam = f"{stam_}.met-de-hand-{sha256(inhoud)[:8]}.{extensie}"
    map_.schrijf(naam, inhoud)
    return naam
