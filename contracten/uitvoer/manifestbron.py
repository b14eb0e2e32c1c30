"""The entries of the previous manifest.json that a run writes again unchanged, copied from that
file instead of laid out anew: a rerun after one aanbieder changed writes a manifest of 40,000
entries of which four are new, and laying out the rest cost more than all its other work on the
manifest together.

Only when it is sure to give the same bytes: the file is still the one the run read (the same
sha256), and it was written, byte for byte, by `manifest.schrijf` in the layout this code writes
(a mark per manifest in the cache folder, `lezen.cachemap`, keyed on the file's sha256 and on the
source of the code that lays entries out). A manifest from an older version, edited by hand, or
with the mark lost is written out entry by entry as always."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from contracten.lezen.cachemap import alleen_van_mij, bewaar, cachemap

MAP = "manifesten"  # in the cache folder: one mark per manifest written
SOORT = ".vorm"
MAXIMUM = 64  # marks kept (a manifest older than the 64th written is laid out again)
_BEGIN = b'\n  "documenten": [\n    '
_TUSSEN = b",\n    {"  # between two entries: nowhere else at this depth (see manifestregels)
_EINDE = b"\n  ]"
_TUSSEN_RE = re.compile(re.escape(_TUSSEN))
T = TypeVar("T")


@dataclass(frozen=True)
class Bron:
    """Where a manifest was read from: its file, the sha256 of the bytes read, and its entries
    in the order of the file (the objects themselves: an entry written again is one of
    these)."""

    pad: Path
    sha256: str
    documenten: list[object]


@cache
def vorm() -> str:
    """What the layout of an entry depends on: the code that writes it and pydantic (whose dump
    is the way for anything unusual)."""
    import pydantic

    hier = Path(__file__).parent
    bronnen = [hier / n for n in ("manifest.py", "manifestregels.py", "ingesprongen.py")]
    try:
        code = b"".join(p.read_bytes() for p in bronnen)
    except OSError:
        return ""  # (never a mark then)
    return hashlib.sha256(code + pydantic.VERSION.encode()).hexdigest()


def _merk(sha256: str) -> Path | None:
    map_ = cachemap()
    return None if map_ is None else map_ / MAP / f"{sha256}{SOORT}"


def merk(sha256: str) -> None:
    """Record that the manifest with this sha256 was written by `schrijf` in today's layout."""
    if (pad := _merk(sha256)) is not None and vorm():
        bewaar(pad, vorm().encode(), MAXIMUM, (SOORT,))


def gemerkt(sha256: str) -> bool:
    pad = _merk(sha256)
    if pad is None or not vorm():
        return False
    try:
        with open(pad, "rb") as bestand:
            inhoud = bestand.read(200)
    except OSError:
        return False
    return inhoud == vorm().encode() and alleen_van_mij(pad)


class Oud:
    """The entries of `bron` as its file holds them, to copy from (see `stukken`)."""

    def __init__(self, bron: Bron, data: bytes, grenzen: list[int]) -> None:
        self.documenten = bron.documenten
        self.index = dict(zip(map(id, bron.documenten), range(len(bron.documenten)),
                              strict=True))
        self._data, self._grenzen = memoryview(data), grenzen

    def van(self, document: object) -> int:
        """The place of `document` among the old entries; -1 when it is not one of them."""
        i = self.index.get(id(document), -1)
        return i if i >= 0 and self.documenten[i] is document else -1

    def stuk(self, van: int, tot: int) -> memoryview:
        """Entries `van` up to `tot` as the file holds them, with the separators between."""
        return self._data[self._grenzen[van]:self._grenzen[tot] - len(_TUSSEN) + 1]


def oud(bron: Bron | None) -> Oud | None:
    """The entries of `bron` to copy; None when that cannot be trusted (see the module)."""
    if bron is None or not bron.documenten:
        return None
    try:
        with open(bron.pad, "rb") as bestand:
            data = bestand.read()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != bron.sha256 or not gemerkt(bron.sha256):
        return None
    begin = data.find(_BEGIN)
    einde = data.find(_EINDE, begin + len(_BEGIN)) if begin >= 0 else -1
    if einde < 0 or not data.startswith(b"{", begin + len(_BEGIN)):
        return None
    grenzen = [begin + len(_BEGIN)]  # where each entry begins, then where one after the last would
    # (one search over them all, not one call per entry: a manifest of 20,000 aanbieders has 80,000)
    grenzen += [m.end() - 1 for m in _TUSSEN_RE.finditer(data, grenzen[0], einde)]
    if len(grenzen) != len(bron.documenten):
        return None
    grenzen.append(einde + len(_TUSSEN) - 1)
    return Oud(bron, data, grenzen)


def stukken(oud_: Oud | None, documenten: Sequence[T], tekst: Callable[[T], str]
            ) -> list[bytes | memoryview]:
    """`documenten` as the bytes of their entries, to be joined by `,\n    `: a run of them
    that follows each other in the old file as well is copied from it in one piece; the others
    are laid out (`tekst`)."""
    uit: list[bytes | memoryview] = []
    van = tot = -1  # the run of old entries being collected
    for document in documenten:
        i = oud_.van(document) if oud_ is not None else -1
        if i >= 0 and i == tot:
            tot += 1
            continue
        if van >= 0 and oud_ is not None:
            uit.append(oud_.stuk(van, tot))
        van, tot = (i, i + 1) if i >= 0 else (-1, -1)
        if i < 0:
            uit.append(tekst(document).encode())
    if van >= 0 and oud_ is not None:
        uit.append(oud_.stuk(van, tot))
    return uit
