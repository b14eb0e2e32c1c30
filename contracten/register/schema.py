"""The register's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL, as the latest
schema version has them (`migraties` makes them; these are what the queries use)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

from contracten import tijd

METADATA = MetaData()


class Tijdstip(TypeDecorator[dt.datetime]):
    """A moment, kept as UTC without a zone (the same column on SQLite and PostgreSQL) and read
    back with its zone, UTC; a moment given without a zone is Amsterdam time (`tijd`)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return tijd.opgeslagen(value) if value is not None else None

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return value.replace(tzinfo=dt.UTC) if value is not None else None


schemaversie = Table(
    "schemaversie", METADATA,
    Column("versie", Integer, primary_key=True),
    Column("beschrijving", Text, nullable=False),
)

contracten = Table(
    "contracten", METADATA,
    Column("id", Integer, primary_key=True),
    Column("regio", String(64), nullable=False),
    Column("aanbieder", String(64), nullable=False),
    Column("naam", Text, nullable=False),
    Column("perceelnummer", Integer, nullable=False),  # since version 3; before it: 1
    Column("perceel", Text, nullable=False),  # the perceel's name
    Column("variant", String(32), nullable=False),  # the bekostigingsvorm
    Column("begin", Date, nullable=False),
    Column("einde", Date, nullable=False),
    Column("verlengingen_gebruikt", Integer, nullable=False),
    Column("verlengingen_over", Integer, nullable=False),
    Column("verlenging_maanden", Integer, nullable=False),
    Column("opzegtermijn_maanden", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # lopend, opgezegd, beëindigd
    Column("opzegdatum", Date, nullable=True),  # the day the notice was received
    Column("zorg_tot", Date, nullable=True),  # of an opzegging: its uiterste zorgdatum (v4)
    Column("opgezegd_door", String(16), nullable=True),  # ... and who gave it (v4)
    # one row per contract: a perceel with one opdrachtnemer (version 3; before: per aanbieder)
    UniqueConstraint("regio", "perceelnummer", "aanbieder", name="contracten_per_perceel"),
)

documenten = Table(
    "documenten", METADATA,
    Column("id", Integer, primary_key=True),
    Column("regio", String(64), nullable=False),
    Column("aanbieder", String(64), nullable=True),
    # a contract's document in a tender of several percelen (version 3), else empty
    Column("perceel", Integer, nullable=True),
    Column("soort", String(64), nullable=False),
    Column("pad", Text, nullable=False),  # relative to the output folder, forward slashes
    Column("versie", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("geregistreerd", Tijdstip, nullable=False),
    UniqueConstraint("pad", "sha256"),
)

stappen = Table(
    "stappen", METADATA,
    Column("id", Integer, primary_key=True),
    Column("document", Integer, ForeignKey("documenten.id"), nullable=False),
    Column("stap", String(32), nullable=False),
    Column("door", Text, nullable=False),
    Column("op", Tijdstip, nullable=False),
    Column("opmerking", Text, nullable=True),
    Column("sha256", String(64), nullable=True),  # the version the person saw (version 6)
    Column("keten", String(64), nullable=True),  # hash of the previous step + this one (v6)
    Index("stappen_eenmaal", "document", "stap", "sha256", unique=True),
)

ondertekeningen = Table(  # since version 5: who signed for each party, per step 'getekend'
    "ondertekeningen", METADATA,
    Column("id", Integer, primary_key=True),
    Column("stap", Integer, ForeignKey("stappen.id"), nullable=False),
    Column("partij", String(16), nullable=False),  # opdrachtgever, opdrachtnemer
    Column("naam", Text, nullable=False),
    Column("functie", Text, nullable=False),
    Column("datum", Date, nullable=False),
)

regiomappen = Table(  # since version 7: the one region folder (absolute path) of each name
    "regiomappen", METADATA,
    Column("regio", String(64), primary_key=True),
    Column("map", Text, nullable=False),
)

getekende_pdfs = Table(  # since version 8: the signed PDF of a step 'getekend'
    "getekende_pdfs", METADATA,
    Column("id", Integer, primary_key=True),
    Column("stap", Integer, ForeignKey("stappen.id"), nullable=False),
    Column("pad", Text, nullable=False),  # in the register's terms, next to the document
    Column("sha256", String(64), nullable=False),
)

handtekeningen = Table(  # since version 8: each signature in a signed PDF
    "handtekeningen", METADATA,
    Column("id", Integer, primary_key=True),
    Column("pdf", Integer, ForeignKey("getekende_pdfs.id"), nullable=False),
    Column("partij", String(16), nullable=False),  # opdrachtgever, opdrachtnemer
    Column("veld", Text, nullable=False),  # the signature field
    Column("naam", Text, nullable=False),  # the certificate's common name
    Column("onderwerp", Text, nullable=False),  # the certificate's subject
    Column("uitgever", Text, nullable=False),  # ... and issuer
    Column("vertrouwd", Boolean, nullable=False),  # chained to a trusted root
    Column("getekend_op", Tijdstip, nullable=True),  # the signing time it carries (UTC)
)

gebruikers = Table(  # since version 9: who may take steps, with one role each
    "gebruikers", METADATA,
    Column("id", Integer, primary_key=True),
    Column("naam", String(128), nullable=False, unique=True),
    Column("rol", String(32), nullable=False),  # inkoper, jurist, contractmanager, beheerder
    Column("wachtwoord", Text, nullable=True),  # an Argon2 hash; none: command line only
    Column("actief", Boolean, nullable=False),
    Column("aangemaakt", Tijdstip, nullable=False),
    Column("gewijzigd", Tijdstip, nullable=False),
)

sessies = Table(  # since version 9: the web's signed-in browsers
    "sessies", METADATA,
    Column("sleutel", String(64), primary_key=True),  # sha256 of the cookie's random id
    Column("gebruiker", Text, nullable=False),  # the name recorded in the steps
    Column("gebruiker_id", Integer, ForeignKey("gebruikers.id"), nullable=True),
    Column("begonnen", Tijdstip, nullable=False),
    Column("verloopt", Tijdstip, nullable=False),
)

lokale_tijden = Table(  # since version 10: steps up to this id were kept in Amsterdam time
    "lokale_tijden", METADATA,
    Column("tot_stap", Integer, nullable=False),
)

taken = Table(  # since version 11: the web's jobs, waiting, running or ended
    "taken", METADATA,
    Column("id", String(32), primary_key=True),  # random: the job page's address
    Column("soort", String(32), nullable=False),  # genereer
    Column("regio", String(64), nullable=False),
    Column("regios", Text, nullable=False),  # the regios folder, absolute
    Column("uitvoer", Text, nullable=False),  # the output folder, absolute
    Column("datum", Date, nullable=False),  # the day the letters carry
    Column("status", String(16), nullable=False),  # wachtend, bezig, klaar, mislukt, afgebroken
    Column("klaar", Integer, nullable=False),  # documents made, of
    Column("totaal", Integer, nullable=True),  # ... those the run makes (as it counts them)
    Column("geschreven", Text, nullable=True),  # JSON: the Word documents written
    Column("verwijderd", Text, nullable=True),  # JSON: the files removed
    Column("fout", Text, nullable=True),  # why it failed or was interrupted
    Column("werker", Text, nullable=True),  # the process that runs it (host:pid:random)
    Column("aangemaakt", Tijdstip, nullable=False),
    Column("hartslag", Tijdstip, nullable=True),  # the running process's last sign of life
    Column("einde", Tijdstip, nullable=True),
    Index("taken_wachtrij", "status", "aangemaakt"),
)
