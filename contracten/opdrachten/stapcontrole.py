"""Whether a step may be taken on the chosen documents: the file on disk is the version the
register holds, that is the version the person saw, and the document is at the step before
(or at this step already: then nothing is added)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

from contracten.fouten import Melding
from contracten.register.stappen import STAP_NAMEN, STAPPEN
from contracten.uitvoer.map import sha256 as hash_van

if TYPE_CHECKING:
    from contracten.opdrachten.goedkeuring import DocumentStatus

# The version the person saw: one sha256 for the documents chosen, or each document's own (its
# path in the register -> the sha256 its page showed), or none when not known.
Gezien: TypeAlias = str | Mapping[str, str] | None


def gewijzigd(pad: str) -> Melding:
    return Melding(pad, None, "sha256", "dit document is gewijzigd sinds u het las: er is een "
                   "andere versie dan die u zag; bekijk de nieuwe versie en zet de stap opnieuw",
                   "versie_gewijzigd")


def controleer(documenten: Sequence[DocumentStatus], stap: str,
               gezien: Gezien) -> list[Melding]:
    """Every reason `stap` cannot be taken on these documents; `gezien`: the sha256 of the
    version the person saw, when known (per document: one it does not name was not seen)."""
    vorige = STAPPEN[STAPPEN.index(stap) - 1]
    problemen = []
    for d in documenten:
        verwacht = gezien.get(d.stand.pad, "") if isinstance(gezien, Mapping) else gezien
        if verwacht is not None and (d.stand.sha256 != verwacht or d.op_schijf != "gelijk"):
            problemen.append(gewijzigd(d.stand.pad))
        elif d.op_schijf == "gewijzigd":
            problemen.append(Melding(d.stand.pad, None, "", "het bestand is gewijzigd sinds "
                                     "deze versie werd vastgelegd; maak het document opnieuw of "
                                     "zet het terug", "bestand_gewijzigd"))
        elif d.op_schijf == "ontbreekt":
            problemen.append(Melding(d.stand.pad, None, "", "het bestand ontbreekt",
                                     "bestand_ontbreekt"))
        elif d.status not in (vorige, stap):
            problemen.append(Melding(d.stand.pad, None, "", f"staat op "
                                     f"'{STAP_NAMEN[d.status]}'; '{STAP_NAMEN[stap]}' kan alleen "
                                     f"na '{STAP_NAMEN[vorige]}'", "stap_volgorde"))
    return problemen


def nog_gelijk(documenten: Sequence[DocumentStatus]) -> list[Melding]:
    """Just before recording: every file still the version checked (it may have been
    regenerated while the checks ran)."""
    problemen = []
    for d in documenten:
        try:
            gelijk = hash_van(d.bestand.read_bytes()) == d.stand.sha256
        except OSError:
            gelijk = False
        if not gelijk:
            problemen.append(gewijzigd(d.stand.pad))
    return problemen
