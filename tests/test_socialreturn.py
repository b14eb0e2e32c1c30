"""The social-return computation: strict threshold, 5 % of the aanneemsom, half up to cents."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from contracten import genereer, laad_regio
from contracten.fouten import InvoerFout
from contracten.opmaak import bedrag, rond_af
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Looptijd
from contracten.profiel.percelen import Contract, Perceel
from contracten.profiel.regels import SocialReturn
from contracten.rekenen.socialreturn import bereken, contractjaren, toelichting

from .conftest import REGIOS, voer_uit, wijzig_yaml

REGEL = SocialReturn(percentage=Decimal(5), drempel=Decimal("200000.00"),
                     aanneemsom_per="looptijd", brief_verplicht="Maak een plan van aanpak.",
                     brief_waar_mogelijk="Waar mogelijk.")
LOOPTIJD = Looptijd(begin=dt.date(2026, 1, 1), einde=dt.date(2029, 12, 31))
PERCEEL = Perceel(nummer=1, naam="Wmo", bekostigingsvorm="outputgericht")

DATUM = dt.date(2026, 1, 5)


def contract(omzet: str, aanneemsom: str | None = "100000.00") -> Contract:
    return Contract(PERCEEL, aanbieder(omzet, aanneemsom))


def aanbieder(omzet: str, aanneemsom: str | None = "100000.00") -> Aanbieder:
    return TypeAdapter(Aanbieder).validate_python({
        "id": "a", "naam": "A", "kvk": "12345678",
        "adres": {"straat": "Straat 1", "postcode": "1234 AB", "plaats": "Plaats"},
        "contact": {"naam": "X", "email": "x@voorbeeld.nl"}, "producten": ["p"],
        "jaaromzet": omzet, "aanneemsom": aanneemsom})


@pytest.mark.parametrize(("omzet", "verplicht"), [
    ("199999.99", False), ("200000.00", False), ("200000.01", True), ("1480250.00", True)])
def test_drempel_is_strikt_boven(omzet, verplicht):
    assert bereken(REGEL, contract(omzet), LOOPTIJD).verplicht is verplicht


@pytest.mark.parametrize(("aanneemsom", "verwacht"), [
    ("1234567.89", "61728.39"),  # 61728.3945
    ("10.10", "0.51"),  # 0.505: half up, not half even
    ("10.30", "0.52"),  # 0.515
    ("0.00", "0.00"),
])
def test_bedrag_half_up_op_centen(aanneemsom, verwacht):
    uitkomst = bereken(REGEL, contract("300000.00", aanneemsom), LOOPTIJD)
    assert uitkomst.bedrag == Decimal(verwacht)
    assert str(uitkomst.bedrag) == verwacht


@settings(max_examples=300, database=None)
@given(st.decimals(min_value=Decimal("199999.00"), max_value=Decimal("200001.00"), places=2),
       st.decimals(min_value=Decimal("0"), max_value=Decimal("10000000"), places=2,
                   allow_nan=False, allow_infinity=False))
def test_social_return_grens(omzet, aanneemsom):
    uitkomst = bereken(REGEL, contract(str(omzet), str(aanneemsom)), LOOPTIJD)
    assert uitkomst.verplicht is (omzet > Decimal("200000.00"))
    if uitkomst.verplicht:
        assert uitkomst.bedrag == rond_af(aanneemsom * Decimal("0.05"))
    else:
        assert uitkomst.bedrag is None


def test_niet_verplicht_heeft_geen_bedrag_en_zegt_waar_mogelijk():
    uitkomst = bereken(REGEL, contract("200000.00"), LOOPTIJD)
    assert uitkomst.bedrag is None
    assert "waar mogelijk" in toelichting(uitkomst, REGEL, aanbieder_voorbeeld=False)


def test_verplicht_zonder_aanneemsom_is_invoerfout():
    with pytest.raises(InvoerFout, match="aanneemsom"):
        bereken(REGEL, contract("300000.00", None), LOOPTIJD)


def test_toelichting_markeert_voorbeeldwaarden():
    uitkomst = bereken(REGEL, contract("300000.00"), LOOPTIJD)
    tekst = toelichting(uitkomst, REGEL, aanbieder_voorbeeld=True)
    assert "(€ 300.000,00 (voorbeeld))" in tekst and "(€ 100.000,00 (voorbeeld))" in tekst
    assert "€ 200.000,00;" in tekst  # the threshold is from the source


def test_weergave_weigert_onafgeronde_bedragen():
    assert bedrag(Decimal("1234.5")) == "€ 1.234,50"
    assert bedrag(Decimal("-0.00")) == "€ 0,00"
    with pytest.raises(ValueError):
        bedrag(Decimal("0.005"))


# --- contracten socialreturn, end to end -------------------------------------------------------

DREMPEL = Decimal("200000")


def docx_tekst(pad: Path) -> str:
    document = Document(pad)
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        delen += [" | ".join(c.text for c in rij.cells) for rij in tabel.rows]
    return "\n".join(delen)


def nl(bedrag_: str) -> str:
    return bedrag(Decimal(bedrag_))


@pytest.fixture(scope="module")
def socialreturn_assen(tmp_path_factory):
    uitvoer = tmp_path_factory.mktemp("sr")
    uit = voer_uit("socialreturn", "assen", "--json", "--uitvoer", str(uitvoer), "--datum",
                   "2026-11-23", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    return json.loads(uit.stdout), uitvoer / "assen" / "2025"


def test_json_verplicht_precies_boven_de_drempel(socialreturn_assen):
    resultaat, _ = socialreturn_assen
    assert resultaat["regel"] == {"percentage": "5", "drempel": "200000.00",
                                  "basis": "aanneemsom_excl_btw", "aanneemsom_per": "looptijd"}
    assert len(resultaat["aanbieders"]) >= 12
    for a in resultaat["aanbieders"]:
        assert a["verplicht"] is (Decimal(a["jaaromzet"]) > DREMPEL), a["id"]
        if a["verplicht"]:
            assert a["bedrag"] == str(rond_af_5(a["aanneemsom"]))
            # four contract years (2026-2029), adding up to the total to the cent
            assert [j["begin"] for j in a["per_jaar"]] == [f"{j}-01-01" for j in range(2026, 2030)]
            assert sum(Decimal(j["bedrag"]) for j in a["per_jaar"]) == Decimal(a["bedrag"])
        else:
            assert a["bedrag"] is None and a["per_jaar"] == []
    ids = {a["id"]: a for a in resultaat["aanbieders"]}
    assert ids["wonen-plus"]["verplicht"] is False  # exactly 200.000,00
    assert ids["stichting-het-anker"]["verplicht"] is True  # 200.000,01
    assert ids["zorg-welzijn-de-brug"]["bedrag"] == "61728.39"


def rond_af_5(aanneemsom: str) -> Decimal:
    return rond_af(Decimal(aanneemsom) * Decimal("0.05"))


def test_xlsx_teruggelezen_gelijk_aan_berekening(socialreturn_assen):
    resultaat, map_ = socialreturn_assen
    blad = openpyxl.load_workbook(map_ / "socialreturn-overzicht.xlsx").active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == ("Aanbieder-id", "Aanbieder", "Jaaromzet in de regio",
                        "Aanneemsom excl. btw", "Verplicht", "Per contractjaar",
                        "Laatste contractjaar", "Totaal over de looptijd", "Voorbeeldgegevens")
    for rij, a in zip(rijen[1:-1], resultaat["aanbieders"], strict=True):
        assert rij[0] == a["id"] and rij[1] == a["naam"]
        assert Decimal(str(rij[2])) == Decimal(a["jaaromzet"])
        assert rij[4] == ("ja" if a["verplicht"] else "nee")
        assert (rij[7] is None) == (a["bedrag"] is None)
        if a["bedrag"]:
            assert Decimal(str(rij[7])).quantize(Decimal("0.01")) == Decimal(a["bedrag"])
            eerste = Decimal(a["per_jaar"][0]["bedrag"])
            assert Decimal(str(rij[5])).quantize(Decimal("0.01")) == eerste
            laatste = Decimal(a["per_jaar"][-1]["bedrag"])
            assert Decimal(str(rij[6])).quantize(Decimal("0.01")) == laatste
    totaal = sum(Decimal(a["bedrag"]) for a in resultaat["aanbieders"] if a["bedrag"])
    assert rijen[-1][0] == "Totaal"
    assert Decimal(str(rijen[-1][7])).quantize(Decimal("0.01")) == totaal
    assert blad["H2"].number_format == '"€" #,##0.00'
    assert blad.auto_filter.ref == f"A1:I{len(rijen) - 1}"
    assert all(rij[8] == "ja" for rij in rijen[1:-1])  # the example aanbieders are marked


def test_csv_en_word_overzicht_kloppen(socialreturn_assen):
    resultaat, map_ = socialreturn_assen
    with (map_ / "socialreturn-overzicht.machine.csv").open(encoding="utf-8",
                                                            newline="") as bestand:
        rijen = list(csv.DictReader(bestand))
    assert [(r["id"], r["verplicht"], r["bedrag"] or None) for r in rijen] == [
        (a["id"], "true" if a["verplicht"] else "false", a["bedrag"])
        for a in resultaat["aanbieders"]]
    # the .csv for people opens right in Dutch Excel: ';', a byte-order mark, decimal comma
    ruw = (map_ / "socialreturn-overzicht.csv").read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")
    with (map_ / "socialreturn-overzicht.csv").open(encoding="utf-8-sig", newline="") as bestand:
        mensen = list(csv.reader(bestand, delimiter=";"))
    assert mensen[0][:2] == ["Aanbieder-id", "Aanbieder"]
    assert len(mensen) == len(rijen) + 1 and all(len(r) == len(mensen[0]) for r in mensen)
    kolom = list(rijen[0]).index("bedrag")
    assert [r[kolom] for r in mensen[1:]] == [
        (a["bedrag"] or "").replace(".", ",") for a in resultaat["aanbieders"]]
    assert {r[list(rijen[0]).index("verplicht")] for r in mensen[1:]} <= {"ja", "nee"}
    overzicht = docx_tekst(map_ / "socialreturn-overzicht.docx")
    for a in resultaat["aanbieders"]:
        if a["bedrag"]:
            assert f"{a['naam']} |" in overzicht and nl(a["bedrag"]) in overzicht


def test_elke_brief_klopt_met_de_berekening(socialreturn_assen):
    resultaat, map_ = socialreturn_assen
    for a in resultaat["aanbieders"]:
        brief = docx_tekst(map_ / "brieven/socialreturn" / f"{a['id']}.docx")
        assert "Datum: 23 november 2026" in brief
        if a["verplicht"]:
            assert (f"Uw social-returnverplichting bedraagt {nl(a['bedrag'])} (voorbeeld) over de "
                    "looptijd van de overeenkomst (1 januari 2026 tot en met 31 december 2029); "
                    "zij geldt per contractjaar:") in brief
            for jaar in a["per_jaar"]:
                assert f"{nl(jaar['bedrag'])} (voorbeeld)" in brief
            # The plan van aanpak was due on 1 April 2026, before the letter's date: the
            # letter asks for it within its reply term instead of naming a day in the past.
            assert ("Hebt u nog geen plan van aanpak ter goedkeuring aan ons voorgelegd, doe dat "
                    "dan binnen vier weken na dagtekening van deze brief, uiterlijk op 21 "
                    "december 2026.") in brief
            assert "1 april 2026" not in brief
            assert "Uw plan van aanpak social return bespreekt u" in brief  # brief_verplicht
            assert "Blijft de realisatie achter, dan kunnen wij volgens artikel 1.9" in brief
        else:
            assert "waar mogelijk" in brief and "social-returnverplichting bedraagt" not in brief


def test_overeenkomst_en_brief_noemen_hetzelfde_bedrag(socialreturn_assen,
                                                       assen_eenmaal_gegenereerd):
    resultaat, map_ = socialreturn_assen
    overeenkomsten = assen_eenmaal_gegenereerd / "assen/2025/overeenkomsten"  # by genereer
    verplicht = [a for a in resultaat["aanbieders"] if a["verplicht"]]
    assert len(verplicht) >= 2
    for a in verplicht:
        overeenkomst = docx_tekst(overeenkomsten / f"{a['id']}.docx")
        brief = docx_tekst(map_ / "brieven/socialreturn" / f"{a['id']}.docx")
        jaren = [f"{nl(j['bedrag'])} (voorbeeld) vanaf 1 januari {j['begin'][:4]}"
                 for j in a["per_jaar"]]
        assert (f"dat is {nl(a['bedrag'])} (voorbeeld) over de looptijd; per contractjaar "
                f"{', '.join(jaren[:-1])} en {jaren[-1]}.") in overeenkomst  # Deel 2
        assert f"Totaal | {nl(a['bedrag'])} (voorbeeld)" in brief


def test_regio_zonder_social_return_schrijft_niets(tmp_path):
    uit = voer_uit("socialreturn", "amersfoort", "--uitvoer", str(tmp_path), "--datum",
                   "2026-11-23", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0
    assert "kent geen social return" in uit.stdout
    assert list(tmp_path.iterdir()) == []


def test_genereer_maakt_ook_overzicht_en_brieven(assen_eenmaal_gegenereerd):
    map_ = assen_eenmaal_gegenereerd / "assen/2025"  # what `genereer assen` made
    documenten = json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))["documenten"]
    soorten = {d["soort"] for d in documenten}
    assert {"socialreturn-overzicht", "socialreturn-brief"} <= soorten
    formaten = {d["formaat"] for d in documenten if d["soort"] == "socialreturn-overzicht"}
    assert formaten == {"docx", "md", "xlsx", "csv", "machine.csv"}
    assert (map_ / "socialreturn-overzicht.xlsx").is_file()
    assert (map_ / "brieven/socialreturn/zorg-welzijn-de-brug.docx").is_file()


def test_formule_in_een_naam_blijft_tekst_in_het_overzicht(regios, tmp_path):
    pad = regios / "assen/aanbieders.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        'naam: "Stichting Één Thuis"', 'naam: "=HYPERLINK(\\"http://x\\")"'), encoding="utf-8")
    genereer(laad_regio(regios, "assen"), soorten=["socialreturn-overzicht"], uitvoer=tmp_path,
             datum=DATUM)
    map_ = tmp_path / "assen/2025"
    blad = openpyxl.load_workbook(map_ / "socialreturn-overzicht.xlsx").active
    cel = next(c for c in blad["B"] if str(c.value).startswith("=HYPERLINK"))
    assert cel.data_type == "s"  # a string, not a formula
    for naam in ("socialreturn-overzicht.csv", "socialreturn-overzicht.machine.csv"):
        assert "'=HYPERLINK" in (map_ / naam).read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(("wijziging", "veld", "code"), [
    (lambda a: a.update(jaaromzet=-1), "jaaromzet", "greater_than_equal"),
    (lambda a: a.pop("aanneemsom"), "aanneemsom", "aanneemsom_ontbreekt"),
    (lambda a: (a.pop("aanneemsom"), a.update(aanneemsom_incl_btw=121000, btw_percentage=19)),
     "btw_percentage", "btw_tarief"),
])
def test_foute_invoer_noemt_aanbieder_en_veld(regios, tmp_path, wijziging, veld, code):
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: wijziging(d["aanbieders"][0]))
    uitvoer = tmp_path / "uit"
    uit = voer_uit("--regios", str(regios), "socialreturn", "assen", "--uitvoer", str(uitvoer))
    assert uit.code == 1
    assert f"aanbieders[0: zorg-welzijn-de-brug].{veld}" in uit.stderr and code in uit.stderr
    assert not uitvoer.exists()


def test_aanneemsom_inclusief_btw_wordt_omgerekend():
    a = dataclasses.replace(aanbieder("300000.00", None),
                            aanneemsom_incl_btw=Decimal("121000.00"), btw_percentage=Decimal(21))
    uitkomst = bereken(REGEL, Contract(PERCEEL, a), LOOPTIJD)
    assert uitkomst.aanneemsom == Decimal("100000.00") and uitkomst.bedrag == Decimal("5000.00")
    assert "omgerekend uit het bedrag inclusief btw" in toelichting(uitkomst, REGEL, False)


def test_contractjaren_vanaf_de_startdatum_met_een_korter_laatste_jaar():
    assert contractjaren(dt.date(2026, 3, 15), dt.date(2028, 7, 31)) == [
        (dt.date(2026, 3, 15), dt.date(2027, 3, 14), 12),
        (dt.date(2027, 3, 15), dt.date(2028, 3, 14), 12),
        (dt.date(2028, 3, 15), dt.date(2028, 7, 31), 5)]


def test_over_de_looptijd_verdeeld_per_jaar_en_het_laatste_jaar_neemt_de_centen():
    uitkomst = bereken(REGEL, contract("300000.00", "1234567.89"), LOOPTIJD)
    assert uitkomst.bedrag == Decimal("61728.39")  # 5 % once, of the whole aanneemsom
    assert [j.bedrag for j in uitkomst.jaren] == [Decimal("15432.10")] * 3 + [
        Decimal("15432.09")]


def test_een_aanneemsom_per_jaar_geeft_elk_jaar_het_percentage_en_pro_rata_voor_een_kort_jaar():
    regel = REGEL.model_copy(update={"aanneemsom_per": "jaar"})
    looptijd = Looptijd(begin=dt.date(2026, 1, 1), einde=dt.date(2028, 6, 30))
    uitkomst = bereken(regel, contract("300000.00", "240000.00"), looptijd)
    assert [(j.maanden, j.bedrag) for j in uitkomst.jaren] == [
        (12, Decimal("12000.00")), (12, Decimal("12000.00")), (6, Decimal("6000.00"))]
    assert uitkomst.bedrag == Decimal("30000.00")


@given(st.decimals(min_value=Decimal("1000"), max_value=Decimal("99999999"), places=2),
       st.integers(min_value=1, max_value=96))
@settings(max_examples=60, deadline=None)
def test_de_jaren_tellen_op_tot_het_totaal_over_de_looptijd(aanneemsom, maanden):
    from contracten.rekenen.opzegging import plus_maanden

    begin = dt.date(2026, 1, 31)
    looptijd = Looptijd(begin=begin, einde=plus_maanden(begin, maanden) - dt.timedelta(days=1))
    uitkomst = bereken(REGEL, contract("300000.00", str(aanneemsom)), looptijd)
    assert uitkomst.bedrag == rond_af(aanneemsom * Decimal("0.05"))
    assert sum(j.bedrag for j in uitkomst.jaren) == uitkomst.bedrag
    assert sum(j.maanden for j in uitkomst.jaren) == maanden
