"""Versioned schema migrations, run by the tool itself when it opens a register. Each version is
applied once, in order, inside one transaction that holds the database's write lock (SQLite:
BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two processes starting at once never apply a
version twice. The steps of each version are in `versies`."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, select, text

from contracten.register import schema, wachtrij
from contracten.register.versies import (
    v1_tabellen,
    v2_alleen_aanvullen,
    v3_per_perceel,
    v4_opzegging_zorg_tot,
    v5_ondertekeningen,
    v6_versie_en_keten,
    v7_regiomappen,
    v8_handtekeningen,
    v9_gebruikers,
    v10_tijden_in_utc,
    v11_taken,
)

_SLOT = 7_265_463  # the advisory lock's key on PostgreSQL (any fixed number)


MIGRATIES: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "contracten, documenten en goedkeuringsstappen", v1_tabellen),
    (2, "documenten en stappen alleen aan te vullen", v2_alleen_aanvullen),
    (3, "een contract per perceel en opdrachtnemer", v3_per_perceel),
    (4, "de uiterste zorgdatum van een opgezegd contract en wie opzegde", v4_opzegging_zorg_tot),
    (5, "wie voor elke partij tekende", v5_ondertekeningen),
    (6, "de gelezen versie bij elke stap, eenmaal, in een keten", v6_versie_en_keten),
    (7, "elke regionaam hoort bij één regiomap", v7_regiomappen),
    (8, "getekende pdf's en hun handtekeningen", v8_handtekeningen),
    (9, "gebruikers met een rol, en hun sessies in de webtoepassing", v9_gebruikers),
    (10, "tijden in UTC; eerdere stappen in de tijd van Amsterdam", v10_tijden_in_utc),
    (11, "de taken van de webtoepassing (documenten opnieuw maken)", v11_taken),
    (12, "de wachtrij van de werkers op PostgreSQL (procrastinate)", wachtrij.v12_wachtrij),
]
LAATSTE = MIGRATIES[-1][0]


def migreer(engine: Engine, app_rol: str | None = None) -> int:
    """Bring the register's schema to the latest version; returns the version it was at. On
    PostgreSQL with `app_rol`: `engine` is the owner's, and that role gets what the
    application needs and no more (see `_toegang`)."""
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
        if app_rol and verbinding.dialect.name == "postgresql":
            _toegang(verbinding, app_rol)
    return gehad


def _toegang(verbinding: Connection, rol: str) -> None:
    """The application's role reads every table and adds rows; it changes only the contracts
    (their status follows the profile), the users (a role, a password, disabled; never
    removed), the web's sessions (ended at logout), the web's jobs (their progress) and
    procrastinate's queue of them (see `wachtrij.toegang`); a migration's own record (which steps
    kept local time) it only reads. It owns nothing, so it can neither alter a table nor drop
    or disable a trigger, and it cannot update, delete or truncate the history. Granted again
    after every migration, so a table of a later version is covered too."""
    naam = verbinding.dialect.identifier_preparer.quote(rol)
    for opdracht in (f"GRANT USAGE ON SCHEMA public TO {naam}",
                     f"GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {naam}",
                     f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {naam}",
                     f"GRANT UPDATE ON contracten TO {naam}",
                     f"GRANT UPDATE ON gebruikers TO {naam}",
                     f"GRANT UPDATE, DELETE ON sessies TO {naam}",
                     f"GRANT UPDATE ON taken TO {naam}",
                     f"REVOKE INSERT ON lokale_tijden FROM {naam}"):
        verbinding.execute(text(opdracht))
    wachtrij.toegang(verbinding, naam)
