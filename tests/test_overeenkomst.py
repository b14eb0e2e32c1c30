"""The overeenkomst under the Contractstandaard Wmo: the standard's structure and numbering, a
valid comparitie, the region's choices, references that resolve, Amersfoort as one contract, and
a document a lawyer can work in."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

import contracten
from contracten.fouten import InvoerFout

from .conftest import REGIOS, voer_uit, wijzig_yaml
from .standaard_nagemaakt import Regel, als_markdown, regels, volledig_deel3

DATUM = dt.date(2026, 1, 5)
NUMMERS = [*(f"1.{n}" for n in range(1, 11)), "2.1",
           *(f"3.{n}" for n in range(1, 10)), "3.9a", *(f"3.{n}" for n in range(10, 32))]


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("overeenkomst")
    for naam, aanbieder in (("assen", "wonen-plus"), ("amersfoort", "stichting-samen-eemland")):
        contracten.genereer(contracten.laad_regio(REGIOS, naam), uitvoer=map_, datum=DATUM,
                            soorten=["overeenkomst"], aanbieders=[aanbieder])
    return map_


def document(uitvoer: Path, regio: str) -> Document:
    pad = next((uitvoer / regio).glob("*/overeenkomsten/*.docx"))
    return Document(pad)


def koppen(doc: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def tekst(doc: Document) -> str:
    cellen = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cellen)


@pytest.mark.parametrize("regio", ["assen", "amersfoort"])
def test_structuur_en_nummering_van_de_standaard(uitvoer, regio):
    gevonden = koppen(document(uitvoer, regio))
    titels = [t for _, t in gevonden]
    assert titels[:3] == ["Partijen (samenvatting)", "Overwegingen (samenvatting)",
                          "Definities (samenvatting)"]
    delen = [t for s, t in gevonden if s == "Heading 1" and t.startswith("Deel")]
    assert [d.split(":")[0] for d in delen] == ["Deel 1", "Deel 2", "Deel 3"]
    hoofdstukken = [t for s, t in gevonden if s == "Heading 2" and t.startswith("Hoofdstuk")]
    assert [h.split(":")[0] for h in hoofdstukken] == [f"Hoofdstuk {n}" for n in range(1, 8)]
    artikelen = [re.match(r"Artikel (\S+) – ", t).group(1) for t in titels
                 if t.startswith("Artikel ")]
    assert [n for n in artikelen if n in NUMMERS] == NUMMERS  # all of them, in order
    assert titels[-2:] == ["Ondertekening", "Bijlagen"]
    # Deel 3's articles sit under their chapter (Kop 3); those of Deel 1 and 2 are Kop 2.
    stijl = dict((t.split(" – ")[0], s) for s, t in gevonden if t.startswith("Artikel"))
    assert stijl["Artikel 3.19"] == "Heading 3" and stijl["Artikel 1.3"] == "Heading 2"


def test_leden_genummerd_zoals_de_standaard(uitvoer):
    alineas = [p.text for p in document(uitvoer, "assen").paragraphs]
    leden = [a.split("\t")[0] for a in alineas if re.match(r"\d\.\d+a?\.\d+\t", a)]
    assert "3.19.6" in leden and "1.3.4" in leden
    per_artikel: dict[str, list[int]] = {}
    for lid in leden:
        artikel, _, n = lid.rpartition(".")
        per_artikel.setdefault(artikel, []).append(int(n))
    assert all(n == list(range(1, len(n) + 1)) for n in per_artikel.values())


def test_ongebruikt_optioneel_artikel_houdt_zijn_nummer(uitvoer):
    alineas = document(uitvoer, "assen").paragraphs
    i = next(i for i, p in enumerate(alineas) if p.style.name == "Heading 2"
             and p.text == "Artikel 1.5 – Bestedingsruimte")
    assert alineas[i + 1].text == "Dit artikel is niet van toepassing."


def test_comparitie_met_mandaat_en_geen_contactpersoon(uitvoer):
    doc = document(uitvoer, "assen")
    partijen = "\n".join(p.text for p in doc.paragraphs[:80])
    assert "artikel 171, tweede lid, van de Gemeentewet" in partijen
    assert "volmachtbesluit van de burgemeester van Assen" in partijen
    assert "namens de gemeenten Aa en Hunze (voorbeeld), Midden-Drenthe" in partijen
    profiel = contracten.laad_regio(REGIOS, "assen")
    aanbieder = next(a for a in profiel.aanbieders if a.id == "wonen-plus")
    assert aanbieder.contact.naam not in tekst(doc)  # never the contact person as signatory
    ondertekening = doc.tables[-1]
    assert "……" in ondertekening.rows[3].cells[1].text  # the provider's signatory: by hand


@pytest.mark.parametrize(("regio", "rechtbank"), [("assen", "Rechtbank Noord-Nederland"),
                                                  ("amersfoort", "Rechtbank Midden-Nederland")])
def test_rechtbank_van_de_regio(uitvoer, regio, rechtbank):
    inhoud = tekst(document(uitvoer, regio))
    assert rechtbank in inhoud
    anders = {"Rechtbank Noord-Nederland", "Rechtbank Midden-Nederland"} - {rechtbank}
    assert not any(r in inhoud for r in anders)  # no other region's fixed wording


def test_samenvatting_zichtbaar_en_definitief_weigert(uitvoer, tmp_path):
    doc = document(uitvoer, "assen")
    assert "Let op: niet ondertekenen" in tekst(doc)
    assert any(t.endswith("(samenvatting)") for _, t in koppen(doc))
    map_ = tmp_path / "uit"
    shutil.copytree(uitvoer, map_)
    regio = contracten.laad_regio(REGIOS, "assen")
    with pytest.raises(InvoerFout) as fout:
        contracten.markeer_definitief(regio, uitvoer=map_, datum=DATUM,
                                      soorten=["overeenkomst"])
    samenvatting = {m.code: m for m in fout.value.meldingen}["samenvatting_niet_definitief"]
    assert "3.19" in samenvatting.bericht
    with pytest.raises(InvoerFout) as fout:  # the example values still stand in the way
        contracten.markeer_definitief(regio, uitvoer=map_, datum=DATUM,
                                      soorten=["overeenkomst"], ook_samenvattingen=True)
    assert [m.code for m in fout.value.meldingen] == ["voorbeeld_niet_definitief"]
    _, gemarkeerd = contracten.markeer_definitief(regio, uitvoer=map_, datum=DATUM,
                                                  soorten=["overeenkomst"],
                                                  ook_samenvattingen=True, ook_voorbeelden=True)
    assert gemarkeerd == ["overeenkomsten/wonen-plus.docx"]


def test_officiele_tekst_maakt_deel_3_letterlijk(tmp_path):
    """With the official text of Deel 3 imported, the contract carries it and may be signed."""
    regels = ["Overeenkomst, versie 1.3", "Deel 3: Generieke bepalingen"]
    bibliotheek = contracten.laad_regio(REGIOS, "assen").bibliotheek
    for nummer, artikel in bibliotheek.artikelen.items():
        if artikel.status == "verbatim" and artikel.genummerd:
            regels.append(f"Artikel {nummer} – {artikel.titel}")
            regels += [f"{nummer}.{i} Officiële proeftekst {nummer}.{i}."
                       for i in range(1, len(artikel.leden) + 1)]
    bron = tmp_path / "officieel.md"
    bron.write_text("\n\n".join(regels), encoding="utf-8")
    contracten.importeer_artikelen(bron, map_=tmp_path / "artikelen")
    regio = contracten.laad_regio(REGIOS, "assen", artikelen=tmp_path / "artikelen")
    contracten.genereer(regio, uitvoer=tmp_path / "uit", datum=DATUM, soorten=["overeenkomst"],
                        aanbieders=["wonen-plus"])
    doc = Document(tmp_path / "uit/assen/2025/overeenkomsten/wonen-plus.docx")
    assert "3.19.6\tOfficiële proeftekst 3.19.6." in [p.text for p in doc.paragraphs]
    assert "Let op: niet ondertekenen" not in tekst(doc)
    with pytest.raises(InvoerFout) as fout:  # no summary left; Assen's example values are
        contracten.markeer_definitief(regio, uitvoer=tmp_path / "uit", datum=DATUM,
                                      soorten=["overeenkomst"])
    assert [m.code for m in fout.value.meldingen] == ["voorbeeld_niet_definitief"]
    _, gemarkeerd = contracten.markeer_definitief(regio, uitvoer=tmp_path / "uit", datum=DATUM,
                                                  soorten=["overeenkomst"], ook_voorbeelden=True)
    assert gemarkeerd == ["overeenkomsten/wonen-plus.docx"]


def test_open_plek_zonder_waarde_wordt_genoemd_en_invullingen_vullen_hem(tmp_path, regios):
    inhoud = regels(("1.3",), volledig_deel3())
    plek = next(i for i, r in enumerate(inhoud) if r.tekst == "Proeftekst van lid 3.23.1.")
    inhoud[plek] = Regel("Geschillen gaan naar [Vul in].")
    contracten.importeer_artikelen(als_markdown(tmp_path / "officieel.md", inhoud),
                                   map_=tmp_path / "artikelen")
    regio = contracten.laad_regio(regios, "assen", artikelen=tmp_path / "artikelen")
    with pytest.raises(InvoerFout) as fout:
        contracten.genereer(regio, uitvoer=tmp_path / "uit", datum=DATUM,
                            soorten=["overeenkomst"], aanbieders=["wonen-plus"])
    melding = fout.value.meldingen[0]
    assert melding.code == "plaatshouder_leeg" and "[Vul in] in artikel 3.23.1" in melding.bericht
    assert not (tmp_path / "uit").exists()  # nothing written
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d.update(invullingen={"3.23.1 [Vul in]": "de Geschillencommissie"}))
    regio = contracten.laad_regio(regios, "assen", artikelen=tmp_path / "artikelen")
    contracten.genereer(regio, uitvoer=tmp_path / "uit", datum=DATUM, soorten=["overeenkomst"],
                        aanbieders=["wonen-plus"])
    doc = Document(tmp_path / "uit/assen/2025/overeenkomsten/wonen-plus.docx")
    alineas = [p.text for p in doc.paragraphs]
    assert "3.23.1\tGeschillen gaan naar de Geschillencommissie." in alineas


def test_verwijzing_naar_onbestaand_artikel_wordt_gemeld_en_geweigerd(regios, tmp_path):
    pad = regios / "assen/programma.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        "artikel 3.19 lid 6 van de overeenkomst", "artikel 3.19 lid 9 van de overeenkomst"),
        encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    assert "assen/programma.yaml" in uit.stderr and "artikel 3.19 lid 9" in uit.stderr
    assert "[verwijzing_bestaat_niet]" in uit.stderr
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer", str(tmp_path),
                   "--datum", DATUM.isoformat())
    assert uit.code == 1 and "artikel 3.19 lid 9" in uit.stderr
    assert not (tmp_path / "assen").exists()


def test_eigen_artikel_na_1_10_en_geen_wijziging_van_deel_3(uitvoer, regios):
    titels = [t for _, t in koppen(document(uitvoer, "amersfoort"))]
    assert titels.index("Artikel 1.11 – Deelnemende gemeenten") == \
        titels.index("Artikel 1.10 – Implementatiebepaling") + 1
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d.update(eigen_artikelen=[
        {"nummer": "3.19", "titel": "Eigen versie", "leden": ["Anders."]}]))
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "eigen_artikelen[0].nummer" in uit.stderr


def test_amersfoort_is_een_contract_met_het_budget_van_het_perceel(uitvoer, regios):
    profiel = contracten.laad_regio(REGIOS, "amersfoort")
    assert len(profiel.aanbieders) == 1
    inhoud = tekst(document(uitvoer, "amersfoort"))
    totaal = sum(b.bedrag for b in profiel.prijspeilen[2023].bedragen if b.product)
    assert f"€ {totaal:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in inhoud
    assert "Stichting Eemzicht (voorbeeld)" in inhoud  # an onderaannemer, with its share
    assert "De bedragen in deze tabel hebben prijspeil 2023; de overeenkomst gaat in op " \
        "1 januari 2027." in inhoud
    wijzig_yaml(regios / "amersfoort/aanbieders.yaml",
                lambda d: d["aanbieders"].append({**d["aanbieders"][0], "id": "tweede",
                                                  "kvk": "91000999", "agb": "91000998"}))
    uit = voer_uit("--regios", str(regios), "valideer", "amersfoort")
    assert uit.code == 1 and "[taakgericht_een_partner]" in uit.stderr


def test_een_document_om_in_te_werken(uitvoer):
    pad = next((uitvoer / "assen").glob("*/overeenkomsten/*.docx"))
    with zipfile.ZipFile(pad) as z:
        documentxml = z.read("word/document.xml").decode()
        stijlen = z.read("word/styles.xml").decode()
        instellingen = z.read("word/settings.xml").decode()
    assert 'TOC \\o "1-3"' in documentxml  # a table of contents field …
    inhoudsopgave = Document(pad).paragraphs
    assert any(p.style.name.lower() == "toc 3" and p.text.startswith("Artikel 3.19")
               for p in inhoudsopgave)  # … filled in, also before Word updates it
    assert 'w:lang w:val="nl-NL"' in stijlen
    assert "updateFields" in instellingen


def test_overeenkomst_yaml_is_optioneel(regios, tmp_path):
    (regios / "assen/overeenkomst.yaml").unlink()
    regio = contracten.laad_regio(regios, "assen")
    resultaat = contracten.genereer(regio, uitvoer=tmp_path, datum=DATUM)
    assert not any(d.soort == "overeenkomst" for d in resultaat.manifest.documenten)
    assert any(d.soort == "programma-van-eisen" for d in resultaat.manifest.documenten)


def test_voorbeeldwaarden_gemarkeerd(uitvoer):
    data = yaml.safe_load((REGIOS / "assen/overeenkomst.yaml").read_text(encoding="utf-8"))
    assert "opdrachtgever.vertegenwoordiger" in data["voorbeeld"]
    assert "mr. A.B. de Vries (voorbeeld)" in tekst(document(uitvoer, "assen"))
