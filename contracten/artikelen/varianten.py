"""The variants of the official text: which uitvoeringsvariant, procedure or termination
option a guidance line ("Bij taakgerichte uitvoeringsvariant:", "(Bij een toelatingsprocedure:)",
"Optie 2:") names, and how a variant inside another combines."""

from __future__ import annotations

import re

# "(Bij een toelatingsprocedure:)" or "(Alleen bij …:)" at the start of a paragraph, and the
# same inside one ("… gelden. (Bij Europese aanbestedingsprocedures:) De …").
INLINE_VARIANT = re.compile(r"\([^()]*:\)\s*")  # always with its colon
ONTKENNING = re.compile(r"\b(?:niet|behalve|uitgezonderd|zonder\s+selectie)\b", re.I)
ALLE = re.compile(r"\balle\s+uitvoeringsvarianten\b", re.I)
OPTIE = re.compile(r"^optie\s+(\d)\s*:?$", re.I)

# What a variant applies to: {choice: options} and a switch ("selectie").
Omvang = tuple[dict[str, list[str]], str | None]


def variant(tekst: str) -> Omvang | None:
    """The options a guidance line names ("Bij taakgerichte uitvoeringsvariant:", "(Bij een
    toelatingsprocedure:)", "Optie 2:"), as {choice: options} and a switch; None when it names
    none that the library knows."""
    t = tekst.lower()
    alleen: dict[str, list[str]] = {}
    optie = OPTIE.match(t.strip())
    if optie:
        return {"opzegoptie": [optie.group(1)]}, None
    vormen = [v for v, woord in (("inspanningsgericht", r"\binspannings(?:gericht|-)"),
                                 ("outputgericht", r"\boutput(?:gericht|-)"),
                                 ("taakgericht", r"\btaakgericht"))
              if re.search(woord, t)]
    if vormen:
        alleen["uitvoeringsvariant"] = vormen
    procedures: list[str] = []
    if re.search(r"\btoelating", t):
        procedures.append("toelating")
    if re.search(r"\baanbesteding", t):
        if "zonder emvi" in t:
            procedures.append("aanbesteding_zonder_emvi")
        elif "met emvi" in t:
            procedures.append("aanbesteding_met_emvi")
        else:
            procedures += ["aanbesteding_met_emvi", "aanbesteding_zonder_emvi"]
    if procedures:
        alleen["procedure"] = procedures
    voorwaarde = "selectie" if re.search(r"\bselectie\b", t) else None
    if not alleen and voorwaarde is None:
        return None
    return alleen, voorwaarde


def samen(buiten: Omvang | None, binnen: Omvang | None) -> Omvang | None:
    """A variant inside a variant: both must hold (the options they share, either switch)."""
    if buiten is None or binnen is None:
        return binnen or buiten
    alleen = dict(buiten[0])
    for keuze, opties in binnen[0].items():
        alleen[keuze] = [o for o in alleen.get(keuze, opties) if o in opties]
    return alleen, binnen[1] or buiten[1]
