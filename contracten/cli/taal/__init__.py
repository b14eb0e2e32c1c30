"""Dutch for click's own phrases (usage, help, usage errors), the standard way: click marks its
messages for gettext, and we ship a Dutch catalogue for them (messages.po, compiled to
messages.mo beside it). `gebruik_nederlands()` points gettext's default domain at it and asks for
Dutch; nothing of click itself is changed, and merely importing this package changes nothing.

After editing messages.po, recompile: `python -m contracten.cli.taal`."""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

MAP = Path(__file__).parent
PO = MAP / "nl" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")


def gebruik_nederlands() -> None:
    """Let gettext's default domain, which click uses, answer in Dutch from our catalogue. Done
    by the command line's entry point, for its own process."""
    gettext.bindtextdomain("messages", str(MAP))
    os.environ["LANGUAGE"] = "nl"


def vertaald(bericht: str) -> str:
    """One phrase as the catalogue gives it (for tests and the documentation's examples)."""
    with MO.open("rb") as bestand:
        return gettext.GNUTranslations(bestand).gettext(bericht)


def compileer() -> bytes:
    """messages.mo as it follows from messages.po."""
    from babel.messages.mofile import write_mo  # only here: every command imports this package
    from babel.messages.pofile import read_po

    with PO.open("rb") as bestand:
        catalogus = read_po(bestand, locale="nl")
    uit = io.BytesIO()
    write_mo(uit, catalogus)
    return uit.getvalue()
