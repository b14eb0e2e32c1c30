"""Versioned schema migrations, run by the tool itself when it opens a register. Each version is
applied once, in order, inside one transaction that holds the database's write lock (SQLite:
BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two processes starting at once never apply a
version twice. Past versions are never edited: a change is a new version."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, select, text

from contracten.register import schema

MELDING = "de geschiedenis in het register kan alleen worden aangevuld, niet gewijzigd"
_SLOT = 7_265_463  # the advisory lock's key on PostgreSQL (any fixed number)


def _v1_tabellen(verbinding: Connection) -> None:
    schema.METADATA.create_all(verbinding, tables=[
        schema.contracten, schema.documenten, schema.stappen])


def _v2_alleen_aanvullen(verbinding: Connection) -> None:
    """A recorded document version and an approval step can be added, never changed or removed:
    enforced by the database, whatever program writes to it."""
    if verbinding.dialect.name == "postgresql":
        verbinding.execute(text(
            "CREATE FUNCTION contracten_alleen_aanvullen() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{MELDING}'; END $$"))
        for tabel in ("documenten", "stappen"):
            verbinding.execute(text(
                f"CREATE TRIGGER {tabel}_alleen_aanvullen BEFORE UPDATE OR DELETE ON {tabel} "
                "FOR EACH ROW EXECUTE FUNCTION contracten_alleen_aanvullen()"))
            verbinding.execute(text(
                f"CREATE TRIGGER {tabel}_niet_leegmaken BEFORE TRUNCATE ON {tabel} "
                "FOR EACH STATEMENT EXECUTE FUNCTION contracten_alleen_aanvullen()"))
        return
    for tabel in ("documenten", "stappen"):
        for actie in ("UPDATE", "DELETE"):
            verbinding.execute(text(
                f"CREATE TRIGGER {tabel}_geen_{actie.lower()} BEFORE {actie} ON {tabel} "
                f"BEGIN SELECT RAISE(ABORT, '{MELDING}'); END"))


MIGRATIES: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "contracten, documenten en goedkeuringsstappen", _v1_tabellen),
    (2, "documenten en stappen alleen aan te vullen", _v2_alleen_aanvullen),
]
LAATSTE = MIGRATIES[-1][0]


def migreer(engine: Engine) -> int:
    """Bring the register's schema to the latest version; returns the version it was at."""
    with engine.begin() as verbinding:
        if verbinding.dialect.name == "postgresql":
            verbinding.execute(text("SELECT pg_advisory_xact_lock(:slot)"), {"slot": _SLOT})
        schema.schemaversie.create(verbinding, checkfirst=True)
        gehad = verbinding.execute(
            select(schema.schemaversie.c.versie).order_by(schema.schemaversie.c.versie.desc())
        ).scalar() or 0
        for versie, beschrijving, stap in MIGRATIES:
            if versie > gehad:
                stap(verbinding)
                verbinding.execute(schema.schemaversie.insert().values(
                    versie=versie, beschrijving=beschrijving))
    return gehad
