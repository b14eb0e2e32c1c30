"""The user's cache folder of contracten: what a run keeps for the next one (a region's summary,
compiled templates, read profile files, a LibreOffice profile). Never needed: lost, not
writable or not there, everything is made again."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

OMGEVING = "CONTRACTEN_CACHE"  # another folder than the user's cache folder


def cachemap() -> Path | None:
    """$CONTRACTEN_CACHE when set; else the user's cache folder of contracten:
    $XDG_CACHE_HOME/contracten (default ~/.cache/contracten), ~/Library/Caches/contracten on
    macOS, %LOCALAPPDATA%\\contracten\\Cache on Windows. None when there is no home folder to
    put it in (nothing is kept then)."""
    if gekozen := os.environ.get(OMGEVING):
        return Path(os.path.abspath(gekozen))
    if sys.platform == "win32":
        basis = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~/AppData/Local")
        map_ = os.path.join(basis, "contracten", "Cache")
    elif sys.platform == "darwin":
        map_ = os.path.expanduser("~/Library/Caches/contracten")
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        basis = xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache")
        map_ = os.path.join(basis, "contracten")
    return Path(map_) if os.path.isabs(map_) else None


def alleen_van_mij(pad: Path) -> bool:
    """Whether what was kept at `pad` can be trusted as this user's own: owned by this user and
    writable by no one else (a record that is loaded as code must not come from someone else
    who can write in a shared cache folder). Always true where the system has no owners."""
    if not hasattr(os, "getuid"):
        return True
    try:
        s = os.stat(pad)
    except OSError:
        return False
    return _van_mij(s)


def _van_mij(s: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or (
        s.st_uid == os.getuid() and not s.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def lees_van_mij(pad: Path) -> bytes | None:
    """What was kept at `pad` when it is a regular file of this user's own (`alleen_van_mij`),
    judged on the file that is read (not a symbolic link, nor one swapped in after a look);
    else None. Never waits: a named pipe put there is opened without blocking, and refused."""
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as bestand:
            staat = os.fstat(fd)
            return bestand.read() if stat.S_ISREG(staat.st_mode) and _van_mij(staat) else None
    except OSError:  # (a folder, say)
        return None


def lees_record(pad: Path, sleutel: str) -> bytes | None:
    """What a record kept at `pad` under `sleutel` holds (`bewaar_record`): None when it is not
    the user's own (`lees_van_mij`) or its first line is not that key (cut off, another
    program's, another key's)."""
    inhoud = lees_van_mij(pad)
    kop = f"{sleutel}\n".encode()
    return inhoud[len(kop):] if inhoud is not None and inhoud.startswith(kop) else None


def bewaar_record(pad: Path, sleutel: str, inhoud: bytes, maximum: int | None,
                  soorten: tuple[str, ...]) -> None:
    """`bewaar` of `inhoud` with `sleutel` as its first line, which `lees_record` checks."""
    bewaar(pad, f"{sleutel}\n".encode() + inhoud, maximum, soorten)


def bewaar(pad: Path, inhoud: bytes, maximum: int | None, soorten: tuple[str, ...]) -> None:
    """Keep a record at `pad`: atomically (a run reading at the same time sees the old file or
    the new one), silently not when it cannot be written. Then at most `maximum` records whose
    names end in one of `soorten` stay in its folder (`ruim_op`); None: not looked at now (a
    caller that keeps many records at once clears up once, after the last)."""
    import tempfile  # (not for a run that only looks: an unchanged rerun)

    with contextlib.suppress(OSError):
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as uit:
                uit.write(inhoud)
            os.replace(tijdelijk, pad)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tijdelijk)
            raise
        if maximum is not None:
            ruim_op(pad.parent, maximum, soorten)


def ruim_op(map_: Path, maximum: int, soorten: tuple[str, ...]) -> None:
    """Let at most `maximum` records in `map_` whose names end in one of `soorten` stay: the
    least recently written (or marked as used, `gebruikt`) go."""
    bestanden = []
    with contextlib.suppress(OSError):
        for item in os.scandir(map_):
            if item.name.endswith(soorten):
                with contextlib.suppress(OSError):
                    bestanden.append((item.stat().st_mtime_ns, item.path))
    for _, oud in sorted(bestanden)[:-maximum]:
        with contextlib.suppress(OSError):
            os.unlink(oud)


def gebruikt(paden: list[Path]) -> None:
    """Mark records as used now, so `ruim_op` lets records that are read on every run stay
    longer than ones that are no longer read. Silently not where that is not allowed."""
    for pad in paden:
        with contextlib.suppress(OSError):
            os.utime(pad)
