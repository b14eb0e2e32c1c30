"""Finalised (signed) documents: marked once, never overwritten by a later run.

`definitief.json` in an output folder lists each finalised document with its sha256 and the day
it was marked. `genereer` keeps such a file exactly as it is and writes a changed version beside
it (`<naam>.nieuw-<versie>.docx`), so a signed contract is never replaced unseen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from contracten import vastlegging
from contracten.fouten import ContractenFout, InvoerFout, Melding
from contracten.uitvoer import manifest
from contracten.uitvoer.map import vervang_atomair

BESTAND = "definitief.json"


def lees(map_: Path) -> dict[str, dict[str, Any]]:
    try:
        register: dict[str, dict[str, Any]] = json.loads(
            (map_ / BESTAND).read_text(encoding="utf-8"))
        return register
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except (OSError, ValueError) as exc:
        raise ContractenFout(f"{map_ / BESTAND} is onleesbaar ({exc}); herstel het voordat u "
                             "verder genereert.") from None


def controleer(map_: Path, register: dict[str, dict[str, Any]],
               gehasht: Mapping[str, str | None] | None = None) -> None:
    """Every finalised document is on disk exactly as it was signed; otherwise stop before
    anything is written: a changed or missing signed contract needs a person's eyes.
    `gehasht`: the sha256 of each file by its path (None: missing), when known already (see
    `kenmerken.in_map`); else each is read."""
    meldingen = []
    for pad, gegevens in sorted(register.items()):
        bestand = map_ / pad
        if gehasht is not None and pad in gehasht:
            hash_ = gehasht[pad]
        else:
            hash_ = hashlib.sha256(bestand.read_bytes()).hexdigest() if bestand.is_file() else None
        if hash_ is None:
            meldingen.append(Melding(pad, None, "", "is definitief maar staat niet meer in de map",
                                     "definitief_ontbreekt"))
        elif hash_ != gegevens.get("sha256"):
            meldingen.append(Melding(pad, None, "", "is definitief maar is na het markeren "
                                     "gewijzigd; zet het getekende bestand terug (zijn sha256 "
                                     f"staat in {BESTAND})", "definitief_gewijzigd"))
    if meldingen:
        raise InvoerFout(meldingen, f"Definitieve documenten in {map_} zijn veranderd; er is niets "
                                    "geschreven")


def kies(map_: Path, *, soorten: Sequence[str] = (), aanbieders: Sequence[str] = (),
         paden: Sequence[str] = ()) -> tuple[manifest.Manifest, list[manifest.Document]]:
    """The manifest of an output folder and its Word documents to mark definitief: all, or
    those chosen (by kind, aanbieder or path in the folder). A choice of none is refused."""
    gelezen = manifest.lees(map_)
    if gelezen is None:
        raise ContractenFout(f"{map_} is geen uitvoermap van contracten: manifest.json "
                             "ontbreekt.")
    gekozen = [d for d in gelezen.documenten if d.formaat == "docx"
               and not d.naast_definitief
               and (not soorten or d.soort in soorten)
               and (not aanbieders or d.aanbieder in aanbieders)
               and (not paden or d.pad in paden)]
    onbekend = sorted(set(paden) - {d.pad for d in gekozen})
    if onbekend:
        raise InvoerFout([Melding(pad, None, "", f"is geen Word-document van {map_} dat "
                                  "definitief kan worden", "niets_gekozen") for pad in onbekend],
                         "Ongeldige keuze")
    if not gekozen:
        raise InvoerFout([Melding(str(map_), None, "", "geen document gevonden om definitief te "
                                  "maken met deze keuze", "niets_gekozen")], "Ongeldige keuze")
    return gelezen, gekozen


def samenvattingen(documenten: Sequence[manifest.Document]) -> list[Melding]:
    """A refusal for every document that still holds our summaries of the Contractstandaard
    instead of its official text."""
    return [Melding(d.pad, None, "", "bevat nog samenvattingen van de Contractstandaard in plaats "
                    f"van de officiële tekst (artikelen {', '.join(d.samenvattingen or [])}); "
                    "importeer eerst de officiële tekst en maak de documenten opnieuw",
                    "samenvatting_niet_definitief") for d in documenten if d.samenvattingen]


def leg_vast(map_: Path, documenten: Sequence[manifest.Document], *, datum: dt.date
             ) -> list[str]:
    """Record the documents in definitief.json with the sha256 of their file as it is now
    (one marked before keeps its day); returns their paths. Checks are the caller's: see
    `opdrachten.definitief.markeer_definitief`."""
    register = lees(map_)
    for d in documenten:
        if d.pad not in register:
            register[d.pad] = {"sha256": hashlib.sha256((map_ / d.pad).read_bytes()).hexdigest(),
                               "datum": datum.isoformat()}
    return _schrijf(map_, register, [d.pad for d in documenten])


def herstel(map_: Path, documenten: dict[str, tuple[str, dt.date]]) -> list[str]:
    """Add to definitief.json each document (path in the folder: sha256 and day) the contract
    register holds as definitief but the file does not: the register is the record, this file
    its copy on disk. Returns the paths added."""
    register = lees(map_)
    ontbrekend = sorted(p for p in documenten if p not in register)
    for pad in ontbrekend:
        sha, datum = documenten[pad]
        register[pad] = {"sha256": sha, "datum": datum.isoformat()}
    return _schrijf(map_, register, ontbrekend) if ontbrekend else []


def _schrijf(map_: Path, register: dict[str, dict[str, Any]], paden: list[str]) -> list[str]:
    inhoud = json.dumps(dict(sorted(register.items())), ensure_ascii=False, indent=2) + "\n"
    vervang_atomair(map_ / BESTAND, inhoud.encode("utf-8"))
    vastlegging.bestand(map_ / BESTAND)
    return paden


def naast(pad: str, versie: str) -> str:
    """Where the new version of a finalised document goes: beside it."""
    stam, _, extensie = pad.rpartition(".")
    stam_docx = stam.removesuffix(".docx")
    return f"{stam_docx}.nieuw-{versie}.{extensie}"
