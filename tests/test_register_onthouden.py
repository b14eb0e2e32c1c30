"""What a long-running process remembers of the register between requests (`onthoud=True`, the
web application): the same answers as reading everything again, new steps seen at once, and a
row changed past the triggers still reported, within `HELE_KETEN_NA` seconds."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import contracten
from contracten.register import keten, onthouden
from contracten.register.verbinding import open_engine

from .conftest import REGIOS
from .test_register import database  # noqa: F401 - the fixture: SQLite and PostgreSQL
from .webhulp import app_voor

T = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
DRIE = ["wonen-plus", "stichting-het-anker", "zorg-welzijn-de-brug"]


@pytest.fixture
def assen():
    return contracten.laad_regio(REGIOS, "assen")


def _sqlite(pad: str, *sql: str) -> None:
    """Edit the register as someone with the sqlite3 tool would, past our program."""
    verbinding = sqlite3.connect(pad)
    for opdracht in ("DROP TRIGGER IF EXISTS stappen_geen_update", *sql):
        verbinding.execute(opdracht)
    verbinding.commit()
    verbinding.close()


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _standen(uitkomst: contracten.StatusResultaat) -> list[tuple[str, str, list[str]]]:
    return [(d.stand.pad, d.status, [s.door for s in d.stand.geschiedenis])
            for d in uitkomst.documenten]


def test_onthouden_geeft_hetzelfde_als_alles_opnieuw_lezen(assen, assen_gegenereerd,
                                                           database):  # noqa: F811
    keuze = {"uitvoer": assen_gegenereerd, "database": database}
    eerst = contracten.status(assen, tijdstip=T, onthoud=True, **keuze)
    assert {d.status for d in eerst.documenten} == {"concept"}
    for i, aanbieder in enumerate(DRIE):  # each step seen by the next look, not the one before
        contracten.zet_stap(assen, "juridisch_akkoord", door=f"J{i}", tijdstip=T,
                            aanbieders=[aanbieder], **keuze)
        onthouden_ = contracten.status(assen, tijdstip=T, onthoud=True, **keuze)
        vers = contracten.status(assen, tijdstip=T, **keuze)
        assert _standen(onthouden_) == _standen(vers)
        assert onthouden_.contracten == vers.contracten
        assert sum(d.status == "juridisch_akkoord" for d in onthouden_.documenten) == \
            sum(d.status == "juridisch_akkoord" for d in vers.documenten) > i
    assert onthouden_.keten == vers.keten == ()


def test_de_keten_stap_voor_stap_gecontroleerd_is_de_hele_keten(assen, assen_gegenereerd,
                                                                tmp_path):
    db = str(tmp_path / "r.sqlite")
    keuze = {"uitvoer": assen_gegenereerd, "database": db}
    engine = open_engine(db)
    stukje = keten.Ketenstand()
    for aanbieder in DRIE:  # as the web sees it: after each step, only what is new
        contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                            aanbieders=[aanbieder], **keuze)
        with engine.connect() as v:
            stukje = keten.controleer(v, stukje)
            assert stukje == keten.controleer(v) and not stukje.fouten
    _sqlite(db, "INSERT INTO stappen (document, stap, door, op, keten) SELECT document, "
                "'getekend', 'X', op, 'nep' FROM stappen WHERE id = 1")
    with engine.connect() as v:
        stukje = keten.controleer(v, stukje)
        geheel = keten.controleer(v)
    assert stukje == geheel
    assert geheel.tot > 3 and geheel.begonnen
    assert len(geheel.fouten) == 1 and "(getekend) is gewijzigd" in geheel.fouten[0]


def test_knoeien_wordt_binnen_de_termijn_gemeld_een_nieuwe_stap_meteen(assen, assen_gegenereerd,
                                                                        tmp_path):
    db = str(tmp_path / "r.sqlite")
    keuze = {"uitvoer": assen_gegenereerd, "database": db}
    for aanbieder in DRIE[:2]:
        contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                            aanbieders=[aanbieder], **keuze)
    engine = open_engine(db)
    klok = iter([0.0, 1.0, 2.0, onthouden.HELE_KETEN_NA + 0.5, onthouden.HELE_KETEN_NA + 1])

    def kijk() -> list[str]:
        with engine.connect() as v:
            return onthouden.controleer_keten(engine, v, klok=lambda: next(klok))

    assert kijk() == []  # the whole chain, the first time
    _sqlite(db, "UPDATE stappen SET door = 'iemand anders' WHERE id = 1")
    assert kijk() == []  # remembered: nothing was added, the old row is not read again
    # a step added past our program, with a hash that does not follow: seen at once
    _sqlite(db, "INSERT INTO stappen (document, stap, door, op, keten) SELECT document, "
                "'getekend', 'X', op, 'nep' FROM stappen WHERE id = 1")
    assert [f for f in kijk() if "getekend" in f]
    gemeld = kijk()  # HELE_KETEN_NA later: the whole chain again
    assert any(f.startswith("stap 1 ") for f in gemeld)
    assert kijk() == gemeld


def test_de_regiopagina_meldt_een_register_waarin_is_geknoeid(assen, assen_gegenereerd,
                                                              tmp_path):
    db = tmp_path / "r.sqlite"
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T,
                        aanbieders=["wonen-plus"], uitvoer=assen_gegenereerd, database=str(db))
    assert contracten.status(assen, tijdstip=T, uitvoer=assen_gegenereerd,
                             database=str(db)).keten == ()
    _sqlite(str(db), "UPDATE stappen SET door = 'iemand anders' WHERE id = 1")
    client = TestClient(app_voor(REGIOS, assen_gegenereerd, db))
    for pagina in ("/regio/assen", "/regio/assen/goedkeuring"):
        html = client.get(pagina).text
        assert 'role="alert" id="keten"' in html, pagina
        assert "de geschiedenis in het register klopt niet meer" in html
        assert "stap 1 (juridisch_akkoord) is gewijzigd" in html


@pytest.mark.parametrize("na", [1, 2])
def test_een_stap_van_een_ander_tussen_de_lezingen_is_geen_fout(assen, assen_gegenereerd,
                                                                 database, na):  # noqa: F811
    """A step committed by another writer while the chain is being read (PostgreSQL reads each
    statement as committed at its start) is checked with its own version and signatures, or
    not yet at all: never reported as a broken register."""
    if not str(database).startswith("postgresql"):
        pytest.skip("SQLite leest binnen een transactie één momentopname (en een schrijver "
                    "wacht op de lezer): daar kan dit niet gebeuren")
    keuze = {"uitvoer": assen_gegenereerd, "database": database}
    poe, overeenkomst = (f"assen/2025/{p}" for p in ("programma-van-eisen.docx",
                                                      f"overeenkomsten/{DRIE[1]}.docx"))
    contracten.zet_stap(assen, "juridisch_akkoord", door="J", tijdstip=T, paden=[poe],
                        sha256=_sha(assen_gegenereerd / poe), **keuze)
    engine = open_engine(database)
    with engine.connect() as v:
        lezingen = []
        echt = v.execute

        def execute(*args, **kwargs):  # after the na-th statement another writer records
            uit = echt(*args, **kwargs)
            lezingen.append(args[0])
            if len(lezingen) == na:
                contracten.zet_stap(assen, "juridisch_akkoord", door="K", tijdstip=T,
                                    paden=[overeenkomst],
                                    sha256=_sha(assen_gegenereerd / overeenkomst), **keuze)
            return uit

        v.execute = execute  # type: ignore[method-assign]
        stand = keten.controleer(v)
    assert stand.fouten == ()
    with engine.connect() as v:  # and the step is in the chain, checked
        assert keten.controleer(v).tot > stand.tot or len(lezingen) < na
        assert keten.controleer(v).fouten == ()
