"""The contract register: every generated document's versions and the append-only history of
its approval (concept → juridisch akkoord → definitief → getekend), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import threading
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

import contracten
from contracten import InvoerFout
from contracten.register import schema
from contracten.register.migraties import LAATSTE, MIGRATIES
from contracten.register.verbinding import RegisterFout, database_url, open_engine

from .conftest import REGIOS, voer_uit

POSTGRES = os.environ.get("CONTRACTEN_TEST_POSTGRES")
T = dt.datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
TWEE_HANDTEKENINGEN = (
    contracten.Ondertekening("opdrachtgever", "J. de Vries", "wethouder", dt.date(2026, 12, 2)),
    contracten.Ondertekening("opdrachtnemer", "A. Bakker", "bestuurder", dt.date(2026, 12, 3)))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path: Path):
    if request.param == "sqlite":
        yield str(tmp_path / "register.sqlite")
        return
    if not POSTGRES:
        pytest.skip("geen PostgreSQL: zet CONTRACTEN_TEST_POSTGRES op een database-URL "
                    "(.ci/run start er een)")
    naam = f"register_{uuid.uuid4().hex[:12]}"
    beheer = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with beheer.connect() as v:
        v.execute(sa.text(f'CREATE DATABASE "{naam}"'))
    url = sa.engine.make_url(POSTGRES).set(database=naam).render_as_string(hide_password=False)
    yield url
    sa.create_engine(url).dispose()
    with beheer.connect() as v:
        v.execute(sa.text(f'DROP DATABASE "{naam}" WITH (FORCE)'))
    beheer.dispose()


def tot_versie(verbinding: sa.Connection, versie: int) -> None:
    """Bring a new register only to schema `versie`, as an older contracten left it."""
    schema.schemaversie.create(verbinding)
    for nummer, beschrijving, stap in MIGRATIES[:versie]:
        stap(verbinding)
        verbinding.execute(schema.schemaversie.insert().values(versie=nummer,
                                                               beschrijving=beschrijving))


@pytest.fixture
def assen():
    return contracten.laad_regio(REGIOS, "assen")


def _stand(assen, uit, database, **keuze):
    return contracten.status(assen, tijdstip=T, uitvoer=uit, database=database, **keuze)


def test_na_genereren_staat_alles_op_concept(assen, assen_gegenereerd, database):
    stand = _stand(assen, assen_gegenereerd, database)
    assert len(stand.documenten) == 30
    assert {d.status for d in stand.documenten} == {"concept"}
    assert {d.op_schijf for d in stand.documenten} == {"gelijk"}
    assert [c.aanbieder for c in stand.contracten] == sorted(a.id for a in assen.aanbieders)
    contract = stand.contracten[0]
    assert (contract.begin, contract.einde, contract.status) == (
        dt.date(2026, 1, 1), dt.date(2029, 12, 31), "lopend")
    assert (contract.verlengingen_gebruikt, contract.verlengingen_over,
            contract.verlenging_maanden, contract.opzegtermijn_maanden) == (0, 2, 12, 6)


def test_de_stappen_in_volgorde_met_wie_wanneer_en_waarom(assen, assen_gegenereerd, database):
    keuze = {"uitvoer": assen_gegenereerd, "database": database, "aanbieders": ["wonen-plus"],
             "soorten": ["overeenkomst"]}
    contracten.zet_stap(assen, "juridisch_akkoord", door="mr. J. Jansen", opmerking="Getoetst",
                        tijdstip=T, **keuze)
    with pytest.raises(InvoerFout) as fout:  # getekend before definitief
        contracten.zet_stap(assen, "getekend", door="P. Pieters", tijdstip=T, **keuze)
    assert "stap_volgorde" in [m.code for m in fout.value.meldingen]
    assert "staat op 'juridisch akkoord'; 'getekend' kan alleen na 'definitief'" in str(fout.value)
    contracten.markeer_definitief(assen, datum=T.date(), door="mr. J. Jansen",
                                  tijdstip=T + dt.timedelta(hours=1), ook_samenvattingen=True,
                                  ook_voorbeelden=True, **keuze)
    contracten.zet_stap(assen, "getekend", door="P. Pieters", tijdstip=T + dt.timedelta(days=2),
                        ondertekeningen=TWEE_HANDTEKENINGEN, **keuze)
    [document] = _stand(assen, assen_gegenereerd, database, aanbieders=["wonen-plus"],
                        soorten=["overeenkomst"]).documenten
    assert [(s.stap, s.door, s.op, s.opmerking) for s in document.stand.geschiedenis] == [
        ("juridisch_akkoord", "mr. J. Jansen", T, "Getoetst"),
        ("definitief", "mr. J. Jansen", T + dt.timedelta(hours=1), None),
        ("getekend", "P. Pieters", T + dt.timedelta(days=2), None)]
    assert document.status == "getekend"
    assert document.stand.geschiedenis[-1].ondertekeningen == TWEE_HANDTEKENINGEN
    andere = _stand(assen, assen_gegenereerd, database, aanbieders=["stichting-het-anker"])
    assert {d.status for d in andere.documenten} == {"concept"}


def test_een_gewijzigd_bestand_wordt_gemeld_en_nooit_goedgekeurd(assen, assen_gegenereerd,
                                                                 database):
    pad = assen_gegenereerd / "assen/2025/programma-van-eisen.docx"
    pad.write_bytes(pad.read_bytes() + b"\x00")
    stand = _stand(assen, assen_gegenereerd, database, soorten=["programma-van-eisen"])
    assert [d.op_schijf for d in stand.documenten] == ["gewijzigd"]
    with pytest.raises(InvoerFout) as fout:
        contracten.zet_stap(assen, "juridisch_akkoord", door="x", tijdstip=T,
                            uitvoer=assen_gegenereerd, database=database)
    assert [(m.bestand, m.code) for m in fout.value.meldingen] == [
        ("assen/2025/programma-van-eisen.docx", "bestand_gewijzigd")]
    # all or nothing: not one of the 29 unchanged documents moved
    assert {d.status for d in _stand(assen, assen_gegenereerd, database).documenten} == {
        "concept"}


def test_een_nieuwe_versie_begint_weer_als_concept(assen, assen_gegenereerd, database, regios):
    keuze = {"uitvoer": assen_gegenereerd, "database": database, "soorten": ["overeenkomst"],
             "aanbieders": ["wonen-plus"]}
    # the same region folder before and after the change (a register binds a name to a folder)
    contracten.zet_stap(contracten.laad_regio(regios / "assen"), "juridisch_akkoord", door="x",
                        tijdstip=T, **keuze)
    vervang = regios / "assen/aanbieders.yaml"
    vervang.write_text(vervang.read_text(encoding="utf-8").replace(
        "Wonen <Plus> Coöperatie U.A.", "Wonen Plus Coöperatie U.A.", 1), encoding="utf-8")
    gewijzigd = contracten.laad_regio(regios / "assen")
    contracten.genereer(gewijzigd, uitvoer=assen_gegenereerd, datum=dt.date(2026, 11, 23),
                        soorten=["overeenkomst"], aanbieders=["wonen-plus"])
    [document] = _stand(gewijzigd, assen_gegenereerd, database, aanbieders=["wonen-plus"],
                        soorten=["overeenkomst"]).documenten
    assert document.status == "concept" and document.op_schijf == "gelijk"
    assert document.stand.geschiedenis == []


@pytest.mark.parametrize("sql", ["UPDATE stappen SET door = 'iemand anders'",
                                 "DELETE FROM stappen", "UPDATE documenten SET sha256 = 'x'",
                                 "DELETE FROM documenten"])
def test_de_geschiedenis_is_alleen_aan_te_vullen(assen, assen_gegenereerd, database, sql):
    contracten.zet_stap(assen, "juridisch_akkoord", door="x", tijdstip=T,
                        uitvoer=assen_gegenereerd, database=database)
    engine = open_engine(database)
    with pytest.raises(sa.exc.DBAPIError, match="alleen worden aangevuld"), engine.begin() as v:
        v.execute(sa.text(sql))
    with engine.connect() as v:
        assert v.execute(sa.text("SELECT count(*) FROM stappen")).scalar() == 30
        assert v.execute(sa.text("SELECT count(DISTINCT door) FROM stappen")).scalar() == 1


def test_schema_wordt_eenmaal_gemigreerd_ook_door_twee_processen_tegelijk(database):
    fouten: list[BaseException] = []

    def open_() -> None:
        try:
            open_engine(database).dispose()
        except BaseException as exc:  # pragma: no cover - shown by the assert
            fouten.append(exc)

    draden = [threading.Thread(target=open_) for _ in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    with open_engine(database).connect() as v:
        assert [r[0] for r in v.execute(sa.text("SELECT versie FROM schemaversie"))] == [
            versie for versie, *_ in MIGRATIES if versie <= LAATSTE]


def test_een_register_van_een_nieuwere_versie_wordt_niet_aangeraakt(tmp_path):
    pad = tmp_path / "register.sqlite"
    open_engine(pad).dispose()
    with sa.create_engine(f"sqlite:///{pad}").begin() as v:
        v.execute(sa.text("INSERT INTO schemaversie VALUES (99, 'toekomst')"))
    with pytest.raises(RegisterFout, match="schemaversie 99"):
        open_engine(pad)


def test_plek_van_het_register(monkeypatch, tmp_path):
    monkeypatch.delenv("CONTRACTEN_DATABASE", raising=False)
    assert database_url() == "sqlite:///register.sqlite"
    monkeypatch.setenv("CONTRACTEN_DATABASE", str(tmp_path / "r.sqlite"))
    assert database_url() == f"sqlite:///{(tmp_path / 'r.sqlite').as_posix()}"
    assert database_url("postgresql+psycopg://u:geheim@h/db") == "postgresql+psycopg://u:geheim@h/db"
    with pytest.raises(RegisterFout) as fout:
        open_engine("postgresql+psycopg://u:geheim@127.0.0.1:1/db")
    assert "geheim" not in str(fout.value) and "***" in str(fout.value)


def test_opdrachtregel_status_akkoord_en_json(assen_gegenereerd, tmp_path):
    db = str(tmp_path / "r.sqlite")
    basis = ["--regios", str(REGIOS)]
    uit = voer_uit(*basis, "akkoord", "assen", "--aanbieder", "wonen-plus", "--uitvoer",
                   str(assen_gegenereerd), "--database", db, "--opmerking", "ok",
                   env={"CONTRACTEN_DOOR": "mr. J. Jansen"})
    assert uit.code == 0, uit.stderr
    assert "2 documenten vastgelegd als juridisch akkoord." in uit.stdout
    uit = voer_uit(*basis, "status", "assen", "--aanbieder", "wonen-plus", "--uitvoer",
                   str(assen_gegenereerd), "--database", db, "--json")
    import json

    data = json.loads(uit.stdout)
    assert [(d["soort"], d["status"], d["geschiedenis"][0]["door"]) for d in data["documenten"]] \
        == [("socialreturn-brief", "juridisch_akkoord", "mr. J. Jansen"),
            ("overeenkomst", "juridisch_akkoord", "mr. J. Jansen")]
    assert data["contracten"][0]["aanbieder"] == "wonen-plus"
    uit = voer_uit(*basis, "akkoord", "assen", "--uitvoer", str(assen_gegenereerd),
                   "--database", db)
    assert uit.code == 1 and "[naam_ontbreekt]" in uit.stderr
    uit = voer_uit(*basis, "status", "assen", "--aanbieder", "bestaat-niet", "--database", db)
    assert uit.code == 1 and "onbekende aanbieder 'bestaat-niet' (wel: " in uit.stderr


def test_definitief_zonder_door_werkt_als_vanouds(assen, assen_gegenereerd, tmp_path):
    _, gemarkeerd = contracten.markeer_definitief(
        assen, datum=T.date(), uitvoer=assen_gegenereerd, soorten=["programma-van-eisen"],
        ook_voorbeelden=True)
    assert gemarkeerd == ["programma-van-eisen.docx"]
    assert not (tmp_path / "register.sqlite").exists()


def test_twee_processen_tegelijk_verliezen_geen_stap(assen_gegenereerd, database):
    """Two people approve at the same moment, each in their own process, on one register:
    both steps are recorded and each document version once (the second waits for the first's
    write lock)."""
    import subprocess
    import sys

    db = database
    opdrachten = [[sys.executable, "-m", "contracten", "--regios", str(REGIOS), "akkoord", "assen",
                   "--aanbieder", aanbieder, "--door", naam, "--uitvoer", str(assen_gegenereerd),
                   "--database", str(db)]
                  for aanbieder, naam in (("wonen-plus", "A"), ("stichting-het-anker", "B"))]
    processen = [subprocess.Popen(o, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for o in opdrachten]
    uitkomsten = [p.communicate(timeout=120) for p in processen]
    assert [p.returncode for p in processen] == [0, 0], uitkomsten
    with open_engine(db).connect() as v:
        assert v.execute(sa.text("SELECT door, count(*) FROM stappen GROUP BY door ORDER BY door")
                         ).all() == [("A", 2), ("B", 2)]
        assert v.execute(sa.text("SELECT count(*) FROM documenten")).scalar() == 30
