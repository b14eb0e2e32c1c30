"""The newest version of each document of a region with its steps, read in a few queries (joins,
not lists of thousands of ids): the web shows them on every page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, DateTime, and_, func, select, type_coerce

from contracten import tijd
from contracten.register import handtekeningen, schema
from contracten.register.gegevens import Ondertekening, Stand, Stap

WEINIG = 100  # up to this many paths are asked of the database; more are filtered here


def lees(v: Connection, regio: str, paden: Sequence[str] | None = None) -> list[Stand]:
    """`Register.standen`: of every document of `regio`, or of those paths."""
    d, s, o = schema.documenten, schema.stappen, schema.ondertekeningen
    gekozen = select(func.max(d.c.id).label("id")).where(d.c.regio == regio)
    if paden is not None and len(paden) <= WEINIG:  # a page of one document: only its rows
        gekozen = gekozen.where(d.c.pad.in_(sorted(set(paden))))
    nieuwste = gekozen.group_by(d.c.pad).subquery()
    rijen = v.execute(select(d.c.id, d.c.aanbieder, d.c.soort, d.c.pad, d.c.versie, d.c.sha256,
                             d.c.perceel)
                      .join(nieuwste, and_(d.c.id == nieuwste.c.id)).order_by(d.c.pad)).all()
    if paden is not None:
        gevraagd = set(paden)
        rijen = [r for r in rijen if r.pad in gevraagd]
    stappen: dict[int, list[Stap]] = {r.id: [] for r in rijen}
    getekend: dict[int, list[Ondertekening]] = {}
    for r in v.execute(select(o).join(s, o.c.stap == s.c.id)
                       .join(nieuwste, s.c.document == nieuwste.c.id).order_by(o.c.id)):
        getekend.setdefault(r.stap, []).append(Ondertekening(r.partij, r.naam, r.functie,
                                                             r.datum))
    # the moment as stored, given its zone once (UTC; a step from before version 10 was kept in
    # Amsterdam time), not read as a Tijdstip first: a region has thousands of steps
    rijen_s = [r for r in v.execute(select(s.c.id, s.c.document, s.c.stap, s.c.door,
                                           type_coerce(s.c.op, DateTime()), s.c.opmerking,
                                           s.c.sha256)
                                    .join(nieuwste, s.c.document == nieuwste.c.id)
                                    .order_by(s.c.id)) if r[1] in stappen]
    pdf = handtekeningen.per_stap(v, [r[0] for r in rijen_s if r[2] == "getekend"])
    lokaal = v.execute(select(func.min(schema.lokale_tijden.c.tot_stap))).scalar() or 0
    geen: tuple[()] = ()
    for id_, document, stap, door, op, opmerking, sha256 in rijen_s:
        stappen[document].append(Stap(stap, door, op.replace(tzinfo=tijd.ZONE if id_ <= lokaal
                                                             else dt.UTC),
                                      opmerking, tuple(getekend.get(id_, geen)), sha256,
                                      tuple(pdf.get(id_, geen))))
    return [Stand(id_, aanbieder, soort, pad, versie, sha, stappen[id_], perceel)
            for id_, aanbieder, soort, pad, versie, sha, perceel in rijen]
