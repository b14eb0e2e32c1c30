"""The format of a region profile, and rewriting an older one to the current format the way a
person would: comments, order and notation of everything else stay (ruamel.yaml's round trip).
Pure: text in, text out.

Formats:
  1. (no `formaat` key) one perceel: `aanbesteding.perceel` names it.
  2. a tender of one or more percelen: `aanbesteding.percelen`. Format 1 is read as perceel 1.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

FORMAAT = 2  # the format this version writes
UITLEG = "het formaat van dit profiel (een ouder profiel: 'contracten bijwerken')"


@dataclass(frozen=True)
class Omzetting:
    """One file rewritten to the current format: its text before and after, and what changed."""

    bestand: str  # relative to the region folder
    oud: str
    nieuw: str
    stappen: list[str]


def formaat_van(data: Any) -> int:
    """The format a regio.yaml is written in (1 when it names none)."""
    if isinstance(data, dict) and isinstance(data.get("formaat"), int):
        return int(data["formaat"])
    return 1


def regio_naar_huidig(tekst: str) -> Omzetting | None:
    """regio.yaml in the current format; None when it is already."""
    # The round trip (ruamel.yaml) only here: loading a profile needs just FORMAAT.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from contracten.profiel.yamlbewerking import rondgang

    yaml = rondgang(tekst)
    data = yaml.load(tekst)
    if not isinstance(data, CommentedMap) or formaat_van(data) >= FORMAAT:
        return None
    oud = formaat_van(data)
    stappen = []
    aanbesteding = data.get("aanbesteding")
    if isinstance(aanbesteding, CommentedMap) and "perceel" in aanbesteding \
            and "percelen" not in aanbesteding:
        plek = list(aanbesteding).index("perceel")
        perceel = CommentedMap([("nummer", 1), ("naam", aanbesteding["perceel"])])
        opmerking = aanbesteding.ca.items.pop("perceel", None)
        if opmerking is not None:  # a comment after `perceel:` stays with its name
            perceel.ca.items["naam"] = opmerking
        del aanbesteding["perceel"]
        aanbesteding.insert(plek, "percelen", CommentedSeq([perceel]))
        stappen.append(f"aanbesteding.perceel '{perceel['naam']}' wordt perceel 1 onder "
                       "aanbesteding.percelen")
    if "formaat" in data:
        data["formaat"] = FORMAAT
    else:
        data.insert(0, "formaat", FORMAAT, comment=UITLEG)
    stappen.append(f"formaat {oud} → {FORMAAT}")
    uit = io.StringIO()
    yaml.dump(data, uit)
    return Omzetting("regio.yaml", tekst, uit.getvalue(), stappen)
