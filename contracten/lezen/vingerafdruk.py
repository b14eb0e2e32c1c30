"""A fingerprint of files and folders by what the file system says of them, without reading
them: per path its type, size, modification and change time (ns) and inode. Equal fingerprints
mean that none of the paths was written, replaced, added to (a folder) or removed since.

The change time (ctime) is set by the system on every write and cannot be set back by a program
(`touch -d` sets only the modification time). A write in the same tick of the file system's
clock as the previous one could leave both times as they were, so a fingerprint is only trusted
for files whose times lie well before the moment it was taken (`betrouwbaar`): any later write
then gives a later time. Light on purpose: what decides from it (an unchanged rerun, the
summary of a region) must not load what it saves loading."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter

# How far a file system's clock may run behind the system clock (one kernel tick, at most
# 10 ms); a file system that keeps whole seconds (FAT keeps two) is trusted two seconds later.
MARGE_NS = 10_000_000
GROF_NS = 2_000_000_000
OVERSLAAN = frozenset({"__pycache__"})  # written by Python itself, never read as input

# What the fingerprint keeps of a path (its lstat): type and mode, size, mtime_ns, ctime_ns, inode
Staat = tuple[int, int, int, int, int]


def loop(wortel: str) -> list[str]:
    """`wortel` and every folder and file under it (symbolic links not followed, bytecode
    caches left out), as absolute paths; just `wortel` when it is not a folder."""
    uit = [wortel]
    for map_, mappen, bestanden in os.walk(wortel):
        mappen[:] = sorted(m for m in mappen if m not in OVERSLAAN)
        uit += [os.path.join(map_, naam) for naam in (*mappen, *sorted(bestanden))]
    return uit


# A path's Staat from its stat_result.
staat_van = attrgetter("st_mode", "st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")


def _staat(pad: str) -> Staat | None:
    """The state of one path (None: missing); `_staten` takes many at once."""
    try:
        staat: Staat = staat_van(os.lstat(pad))
    except OSError:
        return None
    return staat


@dataclass(frozen=True)
class Gezien:
    """States of paths as one look saw them (keyed as its caller keys them), and the moment
    before that look (ns, `time.time_ns()`): another look need not take them again (see
    `afdruk`'s `bekend`)."""

    staten: dict[str, Staat]
    genomen: int

    def betrouwbaar(self) -> bool:
        """Whether a later write to any of them would change its state (see `betrouwbaar`)."""
        return betrouwbaar(_vanaf(list(self.staten.values()), 0), self.genomen)


def _staten(paden: list[str], bekend: Mapping[str, Staat] | None = None
            ) -> list[Staat | None]:
    """The state of each path (None: missing), as `bekend` has it, else one lstat each, looped
    in C: a path that is missing stops the loop (list.extend keeps what it had taken), counts
    as None, and the loop goes on after it."""
    if bekend:
        staten = list(map(bekend.get, paden))
        if None in staten:
            open_ = [i for i, staat in enumerate(staten) if staat is None]
            for i, staat in zip(open_, _staten([paden[i] for i in open_]), strict=True):
                staten[i] = staat
        return staten
    staten = []
    while len(staten) < len(paden):
        try:
            staten.extend(map(staat_van, map(os.lstat, paden[len(staten):])))
        except OSError:
            staten.append(None)
    return staten


def _vanaf(staten: list[Staat | None], vanaf: int) -> int:
    """`vanaf` moved on past the states: the newest time plus the margin; a whole second, the
    coarse margin."""
    tijden = [max(staat[2], staat[3]) for staat in staten if staat is not None]
    if tijden:
        grof = [t for t in tijden if t % 1_000_000_000 == 0]
        vanaf = max(vanaf, max(tijden) + MARGE_NS, max(grof, default=-GROF_NS) + GROF_NS)
    return vanaf


def afdruk(paden: Iterable[str], per: int = 1000,
           kijk: Callable[[str, Staat | None], object] | None = None,
           bekend: Mapping[str, Staat] | None = None) -> tuple[str, int]:
    """The fingerprint of `paden` (in this order; a missing one counts as missing), and from
    when on it can be trusted (`betrouwbaar`): the newest time found plus the margin of the
    file system's clock. The sha256 of the repr of the list of their states, taken `per` paths
    at a time: an output folder of 20,000 aanbieders has some 80,000 files, whose states and
    their text held at once were the largest moment of the run's main process. With `kijk`,
    each path and its state (None: missing) is given to it as it is taken: what the caller
    decides from the same look (`opdrachten.snelpad`), not from a second one, and without
    holding every state. `bekend`: states of some of the paths seen by an earlier look, taken
    as they are (only by a caller that made sure a change since would show: `Gezien`)."""
    kenmerk = hashlib.sha256(b"[")
    vanaf = 0
    eerder = False  # a piece went before: the next starts with the separator
    rest = iter(paden)
    while stuk_paden := list(islice(rest, per)):
        stuk = _staten(stuk_paden, bekend)
        if kijk is not None:
            for pad, staat in zip(stuk_paden, stuk, strict=True):
                kijk(pad, staat)
        vanaf = _vanaf(stuk, vanaf)
        # repr of a list: its items' reprs joined by ", ", in C
        kenmerk.update(f"{', ' if eerder else ''}{repr(stuk)[1:-1]}".encode())
        eerder = True
    kenmerk.update(b"]")
    return kenmerk.hexdigest(), vanaf


def betrouwbaar(vanaf: int, genomen: int) -> bool:
    """Whether a fingerprint taken at system time `genomen` (ns, `time.time_ns()` before the
    first path was looked at) can be trusted: all its times lie before `vanaf` (see `afdruk`),
    so a write after it was taken changes a time."""
    return vanaf <= genomen
