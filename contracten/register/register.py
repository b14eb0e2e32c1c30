"""Reading and adding to the register: contracts, document versions and approval steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, func, select, text

from contracten.register import keten, onthouden, schema
from contracten.register.gegevens import Bijlage, Contract, Ondertekening, Stand, Versie
from contracten.register.stappen import STAPPEN

SCHRIJFSLOT = 7_265_464  # PostgreSQL advisory lock of the register's writes


class Register:
    def __init__(self, engine: Engine, *, onthoud: bool = False) -> None:
        """`onthoud`: reuse what this process read and checked before, as long as nothing was
        added (see `onthouden`): for a long-running process such as the web application."""
        self.engine = engine
        self.onthoud = onthoud

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

    def claim(self, regio: str, map_: str) -> str:
        """Bind the region name to its folder, the first time; returns the folder the register
        holds for it (another one than `map_`: another region of the same name)."""
        tabel = schema.regiomappen
        vraag = select(tabel.c.map).where(tabel.c.regio == regio)
        with self.engine.connect() as v:  # read first: a read-only register is only read
            bekend = v.execute(vraag).scalar()
        if bekend is None:
            with self._schrijven() as v:
                if (bekend := v.execute(vraag).scalar()) is None:
                    v.execute(tabel.insert().values(regio=regio, map=map_))
                    return map_
        return str(bekend)

    def zet_contracten(self, regio: str, contracten: Sequence[Contract]) -> list[Contract]:
        """Record each contract (perceel and opdrachtnemer) as the profile and the output now
        say, writing only those that changed; returns the region's contracts as the register
        then holds them (`contracten`)."""
        gevraagd = list(contracten)
        if self.onthoud and (gezien := onthouden.contracten(self.engine, regio, gevraagd)):
            return gezien  # the same as this process last found the register holding
        bekend = self.contracten(regio)
        gelijk = set(bekend)
        nieuw = [c for c in contracten if c not in gelijk]
        if not nieuw:
            if self.onthoud:
                onthouden.onthoud_contracten(self.engine, regio, gevraagd, bekend)
            return bekend
        tabel = schema.contracten
        with self._schrijven() as v:
            bestaand = {(r.perceelnummer, r.aanbieder): r.id for r in v.execute(
                select(tabel.c.perceelnummer, tabel.c.aanbieder, tabel.c.id)
                .where(tabel.c.regio == regio))}
            for c in nieuw:
                waarden = {**c.__dict__, "regio": regio}
                sleutel = (c.perceelnummer, c.aanbieder)
                if sleutel in bestaand:
                    v.execute(tabel.update().where(tabel.c.id == bestaand[sleutel])
                              .values(**waarden))
                else:
                    v.execute(tabel.insert().values(**waarden))
        bekend = self.contracten(regio)
        if self.onthoud:
            onthouden.onthoud_contracten(self.engine, regio, gevraagd, bekend)
        return bekend

    def contracten(self, regio: str) -> list[Contract]:
        tabel = schema.contracten
        with self.engine.connect() as v:
            rijen = v.execute(select(*(tabel.c[k] for k in Contract.__dataclass_fields__))
                              .where(tabel.c.regio == regio)
                              .order_by(tabel.c.perceelnummer, tabel.c.aanbieder)).all()
        return [Contract(*r) for r in rijen]

    def registreer(self, regio: str, versies: Sequence[Versie], op: dt.datetime) -> int:
        """Add the versions not yet known (same path, same hash: known); returns how many.
        Nothing is written when all are known."""
        tabel = schema.documenten
        vraag = select(tabel.c.pad, tabel.c.sha256).where(tabel.c.regio == regio)
        with self.engine.connect() as v:
            def lees() -> frozenset[tuple[str, str]]:
                return frozenset((p, h) for p, h in v.execute(vraag))

            bekend_ = (onthouden.gelezen(self.engine, v, "versies", regio, lees) if self.onthoud
                       else lees())
            if {(d.pad, d.sha256) for d in versies} <= bekend_:
                return 0
        with self._schrijven() as v:
            bekend = {tuple(r) for r in v.execute(vraag)}
            rijen = []  # in one statement: a new region has thousands
            for d in versies:
                if (d.pad, d.sha256) not in bekend:
                    bekend.add((d.pad, d.sha256))
                    rijen.append({"regio": regio, "aanbieder": d.aanbieder, "perceel": d.perceel,
                                  "soort": d.soort, "pad": d.pad, "versie": d.versie,
                                  "sha256": d.sha256, "geregistreerd": op})
            if rijen:
                v.execute(tabel.insert(), rijen)
        return len(rijen)

    def standen(self, regio: str, paden: Sequence[str] | None = None) -> list[Stand]:
        """The newest version of every document of `regio` (or of those paths) with its steps."""
        from contracten.register import standen  # beside this module: it needs its classes

        with self.engine.connect() as v:
            if not self.onthoud:
                return standen.lees(v, regio, paden)
            alle = onthouden.gelezen(self.engine, v, "standen", regio,
                                     lambda: standen.lees(v, regio))
        if paden is None:
            return alle
        gevraagd = set(paden)
        return [s for s in alle if s.pad in gevraagd]

    def zet_stappen(self, versies: Sequence[tuple[int, str]], stap: str, door: str,
                    op: dt.datetime, opmerking: str | None,
                    ondertekeningen: Sequence[Ondertekening] = (),
                    bijlage: Bijlage | None = None) -> int:
        """Append one step for each (document, sha256 of the version the person saw), with who
        signed it for each party, all or none; returns how many rows were added. A document
        that already has this step gets no second one (also when another process took it a
        moment before: the write lock and a unique index); a version that is no longer the
        register's newest of its path raises VersieGewijzigd and nothing is recorded.
        `bijlage(connection, step id)` adds what belongs to each new step (a signed PDF and its
        signatures) in the same transaction."""
        assert stap in STAPPEN
        d, s = schema.documenten, schema.stappen
        getekend = [(o.partij, o.naam, o.functie, o.datum) for o in ondertekeningen]
        nieuw = 0
        with self._schrijven() as v:
            oud = []
            for document, gezien in versies:
                pad, sha = v.execute(select(d.c.pad, d.c.sha256).where(d.c.id == document)).one()
                nieuwste = v.execute(select(func.max(d.c.id)).where(d.c.pad == pad)).scalar()
                if sha != gezien or nieuwste != document:
                    oud.append(pad)
            if oud:
                raise VersieGewijzigd(oud)
            vorige = keten.laatste(v)
            for document, gezien in versies:
                if v.execute(select(s.c.id).where(s.c.document == document, s.c.stap == stap)
                             ).first() is not None:
                    continue  # taken before: one row
                vorige = keten.schakel(vorige, document=document, stap=stap, door=door, op=op,
                                       opmerking=opmerking, sha256=gezien,
                                       ondertekeningen=getekend)
                id_ = v.execute(s.insert().values(
                    document=document, stap=stap, door=door, op=op,
                    opmerking=opmerking, sha256=gezien, keten=vorige)
                    .returning(s.c.id)).scalar_one()
                nieuw += 1
                for partij, naam, functie, datum in getekend:
                    v.execute(schema.ondertekeningen.insert().values(
                        stap=id_, partij=partij, naam=naam, functie=functie, datum=datum))
                if bijlage is not None:
                    bijlage(v, id_)
        return nieuw

    def controleer_keten(self) -> list[str]:
        """Where the history fails its own check (see `keten`); empty when it holds."""
        with self.engine.connect() as v:
            if self.onthoud:
                return onthouden.controleer_keten(self.engine, v)
            return list(keten.controleer(v).fouten)


class VersieGewijzigd(Exception):
    """The version a person saw is no longer the register's newest of its path."""

    def __init__(self, paden: list[str]) -> None:
        super().__init__(", ".join(paden))
        self.paden = paden
