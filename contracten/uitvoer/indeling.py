"""The layout of the output tree: the one place that knows where a command's documents go, and
how to recognise its folders when they are read back (the register, `definitief`, the web).

    <uitvoer>/<regio>/<prijspeil>/                        genereer, indexeer, socialreturn
    <uitvoer>/<regio>/opzeggingen/<contract>/<datum>/     opzegging
    <uitvoer>/<regio>/socialreturn-realisatie/<jaar>/     socialreturn --realisatie
    <uitvoer>/<regio>/vergelijking-<oud>-<nieuw>/         vergelijk (by default beside NIEUW)

Inside such a folder, a document of a kind goes to `<plek>` (one per folder) or
`<plek>/<contract>` (one per contract), plus its extension. A contract's key may itself hold a
slash (`perceel-2/<aanbieder>`). A path in the register is relative to <uitvoer>, so it starts
with the region: `<regio>/<prijspeil>/<plek>/<contract>.docx`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from contracten.profiel.percelen import PERCEEL
from contracten.uitvoer import manifest
from contracten.uitvoer.manifest import BESTAND

OPZEGGINGEN = "opzeggingen"
REALISATIE = "socialreturn-realisatie"
VERGELIJKING = "vergelijking"


def document(plek: str, contract: str | None) -> str:
    """Where a document of a kind goes in its folder, without extension: at `plek` (a kind with
    one document per folder), or at `plek/<contract>`."""
    return plek if contract is None else f"{plek}/{contract}"


@dataclass(frozen=True)
class Indeling:
    """The output tree under `uitvoer`."""

    uitvoer: Path

    @staticmethod
    def is_uitvoermap(map_: Path) -> bool:
        """Whether a run of contracten made `map_` (it has a manifest)."""
        return (map_ / BESTAND).is_file()

    @staticmethod
    def gemaakt(map_: Path) -> frozenset[str]:
        """The files a run made in `map_` (their paths in it, with forward slashes), as its
        manifest lists them; none without a manifest. Raises ManifestBeschadigd (a
        ContractenFout) for a manifest that cannot be read. The manifest is read again only
        when it changed (`manifest.lees_bewaard`): the web asks on every download."""
        gelezen = manifest.lees_bewaard(map_)
        return frozenset(d.pad for d in gelezen.documenten) if gelezen else frozenset()

    def regio(self, regio: str) -> Path:
        """Everything of one region."""
        return self.uitvoer / regio

    def prijspeil(self, regio: str, prijspeil: int) -> Path:
        """A region's document set at one prijspeil."""
        return self.regio(regio) / str(prijspeil)

    def opzegging(self, regio: str, contract: str, datum: dt.date) -> Path:
        """The schedule and letter of one opzegging (`datum`: the instroomstop) of a contract
        (its key: the aanbieder, or `perceel-<n>/<aanbieder>` in a tender of several)."""
        return self.regio(regio) / OPZEGGINGEN / contract / datum.isoformat()

    def realisatie(self, regio: str, jaar: int) -> Path:
        """The social-return realisation up to `jaar`, the last year reported."""
        return self.regio(regio) / REALISATIE / str(jaar)

    @staticmethod
    def vergelijking(oud: Path, nieuw: Path) -> Path:
        """Where a comparison of two output folders goes by default: beside `nieuw`."""
        return nieuw.parent / f"{VERGELIJKING}-{oud.name}-{nieuw.name}"

    # Reading back.

    def gevolgd(self, regio: str, prijspeil: int) -> list[Path]:
        """The folders whose documents the register follows: the prijspeil's, and every
        opzegging's that a run made."""
        mappen = [self.prijspeil(regio, prijspeil)]
        opzeggingen = self.regio(regio) / OPZEGGINGEN
        if opzeggingen.is_dir():
            mappen += sorted(p.parent for p in (*opzeggingen.glob(f"*/*/{BESTAND}"),
                                                *opzeggingen.glob(f"{PERCEEL}*/*/*/{BESTAND}")))
        return mappen

    @staticmethod
    def opzegdatum(map_: Path) -> dt.date | None:
        """The day an opzegging's notice was received (its folder's name); None for any other
        folder."""
        contract = map_.parent
        if contract.parent.name.startswith(PERCEEL):
            contract = contract.parent
        if contract.parent.name != OPZEGGINGEN:
            return None
        return dt.date.fromisoformat(map_.name)

    def prijspeil_van(self, regio: str, map_: Path) -> int | None:
        """The prijspeil whose folder `map_` is; None for any other folder."""
        if map_.parent == self.regio(regio) and map_.name.isdigit():
            return int(map_.name)
        return None

    def registerpad(self, map_: Path, pad: str) -> str:
        """A document's path in the register: `pad` (in folder `map_`) from <uitvoer>."""
        return f"{map_.relative_to(self.uitvoer).as_posix()}/{pad}"

    def map_van(self, regio: str, registerpad: str) -> tuple[Path, str] | None:
        """The folder of `regio` that holds a document, found from its path in the register
        (the nearest folder above it that a run made), and its path in that folder. None for a
        path outside the region, or in no such folder."""
        delen = registerpad.split("/")
        if (delen[0] != regio or "" in delen or ".." in delen or "\\" in registerpad
                or registerpad.startswith("/")):
            return None
        for i in range(len(delen) - 1, 1, -1):
            map_ = self.uitvoer.joinpath(*delen[:i])
            if Indeling.is_uitvoermap(map_):
                return map_, "/".join(delen[i:])
        return None

    @staticmethod
    def prijspeil_in(registerpad: str) -> str:
        """The part of a register path where a prijspeil's folder names its year (not checked:
        an opzegging's path has 'opzeggingen' there); '' for a path too short to have one."""
        delen = registerpad.split("/")
        return delen[1] if len(delen) > 2 else ""
