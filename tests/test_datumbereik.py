"""Dates far out (9999-12-31, 0001-01-01) are refused where they come in — a profile's YAML, a
date option on the command line, a date in a client file — with a message naming file and
field, instead of an overflow later ("year 10000 is out of range", an "Interne fout"). The
years 1900 to 2199 are accepted, and every date computed from them stays valid."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import contracten
from contracten.tijd import EERSTE_JAAR, LAATSTE_JAAR

from .conftest import REGIOS, voer_uit


@given(st.dates(min_value=dt.date(EERSTE_JAAR, 1, 1), max_value=dt.date(LAATSTE_JAAR, 12, 31)))
def test_een_datum_in_het_bereik_wordt_gelezen_in_beide_schrijfwijzen(datum):
    assert contracten.lees_datum(datum.isoformat()) == datum
    assert contracten.lees_datum(f"{datum.day}-{datum.month}-{datum.year}") == datum


@given(st.one_of(st.dates(max_value=dt.date(EERSTE_JAAR - 1, 12, 31)),
                 st.dates(min_value=dt.date(LAATSTE_JAAR + 1, 1, 1))))
def test_een_datum_buiten_het_bereik_wordt_geweigerd_met_een_code(datum):
    with pytest.raises(ValueError, match="ligt buiten de jaren 1900 tot en met 2199") as fout:
        contracten.lees_datum(datum.isoformat())
    assert getattr(fout.value, "code", None) == "datum_buiten_bereik"


@pytest.mark.parametrize("tekst", ["2026-02-30", "31-02-2027", "morgen", "2026-13-01"])
def test_geen_datum_blijft_geen_datum(tekst):
    with pytest.raises(ValueError, match="is geen datum") as fout:
        contracten.lees_datum(tekst)
    assert getattr(fout.value, "code", None) == "datum"


@pytest.mark.parametrize(("bestand", "oud", "nieuw", "plek"), [
    ("regio.yaml", "einde: 2029-12-31", "einde: 9999-12-31",
     "assen/regio.yaml:29: aanbesteding.looptijd.einde"),
    ("regio.yaml", "begin: 2026-01-01", "begin: 0001-01-01",
     "assen/regio.yaml:28: aanbesteding.looptijd.begin"),
    ("regio.yaml", "datum: 2025-05-14", "datum: 1899-12-31", "assen/regio.yaml:25: "
     "aanbesteding.datum"),
    ("tarieven/2025.yaml", "ingangsdatum: 2025-01-01", "ingangsdatum: 2200-01-01",
     "assen/tarieven/2025.yaml"),
])
def test_een_verre_datum_in_het_profiel_noemt_bestand_en_veld(regios, tmp_path, bestand, oud,
                                                              nieuw, plek):
    pad = regios / "assen" / bestand
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    for opdracht in (["valideer", "assen"],
                     ["genereer", "assen", "--uitvoer", str(tmp_path / "uit"), "--datum",
                      "2026-11-23"]):
        uit = voer_uit(*opdracht, env={"CONTRACTEN_REGIOS": str(regios)})
        assert uit.code == 1, uit.stderr
        assert plek in uit.stderr and "[datum_buiten_bereik]" in uit.stderr
        assert "de jaren 1900 tot en met 2199" in uit.stderr and "Interne fout" not in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_de_uiterste_datums_van_het_bereik_werken_van_begin_tot_eind(regios, tmp_path):
    """A looptijd ending on the last day of the range with every verlenging the profile allows
    (10 x 120 months): generating, the agenda, an opzegging and the status compute past it
    without an overflow."""
    regio = regios / "assen" / "regio.yaml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("einde: 2029-12-31",
                                                               "einde: 2199-12-31"),
                     encoding="utf-8")
    keuzes = regios / "assen" / "overeenkomst.yaml"
    keuzes.write_text(keuzes.read_text(encoding="utf-8").replace(
        "verlenging:\n  maanden: 12\n  aantal: 2", "verlenging:\n  maanden: 120\n  aantal: 10"),
        encoding="utf-8")
    omgeving = {"CONTRACTEN_REGIOS": str(regios)}
    uitvoer, register = str(tmp_path / "uit"), str(tmp_path / "register.sqlite")
    for opdracht in (
            ["genereer", "assen", "--uitvoer", uitvoer, "--datum", "2199-12-31"],
            ["opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", "2199-06-30",
             "--briefdatum", "2199-07-01", "--uitvoer", uitvoer],
            ["agenda", "assen", "--vanaf", "2199-01-01", "--binnen", "3650", "--uitvoer",
             uitvoer, "--database", register],
            ["status", "assen", "--uitvoer", uitvoer, "--database", register]):
        uit = voer_uit(*opdracht, env=omgeving)
        assert uit.code == 0, (opdracht, uit.stderr)
    assert "uiterste zorgdatum   2200-06-30" in voer_uit(
        "opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", "2199-06-30",
        "--briefdatum", "2199-07-01", "--uitvoer", uitvoer, env=omgeving).stdout


@pytest.mark.parametrize(("opdracht", "optie"), [
    (["genereer", "assen", "--datum", "9999-12-31"], "'--datum'"),
    (["agenda", "assen", "--vanaf", "1899-12-31"], "'--vanaf'"),
])
def test_een_verre_datum_als_optie_is_een_fout_gebruik(tmp_path, opdracht, optie):
    uit = voer_uit(*opdracht, "--uitvoer", str(tmp_path / "uit"),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 2 and optie in uit.stderr
    assert "ligt buiten de jaren 1900 tot en met 2199" in uit.stderr
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize(("opties", "plek"), [
    (["--datum", "9999-06-30"], "--ontvangen"),
    (["--datum", "2026-08-31", "--brief-aanbieder", "31-12-1899"], "--brief-aanbieder"),
])
def test_een_verre_datum_bij_een_opzegging_noemt_de_optie(tmp_path, opties, plek):
    uit = voer_uit("opzegging", "assen", "--aanbieder", "wonen-plus", *opties,
                   "--briefdatum", "2026-09-01", "--uitvoer", str(tmp_path / "uit"),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and f"{plek}: '" in uit.stderr, uit.stderr
    assert "ligt buiten de jaren 1900 tot en met 2199 [datum_buiten_bereik]" in uit.stderr
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("eind", ["9999-12-31", "31-12-9999", "01-01-1899"])
def test_een_verre_einddatum_van_een_beschikking_noemt_rij_en_kolom(tmp_path, eind):
    clienten = tmp_path / "clienten.csv"
    clienten.write_text("client,gemeente,product,einddatum_beschikking\n"
                        f"C-1,Assen,bw-toezicht,{eind}\n", encoding="utf-8")
    uit = voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--datum",
                   "2026-08-31", "--clienten", str(clienten), "--briefdatum", "2026-09-01",
                   "--uitvoer", str(tmp_path / "uit"), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    assert (f"clienten.csv:2: einddatum_beschikking: '{eind}' ligt buiten de jaren 1900 tot en "
            "met 2199 [datum_buiten_bereik]") in uit.stderr
    assert "Interne fout" not in uit.stderr and not (tmp_path / "uit").exists()
