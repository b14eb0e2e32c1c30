"""An unchanged rerun of `genereer`, decided before the profile is loaded.

After a run that loaded its profile itself (`genereer("regios", "assen", ...)`), a small record
in the region's output folder (`<uitvoer>/<regio>/.contracten-vingerafdruk.json`) keeps the
fingerprint (`lezen.vingerafdruk`: sizes, times, inodes) of everything that run depended on:

- the options (date, prijspeil, kinds, aanbieders, percelen, formats, templates, output
  folder), the working folder, Python and its search path, the CONTRACTEN_* variables;
- every file and folder of the region, the regions folder and which regions it holds (a new
  region with a clashing name, a change of a profile left halfway), the templates, the article
  library (the project's and the package's), this program's own files and its version;
- the output folder, its manifest, its register of finalised documents, its record of sizes
  and times (`uitvoer.kenmerken`) and every file of the manifest and the register.

The next run with the same options compares: all equal means nothing changed, so nothing would
be made, written or removed, and the run returns at once. Anything else (a file edited, even
to the same size; a new tarieven file; a template; another option; a document deleted or
edited by hand; another version of the program; a run left halfway) takes the normal path,
which decides as always. The record is a cache: lost, damaged or stale, nothing but time is
lost. It is written only after a successful run of which the same run again, on the folder as
it left it, would change nothing (decided by the run's own comparison: see
`pijplijn.draai.draai_en_herhaal`; a run with a warning is not recorded, the next one is), when
every document is as the record of sizes and times says, and when nothing it covers changed
while that run read it (see `vingerafdruk.betrouwbaar`). The fast path takes no lock: like a
look at the folder, it may answer just before another process changes it."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from contracten.lezen.vingerafdruk import MARGE_NS, afdruk, betrouwbaar, loop
from contracten.pijplijn.resultaat import OngewijzigdResultaat, Resultaat

if TYPE_CHECKING:
    from contracten.profiel.model import Profiel

BESTAND = ".contracten-vingerafdruk.json"
VERSIE = 1
CODE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the package contracten
STAGING = ".contracten-"  # profiel.slot.VOORVOEGSEL: a run's staging folder beside its folder
# CONTRACTEN_* variables that change nothing `genereer` makes or says (or are given to it as
# options already); every other one is part of the fingerprint.
ZONDER_INVLOED = frozenset({"REGIOS", "SJABLONEN", "ARTIKELEN", "DEBUG", "DOOR", "DATABASE",
                            "DATABASE_EIGENAAR", "WEB_GEHEIM", "CACHE"})


def omgeving() -> str:
    """The CONTRACTEN_* variables that count, as a hash (a variable may hold a password)."""
    tellen = sorted((naam, waarde) for naam, waarde in os.environ.items()
                    if naam.startswith("CONTRACTEN_") and naam[11:] not in ZONDER_INVLOED)
    return hashlib.sha256(json.dumps(tellen).encode()).hexdigest()


def grenzen() -> list[str]:
    """The limits (`lezen.grenzen.instelbaar`) this process read: what a fast path checks."""
    module = sys.modules.get("contracten.lezen.grenzen")
    return sorted(getattr(module, "GELEZEN", ()))


def grenzen_geldig(namen: list[str]) -> bool:
    """Whether each limit `namen` is unset or a whole number: else the normal path warns
    about it, as it always did (see `lezen.grenzen.instelbaar`)."""
    for naam in namen:
        tekst = os.environ.get(f"CONTRACTEN_{naam}", "").strip()
        cijfers = tekst.replace(".", "").replace("_", "")
        if tekst and not (cijfers.isdigit() and int(cijfers) > 0 and len(cijfers) <= 15):
            return False
    return True


def profielpaden(regios: Path | str, naam: str) -> list[str]:
    """What loading region `naam` of `regios` depends on, as paths to fingerprint: the regions
    folder and which regions it holds (names may clash), every file and folder of the region,
    the article library (the project's and the package's) and this program's own files."""
    from contracten.artikelen.laden import PAKKET, projectmap

    map_ = os.path.abspath(regios)
    paden = [map_]
    with contextlib.suppress(OSError):
        paden += sorted(os.path.join(map_, e.name, "regio.yaml")
                        for e in os.scandir(map_) if e.is_dir(follow_symlinks=False))
    paden += loop(os.path.join(map_, naam))
    paden += [*loop(os.path.abspath(projectmap(None))), *loop(os.path.abspath(PAKKET))]
    return paden + loop(CODE)


@dataclass(frozen=True)
class Waarneming:
    """The inputs of a run as they were before it read them: their fingerprint, and the
    moment it was taken."""

    paden: list[str]
    afdruk: str
    vanaf: int
    genomen: int


class Snelpad:
    """The fast path of one call of `genereer` on a region folder."""

    def __init__(self, regios: Path, naam: str, *, uitvoer: Path | str, datum: dt.date,
                 prijspeil: int | None, soorten: Sequence[str], aanbieders: Sequence[str],
                 percelen: Sequence[int], formaten: Sequence[str], sjablonen: Path | None
                 ) -> None:
        self.regios, self.naam, self.sjablonen = regios, naam, sjablonen
        self.record = Path(uitvoer) / naam / BESTAND  # the folder the output goes in
        gewoon = naam not in ("", ".", "..") and "/" not in naam and "\\" not in naam \
            and os.sep not in naam
        self.sleutel: str | None = json.dumps([
            VERSIE, naam, os.path.abspath(regios), str(uitvoer), os.path.abspath(uitvoer),
            datum.isoformat(), prijspeil, list(soorten), list(aanbieders), list(percelen),
            list(formaten), None if sjablonen is None else os.path.abspath(sjablonen),
            os.getcwd(), sys.version, sys.executable, sys.path, omgeving(),
        ]) if gewoon else None

    def probeer(self) -> Resultaat | None:
        """The result of an unchanged rerun when the record says nothing changed; None when
        anything did, or might have."""
        return probeer(self.record, self.sleutel)

    def neem_waar(self) -> Waarneming | None:
        """Before the profile is loaded: the fingerprint of everything the run will read."""
        if self.sleutel is None:
            return None
        genomen = time.time_ns()
        paden = list(dict.fromkeys(self._invoerpaden()))
        vingerafdruk, vanaf = afdruk(paden)
        return Waarneming(paden, vingerafdruk, vanaf, genomen)

    def _invoerpaden(self) -> list[str]:
        from importlib.metadata import PackageNotFoundError, distribution

        from contracten.soorten.register import sjablonenmap

        paden = profielpaden(self.regios, self.naam)
        if self.sjablonen is None:
            paden.append(os.path.abspath("sjablonen"))
        paden += loop(os.path.abspath(sjablonenmap(self.sjablonen)))
        with contextlib.suppress(PackageNotFoundError):  # its version is in the manifest
            paden += [str(p.locate()) for p in distribution("contracten").files or ()
                      if p.name == "METADATA"]
        return paden

    def leg_vast(self, voor: Waarneming | None, profiel: Profiel, resultaat: Resultaat,
                 ongewijzigd: list[str]) -> bool:
        """After a successful run that the same run again would leave as it is, keeping
        `ongewijzigd` (see `pijplijn.draai.draai_en_herhaal`): record its fingerprint, when it
        can be trusted. Whether it was recorded."""
        if voor is None or self.sleutel is None:
            return False
        from contracten.fouten import ContractenFout
        from contracten.uitvoer import definitief, kenmerken
        from contracten.uitvoer.manifest import BESTAND as MANIFEST
        from contracten.uitvoer.map import vervang_atomair

        gelezen = {os.path.abspath(p) for p in profiel.bestanden}
        if profiel.bibliotheek is not None:
            gelezen |= {os.path.abspath(p) for p in profiel.bibliotheek.bestanden.values()}
        if not (gelezen <= set(voor.paden) and betrouwbaar(voor.vanaf, voor.genomen)
                and afdruk(voor.paden)[0] == voor.afdruk):
            return False  # read from outside what was looked at, or changed while it was read
        doel = str(resultaat.map)
        try:
            register = definitief.lees(resultaat.map)
        except ContractenFout:  # the normal path says what is wrong with it, next time
            return False
        # (the manifest's paths come sorted: kept in their order, sorting them is one pass)
        uitvoer = sorted(dict.fromkeys([*(d.pad for d in resultaat.manifest.documenten),
                                        *register]))
        vaste = ["", MANIFEST, definitief.BESTAND, os.path.join("..", kenmerken.BESTAND),
                 os.path.join("..", kenmerken.AANVULLING)]
        paden = _uitvoerpaden(doel, [*vaste, *uitvoer])
        verwacht = {**{p: g.get("sha256") for p, g in register.items()},
                    **{d.pad: d.sha256 for d in resultaat.manifest.documenten}}
        # The files the run kept as it saw them before it began (a change since shows in
        # their times): not looked at again.
        gezien = resultaat.gezien
        basis = os.path.abspath(doel) + os.sep  # as in _uitvoerpaden
        bekend = {basis + pad: staat for pad, staat in gezien.staten.items()} \
            if gezien is not None and gezien.betrouwbaar() else None
        for _ in range(5):  # what the run just wrote is trusted a tick of the clock later
            time.sleep(MARGE_NS / 1e9)
            genomen = time.time_ns()
            bevestiging = kenmerken.Bevestiging(resultaat.map, profiel.sleutel, verwacht)
            uit_afdruk, vanaf = afdruk(paden, kijk=bevestiging, bekend=bekend)
            if betrouwbaar(vanaf, genomen):
                break
        else:
            return False
        if bevestiging.koppeling:  # a document that is a link: its target's changes not seen
            return False
        # And every file is as the run committed it, by the same record of sizes and times the
        # normal path trusts (a file edited by hand in the meantime is not): first from the
        # states this fingerprint saw (then nothing is looked at again), else the usual way,
        # reading what the record cannot vouch for, and the files still as fingerprinted.
        if not bevestiging.bevestigd:
            gehasht, _ = kenmerken.in_map(resultaat.map, profiel.sleutel, uitvoer)
            if any(gehasht.get(p) != h for p, h in verwacht.items()) \
                    or afdruk(paden)[0] != uit_afdruk:
                return False
        # What a rerun keeps: in a run of every document all files of the manifest (not stored)
        bewaard = None if ongewijzigd == uitvoer else ongewijzigd
        try:
            vervang_atomair(self.record, json.dumps({
                "versie": VERSIE, "sleutel": self.sleutel, "doel": doel,
                "invoer": voor.paden, "invoer_afdruk": voor.afdruk,
                "uitvoer": [*vaste, *uitvoer], "vast": len(vaste), "uitvoer_afdruk": uit_afdruk,
                "ongewijzigd": bewaard, "grenzen": grenzen()},
                separators=(",", ":")).encode("utf-8"))
        except Exception:  # not writable: the next run takes the normal path
            return False
        return True


def probeer(pad: Path, sleutel: str | None) -> Resultaat | None:
    """The result of an unchanged rerun by the record at `pad` of the run with this `sleutel`
    (`Snelpad.sleutel`), when it says nothing changed; None when anything did, or might have."""
    if sleutel is None:
        return None
    try:
        record = json.loads(pad.read_bytes())
        if record.get("versie") != VERSIE or record.get("sleutel") != sleutel \
                or not grenzen_geldig(list(record["grenzen"])):
            return None
        doel, uitvoer = str(record["doel"]), list(record["uitvoer"])
        # A run left halfway (its staging folder) is finished by the normal path.
        map_ = os.path.dirname(os.path.abspath(doel))
        voor = f"{STAGING}{os.path.basename(doel)}-"
        if os.path.islink(map_) or not os.access(map_, os.W_OK | os.X_OK) \
                or any(n.startswith(voor) for n in os.listdir(map_)):
            return None  # (a folder it cannot write in: the normal path says so)
        if afdruk(record["invoer"])[0] != record["invoer_afdruk"] \
                or afdruk(_uitvoerpaden(doel, uitvoer))[0] != record["uitvoer_afdruk"]:
            return None
        ongewijzigd = uitvoer[int(record["vast"]):] if record["ongewijzigd"] is None \
            else list(record["ongewijzigd"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return OngewijzigdResultaat(Path(doel), ongewijzigd)


def _uitvoerpaden(doel: str, paden: list[str]) -> list[str]:
    basis = os.path.abspath(doel)
    voor = basis + os.sep  # paths of a manifest: relative, with forward slashes (veilig_pad)
    return [voor + pad if pad else basis for pad in paden]
