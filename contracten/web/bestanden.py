"""Only what contracten made: a file of a region's output folder is served when the manifest of
its folder lists it (a prijspeil's documents, an opzegging's, the realisatie, a comparison's
report and redlines), or when it is a signed PDF the register recorded for a listed document
(`<naam>.getekend.pdf`, `-2` …). Anything else — a user's own notes, the manifest itself, a
path with a NUL byte, '..', a backslash, an absolute or an overlong path — is 404, never 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from starlette.exceptions import HTTPException

import contracten

BESTANDEN = {".docx", ".pdf", ".html", ".md", ".xlsx", ".csv", ".ics"}
LANGSTE = 1000  # characters: no generated path comes near it
GETEKEND = re.compile(r"(?P<stam>.+)\.getekend(?:-[1-9][0-9]{0,3})?\.pdf")


def onbekend() -> HTTPException:
    return HTTPException(404, "Onbekend bestand.")


def geldig(pad: str) -> bool:
    """Whether `pad` can name a file in a region's folder at all: relative, forward slashes,
    no empty, '.' or '..' part, printable (no NUL or other control character), not overlong."""
    return (0 < len(pad) <= LANGSTE and pad.isprintable() and "\\" not in pad
            and not pad.startswith("/")
            and all(deel not in ("", ".", "..") for deel in pad.split("/")))


class Manifesten:
    """The files each output folder's manifest lists (a damaged manifest lists none); the
    manifest is read again only when it changed (`Indeling.gemaakt`)."""

    def van(self, map_: Path) -> frozenset[str]:
        try:
            return contracten.Indeling.gemaakt(map_)
        except (contracten.ContractenFout, ValueError):  # damaged, or an impossible path
            return frozenset()


def gemaakt_bestand(uitvoer: Path, regio: str, pad: str, manifesten: Manifesten,
                    getekend: Callable[[str, str], bool]) -> Path:
    """The file `pad` (relative to the region's output folder) when contracten made it;
    `getekend(document, pdf)` says whether the register recorded `pdf` as the signed PDF of
    `document` (both paths in the register). 404 otherwise."""
    if not geldig(pad) or Path(pad).suffix.lower() not in BESTANDEN:
        raise onbekend()
    indeling = contracten.Indeling(uitvoer)
    registerpad = f"{regio}/{pad}"
    try:
        gevonden = indeling.map_van(regio, registerpad)
    except (OSError, ValueError):  # a name too long for the file system
        raise onbekend() from None
    if gevonden is None:
        raise onbekend()
    map_, binnen = gevonden
    lijst = manifesten.van(map_)
    if binnen not in lijst:
        ondertekend = GETEKEND.fullmatch(binnen)
        if ondertekend is None or f"{ondertekend['stam']}.docx" not in lijst:
            raise onbekend()
        document = indeling.registerpad(map_, f"{ondertekend['stam']}.docx")
        if not getekend(document, registerpad):
            raise onbekend()
    bestand = map_ / binnen
    try:
        echt = bestand.resolve(strict=True)
        binnen_regio = echt.is_relative_to(indeling.regio(regio).resolve())
        if not binnen_regio or bestand.is_symlink() or not echt.is_file():
            raise onbekend()
    except (OSError, RuntimeError, ValueError):
        raise onbekend() from None
    return echt
