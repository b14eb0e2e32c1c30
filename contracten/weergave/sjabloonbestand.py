"""Bounds on a template file: a file too big, or a zip that unpacks to far more than a Word
document does, is refused before anything is unpacked. The bounds on filling one are in
`invulgrenzen`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from contracten.weergave.sjabloon import SjabloonFout

GRENS_BESTAND = 20 * 1024 * 1024  # a template of more is no ordinary Word document
GRENS_UITGEPAKT = 100 * 1024 * 1024  # what its parts may unpack to (a zip bomb is refused)


def begrensd(pad: Path, naam: str) -> bytes:
    """A template's bytes, refused before it is unpacked when it is too big or unpacks to
    too much."""
    try:
        grootte = pad.stat().st_size
    except OSError as exc:
        raise SjabloonFout(naam, f"kan niet worden gelezen ({exc.strerror})",
                           "sjabloon_onleesbaar") from None
    if grootte > GRENS_BESTAND:
        raise SjabloonFout(naam, f"te groot ({grootte // 1024 // 1024} MB; hoogstens "
                           f"{GRENS_BESTAND // 1024 // 1024} MB)", "sjabloon_te_groot")
    inhoud = pad.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            uitgepakt = sum(info.file_size for info in z.infolist())
    except zipfile.BadZipFile:
        return inhoud  # not a zip: reported as unreadable by the caller
    if uitgepakt > GRENS_UITGEPAKT:
        raise SjabloonFout(naam, f"pakt uit tot {uitgepakt // 1024 // 1024} MB (hoogstens "
                           f"{GRENS_UITGEPAKT // 1024 // 1024} MB): geen gewoon Word-bestand",
                           "sjabloon_te_groot")
    return inhoud
