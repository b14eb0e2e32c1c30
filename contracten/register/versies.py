"""The steps of each version of the register's schema, in order: what `migraties` applies once
to a register that is not at that version yet. Past versions are never edited: a change is a
new version."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
    text,
)

MELDING = "de geschiedenis in het register kan alleen worden aangevuld, niet gewijzigd"


def _contracten_v1() -> list[Column[Any]]:
    """The columns of the contracten table of version 1 (one row per aanbieder), new ones on
    every call (a column belongs to one table)."""
    return [Column("id", Integer, primary_key=True),
            Column("regio", String(64), nullable=False),
            Column("aanbieder", String(64), nullable=False),
            Column("naam", Text, nullable=False),
            Column("perceel", Text, nullable=False),
            Column("variant", String(32), nullable=False),
            Column("begin", Date, nullable=False),
            Column("einde", Date, nullable=False),
            Column("verlengingen_gebruikt", Integer, nullable=False),
            Column("verlengingen_over", Integer, nullable=False),
            Column("verlenging_maanden", Integer, nullable=False),
            Column("opzegtermijn_maanden", Integer, nullable=False),
            Column("status", String(16), nullable=False),
            Column("opzegdatum", Date, nullable=True)]


def v1_tabellen(verbinding: Connection) -> None:
    """The tables as version 1 made them: written out here, since `schema` describes the latest
    version (a new register goes through every version, as an old one did)."""
    metadata = MetaData()
    Table("contracten", metadata, *_contracten_v1(),
          UniqueConstraint("regio", "aanbieder"))
    Table("documenten", metadata,
          Column("id", Integer, primary_key=True),
          Column("regio", String(64), nullable=False),
          Column("aanbieder", String(64), nullable=True),
          Column("soort", String(64), nullable=False),
          Column("pad", Text, nullable=False),
          Column("versie", String(32), nullable=False),
          Column("sha256", String(64), nullable=False),
          Column("geregistreerd", DateTime, nullable=False),
          UniqueConstraint("pad", "sha256"))
    Table("stappen", metadata,
          Column("id", Integer, primary_key=True),
          Column("document", Integer, ForeignKey("documenten.id"), nullable=False),
          Column("stap", String(32), nullable=False),
          Column("door", Text, nullable=False),
          Column("op", DateTime, nullable=False),
          Column("opmerking", Text, nullable=True))
    metadata.create_all(verbinding)


def v2_alleen_aanvullen(verbinding: Connection) -> None:
    """A recorded document version and an approval step can be added, never changed or removed:
    enforced by the database, whatever program writes to it."""
    if verbinding.dialect.name == "postgresql":
        verbinding.execute(text(
            "CREATE FUNCTION contracten_alleen_aanvullen() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{MELDING}'; END $$"))
    _alleen_aanvullen(verbinding, ("documenten", "stappen"))


def _alleen_aanvullen(verbinding: Connection, tabellen: tuple[str, ...]) -> None:
    """The triggers that refuse any change or removal of a row of `tabellen` (on PostgreSQL
    with the function of version 2)."""
    if verbinding.dialect.name == "postgresql":
        for tabel in tabellen:
            verbinding.execute(text(
                f"CREATE TRIGGER {tabel}_alleen_aanvullen BEFORE UPDATE OR DELETE ON {tabel} "
                "FOR EACH ROW EXECUTE FUNCTION contracten_alleen_aanvullen()"))
            verbinding.execute(text(
                f"CREATE TRIGGER {tabel}_niet_leegmaken BEFORE TRUNCATE ON {tabel} "
                "FOR EACH STATEMENT EXECUTE FUNCTION contracten_alleen_aanvullen()"))
        return
    for tabel in tabellen:
        for actie in ("UPDATE", "DELETE"):
            verbinding.execute(text(
                f"CREATE TRIGGER {tabel}_geen_{actie.lower()} BEFORE {actie} ON {tabel} "
                f"BEGIN SELECT RAISE(ABORT, '{MELDING}'); END"))


def v3_per_perceel(verbinding: Connection) -> None:
    """A contract is a perceel with one opdrachtnemer: a row per (regio, perceelnummer,
    aanbieder) instead of per aanbieder; every existing row is perceel 1 (a register made before
    percelen existed knows only tenders of one perceel). A document notes its perceel."""
    verbinding.execute(text("ALTER TABLE documenten ADD COLUMN perceel INTEGER"))
    if verbinding.dialect.name == "postgresql":
        verbinding.execute(text("ALTER TABLE contracten ADD COLUMN perceelnummer INTEGER NOT NULL "
                                "DEFAULT 1"))
        verbinding.execute(text("ALTER TABLE contracten ALTER COLUMN perceelnummer DROP DEFAULT"))
        for uniek in inspect(verbinding).get_unique_constraints("contracten"):
            if sorted(uniek["column_names"]) == ["aanbieder", "regio"]:
                verbinding.execute(text(
                    f'ALTER TABLE contracten DROP CONSTRAINT "{uniek["name"]}"'))
        verbinding.execute(text("ALTER TABLE contracten ADD CONSTRAINT contracten_per_perceel "
                                "UNIQUE (regio, perceelnummer, aanbieder)"))
        return
    # SQLite changes no constraint in place: a new table, the rows copied, the old one dropped
    metadata = MetaData()
    kolommen = _contracten_v1()
    Table("contracten_v3", metadata, *kolommen[:4],
          Column("perceelnummer", Integer, nullable=False), *kolommen[4:],
          UniqueConstraint("regio", "perceelnummer", "aanbieder",
                           name="contracten_per_perceel")).create(verbinding)
    namen = ", ".join(k.name for k in kolommen)
    verbinding.execute(text(f"INSERT INTO contracten_v3 ({namen}, perceelnummer) "
                            f"SELECT {namen}, 1 FROM contracten"))
    verbinding.execute(text("DROP TABLE contracten"))
    verbinding.execute(text("ALTER TABLE contracten_v3 RENAME TO contracten"))


def v4_opzegging_zorg_tot(verbinding: Connection) -> None:
    """A terminated contract keeps the last day of its doorlevering (the opzegging's
    uiterste zorgdatum) and who terminated it (aanbieder or gemeente: Assen's instroomstop
    follows only the aanbieder's notice), so the agenda follows the opzegging as it was given."""
    verbinding.execute(text("ALTER TABLE contracten ADD COLUMN zorg_tot DATE"))
    verbinding.execute(text("ALTER TABLE contracten ADD COLUMN opgezegd_door VARCHAR(16)"))


def v5_ondertekeningen(verbinding: Connection) -> None:
    """Who signed for each party (name, function, day) with each step 'getekend'; like the
    steps, only to be added to."""
    metadata = MetaData()
    Table("stappen", metadata, Column("id", Integer, primary_key=True))
    Table("ondertekeningen", metadata,
          Column("id", Integer, primary_key=True),
          Column("stap", Integer, ForeignKey("stappen.id"), nullable=False),
          Column("partij", String(16), nullable=False),
          Column("naam", Text, nullable=False),
          Column("functie", Text, nullable=False),
          Column("datum", Date, nullable=False)).create(verbinding)
    _alleen_aanvullen(verbinding, ("ondertekeningen",))


def v6_versie_en_keten(verbinding: Connection) -> None:
    """A step records the sha256 of the version the person saw, once per document and step (a
    repeated step is one row, also when two processes take it at once), and the hash of the
    register's previous step with its own content: a chain that shows when rows were changed or
    removed past the triggers. Steps of earlier versions have neither (NULL: not in the chain,
    and NULLs never collide in a unique index)."""
    verbinding.execute(text("ALTER TABLE stappen ADD COLUMN sha256 VARCHAR(64)"))
    verbinding.execute(text("ALTER TABLE stappen ADD COLUMN keten VARCHAR(64)"))
    verbinding.execute(text("CREATE UNIQUE INDEX stappen_eenmaal ON stappen "
                            "(document, stap, sha256)"))


def v7_regiomappen(verbinding: Connection) -> None:
    """Each region name in the register belongs to one region folder (its absolute path): two
    --regios folders with a region of the same name no longer share rows."""
    metadata = MetaData()
    Table("regiomappen", metadata,
          Column("regio", String(64), primary_key=True),
          Column("map", Text, nullable=False)).create(verbinding)


def v8_handtekeningen(verbinding: Connection) -> None:
    """A step 'getekend' from a signed PDF: the file (its path and sha256) and each signature
    in it (party, name, certificate subject and issuer, trust, signing time); only to be
    added to."""
    metadata = MetaData()
    Table("stappen", metadata, Column("id", Integer, primary_key=True))
    for tabel in _handtekening_tabellen(metadata):
        tabel.create(verbinding)
    _alleen_aanvullen(verbinding, ("getekende_pdfs", "handtekeningen"))


def _handtekening_tabellen(metadata: MetaData) -> list[Table]:
    return [Table("getekende_pdfs", metadata,
                  Column("id", Integer, primary_key=True),
                  Column("stap", Integer, ForeignKey("stappen.id"), nullable=False),
                  Column("pad", Text, nullable=False),
                  Column("sha256", String(64), nullable=False)),
            Table("handtekeningen", metadata,
                  Column("id", Integer, primary_key=True),
                  Column("pdf", Integer, ForeignKey("getekende_pdfs.id"), nullable=False),
                  Column("partij", String(16), nullable=False),
                  Column("veld", Text, nullable=False),
                  Column("naam", Text, nullable=False),
                  Column("onderwerp", Text, nullable=False),
                  Column("uitgever", Text, nullable=False),
                  Column("vertrouwd", Boolean, nullable=False),
                  Column("getekend_op", DateTime, nullable=True))]


def v9_gebruikers(verbinding: Connection) -> None:
    """The people who may take steps, each with one role, and the web's sessions (a row per
    signed-in browser, removed at logout or when its user changes). Both can change, unlike the
    history: a user is disabled, never removed, so every name in the history stays known."""
    metadata = MetaData()
    gebruikers = Table(
        "gebruikers", metadata,
        Column("id", Integer, primary_key=True),
        Column("naam", String(128), nullable=False, unique=True),
        Column("rol", String(32), nullable=False),
        Column("wachtwoord", Text, nullable=True),
        Column("actief", Boolean, nullable=False),
        Column("aangemaakt", DateTime, nullable=False),
        Column("gewijzigd", DateTime, nullable=False))
    Table("sessies", metadata,
          Column("sleutel", String(64), primary_key=True),
          Column("gebruiker", Text, nullable=False),
          Column("gebruiker_id", Integer, ForeignKey(gebruikers.c.id), nullable=True),
          Column("begonnen", DateTime, nullable=False),
          Column("verloopt", DateTime, nullable=False))
    metadata.create_all(verbinding)


def v10_tijden_in_utc(verbinding: Connection) -> None:
    """From this version every moment is kept in UTC. The steps before it were kept in the clock
    time of the computer that took them (in a Dutch region: Amsterdam time); the last of them is
    written down, so they are shown as taken and their hashes stay as they were. The web's
    sessions end (their times were local too): everyone signs in again."""
    metadata = MetaData()
    grens = Table("lokale_tijden", metadata, Column("tot_stap", Integer, nullable=False))
    grens.create(verbinding)
    laatste = verbinding.execute(text("SELECT MAX(id) FROM stappen")).scalar()
    verbinding.execute(grens.insert().values(tot_stap=laatste or 0))
    verbinding.execute(text("DELETE FROM sessies"))
    _alleen_aanvullen(verbinding, ("lokale_tijden",))


def v11_taken(verbinding: Connection) -> None:
    """The web's jobs (regenerating a region), waiting, running (progress, the last sign of
    life of its process) or ended: seen after a restart, by another web process, by a werker."""
    metadata = MetaData()
    Table("taken", metadata,
          Column("id", String(32), primary_key=True),
          Column("soort", String(32), nullable=False),
          Column("regio", String(64), nullable=False),
          Column("regios", Text, nullable=False),
          Column("uitvoer", Text, nullable=False),
          Column("datum", Date, nullable=False),
          Column("status", String(16), nullable=False),
          *(Column(n, Integer, nullable=n == "totaal") for n in ("klaar", "totaal")),
          *(Column(n, Text, nullable=True) for n in ("geschreven", "verwijderd", "fout", "werker")),
          *(Column(n, DateTime, nullable=n != "aangemaakt")
            for n in ("aangemaakt", "hartslag", "einde"))).create(verbinding)
    verbinding.execute(text("CREATE INDEX taken_wachtrij ON taken (status, aangemaakt)"))
