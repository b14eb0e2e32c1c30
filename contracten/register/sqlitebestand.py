"""An SQLite register as a file: whether this process may write it, how to open it when it may
not (read-only, so the commands that only read still work), and why it could not be opened."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from contracten.fouten import os_reden


@dataclass(frozen=True)
class Toegang:
    reden: str | None = None  # why the register cannot be written here; None: it can
    # Nobody can change the file (a read-only file system, an immutable file): SQLite may then
    # read it without locks, also where it cannot make its -shm file beside it.
    onveranderlijk: bool = False


def toegang(bestand: Path) -> Toegang:
    """Whether the register file (when it is there) can be written, tried without changing
    it; a new register is made by SQLite itself (and refused with its own reason)."""
    try:
        fd = os.open(bestand, os.O_RDWR)
    except FileNotFoundError:
        return Toegang()
    except OSError as exc:
        reden = _REDENEN.get(exc.errno or -1, f"het bestand: {os_reden(exc)}")
        return Toegang(reden, exc.errno in (errno.EROFS, errno.EPERM))
    os.close(fd)
    if (probleem := schrijfprobleem(bestand.parent)) is not None:  # its -wal and -shm files
        return Toegang(f"de map ernaast: {probleem}")
    return Toegang()


_REDENEN = {errno.EROFS: "de schijf is alleen-lezen",
            errno.EACCES: "u hebt geen schrijfrecht op het bestand",
            errno.EPERM: "het bestand is beschermd tegen wijzigen"}


def uri(bestand: Path, toegang_: Toegang) -> str:
    """The URI that opens the register read-only: immutable when nobody can change it and no
    write-ahead log holds anything it would then miss, else read-only with locks."""
    wal = bestand.with_name(f"{bestand.name}-wal")
    onveranderlijk = toegang_.onveranderlijk and not (wal.is_file() and wal.stat().st_size)
    pad = quote(bestand.resolve().as_posix(), safe="/:")
    return f"file:{pad}?{'immutable=1' if onveranderlijk else 'mode=ro'}"


def schrijfprobleem(map_: Path) -> str | None:
    """Why nothing can be written in folder `map_`, or None when it can."""
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(map_).f_flag & os.ST_RDONLY:
                return "alleen-lezen"
        except OSError as exc:
            return os_reden(exc)
    if not os.access(map_, os.W_OK | os.X_OK):
        return "geen schrijfrecht"
    return None


def reden_niet_te_openen(bestand: Path) -> str:
    """Why SQLite could not open or make the register file, as far as the file system says."""
    map_ = bestand.parent
    if not map_.is_dir():
        return f"de map {map_} bestaat niet"
    probleem = schrijfprobleem(map_) or "onbekende reden"
    if not bestand.exists():
        return (f"het bestand bestaat nog niet en kan in {map_} niet worden gemaakt "
                f"({probleem}); kies een plek waar geschreven kan worden")
    if not os.access(bestand, os.R_OK):
        return f"{bestand}: geen leesrecht"
    return (f"{bestand} staat in een map waarin SQLite zijn hulpbestanden (-wal, -shm) niet "
            f"kan maken ({probleem}); open het register eenmaal waar geschreven kan worden, "
            "of werk op een kopie")
