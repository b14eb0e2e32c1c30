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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, DateTime, select, type_coerce

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


@dataclass(frozen=True)
class Ketenstand:
    """How far the history was checked: up to step `tot` (its hash `laatste`), whether the chain
    had begun there, and every fault found on the way."""

    tot: int = 0
    laatste: str | None = None
    begonnen: bool = False
    fouten: tuple[str, ...] = ()


def controleer(verbinding: Connection, vanaf: Ketenstand = Ketenstand()) -> Ketenstand:
    """Every place the history fails its own check, in Dutch (none: in order), from the step
    after `vanaf.tot` on (the whole history from the start). Steps recorded before the chain
    existed are not in it; after the first step in the chain, every step is."""
    s, o, d = schema.stappen, schema.ondertekeningen, schema.documenten
    # The steps with the version of their document in one statement (one snapshot): read apart,
    # a step committed in between by another writer (PostgreSQL reads each statement as
    # committed at its start) would seem to belong to no version. Its signatures are read
    # after, and a step's signatures are committed with it, so every step read has all of its.
    stappen = verbinding.execute(
        select(s.c.id, s.c.document, s.c.stap, s.c.door, type_coerce(s.c.op, DateTime()),
               s.c.opmerking, s.c.sha256, s.c.keten, d.c.sha256)
        .select_from(s.outerjoin(d, d.c.id == s.c.document))
        .where(s.c.id > vanaf.tot).order_by(s.c.id)).all()
    getekend: dict[int, list[tuple[str, str, str, str]]] = {}
    if stappen:
        for stap_id, partij, naam, functie, datum in verbinding.execute(
                select(o.c.stap, o.c.partij, o.c.naam, o.c.functie, o.c.datum)
                .where(o.c.stap > vanaf.tot, o.c.stap <= stappen[-1][0]).order_by(o.c.id)):
            getekend.setdefault(stap_id, []).append((partij, naam, functie, datum.isoformat()))
    fouten = list(vanaf.fouten)
    tot, vorige, begonnen = vanaf.tot, vanaf.laatste, vanaf.begonnen
    # the moment as stored (UTC without a zone: what `schakel` hashes), not read as a Tijdstip
    # and converted back: the whole history is checked on every page
    for id_, document, stap, door, op, opmerking, sha256, schakel_, versie in stappen:
        tot = id_
        if schakel_ is None:
            if begonnen:
                fouten.append(f"stap {id_} ({stap}) staat niet in de keten")
            continue
        begonnen = True
        verwacht = _hash(vorige or "", document, stap, door, op.isoformat(), opmerking, sha256,
                         tuple(getekend.get(id_, ())))
        if schakel_ != verwacht:
            fouten.append(f"stap {id_} ({stap}) is gewijzigd, of een stap ervoor is "
                          "verwijderd")
        elif sha256 is not None and versie != sha256:
            fouten.append(f"stap {id_} ({stap}) hoort bij een andere versie dan het "
                          "document dat het register nu noemt")
        vorige = schakel_
    return Ketenstand(tot, vorige, begonnen, tuple(fouten))
