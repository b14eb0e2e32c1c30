"""What a run changes in its output folder, decided before anything is made: which documents to
make, which entries of the previous manifest stay, and which files go.

Pure: no files, no clock. What it needs to know of the folder (which files of the previous
manifest are still on disk, which documents are definitief) the executor reads first and passes
in as plain data."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from contracten.uitvoer.manifest import Document, Manifest, stam

from .plan import Taak


@dataclass(frozen=True)
class Verschil:
    maken: list[Taak]  # documents to make (again)
    # Entries of the previous manifest that stay: what this run does not touch, every
    # finalised document, and what `ongewijzigd` names. An entry whose path this run writes
    # again is replaced by the new one.
    houden: list[Document]
    ongewijzigd: list[str]  # paths kept because they were made from the same inputs
    weg: frozenset[str]  # files of the previous manifest to remove
    bij: bool  # nothing to do: the folder is up to date, not even its manifest changes


def bereken(taken: Sequence[Taak], vorig: Manifest | None, kop: Manifest, *,
            formaten: tuple[str, ...], op_schijf: Collection[str],
            definitief: Collection[str], volledig: bool = False,
            opruimen: Collection[str] = ()) -> Verschil:
    """Compare the run's tasks (and its manifest without documents, `kop`) with the previous
    manifest. A document stays when it was made from the same inputs and all its files are
    still there (`op_schijf`: the paths of the previous manifest found on disk); a document
    this run no longer makes goes in a `volledig` run, or when its kind is in `opruimen`; a
    finalised one (its .docx in `definitief`) never goes."""
    oud = vorig.documenten if vorig else []
    # Each entry's key once (three passes need them): the document it belongs to, its path
    # without extension; a new version beside a finalised document belongs to that document.
    # A manifest of 20,000 aanbieders has 80,000 entries, and a rerun compares twice (draai).
    sleutels: list[str] = []
    per_sleutel: dict[str, list[Document]] = {}
    for d in oud:
        s = stam(d.naast_definitief or d.pad)
        sleutels.append(s)
        if (lijst := per_sleutel.get(s)) is None:
            per_sleutel[s] = [d]
        else:
            lijst.append(d)
    nodig = {"docx", "md", *formaten}
    ongewijzigd: list[str] = []
    maken: list[Taak] = []
    for taak in taken:
        # Kept when every entry of its document was made from the same inputs and is on disk,
        # and together they hold every format asked for.
        if (eigen := per_sleutel.get(taak.pad)) and all(
                d.invoerhash == taak.invoerhash and d.pad in op_schijf for d in eigen) \
                and nodig <= {d.formaat for d in eigen}:
            ongewijzigd += [d.pad for d in eigen]
        else:
            maken.append(taak)
    # Sets of every path only where there is something to compare: 10,000 paths each.
    alle = {t.pad for t in taken} if oud else set()
    opnieuw = {t.pad for t in maken} if oud else set()
    weg = frozenset(d.pad for s, d in zip(sleutels, oud, strict=True)
                    if s not in alle and not d.bundel and (volledig or d.soort in opruimen)
                    and f"{d.stam}.docx" not in definitief)
    # Nothing goes and nothing is made again: every entry stays (no pass over them all).
    houden = [d for s, d in zip(sleutels, oud, strict=True) if d.pad not in weg
              and (s not in opnieuw
                   or (f"{d.stam}.docx" in definitief and not d.naast_definitief))] \
        if weg or opnieuw else list(oud)
    return Verschil(maken, houden, ongewijzigd, weg,
                    bij=vorig is not None and not maken and not weg and vorig.kop_gelijk(kop))


def achtergebleven(vorig: Manifest | None, documenten: Sequence[Document]) -> set[str]:
    """Files of the previous manifest that the new one (`documenten`) no longer lists: a
    previous version's files that this run did not write again go as well."""
    if vorig is None or not vorig.documenten:
        return set()
    paden = {d.pad for d in documenten}
    return {d.pad for d in vorig.documenten if d.pad not in paden}
