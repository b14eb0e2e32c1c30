"""Read the YAML files people edit: keep line numbers, refuse duplicate keys, never make a float.

Money must not pass through float: a YAML float such as ``39.60`` becomes ``Decimal("39.60")``.
Every value's line is recorded under its path, so a validation error can point at the line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from contracten.fouten import Melding, os_reden
from contracten.lezen.gebeurtenissen import MAX_WAARDEN, Pad, TeGroot, Walker
from contracten.lezen.grenzen import duizendtallen, verhogen
from contracten.lezen.yamlbewaard import bewaard

__all__ = ["Bron", "Pad", "lees_yaml"]

# libyaml's parser when present (ten times faster on a region with many aanbieders).
_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Bron:
    """The data of one file and the line of each value in it. Read from YAML, the lines are
    looked up only when a message needs them: a region of 5,000 aanbieders has some 100,000
    values, and their lines would take more memory than the data."""

    pad: Path
    naam: str  # as shown in messages, relative to the regios folder
    data: Any
    _regels: dict[Pad, int] | None = field(default=None, repr=False)
    _tekst: str | None = field(default=None, repr=False)  # the YAML, to find the lines in

    @property
    def regels(self) -> dict[Pad, int]:
        if self._regels is None:  # the text read well before, so it reads well again
            walker = _gelezen(self._tekst or "", self.naam, met_regels=True)[1]
            self._regels = walker.regels if isinstance(walker, Walker) else {}
        return self._regels

    def regel(self, loc: Pad) -> int | None:
        """Line of the value at loc, or of its nearest existing parent."""
        regels = self.regels
        for n in range(len(loc), -1, -1):
            if loc[:n] in regels:
                return regels[loc[:n]]
        return None


def lees_yaml(pad: Path, naam: str) -> tuple[Bron | None, list[Melding]]:
    """Parse one YAML file. Returns the Bron (None when unreadable) and the problems found."""
    try:
        tekst = pad.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Melding(naam, None, "", f"bestand is geen geldige UTF-8-tekst ({exc.reason} "
                                              f"op positie {exc.start})", "codering")]
    except OSError as exc:
        return None, [Melding(naam, None, "", f"bestand kan niet worden gelezen: {os_reden(exc)}",
                              "onleesbaar")]
    tekst = tekst.removeprefix("\ufeff")
    gelezen = bewaard(tekst, pad, functools.partial(_zonder_meer, naam=naam), MAX_WAARDEN)
    if gelezen is not None:  # read before, part by part, without a word: see yamlbewaard
        return Bron(pad, naam, gelezen[0], _tekst=tekst), []
    return yaml_uit_tekst(tekst, naam, pad)


def _zonder_meer(tekst: str, naam: str) -> tuple[Any, int] | None:
    """The data of `tekst` and how many values it has, when it reads without any message,
    suspicion (see `Walker.verdacht`) or anchor; else None."""
    data, walker = _gelezen(tekst, naam, met_regels=False)
    if isinstance(walker, list) or walker.meldingen or walker.verdacht or walker.ankers:
        return None
    return data, walker.aantal


def yaml_uit_tekst(tekst: str, naam: str, pad: Path) -> tuple[Bron | None, list[Melding]]:
    """Parse YAML text as if read from `pad` (e.g. a file as it is about to be written)."""
    tekst = tekst.removeprefix("\ufeff")  # a BOM from Windows editors is harmless
    data, walker = _gelezen(tekst, naam, met_regels=False)
    if isinstance(walker, list):
        return None, walker
    if walker.meldingen or walker.verdacht:  # read again, with lines, to say where
        data, walker = _gelezen(tekst, naam, met_regels=True)
        assert not isinstance(walker, list)
        return Bron(pad, naam, data, walker.regels), walker.meldingen
    return Bron(pad, naam, data, _tekst=tekst), []


def _gelezen(tekst: str, naam: str, *, met_regels: bool) -> tuple[Any, Walker | list[Melding]]:
    """The data of `tekst` and the walker that read it (its lines and messages), or the one
    message that says why it cannot be read."""
    lader = None
    try:
        lader = _LADER(tekst)  # PyYAML's own reader checks every character here
        walker = Walker(naam, lader, met_regels=met_regels)
        return walker.document(), walker
    except yaml.reader.ReaderError as exc:  # as libyaml says it
        return None, [Melding(naam, tekst.count("\n", 0, exc.position) + 1, "",
                              "geen geldige YAML: control characters are not allowed", "yaml")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        regel = mark.line + 1 if mark is not None else None
        probleem = getattr(exc, "problem", None) or str(exc)
        return None, [Melding(naam, regel, "", f"geen geldige YAML: {probleem}", "yaml")]
    except TeGroot:
        hoe = verhogen(MAX_WAARDEN)
        return None, [Melding(naam, None, "", f"te groot: meer dan {duizendtallen(MAX_WAARDEN)} "
                                              f"waarden ({hoe + '; ' if hoe else ''}of een "
                                              "verwijzing &/* die zichzelf vermenigvuldigt?)",
                              "yaml_te_groot")]
    except RecursionError:
        return None, [Melding(naam, None, "", "te diep genest of een verwijzing (&/*) naar "
                                              "zichzelf", "yaml_diepte")]
    finally:
        if lader is not None:
            lader.dispose()
