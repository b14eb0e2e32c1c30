"""A step 'getekend' from a signed PDF: the PDF kept (its path and sha256) and every signature
in it, added with the step in its transaction, and read back per document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Connection, Engine, select

from contracten.register import schema

if TYPE_CHECKING:
    from contracten.lezen.handtekeningen import Handtekening


@dataclass(frozen=True)
class VastgelegdeHandtekening:
    """A signature as the register keeps it, with the party it signed for."""

    partij: str
    veld: str
    naam: str
    onderwerp: str
    uitgever: str
    vertrouwd: bool
    getekend_op: dt.datetime | None
    pad: str  # the signed PDF ...
    sha256: str  # ... and its hash


def bij_stap(v: Connection, stap: int, *, pad: str, sha256: str,
             handtekeningen: Sequence[tuple[str, Handtekening]]) -> None:
    """With a new step 'getekend' (`Register.zet_stappen`'s `bijlage`): the signed PDF kept
    (its path and sha256) and each (party, signature) in it."""
    pdf = v.execute(schema.getekende_pdfs.insert().values(
        stap=stap, pad=pad, sha256=sha256).returning(schema.getekende_pdfs.c.id)).scalar_one()
    for partij, h in handtekeningen:
        v.execute(schema.handtekeningen.insert().values(
            pdf=pdf, partij=partij, veld=h.veld, naam=h.naam, onderwerp=h.onderwerp,
            uitgever=h.uitgever, vertrouwd=h.vertrouwd,
            getekend_op=h.getekend_op))


def van_document(engine: Engine, document: int) -> list[VastgelegdeHandtekening]:
    """Every signature recorded from a signed PDF for one document version, oldest first."""
    with engine.connect() as v:
        return [h for lijst in _lees(v, schema.stappen.c.document == document).values()
                for h in lijst]


def per_stap(v: Connection, stappen: Sequence[int]) -> dict[int, list[VastgelegdeHandtekening]]:
    """The signatures recorded from a signed PDF with each of `stappen` (step ids)."""
    return _lees(v, schema.stappen.c.id.in_(stappen))


def _lees(v: Connection, waar: ColumnElement[bool]) -> dict[int, list[VastgelegdeHandtekening]]:
    s, p, h = schema.stappen, schema.getekende_pdfs, schema.handtekeningen
    uit: dict[int, list[VastgelegdeHandtekening]] = {}
    for r in v.execute(select(h, p.c.pad, p.c.sha256, p.c.stap.label("bij_stap"))
                       .join(p, h.c.pdf == p.c.id).join(s, p.c.stap == s.c.id).where(waar)
                       .order_by(h.c.id)).mappings():
        uit.setdefault(r["bij_stap"], []).append(VastgelegdeHandtekening(
            r["partij"], r["veld"], r["naam"], r["onderwerp"], r["uitgever"],
            bool(r["vertrouwd"]),
            r["getekend_op"], r["pad"],
            r["sha256"]))
    return uit
