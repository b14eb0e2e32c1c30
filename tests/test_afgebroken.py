"""The last word after Ctrl-C or SIGTERM says what the command had already committed: nothing,
its new output (see test_alles_of_niets), a change of the profile, a step in the register, or
a file the user asked for. It never says that nothing changed when something had."""

from __future__ import annotations

import sqlalchemy as sa

import contracten
from contracten.profiel import wissel
from contracten.register import schema
from contracten.register.verbinding import open_engine

# Imported here, before any test patches `wissel.voer_uit`: it binds that function under its own
# name when first imported, and would otherwise keep a test's patch for the rest of the session.
from contracten.uitvoer import journaal

from .conftest import REGIOS, voer_uit
from .test_register import database  # noqa: F401 - the fixture: SQLite and PostgreSQL

NIETS = "Afgebroken; er is niets gewijzigd.\n"
REGISTER = "Afgebroken; wat deze opdracht al in het register vastlegde, blijft staan.\n"


def _onderbroken(monkeypatch, eigenaar: object, naam: str, *, na: bool) -> None:
    """Ctrl-C just before or just after each call of `eigenaar.naam` (a function of the API or
    of a module, a method of a class)."""
    echt = getattr(eigenaar, naam)

    def onderbroken(*args, **kwargs):
        if na:
            echt(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(eigenaar, naam, onderbroken)


def _indexeer(regios, *extra):
    return voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                    "--percentage", "3.5", "--datum", "2025-11-20", *extra)


def _akkoord(uitvoer, db):
    return voer_uit("--regios", str(REGIOS), "akkoord", "assen", "--aanbieder", "wonen-plus",
                    "--uitvoer", str(uitvoer), "--database", db,
                    env={"CONTRACTEN_DOOR": "mr. J. Jansen"})


def _status(uitvoer, db):
    return voer_uit("--regios", str(REGIOS), "status", "assen", "--aanbieder", "wonen-plus",
                    "--uitvoer", str(uitvoer), "--database", db)


def test_ctrl_c_na_een_stap_in_het_register_zegt_dat_die_blijft(monkeypatch, assen_gegenereerd,
                                                                 tmp_path):
    db = str(tmp_path / "register.sqlite")
    # The register made and up to date first: only the step itself is left to write.
    assert _status(assen_gegenereerd, db).code == 0
    _onderbroken(monkeypatch, contracten, "zet_stap", na=True)
    uit = _akkoord(assen_gegenereerd, db)
    assert (uit.code, uit.stderr) == (130, REGISTER)
    monkeypatch.undo()
    assert "juridisch akkoord" in _status(assen_gegenereerd, db).stdout  # and so it is


def test_ctrl_c_voor_de_stap_of_na_alleen_lezen_zegt_niets_gewijzigd(monkeypatch,
                                                                     assen_gegenereerd, tmp_path):
    db = str(tmp_path / "register.sqlite")
    with monkeypatch.context() as m:
        _onderbroken(m, contracten, "zet_stap", na=False)
        assert (_akkoord(assen_gegenereerd, db).stderr) == NIETS
    assert _akkoord(assen_gegenereerd, db).code == 0
    assert _status(assen_gegenereerd, db).code == 0  # what status records, it records now
    # A command that only read the register (its transactions committed, none wrote), after a
    # command that wrote, in the same process: each command starts afresh.
    assert _akkoord(assen_gegenereerd, db).code == 0
    _onderbroken(monkeypatch, contracten, "status", na=True)
    uit = _status(assen_gegenereerd, db)
    assert (uit.code, uit.stderr) == (130, NIETS)


def test_alleen_een_transactie_die_schreef_en_committe_telt(database):  # noqa: F811
    engine = open_engine(database)  # made and migrated: that wrote
    assert contracten.vastgelegd().register
    tabel = schema.regiomappen
    contracten.begin_opdracht()
    with engine.begin() as v:  # only reads
        v.execute(sa.select(tabel.c.map)).all()
    with engine.connect() as v:  # wrote, then rolled back
        v.execute(tabel.insert().values(regio="assen", map="/a"))
        v.rollback()
    assert not contracten.vastgelegd().register
    with engine.begin() as v:  # the rolled-back write is not carried into the next one
        v.execute(sa.select(tabel.c.map)).all()
    assert not contracten.vastgelegd().register
    with engine.begin() as v:
        v.execute(tabel.insert().values(regio="assen", map="/a"))
    assert contracten.vastgelegd().register
    contracten.begin_opdracht()
    assert not contracten.vastgelegd().register


def test_ctrl_c_na_het_bijwerken_van_het_profiel_zegt_dat_het_bijgewerkt_is(monkeypatch,
                                                                          regios):
    _onderbroken(monkeypatch, wissel, "voer_uit", na=True)  # the files have just moved in
    uit = _indexeer(regios)
    assert (uit.code, uit.stderr) == (
        130, f"Afgebroken; het profiel in {regios / 'assen'} is al bijgewerkt.\n")
    assert (regios / "assen/tarieven/2026.yaml").is_file()


def test_ctrl_c_voor_het_bijwerken_van_het_profiel_zegt_niets_gewijzigd(monkeypatch, regios):
    # before the commit of profile and documents together
    _onderbroken(monkeypatch, wissel.Profielwissel, "_journaal", na=False)
    uit = _indexeer(regios, "--genereer", "--uitvoer", str(regios.parent / "uit"))
    assert (uit.code, uit.stderr) == (130, NIETS)
    assert not (regios / "assen/tarieven/2026.yaml").exists()


def test_ctrl_c_bij_het_vastleggen_van_documenten_en_profiel_samen_noemt_beide(monkeypatch,
                                                                              regios):
    """`indexeer --genereer`: the profile's change commits with the output folder's journal;
    Ctrl-C as its files move in. The commit finishes on the way out, and the last word names
    both."""
    echt, keer = journaal.voer_profielwissel_uit, []

    def onderbroken(staging):
        echt(staging)
        if not keer:  # once: the way out finishes the commit
            keer.append(staging)
            raise KeyboardInterrupt

    monkeypatch.setattr(journaal, "voer_profielwissel_uit", onderbroken)
    uitvoer = regios.parent / "uit"
    uit = _indexeer(regios, "--genereer", "--uitvoer", str(uitvoer))
    assert keer and (uit.code, uit.stderr) == (
        130, f"Afgebroken; de nieuwe uitvoer in {uitvoer / 'assen' / '2026'} staat er al "
        f"volledig; het profiel in {regios / 'assen'} is al bijgewerkt.\n")
    assert (regios / "assen/tarieven/2026.yaml").is_file()
    assert (uitvoer / "assen/2026/manifest.json").is_file()


def test_ctrl_c_na_het_schrijven_van_gevraagde_bestanden_noemt_ze(monkeypatch, tmp_path):
    ics, xlsx = tmp_path / "termijnen.ics", tmp_path / "termijnen.xlsx"
    argumenten = ["--regios", str(REGIOS), "agenda", "assen", "--vanaf", "2026-01-01",
                  "--uitvoer", str(tmp_path / "uit"), "--database", str(tmp_path / "r.sqlite")]
    assert voer_uit(*argumenten).code == 0  # the register made: the next run only reads it
    _onderbroken(monkeypatch, contracten, "agenda", na=True)
    uit = voer_uit(*argumenten, "--ics", str(ics), "--xlsx", str(xlsx))
    assert (uit.code, uit.stderr) == (130, f"Afgebroken; {ics} en {xlsx} zijn al geschreven.\n")
    assert ics.is_file() and xlsx.is_file()
