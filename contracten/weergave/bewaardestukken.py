"""The pieces of a large table (`grotetabel`) kept between runs, so that a rerun in which one
aanbieder changed measures and fits only the piece of PER_STUK rows its row is in.

What a piece gives (its columns' minimum widths and its rows as text for the twin; once the
widths of the whole table are known, its rows' fitted XML) depends only on the piece's XML,
the table's start, the document's styles and numbering (`Opmaak.sleutel`), the style names,
the space available and the whole table's minima, and on this program. So it is kept in the
user's cache folder (`lezen.cachemap`, folder `tabellen/`) under the sha256 of all of those,
together with the source of the rendering modules and the versions of Python and lxml: a
changed input or program looks for another key and never finds an older result. A record
repeats its key and is trusted only from the user's own files (`cachemap.lees_record`); one
that is cut off, damaged or not there is made again, exactly as without a cache. The cache is
never needed: without a cache folder every piece is measured as before."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from contracten.lezen.cachemap import bewaar_record, cachemap, gebruikt, lees_record, ruim_op

VERSIE = 1
MAP = "tabellen"  # in the cache folder
MAXIMUM = 2_000  # records kept (two per piece); beyond it the least recently used go
SOORT = ".stuk"


_GELADEN = time.time_ns()  # when this program was imported (`grotetabel` imports its parts)


@functools.cache
def _programma() -> bytes | None:
    """What every result depends on besides its inputs: the rendering modules' source (all of
    this package: measuring, fitting and serialising a table reach across several of them),
    and the versions of Python and lxml. None (nothing is kept) where the source is not there
    to read, or was changed after the program was imported (an upgrade while a process runs):
    its old results must not be kept under the new program's key."""
    h = hashlib.sha256(f"{VERSIE}\n{sys.version}\n{etree.LXML_VERSION}\n"
                       f"{etree.LIBXML_VERSION}\n".encode())
    map_ = Path(__file__).parent
    try:
        bronnen = sorted(map_.glob("*.py"))
        for bron in bronnen:
            with bron.open("rb") as f:
                inhoud = f.read()
                if os.fstat(f.fileno()).st_ctime_ns > _GELADEN:
                    return None
            h.update(f"{bron.name}\n{len(inhoud)}\n".encode())
            h.update(inhoud)
        if not bronnen or map_.stat().st_ctime_ns > _GELADEN:  # (a module added or removed)
            return None
    except OSError:
        return None
    return h.digest()


def _met(h: Any, delen: tuple[str, ...]) -> Any:
    for deel in delen:  # each with its length: no two lists of parts give the same bytes
        gecodeerd = deel.encode("utf-8")
        h.update(f"{len(gecodeerd)}:".encode())
        h.update(gecodeerd)
    return h


class BewaardeStukken:
    """The kept pieces of one table: `sleutel` of a piece's inputs; `maat` and `vorm` what was
    kept under a key (None: not there, not trusted, damaged, not of that shape); `houd` a
    result to keep; `klaar` after the last piece (marks what was read as used, and clears up
    the folder once)."""

    def __init__(self, *tabel: str) -> None:
        """`tabel`: what every piece of the table depends on (its start, styles, …)."""
        map_, programma = cachemap(), _programma()
        self._map = None if map_ is None or programma is None else map_ / MAP
        self._basis = _met(hashlib.sha256(programma or b""), tabel)
        self._gelezen: list[Path] = []
        self._gehouden = False

    def sleutel(self, *delen: str) -> str:
        return str(_met(self._basis.copy(), delen).hexdigest())

    def lees(self, sleutel: str) -> Any:
        if self._map is None:
            return None
        pad = self._map / f"{sleutel}{SOORT}"
        inhoud = lees_record(pad, sleutel)
        if inhoud is None:
            return None
        try:
            waarde = json.loads(zlib.decompress(inhoud))
        except (zlib.error, ValueError):
            return None
        self._gelezen.append(pad)
        return waarde

    def maat(self, sleutel: str, kolommen: int
             ) -> tuple[list[int], list[tuple[str, ...]]] | None:
        """A piece's measure: the minima of its `kolommen` columns and its rows' cells as
        text."""
        waarde = self.lees(sleutel)
        if not (isinstance(waarde, list) and len(waarde) == 2 and isinstance(waarde[0], list)
                and isinstance(waarde[1], list)):
            return None
        minima, rijen = waarde
        if len(minima) != kolommen or not all(type(m) is int for m in minima) or not all(
                isinstance(rij, list) and all(isinstance(c, str) for c in rij) for rij in rijen):
            return None
        return minima, [tuple(rij) for rij in rijen]

    def vorm(self, sleutel: str) -> tuple[str, str] | None:
        """A fitted piece: the table's start and the piece's rows, as XML."""
        waarde = self.lees(sleutel)
        if isinstance(waarde, list) and len(waarde) == 2 and all(isinstance(w, str)
                                                                 for w in waarde):
            return waarde[0], waarde[1]
        return None

    def houd(self, sleutel: str, waarde: Any) -> None:
        if self._map is None:
            return
        tekst = json.dumps(waarde, ensure_ascii=False, separators=(",", ":"))
        bewaar_record(self._map / f"{sleutel}{SOORT}", sleutel,
                      zlib.compress(tekst.encode("utf-8"), 1), None, (SOORT,))
        self._gehouden = True

    def klaar(self) -> None:
        if self._map is None:
            return
        gebruikt(self._gelezen)
        self._gelezen.clear()
        if self._gehouden:
            ruim_op(self._map, MAXIMUM, (SOORT,))
            self._gehouden = False
