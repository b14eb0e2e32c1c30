"""A change of a region profile's files, all or nothing: `importeer`, `indexeer` and
`bijwerken` write through it.

The new files are staged beside the region folder, in `.contracten-<regio>-<8 hex>/nieuw/`,
while the folder's lock is held; everything is checked before anything moves (a prijspeil that
exists already, a read-only file or folder). The commit is the journal `wissel.json` in that
staging folder: once it is there, the files move into place one by one. A process killed
halfway leaves the journal, and the next process that loads the profile (any command) finishes
the move; a staging folder without a journal is a change that never reached its commit, and is
removed.

Together with documents (`indexeer --genereer`) the change and the output folder's are one:
the journal then names the output folder's own journal (see `uitvoer.map`) as its commit
(`merk`). Until that exists the change is undone; once it does, the profile's files move in,
by whoever gets there first: the output folder's commit, the next load of the profile, or the
next run in that output folder.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from contextlib import suppress
from pathlib import Path, PurePosixPath
from types import TracebackType

from contracten import vastlegging
from contracten.fouten import ContractenFout, os_reden
from contracten.profiel.slot import VOORVOEGSEL, WACHTTIJD, Bezet, controleer_schrijfbaar, slot

JOURNAAL = "wissel.json"
NIEUW = "nieuw"  # the staged files, under their path in the region folder
VOORAF = "regio"  # the region as it will be, to load before anything moves (als_regiomap)
_LEVEND: set[Path] = set()  # the staging folders of this process's changes under way


class Profielwissel:
    """One change of the files of region folder `map_`; use as a context manager (it holds the
    folder's lock). Stage files with `schrijf`, then commit with `voltooi` (or `koppel`, from
    the output folder's commit). Leaving the block before the commit discards the change."""

    def __init__(self, map_: Path) -> None:
        self.map = map_
        self.staging = map_.parent / f"{VOORVOEGSEL}{map_.name}-{secrets.token_hex(4)}"
        self._nieuw: dict[str, bool] = {}  # staged path -> must not exist yet
        self._slot = slot(map_)
        self.gekoppeld = False

    def __enter__(self) -> Profielwissel:
        self._slot.__enter__()
        try:
            herstel(self.map)
            (self.staging / NIEUW).mkdir(parents=True)
            _LEVEND.add(self.staging.absolute())
        except OSError as exc:
            self._slot.__exit__(None, None, None)
            raise ContractenFout(f"Kan niet schrijven naast {self.map}: {os_reden(exc)}. Er is "
                                 "niets gewijzigd.") from exc
        except BaseException:
            self._slot.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None,
                 tb: TracebackType | None) -> None:
        _LEVEND.discard(self.staging.absolute())
        try:
            # Committed: the files move in now (they may have already); else it is undone.
            # Should a move fail, the journal stays for the next load of the profile.
            _herstel_een(self.staging)
        except OSError as exc:
            if fout is None:
                raise ContractenFout(f"Kan {self.map} niet bijwerken: {os_reden(exc)}. De "
                                     "volgende opdracht met deze regio maakt de wijziging af."
                                     ) from exc
        finally:
            self._slot.__exit__(None, None, None)

    @property
    def bestanden(self) -> list[str]:
        """The staged files, by their path in the region folder."""
        return sorted(self._nieuw)

    def schrijf(self, relatief: str, inhoud: bytes, *, nieuw: bool = False) -> None:
        """Stage the new content of `relatief` (a path in the region folder, with forward
        slashes); `nieuw`: a file that must not exist yet (a prijspeil is never
        overwritten)."""
        pad = self.staging / NIEUW / _veilig(relatief)
        try:
            pad.parent.mkdir(parents=True, exist_ok=True)
            with open(pad, "wb") as bestand:
                bestand.write(inhoud)
                bestand.flush()
                os.fsync(bestand.fileno())
        except OSError as exc:
            raise ContractenFout(f"Kan {self.map / relatief} niet voorbereiden: "
                                 f"{os_reden(exc)}. Er is niets gewijzigd.") from exc
        self._nieuw[relatief] = nieuw

    def als_regiomap(self) -> Path:
        """A folder of regions that holds this region as it will be after the change, to load
        (`laad_regio(pad, naam)`) and make documents from before anything moves: links to its
        files (copies where the disk has no hard links) and the staged files."""
        wortel = self.staging / VOORAF
        regio = wortel / self.map.name
        try:
            if not regio.exists():
                shutil.copytree(self.map, regio, symlinks=True, copy_function=_link)
            for relatief in self._nieuw:
                doel = regio / relatief
                doel.parent.mkdir(parents=True, exist_ok=True)
                doel.unlink(missing_ok=True)
                _link(str(self.staging / NIEUW / relatief), str(doel))
        except OSError as exc:
            raise ContractenFout(f"Kan {self.map} niet voorbereiden: {os_reden(exc)}. Er is "
                                 "niets gewijzigd.") from exc
        return wortel

    def controleer(self) -> None:
        """Refuse what could not finish, before anything moves: a new file that exists
        already, a read-only file or folder among those the change touches."""
        for relatief, nieuw in sorted(self._nieuw.items()):
            if nieuw and (self.map / relatief).exists():
                raise ContractenFout(f"{self.map / relatief} bestaat al; een prijspeil wordt "
                                     "nooit overschreven.")
        controleer_schrijfbaar(self.map, [(self.map / r).parent for r in self._nieuw],
                               [self.map / r for r in self._nieuw])

    def voltooi(self) -> None:
        """Check, commit and move every staged file into place (nothing staged: nothing)."""
        if not self._nieuw or self.gekoppeld:
            return
        self.controleer()
        # Committed by the journal: said just before it, so an interruption in between says
        # too much, never too little (once it is there the files move in, whatever happens).
        vastlegging.profiel(self.map)
        self._journaal(None)
        voer_uit(self.staging)

    def koppel(self, merk: Path) -> None:
        """Check, and make this change part of another commit: it counts as made once file
        `merk` exists (the output folder's journal), and its files then move in by `voer_uit`,
        called by whoever finishes that commit."""
        self.controleer()
        self._journaal(merk)
        self.gekoppeld = True

    def _journaal(self, merk: Path | None) -> None:
        data = {"regio": self.map.name, "bestanden": self.bestanden,
                "merk": str(merk.absolute()) if merk is not None else None}
        tijdelijk = self.staging / f"{JOURNAAL}.tmp"
        with open(tijdelijk, "w", encoding="utf-8") as bestand:
            json.dump(data, bestand)
            bestand.flush()
            os.fsync(bestand.fileno())
        os.replace(tijdelijk, self.staging / JOURNAAL)


def _veilig(relatief: str) -> str:
    delen = PurePosixPath(relatief).parts
    if not delen or PurePosixPath(relatief).is_absolute() or ".." in delen or "\\" in relatief:
        raise ContractenFout(f"Ongeldig pad in het profiel: '{relatief}'.")
    return relatief


def _link(bron: str, doel: str) -> None:
    try:
        os.link(bron, doel)
    except OSError:
        shutil.copy2(bron, doel)  # a disk without hard links (FAT, some network shares)


def voer_uit(staging: Path) -> None:
    """Move the files of a committed change into place, those still staged (an earlier attempt,
    or another process, may have moved some), then remove the staging folder."""
    try:
        journaal = json.loads((staging / JOURNAAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return  # finished meanwhile
    map_ = staging.parent / _veilig(journaal["regio"])
    for relatief in journaal["bestanden"]:
        bron, doel = staging / NIEUW / _veilig(relatief), map_ / relatief
        if bron.is_file():
            doel.parent.mkdir(parents=True, exist_ok=True)
            with suppress(FileNotFoundError):  # moved by another process just now
                os.replace(bron, doel)
    shutil.rmtree(staging, ignore_errors=True)


def _herstel_een(staging: Path) -> None:
    """Finish a committed change, undo one that never got there."""
    try:
        journaal = json.loads((staging / JOURNAAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journaal = None  # no journal: never committed
    if journaal is not None:
        merk = journaal.get("merk")
        if merk is None or Path(merk).is_file():
            voer_uit(staging)
            return
        # Part of an output folder's commit that never came: its staging goes too (the
        # process that made it held this profile's lock, so it is gone).
        if Path(merk).parent.name.startswith(VOORVOEGSEL):
            shutil.rmtree(Path(merk).parent, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def _stagings(map_: Path) -> list[Path]:
    naam = "".join(f"[{t}]" if t in "*?[" else t for t in map_.name)
    return sorted(p for p in map_.parent.glob(f"{VOORVOEGSEL}{naam}-{'?' * 8}")
                  if p.is_dir() and p.absolute() not in _LEVEND)


def herstel(map_: Path) -> None:
    """Finish or undo the changes of region folder `map_` that a killed process left. Only
    with the folder's lock held."""
    for staging in _stagings(map_):
        _herstel_een(staging)


def herstel_bij_laden(map_: Path) -> None:
    """Before a profile is read: finish a change a killed process committed, so nobody reads
    it half done (waiting for a process that is moving its files). A change that never reached
    its commit is removed when nobody holds the lock; the profile as it is, is the old one."""
    stagings = _stagings(map_)
    if not stagings:
        return
    vastgelegd = any((s / JOURNAAL).is_file() for s in stagings)
    try:
        with slot(map_, WACHTTIJD if vastgelegd else 0):
            herstel(map_)
    except Bezet:
        if vastgelegd:
            raise
    except OSError as exc:
        raise ContractenFout(f"Kan de onderbroken wijziging van {map_} niet afmaken: "
                             f"{os_reden(exc)}.") from exc
