"""Reading and adding to the register: contracts, document versions and approval steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, func, select, text

from contracten.register import schema
from contracten.register.stappen import STAPPEN

SCHRIJFSLOT = 7_265_464  # PostgreSQL advisory lock of the register's writes


@dataclass(frozen=True)
class Contract:
    """One contract (a perceel with one opdrachtnemer) as the register keeps it."""

    aanbieder: str
    naam: str
    perceel: str  # the perceel's name
    variant: str
    begin: dt.date
    einde: dt.date  # the last day: of the looptijd, or of the opzegging that ends it
    verlengingen_gebruikt: int
    verlengingen_over: int
    verlenging_maanden: int
    opzegtermijn_maanden: int
    status: str = "lopend"  # "opgezegd" (an opzegging runs), "beëindigd" (after the last day)
    opzegdatum: dt.date | None = None  # the day the opzegging was received
    perceelnummer: int = 1
    zorg_tot: dt.date | None = None  # of an opzegging: the last day of the doorlevering
    opgezegd_door: str | None = None  # ... and who gave it: "aanbieder" or "gemeente"


@dataclass(frozen=True)
class Versie:
    """A generated document as made by one run: its path in the output folder and its hash."""

    aanbieder: str | None
    soort: str
    pad: str
    versie: str
    sha256: str
    perceel: int | None = None  # a contract's document in a tender of several percelen


@dataclass(frozen=True)
class Ondertekening:
    """Who signed for one party (opdrachtgever: the gemeente; opdrachtnemer: the aanbieder),
    in which function, and on which day."""

    partij: str
    naam: str
    functie: str
    datum: dt.date


@dataclass(frozen=True)
class Stap:
    stap: str
    door: str
    op: dt.datetime
    opmerking: str | None
    ondertekeningen: tuple[Ondertekening, ...] = ()  # of a step 'getekend': each party's


@dataclass(frozen=True)
class Stand:
    """Where the newest version of one document stands, and how it got there."""

    id: int
    aanbieder: str | None
    soort: str
    pad: str
    versie: str
    sha256: str
    geschiedenis: list[Stap]
    perceel: int | None = None  # a contract's document in a tender of several percelen

    @property
    def status(self) -> str:
        return self.geschiedenis[-1].stap if self.geschiedenis else "concept"


class Register:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def _schrijven(self) -> Iterator[Connection]:
        """A write transaction, one at a time: SQLite takes its write lock at BEGIN (see
        `verbinding`); PostgreSQL an advisory lock, so that two processes registering the same
        new version do not both insert it."""
        with self.engine.begin() as verbinding:
            if verbinding.dialect.name == "postgresql":
                verbinding.execute(text("SELECT pg_advisory_xact_lock(:slot)"),
                                   {"slot": SCHRIJFSLOT})
            yield verbinding

    def zet_contracten(self, regio: str, contracten: Sequence[Contract]) -> None:
        """Record each contract (perceel and opdrachtnemer) as the profile and the output now
        say."""
        tabel = schema.contracten
        with self._schrijven() as v:
            bestaand = {(r.perceelnummer, r.aanbieder): r.id for r in v.execute(
                select(tabel.c.perceelnummer, tabel.c.aanbieder, tabel.c.id)
                .where(tabel.c.regio == regio))}
            for c in contracten:
                waarden = {**c.__dict__, "regio": regio}
                sleutel = (c.perceelnummer, c.aanbieder)
                if sleutel in bestaand:
                    v.execute(tabel.update().where(tabel.c.id == bestaand[sleutel])
                              .values(**waarden))
                else:
                    v.execute(tabel.insert().values(**waarden))

    def contracten(self, regio: str) -> list[Contract]:
        tabel = schema.contracten
        with self.engine.connect() as v:
            rijen = v.execute(select(tabel).where(tabel.c.regio == regio)
                              .order_by(tabel.c.perceelnummer, tabel.c.aanbieder)
                              ).mappings().all()
        return [Contract(**{k: r[k] for k in Contract.__dataclass_fields__}) for r in rijen]

    def registreer(self, regio: str, versies: Sequence[Versie], op: dt.datetime) -> int:
        """Add the versions not yet known (same path, same hash: known); returns how many."""
        tabel = schema.documenten
        nieuw = 0
        with self._schrijven() as v:
            bekend = {(r.pad, r.sha256) for r in v.execute(
                select(tabel.c.pad, tabel.c.sha256).where(tabel.c.regio == regio))}
            for d in versies:
                if (d.pad, d.sha256) not in bekend:
                    v.execute(tabel.insert().values(regio=regio, aanbieder=d.aanbieder,
                                                    perceel=d.perceel, soort=d.soort, pad=d.pad,
                                                    versie=d.versie, sha256=d.sha256,
                                                    geregistreerd=op))
                    nieuw += 1
        return nieuw

    def standen(self, regio: str, paden: Sequence[str] | None = None) -> list[Stand]:
        """The newest version of every document of `regio` (or of those paths) with its steps."""
        d, s, o = schema.documenten, schema.stappen, schema.ondertekeningen
        nieuwste = (select(d.c.pad, func.max(d.c.id).label("id")).where(d.c.regio == regio)
                    .group_by(d.c.pad).subquery())
        with self.engine.connect() as v:
            rijen = v.execute(select(d).join(nieuwste, and_(d.c.id == nieuwste.c.id))
                              .order_by(d.c.pad)).mappings().all()
            if paden is not None:
                gevraagd = set(paden)
                rijen = [r for r in rijen if r["pad"] in gevraagd]
            ids = [r["id"] for r in rijen]
            stappen: dict[int, list[Stap]] = {i: [] for i in ids}
            getekend: dict[int, list[Ondertekening]] = {}
            for r in v.execute(select(o).join(s, o.c.stap == s.c.id)
                               .where(s.c.document.in_(ids)).order_by(o.c.id)):
                getekend.setdefault(r.stap, []).append(
                    Ondertekening(r.partij, r.naam, r.functie, r.datum))
            for r in v.execute(select(s).where(s.c.document.in_(ids)).order_by(s.c.id)):
                stappen[r.document].append(Stap(r.stap, r.door, r.op, r.opmerking,
                                                tuple(getekend.get(r.id, ()))))
        return [Stand(r["id"], r["aanbieder"], r["soort"], r["pad"], r["versie"], r["sha256"],
                      stappen[r["id"]], r["perceel"]) for r in rijen]

    def zet_stappen(self, documenten: Sequence[int], stap: str, door: str, op: dt.datetime,
                    opmerking: str | None,
                    ondertekeningen: Sequence[Ondertekening] = ()) -> None:
        """Append one step for each document, with who signed it for each party, all or
        none."""
        assert stap in STAPPEN
        with self._schrijven() as v:
            for document in documenten:
                id_ = v.execute(schema.stappen.insert().values(
                    document=document, stap=stap, door=door, op=op, opmerking=opmerking)
                    .returning(schema.stappen.c.id)).scalar_one()
                for o in ondertekeningen:
                    v.execute(schema.ondertekeningen.insert().values(
                        stap=id_, partij=o.partij, naam=o.naam, functie=o.functie,
                        datum=o.datum))
