"""A filled body cut into its blocks as the template engine writes it, so that a very large
block (the table of an overview with a row per aanbieder: at 20,000 aanbieders some 17 million
characters, twice that in memory) is never one string: from DREMPEL characters on, a block is
kept compressed (`Grootblok`) and read back a piece at a time (see `grotetabel.Tabelstroom`).
What the cutting gives is exactly `gevuld.split(GRENS)`, with a large block compressed in its
place; `heel` joins it back into the one string the whole-body path needs."""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Template

    from contracten.weergave.invulgrenzen import Invulling

DREMPEL = 1_000_000  # characters of one block from which it is kept compressed
BUFFER = 65_536  # characters gathered before they are split and compressed (the engine writes
# in bits of a few characters)
LEZEN = 32_768  # compressed bytes read back at a time (a megabyte of text or so)


class Grootblok:
    """One large block's text, compressed (zlib at its fastest level: the rows of a table
    repeat, so it shrinks some twentyfold)."""

    __slots__ = ("_ingepakt", "_pakker", "lengte")

    def __init__(self) -> None:
        self._ingepakt: list[bytes] = []
        self._pakker: zlib._Compress | None = zlib.compressobj(1)
        self.lengte = 0  # characters

    def voeg_toe(self, tekst: str) -> None:
        assert self._pakker is not None, "a closed block takes no more text"
        self.lengte += len(tekst)
        deel = self._pakker.compress(tekst.encode("utf-8"))
        if deel:
            self._ingepakt.append(deel)

    def sluit(self) -> None:
        assert self._pakker is not None
        self._ingepakt.append(self._pakker.flush())
        self._pakker = None

    def delen(self) -> Iterator[str]:
        """The text again, a piece at a time (a megabyte or so each)."""
        uitpakker = zlib.decompressobj()
        lezer = codecs.getincrementaldecoder("utf-8")()
        for ingepakt in self._ingepakt:
            for begin in range(0, len(ingepakt), LEZEN):
                tekst = lezer.decode(uitpakker.decompress(ingepakt[begin:begin + LEZEN]))
                if tekst:
                    yield tekst
        tekst = lezer.decode(uitpakker.flush(), final=True)
        if tekst:
            yield tekst

    def tekst(self) -> str:
        """The whole text, for a block the pieces' way cannot take (see `heel`)."""
        return "".join(self.delen())


Stuk = str | Grootblok


def gesplitst(delen: Iterable[str], grens: str) -> list[Stuk]:
    """`"".join(delen).split(grens)`, without ever joining a block of DREMPEL characters or
    more: that one is a Grootblok. A body of fewer characters (any contract) is joined and split
    as it is: the engine writes it in thousands of bits, each of which must cost nothing."""
    stroom = iter(delen)
    begin: list[str] = []
    lengte = 0
    for deel in stroom:
        begin.append(deel)
        lengte += len(deel)
        if lengte >= DREMPEL:
            break
    else:
        return uit_begin(begin, None, grens)
    return uit_begin(begin, stroom, grens)


def gevuld(invulling: Invulling, sjabloon: Template, context: dict[str, Any], grens: str
           ) -> list[Stuk]:
    """`gesplitst` of what filling `sjabloon` gives (see `Invulling.vooraf`)."""
    return uit_begin(*invulling.vooraf(sjabloon, context, DREMPEL), grens)


def uit_begin(begin: list[str], rest: Iterator[str] | None, grens: str) -> list[Stuk]:
    """`gesplitst` of the bits `begin` and then `rest`; `rest` None: `begin` is all and fewer
    than DREMPEL characters (see `Invulling.vooraf`)."""
    if rest is None:
        return list[Stuk]("".join(begin).split(grens))
    return _gesneden(chain(("".join(begin),), _gebundeld(rest)), grens)


def _gebundeld(delen: Iterator[str]) -> Iterator[str]:
    """The bits joined into strings of BUFFER characters or more (plain str, never Markup)."""
    bundel: list[str] = []
    lengte = 0
    for deel in delen:
        bundel.append(deel)
        lengte += len(deel)
        if lengte >= BUFFER:
            yield "".join(bundel)
            bundel.clear()
            lengte = 0
    yield "".join(bundel)


def _gesneden(delen: Iterable[str], grens: str) -> list[Stuk]:
    """`gesplitst` of a long text given in long pieces: a block of DREMPEL characters or more
    is kept compressed as it comes. `grens` has its only '<' at its start."""
    uit: list[Stuk] = []
    open_: list[str] = []  # the current block's text, not yet compressed
    lengte = 0
    groot: Grootblok | None = None
    rest = ""  # the end of the text read, which may be the start of a marker

    def bij(tekst: str) -> None:
        nonlocal lengte, groot
        if not tekst:
            return
        open_.append(tekst)
        lengte += len(tekst)
        if groot is None and lengte < DREMPEL:
            return
        if groot is None:
            groot = Grootblok()
        groot.voeg_toe("".join(open_))
        open_.clear()
        lengte = 0

    def einde() -> None:
        nonlocal lengte, groot
        if groot is None:
            uit.append("".join(open_))
        else:
            groot.voeg_toe("".join(open_))
            groot.sluit()
            uit.append(groot)
        open_.clear()
        lengte, groot = 0, None

    for deel in delen:
        stukken = (rest + deel).split(grens)
        for stuk in stukken[:-1]:
            bij(stuk)
            einde()
        laatste = stukken[-1]
        # Hold back what may be the start of a marker the next piece completes: it can only
        # start at the last '<'.
        plek = laatste.rfind("<", max(0, len(laatste) - len(grens) + 1))
        houd = len(laatste) - plek if plek >= 0 and grens.startswith(laatste[plek:]) else 0
        bij(laatste[:len(laatste) - houd])
        rest = laatste[len(laatste) - houd:]
    bij(rest)
    einde()
    return uit


def heel(stukken: list[Stuk]) -> str:
    """The blocks joined, without their markers: the whole filled body as one string."""
    return "".join(s if isinstance(s, str) else s.tekst() for s in stukken)
