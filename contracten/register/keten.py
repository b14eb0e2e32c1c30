"""The register's own check of its history: each step stores the hash of the register's previous
step together with its own content (the document, the version seen, the step, who, when, why,
who signed). Changing or removing a row past the append-only triggers (on SQLite, anyone who can
write the file can drop them) breaks the chain from that row on; `controleer` finds it."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from contracten import tijd
from contracten.register import schema


def schakel(vorige: str | None, *, document: int, stap: str, door: str, op: dt.datetime,
            opmerking: str | None, sha256: str | None,
            ondertekeningen: Sequence[tuple[str, str, str, dt.date]]) -> str:
    """The hash of one step: the previous step's hash and this step's content."""
    return _hash(vorige or "", document, stap, door, tijd.opgeslagen(op).isoformat(), opmerking,
                 sha256, tuple((p, n, f, d.isoformat()) for p, n, f, d in ondertekeningen))


@functools.lru_cache(maxsize=100_000)
def _hash(vorige: str, document: int, stap: str, door: str, op: str, opmerking: str | None,
          sha256: str | None, ondertekeningen: tuple[tuple[str, str, str, str], ...]) -> str:
    """Remembered per process (a pure function of all it covers): `controleer` checks the whole
    history on every page, and a step already checked with the same content and the same
    previous hash has the same hash; a changed row is computed anew."""
    inhoud: list[Any] = [vorige, document, stap, door, op, opmerking, sha256,
                         [list(o) for o in ondertekeningen]]
    return hashlib.sha256(json.dumps(inhoud, ensure_ascii=False).encode("utf-8")).hexdigest()


def laatste(verbinding: Connection) -> str | None:
    """The hash of the register's newest step in the chain (None before the first)."""
    s = schema.stappen
    return verbinding.execute(select(s.c.keten).where(s.c.keten.is_not(None))
                              .order_by(s.c.id.desc()).limit(1)).scalar()


def controleer(verbinding: Connection) -> list[str]:
    """Every place the history fails its own check, in Dutch (none: in order). Steps recorded
    before the chain existed are not in it; after the first step in the chain, every step is."""
    s, o, d = schema.stappen, schema.ondertekeningen, schema.documenten
    getekend: dict[int, list[tuple[str, str, str, dt.date]]] = {}
    for r in verbinding.execute(select(o).order_by(o.c.id)):
        getekend.setdefault(r.stap, []).append((r.partij, r.naam, r.functie, r.datum))
    versies = {r.id: r.sha256 for r in verbinding.execute(  # of the documents with a step
        select(d.c.id, d.c.sha256).where(d.c.id.in_(select(s.c.document))))}
    fouten: list[str] = []
    vorige: str | None = None
    begonnen = False
    for r in verbinding.execute(select(s).order_by(s.c.id)):
        if r.keten is None:
            if begonnen:
                fouten.append(f"stap {r.id} ({r.stap}) staat niet in de keten")
            continue
        begonnen = True
        verwacht = schakel(vorige, document=r.document, stap=r.stap, door=r.door, op=r.op,
                           opmerking=r.opmerking, sha256=r.sha256,
                           ondertekeningen=getekend.get(r.id, []))
        if r.keten != verwacht:
            fouten.append(f"stap {r.id} ({r.stap}) is gewijzigd, of een stap ervoor is "
                          "verwijderd")
        elif r.sha256 is not None and versies.get(r.document) != r.sha256:
            fouten.append(f"stap {r.id} ({r.stap}) hoort bij een andere versie dan het "
                          "document dat het register nu noemt")
        vorige = r.keten
    return fouten
