"""Plan a run: which documents to make, each with the hash of exactly what it is made from, and
which of them the previous run already made (those stay as they are)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from pydantic import TypeAdapter

from contracten.fouten import ContractenFout, InvoerFout, Melding
from contracten.privacy import versiecode
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.soorten.basis import Soort, Uitvoering
from contracten.uitvoer.manifest import Document, Invoer, Manifest, stam
from contracten.uitvoer.map import sha256

FORMATEN = ("docx", "md", "html", "pdf")
_AANBIEDER = TypeAdapter(Aanbieder)


@dataclass(frozen=True)
class Taak:
    """One document to make: its kind, its contract (if any) and what it is made from."""

    soort: str
    contract: str | None  # its key (see Contract.sleutel)
    pad: str  # without extension
    invoerhash: str
    aanbieder: str | None = None  # the contract's opdrachtnemer
    perceel: int | None = None  # the contract's perceel, in a tender of several


@dataclass(frozen=True)
class Plan:
    """Everything a run will do, decided before anything is written."""

    profiel: Profiel
    prijspeil: int
    sjablonen: Path
    doel: Path
    kop: Manifest  # the new manifest without its documents
    uitvoering: Uitvoering
    formaten: tuple[str, ...]  # beyond docx and md: html, pdf
    taken: list[Taak]
    opruimen: frozenset[str] = frozenset()  # kinds whose documents this run no longer makes go
    volledig: bool = False  # a run of every kind for every aanbieder: all it doesn't make goes


def extra_formaten(formaten: Sequence[str]) -> tuple[str, ...]:
    """The formats asked for beyond the .docx and its .md twin, which every run makes."""
    onbekend = [f for f in formaten if f not in FORMATEN]
    if onbekend:
        raise InvoerFout([Melding("formaten", None, "", f"onbekend formaat '{onbekend[0]}' "
                                  f"(wel: {', '.join(FORMATEN)})", "formaat_onbekend")],
                         "Ongeldige keuze")
    return tuple(f for f in dict.fromkeys(formaten) if f not in ("docx", "md"))


@cache
def codehash() -> str:
    """The toolkit's own code is an input too: a new version regenerates everything."""
    bronnen = sorted(Path(__file__).parent.parent.rglob("*.py"))
    return sha256(b"".join(p.read_bytes() for p in bronnen))[:16]


def invoer(profiel: Profiel, sjablonen: Path, soorten: list[Soort],
           extra: tuple[tuple[str, bytes], ...] = ()) -> list[Invoer]:
    """Every input file with its sha256: the profile, the templates, and anything else given
    (as a name and its content, e.g. a client list)."""
    wortel = profiel.map.parent
    uit = [Invoer(pad=pad.relative_to(wortel).as_posix(), sha256=sha256(pad.read_bytes()))
           for pad in profiel.bestanden]
    for naam in sorted({s.sjabloon for s in soorten}):
        pad = sjablonen / naam
        if not pad.is_file():
            raise ContractenFout(f"Sjabloon {pad} ontbreekt.")
        uit.append(Invoer(pad=f"sjablonen/{naam}", sha256=sha256(pad.read_bytes())))
    if profiel.bibliotheek is not None:  # the article library the overeenkomst is built from
        uit += [Invoer(pad=naam, sha256=sha256(pad.read_bytes()))
                for naam, pad in sorted(profiel.bibliotheek.bestanden.items())]
    uit += [Invoer(pad=naam, sha256=sha256(inhoud)) for naam, inhoud in extra]
    return uit


def kop(profiel: Profiel, invoer_: list[Invoer], datum: dt.date, *, prijspeil: int | None,
        contract: Contract | None = None, extra: str = "") -> Manifest:
    versie = versiecode(sha256(("".join(i.sha256 for i in invoer_) + datum.isoformat() + extra
                                + codehash()).encode()))
    return Manifest(regio=profiel.sleutel, prijspeil=prijspeil,
                    aanbieder=contract.aanbieder.id if contract else None,
                    perceel=contract.perceel.nummer if contract and not contract.enkel
                    else None,
                    versie=versie, datum=datum.isoformat(),
                    generator=f"contracten {version('contracten')}", invoer=invoer_,
                    documenten=[])


def taken(profiel: Profiel, prijspeil: int, soorten: list[Soort], contracten: list[Contract],
          invoer_: list[Invoer], uitvoering: Uitvoering, formaten: tuple[str, ...],
          onderwerp: str = "") -> list[Taak]:
    """Each document with the hash of exactly what it is made from, so that a change to one
    aanbieder remakes only its documents (and those that list all aanbieders)."""
    hashes = {i.pad: i.sha256 for i in invoer_}
    gemeen = "".join(h for pad, h in sorted(hashes.items())
                     if not pad.endswith("/aanbieders.yaml") and not pad.startswith("sjablonen/"))
    alle = hashes.get(f"{profiel.sleutel}/aanbieders.yaml", "")
    uit = []
    veel = len(profiel.percelen) > 1
    for soort in soorten:
        for contract in (contracten if soort.per_contract else [None]):
            delen = [codehash(), soort.naam, str(prijspeil), gemeen,
                     hashes[f"sjablonen/{soort.sjabloon}"], ",".join(formaten), onderwerp]
            if contract is not None:
                delen.append(_AANBIEDER.dump_json(contract.aanbieder).decode())
                if veel:
                    delen.append(str(contract.perceel.nummer))
            if soort.alle_aanbieders:
                delen.append(alle)
            if soort.met_datum:
                delen.append(uitvoering.datum.isoformat())
            uit.append(Taak(soort.naam, contract.sleutel if contract else None,
                            soort.pad_van(contract), sha256("\n".join(delen).encode()),
                            contract.aanbieder.id if contract else None,
                            contract.perceel.nummer if contract and veel else None))
    return uit


def hergebruik(taken_: list[Taak], vorig: Manifest | None, doel: Path,
               formaten: tuple[str, ...]) -> tuple[list[Document], list[Taak]]:
    """Split into documents that stay as they are and documents that must be made. A document
    stays when it was made from the same inputs and all its files are still there."""
    oud: dict[str, list[Document]] = {}
    for d in (vorig.documenten if vorig else []):
        # A new version beside a finalised document counts as that document's output.
        oud.setdefault(stam(d.naast_definitief) if d.naast_definitief else d.stam, []).append(d)
    nodig = {"docx", "md", *formaten}
    hergebruikt: list[Document] = []
    te_maken: list[Taak] = []
    for taak in taken_:
        bij = [d for d in oud.get(taak.pad, []) if d.invoerhash == taak.invoerhash]
        if (bij and len(bij) == len(oud[taak.pad]) and nodig <= {d.formaat for d in bij}
                and all((doel / d.pad).is_file() for d in bij)):
            hergebruikt += bij
        else:
            te_maken.append(taak)
    return hergebruikt, te_maken


def maak_plan(profiel: Profiel, soorten: list[Soort], contracten: list[Contract], *,
              prijspeil: int, sjablonen: Path, doel: Path, datum: dt.date,
              formaten: tuple[str, ...] = (), onderwerp: object = None,
              onderwerp_sleutel: str = "", extra_invoer: tuple[tuple[str, bytes], ...] = (),
              volledig: bool = False, opruimen: frozenset[str] = frozenset(),
              per_contract: Contract | None = None) -> Plan:
    """The plan of a run: its inputs, its version stamp and its tasks. A folder that belongs
    to one contract (`per_contract`, an opzegging) names it in its manifest instead of the
    prijspeil."""
    invoer_ = invoer(profiel, sjablonen, soorten, extra_invoer)
    manifest = kop(profiel, invoer_, datum, prijspeil=None if per_contract else prijspeil,
                   contract=per_contract, extra=onderwerp_sleutel)
    uitvoering = Uitvoering(manifest.versie, datum, onderwerp)
    return Plan(profiel, prijspeil, sjablonen, doel, manifest, uitvoering, formaten,
                taken(profiel, prijspeil, soorten, contracten, invoer_, uitvoering, formaten,
                      onderwerp_sleutel),
                opruimen=opruimen, volledig=volledig)
