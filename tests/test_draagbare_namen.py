"""Names that travel (issue 29): an aanbieder's id names its documents and a region folder's name
names its output folder, so a name Windows cannot hold, or two names Windows or macOS hold as
one, is refused with the file and the line, from YAML and from Excel alike."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

import contracten
from contracten import InvoerFout
from contracten.profiel.namen import naamprobleem

from .conftest import REGIOS, voer_uit


@pytest.mark.parametrize("naam", ["con", "aux", "nul", "prn", "com1", "lpt1", "com9", "lpt0",
                                  "CON", "Con.x", "nul.txt", "aux .docx", "conin$", "com¹"])
def test_apparaatnamen_van_windows_worden_herkend(naam):
    assert naamprobleem(naam) is not None and naamprobleem(naam)[1] == "naam_gereserveerd"


@pytest.mark.parametrize(("naam", "code"), [("assen.", "naam_punt_of_spatie"),
                                            ("assen ", "naam_punt_of_spatie"),
                                            ("a:b", "naam_teken"), ("a?b", "naam_teken"),
                                            ("a\tb", "naam_teken")])
def test_punt_spatie_en_verboden_tekens(naam, code):
    assert naamprobleem(naam)[1] == code  # type: ignore[index]


@pytest.mark.parametrize("naam", ["assen", "console", "con-x", "aux1", "com10", "lpt",
                                  "zorg-welzijn-de-brug", "régio", "a.b"])
def test_gewone_namen_reizen_mee(naam):
    assert naamprobleem(naam) is None


def _zet_id(pad: Path, oud: str, nieuw: str) -> int:
    """Give aanbieder `oud` the id `nieuw` in aanbieders.yaml; returns the line of the id."""
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace(f"- id: {oud}\n", f"- id: {nieuw}\n"), encoding="utf-8")
    return tekst[:tekst.index(f"- id: {oud}\n")].count("\n") + 1


@pytest.mark.parametrize("id_", ["con", "aux", "nul", "prn", "com1", "lpt1"])
def test_een_aanbieder_id_dat_een_apparaatnaam_is_wordt_geweigerd(regios, id_):
    regel = _zet_id(regios / "assen/aanbieders.yaml", "zorg-welzijn-de-brug", id_)
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1, uit.stdout
    assert f"assen/aanbieders.yaml:{regel}: aanbieders[0: {id_}].id: '{id_}' kan op Windows " \
           f"geen bestands- of mapnaam zijn: {id_.upper()} is daar een apparaatnaam" in uit.stderr
    assert "[naam_gereserveerd]" in uit.stderr and "Interne fout" not in uit.stderr


@pytest.mark.parametrize("id_", ["CON", "Con", "con.x", "con ", "acme.", "Acme"])
def test_een_id_met_hoofdletters_punt_of_spatie_kan_niet_eens(regios, id_):
    """Ids are lower case, digits and hyphens: two ids that differ only in case or Unicode form
    cannot exist, nor one with a dot or a space (and so no 'con.x')."""
    _zet_id(regios / "assen/aanbieders.yaml", "zorg-welzijn-de-brug", f'"{id_}"')
    with pytest.raises(InvoerFout) as fout:
        contracten.laad_regio(regios, "assen")
    assert [(m.veld, m.code) for m in fout.value.meldingen] == [
        (f"aanbieders[0: {id_}].id", "string_pattern_mismatch")]


def test_een_id_uit_excel_gaat_door_dezelfde_controle(regios, tmp_path):
    werkboek = tmp_path / "assen.xlsx"
    contracten.exporteer(contracten.laad_regio(regios, "assen"), werkboek,
                         tijdstip=dt.datetime(2026, 12, 1, 9), uitvoer=tmp_path / "uit",
                         database=tmp_path / "r.sqlite")
    boek = load_workbook(werkboek)
    blad = boek["Aanbieders"]
    kolom = [c.value for c in blad[1]].index("id") + 1
    blad.cell(row=3, column=kolom, value="lpt1")
    boek.save(werkboek)
    voor = (regios / "assen/aanbieders.yaml").read_bytes()
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == ["naam_gereserveerd"]
    assert "assen.xlsx, blad Aanbieders:3: kolom A (id): 'lpt1' kan op Windows" \
        in str(fout.value)
    assert (regios / "assen/aanbieders.yaml").read_bytes() == voor


def _regio_als(regios: Path, naam: str) -> None:
    shutil.copytree(REGIOS / "assen", regios / naam)


@pytest.mark.parametrize(("naam", "code"), [
    ("con", "naam_gereserveerd"), ("CON", "naam_gereserveerd"), ("con.x", "naam_gereserveerd"),
    ("Lpt1.regio", "naam_gereserveerd"), ("drenthe.", "naam_punt_of_spatie"),
    ("drenthe ", "naam_punt_of_spatie"), ("noord:zuid", "naam_teken")])
def test_een_regiomap_die_windows_niet_kan_maken_wordt_geweigerd(tmp_path, naam, code):
    regios = tmp_path / "regios"
    _regio_als(regios, naam)
    uit = voer_uit("--regios", str(regios), "valideer", naam)
    assert uit.code == 1 and f"  {naam}: regiomap '{naam}' " in uit.stderr, uit.stderr
    assert f"[{code}]" in uit.stderr and "Interne fout" not in uit.stderr
    uit = voer_uit("--regios", str(regios), "genereer", naam, "--uitvoer", str(tmp_path / "uit"),
                   "--datum", "2026-01-05")
    assert uit.code == 1 and f"[{code}]" in uit.stderr and not (tmp_path / "uit").exists()


def test_regiomappen_die_alleen_in_hoofdletters_verschillen(regios, tmp_path):
    _regio_als(regios, "Assen")
    for naam, ander in [("assen", "Assen"), ("Assen", "assen")]:
        uit = voer_uit("--regios", str(regios), "genereer", naam, "--uitvoer",
                       str(tmp_path / "uit"), "--datum", "2026-01-05")
        assert uit.code == 1 and "[naam_botsing]" in uit.stderr
        assert (f"{naam}: regiomap '{naam}' en '{ander}' zijn op Windows en macOS dezelfde "
                "naam") in uit.stderr
    assert not (tmp_path / "uit").exists()
    # the other regions are not touched by it
    assert voer_uit("--regios", str(regios), "valideer", "hoogeveld").code == 0


def test_regiomappen_die_alleen_in_unicodevorm_verschillen(tmp_path):
    regios = tmp_path / "regios"
    samengesteld, ontleed = (unicodedata.normalize(v, "régio") for v in ("NFC", "NFD"))
    assert samengesteld != ontleed
    _regio_als(regios, samengesteld)
    assert contracten.laad_regio(regios, samengesteld).sleutel == samengesteld  # alone: fine
    _regio_als(regios, ontleed)
    for naam in (samengesteld, ontleed):
        with pytest.raises(InvoerFout) as fout:
            contracten.laad_regio(regios, naam)
        [melding] = fout.value.meldingen
        assert (melding.bestand, melding.code) == (naam, "naam_botsing")
        assert "zijn op macOS dezelfde naam" in melding.bericht
        assert re.search(r"'r\\xe9gio' en 're\\u0301gio'|'re\\u0301gio' en 'r\\xe9gio'",
                         melding.bericht)


def test_de_voorbeeldregios_blijven_geldig():
    assert contracten.vind_regios(REGIOS) == ["amersfoort", "assen", "hoogeveld"]
    for naam in contracten.vind_regios(REGIOS):
        profiel = contracten.laad_regio(REGIOS, naam)
        assert all(naamprobleem(a.id) is None for a in profiel.aanbieders)
