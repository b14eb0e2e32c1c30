"""Opzegging: dated transition schedule per client, letter, privacy and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from contracten.profiel.clienten import Client
from contracten.rekenen.opzegging import bereken, markering, plus_maanden

from .conftest import REGIOS, voer_uit

D = dt.date


@pytest.mark.parametrize(("begin", "maanden", "verwacht"), [
    (D(2026, 8, 31), 6, D(2027, 2, 28)),
    (D(2027, 8, 31), 6, D(2028, 2, 29)),  # leap year
    (D(2027, 2, 28), 6, D(2027, 8, 28)),
    (D(2026, 1, 31), 1, D(2026, 2, 28)),
    (D(2026, 12, 15), 13, D(2028, 1, 15)),
    (D(2026, 3, 31), 0, D(2026, 3, 31)),
])
def test_maanden_geklemd_op_einde_van_de_maand(begin, maanden, verwacht):
    assert plus_maanden(begin, maanden) == verwacht


def test_zorg_tot_is_het_eerste_van_beschikking_en_uiterste_datum():
    clienten = [Client("eerder", "Assen", "bw-toezicht", D(2026, 12, 31)),
                Client("later", "Assen", "bw-toezicht", D(2028, 1, 31)),
                Client("open", "Assen", "bw-toezicht", None),
                Client("na-einde", "Assen", "bw-toezicht", D(2027, 5, 1))]
    schema = bereken("x", D(2026, 8, 31), 6, 6, clienten)
    # Received 31 August: the opzegtermijn starts on 1 September; the uiterste zorgdatum counts
    # 6 + 6 months from the day of receipt itself, not from the clamped 28 February.
    assert (schema.instroomstop, schema.einde_overeenkomst, schema.uiterste_zorgdatum) == (
        D(2026, 9, 1), D(2027, 2, 28), D(2027, 8, 31))
    assert [c.zorg_tot for c in schema.clienten] == [
        D(2026, 12, 31), D(2027, 8, 31), D(2027, 8, 31), D(2027, 5, 1)]
    for c in schema.clienten:  # dates always ordered
        assert schema.instroomstop <= schema.einde_overeenkomst <= schema.uiterste_zorgdatum
        assert c.zorg_tot <= schema.uiterste_zorgdatum


def test_feestdagen_en_weekend_gemarkeerd_niet_verschoven():
    assert markering(D(2026, 12, 25)) == "eerste kerstdag"
    assert markering(D(2027, 4, 27)) == "koningsdag"
    assert markering(D(2027, 2, 28)) == "zondag"
    assert markering(D(2027, 3, 1)) is None
    schema = bereken("x", D(2026, 6, 25), 6, 6, [])
    assert schema.einde_overeenkomst == D(2026, 12, 25)  # not moved to the 28th


@settings(max_examples=300, database=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
       st.integers(0, 36), st.integers(0, 24),
       st.lists(st.one_of(st.none(), st.dates(min_value=D(2000, 1, 1),
                                              max_value=D(2099, 12, 31))), max_size=5))
def test_opzeggingsdata_altijd_op_volgorde(datum, maanden, doorlevering, einden):
    clienten = [Client(f"c{i}", "Assen", "p", e) for i, e in enumerate(einden)]
    schema = bereken("a", datum, maanden, doorlevering, clienten)
    assert schema.instroomstop <= schema.einde_overeenkomst <= schema.uiterste_zorgdatum
    assert len(schema.clienten) == len(clienten)
    for c in schema.clienten:
        assert c.zorg_tot <= schema.uiterste_zorgdatum
        eind = c.client.einddatum_beschikking
        assert c.zorg_tot == (schema.uiterste_zorgdatum if eind is None
                              else min(eind, schema.uiterste_zorgdatum))


def schrijf_csv(pad: Path, regels: list[str]) -> Path:
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


KOP = "client,gemeente,product,einddatum_beschikking"


def test_klaar_als(tmp_path):
    csv_pad = schrijf_csv(tmp_path / "clienten.csv", [
        KOP, "C-0001,Assen,bw-toezicht,2026-12-31", "C-0002,Assen,bw-nabij,2028-01-31",
        "C-0003,Tynaarlo,bw-toezicht,", "C-0004,Aa en Hunze,begeleiding-complex,2027-05-16"])
    uitvoer = tmp_path / "uit"
    uit = voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--datum",
                   "2026-08-31", "--opzegtermijn", "6", "--clienten", str(csv_pad), "--json",
                   "--uitvoer", str(uitvoer), "--briefdatum", "2026-09-01",
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    r = json.loads(uit.stdout)
    assert (r["einde_overeenkomst"], r["uiterste_zorgdatum"]) == ("2027-02-28", "2027-08-31")
    # Received on 31 August: the opzegtermijn starts the next day; received on a month's last
    # day, it ends on a month's last day (the one rule for termijnen).
    assert r["opzegtermijn_maanden"] == 6 and r["instroomstop"] == "2026-09-01"
    assert (r["ontvangen"], r["met_ingang_van"]) == ("2026-08-31", "2027-03-01")
    verwacht = {"C-0001": "2026-12-31", "C-0002": "2027-08-31", "C-0003": "2027-08-31",
                "C-0004": "2027-05-16"}
    assert {c["client"]: c["zorg_tot"] for c in r["clienten"]} == verwacht
    assert r["markeringen"]["2027-02-28"] == "zondag"

    map_ = uitvoer / "assen/opzeggingen/zorg-welzijn-de-brug/2026-08-31"
    regels = (map_ / "transitieschema.machine.csv").read_text(encoding="utf-8").splitlines()
    assert regels[0].startswith("client,gemeente,product,einddatum_beschikking,zorg_tot")
    assert {r.split(",")[0]: r.split(",")[4] for r in regels[1:]} == verwacht
    # for people, in Dutch Excel: ';', a byte-order mark, dates as 31-12-2026
    mensen = (map_ / "transitieschema.csv").read_bytes()
    assert mensen.startswith(b"\xef\xbb\xbf")
    rijen = [r.split(";") for r in mensen.decode("utf-8-sig").splitlines()]
    assert len(rijen[0]) == len(regels[0].split(","))
    assert {r[0]: r[4] for r in rijen[1:]} == {
        c: dt.date.fromisoformat(d).strftime("%d-%m-%Y") for c, d in verwacht.items()}
    blad = openpyxl.load_workbook(map_ / "transitieschema.xlsx").active
    uit_xlsx = {rij[0]: rij[4].date().isoformat()
                for rij in blad.iter_rows(min_row=2, values_only=True)}
    assert uit_xlsx == verwacht
    schema = "\n".join(" | ".join(c.text for c in rij.cells)
                       for t in Document(map_ / "transitieschema.docx").tables for rij in t.rows)
    assert "C-0002 | Beschermd Wonen - Nabij | 31 januari 2028 | 31 augustus 2027 | " in schema
    assert "28 februari 2027 (zondag)" in schema
    brief = "\n".join(p.text for p in Document(map_ / "opzeggingsbrief.docx").paragraphs)
    assert "Datum: 1 september 2026" in brief
    assert "Vanaf 1 september 2026 neemt u geen nieuwe inwoners in zorg" in brief
    assert "wij op 31 augustus 2026 ontvingen" in brief
    assert ("de laatste dag van de overeenkomst is 28 februari 2027 (zondag); met ingang van 1 "
            "maart 2027 geldt zij niet meer") in brief
    assert "tot uiterlijk 31 augustus 2027" in brief
    assert "warme overdracht" in brief
    assert "Data die op een zaterdag, zondag of feestdag vallen, staan gemarkeerd" in brief


def test_zonder_clienten_alleen_de_data_en_regels(tmp_path):
    uit = voer_uit("opzegging", "amersfoort", "--aanbieder", "stichting-samen-eemland", "--datum",
                   "2028-03-31", "--uitvoer", str(tmp_path), "--json", "--briefdatum",
                   "2028-03-15", "--door", "gemeente", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    r = json.loads(uit.stdout)
    # The overeenkomst's own opzegtermijn for Opdrachtgever (12 months, artikel 1.3), not the
    # programma van eisen's 6: the contract is what binds the parties.
    assert r["clienten"] == [] and r["einde_overeenkomst"] == "2029-03-31"
    assert r["opzegtermijn_maanden"] == 12
    map_ = tmp_path / "amersfoort/opzeggingen/stichting-samen-eemland/2028-03-31"
    tekst = "\n".join(p.text for p in Document(map_ / "transitieschema.docx").paragraphs)
    assert "Er zijn geen cliënten opgegeven" in tekst
    assert "12 maanden (voorbeeld)" in tekst  # the overeenkomst's opzegtermijn is an example


@pytest.mark.parametrize(("regels", "plek", "code"), [
    ([KOP.replace("client", "bsn"), "111222333,Assen,bw-toezicht,"], "bsn", "bsn"),
    ([KOP, "111222333,Assen,bw-toezicht,"], ":2: client", "bsn"),
    ([KOP, "C-1,Assen,bw-toezicht,", "C-2,Assen,111222333,"], ":3: product", "bsn"),
])
def test_bsn_wordt_geweigerd_en_niet_herhaald(tmp_path, regels, plek, code):
    csv_pad = schrijf_csv(tmp_path / "c.csv", regels)
    uit = voer_uit("opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", "2026-08-31",
                   "--clienten", str(csv_pad), "--uitvoer", str(tmp_path / "uit"),
                   "--briefdatum", "2026-09-01", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    assert plek in uit.stderr and f"[{code}]" in uit.stderr
    assert "111222333" not in uit.stderr + uit.stdout
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("waarde", ["client-111222333", "111 222 333", "111.222.333"])
def test_bsn_ook_in_een_langere_waarde_of_met_spaties(tmp_path, waarde):
    csv_pad = schrijf_csv(tmp_path / "c.csv", [KOP, f"{waarde},Assen,bw-toezicht,"])
    uit = voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--datum",
                   "2026-08-31", "--clienten", str(csv_pad), "--uitvoer", str(tmp_path / "uit"),
                   "--briefdatum", "2026-09-01", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and ":2: client" in uit.stderr and "[bsn]" in uit.stderr
    assert "222" not in uit.stderr + uit.stdout and not (tmp_path / "uit").exists()


@pytest.mark.parametrize(("regels", "plek", "code"), [
    (["client,gemeente,product", "C-1,Assen,bw-toezicht"], "einddatum_beschikking",
     "kolom_ontbreekt"),
    ([KOP, "C-1,Assen,bw-toezicht,2026-02-30"], ":2: einddatum_beschikking", "datum"),
    ([KOP, "C-1,Assen,bw-toezicht,31/12/2026"], ":2: einddatum_beschikking", "datum"),
    ([KOP, "C-1,Assen,bw-toezicht,31-02-2027"], ":2: einddatum_beschikking", "datum"),
    ([KOP, "C-1,Utrecht,bw-toezicht,"], ":2: gemeente", "gemeente_onbekend"),
    ([KOP, "C-1,Assen,huishoudelijke-hulp,"], ":2: product", "product_onbekend"),
    ([KOP, "C-1,Assen,bw-toezicht,20270228"], ":2: einddatum_beschikking", "datum"),
    # a product of the region that this aanbieder has no contract for
    ([KOP, "C-1,Assen,dagbesteding,"], ":2: product", "product_niet_gecontracteerd"),
])
def test_foute_csv_noemt_rij_en_kolom(tmp_path, regels, plek, code):
    csv_pad = schrijf_csv(tmp_path / "c.csv", regels)
    uit = voer_uit("opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", "2026-08-31",
                   "--clienten", str(csv_pad), "--uitvoer", str(tmp_path / "uit"),
                   "--briefdatum", "2026-09-01", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and plek in uit.stderr and f"[{code}]" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_nijkerk_neemt_alleen_beschermd_wonen_af(tmp_path):
    csv_pad = schrijf_csv(tmp_path / "c.csv", [KOP, "C-1,Nijkerk,begeleiding,"])
    uit = voer_uit("opzegging", "amersfoort", "--aanbieder", "stichting-samen-eemland", "--datum",
                   "2026-08-31", "--clienten", str(csv_pad), "--uitvoer", str(tmp_path / "uit"),
                   "--briefdatum", "2026-09-01", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and ":2: product" in uit.stderr and "product_buiten_gemeente" in uit.stderr
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize(("argumenten", "melding", "code"), [
    (["--aanbieder", "bestaat-niet", "--datum", "2026-08-31"], "onbekende aanbieder", 1),
    (["--aanbieder", "wonen-plus", "--datum", "2026-02-30"], "geen datum", 1),
    (["--aanbieder", "wonen-plus", "--datum", "morgen"], "geen datum", 1),
    (["--aanbieder", "wonen-plus", "--datum", "2026-08-31", "--opzegtermijn", "40"],
     "'--opzegtermijn': 40 ligt niet in het bereik", 2),
])
def test_foute_opdracht(tmp_path, argumenten, melding, code):
    uit = voer_uit("opzegging", "assen", *argumenten, "--uitvoer", str(tmp_path),
                   "--briefdatum", "2026-09-01", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == code and melding in uit.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("datum", "code"), [
    ("2199-06-30", "na_het_einde"), ("1900-01-01", "buiten_looptijd"),
    ("2025-12-31", "buiten_looptijd"), ("2032-01-01", "na_het_einde"),
    ("2030-06-30", "na_het_einde")])  # a verlenging may come, but none is recorded as used
def test_opzegdatum_buiten_de_looptijd_wordt_geweigerd(tmp_path, datum, code):
    uit = voer_uit("opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", datum,
                   "--uitvoer", str(tmp_path), "--briefdatum", "2026-01-05",
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and f"[{code}]" in uit.stderr
    if code == "na_het_einde":
        assert "huidige einde van de overeenkomst (2029-12-31" in uit.stderr
        assert "leg die dan vast met verlenging.gebruikt in overeenkomst.yaml" in uit.stderr
    assert "Interne fout" not in uit.stderr and not (tmp_path / "assen").exists()


def test_de_brief_zegt_wie_opzegt_op_welk_artikel_en_wanneer_het_eindigt(tmp_path):
    uit = voer_uit("opzegging", "assen", "--aanbieder", "wonen-plus", "--ontvangen",
                   "2026-11-30", "--briefdatum", "2026-12-01", "--uitvoer", str(tmp_path),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    brief = (tmp_path / "assen/opzeggingen/wonen-plus/2026-11-30/opzeggingsbrief.md").read_text(
        encoding="utf-8")
    # By default the aanbieder terminated (Assen § 1.6.1): the letter confirms it, with the day
    # it arrived, the contract's last day and the first day without it.
    assert ("U hebt de overeenkomst Wmo Verblijf met de gemeente Assen opgezegd op grond van "
            "artikel 1.3.4 van de overeenkomst. Wij bevestigen die opzegging, die wij op 30 "
            "november 2026 ontvingen. De opzegtermijn van 6 maanden (voorbeeld) gaat in op 1 "
            "december 2026; "
            "de laatste dag van de overeenkomst is 31 mei 2027; met ingang van 1 juni 2027 geldt "
            "zij niet meer. Voor die periode en daarna gelden de volgende verplichtingen (§ 1.6.1 "
            "van het programma van eisen):") in brief
    assert "Onderwerp: bevestiging van uw opzegging van de overeenkomst Wmo Verblijf" in brief
    assert "Bijlage(n): transitieschema" in brief
    # No date falls on a weekend or holiday here, so the letter does not explain the marking.
    assert "1 december 2026" in brief and "staan gemarkeerd" not in brief


def test_geen_opzegging_als_de_overeenkomst_haar_uitsluit(regios, tmp_path):
    pad = regios / "assen/overeenkomst.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace('opzegoptie: "3"', 'opzegoptie: "1"'),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder", "wonen-plus",
                   "--datum", "2026-12-31", "--briefdatum", "2026-11-30", "--uitvoer",
                   str(tmp_path / "uit"))
    assert uit.code == 1 and "[opzegging_uitgesloten]" in uit.stderr
    assert "assen/overeenkomst.yaml" in uit.stderr and "opzegoptie" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_de_gemeente_zegt_op(tmp_path):
    uit = voer_uit("opzegging", "assen", "--aanbieder", "wonen-plus", "--datum", "2026-12-31",
                   "--briefdatum", "2026-11-30", "--door", "gemeente", "--json", "--uitvoer",
                   str(tmp_path), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    assert json.loads(uit.stdout)["door"] == "gemeente"
    brief = (tmp_path / "assen/opzeggingen/wonen-plus/2026-12-31/opzeggingsbrief.md").read_text(
        encoding="utf-8")
    assert ("Hierbij zeggen wij, de gemeente Assen, namens de gemeenten van Regio Assen, de "
            "overeenkomst Wmo Verblijf met u op, op grond van artikel 1.3.4 van de overeenkomst."
            ) in brief
    assert "vragen wij het volgende van u:" in brief and "§ 1.6.1" not in brief
    assert "Onderwerp: opzegging van de overeenkomst Wmo Verblijf" in brief


def test_een_aanbieder_kan_niet_opzeggen_als_alleen_de_gemeente_dat_mag(tmp_path):
    """Amersfoort: opzegoptie 2, only Opdrachtgever may terminate tussentijds."""
    uit = voer_uit("opzegging", "amersfoort", "--aanbieder", "stichting-samen-eemland",
                   "--datum", "2028-03-31", "--briefdatum", "2028-03-15", "--uitvoer",
                   str(tmp_path / "uit"), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "[opzegging_uitgesloten]" in uit.stderr
    assert "alleen de gemeente" in uit.stderr and not (tmp_path / "uit").exists()
