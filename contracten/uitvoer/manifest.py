"""manifest.json: what an output folder holds and what it was made from. The one place where it
is read and written; everything else works with the typed `Manifest`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from contracten.fouten import ContractenFout

BESTAND = "manifest.json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Herkomst(_Model):
    """For one article (heading) of a document: its template and the profile fields it uses."""

    kop: str
    sjabloon: str
    velden: list[str]


class Invoer(_Model):
    pad: str
    sha256: str


class Document(_Model):
    soort: str
    formaat: str
    pad: str  # relative to the manifest, with forward slashes
    sha256: str
    aanbieder: str | None
    versie: str
    invoerhash: str | None = None  # what it was made from: equal hash, equal file
    naast_definitief: str | None = None  # a new version beside this finalised document
    definitief: str | None = None  # the day it was marked definitief
    artikelen: list[Herkomst] | None = None
    samenvattingen: list[str] | None = None  # articles still in our words, not the official text
    bundel: bool | None = None  # one pdf of all documents of its kind, for printing

    @property
    def stam(self) -> str:
        """The path without extension: all formats of one document share it."""
        return stam(self.pad)


class Manifest(_Model):
    opdracht: str = "genereer"  # the command whose folder this is: genereer, opzegging, vergelijk
    regio: str
    prijspeil: int | None = None
    aanbieder: str | None = None  # an opzegging's folder belongs to one aanbieder
    versie: str
    datum: str
    generator: str | None = None
    invoer: list[Invoer]
    documenten: list[Document]
    # Per document kind: where each article of its documents comes from; a document lists its
    # own `artikelen` only where they differ (so a run of 5.000 contracts stays small).
    herkomst: dict[str, list[Herkomst]] = {}

    def herkomst_van(self, document: Document) -> list[Herkomst]:
        return document.artikelen or self.herkomst.get(document.soort, [])

    def kop_gelijk(self, ander: Manifest) -> bool:
        """Whether both runs had the same inputs (everything but the documents)."""
        buiten = {"documenten", "herkomst"}
        return self.model_dump(exclude=buiten) == ander.model_dump(exclude=buiten)

    def als_json(self) -> dict[str, Any]:
        """The JSON shape of ONTWERP.md: optional fields only when set; `aanbieder` always."""
        data = self.model_dump(mode="json", exclude_none=True)
        if self.opdracht == "genereer":
            del data["opdracht"]  # the shape older versions wrote
        if not self.herkomst:
            del data["herkomst"]
        for document, ruw in zip(self.documenten, data["documenten"], strict=True):
            ruw["aanbieder"] = document.aanbieder
        return data


def stam(pad: str) -> str:
    return pad.rsplit(".", 1)[0]


class ManifestBeschadigd(ContractenFout):
    """A manifest.json that is not one (edited by hand, cut off, another program's)."""

    code = "manifest_beschadigd"


def lees(map_: Path) -> Manifest | None:
    """The manifest of an output folder; None when there is none. Raises ManifestBeschadigd
    for one that cannot be read."""
    pad = map_ / BESTAND
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError):
        raise ManifestBeschadigd(f"{pad} is onleesbaar.") from None
    try:
        return Manifest.model_validate(json.loads(tekst))
    except (ValueError, ValidationError):
        raise ManifestBeschadigd(f"{pad} is beschadigd of van een andere versie van "
                                 "contracten.") from None


def als_bytes(manifest: Manifest) -> bytes:
    return (json.dumps(manifest.als_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
