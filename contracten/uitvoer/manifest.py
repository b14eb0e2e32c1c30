"""manifest.json: what an output folder holds and what it was made from. The one place where it
is read and written; everything else works with the typed `Manifest`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass

from contracten.fouten import ContractenFout
from contracten.lezen.bewaard import Bewaard
from contracten.lezen.gcpauze import zonder_gc
from contracten.uitvoer import manifestbron
from contracten.uitvoer.ingesprongen import ingesprongen
from contracten.uitvoer.manifestbron import Bron

BESTAND = "manifest.json"


_STRIKT = ConfigDict(extra="forbid")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A manifest's entries are slotted dataclasses, not models: a run of 10,000 documents holds
# 20,000 of them, and a model's instance dict and field set cost ten times the slots.
@dataclass(frozen=True, slots=True, config=_STRIKT)
class Herkomst:
    """For one article (heading) of a document: its template and the profile fields it uses."""

    kop: str
    sjabloon: str
    velden: list[str]


class Invoer(_Model):
    pad: str
    sha256: str


@dataclass(frozen=True, slots=True, config=_STRIKT)
class Document:
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
    # Of a .docx (and its pdf): how many example values it shows ("(voorbeeld)"); None in a
    # manifest of an older version, which did not count them.
    voorbeelden: int | None = None
    bundel: bool | None = None  # one pdf of all documents of its kind, for printing
    perceel: int | None = None  # of a contract's document, in a tender of several percelen

    @property
    def stam(self) -> str:
        """The path without extension: all formats of one document share it."""
        return stam(self.pad)

    def met(self, **wijzigingen: Any) -> Document:
        """A copy with some fields changed (validated like any other)."""
        return dataclasses.replace(self, **wijzigingen)

    def als_json(self) -> dict[str, Any]:
        """As in manifest.json: empty fields left out, `aanbieder` always."""
        ruw: dict[str, Any] = _DOCUMENT.dump_python(self, mode="json", exclude_none=True)
        ruw["aanbieder"] = self.aanbieder
        return ruw


_DOCUMENT = TypeAdapter(Document)


class Opzegfeiten(_Model):
    """What an opzegging's folder records of the termination it was made for, so the register
    and the agenda follow the opzegging as given (its own opzegtermijn and end), not the
    profile's."""

    ontvangen: dt.date  # the day the notice was received
    opzegtermijn_maanden: int
    einde_overeenkomst: dt.date  # the contract's last day
    uiterste_zorgdatum: dt.date  # the last day of the doorlevering
    door: str  # who terminated: aanbieder or gemeente


class Manifest(_Model):
    opdracht: str = "genereer"  # the command whose folder this is: genereer, opzegging, vergelijk
    regio: str
    prijspeil: int | None = None
    aanbieder: str | None = None  # an opzegging's folder belongs to one contract
    perceel: int | None = None  # ... of this perceel, in a tender of several percelen
    opzegging: Opzegfeiten | None = None  # an opzegging's folder: the termination it records
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
        """The JSON shape of docs/ontwikkelaars/ontwerp.md (manifest): optional fields only
        when set; `aanbieder` always."""
        return {**self._kop_als_json(),
                "documenten": [d.als_json() for d in self.documenten]}

    def _kop_als_json(self) -> dict[str, Any]:
        """Everything but the documents, in the order of the JSON shape ('documenten' in its
        place, filled by the caller)."""
        data = self.model_dump(mode="json", exclude_none=True,
                               exclude={"documenten", "herkomst"})  # the last two fields
        if self.opdracht == "genereer":
            del data["opdracht"]  # the shape older versions wrote
        data["documenten"] = None  # dumped one at a time
        if self.herkomst:
            data["herkomst"] = self.model_dump(mode="json", include={"herkomst"})["herkomst"]
        return data


SAMENGESTELD = (".machine.csv",)  # an extension of two parts: `x.machine.csv` is of `x`


def stam(pad: str) -> str:
    if pad.endswith(SAMENGESTELD):  # one look for the usual path (a run asks for thousands)
        for achter in SAMENGESTELD:
            if pad.endswith(achter):
                return pad[:-len(achter)]
    return pad.rsplit(".", 1)[0]


class ManifestBeschadigd(ContractenFout):
    """A manifest.json that is not one (edited by hand, cut off, another program's)."""

    code = "manifest_beschadigd"


def lees(map_: Path) -> Manifest | None:
    """The manifest of an output folder; None when there is none. Raises ManifestBeschadigd
    for one that cannot be read."""
    return _lees(map_, bron=False)[0]


def lees_met_bron(map_: Path) -> tuple[Manifest | None, Bron | None]:
    """`lees`, and where it was read from: given to `schrijf`, the entries written again
    unchanged are copied from that file (see `manifestbron`)."""
    return _lees(map_, bron=True)


def _lees(map_: Path, *, bron: bool) -> tuple[Manifest | None, Bron | None]:
    pad = map_ / BESTAND
    try:
        data = pad.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None, None
    except OSError:
        raise ManifestBeschadigd(f"{pad} is onleesbaar.") from None
    try:  # parsed and checked in one go from the bytes (invalid UTF-8 fails here too), without
        # a text of the whole file or a dict of each entry in between
        with zonder_gc():  # (entries and their lists, no cycle: see lezen.gcpauze)
            manifest = Manifest.model_validate_json(data)
    except (ValueError, ValidationError):
        manifest = None  # the way it was always read decides (its parser accepts a little more)
    if manifest is None:
        try:
            tekst = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ManifestBeschadigd(f"{pad} is onleesbaar.") from None
        try:
            manifest = Manifest.model_validate(json.loads(tekst))
        except (ValueError, ValidationError):
            raise ManifestBeschadigd(f"{pad} is beschadigd of van een andere versie van "
                                     "contracten.") from None
    if not bron:
        return manifest, None
    return manifest, Bron(pad, hashlib.sha256(data).hexdigest(), list(manifest.documenten))


# Manifests as last read, per folder (the web reads the same manifests on every page).
_BEWAARD: Bewaard[Manifest] = Bewaard(64)


def lees_bewaard(map_: Path) -> Manifest | None:
    """`lees`, but a manifest whose file did not change since this process last read it (same
    inode, size, modification and change time) is not read again. The manifest returned is
    shared: only read it."""
    return _BEWAARD.lees(map_ / BESTAND, lambda: lees(map_))


def schrijf(manifest: Manifest, pad: Path, bron: Bron | None = None) -> None:
    """Write manifest.json (`als_json`, indented) one document at a time: a run of 10,000
    documents never holds the whole text, nor every document as a dict. An entry of the
    manifest read from `bron` (`lees_met_bron`) is copied from that file when it is sure to
    give the same bytes (see `manifestbron`). Marks what it wrote as written in this layout."""
    merk = "\x00documenten\x00"  # a string no manifest contains (JSON escapes \x00)
    kop = {**manifest._kop_als_json(), "documenten": merk}
    voor, na = ingesprongen(kop).split(json.dumps(merk))
    from contracten.uitvoer.manifestregels import document_tekst  # (it imports this)

    oud = manifestbron.oud(bron)
    geschreven = hashlib.sha256()
    with pad.open("wb") as uit:
        def schrijf_(tekst: bytes) -> None:
            geschreven.update(tekst)
            uit.write(tekst)

        schrijf_(voor.encode())
        documenten = manifest.documenten
        for begin in range(0, len(documenten), 1000):  # a thousand entries per write
            schrijf_((b"[\n    " if begin == 0 else b",\n    ") + b",\n    ".join(
                manifestbron.stukken(oud, documenten[begin:begin + 1000], document_tekst)))
        schrijf_(b"\n  ]" if manifest.documenten else b"[]")
        schrijf_(na.encode() + b"\n")
    manifestbron.merk(geschreven.hexdigest())
