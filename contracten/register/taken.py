"""The web's jobs in the register (table `taken`, schema version 11). A job waits (for a
`contracten werker`, in procrastinate's queue: `wachtrij`), runs (its process writes its
progress and a sign of life, `hartslag`, every few seconds) or has ended: klaar, mislukt, or
afgebroken when the process that ran it stopped (a restart, a crash, kill -9): no sign of life
for STIL. An interrupted job is reported, not run again by itself: the person who asked sees
why and starts it again (a job that killed its process would otherwise kill the next one
too)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select, text

from contracten import tijd
from contracten.register import schema, wachtrij

STIL = dt.timedelta(seconds=60)  # a running job without a sign of life this long: stopped
HARTSLAG = 5.0  # seconds between two signs of life of a running job
_SLOT = 7_265_465  # PostgreSQL advisory lock of starting a job (one per region at a time)
LOPEND = ("wachtend", "bezig")


@dataclass(frozen=True)
class Taak:
    """One job as the register holds it."""

    id: str
    soort: str
    regio: str
    regios: str
    uitvoer: str
    datum: dt.date
    status: str  # wachtend, bezig, klaar, mislukt, afgebroken
    klaar: int  # documents made, of
    totaal: int | None  # ... those this run makes, as the run counted them (None: not yet)
    geschreven: tuple[str, ...]
    verwijderd: tuple[str, ...]
    fout: str | None
    werker: str | None
    aangemaakt: dt.datetime
    hartslag: dt.datetime | None
    einde: dt.datetime | None

    @property
    def bezig(self) -> bool:
        """Waiting or running: not ended."""
        return self.status in LOPEND


def _taak(rij: Any) -> Taak:
    waarden = dict(rij)
    for lijst in ("geschreven", "verwijderd"):
        waarden[lijst] = tuple(json.loads(waarden[lijst] or "[]"))
    return Taak(**waarden)


def _afgebroken(hartslag: dt.datetime | None) -> str:
    sinds = f" sinds {tijd.getoond(hartslag)}" if hartslag else ""
    return (f"het proces dat deze taak uitvoerde is gestopt (geen teken van leven{sinds}). "
            "Er kunnen documenten wel en andere nog niet opnieuw gemaakt zijn: start het "
            "opnieuw maken opnieuw.")


class Takenregister:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def _schrijven(self) -> Iterator[Connection]:
        with self.engine.begin() as v:  # SQLite: BEGIN IMMEDIATE, one writer at a time
            if v.dialect.name == "postgresql":
                v.execute(text("SELECT pg_advisory_xact_lock(:slot)"), {"slot": _SLOT})
            yield v

    def nieuw(self, id_: str, *, soort: str, regio: str, regios: str, uitvoer: str,
              datum: dt.date, op: dt.datetime, werker: str | None) -> Taak:
        """A new job `id_` of `regio`, unless one waits or runs: then that one (one at a time
        per region, also across processes). With `werker`: that process runs it from now;
        else it waits, in procrastinate's queue, for a `contracten werker`."""
        t = schema.taken
        with self._schrijven() as v:
            self._ruim_op(v, op)
            lopend = v.execute(select(t).where(t.c.regio == regio, t.c.status.in_(LOPEND))
                               .order_by(t.c.aangemaakt)).mappings().first()
            if lopend is not None:
                return _taak(lopend)
            v.execute(t.insert().values(
                id=id_, soort=soort, regio=regio, regios=regios, uitvoer=uitvoer, datum=datum,
                status="bezig" if werker else "wachtend", klaar=0, werker=werker,
                aangemaakt=op, hartslag=op if werker else None))
            if werker is None and v.dialect.name == "postgresql":
                wachtrij.zet_in_wachtrij(v, id_, regio)  # both or neither
            return _taak(v.execute(select(t).where(t.c.id == id_)).mappings().one())

    def begin(self, id_: str, werker: str, op: dt.datetime) -> Taak | None:
        """Job `id_`, now run by `werker` (a `contracten werker` that procrastinate gave it);
        None when it waits no longer (recorded as afgebroken meanwhile): then nothing runs."""
        t = schema.taken
        with self.engine.begin() as v:
            gedaan = v.execute(t.update().where(t.c.id == id_, t.c.status == "wachtend")
                               .values(status="bezig", werker=werker, hartslag=op)).rowcount
            if not gedaan:
                return None
            return _taak(v.execute(select(t).where(t.c.id == id_)).mappings().one())

    def gestopt(self, id_: str, op: dt.datetime) -> bool:
        """Record job `id_` as afgebroken if it has not ended: the werker that had it stopped
        without a word (kill -9, a crash); whether it had not ended."""
        t = schema.taken
        with self.engine.begin() as v:
            hartslag = v.execute(select(t.c.hartslag).where(
                t.c.id == id_, t.c.status.in_(LOPEND))).first()
            if hartslag is None:
                return False
            v.execute(t.update().where(t.c.id == id_, t.c.status.in_(LOPEND)).values(
                status="afgebroken", fout=_afgebroken(hartslag[0]), einde=op))
            return True

    def leeft(self, id_: str, werker: str, op: dt.datetime, klaar: int,
              totaal: int | None) -> None:
        """The running job's progress and a sign of life of its process."""
        t = schema.taken
        with self.engine.begin() as v:
            v.execute(t.update().where(t.c.id == id_, t.c.werker == werker,
                                       t.c.status == "bezig")
                      .values(hartslag=op, klaar=klaar, totaal=totaal))

    def einde(self, id_: str, werker: str, op: dt.datetime, *, status: str, klaar: int,
              totaal: int | None, geschreven: Sequence[str] = (),
              verwijderd: Sequence[str] = (), fout: str | None = None) -> None:
        """How the job of `werker` ended (also when it was taken for stopped meanwhile: its
        process was only slow)."""
        t = schema.taken
        with self.engine.begin() as v:
            v.execute(t.update().where(t.c.id == id_, t.c.werker == werker).values(
                status=status, klaar=klaar, totaal=totaal, fout=fout, einde=op, hartslag=op,
                geschreven=json.dumps(list(geschreven)), verwijderd=json.dumps(list(verwijderd))))

    def taak(self, id_: str, op: dt.datetime, *, regio: str | None = None) -> Taak | None:
        """The job `id_` (or the newest of `regio`) as it stands at `op`: a running one whose
        process stopped reads as afgebroken (recorded so by the next start or werker)."""
        t = schema.taken
        vraag = select(t).where(t.c.id == id_) if regio is None else \
            select(t).where(t.c.regio == regio).order_by(t.c.aangemaakt.desc()).limit(1)
        with self.engine.connect() as v:
            rij = v.execute(vraag).mappings().first()
        if rij is None:
            return None
        taak = _taak(rij)
        if taak.status == "bezig" and _stil(taak.hartslag, op):
            return Taak(**{**taak.__dict__, "status": "afgebroken",
                           "fout": _afgebroken(taak.hartslag)})
        return taak

    def ruim_op(self, op: dt.datetime) -> int:
        """Record every running job whose process stopped as afgebroken, and every waiting
        one whose job in the queue ended without running it; returns how many."""
        with self.engine.begin() as v:
            return self._ruim_op(v, op)

    @staticmethod
    def _ruim_op(v: Connection, op: dt.datetime) -> int:
        t = schema.taken
        gestopt = v.execute(select(t.c.id, t.c.hartslag).where(
            t.c.status == "bezig", t.c.hartslag < op - STIL)).all()
        for id_, hartslag in gestopt:
            v.execute(t.update().where(t.c.id == id_, t.c.status == "bezig")
                      .values(status="afgebroken", fout=_afgebroken(hartslag), einde=op))
        verweesd = wachtrij.verweesd(v) if v.dialect.name == "postgresql" else []
        for id_ in verweesd:
            v.execute(t.update().where(t.c.id == id_, t.c.status == "wachtend").values(
                status="afgebroken", einde=op, fout="de taak verdween uit de wachtrij van de "
                "werkers zonder te zijn uitgevoerd. Start het opnieuw maken opnieuw."))
        return len(gestopt) + len(verweesd)


def _stil(hartslag: dt.datetime | None, op: dt.datetime) -> bool:
    return hartslag is None or hartslag < op - STIL
