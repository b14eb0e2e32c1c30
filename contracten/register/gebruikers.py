"""The register's people and the web's sessions: rows that change (a role, a password, disabled),
unlike the history. Every change of a user ends that user's sessions in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, select, update

from contracten.register import schema


@dataclass(frozen=True)
class Gebruiker:
    """A person who may take steps: name, role, active or not, and whether the web is open to
    them (a password was set)."""

    naam: str
    rol: str
    actief: bool
    wachtwoord: str | None = None  # the Argon2 hash, never the password

    @property
    def heeft_wachtwoord(self) -> bool:
        return self.wachtwoord is not None


class Gebruikers:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def aantal(self) -> int:
        """How many users were ever registered (disabled ones too)."""
        with self.engine.connect() as v:
            return int(v.execute(select(func.count()).select_from(schema.gebruikers))
                       .scalar_one())

    def alle(self) -> list[Gebruiker]:
        g = schema.gebruikers
        with self.engine.connect() as v:
            return [Gebruiker(r.naam, r.rol, bool(r.actief), r.wachtwoord)
                    for r in v.execute(select(g).order_by(g.c.naam))]

    def zoek(self, naam: str) -> Gebruiker | None:
        g = schema.gebruikers
        with self.engine.connect() as v:
            r = v.execute(select(g).where(g.c.naam == naam)).first()
        return Gebruiker(r.naam, r.rol, bool(r.actief), r.wachtwoord) if r else None

    def voeg_toe(self, naam: str, rol: str, wachtwoord: str | None, op: dt.datetime) -> None:
        with self.engine.begin() as v:
            v.execute(schema.gebruikers.insert().values(
                naam=naam, rol=rol, wachtwoord=wachtwoord, actief=True, aangemaakt=op,
                gewijzigd=op))

    def wijzig(self, naam: str, op: dt.datetime, **waarden: object) -> None:
        """Change a user (rol, wachtwoord, actief) and end every session of theirs."""
        g, s = schema.gebruikers, schema.sessies
        with self.engine.begin() as v:
            id_ = v.execute(select(g.c.id).where(g.c.naam == naam)).scalar_one()
            v.execute(update(g).where(g.c.id == id_).values(gewijzigd=op, **waarden))
            v.execute(delete(s).where(s.c.gebruiker_id == id_))

    def begin_sessie(self, sleutel: str, gebruiker: str, begonnen: dt.datetime,
                     verloopt: dt.datetime) -> None:
        g = schema.gebruikers
        with self.engine.begin() as v:
            id_ = v.execute(select(g.c.id).where(g.c.naam == gebruiker)).scalar()
            v.execute(schema.sessies.insert().values(
                sleutel=sleutel, gebruiker=gebruiker, gebruiker_id=id_, begonnen=begonnen,
                verloopt=verloopt))

    def sessie(self, sleutel: str, op: dt.datetime) -> str | None:
        """The name of the session's user, while it runs (and its user is active)."""
        s, g = schema.sessies, schema.gebruikers
        with self.engine.connect() as v:
            r = v.execute(select(s.c.gebruiker, s.c.gebruiker_id, g.c.actief)
                          .outerjoin(g, g.c.id == s.c.gebruiker_id)
                          .where(s.c.sleutel == sleutel, s.c.verloopt > op)).first()
        if r is None or (r.gebruiker_id is not None and not r.actief):
            return None
        return str(r.gebruiker)

    def beeindig_sessie(self, sleutel: str, op: dt.datetime) -> None:
        """End this session, and every one that expired."""
        s = schema.sessies
        with self.engine.begin() as v:
            v.execute(delete(s).where((s.c.sleutel == sleutel) | (s.c.verloopt <= op)))
