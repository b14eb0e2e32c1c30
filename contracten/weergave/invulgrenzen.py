"""The bounds on filling one document: how often its loops may go round, how much Word XML it may
become and how long it may take. The template engine counts them itself while it fills (every
`{% for %}` passes through `herhalingen`, every piece of output through `Invulling.vul`), so they
hold in any thread and on any system; where there is a timer signal (POSIX, main thread) it
stops even a filling that neither loops nor writes.

A template that loops a loop inside a loop (`{% for i in range(99999) %}{% for j in
range(99999) %}…`) stops within a second at GRENS_HERHALINGEN, long before GRENS_SECONDEN.
Counting costs a loop's start a few operations, a long loop one more every KLEIN rounds, and a
piece of output one comparison: nothing a bulk run can measure."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain, islice
from typing import Any

from jinja2 import Template

from contracten.lezen.grenzen import instelbaar, verhogen

# Each raised with CONTRACTEN_<name> (see lezen.grenzen.instelbaar); an overview of 20,000
# aanbieders (some 17 million characters, 20,000 rounds, 20 s) stays well within them.
GRENS_SECONDEN = instelbaar("GRENS_SECONDEN", 60)  # how long filling one document may take
GRENS_UITVOER = instelbaar("GRENS_UITVOER", 50_000_000)  # characters of Word XML one document
# may become, all parts together
GRENS_HERHALINGEN = instelbaar("GRENS_HERHALINGEN", 1_000_000)  # rounds all loops of one
# document may make together (a real document makes hundreds, an overview of N aanbieders N)
KLEIN = 256  # a loop of at most this many rounds is only looked at when it starts
STAP = 65_536  # characters of output between two looks at the clock
FILTER = "herhalingen-tellen"  # a name no template can write (it would read as a subtraction)


class GrensOverschreden(Exception):
    """A document went past one of its bounds; `bericht` (Dutch) names the bound."""

    def __init__(self, bericht: str, code: str) -> None:
        self.bericht, self.code = bericht, code
        super().__init__(bericht)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.bericht, self.code))


def _de_grens(grens: int) -> str:
    hoe = verhogen(grens)
    return f"de grens per document{', ' + hoe if hoe else ''}"


def _aantal(n: int) -> str:
    return f"{n // 1_000_000} miljoen" if n % 1_000_000 == 0 else f"{n:,}".replace(",", ".")


class Invulling:
    """The count of filling one document (all its parts: body, headers, footers)."""

    __slots__ = ("document", "einde", "herhalingen", "tekens")

    def __init__(self, document: str) -> None:
        self.document = document
        self.einde = time.monotonic() + GRENS_SECONDEN
        self.herhalingen = 0
        self.tekens = 0

    def te_traag(self) -> GrensOverschreden:
        return GrensOverschreden(
            f"het invullen van '{self.document}' duurt langer dan {GRENS_SECONDEN} "
            f"{'seconde' if GRENS_SECONDEN == 1 else 'seconden'} ({_de_grens(GRENS_SECONDEN)}); "
            "staat er een lus in een lus?", "sjabloon_te_traag")

    def tel(self, aantal: int) -> None:
        """`aantal` more rounds; also the moment to look at the clock."""
        self.herhalingen += aantal
        if self.herhalingen > GRENS_HERHALINGEN:
            raise GrensOverschreden(
                f"de lussen van '{self.document}' gaan samen meer dan "
                f"{_aantal(GRENS_HERHALINGEN)} keer rond ({_de_grens(GRENS_HERHALINGEN)}); "
                "staat er een lus in een lus?", "sjabloon_te_veel_herhalingen")
        if time.monotonic() > self.einde:
            raise self.te_traag()

    def rondes(self, bron: Iterable[Any]) -> Iterator[Any]:
        """An iterable of unknown length: each round counted."""
        for item in bron:
            self.herhalingen += 1
            if self.herhalingen > GRENS_HERHALINGEN or time.monotonic() > self.einde:
                self.tel(0)  # raises the bound that was passed
            yield item

    def klok(self, bron: Iterable[Any]) -> Iterator[Any]:
        """A long loop, counted at its start: the clock looked at every KLEIN rounds (the rounds
        in between pass at the speed of the loop itself)."""
        return chain.from_iterable(self._stukken(iter(bron)))

    def _stukken(self, rondes: Iterator[Any]) -> Iterator[tuple[Any, ...]]:
        while stuk := tuple(islice(rondes, KLEIN)):
            if time.monotonic() > self.einde:
                raise self.te_traag()
            yield stuk

    def vul(self, sjabloon: Template, context: dict[str, Any]) -> str:
        """Fill one part of the document, stopping as soon as the document passes
        GRENS_UITVOER, or (looked at every STAP characters) GRENS_SECONDEN."""
        return "".join(self.stroom(sjabloon, context))

    def stroom(self, sjabloon: Template, context: dict[str, Any]) -> Iterator[str]:
        """`vul` a piece at a time, within the same bounds: what a table of thousands of rows
        becomes need never be one string (see `stroomblok`)."""
        return self._bewaakt(sjabloon.generate(context))

    def vooraf(self, sjabloon: Template, context: dict[str, Any], tot: int
               ) -> tuple[list[str], Iterator[str] | None]:
        """`stroom`, its first pieces in one list, gathered in one loop (a contract is
        thousands of pieces: a generator between them would cost more than the pieces): the
        list and None when the whole filling is fewer than `tot` characters, else the list
        (`tot` characters or a little more) and the rest of `stroom`. Within the same bounds."""
        bron = sjabloon.generate(context)
        stukken: list[str] = []
        bij = stukken.append
        tekens = begin = self.tekens
        controle = min(tekens + STAP, GRENS_UITVOER)
        for deel in bron:
            tekens += len(deel)
            bij(deel)
            if tekens > controle:
                self._bewaak(tekens)
                controle = min(tekens + STAP, GRENS_UITVOER)
                if tekens - begin >= tot:
                    self.tekens = tekens
                    return stukken, self._bewaakt(bron)
        self.tekens = tekens
        return stukken, (None if tekens - begin < tot else iter(()))

    def _bewaakt(self, bron: Iterator[str]) -> Iterator[str]:
        tekens = self.tekens
        controle = min(tekens + STAP, GRENS_UITVOER)  # where to look next: one comparison a piece
        for deel in bron:
            tekens += len(deel)
            if tekens > controle:
                self._bewaak(tekens)
                controle = min(tekens + STAP, GRENS_UITVOER)
            yield deel
        self.tekens = tekens

    def _bewaak(self, tekens: int) -> None:
        """Raises when `tekens` characters pass GRENS_UITVOER, or the time is up."""
        if tekens > GRENS_UITVOER:
            raise GrensOverschreden(
                f"'{self.document}' wordt meer dan {_aantal(GRENS_UITVOER)} tekens "
                f"Word-XML ({_de_grens(GRENS_UITVOER)}); staat er een lus in een "
                "lus?", "sjabloon_te_groot")
        if time.monotonic() > self.einde:
            raise self.te_traag()


class _Bewaakt:
    """A long loop's iterable, under the clock; its length stays known (`loop.length`)."""

    __slots__ = ("bron", "invulling")

    def __init__(self, bron: Any, invulling: Invulling) -> None:
        self.bron, self.invulling = bron, invulling

    def __len__(self) -> int:
        return len(self.bron)

    def __iter__(self) -> Iterator[Any]:
        return self.invulling.klok(self.bron)


_LOPEND: ContextVar[Invulling | None] = ContextVar("invulling", default=None)


def herhalingen(bron: Any) -> Any:
    """What every `{% for %}` loops over (see sjabloon.BegrensdeOmgeving): `bron` itself outside a
    bounded filling. A loop of known length is counted whole at its start (a loop inside a loop
    passes the bound after a few rounds of the outer one), and if long, has the clock looked at
    every KLEIN rounds; one of unknown length is counted round by round."""
    invulling = _LOPEND.get()
    if invulling is None:
        return bron
    if type(bron) is list:  # as it is now: a list the loop appends to must not run on forever
        bron = tuple(bron)
    try:
        lengte = len(bron)
    except TypeError:  # a generator (a filter's result): counted as it goes
        return invulling.rondes(bron)
    invulling.tel(lengte)
    return bron if lengte <= KLEIN else _Bewaakt(bron, invulling)


@contextmanager
def invulgrenzen(document: str) -> Iterator[Invulling]:
    """Fill one document within its bounds: `with invulgrenzen(titel) as invulling:
    invulling.vul(sjabloon, context)`. Raises GrensOverschreden."""
    invulling = Invulling(document)
    teken = _LOPEND.set(invulling)
    try:
        with _wekker(invulling):
            yield invulling
    finally:
        _LOPEND.reset(teken)


@contextmanager
def _wekker(invulling: Invulling) -> Iterator[None]:
    """Where the system has a timer signal for this thread (POSIX, main thread), it also stops
    a filling that spends its time without looping or writing."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not \
            threading.main_thread():
        yield
        return

    def af(signum: int, frame: object) -> None:
        raise invulling.te_traag()

    vorige = signal.signal(signal.SIGALRM, af)
    signal.setitimer(signal.ITIMER_REAL, GRENS_SECONDEN)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorige)
