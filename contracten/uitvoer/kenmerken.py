"""The sha256 of generated files on disk without reading them all on every look: per region a
small record beside its output (`.contracten-kenmerken.json` in `<uitvoer>/<regio>/`) keeps,
per file, its size, modification and change time (ns), inode and sha256. A file is read and
hashed again only when one of those changed; the record is rewritten only then.

The change time (ctime) cannot be set back by a program the way the modification time can
(`touch -d`), so a file edited and given its old mtime back is still read again. As in git, an
entry whose file changed within the same tick as the record was written is not trusted
("racily clean"): it is hashed again. The record is a cache, nothing more: lost, damaged, from
another machine or not writable (a read-only output folder), every file is simply hashed."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from contracten.fouten import ContractenFout
from contracten.lezen.bewaard import Bewaard
from contracten.lezen.gcpauze import zonder_gc
from contracten.lezen.vingerafdruk import Staat, staat_van
from contracten.uitvoer.map import sha256, vervang_atomair
from contracten.uitvoer.mapinhoud import geen_bestand

BESTAND = ".contracten-kenmerken.json"
VERSIE = 1
_POGINGEN = 20  # times 5 ms: a file system whose clock ticks slower is only read again

# per file: size, mtime_ns, ctime_ns, inode, sha256
Kenmerk = tuple[int, int, int, int, str]


def _vertrouwd(vorig: Kenmerk | None, grootte: int, mtime: int, ctime: int, inode: int,
               geschreven: int) -> str | None:
    """The hash the record gives a file in this state, when it may be trusted: recorded with
    that same state, and the file not changed within the tick the record was written
    (`geschreven`); else None (read it). The state as separate numbers, not a tuple: a rerun
    of 20,000 aanbieders asks this for 80,000 files."""
    if (vorig is not None and vorig[1] == mtime < geschreven and vorig[2] == ctime < geschreven
            and vorig[0] == grootte and vorig[3] == inode):
        return vorig[4]
    return None


def _lees(pad: Path) -> tuple[dict[str, Kenmerk], int]:
    """The record and the moment it was written (ns); empty when missing or unreadable. Parsed
    again only when the record changed (a page of the web looks at thousands of files)."""
    gelezen = _gelezen.lees(pad, lambda: _parse(pad))
    return (dict(gelezen[0]), gelezen[1]) if gelezen is not None else ({}, 0)


_gelezen: Bewaard[tuple[dict[str, Kenmerk], int]] = Bewaard(8)  # a few regions' records


def _parse(pad: Path) -> tuple[dict[str, Kenmerk], int] | None:
    try:
        with pad.open("rb") as bestand:
            geschreven = os.fstat(bestand.fileno()).st_mtime_ns
            inhoud = bestand.read()
        with zonder_gc():  # tens of thousands of entries, no cycle (see lezen.gcpauze)
            data = json.loads(inhoud)
            if data.get("versie") != VERSIE:
                return None
            # Each entry made a tuple in place (not a second dict beside the first): the
            # record of a large run holds tens of thousands.
            bestanden: dict[str, Kenmerk] = data["bestanden"]
            for k, v in bestanden.items():
                bestanden[k] = (int(v[0]), int(v[1]), int(v[2]), int(v[3]), str(v[4]))
        return bestanden, geschreven
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def hashes(uitvoer: Path, regio: str, paden: Iterable[str]) -> dict[str, str | None]:
    """The sha256 of each file `<uitvoer>/<pad>` of region `regio` (`pad`: its path in the
    register), None for one that is not there or not a file. Reads only the files that changed
    since they were last hashed, and records what it read."""
    record = uitvoer / regio / BESTAND
    uit, bekend, gewijzigd = _hashes(uitvoer, record, paden)
    if gewijzigd:
        _schrijf(record, uitvoer, bekend)
    return uit


def _hashes(uitvoer: Path, record: Path, paden: Iterable[str], voor: str = "",
            gezien: dict[str, Staat] | None = None
            ) -> tuple[dict[str, str | None], dict[str, Kenmerk], bool]:
    """`hashes` of the files `<uitvoer>/<voor><pad>`, by `pad`; and the record as it should be
    now (its entries by `<voor><pad>`), and whether that differs from the file. One look per
    file (a rerun of 20,000 aanbieders: 80,000); `gezien` gets each regular file's lstat."""
    bekend, geschreven = _lees(record)
    # No Path, and below `voor` (relative, ending in a slash) not os.path.join per file: the
    # same path then, as `pad` is no longer at the start of what is joined.
    basis = os.fspath(uitvoer)
    plek = os.path.join(basis, voor)
    kijk, is_bestand = os.lstat, stat.S_ISREG
    uit: dict[str, str | None] = {}
    gewijzigd = False
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
            gewijzigd |= bekend.pop(sleutel, None) is not None
            continue
        vorig = bekend.get(sleutel)
        if (vertrouwd := _vertrouwd(vorig, staat.st_size, staat.st_mtime_ns, staat.st_ctime_ns,
                                    staat.st_ino, geschreven)) is not None:
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
            bekend[sleutel] = (*kenmerk, hash_)
            gewijzigd = True
    return uit, bekend, gewijzigd


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
    gehasht, _, gewijzigd = _hashes(uitvoer, uitvoer / map_ / BESTAND, paden, voor, gezien)
    return gehasht, gewijzigd


class Bevestiging:
    """Whether each file `pad` of `verwacht` (relative to output folder `doel`) is, by the
    record alone, a regular file with sha256 `verwacht[pad]`: recorded with the state it has
    and that hash, not within the tick the record was written. Fed the states of a look the
    caller takes (`vingerafdruk.afdruk`'s `kijk`: absolute paths, their lstat), one at a time,
    holding nothing per file; reads no file and looks at none again. `bevestigd` is False
    (decide the usual way, `in_map`) for anything else, also for a file the record cannot
    vouch for though its content may well be right, and for one the look did not see.
    `koppeling`: a path looked at is a link (what it links to, the look did not see)."""

    def __init__(self, doel: Path, regio: str, verwacht: Mapping[str, str | None]) -> None:
        uitvoer, map_, self._voor = _plek(doel, regio)
        gelezen = _gelezen.lees(record := uitvoer / map_ / BESTAND, lambda: _parse(record))
        self._bekend, self._geschreven = gelezen if gelezen is not None else ({}, 0)
        self._verwacht, self._basis = verwacht, os.path.abspath(doel) + os.sep
        self._lengte = len(self._basis)
        self._gezien, self._mis, self.koppeling = 0, gelezen is None, False

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
                self._bekend.get(self._voor + relatief), *staat[1:], self._geschreven) != hash_:
            self._mis = True

    @property
    def bevestigd(self) -> bool:
        return not self._mis and self._gezien == len(self._verwacht)


def leg_vast(doel: Path, regio: str, bekend: Mapping[str, str],
             gezien: Mapping[str, Staat] | None = None) -> None:
    """Record files a run has just written into `doel` (paths relative to it) with the sha256
    it computed as it made them: the next look (a rerun, the web's status) need not read them.
    A file that changes after this is read again (see `hashes`); one in `gezien` (hashed
    earlier) is recorded with the state it was hashed in, never a later one."""
    uitvoer, map_, voor = _plek(doel, regio)
    record = uitvoer / map_ / BESTAND
    vastgelegd, _ = _lees(record)
    basis = os.fspath(uitvoer)
    gewijzigd, laatste, eerder = False, 0, gezien or {}
    for pad, hash_ in bekend.items():
        if (staat := eerder.get(pad)) is None:
            try:
                staat = staat_van(os.stat(os.path.join(basis, voor + pad)))
            except OSError:
                continue
        if stat.S_ISREG(staat[0]) and vastgelegd.get(voor + pad) != (
                kenmerk := (*staat[1:], hash_)):
            vastgelegd[voor + pad] = kenmerk
            laatste = max(laatste, staat[2], staat[3])
            gewijzigd = True
    if not gewijzigd:
        return
    # Written in a later tick of the file system's clock than the newest file it records, or
    # the next look would not trust (and read again) the files just committed.
    for _ in range(_POGINGEN):
        _schrijf(record, uitvoer, vastgelegd)
        try:
            if record.stat().st_mtime_ns > laatste:
                return
        except OSError:
            return
        time.sleep(0.005)


def _schrijf(record: Path, uitvoer: Path, bekend: dict[str, Kenmerk]) -> None:
    """Rewrite the record, without the files that are gone; silently not when it cannot be
    written (the next look hashes again). Written in pieces: as one text, the record of 40,000
    files would be the main process's largest moment. What it wrote is kept as read
    (`_gelezen`): a look later in this process need not parse it again."""
    if not record.parent.is_dir():
        return
    weg = geen_bestand(os.fspath(uitvoer), bekend)
    bewaard = {k: v for k, v in bekend.items() if k not in weg} if weg else bekend
    with contextlib.suppress(ContractenFout):
        inode = vervang_atomair(record, _stukken(bewaard))
        with contextlib.suppress(OSError):
            staat = os.stat(record)
            if staat.st_ino == inode:  # no other process's record in the meantime
                _gelezen.houd(record, (bewaard, staat.st_mtime_ns),
                              (staat.st_ino, staat.st_size, staat.st_mtime_ns, staat.st_ctime_ns))


def _stukken(bewaard: dict[str, Kenmerk], per: int = 1000) -> Iterator[bytes]:
    """The record's JSON (as `json.dumps({"versie": …, "bestanden": {…}}, separators=(",",
    ":"))` would write it) in pieces of `per` entries, each piece by json's C encoder."""
    yield b'{"versie":%d,"bestanden":{' % VERSIE
    stuk: dict[str, Kenmerk] = {}
    scheiding = ""
    for pad, kenmerk in bewaard.items():
        stuk[pad] = kenmerk
        if len(stuk) >= per:
            yield (scheiding + json.dumps(stuk, separators=(",", ":"))[1:-1]).encode("utf-8")
            stuk, scheiding = {}, ","
    laatste = scheiding + json.dumps(stuk, separators=(",", ":"))[1:-1] if stuk else ""
    yield (laatste + "}}").encode("utf-8")
