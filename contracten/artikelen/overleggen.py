"""Lay an imported official text over the library's summaries.

The generic part (Deel 3) always takes the official text: the standard prescribes it word for
word, with its passages per uitvoeringsvariant kept as variants of the lid. An article of Deel 1
or 2, Overwegingen and Definities take it when every choice the region makes in that article
(the termination option of 1.3, the procedure) is one the official text marks as a variant; the
articles the standard leaves to the region to write (`regiotekst` in index.yaml: Partijen, 1.2,
1.9, 2.1 …) keep the library's model text. The standard's blanks get the names of the library's
placeholders (index.yaml `officiele_plaatshouders`), so the profile fills them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contracten.artikelen.model import PLAATSHOUDER, Artikel, Deel, Index, Lid
from contracten.artikelen.officieel import Officieel, OfficieelLid, volgorde


@dataclass
class Overlegd:
    """The articles after the overlay, and what became of each official one."""

    artikelen: dict[str, Artikel]
    officieel: list[str] = field(default_factory=list)
    regio: list[str] = field(default_factory=list)  # the region writes these (regiotekst)
    niet_toepasbaar: dict[str, str] = field(default_factory=dict)  # article → why
    niet_in_versie: list[str] = field(default_factory=list)  # library articles newer than it
    afwijkingen: list[str] = field(default_factory=list)  # blanks not as the index expects


def leg_over(artikelen: dict[str, Artikel], officieel: Officieel | None,
             index: Index) -> Overlegd:
    """Replace the summaries by the official text where it applies."""
    uit = Overlegd(dict(artikelen))
    if officieel is None:
        return uit
    gelezen = {o.nummer: o for o in officieel.artikelen}
    for nummer, eigen in artikelen.items():
        if nummer not in gelezen and _nieuwer(index.nieuw_in.get(nummer), officieel.nummer):
            uit.niet_in_versie.append(nummer)
            continue
        if nummer in index.regiotekst:
            uit.regio.append(nummer)
            uit.artikelen[nummer] = eigen.model_copy(update={"bron": "regio"})
            continue
        o = gelezen.get(nummer)
        if o is None:
            continue
        leden = [_benoem(lid, _sleutel(nummer, i), index, uit.afwijkingen)
                 for i, lid in enumerate(o.als_leden(), start=1)]
        waarom = _waarom_niet(eigen, leden)
        if waarom is not None:
            uit.niet_toepasbaar[nummer] = waarom
            continue
        uit.artikelen[nummer] = eigen.model_copy(update={
            "titel": o.titel, "bron": "officieel", "versie": officieel.versie,
            "sha256": officieel.sha256, "leden": _leden(eigen, leden)})
        uit.officieel.append(nummer)
    return uit


def _sleutel(nummer: str, lid: int) -> str:
    return f"{nummer}.{lid}" if nummer[0].isdigit() else nummer


def _nieuwer(sinds: str | None, versie: str) -> bool:
    return sinds is not None and volgorde(sinds) > volgorde(versie)


def _waarom_niet(eigen: Artikel, leden: list[OfficieelLid]) -> str | None:
    """Why the official text cannot replace the summary of an article, or None."""
    if eigen.status == "verbatim":
        return None
    if eigen.genummerd and len(leden) != len(eigen.leden) and any(
            lid.voorwaarde or lid.keuzes() for lid in eigen.leden):
        return (f"de officiële tekst heeft {len(leden)} leden en de bibliotheek "
                f"{len(eigen.leden)}, met keuzes of voorwaarden per lid; de samenvatting blijft")
    # Numbered: lid by lid. Partijen, Overwegingen, Definities are paragraphs: as a whole.
    if eigen.genummerd:
        paren = [(lid.keuzes(), leden[i].delen if i < len(leden) else [])
                 for i, lid in enumerate(eigen.leden)]
    else:
        paren = [({k for lid in eigen.leden for k in lid.keuzes()},
                  [d for lid in leden for d in lid.delen])]
    for nodig, delen in paren:
        beschikbaar = {k for d in delen for k in d.alleen}
        ontbreekt = nodig - beschikbaar
        if ontbreekt:
            return (f"de keuze {', '.join(sorted(ontbreekt))} staat in de officiële tekst niet "
                    "als variant; de samenvatting met die keuze blijft")
    return None


def _leden(eigen: Artikel, leden: list[OfficieelLid]) -> list[Lid]:
    """The official leden as library leden; a numbered lid keeps the region's switch
    (`voorwaarde`) of the lid it replaces (their number is checked by `_waarom_niet`)."""
    uit = []
    for i, lid in enumerate(leden):
        voorwaarde = (eigen.leden[i].voorwaarde if eigen.genummerd and i < len(eigen.leden)
                      else None)
        if all(not d.alleen and d.voorwaarde is None for d in lid.delen):
            uit.append(Lid(tekst=lid.tekst(), voorwaarde=voorwaarde))
        else:
            uit.append(Lid(delen=lid.delen, voorwaarde=voorwaarde))
    return uit


def _benoem(lid: OfficieelLid, sleutel: str, index: Index,
            afwijkingen: list[str]) -> OfficieelLid:
    """The lid with the standard's blanks named as the library's placeholders; a blank named
    null (the standard's invitation to add the region's own) takes its part away. A blank
    beyond the names the index gives stays unnamed (the region fills it under `invullingen`),
    and a count that differs from the index is noted in `afwijkingen`."""
    namen = index.officiele_plaatshouders.get(sleutel, {})
    formulier = index.officiele_delen.get(sleutel, {})
    if not namen and not formulier:
        return lid
    gebruikt: dict[str, int] = {}
    delen: list[Deel] = []
    for deel in lid.delen:
        begin = next((k for k in formulier if deel.tekst.lower().startswith(k.lower())), None)
        if begin is not None:
            vervanging = formulier[begin]
            if vervanging is not None and begin not in gebruikt:
                delen.append(deel.model_copy(update={"tekst": vervanging, "opsomming": None}))
            gebruikt[begin] = 1
            continue
        weg = False

        def vervang(gevonden: re.Match[str]) -> str:
            nonlocal weg
            blanco = gevonden.group(1)
            sleutel_ = next((k for k in namen if blanco.lower().startswith(k.lower())), None)
            if sleutel_ is None:
                return gevonden.group(0)
            n = gebruikt.get(sleutel_, 0)
            gebruikt[sleutel_] = n + 1
            if n >= len(namen[sleutel_]):
                return gevonden.group(0)
            naam = namen[sleutel_][n]
            if naam is None:
                weg = True
                return ""
            return f"[{naam}]"

        tekst = PLAATSHOUDER.sub(vervang, deel.tekst)
        if weg and not tekst.strip(" .;:"):
            continue
        delen.append(deel.model_copy(update={"tekst": tekst}))
    afwijkingen += [f"{sleutel}: [{k}…] staat er {gebruikt.get(k, 0)} keer, de bibliotheek "
                    f"verwacht {len(v)} keer; controleer de invulling"
                    for k, v in namen.items() if gebruikt.get(k, 0) != len(v)]
    return OfficieelLid(delen=delen or lid.delen)
