"""Files read again only when they changed. Per file, what was made of it is kept with the
file's inode, size, modification and change time when it was read; while those stay the same,
the file is not read again. For what a process reads over and over: the web reads the same
manifests and records on every page, and every region loads the same article library."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

Kenmerk = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns


def kenmerk(pad: Path) -> Kenmerk | None:
    """The state of the file `pad`; None when it cannot be looked at."""
    try:
        staat = os.stat(pad)
    except OSError:
        return None
    return staat.st_ino, staat.st_size, staat.st_mtime_ns, staat.st_ctime_ns


class Bewaard(Generic[T]):
    """What `lees` made of each file, at most `maximum` files (the oldest goes first). Safe to
    share between threads. What is kept is shared: callers only read it."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self._slot = threading.Lock()
        self._bewaard: dict[tuple[str, Hashable], tuple[Kenmerk, T]] = {}

    def lees(self, pad: Path, lees: Callable[[], T | None], soort: Hashable = None) -> T | None:
        """What `lees` makes of `pad` (as what `soort`, when one file can be read in more than
        one way), read again only when the file changed. None from `lees` is not kept, nor
        what was read while the file changed."""
        voor = kenmerk(pad)
        if voor is None:
            return lees()
        sleutel = (os.fspath(pad), soort)
        gevonden = self._bewaard.get(sleutel)
        if gevonden is not None and gevonden[0] == voor:
            return gevonden[1]
        uit = lees()
        if uit is not None and kenmerk(pad) == voor:
            self.houd(pad, uit, voor, soort)
        return uit

    def houd(self, pad: Path, uit: T, staat: Kenmerk, soort: Hashable = None) -> None:
        """Keep `uit` as what `pad` holds while the file stays as `staat` (what this process
        just wrote there: it need not read it back). A file kept before replaces its entry;
        a new one past `maximum` makes the oldest go."""
        with self._slot:
            sleutel = (os.fspath(pad), soort)
            self._bewaard.pop(sleutel, None)
            if len(self._bewaard) >= self.maximum:
                self._bewaard.pop(next(iter(self._bewaard)), None)
            self._bewaard[sleutel] = (staat, uit)
