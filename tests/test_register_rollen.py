"""A register that protects itself on PostgreSQL (issue 28, item 5): the migrations run as the
role that owns the tables, the application as a role that adds steps and cannot rewrite
history: no UPDATE, DELETE or TRUNCATE of a step, no DROP TRIGGER, no ALTER TABLE."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

import contracten
from contracten.register.verbinding import EIGENAAR, RegisterFout, open_engine

from .conftest import REGIOS
from .test_register import T

SUPER = os.environ.get("CONTRACTEN_TEST_POSTGRES")
EIGEN = os.environ.get("CONTRACTEN_TEST_POSTGRES_EIGENAAR")
APP = os.environ.get("CONTRACTEN_TEST_POSTGRES_APP")
pytestmark = pytest.mark.skipif(
    not (SUPER and EIGEN and APP), reason="geen PostgreSQL met een eigenaar- en een app-rol "
    "(.ci/postgres zet CONTRACTEN_TEST_POSTGRES_EIGENAAR en CONTRACTEN_TEST_POSTGRES_APP)")


def _in(url: str, naam: str) -> str:
    return sa.engine.make_url(url).set(database=naam).render_as_string(hide_password=False)


@pytest.fixture
def rollen(monkeypatch):
    """A fresh database owned by the owner's role: (owner URL, application URL)."""
    assert SUPER and EIGEN and APP
    naam = f"rollen_{uuid.uuid4().hex[:12]}"
    eigenaar = sa.engine.make_url(EIGEN).username
    beheer = sa.create_engine(SUPER, isolation_level="AUTOCOMMIT")
    with beheer.connect() as v:
        v.execute(sa.text(f'CREATE DATABASE "{naam}" OWNER "{eigenaar}"'))
    urls = _in(EIGEN, naam), _in(APP, naam)
    monkeypatch.setenv(EIGENAAR, urls[0])
    yield urls
    for url in urls:
        sa.create_engine(url).dispose()
    with beheer.connect() as v:
        v.execute(sa.text(f'DROP DATABASE "{naam}" WITH (FORCE)'))
    beheer.dispose()


@pytest.mark.parametrize("sql", [
    "UPDATE stappen SET door = 'iemand anders'",
    "DELETE FROM stappen",
    "TRUNCATE stappen",
    "DROP TRIGGER stappen_alleen_aanvullen ON stappen",
    "ALTER TABLE stappen DISABLE TRIGGER ALL",
    "ALTER TABLE stappen ADD COLUMN x INTEGER",
    "DROP TABLE stappen",
    "UPDATE documenten SET sha256 = 'x'",
    "DELETE FROM ondertekeningen",
    "INSERT INTO lokale_tijden (tot_stap) VALUES (999)",  # would show new steps an hour off
])
def test_de_app_rol_kan_de_geschiedenis_niet_herschrijven(rollen, assen_gegenereerd, sql):
    _, app = rollen
    assen = contracten.laad_regio(REGIOS, "assen")
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                        uitvoer=assen_gegenereerd, database=app, aanbieders=["wonen-plus"])
    with pytest.raises(sa.exc.ProgrammingError, match=r"permission denied|must be owner"), \
            sa.create_engine(app).begin() as v:
        v.execute(sa.text(sql))
    with open_engine(app).connect() as v:
        assert v.execute(sa.text("SELECT count(*), count(DISTINCT door) FROM stappen")
                         ).one() == (2, 1)
        eigenaars = {r[0] for r in v.execute(sa.text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"))}
    assert eigenaars == {sa.engine.make_url(EIGEN or "").username}  # the app made no table


def test_zonder_eigenaar_kan_de_app_rol_niet_migreren(rollen, monkeypatch):
    _, app = rollen
    monkeypatch.delenv(EIGENAAR)
    with pytest.raises(RegisterFout) as fout:
        open_engine(app)
    assert EIGENAAR in str(fout.value)
