"""The sha256 of generated files on disk without reading them all on every look: per region a
small record beside its output (`.contracten-kenmerken.json` in `<uitvoer>/<regio>/`, and a
supplement with what changed since: `kenmerkrecord`) keeps, per file, its size, modification and
change time (ns), inode and sha256. A file is read and hashed again only when one of those
changed; the record is written only then.

The change time (ctime) cannot be set back by a program the way the modification time can
(`touch -d`), so a file edited and given its old mtime back is still read again. As in git, an
entry whose file changed within the same tick as the record was written is not trusted
("racily clean"): it is hashed again. The record is a cache, nothing more: lost, damaged, from
another machine or not writable (a read-only output folder), every file is simply hashed."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from contracten.lezen.vingerafdruk import Staat, staat_van
from contracten.uitvoer import kenmerkrecord
from contracten.uitvoer.kenmerkrecord import AANVULLING, BESTAND, VERSIE, Kenmerk, Record
from contracten.uitvoer.map import sha256

__all__ = ["AANVULLING", "BESTAND", "VERSIE", "Bevestiging", "Kenmerk", "hashes", "in_map",
           "leg_vast"]

_POGINGEN = 20  # times 5 ms: a file system whose clock ticks slower is only read again


def _vertrouwd(vorig: Kenmerk | None, grootte: int, mtime: int, ctime: int, inode: int
               ) -> str | None:
    """The hash the record gives a file in this state, when it may be trusted: recorded with
    that same state (an entry recorded within its file's tick has a size no file has, see
    `kenmerkrecord`); else None (read it). The state as separate numbers, not a tuple: a rerun
    of 20,000 aanbieders asks this for 80,000 files."""
    if (vorig is not None and vorig[1] == mtime and vorig[2] == ctime and vorig[0] == grootte
            and vorig[3] == inode):
        return vorig[4]
    return None


def hashes(uitvoer: Path, regio: str, paden: Iterable[str]) -> dict[str, str | None]:
    """The sha256 of each file `<uitvoer>/<pad>` of region `regio` (`pad`: its path in the
    register), None for one that is not there or not a file. Reads only the files that changed
    since they were last hashed, and records what it read."""
    record = uitvoer / regio / BESTAND
    uit, vorig, nieuw = _hashes(uitvoer, record, paden)
    if nieuw:
        kenmerkrecord.schrijf(record, uitvoer, vorig, nieuw)
    return uit


def _hashes(uitvoer: Path, record: Path, paden: Iterable[str], voor: str = "",
            gezien: dict[str, Staat] | None = None
            ) -> tuple[dict[str, str | None], Record, dict[str, Kenmerk | None]]:
    """`hashes` of the files `<uitvoer>/<voor><pad>`, by `pad`; the record as read, and what
    to record anew (by `<voor><pad>`; None: a file that is gone). One look per file (a rerun
    of 20,000 aanbieders: 80,000); `gezien` gets each regular file's lstat."""
    gelezen = kenmerkrecord.lees(record)
    bekend = gelezen.bestanden
    # No Path, and below `voor` (relative, ending in a slash) not os.path.join per file: the
    # same path then, as `pad` is no longer at the start of what is joined.
    basis = os.fspath(uitvoer)
    plek = os.path.join(basis, voor)
    kijk, is_bestand = os.lstat, stat.S_ISREG
    uit: dict[str, str | None] = {}
    nieuw: dict[str, Kenmerk | None] = {}
    for pad in paden:
        sleutel = voor + pad
        bestand = plek + pad if voor else os.path.join(basis, pad)
        try:
            staat = kijk(bestand)
            if is_bestand(staat.st_mode):
                if gezien is not None:
                    gezien[pad] = staat_van(staat)
            elif stat.S_ISLNK(staat.st_mode):
                staat = os.stat(bestand)  # what it links to
        except OSError:
            staat = None
        if staat is None or not is_bestand(staat.st_mode):
            uit[pad] = None
            if sleutel in bekend:
                nieuw[sleutel] = None
            continue
        vorig = bekend.get(sleutel)
        if (vertrouwd := _vertrouwd(vorig, staat.st_size, staat.st_mtime_ns, staat.st_ctime_ns,
                                    staat.st_ino)) is not None:
            uit[pad] = vertrouwd
            continue
        kenmerk = (staat.st_size, staat.st_mtime_ns, staat.st_ctime_ns, staat.st_ino)
        try:
            with open(bestand, "rb") as f:
                uit[pad] = hash_ = sha256(f.read())
        except OSError:
            uit[pad] = None
            continue
        if vorig != (*kenmerk, hash_):
            nieuw[sleutel] = (*kenmerk, hash_)
    return uit, gelezen, nieuw


def _plek(doel: Path, regio: str) -> tuple[Path, str, str]:
    """Where the record of an output folder `doel` of region `regio` is: (the output tree, the
    region's folder in it, the prefix of `doel`'s files in the tree). A folder outside a
    region's folder (`<uitvoer>/<regio>/…`) keeps its own record."""
    for ouder in (doel, *doel.parents):
        if ouder.name == regio:
            return ouder.parent, regio, f"{doel.relative_to(ouder.parent).as_posix()}/"
    return doel.parent, doel.name, f"{doel.name}/"


def in_map(doel: Path, regio: str, paden: Iterable[str], gezien: dict[str, Staat] | None = None
           ) -> tuple[dict[str, str | None], bool]:
    """`hashes` of files of one output folder `doel` (paths relative to it, as in its
    manifest), and whether the record is out of date (a file was read again, or is gone): what
    a rerun decides from without reading every file. Writes nothing: a run changes nothing
    before it commits, and then records what it knows (`leg_vast`). `gezien`: see `_hashes`."""
    uitvoer, map_, voor = _plek(doel, regio)
    gehasht, _, nieuw = _hashes(uitvoer, uitvoer / map_ / BESTAND, paden, voor, gezien)
    return gehasht, bool(nieuw)


class Bevestiging:
    """Whether each file `pad` of `verwacht` (relative to output folder `doel`) is, by the
    record alone, a regular file with sha256 `verwacht[pad]`: recorded with the state it has
    and that hash, not within the tick the record (or its supplement) holding it was
    written. Fed the states of a look the caller takes (`vingerafdruk.afdruk`'s `kijk`:
    absolute paths, their lstat), one at a time, holding nothing per file; reads no file and
    looks at none again. `bevestigd` is False (decide the usual way, `in_map`) for anything
    else, also for a file the record cannot vouch for though its content may well be right,
    and for one the look did not see.
    `koppeling`: a path looked at is a link (what it links to, the look did not see)."""

    def __init__(self, doel: Path, regio: str, verwacht: Mapping[str, str | None]) -> None:
        uitvoer, map_, self._voor = _plek(doel, regio)
        gelezen = kenmerkrecord.lees(uitvoer / map_ / BESTAND)
        self._bekend = gelezen.bestanden
        self._verwacht, self._basis = verwacht, os.path.abspath(doel) + os.sep
        self._lengte = len(self._basis)
        self._gezien, self._mis, self.koppeling = 0, gelezen.basis is None, False

    def __call__(self, pad: str, staat: Staat | None) -> None:
        if staat is not None and stat.S_ISLNK(staat[0]):
            self.koppeling = True
        if self._mis or not pad.startswith(self._basis):
            return
        relatief = pad[self._lengte:]
        if (hash_ := self._verwacht.get(relatief, self)) is self:  # (not one it names)
            return
        self._gezien += 1
        if hash_ is None or staat is None or not stat.S_ISREG(staat[0]) or _vertrouwd(
                self._bekend.get(self._voor + relatief), *staat[1:]) != hash_:
            self._mis = True

    @property
    def bevestigd(self) -> bool:
        return not self._mis and self._gezien == len(self._verwacht)


def leg_vast(doel: Path, regio: str, bekend: Mapping[str, str],
             gezien: Mapping[str, Staat] | None = None, vergeten: Iterable[str] = ()) -> None:
    """Record files a run has just written into `doel` (paths relative to it) with the sha256
    it computed as it made them: the next look (a rerun, the web's status) need not read them.
    A file that changes after this is read again (see `hashes`); one in `gezien` (hashed
    earlier) is recorded with the state it was hashed in, never a later one. `vergeten`:
    files that are gone (removed by the run, or missing when it looked), unless in `bekend`."""
    uitvoer, map_, voor = _plek(doel, regio)
    record = uitvoer / map_ / BESTAND
    vorig = kenmerkrecord.lees(record)
    vastgelegd = vorig.bestanden
    basis = os.fspath(uitvoer)
    nieuw: dict[str, Kenmerk | None] = {
        voor + pad: None for pad in vergeten if voor + pad in vastgelegd and pad not in bekend}
    laatste, eerder = 0, gezien or {}
    for pad, hash_ in bekend.items():
        if (staat := eerder.get(pad)) is None:
            try:
                staat = staat_van(os.stat(os.path.join(basis, voor + pad)))
            except OSError:
                continue
        if stat.S_ISREG(staat[0]) and vastgelegd.get(voor + pad) != (
                kenmerk := (*staat[1:], hash_)):
            nieuw[voor + pad] = kenmerk
            laatste = max(laatste, staat[2], staat[3])
    if not nieuw:
        return
    # Written in a later tick of the file system's clock than the newest file it records, or
    # the next look would not trust (and read again) the files just committed.
    for _ in range(_POGINGEN):
        geschreven = kenmerkrecord.schrijf(record, uitvoer, vorig, nieuw)
        if geschreven is None or geschreven > laatste:
            return
        time.sleep(0.005)
