"""The article library as data: articles of the Contractstandaard Wmo with their leden, the
choices the standard leaves to a region, and the placeholders a profile fills."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["verplicht", "optioneel", "verbatim"]
Bron = Literal["samenvatting", "officieel", "regio"]
NUMMER = re.compile(r"(?:[123])\.\d+a?")
PLAATSHOUDER = re.compile(r"\[([^\[\]]+)\]")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Deel(_Model):
    """One part of a lid of the official text: a paragraph, a list item (with the marker the
    source gives it: "a)", "ii)", "–") or a table. `alleen` holds the options of the region's
    choices for which the part applies ({"uitvoeringsvariant": ["taakgericht"]}), `voorwaarde`
    a switch it needs ("selectie"); `aansluitend` continues the previous paragraph."""

    tekst: str = ""
    opsomming: str | None = None
    tabel: list[list[str]] | None = None
    alleen: dict[str, list[str]] = Field(default_factory=dict)
    voorwaarde: str | None = None
    aansluitend: bool = False

    def als_tekst(self) -> str:
        if self.tabel is not None:
            # a row per line, its cells in their columns (an empty cell keeps its place)
            return "\n".join(" | ".join(rij).strip() for rij in self.tabel)
        return f"{self.opsomming} {self.tekst}" if self.opsomming else self.tekst


class Lid(_Model):
    """One lid: a fixed text, one text per option of a choice the region makes, or (official
    text) parts of which some apply to one option only. A lid with a `voorwaarde` is present
    only when the region switches it on (else it keeps its number and reads 'niet van
    toepassing')."""

    tekst: str | None = None
    keuze: str | None = None
    opties: dict[str, str] | None = None
    delen: list[Deel] | None = None
    voorwaarde: str | None = None

    @model_validator(mode="after")
    def _een_vorm(self) -> Lid:
        vormen = [self.tekst is not None, self.keuze is not None, self.delen is not None]
        if vormen.count(True) != 1:
            raise ValueError("een lid heeft óf 'tekst', óf 'keuze' met 'opties', óf 'delen'")
        if (self.keuze is None) != (self.opties is None):
            raise ValueError("'keuze' en 'opties' horen bij elkaar")
        return self

    def teksten(self) -> list[str]:
        """Every text this lid can have (all options of a choice, every part)."""
        if self.delen is not None:
            return [d.als_tekst() for d in self.delen]
        return [self.tekst] if self.tekst is not None else list((self.opties or {}).values())

    def keuzes(self) -> set[str]:
        """The region's choices this lid's text depends on."""
        if self.keuze is not None:
            return {self.keuze}
        return {k for d in self.delen or [] for k in d.alleen}


class Artikel(_Model):
    nummer: str  # "1.3", "3.9a"; "partijen", "overwegingen", "definities" for the preamble
    titel: str
    deel: int | None = None
    hoofdstuk: int | None = None
    status: Status
    bron: Bron
    versie: str
    toelichting: str | None = None
    niet_van_toepassing: str | None = None
    onzeker: bool = False
    leden: list[Lid]
    sha256: str | None = None  # of the imported file, for an official text

    @property
    def genummerd(self) -> bool:
        return NUMMER.fullmatch(self.nummer) is not None

    def plaatshouders(self) -> set[str]:
        return {m.group(1) for lid in self.leden for t in lid.teksten()
                for m in PLAATSHOUDER.finditer(t)}


class Keuze(_Model):
    omschrijving: str
    opties: dict[str, str]


class Plaatshouder(_Model):
    omschrijving: str
    toegevoegd: bool = False


class Hoofdstuk(_Model):
    nummer: int
    titel: str
    artikelen: list[str]


class Onderdeel(_Model):
    """A part of the overeenkomst in order: the preamble, Deel 1, 2 or 3 (with chapters)."""

    deel: int | None
    titel: str
    artikelen: list[str] = Field(default_factory=list)
    hoofdstukken: list[Hoofdstuk] = Field(default_factory=list)

    def nummers(self) -> list[str]:
        return self.artikelen + [n for h in self.hoofdstukken for n in h.artikelen]


class Index(_Model):
    naam: str
    versie: str
    bron: Bron
    standaard: dict[str, str]
    verantwoording: str
    geraadpleegd: list[str] = Field(default_factory=list)
    lid_niet_van_toepassing: str
    volgorde: list[Onderdeel]
    optionele_artikelen: dict[str, str]
    voorwaarden: dict[str, str]
    keuzes: dict[str, Keuze]
    plaatshouders: dict[str, Plaatshouder]
    niet_gebruikt: dict[str, str] = Field(default_factory=dict)
    # For the official text: the articles the region writes itself (the standard gives a model
    # to fill in), the version each newer article first appeared in, the names of the
    # standard's blanks per lid (in order of occurrence; null: leave the part out), and
    # placeholders whose value is a text with placeholders.
    regiotekst: list[str] = Field(default_factory=list)
    nieuw_in: dict[str, str] = Field(default_factory=dict)
    officiele_plaatshouders: dict[str, dict[str, list[str | None]]] = Field(default_factory=dict)
    # Parts of an official lid that are a form to fill in ("Wijzigingsmogelijkheid 1: …"), by
    # how they begin: the first becomes the given text, later ones and those mapped to null go.
    officiele_delen: dict[str, dict[str, str | None]] = Field(default_factory=dict)
    samengestelde_plaatshouders: dict[str, str] = Field(default_factory=dict)
    # Under the official text: the sentence before the region's own overwegingen, definities.
    eigen_aanhef: dict[str, str] = Field(default_factory=dict)


class Bibliotheek(_Model):
    """The library as loaded: the index and every article by number."""

    index: Index
    artikelen: dict[str, Artikel]
    bestanden: dict[str, Path] = Field(default_factory=dict)  # name → file, for the manifest
    versie: str | None = None  # the imported official version in use ("CSW 1.2"), if any
    versies: list[str] = Field(default_factory=list)  # every imported version
    niet_in_versie: list[str] = Field(default_factory=list)  # articles the version lacks
    waarschuwingen: list[str] = Field(default_factory=list)  # for the person, in Dutch

    @property
    def standaard(self) -> str:
        """The version of the Contractstandaard the documents state."""
        return self.versie or self.index.versie

    def aanwezig(self, nummers: list[str]) -> list[str]:
        """`nummers` without the articles the version in use does not have."""
        return [n for n in nummers if n not in self.niet_in_versie]

    def in_volgorde(self) -> list[Artikel]:
        return [self.artikelen[n] for o in self.index.volgorde for n in self.aanwezig(o.nummers())]

    def samenvattingen(self) -> list[Artikel]:
        """Articles whose text is still our summary, not the imported official text."""
        return [a for a in self.in_volgorde() if a.bron == "samenvatting"]
