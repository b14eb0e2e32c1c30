"""Real disks for the tests of what the operating system refuses: a small tmpfs that fills up, a
file system mounted read-only. Tests run as root here, where chmod stops nothing; mounting
needs root (or CAP_SYS_ADMIN): without it the test is skipped and says why."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*argumenten: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *argumenten], capture_output=True, text=True, check=False)


@contextmanager
def tmpfs(map_: Path, grootte: str = "8m") -> Iterator[Path]:
    """A fresh tmpfs of `grootte` on `map_` (made if needed), unmounted afterwards."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("een eigen schijf (tmpfs) koppelen kan alleen als root; deze test draait "
                    "niet als root")
    map_.mkdir(parents=True, exist_ok=True)
    gekoppeld = _mount("-t", "tmpfs", "-o", f"size={grootte},mode=0755", "tmpfs", str(map_))
    if gekoppeld.returncode != 0:
        pytest.skip(f"een tmpfs koppelen mag hier niet ({gekoppeld.stderr.strip()})")
    try:
        yield map_
    finally:
        subprocess.run(["umount", "-l", str(map_)], capture_output=True, check=False)


def alleen_lezen(map_: Path) -> None:
    """Remount the tmpfs on `map_` read-only (EROFS for every write, also for root)."""
    uit = _mount("-o", "remount,ro", str(map_))
    assert uit.returncode == 0, uit.stderr


def vul(map_: Path, over: int = 0) -> None:
    """Fill the file system of `map_` until `over` bytes are left (about)."""
    vrij = shutil.disk_usage(map_).free
    with open(map_ / "vulsel", "wb") as bestand:
        bestand.truncate(0)
        blok = b"\0" * (1 << 20)
        te_schrijven = max(vrij - over, 0)
        while te_schrijven > 0:
            try:
                te_schrijven -= bestand.write(blok[:min(len(blok), te_schrijven)])
            except OSError:
                break
