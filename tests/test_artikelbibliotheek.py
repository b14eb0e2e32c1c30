"""The article library of the Contractstandaard Wmo: complete, consistent, and the official text
importable from .md and .docx. The official-style documents here are made up for the test in the
standard's layout; they hold none of its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from contracten.artikelen.importeren import lees_officieel
from contracten.artikelen.laden import laad_bibliotheek
from contracten.artikelen.model import PLAATSHOUDER
from contracten.fouten import InvoerFout
from contracten.opdrachten.artikelen import importeer_artikelen

from .conftest import voer_uit
from .standaard_nagemaakt import als_markdown, regels, volledig_deel3

# Every article number of the standard's table of contents (CONTRACTSTANDAARD.md).
NUMMERS = {*(f"1.{n}" for n in range(1, 11)), "2.1", *(f"3.{n}" for n in range(1, 32)), "3.9a"}

OFFICIEEL_MD = """# Overeenkomst Maatwerkvoorzieningen, versie 1.3

Inhoudsopgave

Artikel 3.1 – Levering van maatschappelijke ondersteuning\t19

Artikel 3.19 – Niet-nakoming, opzegging en ontbinding\t30

# Deel 3: Generieke bepalingen

# Hoofdstuk 1: Levering van maatschappelijke ondersteuning

## Artikel 3.1 – Levering van maatschappelijke ondersteuning

3.1.1 Proeftekst van het eerste lid.

3.1.2 Proeftekst van het tweede lid, met onderdelen:

a. het eerste onderdeel;

b. het tweede onderdeel.

# Hoofdstuk 6: Niet-nakoming, opzegging en ontbinding

**Artikel 3.19: Niet-nakoming, opzegging en ontbinding**

3.19.1 Eerste lid.

3.19.2 Tweede lid.

[Optioneel:] Artikel 1.3 – Looptijd

1.3.1 Een looptijd van [begindatum] tot [einddatum].
"""


@pytest.fixture(scope="module")
def bibliotheek():
    return laad_bibliotheek(Path("/bestaat-niet"))  # the package's own library


def test_elk_artikel_van_de_standaard_staat_erin(bibliotheek):
    genummerd = {n for n, a in bibliotheek.artikelen.items() if a.genummerd}
    assert genummerd == NUMMERS
    assert {"partijen", "overwegingen", "definities"} <= set(bibliotheek.artikelen)


def test_status_volgt_de_standaard(bibliotheek):
    for nummer, artikel in bibliotheek.artikelen.items():
        if nummer.startswith("3."):
            assert artikel.status == "verbatim", nummer
        elif nummer in {f"1.{n}" for n in range(4, 11)}:
            assert artikel.status == "optioneel", nummer
            assert artikel.niet_van_toepassing, nummer
    assert bibliotheek.artikelen["1.1"].status == "verplicht"


def test_elke_plaatshouder_is_beschreven_en_elke_keuze_bekend(bibliotheek):
    beschreven = set(bibliotheek.index.plaatshouders)
    for artikel in bibliotheek.artikelen.values():
        assert artikel.plaatshouders() <= beschreven, artikel.nummer
        for lid in artikel.leden:
            if lid.keuze is not None:
                keuze = bibliotheek.index.keuzes[lid.keuze]
                assert set(lid.opties or {}) == set(keuze.opties), (artikel.nummer, lid.keuze)


def test_verwijzingen_uit_het_programma_van_assen_bestaan(bibliotheek):
    # The Assen PvE cites 1.3 lid 4, 1.4, 3.7, 3.19 lid 6, 3.22 and 3.30.
    for nummer, lid in (("1.3", 4), ("1.4", 1), ("3.7", 1), ("3.19", 6), ("3.22", 1),
                        ("3.30", 1)):
        assert len(bibliotheek.artikelen[nummer].leden) >= lid, nummer
    assert "overd" in " ".join(bibliotheek.artikelen["3.19"].leden[5].teksten()).lower()


def test_alles_is_nog_een_samenvatting_en_zegt_dat(bibliotheek):
    assert all(a.bron == "samenvatting" for a in bibliotheek.artikelen.values())
    assert "samenvatting" in bibliotheek.index.verantwoording
    assert "importeer" in bibliotheek.index.verantwoording


def test_import_uit_markdown(tmp_path):
    bron = tmp_path / "standaard.md"
    bron.write_text(OFFICIEEL_MD, encoding="utf-8")
    verslag = lees_officieel(bron)
    assert verslag.officieel.versie == "CSW 1.3"
    artikelen = {a.nummer: a for a in verslag.officieel.artikelen}
    assert set(artikelen) == {"3.1", "3.19", "1.3"}  # the table of contents is skipped
    assert [lid.tekst() for lid in artikelen["3.1"].als_leden()] == [
        "Proeftekst van het eerste lid.",
        "Proeftekst van het tweede lid, met onderdelen:\na. het eerste onderdeel;\n"
        "b. het tweede onderdeel."]
    assert artikelen["3.19"].titel == "Niet-nakoming, opzegging en ontbinding"
    assert verslag.problemen == []


def test_import_uit_word_met_en_zonder_kopstijlen(tmp_path):
    document = Document()
    document.add_paragraph("Overeenkomst, versie 1.3")
    document.add_heading("Deel 3: Generieke bepalingen", 1)
    document.add_heading("Artikel 3.2 – Indexering", 2)
    document.add_paragraph("3.2.1 Een lid over indexering.")
    document.add_paragraph("Artikel 3.3 – Marketing")  # no heading style
    document.add_paragraph("3.3.1 Een lid over marketing.")
    document.add_paragraph("3.3.2 Nog een lid.")
    document.save(tmp_path / "standaard.docx")
    verslag = lees_officieel(tmp_path / "standaard.docx")
    assert {a.nummer: len(a.leden) for a in verslag.officieel.artikelen} == {"3.2": 1, "3.3": 2}


def test_import_legt_de_officiele_tekst_over_de_samenvatting(tmp_path):
    bron = als_markdown(tmp_path / "standaard.md", regels(("1.3",), volledig_deel3()))
    uitkomst = importeer_artikelen(bron, map_=tmp_path / "artikelen")
    assert uitkomst.bestand == tmp_path / "artikelen/officieel-1.3.yaml"
    bibliotheek = uitkomst.bibliotheek
    assert bibliotheek.artikelen["3.3"].bron == "officieel"
    assert bibliotheek.artikelen["3.3"].leden[0].tekst == "Proeftekst van lid 3.3.1."
    assert bibliotheek.artikelen["3.3"].sha256 == uitkomst.verslag.officieel.sha256
    # 1.3 marks its termination options as variants: the official text takes the summary's place
    assert bibliotheek.artikelen["1.3"].bron == "officieel"
    assert "3.1" in uitkomst.toegepast and "3.2" in uitkomst.toegepast
    # articles the document does not have keep their summary
    assert "1.5" in uitkomst.samenvatting_blijft


@pytest.mark.parametrize(("naam", "inhoud", "code"), [
    ("standaard.pdf", b"%PDF", "formaat"),
    ("leeg.md", b"Niets hier, versie 1.3", "geen_artikelen"),
    ("zonder-versie.md", b"Artikel 3.1 - Titel\n\n3.1.1 Tekst.\n", "versie_ontbreekt"),
    ("kapot.docx", b"geen zip", "onleesbaar"),
])
def test_onbruikbaar_bestand_wordt_geweigerd_met_naam(tmp_path, naam, inhoud, code):
    (tmp_path / naam).write_bytes(inhoud)
    with pytest.raises(InvoerFout) as fout:
        lees_officieel(tmp_path / naam)
    assert fout.value.meldingen[0].code == code
    assert fout.value.meldingen[0].bestand == naam


def test_opdrachtregel_toont_en_importeert(tmp_path):
    uit = voer_uit("artikelen", "--json", "--artikelen", str(tmp_path / "artikelen"))
    assert uit.code == 0, uit.stderr
    rijen = json.loads(uit.stdout)
    assert {r["nummer"] for r in rijen} >= NUMMERS
    assert {r["bron"] for r in rijen} == {"samenvatting"}
    bron = als_markdown(tmp_path / "standaard.md", regels(("1.3",), volledig_deel3()))
    uit = voer_uit("artikelen", "--artikelen", str(tmp_path / "artikelen"), "importeer",
                   str(bron))
    assert uit.code == 0, uit.stderr
    assert "artikelen gelezen uit standaard.md (CSW 1.3)" in uit.stdout
    assert "  3.19          Niet-nakoming" in uit.stdout and "officieel" in uit.stdout
    uit = voer_uit("artikelen", "--artikelen", str(tmp_path / "artikelen"))
    assert uit.code == 0 and "officieel (CSW 1.3)" in uit.stdout


def test_plaatshouders_zijn_vierkante_haken():
    assert [m.group(1) for m in PLAATSHOUDER.finditer("van [begindatum] tot [einddatum]")] == [
        "begindatum", "einddatum"]
