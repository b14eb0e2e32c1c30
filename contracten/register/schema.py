"""The register's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

METADATA = MetaData()


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
    Column("perceel", Text, nullable=False),
    Column("variant", String(32), nullable=False),  # the bekostigingsvorm
    Column("begin", Date, nullable=False),
    Column("einde", Date, nullable=False),
    Column("verlengingen_gebruikt", Integer, nullable=False),
    Column("verlengingen_over", Integer, nullable=False),
    Column("verlenging_maanden", Integer, nullable=False),
    Column("opzegtermijn_maanden", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # lopend, opgezegd
    Column("opzegdatum", Date, nullable=True),
    UniqueConstraint("regio", "aanbieder"),
)

documenten = Table(
    "documenten", METADATA,
    Column("id", Integer, primary_key=True),
    Column("regio", String(64), nullable=False),
    Column("aanbieder", String(64), nullable=True),
    Column("soort", String(64), nullable=False),
    Column("pad", Text, nullable=False),  # relative to the output folder, forward slashes
    Column("versie", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("geregistreerd", DateTime, nullable=False),
    UniqueConstraint("pad", "sha256"),
)

stappen = Table(
    "stappen", METADATA,
    Column("id", Integer, primary_key=True),
    Column("document", Integer, ForeignKey("documenten.id"), nullable=False),
    Column("stap", String(32), nullable=False),
    Column("door", Text, nullable=False),
    Column("op", DateTime, nullable=False),
    Column("opmerking", Text, nullable=True),
)
