"""Fill the blanks of an article's text: `[naam]` placeholders from the profile's values, and any
other bracketed blank (of an imported official text, e.g. `[Vul in]`) from the region's
`invullingen`, looked up first for the lid and the blank's occurrence in it ("3.2.2 [xx]#2"),
then for the lid ("3.23.1 [Vul in]"), then for the whole contract ("[Vul in]").

An empty value for an optional reference (`verwijzing_…`), or an empty invulling, takes the
blank away together with the comma before it: the standard writes "artikel 1.4.2, [1.6.1],
3.19.1" and a region without article 1.6 reads "artikel 1.4.2, 3.19.1"."""

from __future__ import annotations

import re
from collections.abc import Mapping

BLANCO = re.compile(r"(,\s*)?\[([^\[\]]+)\]")
# Placeholders whose empty value takes the blank away with its comma (an optional reference).
WEGLAATBAAR = "verwijzing_"
VOORBEELD_PROCENT = re.compile(r"(\d) \(voorbeeld\)\s?%")


def vul_in(tekst: str, waarden: Mapping[str, str], invullingen: Mapping[str, str],
           lid: str) -> tuple[str, list[str]]:
    """The text with every blank filled, and the blanks that have no value (left as they are)."""
    if "[" not in tekst and "(voorbeeld)" not in tekst:  # most leden: nothing to fill
        return tekst, []
    ontbreekt: list[str] = []
    gezien: dict[str, int] = {}

    def waarde(komma: str, naam: str, origineel: str) -> str:
        keer = gezien[naam] = gezien.get(naam, 0) + 1
        for sleutel in (f"{lid} [{naam}]#{keer}", f"{lid} [{naam}]", f"[{naam}]"):
            if sleutel in invullingen:
                return komma + invullingen[sleutel] if invullingen[sleutel] else ""
        if naam in waarden:
            if not waarden[naam] and naam.startswith(WEGLAATBAAR):
                return ""
            return komma + waarden[naam]
        ontbreekt.append(naam)
        return origineel

    # What BLANCO.sub(…) does, faster: the blanks are found by their "[" (a pattern that starts
    # with an optional comma is tried at every character), the comma before one looked back for.
    delen: list[str] = []
    vorige = 0
    for gevonden in _BLANCO_KERN.finditer(tekst):
        begin = gevonden.start()
        komma = begin
        while komma > vorige and tekst[komma - 1].isspace():
            komma -= 1
        if komma > vorige and tekst[komma - 1] == ",":
            begin = komma - 1
        delen += [tekst[vorige:begin],
                  waarde(tekst[begin:gevonden.start()], gevonden.group(1),
                         tekst[begin:gevonden.end()])]
        vorige = gevonden.end()
    delen.append(tekst[vorige:])
    ingevuld = "".join(delen)
    if "(voorbeeld)" not in ingevuld:
        return ingevuld, ontbreekt
    # "[xx]%" with an example value reads "90% (voorbeeld)", not "90 (voorbeeld)%"
    return VOORBEELD_PROCENT.sub(r"\1% (voorbeeld)", ingevuld), ontbreekt


_BLANCO_KERN = re.compile(r"\[([^\[\]]+)\]")  # BLANCO without its comma
