"""One authority (issue 28, item 1; item 5 on SQLite): every step goes through one function,
bound to the version the person saw, once; the register is the record of definitief, the
marker on disk its copy; the history checks itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from starlette.testclient import TestClient

import contracten
from contracten import InvoerFout
from contracten.register.migraties import LAATSTE
from contracten.register.verbinding import open_engine

from .conftest import REGIOS, voer_uit
from .test_register import (
    T,
    database,  # noqa: F401 - the fixture: SQLite and PostgreSQL
)
from .webhulp import app_voor, csrf, versie

POE = "assen/2025/programma-van-eisen.docx"
KEUZE = {"paden": [POE]}


@pytest.fixture
def assen():
    return contracten.laad_regio(REGIOS, "assen")


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _rijen(db: str, sql: str = "SELECT stap, sha256 FROM stappen ORDER BY id") -> list:
    with open_engine(db).connect() as v:
        return [tuple(r) for r in v.execute(sa.text(sql))]


def test_definitief_alleen_via_markeer_definitief(assen, assen_gegenereerd, database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database, **KEUZE}
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T, **keuze)
    with pytest.raises(InvoerFout) as fout:
        contracten.zet_stap(assen, "definitief", door="J", tijdstip=T, **keuze)
    assert [m.code for m in fout.value.meldingen] == ["definitief_elders"]
    assert [s for s, _ in _rijen(database)] == ["juridisch_akkoord"]


def test_een_stap_legt_de_gelezen_versie_vast_en_weigert_een_andere(assen, assen_gegenereerd,
                                                                    database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database, **KEUZE}
    gezien = _sha(assen_gegenereerd / POE)
    with pytest.raises(InvoerFout) as fout:
        contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                            sha256="0" * 64, **keuze)
    assert [(m.bestand, m.code) for m in fout.value.meldingen] == [(POE, "versie_gewijzigd")]
    assert "gewijzigd sinds u het las" in str(fout.value)
    assert _rijen(database) == []
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T, sha256=gezien,
                        **keuze)
    assert _rijen(database) == [("juridisch_akkoord", gezien)]
    [d] = contracten.status(assen, tijdstip=T, **keuze).documenten
    assert d.stand.geschiedenis[0].sha256 == gezien
    # the file changed on disk after the person read it: refused, nothing recorded
    (assen_gegenereerd / POE).write_bytes((assen_gegenereerd / POE).read_bytes() + b"\0")
    with pytest.raises(InvoerFout) as fout:
        contracten.markeer_definitief(assen, datum=T.date(), door="K", tijdstip=T,
                                      sha256=gezien, ook_voorbeelden=True, **keuze)
    assert "versie_gewijzigd" in [m.code for m in fout.value.meldingen]
    assert _rijen(database) == [("juridisch_akkoord", gezien)]


def test_een_herhaalde_stap_is_een_rij(assen, assen_gegenereerd, database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database, **KEUZE}
    gezien = _sha(assen_gegenereerd / POE)
    for _ in range(2):
        contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T, sha256=gezien,
                            **keuze)
    assert _rijen(database) == [("juridisch_akkoord", gezien)]


def test_web_en_opdrachtregel_tegelijk_geven_een_rij(assen, assen_gegenereerd, database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database, **KEUZE}
    contracten.status(assen, tijdstip=T, **keuze)  # the register exists, migrated
    gezien = _sha(assen_gegenereerd / POE)
    fouten: list[BaseException] = []
    start = threading.Barrier(4)

    def akkoord(naam: str) -> None:
        try:
            start.wait()
            contracten.zet_stap(assen, "juridisch_akkoord", door=naam, tijdstip=T,
                                sha256=gezien, **keuze)
        except BaseException as exc:  # pragma: no cover - shown by the assert
            fouten.append(exc)

    draden = [threading.Thread(target=akkoord, args=(f"P{i}",)) for i in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    assert _rijen(database) == [("juridisch_akkoord", gezien)]


def test_de_database_houdt_een_dubbele_stap_tegen(assen, assen_gegenereerd, database):  # noqa: F811
    """Also a program that skips our checks cannot write a step twice for one version."""
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                        uitvoer=assen_gegenereerd, database=database, **KEUZE)
    with pytest.raises(sa.exc.IntegrityError), open_engine(database).begin() as v:
        v.execute(sa.text("INSERT INTO stappen (document, stap, door, op, sha256) "
                          "SELECT document, stap, 'X', op, sha256 FROM stappen"))
    assert len(_rijen(database)) == 1


def test_het_oude_formulier_na_opnieuw_genereren_wordt_geweigerd(assen, assen_gegenereerd,
                                                                 regios, tmp_path):
    db = tmp_path / "r.sqlite"
    client = TestClient(app_voor(regios, assen_gegenereerd, db, door="mr. J. Jansen"))
    pagina = client.get("/regio/assen/goedkeuring?jaar=2025").text
    formulier = {"csrf": csrf(pagina), "pad": POE, "stap": "juridisch_akkoord",
                 "sha256": versie(pagina, POE)}
    vervang = regios / "assen/regio.yaml"
    vervang.write_text(vervang.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (assen_gegenereerd / POE).write_bytes(b"een andere versie")
    antwoord = client.post("/regio/assen/stap", data=formulier, follow_redirects=False)
    assert antwoord.status_code == 400 and "[versie_gewijzigd]" in antwoord.text
    assert _rijen(str(db)) == []
    zonder = client.post("/regio/assen/stap", data={**formulier, "sha256": ""})
    assert zonder.status_code == 400 and "welke versie u zag" in zonder.text


def test_het_register_is_de_bron_van_definitief(assen, assen_gegenereerd, database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database, **KEUZE}
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T, **keuze)
    contracten.markeer_definitief(assen, datum=T.date(), door="K", tijdstip=T,
                                  ook_voorbeelden=True, ook_samenvattingen=True, **keuze)
    marker = assen_gegenereerd / "assen/2025/definitief.json"
    verwacht = json.loads(marker.read_text(encoding="utf-8"))
    assert verwacht == {"programma-van-eisen.docx": {"sha256": _sha(assen_gegenereerd / POE),
                                                     "datum": T.date().isoformat()}}
    marker.unlink()  # as when a run stopped between recording and marking
    [d] = contracten.status(assen, tijdstip=T, **keuze).documenten
    assert d.status == "definitief"
    assert json.loads(marker.read_text(encoding="utf-8")) == verwacht
    # and genereer keeps the definitief file as it is
    contracten.genereer(assen, uitvoer=assen_gegenereerd, datum=T.date(), prijspeil=2025,
                        soorten=["programma-van-eisen"])
    assert _sha(assen_gegenereerd / POE) == verwacht["programma-van-eisen.docx"]["sha256"]


def test_definitief_zonder_door_neemt_de_hash_van_het_bestand(assen, assen_gegenereerd):
    bestand = assen_gegenereerd / POE
    bestand.write_bytes((assen_gegenereerd / "assen/2025/overeenkomsten/wonen-plus.docx")
                        .read_bytes())  # replaced by hand
    contracten.markeer_definitief(assen, datum=T.date(), uitvoer=assen_gegenereerd, **KEUZE,
                                  ook_voorbeelden=True, ook_samenvattingen=True)
    marker = json.loads((assen_gegenereerd / "assen/2025/definitief.json").read_text("utf-8"))
    assert marker["programma-van-eisen.docx"]["sha256"] == _sha(bestand)


def _sqlite(pad: str, *sql: str) -> None:
    """Edit the register as someone with the sqlite3 tool would, past our program."""
    verbinding = sqlite3.connect(pad)
    for opdracht in sql:
        verbinding.execute(opdracht)
    verbinding.commit()
    verbinding.close()


@pytest.mark.parametrize("knoeien", [
    ("UPDATE stappen SET door = 'iemand anders' WHERE id = 1",),
    ("DELETE FROM stappen WHERE id = 1",),
    ("UPDATE documenten SET sha256 = 'x' WHERE id = (SELECT document FROM stappen "
     "WHERE id = 2)",),
])
def test_een_register_waarin_is_geknoeid_wordt_gemeld(assen, assen_gegenereerd, tmp_path,
                                                      knoeien):
    db = str(tmp_path / "r.sqlite")
    keuze = {"uitvoer": assen_gegenereerd, "database": db}
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                        aanbieders=["wonen-plus"], **keuze)
    assert contracten.status(assen, tijdstip=T, **keuze).keten == ()
    _sqlite(db, *[f"DROP TRIGGER {t}_geen_{a}" for t in ("stappen", "documenten")
                  for a in ("update", "delete")], *knoeien)
    assert contracten.status(assen, tijdstip=T, **keuze).keten
    uit = voer_uit("--regios", str(REGIOS), "status", "assen", "--uitvoer",
                   str(assen_gegenereerd), "--database", db, "--json")
    assert "LET OP: de geschiedenis in het register klopt niet meer: stap " in uit.stderr
    assert json.loads(uit.stdout)["register_klopt"] is False
    with pytest.raises(InvoerFout) as fout:
        contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                            aanbieders=["stichting-het-anker"], **keuze)
    assert {m.code for m in fout.value.meldingen} == {"register_beschadigd"}


def test_een_register_van_voor_de_keten_blijft_bruikbaar(assen, assen_gegenereerd, tmp_path):
    """Steps recorded before version 6 have no hash and no version; they stay as they are and
    the chain begins after them."""
    db = str(tmp_path / "r.sqlite")
    keuze = {"uitvoer": assen_gegenereerd, "database": db}
    contracten.status(assen, tijdstip=T, **keuze)
    _sqlite(db, "INSERT INTO stappen (document, stap, door, op) VALUES "
                "(1, 'juridisch_akkoord', 'oud', '2026-01-01 00:00:00.000000')",
                "INSERT INTO stappen (document, stap, door, op) VALUES "
                "(1, 'juridisch_akkoord', 'oud', '2026-01-01 00:00:00.000000')")
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                        aanbieders=["wonen-plus"], **keuze)
    assert contracten.status(assen, tijdstip=T, **keuze).keten == ()
    assert _rijen(db, "SELECT max(versie) FROM schemaversie") == [(LAATSTE,)]


def test_tijd_met_zone_blijft_in_de_keten(assen, assen_gegenereerd, database):  # noqa: F811
    op = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=op,
                        uitvoer=assen_gegenereerd, database=database, **KEUZE)
    assert contracten.status(assen, tijdstip=T, uitvoer=assen_gegenereerd,
                             database=database).keten == ()


def test_twee_regiomappen_met_dezelfde_naam_delen_geen_register(assen, assen_gegenereerd,
                                                                regios, database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database}
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T, **keuze, **KEUZE)
    andere = contracten.laad_regio(regios, "assen")  # a copy in another --regios folder
    with pytest.raises(InvoerFout) as fout:
        contracten.status(andere, tijdstip=T, **keuze)
    assert [m.code for m in fout.value.meldingen] == ["regio_andere_map"]
    assert str(REGIOS.resolve() / "assen") in str(fout.value)
    [d] = contracten.status(assen, tijdstip=T, **keuze, **KEUZE).documenten
    assert d.status == "juridisch_akkoord" and d.op_schijf == "gelijk"
