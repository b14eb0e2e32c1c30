"""Fill the blanks of an article's text: `[naam]` placeholders from the profile's values, and any
other bracketed blank (of an imported official text, e.g. `[Vul in]`) from the region's
`invullingen`, looked up first for the lid ("3.23.1 [Vul in]"), then for the whole contract."""

from __future__ import annotations

import re
from collections.abc import Mapping

from contracten.artikelen.model import PLAATSHOUDER


def vul_in(tekst: str, waarden: Mapping[str, str], invullingen: Mapping[str, str],
           lid: str) -> tuple[str, list[str]]:
    """The text with every blank filled, and the blanks that have no value (left as they are)."""
    ontbreekt: list[str] = []

    def waarde(gevonden: re.Match[str]) -> str:
        naam = gevonden.group(1)
        for sleutel in (f"{lid} [{naam}]", f"[{naam}]"):
            if sleutel in invullingen:
                return invullingen[sleutel]
        if naam in waarden:
            return waarden[naam]
        ontbreekt.append(naam)
        return gevonden.group(0)

    return PLAATSHOUDER.sub(waarde, tekst), ontbreekt
