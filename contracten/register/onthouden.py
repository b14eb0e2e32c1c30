"""What a long-running process (the web application) remembers of a register between requests.

The history only grows: documenten and stappen (with what is added in a step's transaction: who
signed, a signed PDF) refuse change and removal. So while the highest id of both is the same,
what was read from them is the same, and a page that shows 50 contracts does not read and check
8,000 steps again. New steps are checked on the chain when they appear; the whole chain is
checked again at least every `HELE_KETEN_NA` seconds, so a row changed past the triggers (on
SQLite, by anyone who can write the file) is still reported within that time. A command on the
command line starts with nothing remembered: it reads and checks everything."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, func, select

from contracten.register import keten, schema
from contracten.register.gegevens import Contract

HELE_KETEN_NA = 60.0  # seconds

Stempel = tuple[int | None, int | None]
T = TypeVar("T")


@dataclass
class _Geheugen:
    gelezen: dict[tuple[str, str], tuple[Stempel, Any]]  # (what, region): what was read
    # per region: the contracts this process last found or made the register hold, as it asked
    # (in its order) and as the register gave them back
    contracten: dict[str, tuple[list[Contract], list[Contract]]]
    keten: keten.Ketenstand | None = None
    keten_stempel: Stempel | None = None
    hele_keten_op: float = 0.0  # time.monotonic() of the last check of the whole chain


_slot = threading.Lock()
_per_engine: weakref.WeakKeyDictionary[Engine, _Geheugen] = weakref.WeakKeyDictionary()


def stempel(v: Connection) -> Stempel:
    """The highest id of the versions and of the steps: the same while nothing was added."""
    return (v.execute(select(func.max(schema.documenten.c.id))).scalar(),
            v.execute(select(func.max(schema.stappen.c.id))).scalar())


def _geheugen(engine: Engine) -> _Geheugen:
    with _slot:
        return _per_engine.setdefault(engine, _Geheugen({}, {}))


def gelezen(engine: Engine, v: Connection, wat: str, regio: str, lees: Callable[[], T]) -> T:
    """What `lees` reads of the history of `regio` (`wat`: its name), read again only after
    something was added to the register. Shared between requests: callers must not change it."""
    g = _geheugen(engine)
    nu = stempel(v)
    bewaard = g.gelezen.get((wat, regio))
    if bewaard is not None and bewaard[0] == nu:
        return cast(T, bewaard[1])
    uitkomst = lees()
    with _slot:
        g.gelezen[wat, regio] = (nu, uitkomst)
    return uitkomst


def contracten(engine: Engine, regio: str, gevraagd: list[Contract]) -> list[Contract] | None:
    """The region's contracts as the register held them when this process last asked for
    exactly `gevraagd` (None: it asked for something else, or not yet)."""
    bewaard = _geheugen(engine).contracten.get(regio)
    return list(bewaard[1]) if bewaard is not None and bewaard[0] == gevraagd else None


def onthoud_contracten(engine: Engine, regio: str, gevraagd: list[Contract],
                       gehouden: list[Contract]) -> None:
    g = _geheugen(engine)
    with _slot:
        g.contracten[regio] = (gevraagd, gehouden)


def controleer_keten(engine: Engine, v: Connection,
                     klok: Callable[[], float] = time.monotonic) -> list[str]:
    """`keten.controleer`, of the steps added since the last check; of the whole chain when it
    was last checked whole `HELE_KETEN_NA` seconds ago or more."""
    g = _geheugen(engine)
    nu, moment = stempel(v), klok()
    if g.keten is None or moment - g.hele_keten_op >= HELE_KETEN_NA:
        stand, g.hele_keten_op = keten.controleer(v), moment
    elif g.keten_stempel == nu:
        return list(g.keten.fouten)
    else:
        stand = keten.controleer(v, g.keten)
    with _slot:
        g.keten, g.keten_stempel = stand, nu
    return list(stand.fouten)
