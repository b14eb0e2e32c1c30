"""The register in a tender of several percelen: a contract row per perceel and opdrachtnemer,
documents with their perceel, status and approval narrowed by perceel; and schema version 3,
which moved a register made before percelen existed to that, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

import contracten
from contracten import InvoerFout
from contracten.register import migraties, schema
from contracten.register.verbinding import open_engine

from .conftest import REGIOS, voer_uit
from .percelen import EEN, TWEE
from .test_register import database, tot_versie  # noqa: F401 - the fixture: SQLite and PostgreSQL

T = dt.datetime(2026, 12, 1, 9, 30)


def test_een_contractregel_per_perceel_en_opdrachtnemer(percelen_gegenereerd, database):  # noqa: F811
    regios, uit = percelen_gegenereerd
    regio = contracten.laad_regio(regios, "assen")
    stand = contracten.status(regio, tijdstip=T, uitvoer=uit, database=database)
    assert len(stand.contracten) == len(regio.contracten)
    eigen = [(c.perceelnummer, c.perceel) for c in stand.contracten if c.aanbieder == TWEE]
    assert eigen == [(1, "Beschermd wonen"), (2, "Thuis en dagbesteding")]
    twee = contracten.status(regio, tijdstip=T, uitvoer=uit, database=database,
                             aanbieders=[TWEE])
    assert sorted((d.stand.soort, d.stand.perceel) for d in twee.documenten) == [
        ("overeenkomst", 1), ("overeenkomst", 2), ("socialreturn-brief", 1),
        ("socialreturn-brief", 2)]
    tweede = contracten.status(regio, tijdstip=T, uitvoer=uit, database=database,
                               aanbieders=[TWEE], percelen=[2])
    assert [(c.aanbieder, c.perceelnummer) for c in tweede.contracten] == [(TWEE, 2)]
    assert {d.stand.pad.split("/")[-2] for d in tweede.documenten} == {"perceel-2"}
    with pytest.raises(InvoerFout, match="onbekend perceel 3"):
        contracten.status(regio, tijdstip=T, uitvoer=uit, database=database, percelen=[3])


def test_goedkeuren_per_perceel(percelen_gegenereerd, database):  # noqa: F811
    regios, uit = percelen_gegenereerd
    regio = contracten.laad_regio(regios, "assen")
    keuze = {"uitvoer": uit, "database": database, "aanbieders": [TWEE]}
    gezet = contracten.zet_stap(regio, "juridisch_akkoord", door="x", tijdstip=T, percelen=[2],
                                soorten=["overeenkomst"], **keuze)
    assert [d.stand.pad for d in gezet] == [f"assen/2025/overeenkomsten/perceel-2/{TWEE}.docx"]
    contracten.markeer_definitief(regio, datum=T.date(), door="x", tijdstip=T, percelen=[2],
                                  soorten=["overeenkomst"], ook_samenvattingen=True,
                                  ook_voorbeelden=True, **keuze)
    stand = contracten.status(regio, tijdstip=T, soorten=["overeenkomst"], **keuze)
    assert [(d.stand.perceel, d.status) for d in stand.documenten] == [
        (1, "concept"), (2, "definitief")]


def test_opdrachtregel_perceel_kiezen_en_json(percelen_gegenereerd, tmp_path):
    regios, uit = percelen_gegenereerd
    basis = ["--regios", str(regios)]
    db = ["--uitvoer", str(uit), "--database", str(tmp_path / "r.sqlite")]
    uitkomst = voer_uit(*basis, "akkoord", "assen", "--aanbieder", TWEE, "--perceel", "2",
                        "--door", "mr. J. Jansen", *db)
    assert uitkomst.code == 0, uitkomst.stderr
    assert "2 documenten vastgelegd als juridisch akkoord." in uitkomst.stdout
    uitkomst = voer_uit(*basis, "status", "assen", "--aanbieder", TWEE, "--json", *db)
    data = json.loads(uitkomst.stdout)
    assert [(c["aanbieder"], c["perceelnummer"], c["perceel"]) for c in data["contracten"]] == [
        (TWEE, 1, "Beschermd wonen"), (TWEE, 2, "Thuis en dagbesteding")]
    assert sorted((d["perceel"], d["status"]) for d in data["documenten"]) == [
        (1, "concept"), (1, "concept"), (2, "juridisch_akkoord"), (2, "juridisch_akkoord")]
    uitkomst = voer_uit(*basis, "status", "assen", "--perceel", "1", "--aanbieder", EEN, *db)
    assert uitkomst.code == 0 and "perceel 1" in uitkomst.stdout
    assert "2 documenten: 2 concept" in uitkomst.stdout
    uitkomst = voer_uit(*basis, "status", "assen", "--perceel", "7", *db)
    assert uitkomst.code == 1 and "onbekend perceel 7 (wel: 1, 2)" in uitkomst.stderr


def test_een_perceel_blijft_als_vanouds(assen_gegenereerd, tmp_path):
    """A tender of one perceel: no perceel in the JSON, `--perceel 1` is every contract."""
    db = ["--uitvoer", str(assen_gegenereerd), "--database", str(tmp_path / "r.sqlite")]
    uitkomst = voer_uit("--regios", str(REGIOS), "status", "assen", "--json", *db)
    data = json.loads(uitkomst.stdout)
    assert "perceelnummer" not in data["contracten"][0]
    assert all("perceel" not in d for d in data["documenten"])
    alle = voer_uit("--regios", str(REGIOS), "status", "assen", "--perceel", "1", "--json", *db)
    assert len(json.loads(alle.stdout)["contracten"]) == len(data["contracten"])
    assert len(json.loads(alle.stdout)["documenten"]) == 28  # not the two of the region


def _register_van_versie_2(url: str) -> None:
    """A register as contracten made it before percelen existed (schema version 2), with one
    contract, one document and an approval step."""
    engine = sa.create_engine(url)
    with engine.begin() as v:
        tot_versie(v, 2)
        v.execute(sa.text(
            "INSERT INTO contracten (regio, aanbieder, naam, perceel, variant, begin, einde, "
            "verlengingen_gebruikt, verlengingen_over, verlenging_maanden, "
            "opzegtermijn_maanden, status) VALUES ('assen', 'wonen-plus', 'Wonen Plus', "
            "'Wmo Verblijf', 'outputgericht', '2026-01-01', '2029-12-31', 0, 2, 12, 6, "
            "'lopend')"))
        v.execute(sa.text(
            "INSERT INTO documenten (regio, aanbieder, soort, pad, versie, sha256, "
            "geregistreerd) VALUES ('assen', 'wonen-plus', 'overeenkomst', "
            "'assen/2025/overeenkomsten/wonen-plus.docx', '1', 'abc', '2026-11-30 10:00:00')"))
        v.execute(sa.text("INSERT INTO stappen (document, stap, door, op) VALUES "
                          "(1, 'juridisch_akkoord', 'A', '2026-11-30 11:00:00')"))
    engine.dispose()


def test_migratie_3_van_een_register_van_voor_de_percelen(database):  # noqa: F811
    from contracten.register.verbinding import database_url

    url = database_url(database)
    _register_van_versie_2(url)
    engine = open_engine(database)
    with engine.connect() as v:
        assert v.execute(sa.text("SELECT max(versie) FROM schemaversie")).scalar() == \
            migraties.LAATSTE
        assert v.execute(sa.text("SELECT aanbieder, perceelnummer, perceel FROM contracten")
                         ).all() == [("wonen-plus", 1, "Wmo Verblijf")]
        assert v.execute(sa.text("SELECT perceel, door FROM documenten JOIN stappen ON "
                                 "stappen.document = documenten.id")).all() == [(None, "A")]
    kolommen = {k["name"] for k in sa.inspect(engine).get_columns("contracten")}
    assert kolommen == {k.name for k in schema.contracten.columns}
    assert {k["name"] for k in sa.inspect(engine).get_columns("documenten")} == {
        k.name for k in schema.documenten.columns}
    assert {k["name"] for k in sa.inspect(engine).get_columns("ondertekeningen")} == {
        k.name for k in schema.ondertekeningen.columns}  # version 5
    rij = ("'assen', 'wonen-plus', 'Wonen Plus', 'Wmo Verblijf', 'outputgericht', "
           "'2026-01-01', '2029-12-31', 0, 2, 12, 6, 'lopend'")
    velden = ("regio, aanbieder, naam, perceel, variant, begin, einde, verlengingen_gebruikt, "
              "verlengingen_over, verlenging_maanden, opzegtermijn_maanden, status, "
              "perceelnummer")
    with engine.begin() as v:  # the same aanbieder in perceel 2: a second contract
        v.execute(sa.text(f"INSERT INTO contracten ({velden}) VALUES ({rij}, 2)"))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as v:  # perceel 1 twice: refused
        v.execute(sa.text(f"INSERT INTO contracten ({velden}) VALUES ({rij}, 1)"))
    with pytest.raises(sa.exc.DBAPIError, match="alleen worden aangevuld"), \
            engine.begin() as v:  # still append-only after the new column
        v.execute(sa.text("UPDATE documenten SET perceel = 2"))
