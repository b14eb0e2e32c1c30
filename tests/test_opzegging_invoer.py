"""Opzegging, what comes in: client lists as inkoop has them (semicolon CSV from a Dutch Excel,
an .xlsx sheet, stdin, dates as 31-12-2026), and dates that make no sense for a termination."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from .conftest import REGIOS, voer_uit

ASSEN = {"CONTRACTEN_REGIOS": str(REGIOS)}
VERWACHT = {"C-0001": "2026-12-31", "C-0002": "2027-08-31", "C-0003": "2027-08-31"}


def opzeggen(tmp_path, *extra: str, invoer: bytes | None = None, datum: str = "2026-08-31",
             briefdatum: str = "2026-09-01"):
    return voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--datum", datum,
                    "--briefdatum", briefdatum, "--uitvoer", str(tmp_path / "uit"), "--json",
                    *extra, env=ASSEN, invoer=invoer)


def zorg_tot(uit) -> dict[str, str]:
    assert uit.code == 0, uit.stderr
    return {c["client"]: c["zorg_tot"] for c in json.loads(uit.stdout)["clienten"]}


def test_puntkomma_csv_uit_nederlandse_excel_met_datums_als_31_12_2026(tmp_path):
    pad = tmp_path / "clienten.csv"
    pad.write_bytes("\ufeffclient;gemeente;product;einddatum_beschikking\r\n"
                    "C-0001;Assen;bw-toezicht;31-12-2026\r\nC-0002;Assen;bw-nabij;31-1-2028\r\n"
                    "C-0003;Tynaarlo;bw-toezicht;\r\n".encode())
    assert zorg_tot(opzeggen(tmp_path, "--clienten", str(pad))) == VERWACHT


def test_een_excelwerkmap_met_echte_datums(tmp_path):
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.append(["client", "gemeente", "product", "einddatum_beschikking"])
    blad.append(["C-0001", "Assen", "bw-toezicht", dt.datetime(2026, 12, 31)])
    blad.append(["C-0002", "Assen", "bw-nabij", "2028-01-31"])
    blad.append(["C-0003", "Tynaarlo", "bw-toezicht", None])
    boek.save(tmp_path / "clienten.xlsx")
    uit = opzeggen(tmp_path, "--clienten", str(tmp_path / "clienten.xlsx"))
    assert zorg_tot(uit) == VERWACHT
    manifest = json.loads((tmp_path / "uit/assen/opzeggingen/zorg-welzijn-de-brug/2026-08-31/"
                           "manifest.json").read_text(encoding="utf-8"))
    assert "clienten.xlsx" in {i["pad"] for i in manifest["invoer"]}  # it made these documents


def test_een_bsn_als_getal_in_excel_wordt_geweigerd_en_niet_herhaald(tmp_path):
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.append(["client", "gemeente", "product", "einddatum_beschikking"])
    blad.append([111222333, "Assen", "bw-toezicht", None])
    boek.save(tmp_path / "clienten.xlsx")
    uit = opzeggen(tmp_path, "--clienten", str(tmp_path / "clienten.xlsx"))
    assert uit.code == 1 and "clienten.xlsx:2: client" in uit.stderr and "[bsn]" in uit.stderr
    assert "111222333" not in uit.stdout + uit.stderr
    assert not (tmp_path / "uit").exists()


def test_clienten_van_de_standaardinvoer(tmp_path):
    lijst = b"client,gemeente,product,einddatum_beschikking\nC-0001,Assen,bw-toezicht,2026-12-31\n"
    assert zorg_tot(opzeggen(tmp_path, "--clienten", "-", invoer=lijst)) == {
        "C-0001": "2026-12-31"}


def test_een_kapotte_excelwerkmap_is_een_invoerfout(tmp_path):
    pad = tmp_path / "clienten.xlsx"
    pad.write_bytes(b"PK\x03\x04 geen echte werkmap")
    uit = opzeggen(tmp_path, "--clienten", str(pad))
    assert uit.code == 1 and "clienten.xlsx" in uit.stderr and "[xlsx]" in uit.stderr


def test_een_opzegging_met_terugwerkende_kracht_alleen_als_dat_gevraagd_is(tmp_path):
    """The gemeente's letter is the notice: received before its own date only on purpose."""
    uit = opzeggen(tmp_path, "--door", "gemeente", datum="2026-08-31", briefdatum="2026-09-02")
    assert uit.code == 1 and "[terugwerkend]" in uit.stderr and "2026-09-02" in uit.stderr
    assert "--" not in uit.stderr.split("]")[0]  # the library names parameters, not flags
    assert not (tmp_path / "uit").exists()
    uit = opzeggen(tmp_path, "--door", "gemeente", "--terugwerkend", datum="2026-08-31",
                   briefdatum="2026-09-02")
    assert uit.code == 0, uit.stderr
    r = json.loads(uit.stdout)
    # The gemeente terminates: no instroomstop (Assen § 1.6.1 follows the aanbieder's notice).
    assert r["begin_opzegtermijn"] == "2026-09-01" and r["instroomstop"] is None


def test_een_opzegging_van_de_aanbieder_wordt_niet_bevestigd_voor_zij_binnen_is(tmp_path):
    uit = opzeggen(tmp_path, datum="2026-09-30", briefdatum="2026-09-01")
    assert uit.code == 1 and "[bevestiging_voor_ontvangst]" in uit.stderr
    assert "ontvangen: 2026-09-30 ligt na de briefdatum 2026-09-01" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_opzegdatum_als_dd_mm_jjjj(tmp_path):
    uit = opzeggen(tmp_path, datum="31-08-2026")
    assert uit.code == 0, uit.stderr
    assert json.loads(uit.stdout)["einde_overeenkomst"] == "2027-02-28"


def test_een_beschikking_die_al_voor_de_instroomstop_eindigde_wordt_gemeld(tmp_path):
    pad = tmp_path / "clienten.csv"
    pad.write_text("client,gemeente,product,einddatum_beschikking\n"
                   "C-0001,Assen,bw-toezicht,2026-06-30\nC-0002,Assen,bw-nabij,\n",
                   encoding="utf-8")
    uit = opzeggen(tmp_path, "--clienten", str(pad))
    assert uit.code == 0, uit.stderr
    assert "Let op:" in uit.stderr and "C-0001" in uit.stderr and "C-0002" not in uit.stderr
    resultaat = json.loads(uit.stdout)
    assert len(resultaat["waarschuwingen"]) == 1 and "C-0001" in resultaat["waarschuwingen"][0]
    schema = (tmp_path / "uit/assen/opzeggingen/zorg-welzijn-de-brug/2026-08-31/"
              "transitieschema.csv").read_text(encoding="utf-8")
    assert "vóór de instroomstop" in next(r for r in schema.splitlines() if r.startswith("C-0001"))


@pytest.mark.parametrize("kop", ["client;gemeente;product", "client,gemeente"])
def test_een_ontbrekende_kolom_noemt_beide_scheidingstekens(tmp_path, kop):
    pad = tmp_path / "c.csv"
    pad.write_text(f"{kop}\n", encoding="utf-8")
    uit = opzeggen(tmp_path, "--clienten", str(pad))
    assert uit.code == 1 and "[kolom_ontbreekt]" in uit.stderr
    assert "komma's of puntkomma's" in uit.stderr
