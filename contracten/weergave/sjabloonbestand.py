"""Bounds on a template: a file too big, or a zip that unpacks to far more than a Word document
does, is refused before anything is unpacked; filling one may not produce more than
GRENS_UITVOER characters or take longer than GRENS_SECONDEN (the latter where the system offers
a timer: POSIX)."""

from __future__ import annotations

import io
import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Template

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


GRENS_UITVOER = 50_000_000  # characters of Word XML one document part may become
GRENS_SECONDEN = 60


def vul_begrensd(sjabloon: Template, context: dict[str, Any], naam: str) -> str:
    """Fill a template, stopping as soon as its output passes GRENS_UITVOER."""
    delen: list[str] = []
    lengte = 0
    for deel in sjabloon.generate(context):
        lengte += len(deel)
        if lengte > GRENS_UITVOER:
            raise SjabloonFout(naam, f"levert meer dan {GRENS_UITVOER // 1_000_000} miljoen "
                               "tekens op; staat er een lus in een lus?", "sjabloon_te_groot")
        delen.append(deel)
    return "".join(delen)


class _TeLang(Exception):
    pass


@contextmanager
def tijdslimiet(naam: str) -> Iterator[None]:
    """Stop filling a template that runs longer than GRENS_SECONDEN."""
    hoofddraad = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not hoofddraad:
        yield
        return

    def af(signum: int, frame: object) -> None:
        raise _TeLang

    vorige = signal.signal(signal.SIGALRM, af)
    signal.setitimer(signal.ITIMER_REAL, GRENS_SECONDEN)
    try:
        yield
    except _TeLang:
        raise SjabloonFout(naam, f"het invullen duurt langer dan {GRENS_SECONDEN} seconden; "
                           "staat er een lus in een lus?", "sjabloon_te_traag") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorige)
