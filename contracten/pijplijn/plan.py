"""Plan a run: from its `Opties`, the documents it asks for, each with the hash of exactly what
it is made from (which of them the previous run already made: see `verschil`)."""

from __future__ import annotations

import datetime as dt
import hashlib
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
from contracten.soorten.register import sjablonenmap
from contracten.uitvoer.manifest import Invoer, Manifest, Opzegfeiten
from contracten.uitvoer.map import sha256

from .opties import Opties

FORMATEN = ("docx", "md", "html", "pdf")
_AANBIEDER = TypeAdapter(Aanbieder)


@dataclass(frozen=True, slots=True)
class Taak:
    """One document to make: its kind, its contract (if any) and what it is made from. Slotted:
    a run of 20,000 aanbieders holds 40,000 of them while it runs."""

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
        contract: Contract | None = None, extra: str = "",
        opzegging: Opzegfeiten | None = None) -> Manifest:
    versie = versiecode(sha256(("".join(i.sha256 for i in invoer_) + datum.isoformat() + extra
                                + codehash()).encode()))
    return Manifest(regio=profiel.sleutel, prijspeil=prijspeil,
                    aanbieder=contract.aanbieder.id if contract else None,
                    perceel=contract.perceelnummer if contract else None,
                    opzegging=opzegging, versie=versie, datum=datum.isoformat(),
                    generator=f"contracten {version('contracten')}", invoer=invoer_,
                    documenten=[])


def taken(opties: Opties, invoer_: list[Invoer], uitvoering: Uitvoering,
          formaten: tuple[str, ...]) -> list[Taak]:
    """Each document with the hash of exactly what it is made from, so that a change to one
    aanbieder remakes only its documents (and those that list all aanbieders, when it changes
    what they show of it)."""
    profiel, prijspeil, onderwerp = opties.profiel, opties.prijspeil, opties.onderwerp_sleutel
    hashes = {i.pad: i.sha256 for i in invoer_}
    gemeen = "".join(h for pad, h in sorted(hashes.items())
                     if not pad.endswith("/aanbieders.yaml") and not pad.startswith("sjablonen/"))
    alle = hashes.get(f"{profiel.sleutel}/aanbieders.yaml", "")
    # Per kind what all its documents share; then each contract's own part (an aanbieder as
    # JSON is the largest part of the work) once for all its kinds, dropped as soon as its
    # tasks are made: a run of 20,000 aanbieders never holds them all.
    gedeeld: list[tuple[Soort, hashlib._Hash, list[str], list[Taak]]] = []
    for soort in opties.soorten:
        kop_ = [codehash(), soort.naam, str(prijspeil), gemeen,
                hashes[f"sjablonen/{soort.sjabloon}"], ",".join(formaten), onderwerp]
        staart = []
        if soort.alle_aanbieders:  # what it shows of them, or the whole file
            kenmerk = soort.kenmerk_alle(profiel, prijspeil)
            staart.append(alle if kenmerk is None else sha256(kenmerk.encode()))
        if soort.met_datum:
            staart.append(uitvoering.datum.isoformat())
        eigen_taken = [] if soort.per_contract else [
            Taak(soort.naam, None, soort.pad_van(None),
                 sha256("\n".join([*kop_, *staart]).encode()))]
        gedeeld.append((soort, voorvoegsel(kop_), staart, eigen_taken))
    per_contract = [deel for deel in gedeeld if deel[0].per_contract]
    for contract in opties.contracten if per_contract else []:
        eigen = _eigen(contract)
        for soort, voor, staart, uit in per_contract:
            uit.append(Taak(soort.naam, contract.sleutel, soort.pad_van(contract),
                            met_voorvoegsel(voor, [*eigen, *staart]),
                            contract.aanbieder.id, contract.perceelnummer))
    return [taak for *_, uit in gedeeld for taak in uit]


def voorvoegsel(kop_: list[str]) -> hashlib._Hash:
    """What all the hashes of one kind begin with, hashed once: its part (`kop_`) holds the
    sha256 of every shared input (the article library: a hundred files), some 8 KB that every
    one of its 20,000 documents would hash again."""
    return hashlib.sha256(("\n".join(kop_) + "\n").encode())


def met_voorvoegsel(voor: hashlib._Hash, rest: list[str]) -> str:
    """`sha256("\\n".join([*kop_, *rest]))` for `voor = voorvoegsel(kop_)` and a `rest` that is
    not empty."""
    uit = voor.copy()
    uit.update("\n".join(rest).encode())
    return uit.hexdigest()


def _eigen(contract: Contract) -> list[str]:
    """What a contract's documents are made from of the contract itself: its aanbieder (every
    field) and its perceel in a tender of several."""
    delen = [_AANBIEDER.dump_json(contract.aanbieder).decode()]
    if contract.perceelnummer is not None:
        delen.append(str(contract.perceelnummer))
    return delen


def maak_plan(opties: Opties) -> Plan:
    """The plan of a run: its inputs, its version stamp and its tasks. A folder that belongs
    to one contract (`per_contract`, an opzegging) names it in its manifest instead of the
    prijspeil. Raises InvoerFout for an unknown format."""
    formaten = extra_formaten(opties.formaten)
    sjablonen = sjablonenmap(opties.sjablonen)
    invoer_ = invoer(opties.profiel, sjablonen, list(opties.soorten), opties.extra_invoer)
    manifest = kop(opties.profiel, invoer_, opties.datum,
                   prijspeil=None if opties.per_contract else opties.prijspeil,
                   contract=opties.per_contract, extra=opties.onderwerp_sleutel,
                   opzegging=opties.opzegging)
    uitvoering = Uitvoering(manifest.versie, opties.datum, opties.onderwerp)
    return Plan(opties.profiel, opties.prijspeil, sjablonen, opties.doel, manifest, uitvoering,
                formaten, taken(opties, invoer_, uitvoering, formaten),
                opruimen=opties.opruimen, volledig=opties.volledig)
