"""Documents that read as finished documents (issue 14, items 7 and 8), for every kind but the
overeenkomst: a table of contents and real footnotes in the programma van eisen, table columns
that fit their content, no doubled list markers, Dutch decimals, Dutch as the document language,
and templates that still work after LibreOffice saved them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

import contracten
from contracten.soorten.programma_van_eisen import fragment
from contracten.weergave.fragment import VOETNOOT, Tekst
from contracten.weergave.stijlen import Stijlen
from contracten.weergave.tabelbreedte import breedte, onbreekbare_stukken, verdeel

ROOT = Path(__file__).resolve().parent.parent
SJABLONEN = ROOT / "sjablonen"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
DATUM = dt.date(2026, 1, 5)
NIET_OVEREENKOMST = ["programma-van-eisen", "indexatiebrief", "opzeggingsbrief",
                     "socialreturn-brief", "socialreturn-overzicht", "transitieschema"]


def _clienten(regio: contracten.Profiel, aanbieder: str, pad: Path) -> Path:
    """A client in every gemeente, with and without an end date, for the transitieschema."""
    producten = next(a for a in regio.aanbieders if a.id == aanbieder).producten
    regels = ["client,gemeente,product,einddatum_beschikking"]
    for i, gemeente in enumerate(regio.regio.gemeenten):
        einde = "" if i % 2 else f"2027-0{i % 9 + 1}-15"
        regels.append(f"C-{1000 + i},{gemeente.naam},{producten[i % len(producten)]},{einde}")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def _maak(regios: Path, uitvoer: Path) -> None:
    for naam in ("assen", "amersfoort"):
        regio = contracten.laad_regio(regios / naam)
        contracten.genereer(regio, uitvoer=uitvoer, datum=DATUM)
        # Each year after the region's last prijspeil up to 2026 at 3,5 % (Amersfoort: 2024,
        # 2025 and 2026 in one run, with one letter; Assen uses only 2026's row).
        cijfers = contracten.Invoerbestand("cijfers.csv", b"jaar;percentage\n2024;3,5\n"
                                           b"2025;3,5\n2026;3,5\n")
        contracten.indexeer(regio, naar=2026, cijfers=cijfers, genereren=True, datum=DATUM,
                            uitvoer=uitvoer)
        regio = contracten.laad_regio(regios / naam)
        contracten.socialreturn(regio, uitvoer=uitvoer, datum=DATUM)
        aanbieder = regio.aanbieders[0].id
        clienten = _clienten(regio, aanbieder, regios / "clienten.csv") if naam == "assen" \
            else None  # Amersfoort: a transitieschema with only its dates and rules
        opzegdatum = dt.date(2026, 8, 31) if naam == "assen" else dt.date(2027, 8, 31)
        contracten.opzegging(regio, aanbieder=aanbieder, datum=opzegdatum,  # within the looptijd
                             # the aanbieder's notice is confirmed the day after it
                             # arrived; the gemeente's letter is dated before it arrives
                             briefdatum=DATUM if naam == "amersfoort"
                             else opzegdatum + dt.timedelta(days=1),
                             uitvoer=uitvoer, clienten=clienten,
                             # Amersfoort's overeenkomst lets only the gemeente terminate
                             door="gemeente" if naam == "amersfoort" else "aanbieder")


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every kind of document but the overeenkomst, of both regions, made once for this file;
    plus indexatiebrieven by the VNG method (under vng/)."""
    basis = tmp_path_factory.mktemp("documentkwaliteit")
    regios = basis / "regios"
    shutil.copytree(ROOT / "regios", regios)
    uit = basis / "uit"
    _maak(regios, uit)
    vng = basis / "regios-vng"
    shutil.copytree(ROOT / "regios", vng)
    contracten.indexeer(contracten.laad_regio(vng / "assen"), naar=2026, ova=Decimal("4.18"),
                        ppc=Decimal("1.82"), nacalculatie=Decimal("1.013"), genereren=True,
                        datum=DATUM, uitvoer=uit / "vng")
    return uit


def _documenten(uitvoer: Path) -> list[Path]:
    return sorted(p for p in uitvoer.rglob("*.docx") if "overeenkomsten" not in p.parts)


def _deel(pad: Path, naam: str) -> bytes:
    with zipfile.ZipFile(pad) as z:
        return z.read(naam)


def _xml(pad: Path, naam: str) -> etree._Element:
    return etree.fromstring(_deel(pad, naam))


def _tekst(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _programmas(uitvoer: Path) -> list[Path]:
    gevonden = sorted(uitvoer.glob("*/*/programma-van-eisen.docx"))
    assert len(gevonden) >= 4  # both regions, before and after indexation
    return gevonden


def _stijlnamen(pad: Path) -> dict[str, str]:
    return Stijlen(_xml(pad, "word/styles.xml")).namen


# --- table of contents ---------------------------------------------------------------------

def test_programma_van_eisen_heeft_een_inhoudsopgave_met_zijn_koppen(uitvoer):
    for pad in _programmas(uitvoer):
        body = _xml(pad, "word/document.xml").find(f"{W}body")
        instructies = [t.text or "" for t in body.iter(f"{W}instrText")]
        assert any(re.match(r'\s*TOC \\o "1-3" \\h \\z \\u', i) for i in instructies), pad
        namen = _stijlnamen(pad)
        koppen = []
        bladwijzers = {b.get(f"{W}name"): p for p in body.iter(f"{W}p")
                       for b in p.iter(f"{W}bookmarkStart")}
        for p in body.iter(f"{W}p"):
            stijl = p.find(f"{W}pPr/{W}pStyle")
            naam = namen.get(stijl.get(f"{W}val"), "") if stijl is not None else ""
            if re.fullmatch(r"Heading [123]", naam) and _tekst(p).strip():
                koppen.append(p)
        ingangen = [(h.get(f"{W}anchor"), _tekst(h)) for h in body.iter(f"{W}hyperlink")
                    if (h.get(f"{W}anchor") or "").startswith("_Toc")]
        assert len(koppen) > 10 and len(ingangen) == len(koppen), pad
        for (anker, tekst), kop in zip(ingangen, koppen, strict=True):
            assert " ".join(_tekst(kop).split()) == tekst
            assert bladwijzers[anker] is kop  # the entry links to its own heading
        instellingen = _xml(pad, "word/settings.xml")
        assert instellingen.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_de_tekstversie_herhaalt_de_inhoudsopgave_niet(uitvoer):
    for pad in _programmas(uitvoer):
        md = pad.with_suffix(".md").read_text(encoding="utf-8")
        assert "Inhoud" not in md.split("\n## ", 1)[0]
        assert "TOC" not in md


# --- footnotes -------------------------------------------------------------------------------

def _voetnoten_van_profiel(naam: str) -> list[str]:
    profiel = contracten.laad_regio(ROOT / "regios" / naam)
    return [tekst for sectie in profiel.programma.secties for tekst in sectie.voetnoten]


@pytest.mark.parametrize("regio", ["assen", "amersfoort"])
def test_voetnoten_zijn_echte_word_voetnoten(uitvoer, regio):
    noten = _voetnoten_van_profiel(regio)
    assert noten
    for pad in sorted(uitvoer.glob(f"{regio}/*/programma-van-eisen.docx")):
        body = _xml(pad, "word/document.xml").find(f"{W}body")
        verwijzingen = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
        assert len(verwijzingen) == len(noten) == len(set(verwijzingen)), pad
        voetnoten = {n.get(f"{W}id"): n for n in _xml(pad, "word/footnotes.xml")
                     if n.tag == f"{W}footnote"}
        assert {"-1", "0"} <= set(voetnoten)  # Word's separators
        for verwijzing, tekst in zip(verwijzingen, noten, strict=True):
            noot = voetnoten[verwijzing]
            assert noot.find(f".//{W}footnoteRef") is not None
            zichtbaar = re.sub(r"<(https?://[^>]+)>", r"\1", tekst)
            assert " ".join(_tekst(noot).split()).endswith(" ".join(zichtbaar.split())[-30:])
        # No fake footnotes left: no superscript digits, no "Voetnoot" paragraphs.
        assert not re.search("[¹²³⁴⁵⁶⁷⁸⁹⁰]", _tekst(body))
        namen = _stijlnamen(pad)
        assert all(namen.get(s.get(f"{W}val")) != "Voetnoot" for s in body.iter(f"{W}pStyle"))
        relaties = _deel(pad, "word/_rels/document.xml.rels").decode()
        assert 'relationships/footnotes" Target="footnotes.xml"' in relaties
        typen = _deel(pad, "[Content_Types].xml").decode()
        assert 'PartName="/word/footnotes.xml"' in typen and "footnotes+xml" in typen


def test_links_in_een_voetnoot_werken(uitvoer):
    pad = uitvoer / "assen/2025/programma-van-eisen.docx"
    relaties = {r.get("Id"): r.get("Target") for r in _xml(pad, "word/_rels/footnotes.xml.rels")
                if r.get("TargetMode") == "External"}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    links = [relaties[h.get(r_id)] for h in _xml(pad, "word/footnotes.xml").iter(f"{W}hyperlink")]
    assert "https://vved.org/kve/" in links
    assert "https://www.registerplein.nl/registers/ervaringsdeskundigen/" in links
    md = pad.with_suffix(".md").read_text(encoding="utf-8")
    assert "<sup>2</sup> [https://vved.org/kve/](https://vved.org/kve/) Het Kwaliteitssysteem" in md


def test_tekstversie_heeft_voetnoten_als_markdown(uitvoer):
    for regio in ("assen", "amersfoort"):
        aantal = len(_voetnoten_van_profiel(regio))
        for pad in sorted(uitvoer.glob(f"{regio}/*/programma-van-eisen.md")):
            md = pad.read_text(encoding="utf-8")
            verwijzingen = re.findall(r"(?<!^)(?<!\n)<sup>(\d+)</sup>", md)
            definities = re.findall(r"^<sup>(\d+)</sup> \S", md, flags=re.M)
            verwacht = [str(n) for n in range(1, aantal + 1)]
            assert verwijzingen == verwacht and definities == verwacht, pad
            assert md.rstrip().splitlines()[-1].startswith(f"<sup>{aantal}</sup> ")


def test_een_markering_in_de_tekst_plaatst_de_voetnoot_daar(regios):
    pad = regios / "amersfoort" / "programma.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("Samen in de wijk[^1]", "Samen in de wijk")
    tekst = tekst.replace("ambulante begeleiding Wmo[^3]", "ambulante begeleiding Wmo")
    assert "beschermd wonen en beschermd thuis[^2] en ambulante" in tekst
    pad.write_text(tekst, encoding="utf-8")  # only the second footnote marked in the text
    profiel = contracten.laad_regio(regios / "amersfoort")
    uit = fragment(profiel, profiel.prijspeilen[profiel.laatste_prijspeil()])
    inleiding = next(b for b in uit.blokken if isinstance(b, Tekst)
                     and "startnotities beschermd wonen" in b.markdown)
    markeringen = [(m.start(), int(m.group(1))) for m in VOETNOOT.finditer(inleiding.markdown)]
    assert [n for _, n in markeringen] == [2, 1, 3]  # the marked one in place, the rest at the end
    assert inleiding.markdown[:markeringen[0][0]].endswith("beschermd thuis")
    assert "[^2]" not in inleiding.markdown
    assert uit.voetnoten[1] == "Link naar startnotitie 'beschermd wonen en beschermd thuis'."


# --- tables ----------------------------------------------------------------------------------

def _kolommen(tbl: etree._Element) -> list[int]:
    return [int(k.get(f"{W}w")) for k in tbl.findall(f"{W}tblGrid/{W}gridCol")]


def test_kolommen_zijn_breed_genoeg_voor_hun_langste_onbreekbare_stuk(uitvoer):
    """Every piece a line may not break inside (a word, "€ 1.480.250,00", "5 %") fits in its
    column, cell margins included; and every table fits the text width."""
    gezien = 0
    for pad in _documenten(uitvoer):
        stijlen = _xml(pad, "word/styles.xml")
        normaal = stijlen.find(f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}sz")
        punten = int(normaal.get(f"{W}val")) / 2 if normaal is not None else 11
        body = _xml(pad, "word/document.xml").find(f"{W}body")
        sect = body.find(f"{W}sectPr")
        marge = sect.find(f"{W}pgMar")
        tekstbreedte = int(sect.find(f"{W}pgSz").get(f"{W}w")) - int(marge.get(f"{W}left")) \
            - int(marge.get(f"{W}right"))  # 9072 on A4 upright, 14004 landscape
        for tbl in body.iter(f"{W}tbl"):
            kolommen = _kolommen(tbl)
            assert sum(kolommen) <= tekstbreedte, pad
            assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
            for tr in tbl.iterchildren(f"{W}tr"):
                for kolom, tc in zip(kolommen, tr.iterchildren(f"{W}tc"), strict=True):
                    assert int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) == kolom
                    for r in tc.iter(f"{W}r"):
                        vet = r.find(f"{W}rPr/{W}b") is not None
                        for stuk in onbreekbare_stukken(_tekst(r)):
                            nodig = breedte(stuk, punten, vet) + 2 * 108
                            assert nodig <= kolom, (pad.name, stuk, nodig, kolom)
                            gezien += 1
    assert gezien > 1000
    schema = next(uitvoer.glob("assen/opzeggingen/*/*/transitieschema.docx"))
    assert len(list(_xml(schema, "word/document.xml").iter(f"{W}tbl"))) >= 4  # with its clients


def test_bedragen_staan_heel_in_hun_kolom(uitvoer):
    overzicht = uitvoer / "assen/2026/socialreturn-overzicht.docx"
    tbl = _xml(overzicht, "word/document.xml").find(f".//{W}tbl")
    jaaromzet = _kolommen(tbl)[1]
    assert jaaromzet >= breedte("€ 1.480.250,00", 10) + 2 * 108
    assert onbreekbare_stukken("(€ 1.480.250,00 (voorbeeld)) iWmo-productcategorie 5 %") == [
        "(€ 1.480.250,00", "(voorbeeld))", "iWmo-", "productcategorie", "5 %"]


def test_verdeel_geeft_elke_kolom_zijn_minimum_en_houdt_de_verhouding():
    assert verdeel([4000, 2000, 3072], [1000, 1000, 1000], 9072) == [4000, 2000, 3072]
    nieuw = verdeel([4536, 1134, 1134, 1134, 1134], [1500, 2500, 1800, 1300, 1000], 9072)
    assert sum(nieuw) == 9072
    assert all(b >= m for b, m in zip(nieuw, [1500, 2500, 1800, 1300, 1000], strict=True))
    assert nieuw[0] > nieuw[3]  # the wide text column stays the widest it can
    assert sum(verdeel([1, 1], [6000, 6000], 9072)) == 9072  # too wide: scaled to fit


def test_korte_rijen_breken_niet_over_twee_paginas(uitvoer):
    for pad in _programmas(uitvoer):
        tbl = [t for t in _xml(pad, "word/document.xml").iter(f"{W}tbl")][-1]  # the tariffs
        for tr in tbl.iterchildren(f"{W}tr"):
            assert tr.find(f"{W}trPr/{W}cantSplit") is not None


# --- lists and numbers -----------------------------------------------------------------------

DUBBEL = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s|"
                    r"•\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s", re.M)


def test_geen_dubbele_lijstmarkeringen(uitvoer):
    for pad in _documenten(uitvoer):
        md = pad.with_suffix(".md").read_text(encoding="utf-8")
        assert not DUBBEL.search(md), (pad, DUBBEL.search(md))
    programma = (uitvoer / "assen/2025/programma-van-eisen.md").read_text(encoding="utf-8")
    assert re.search(r"^a\. Vanaf de datum dat de opzegtermijn ingaat", programma, re.M)
    assert re.search(r"^b\) \*\*Zelfstandig\*\*", programma, re.M)
    pad = uitvoer / "assen/2025/programma-van-eisen.docx"
    namen = _stijlnamen(pad)
    for p in _xml(pad, "word/document.xml").iter(f"{W}p"):
        stijl = p.find(f"{W}pPr/{W}pStyle")
        if stijl is not None and namen.get(stijl.get(f"{W}val"), "").startswith("List Bullet"):
            assert not re.match(r"\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s", _tekst(p)), _tekst(p)


PUNTDECIMAAL = re.compile(r"€\s?\d[\d.]*\.\d\d(?!\d)|\d+\.\d+\s*[x×]\s*\d|(?<!\w)[x×]\s*\d+\.\d+"
                          r"|\d\s+x\s+\d")


def test_nederlandse_decimalen_ook_in_formules(uitvoer):
    """No '39.60 x 1.0496' in what the code words itself: letters, overviews, schedules and
    the programma van eisen of an indexed prijspeil."""
    profieltekst = uitvoer / "assen/2025/programma-van-eisen.docx"  # see the test below
    paden = [p for p in _documenten(uitvoer) if p != profieltekst]
    assert len(paden) > 30
    for pad in paden:
        md = pad.with_suffix(".md").read_text(encoding="utf-8")
        assert not PUNTDECIMAAL.search(md), (pad, PUNTDECIMAAL.search(md))
    brief = (uitvoer / "vng/assen/2026/brieven/indexatie/wonen-plus.md").read_text(
        encoding="utf-8")
    assert "geïndexeerd, op grond van artikel 3.2 van de overeenkomst." in brief
    assert "Het indexcijfer is 4,96 %, berekend volgens de methode van de VNG: 0,9 × OVA " \
        "(4,18 %) + 0,1 × PPC (1,82 %) + nacalculatie (1,013 %) = 4,957 %, afgerond op twee " \
        "decimalen." in brief


def test_nederlandse_decimalen_in_de_toelichting_van_assen_2025(uitvoer):
    md = (uitvoer / "assen/2025/programma-van-eisen.md").read_text(encoding="utf-8")
    assert not PUNTDECIMAAL.search(md), PUNTDECIMAAL.search(md)


# --- language --------------------------------------------------------------------------------

@pytest.mark.parametrize("naam", NIET_OVEREENKOMST)
def test_sjablonen_zijn_nederlands(naam):
    pad = SJABLONEN / f"{naam}.docx"
    lang = _xml(pad, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "nl-NL"


def test_documenten_zijn_nederlands(uitvoer):
    for pad in _documenten(uitvoer):
        kern = _deel(pad, "docProps/core.xml").decode()
        assert "<dc:language>nl-NL</dc:language>" in kern, pad
        lang = _xml(pad, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert lang.get(f"{W}val") == "nl-NL", pad


# --- styles whatever program saved the template ------------------------------------------------

def _styles(*stijlen: tuple[str, str, str]) -> etree._Element:
    return etree.fromstring(
        f'<w:styles xmlns:w="{W_NS}">' + "".join(
            f'<w:style w:type="{t}" w:styleId="{i}"><w:name w:val="{n}"/></w:style>'
            for i, n, t in stijlen) + "</w:styles>")


def test_stijlen_op_naam_id_en_alias():
    word = Stijlen(_styles(("Heading1", "heading 1", "paragraph"),
                           ("TableGrid", "Table Grid", "table")))
    libreoffice = Stijlen(_styles(("Heading1", "Heading 1", "paragraph"),
                                  ("List2", "List Bullet 3", "paragraph"),
                                  ("ListBullet3", "List Bullet 3", "paragraph"),
                                  ("Contents1", "Contents 1", "paragraph")))
    nederlands = Stijlen(_styles(("Kop1", "heading 1", "paragraph"),
                                 ("Lijstopsomteken", "List Bullet", "paragraph"),
                                 ("Tabelraster", "Tabelraster", "table")))
    assert word.id_van("Heading 1") == libreoffice.id_van("Heading 1") == "Heading1"
    assert nederlands.id_van("Heading 1") == "Kop1"
    assert nederlands.id_van("List Bullet") == "Lijstopsomteken"
    assert nederlands.id_van("Table Grid", "table") == "Tabelraster"
    assert word.id_van("Table Grid") is None  # a table style is not a paragraph style
    assert libreoffice.id_van("List Bullet 3") == "ListBullet3"  # by id where names clash
    assert libreoffice.id_van("TOC 1") == "Contents1"
    assert nederlands.namen["Kop1"] == libreoffice.namen["Heading1"] == "Heading 1"
    with pytest.raises(LookupError, match="geen stijl 'Quote'"):
        word.vereist("Quote")


@pytest.fixture(scope="module")
def via_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd: de rondgang door LibreOffice "
                    "kan niet worden getest")
    werk = tmp_path_factory.mktemp("libreoffice")
    uit = werk / "sjablonen"
    proces = subprocess.run(
        [soffice, f"-env:UserInstallation={(werk / 'profiel').as_uri()}", "--headless",
         "--convert-to", "docx", "--outdir", str(uit), *map(str, sorted(SJABLONEN.glob("*.docx")))],
        capture_output=True, text=True, timeout=600, check=False)
    assert proces.returncode == 0, proces.stderr
    assert sorted(p.name for p in uit.glob("*.docx")) == sorted(
        p.name for p in SJABLONEN.glob("*.docx"))
    return uit


@pytest.mark.parametrize("regio", ["assen", "amersfoort"])
def test_sjablonen_werken_nadat_libreoffice_ze_opsloeg(via_libreoffice, regio):
    profiel = contracten.laad_regio(ROOT / "regios" / regio)
    validatie = contracten.valideer(profiel, sjablonen=via_libreoffice)
    assert validatie.geldig, [str(m) for m in validatie.meldingen]


def test_programma_van_eisen_na_libreoffice_heeft_inhoudsopgave_en_voetnoten(via_libreoffice,
                                                                              tmp_path):
    profiel = contracten.laad_regio(ROOT / "regios" / "amersfoort")
    contracten.genereer(profiel, uitvoer=tmp_path, datum=DATUM, sjablonen=via_libreoffice,
                        soorten=["programma-van-eisen"])
    pad = next(tmp_path.glob("amersfoort/*/programma-van-eisen.docx"))
    document = _deel(pad, "word/document.xml").decode()
    assert document.count('w:anchor="_Toc') > 10
    assert document.count("<w:footnoteReference ") == len(_voetnoten_van_profiel("amersfoort"))
    md = pad.with_suffix(".md").read_text(encoding="utf-8")
    assert "## 1. De opdracht" in md and "\n<sup>1</sup> Link naar regiovisie" in md


def test_elke_intensiteit_staat_in_het_programma_van_eisen(uitvoer):
    profiel = contracten.laad_regio(ROOT / "regios" / "assen")
    met = [p for p in profiel.inhoud.producten if p.intensiteit is not None]
    assert len(met) >= 3
    md = (uitvoer / "assen/2025/programma-van-eisen.md").read_text(encoding="utf-8")
    for product in met:
        i = product.intensiteit
        eenheid = "uur" if i.eenheid == "uur" else "dagdelen"
        assert f"| {product.naam}<br>{i.minimum} tot {i.maximum} {eenheid} per {i.per} |" in md
