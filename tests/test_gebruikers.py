"""People and roles: users in the register with a role and (for the web) an Argon2-hashed
password; who may take which step, per region; four eyes for definitief; with no users at
all, `--door` records any name, as for one person working alone."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
import yaml

import contracten
from contracten import InvoerFout
from contracten.register import migraties, schema
from contracten.register.verbinding import open_engine

from .conftest import REGIOS, voer_uit
from .test_register import database  # noqa: F401 - the fixture: SQLite and PostgreSQL

T = dt.datetime(2026, 12, 1, 9, 30)
GOED = "paarse olifant danst op zolder"
WONEN = ["wonen-plus"]


@pytest.fixture
def assen():
    return contracten.laad_regio(REGIOS, "assen")


def _team(db):
    contracten.voeg_gebruiker_toe("mr. J. Jansen", "jurist", tijdstip=T, database=db)
    contracten.voeg_gebruiker_toe("K. de Boer", "contractmanager", tijdstip=T, database=db,
                                  wachtwoord=GOED)
    contracten.voeg_gebruiker_toe("B. Admin", "beheerder", tijdstip=T, database=db)


def _codes(fout) -> set[str]:
    return {m.code for m in fout.value.meldingen}


def test_gebruikers_met_rol_en_een_gehasht_wachtwoord(database):  # noqa: F811
    _team(database)
    alle = {g.naam: g for g in contracten.gebruikers(database)}
    assert {n: (g.rol, g.actief, g.heeft_wachtwoord) for n, g in alle.items()} == {
        "mr. J. Jansen": ("jurist", True, False), "K. de Boer": ("contractmanager", True, True),
        "B. Admin": ("beheerder", True, False)}
    opgeslagen = alle["K. de Boer"].wachtwoord
    assert opgeslagen.startswith("$argon2id$") and GOED not in opgeslagen
    assert contracten.meld_aan("K. de Boer", GOED, database=database) == "K. de Boer"
    assert contracten.meld_aan("K. de Boer", GOED + "x", database=database) is None
    assert contracten.meld_aan("mr. J. Jansen", "", database=database) is None  # no web password
    assert contracten.meld_aan("niemand", GOED, database=database) is None
    contracten.wijzig_rol("B. Admin", "inkoper", tijdstip=T, database=database)
    contracten.schakel_gebruiker_uit("K. de Boer", tijdstip=T, database=database)
    alle = {g.naam: g for g in contracten.gebruikers(database)}
    assert alle["B. Admin"].rol == "inkoper" and not alle["K. de Boer"].actief
    assert contracten.meld_aan("K. de Boer", GOED, database=database) is None


@pytest.mark.parametrize(("wachtwoord", "code"), [
    ("kort", "wachtwoord_te_kort"), ("a", "wachtwoord_te_kort"),
    ("Wachtwoord123!", "wachtwoord_veelgebruikt"), ("123456789012", "wachtwoord_veelgebruikt"),
    ("aaaaaaaaaaaaaaaa", "wachtwoord_veelgebruikt"), ("qwertyuiop12", "wachtwoord_veelgebruikt"),
    ("!!Welkom2026!!", "wachtwoord_veelgebruikt"), ("kdeboer2026!!", "wachtwoord_veelgebruikt"),
])
def test_een_zwak_wachtwoord_wordt_geweigerd(tmp_path, wachtwoord, code):
    with pytest.raises(InvoerFout) as fout:
        contracten.voeg_gebruiker_toe("kdeboer", "jurist", tijdstip=T, wachtwoord=wachtwoord,
                                      database=tmp_path / "r.sqlite")
    assert _codes(fout) == {code}
    assert contracten.gebruikers(tmp_path / "r.sqlite") == []


def test_onbekende_rol_dubbele_en_onbekende_naam(tmp_path):
    db = tmp_path / "r.sqlite"
    with pytest.raises(InvoerFout) as fout:
        contracten.voeg_gebruiker_toe("x", "directeur", tijdstip=T, database=db)
    assert _codes(fout) == {"rol_onbekend"}
    contracten.voeg_gebruiker_toe("x", "jurist", tijdstip=T, database=db)
    with pytest.raises(InvoerFout) as fout:
        contracten.voeg_gebruiker_toe(" x ", "inkoper", tijdstip=T, database=db)
    assert _codes(fout) == {"gebruiker_bestaat"}
    with pytest.raises(InvoerFout) as fout:
        contracten.wijzig_rol("y", "jurist", tijdstip=T, database=db)
    assert _codes(fout) == {"gebruiker_onbekend"}
    with pytest.raises(InvoerFout) as fout:
        contracten.voeg_gebruiker_toe("a\x1b[31m", "jurist", tijdstip=T, database=db)
    assert _codes(fout) == {"naam_ongeldig"}


def test_de_migratie_is_de_laatste_en_maakt_de_tabellen(tmp_path):
    engine = open_engine(tmp_path / "r.sqlite")
    with engine.connect() as v:
        assert v.execute(sa.text("SELECT max(versie) FROM schemaversie")).scalar() \
            == migraties.LAATSTE
        assert v.execute(sa.select(sa.func.count()).select_from(schema.gebruikers)).scalar() == 0


def _definitief(assen, door: str, keuze) -> None:
    contracten.markeer_definitief(assen, datum=T.date(), door=door, tijdstip=T,
                                  ook_samenvattingen=True, ook_voorbeelden=True, **keuze)


def test_zonder_gebruikers_legt_door_elke_naam_vast(assen, assen_gegenereerd,
                                                    database):  # noqa: F811
    """One person working alone: akkoord and definitief by the same name, as before."""
    keuze = {"uitvoer": assen_gegenereerd, "database": database, "aanbieders": WONEN}
    contracten.zet_stap(assen, "juridisch_akkoord", door="wie dan ook", tijdstip=T, **keuze)
    _definitief(assen, "wie dan ook", keuze)
    assert contracten.wie_handelt(None, database) == ""
    assert contracten.wie_handelt("iemand", database) == "iemand"


def test_rol_per_stap_vier_ogen_en_geen_omweg_voor_de_beheerder(assen, assen_gegenereerd,
                                                                 database):  # noqa: F811
    _team(database)
    keuze = {"uitvoer": assen_gegenereerd, "database": database, "aanbieders": WONEN}
    for door, code in (("B. Admin", "rol_niet_toegestaan"), ("K. de Boer", "rol_niet_toegestaan"),
                       ("onbekend", "gebruiker_onbekend"), ("", "naam_ontbreekt")):
        with pytest.raises(InvoerFout) as fout:
            contracten.zet_stap(assen, "juridisch_akkoord", door=door, tijdstip=T, **keuze)
        assert code in _codes(fout), door
    assert all(d.status == "concept" for d in contracten.status(
        assen, tijdstip=T, **keuze).documenten)  # nothing recorded
    contracten.zet_stap(assen, "juridisch_akkoord", door="mr. J. Jansen", tijdstip=T, **keuze)
    with pytest.raises(InvoerFout) as fout:  # a jurist does not make definitief
        _definitief(assen, "mr. J. Jansen", keuze)
    assert _codes(fout) == {"rol_niet_toegestaan"}
    contracten.wijzig_rol("mr. J. Jansen", "contractmanager", tijdstip=T, database=database)
    with pytest.raises(InvoerFout) as fout:  # nor the one who gave akkoord, in another role
        _definitief(assen, "mr. J. Jansen", keuze)
    assert _codes(fout) == {"vier_ogen"}
    assert "vier ogen" in str(fout.value)
    _definitief(assen, "K. de Boer", keuze)
    contracten.schakel_gebruiker_uit("K. de Boer", tijdstip=T, database=database)
    with pytest.raises(InvoerFout) as fout:
        contracten.zet_stap(assen, "getekend", door="K. de Boer", tijdstip=T, **keuze)
    assert "gebruiker_uitgeschakeld" in _codes(fout)


def test_de_rollen_zijn_per_regio_in_te_stellen(regios, assen_gegenereerd, tmp_path):
    db = tmp_path / "r.sqlite"
    _team(db)
    profiel = regios / "assen" / "regio.yaml"
    profiel.write_text(profiel.read_text(encoding="utf-8") + "\nrollen:\n  juridisch_akkoord: "
                       "[jurist, contractmanager]\n  vier_ogen: false\n", encoding="utf-8")
    assen = contracten.laad_regio(regios, "assen")
    assert assen.regio.rollen.definitief == ["contractmanager"]  # the default stays
    keuze = {"uitvoer": assen_gegenereerd, "database": db, "aanbieders": WONEN}
    contracten.zet_stap(assen, "juridisch_akkoord", door="K. de Boer", tijdstip=T, **keuze)
    _definitief(assen, "K. de Boer", keuze)
    data = yaml.safe_load(profiel.read_text(encoding="utf-8"))
    data["rollen"] = {"definitief": ["beheerder"]}
    profiel.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:  # a region cannot let the beheerder take a step
        contracten.laad_regio(regios, "assen")
    assert "rollen.definitief" in str(fout.value)


def test_opdrachtregel_gebruiker_en_de_naam_van_het_besturingssysteem(
        assen_gegenereerd, tmp_path, monkeypatch):
    db = str(tmp_path / "r.sqlite")
    basis = ("--regios", str(REGIOS))
    uit = voer_uit(*basis, "gebruiker", "toevoegen", "mr. J. Jansen", "--rol", "jurist",
                   "--database", db)
    assert uit.code == 0 and "mr. J. Jansen: jurist, alleen opdrachtregel" in uit.stdout
    uit = voer_uit(*basis, "gebruiker", "toevoegen", "kdb", "--rol", "contractmanager",
                   "--wachtwoord", "--database", db, invoer=b"kort\n")
    assert uit.code == 1 and "minstens 12 tekens" in uit.stderr and "[wachtwoord_te_kort]" \
        in uit.stderr
    uit = voer_uit(*basis, "gebruiker", "toevoegen", "kdb", "--rol", "contractmanager",
                   "--wachtwoord", "--database", db, invoer=f"{GOED}\n".encode())
    assert uit.code == 0 and "kdb: contractmanager, web en opdrachtregel" in uit.stdout
    assert GOED not in uit.stdout + uit.stderr
    uit = voer_uit(*basis, "gebruiker", "rol", "kdb", "directeur", "--database", db)
    assert uit.code == 2
    monkeypatch.setattr("getpass.getuser", lambda: "mr. J. Jansen")
    akkoord = (*basis, "akkoord", "assen", "--aanbieder", "wonen-plus", "--uitvoer",
               str(assen_gegenereerd), "--database", db)
    uit = voer_uit(*akkoord, "--door", "mr. X")
    assert uit.code == 1 and "'mr. X' is geen gebruiker in het register" in uit.stderr
    uit = voer_uit(*akkoord, env={"CONTRACTEN_DOOR": None})
    assert uit.code == 0, uit.stderr
    stand = contracten.status(contracten.laad_regio(REGIOS, "assen"), tijdstip=T,
                              uitvoer=assen_gegenereerd, database=db, aanbieders=WONEN)
    assert {d.stand.geschiedenis[-1].door for d in stand.documenten} == {"mr. J. Jansen"}
    uit = voer_uit(*basis, "gebruiker", "uitschakelen", "kdb", "--database", db)
    assert uit.code == 0
    uit = voer_uit(*basis, "gebruiker", "lijst", "--database", db)
    assert "kdb: contractmanager, web en opdrachtregel (uitgeschakeld)" in uit.stdout
