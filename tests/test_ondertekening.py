"""`getekend` records who signed for each party (name, function, day), on the command line, in
Python and on the web; what cannot be true is refused and nothing is recorded."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from starlette.testclient import TestClient

import contracten
from contracten import InvoerFout, Ondertekening
from contracten.register.verbinding import database_url

from .conftest import REGIOS, voer_uit
from .test_register import database  # noqa: F401 - the fixture: SQLite and PostgreSQL
from .webhulp import KLOK, app_voor, csrf, versie

T = dt.datetime(2020, 3, 2, 10, 0)  # far enough back for the command line's own clock
OVEREENKOMST = "assen/2025/overeenkomsten/wonen-plus.docx"
KEUZE = {"aanbieders": ["wonen-plus"], "soorten": ["overeenkomst"]}
GEMEENTE = Ondertekening("opdrachtgever", "J. de Vries", "wethouder", dt.date(2020, 3, 3))
AANBIEDER = Ondertekening("opdrachtnemer", "A. Bakker", "bestuurder", dt.date(2020, 3, 4))


def _definitief(assen, uitvoer, database, tijdstip=T) -> None:  # noqa: F811
    keuze = {**KEUZE, "uitvoer": uitvoer, "database": database}
    contracten.zet_stap(assen, "juridisch_akkoord", door="mr. J. Jansen", tijdstip=tijdstip,
                        **keuze)
    contracten.markeer_definitief(assen, datum=tijdstip.date(), door="mr. J. Jansen",
                                  tijdstip=tijdstip, ook_samenvattingen=True,
                                  ook_voorbeelden=True, **keuze)


def _geschiedenis(assen, uitvoer, database):  # noqa: F811
    [d] = contracten.status(assen, tijdstip=T, uitvoer=uitvoer, database=database,
                            **KEUZE).documenten
    return d.stand.geschiedenis


def test_beide_partijen_met_naam_functie_en_datum(assen_gegenereerd, database):  # noqa: F811
    assen = contracten.laad_regio(REGIOS, "assen")
    _definitief(assen, assen_gegenereerd, database)
    contracten.zet_stap(assen, "getekend", door="P. Pieters", tijdstip=T + dt.timedelta(days=3),
                        uitvoer=assen_gegenereerd, database=database,
                        ondertekeningen=[GEMEENTE, AANBIEDER], **KEUZE)
    laatste = _geschiedenis(assen, assen_gegenereerd, database)[-1]
    assert (laatste.stap, laatste.ondertekeningen) == ("getekend", (GEMEENTE, AANBIEDER))
    # like every step: only to be added to, whatever program writes to the database
    with sa.create_engine(database_url(database)).begin() as v, \
            pytest.raises(sa.exc.DBAPIError):
        v.execute(sa.text("UPDATE ondertekeningen SET naam = 'iemand anders'"))


def test_wat_niet_waar_kan_zijn_wordt_geweigerd(assen_gegenereerd, tmp_path):
    assen = contracten.laad_regio(REGIOS, "assen")
    db = tmp_path / "r.sqlite"
    _definitief(assen, assen_gegenereerd, db)
    stap = {"door": "P. Pieters", "tijdstip": T + dt.timedelta(days=3),
            "uitvoer": assen_gegenereerd, "database": db}

    def geweigerd(ondertekeningen, **keuze) -> list[str]:
        with pytest.raises(InvoerFout) as fout:
            contracten.zet_stap(assen, "getekend", ondertekeningen=ondertekeningen,
                                **{**KEUZE, **keuze}, **stap)
        return sorted(m.code for m in fout.value.meldingen)

    assert geweigerd([GEMEENTE]) == ["ondertekenaar_ontbreekt"]
    assert geweigerd([GEMEENTE, Ondertekening("opdrachtnemer", "A. Bakker", " ",
                                              AANBIEDER.datum)]) == ["ondertekenaar_ontbreekt"]
    later = Ondertekening("opdrachtnemer", "A. Bakker", "bestuurder", dt.date(2020, 3, 6))
    assert geweigerd([GEMEENTE, later]) == ["ondertekening_in_de_toekomst"]
    eerder = Ondertekening("opdrachtgever", "J. de Vries", "wethouder", dt.date(2020, 3, 1))
    assert geweigerd([eerder, AANBIEDER]) == ["ondertekening_voor_definitief"]
    assert "een_contract_kiezen" in geweigerd([GEMEENTE, AANBIEDER], aanbieders=[],
                                               soorten=["overeenkomst"])
    assert _geschiedenis(assen, assen_gegenereerd, db)[-1].stap == "definitief"


def test_op_de_opdrachtregel_en_in_status(assen_gegenereerd, tmp_path):
    assen = contracten.laad_regio(REGIOS, "assen")
    db = tmp_path / "r.sqlite"
    _definitief(assen, assen_gegenereerd, db)
    basis = ("--regios", str(REGIOS), "getekend", "assen", "--aanbieder", "wonen-plus",
             "--document", "overeenkomst", "--door", "P. Pieters", "--uitvoer",
             str(assen_gegenereerd), "--database", str(db))
    half = voer_uit(*basis, "--opdrachtgever", "J. de Vries", "--opdrachtgever-functie",
                    "wethouder", "--opdrachtgever-datum", "2020-03-03")
    assert half.code == 1
    assert "wie tekende voor de aanbieder (opdrachtnemer) ontbreekt" in half.stderr
    zonder_datum = voer_uit(*basis, "--opdrachtnemer", "A. Bakker")
    assert zonder_datum.code == 2 and "--opdrachtnemer-datum" in zonder_datum.stderr
    uit = voer_uit(*basis, "--opdrachtgever", "J. de Vries", "--opdrachtgever-functie",
                   "wethouder", "--opdrachtgever-datum", "2020-03-03", "--opdrachtnemer",
                   "A. Bakker", "--opdrachtnemer-functie", "bestuurder",
                   "--opdrachtnemer-datum", "2020-03-04")
    assert uit.code == 0, uit.stderr
    status = voer_uit("--regios", str(REGIOS), "status", "assen", "--aanbieder", "wonen-plus",
                      "--uitvoer", str(assen_gegenereerd), "--database", str(db))
    assert ("getekend voor de opdrachtgever door J. de Vries (wethouder) op 3 maart 2020"
            in status.stdout)
    assert "getekend voor de opdrachtnemer door A. Bakker (bestuurder) op 4 maart 2020" \
        in status.stdout
    als_json = json.loads(voer_uit("--regios", str(REGIOS), "status", "assen", "--json",
                                   "--aanbieder", "wonen-plus", "--document", "overeenkomst",
                                   "--uitvoer", str(assen_gegenereerd), "--database",
                                   str(db)).stdout)
    assert als_json["documenten"][0]["geschiedenis"][-1]["ondertekeningen"] == [
        {"partij": "opdrachtgever", "naam": "J. de Vries", "functie": "wethouder",
         "datum": "2020-03-03"},
        {"partij": "opdrachtnemer", "naam": "A. Bakker", "functie": "bestuurder",
         "datum": "2020-03-04"}]


def test_op_het_web_met_een_formulier_per_partij(regios, assen_gegenereerd, tmp_path):
    assen = contracten.laad_regio(regios, "assen")
    db = tmp_path / "r.sqlite"
    _definitief(assen, assen_gegenereerd, db, tijdstip=KLOK)
    client = TestClient(app_voor(regios, assen_gegenereerd, db, door="P. Pieters"))
    pagina = client.get("/regio/assen/goedkeuring").text
    rij = pagina[pagina.index(OVEREENKOMST):].split("</tr>")[0]
    assert "Getekend voor de gemeente" in rij and 'name="opdrachtnemer-functie"' in rij
    formulier = {"csrf": csrf(pagina), "pad": OVEREENKOMST, "stap": "getekend",
                 "sha256": versie(pagina, OVEREENKOMST),
                 "opdrachtgever": "J. de Vries", "opdrachtgever-functie": "wethouder",
                 "opdrachtgever-datum": KLOK.date().isoformat(), "opdrachtnemer": "A. Bakker",
                 "opdrachtnemer-functie": "bestuurder"}
    assert client.post("/regio/assen/stap", data=formulier).status_code == 400  # no date
    formulier["opdrachtnemer-datum"] = KLOK.date().isoformat()
    assert client.post("/regio/assen/stap", data=formulier,
                       follow_redirects=False).status_code == 303
    geschiedenis = client.get(f"/regio/assen/geschiedenis?pad={OVEREENKOMST}").text
    assert "getekend voor de opdrachtnemer door A. Bakker (bestuurder) op 1 december 2026" \
        in geschiedenis
