"""The agenda and the register follow what happened: an opzegging ends a contract's future
deadlines (with its own opzegtermijn), a recorded verlenging moves the end, and a contract is
'beëindigd' after its last day, on the command line, in the register and on the web."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from starlette.testclient import TestClient

import contracten
from contracten.rekenen.contractstand import Opzegfeit
from contracten.rekenen.termijnen import termijnen

from .conftest import voer_uit, wijzig_yaml
from .webhulp import app_voor

T = dt.datetime(2027, 1, 4, 9, 0)
PARTNER = "stichting-samen-eemland"  # Amersfoort's one contractpartner
REGIO_SOORTEN = {"einde", "verlenging", "opzeggen-opdrachtgever", "indexatie"}


def _opzeggen_per_30_december_2029(regios, uitvoer):
    """Amersfoort terminates its only contract, received 15 December 2028, against 30 December
    2029 (twelve months' notice, artikel 1.3)."""
    amersfoort = contracten.laad_regio(regios, "amersfoort")
    return contracten.opzegging(amersfoort, aanbieder=PARTNER, door="gemeente",
                                ontvangen=dt.date(2028, 12, 15), tegen=dt.date(2029, 12, 30),
                                briefdatum=dt.date(2028, 12, 14), uitvoer=uitvoer)


def _agenda(regios, uitvoer, database, tijdstip=T):
    return contracten.agenda(contracten.laad_regio(regios, "amersfoort"),
                             vanaf=dt.date(2027, 1, 1), binnen=3650, tijdstip=tijdstip,
                             uitvoer=uitvoer, database=database)


def test_na_de_opzegging_geen_verlenging_indexatie_of_opzegtermijn_meer(regios, tmp_path):
    uitvoer, database = tmp_path / "uit", tmp_path / "r.sqlite"
    voor = {t.soort for t in _agenda(regios, uitvoer, database).termijnen}
    assert voor >= REGIO_SOORTEN  # without the opzegging: all of them
    _opzeggen_per_30_december_2029(regios, uitvoer)
    lijst = _agenda(regios, uitvoer, database).termijnen
    laatste = dt.date(2029, 12, 30)
    assert not [t for t in lijst if t.soort in REGIO_SOORTEN and t.datum > laatste]
    assert not {"verlenging", "opzeggen-opdrachtgever"} & {t.soort for t in lijst}
    assert "einde" not in {t.soort for t in lijst}  # 31 December 2030 no longer comes
    opzegging = {t.sleutel.rsplit("/", 1)[1]: t.datum for t in lijst if t.soort == "opzegging"}
    assert opzegging["einde"] == laatste
    assert opzegging["zorg-tot"] == dt.date(2030, 6, 30)  # six months' doorlevering
    assert [t.datum for t in lijst if t.soort == "indexatie"] == [dt.date(2028, 1, 1),
                                                                  dt.date(2029, 1, 1)]


def test_het_register_en_de_status_volgen_de_opzegging_en_de_datum(regios, tmp_path):
    uitvoer, database = tmp_path / "uit", tmp_path / "r.sqlite"
    _opzeggen_per_30_december_2029(regios, uitvoer)
    amersfoort = contracten.laad_regio(regios, "amersfoort")

    def stand(dag: dt.date):
        [c] = contracten.status(amersfoort, tijdstip=dt.datetime.combine(dag, dt.time(9)),
                                uitvoer=uitvoer, database=database).contracten
        return c

    op_de_laatste_dag = stand(dt.date(2029, 12, 30))
    assert (op_de_laatste_dag.status, op_de_laatste_dag.einde) == ("opgezegd",
                                                                    dt.date(2029, 12, 30))
    assert op_de_laatste_dag.opzegtermijn_maanden == 12  # the opzegging's own, not the PvE's 6
    assert op_de_laatste_dag.verlengingen_over == 0
    assert stand(dt.date(2029, 12, 31)).status == "beëindigd"
    uit = voer_uit("--regios", str(regios), "status", "amersfoort", "--uitvoer", str(uitvoer),
                   "--database", str(database))
    assert uit.code == 0
    assert (f"{PARTNER}: opgezegd (opzegging ontvangen 15 december 2028), laatste dag "
            "30 december 2029") in uit.stdout
    json_ = json.loads(voer_uit("--regios", str(regios), "status", "amersfoort", "--json",
                                "--uitvoer", str(uitvoer), "--database",
                                str(database)).stdout)
    assert json_["contracten"][0]["einde"] == "2029-12-30"
    assert json_["contracten"][0]["zorg_tot"] == "2030-06-30"


def test_de_webpagina_toont_het_einde_na_opzegging_en_beeindigd(regios, tmp_path):
    uitvoer, database = tmp_path / "uit", tmp_path / "r.sqlite"
    _opzeggen_per_30_december_2029(regios, uitvoer)
    app = app_voor(regios, uitvoer, database, door="mr. J. Jansen")
    html = TestClient(app).get("/regio/amersfoort").text
    rij = html[html.index('<div id="contracten">'):].split("</div>")[0]
    assert "30 december 2029" in rij and "31 december 2030" not in rij
    assert "opgezegd (opzegging ontvangen 15 december 2028)" in rij


def test_een_afgelopen_looptijd_is_beeindigd(regios, tmp_path):
    assen = contracten.laad_regio(regios, "assen")
    stand = contracten.status(assen, tijdstip=dt.datetime(2030, 1, 1, 9), uitvoer=tmp_path,
                              database=tmp_path / "r.sqlite")
    assert {c.status for c in stand.contracten} == {"beëindigd"}
    stand = contracten.status(assen, tijdstip=dt.datetime(2029, 12, 31, 9), uitvoer=tmp_path,
                              database=tmp_path / "r.sqlite")
    assert {c.status for c in stand.contracten} == {"lopend"}


def test_een_vastgelegde_verlenging_verschuift_het_einde(regios, tmp_path):
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d["verlenging"].update(gebruikt=1))
    assen = contracten.laad_regio(regios, "assen")
    [c, *_] = contracten.status(assen, tijdstip=T, uitvoer=tmp_path,
                                database=tmp_path / "r.sqlite").contracten
    assert (c.einde, c.verlengingen_over) == (dt.date(2030, 12, 31), 1)
    # and an opzegging against the new end is accepted
    contracten.opzegging(assen, aanbieder="wonen-plus", ontvangen=dt.date(2030, 5, 1),
                         tegen=dt.date(2030, 12, 31), briefdatum=dt.date(2030, 5, 2),
                         uitvoer=tmp_path)


def test_de_opzegging_met_een_eigen_termijn(regios, tmp_path):
    """`--opzegtermijn 3`: the agenda and the register use three months, not the profile's six."""
    assen = contracten.laad_regio(regios, "assen")
    contracten.opzegging(assen, aanbieder="wonen-plus", ontvangen=dt.date(2027, 3, 15),
                         opzegtermijn=3, briefdatum=dt.date(2027, 3, 20), uitvoer=tmp_path)
    uitkomst = contracten.agenda(assen, vanaf=dt.date(2027, 1, 1), binnen=3650, tijdstip=T,
                                 uitvoer=tmp_path, database=tmp_path / "r.sqlite")
    eigen = {t.sleutel.rsplit("/", 1)[1]: t.datum for t in uitkomst.termijnen
             if t.soort == "opzegging"}
    assert eigen == {"instroomstop": dt.date(2027, 3, 16), "einde": dt.date(2027, 6, 15),
                     "zorg-tot": dt.date(2027, 12, 15)}
    # another contract runs on: the region's deadlines stay
    assert "verlenging" in {t.soort for t in uitkomst.termijnen}
    assert not [t for t in uitkomst.termijnen if t.aanbieder == "wonen-plus"
                and t.soort == "socialreturn-rapportage" and t.datum.year > 2028]


def test_een_opzegmap_van_voor_de_vastlegging_leest_het_profiel(regios, tmp_path):
    """A folder whose manifest does not record the opzegging (made by an older version) is read
    as the profile's opzegtermijn from the day in its name, as before."""
    assen = contracten.laad_regio(regios, "assen")
    uitkomst = contracten.opzegging(assen, aanbieder="wonen-plus", ontvangen=dt.date(2027, 3, 15),
                                    opzegtermijn=3, briefdatum=dt.date(2027, 3, 20),
                                    uitvoer=tmp_path / "nieuw")
    map_ = tmp_path / "nieuw/assen/opzeggingen/wonen-plus/2027-03-15"
    assert map_.is_dir() and uitkomst.schema.einde_overeenkomst == dt.date(2027, 6, 15)
    oud = tmp_path / "oud/assen/opzeggingen/wonen-plus/2027-03-15"
    shutil.copytree(map_, oud)
    manifest = json.loads((oud / "manifest.json").read_text(encoding="utf-8"))
    del manifest["opzegging"]
    (oud / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    [c] = contracten.status(assen, tijdstip=T, uitvoer=tmp_path / "oud",
                            database=tmp_path / "r.sqlite", aanbieders=["wonen-plus"]).contracten
    assert (c.einde, c.opzegtermijn_maanden) == (dt.date(2027, 9, 15), 6)


def test_termijnen_zonder_register_zijn_zuiver(regios):
    """The calendar is computed from the profile and the opzeggingen given, nothing else."""
    amersfoort = contracten.laad_regio(regios, "amersfoort")
    feit = Opzegfeit(dt.date(2028, 12, 15), 12, dt.date(2029, 12, 30), dt.date(2030, 6, 30))
    met = termijnen(amersfoort, {PARTNER: feit})
    assert max(t.datum for t in met) == dt.date(2030, 6, 30)
    assert termijnen(amersfoort, {PARTNER: feit}) == met
    assert max(t.datum for t in termijnen(amersfoort, {})) == dt.date(2030, 12, 31)


def test_een_taakgerichte_regio_indexeert_een_budget(regios):
    """Amersfoort buys task-based: its indexation is of a budget, Assen's of tarieven."""
    amersfoort = termijnen(contracten.laad_regio(regios, "amersfoort"), {})
    assert [t.wat for t in amersfoort if t.soort == "indexatie"][:1] == [
        "geïndexeerd budget 2028 gaat in (voorbeeld)"]
    assen = termijnen(contracten.laad_regio(regios, "assen"), {})
    assert [t.wat for t in assen if t.soort == "indexatie"][:1] == [
        "geïndexeerde tarieven 2027 gaan in (voorbeeld)"]
