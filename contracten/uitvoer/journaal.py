"""Carrying out a commit of an output folder (see `uitvoer.map`): the journal in the staging
folder lists what goes away; every staged file is moved into place, the manifest last. Also
run by the next run for a commit a killed process left halfway (`herstel`)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from contracten.fouten import ContractenFout
from contracten.lezen.vingerafdruk import Staat, staat_van
from contracten.profiel.slot import VOORVOEGSEL
from contracten.profiel.wissel import voer_uit as voer_profielwissel_uit
from contracten.uitvoer.manifest import BESTAND

JOURNAAL = "journaal.json"


def veilig_pad(pad: str) -> str:
    """A path from a manifest or a document kind: relative, and never out of its folder."""
    delen = Path(pad).parts
    if not pad or Path(pad).is_absolute() or ".." in delen or "\\" in pad:
        raise ContractenFout(f"Ongeldig pad in de uitvoer: '{pad}'.")
    return pad


def staten_van(map_: str, paden: Iterable[str]) -> dict[str, Staat]:
    """The lstat of each file `<map_>/<pad>` that is there (`paden`: the run's own, of its
    manifest; a commit never fails on it)."""
    staten: dict[str, Staat] = {}
    for pad in paden:
        with contextlib.suppress(OSError):
            staten[pad] = staat_van(os.lstat(os.path.join(map_, pad)))
    return staten


def bestanden(map_: Path) -> Iterator[str]:
    """The files under `map_`, as relative paths with forward slashes (strings, not Path
    objects: a run can stage tens of thousands)."""
    for wortel, _, namen in os.walk(map_):
        waar = Path(wortel).relative_to(map_).as_posix()
        for naam in namen:
            yield naam if waar == "." else f"{waar}/{naam}"


def herstel(doel: Path) -> None:
    """Finish a commit that a killed process left halfway; remove staging that never got there.
    Only called while holding the folder's lock."""
    naam = "".join(f"[{t}]" if t in "*?[" else t for t in doel.name)
    for staging in sorted(doel.parent.glob(f"{VOORVOEGSEL}{naam}-{'?' * 8}")):
        if not staging.is_dir():
            continue
        if (staging / JOURNAAL).is_file():
            voer_uit(staging, doel)
        else:
            shutil.rmtree(staging, ignore_errors=True)


def voer_uit(staging: Path, doel: Path) -> dict[str, Staat]:
    """Carry out the commit whose journal is in `staging`. Returns the lstat of each file it
    moved into place, taken right after the move: what the commit put there, before anyone
    else could change it (on Linux and macOS a move gives the file a new change time)."""
    journaal = json.loads((staging / JOURNAAL).read_text(encoding="utf-8"))
    if (profiel := journaal.get("profiel")) is not None:
        voer_profielwissel_uit(Path(profiel))  # the profile's files first
    doel.mkdir(exist_ok=True)
    # What an earlier, interrupted attempt moved is no longer there. (A journal written by an
    # earlier version of contracten lists the new files itself.)
    nieuw = journaal.get("nieuw", [])[:-1] or [
        pad for pad in bestanden(staging)
        if pad not in (BESTAND, JOURNAAL, f"{JOURNAAL}.tmp")]
    van, naar = str(staging), str(doel)  # strings: a run can move tens of thousands
    staten: dict[str, Staat] = {}
    for pad in nieuw:
        bron, plek = os.path.join(van, veilig_pad(pad)), os.path.join(naar, pad)
        try:
            os.replace(bron, plek)
        except FileNotFoundError:  # its folder is new, or an earlier attempt moved it
            if not os.path.exists(bron):
                continue
            os.makedirs(os.path.dirname(plek), exist_ok=True)
            os.replace(bron, plek)
        with contextlib.suppress(OSError):
            staten[pad] = staat_van(os.lstat(plek))
    for pad in journaal["weg"]:
        (doel / veilig_pad(pad)).unlink(missing_ok=True)
        _ruim_lege_mappen(doel, (doel / pad).parent)
    if (staging / BESTAND).exists():
        os.replace(staging / BESTAND, doel / BESTAND)
    shutil.rmtree(staging, ignore_errors=True)
    return staten


def _ruim_lege_mappen(doel: Path, map_: Path) -> None:
    """Remove folders a removal left empty, up to (not including) the output folder."""
    while map_ != doel and doel in map_.parents and map_.is_dir() and not any(map_.iterdir()):
        map_.rmdir()
        map_ = map_.parent
