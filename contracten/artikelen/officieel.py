"""What `artikelen importeer` stores: the standard's text as published, article by article and
lid by lid, one file per version (artikelen/officieel-1.2.yaml, officieel-1.3.yaml …).

A lid is a list of parts: paragraphs, list items (with the marker the source gives them) and
tables. A part that the standard writes for one uitvoeringsvariant or procedure only ("Bij
taakgerichte uitvoeringsvariant:") carries that condition in `alleen`; the guidance line itself
is not stored as text. A file of an earlier release (leden as plain strings, one file
officieel.yaml) still loads."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from contracten.artikelen.model import Deel

BESTAND = re.compile(r"^officieel(?:-(\d+\.\d+))?\.yaml$")
VERSIE = re.compile(r"^(?:CSW\s+)?(\d+)\.(\d+)$")
OUD = "officieel.yaml"  # one file, of releases before versions were kept side by side


class OfficieelLid(BaseModel):
    model_config = ConfigDict(extra="forbid")

    delen: list[Deel] = Field(min_length=1)

    def tekst(self) -> str:
        return "\n".join(d.als_tekst() for d in self.delen)


class OfficieelArtikel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nummer: str  # "3.19"; "partijen", "overwegingen", "definities" for the preamble
    titel: str
    leden: list[str | OfficieelLid]  # a plain string: the format of an earlier release

    def als_leden(self) -> list[OfficieelLid]:
        return [lid if isinstance(lid, OfficieelLid) else
                OfficieelLid(delen=[Deel(tekst=t) for t in lid.split("\n") if t.strip()]
                             or [Deel(tekst=lid)])
                for lid in self.leden]


class Officieel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    versie: str = Field(pattern=r"^CSW \d+\.\d+$")  # "CSW 1.2"
    bestand: str  # the file name it was imported from
    sha256: str
    artikelen: list[OfficieelArtikel]
    ondertekening: list[str] = []  # the standard's own closing lines ("Opgemaakt te …")

    @property
    def nummer(self) -> str:
        """The version number alone: "1.2"."""
        return versienummer(self.versie)


def versienummer(versie: str) -> str:
    """'CSW 1.2', 'versie 1.2' or '1.2' → '1.2' (as given when it holds no number)."""
    gevonden = re.search(r"\d+\.\d+", versie)
    return gevonden.group(0) if gevonden else versie.strip()


def volgorde(versie: str) -> tuple[int, ...]:
    """A version as numbers, to compare: '1.10' comes after '1.9'."""
    try:
        return tuple(int(d) for d in versienummer(versie).split("."))
    except ValueError:
        return (0,)


def bestandsnaam(versie: str) -> str:
    """Where a version is stored: officieel-1.3.yaml."""
    return f"officieel-{versienummer(versie)}.yaml"


def opgeslagen(map_: Path) -> list[Path]:
    """The stored official texts in a library folder, oldest file name first."""
    if not map_.is_dir():
        return []
    return sorted((p for p in map_.iterdir() if BESTAND.match(p.name) and p.is_file()),
                  key=lambda p: p.name)


def als_yaml(officieel: Officieel) -> str:
    kop = ("# De officiële tekst van de Contractstandaard Wmo, geïmporteerd met 'contracten "
           "artikelen importeer'.\n# Niet met de hand wijzigen: importeer opnieuw.\n")
    return kop + yaml.safe_dump(officieel.model_dump(exclude_defaults=True), allow_unicode=True,
                                sort_keys=False, width=100)
