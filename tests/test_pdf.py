"""A finished PDF (issue 25, part 5): a table of contents with page numbers, a signature that
never breaks across pages, headings that never stay alone at the bottom of a page, and a tagged
PDF/A-2b in Dutch.

The PDF tests run the real LibreOffice, once for the whole module: the indexation letters of
both example regions, an overeenkomst and a programma van eisen in one batch."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pypdf import PdfReader

import contracten
from contracten.weergave.pdf import naar_pdf

from .conftest import indexeer_tot

ROOT = Path(__file__).resolve().parent.parent
REGIOS = ROOT / "regios"
SJABLONEN = ROOT / "sjablonen"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
DATUM = dt.date(2026, 11, 23)
# Each example region indexed to a prijspeil with letters: Assen's next, Amersfoort's first
# from the start of its contracts (2027).
INDEXATIE = {"assen": 2026, "amersfoort": 2027}
BRIEVEN = ["indexatiebrief", "opzeggingsbrief", "socialreturn-brief", "socialreturn-herinnering"]
# Leader dots and a page number: the end of an entry in the table of contents.
_PAGINANUMMER = re.compile(r"\.{2,}\s*(\d+)\s*$")


def _xml(pad: Path, deel: str) -> etree._Element:
    with zipfile.ZipFile(pad) as z:
        return etree.fromstring(z.read(deel))


def _tekst(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _heeft(p: etree._Element, eigenschap: str) -> bool:
    element = p.find(f"{W}pPr/{W}{eigenschap}")
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false")


# --- the templates (no LibreOffice needed) ----------------------------------------------------

@pytest.mark.parametrize("naam", BRIEVEN)
def test_de_ondertekening_van_een_brief_blijft_bijeen(naam):
    """From the greeting to the name every paragraph keeps with the next, and none breaks
    inside; so greeting, 'namens', the space to sign, name and function share a page."""
    alineas = list(_xml(SJABLONEN / f"{naam}.docx", "word/document.xml").iter(f"{W}p"))
    groet = max(i for i, p in enumerate(alineas) if _tekst(p).strip() == "Met vriendelijke groet,")
    functie = next(i for i, p in enumerate(alineas)
                   if i > groet and "{{ ondertekening.functie }}" in _tekst(p))
    blok = alineas[groet:functie + 1]
    assert any("{{ ondertekening.naam }}" in _tekst(p) for p in blok)
    assert all(_heeft(p, "keepNext") for p in blok[:-1]), naam
    assert all(_heeft(p, "keepLines") for p in blok), naam


def test_de_ondertekening_van_het_addendum_blijft_bijeen():
    alineas = list(_xml(SJABLONEN / "tariefaddendum.docx", "word/document.xml").iter(f"{W}p"))
    begin = max(i for i, p in enumerate(alineas) if _tekst(p) == "Ondertekening")
    eind = max(i for i, p in enumerate(alineas) if _tekst(p).startswith("Handtekening:"))
    blok = alineas[begin:eind + 1]
    assert [_tekst(p) for p in blok].count("Voor Opdrachtnemer") == 1
    assert all(_heeft(p, "keepNext") for p in blok[:-1])
    assert all(_heeft(p, "keepLines") for p in blok)


def test_de_ondertekening_van_de_overeenkomst_splitst_niet():
    """A table: no row splits, and every paragraph but those of the last row keeps with the
    next (Word's way, and LibreOffice's, of keeping a whole table on one page)."""
    body = _xml(SJABLONEN / "overeenkomst.docx", "word/document.xml").find(f"{W}body")
    kop = [p for p in body if p.tag == f"{W}p" and _tekst(p) == "Ondertekening"][-1]
    tabel = next(k for k in kop.itersiblings() if k.tag == f"{W}tbl")
    rijen = tabel.findall(f"{W}tr")
    assert len(rijen) >= 5 and "ondertekening.functie" in "".join(tabel.itertext())
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rijen)
    assert all(_heeft(p, "keepNext") for r in rijen[:-1] for p in r.iter(f"{W}p"))


def _stijl_eigenschap(stijlen: etree._Element, stijl_id: str, eigenschap: str) -> bool:
    """Whether a paragraph style has `eigenschap`, itself or through the style it is based on."""
    per_id = {s.get(f"{W}styleId"): s for s in stijlen.iter(f"{W}style")}
    while (stijl := per_id.get(stijl_id)) is not None:
        element = stijl.find(f"{W}pPr/{W}{eigenschap}")
        if element is not None:
            return element.get(f"{W}val", "true") not in ("0", "false")
        basis = stijl.find(f"{W}basedOn")
        stijl_id = basis.get(f"{W}val") if basis is not None else None
    return False


@pytest.mark.parametrize("sjabloon", sorted(p.name for p in SJABLONEN.glob("*.docx")))
def test_een_kop_blijft_bij_zijn_tekst(sjabloon):
    stijlen = _xml(SJABLONEN / sjabloon, "word/styles.xml")
    koppen = {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
              for s in stijlen.iter(f"{W}style") if s.get(f"{W}type") == "paragraph"
              and re.fullmatch(r"(?i)heading [1-9]|title", s.find(f"{W}name").get(f"{W}val"))}
    assert len(koppen) >= 4, sjabloon
    for stijl_id, naam in koppen.items():
        assert _stijl_eigenschap(stijlen, stijl_id, "keepNext"), (sjabloon, naam)


@pytest.mark.parametrize("sjabloon", sorted(p.name for p in SJABLONEN.glob("*.docx")))
def test_elk_sjabloon_is_nederlands(sjabloon):
    """The default language of the text: a PDF takes it as its /Lang (a screen reader reads
    Dutch with a Dutch voice), Word and LibreOffice check its spelling in Dutch."""
    stijlen = _xml(SJABLONEN / sjabloon, "word/styles.xml")
    lang = stijlen.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "nl-NL"


# --- the PDFs ---------------------------------------------------------------------------------

@dataclass
class Pdfs:
    overeenkomst: Path
    programma_van_eisen: Path
    indexatiebrieven: dict[str, list[Path]]  # per region


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Pdfs:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd: de pdf's kunnen niet worden "
                    "gemaakt; .ci/run installeert het")
    werk = tmp_path_factory.mktemp("pdf")
    regios = werk / "regios"
    shutil.copytree(REGIOS, regios)
    uit = werk / "uit"
    for naam, naar in INDEXATIE.items():
        indexeer_tot(regios, naam, naar, datum=DATUM, percentage=Decimal("3.5"))
        contracten.genereer(contracten.laad_regio(regios, naam), uitvoer=uit, datum=DATUM,
                            prijspeil=naar, soorten=["indexatiebrief"])
    contracten.genereer(contracten.laad_regio(regios, "assen"), uitvoer=uit, datum=DATUM,
                        prijspeil=INDEXATIE["assen"], soorten=["overeenkomst",
                                                               "programma-van-eisen"],
                        aanbieders=["wonen-plus"])
    assen = uit / "assen" / str(INDEXATIE["assen"])
    brieven = {naam: sorted((uit / naam / str(naar) / "brieven/indexatie").glob("*.docx"))
               for naam, naar in INDEXATIE.items()}
    bronnen = [assen / "overeenkomsten/wonen-plus.docx", assen / "programma-van-eisen.docx",
               *(b for lijst in brieven.values() for b in lijst)]
    naar_pdf([(b, b.with_suffix(".pdf")) for b in bronnen])  # one LibreOffice run for all
    return Pdfs(assen / "overeenkomsten/wonen-plus.pdf", assen / "programma-van-eisen.pdf",
                {naam: [b.with_suffix(".pdf") for b in lijst] for naam, lijst in brieven.items()})


def _inhoudsopgave(paginas: list[str]) -> tuple[list[tuple[str, int]], int]:
    """The entries of the table of contents, (text, page number), and the number of its last
    page. The entries follow the title ('Inhoud', 'Inhoudsopgave'); one may wrap over lines,
    and ends with leader dots and its page number. The running header above each page and the
    footer below it are no entries."""
    koptekst = paginas[-1].splitlines()[0]
    ingangen: list[tuple[str, int]] = []
    laatste, bezig = 0, False
    for nummer, pagina in enumerate(paginas, start=1):
        deel, hier = "", False
        for regel in pagina.splitlines():
            if not bezig:
                bezig = regel.strip() in ("Inhoud", "Inhoudsopgave")
                continue
            if regel == koptekst:
                continue
            deel = f"{deel} {regel}".strip()
            gevonden = _PAGINANUMMER.search(regel)
            if gevonden:
                tekst = " ".join(_PAGINANUMMER.sub("", deel).split()).rstrip(".")
                ingangen.append((tekst, int(gevonden.group(1))))
                deel, hier, laatste = "", True, nummer
        if ingangen and not hier:
            break
    return ingangen, laatste


def _begint_op(paginas: list[str], tekst: str, vanaf: int) -> int | None:
    """The first page from `vanaf` on where a line starts as the heading `tekst` does."""
    begin = " ".join(tekst.split()[:6])
    for nummer in range(vanaf, len(paginas) + 1):
        regels = [" ".join(r.split()) for r in paginas[nummer - 1].splitlines()]
        for i, regel in enumerate(regels):
            samen = " ".join([regel, *regels[i + 1:i + 2]])  # a heading may wrap as well
            if regel and samen.startswith(begin):
                return nummer
    return None


@pytest.mark.parametrize("document", ["overeenkomst", "programma_van_eisen"])
def test_de_inhoudsopgave_noemt_de_paginas_waar_de_artikelen_beginnen(pdfs, document):
    paginas = [p.extract_text() for p in PdfReader(getattr(pdfs, document)).pages]
    ingangen, laatste = _inhoudsopgave(paginas)
    assert len(ingangen) >= 20, ingangen  # without page numbers there are none
    vanaf = laatste + 1
    for tekst, pagina in ingangen:
        begint = _begint_op(paginas, tekst, vanaf)
        assert begint == pagina, (tekst, pagina, begint)
        vanaf = begint
    if document == "overeenkomst":
        artikelen = [t for t, _ in ingangen if t.startswith("Artikel ")]
        assert len(artikelen) >= 40 and any(t.startswith("Artikel 3.31") for t in artikelen)


def test_pdf_is_getagd_nederlands_en_pdf_a_2b(pdfs):
    for pad in [pdfs.overeenkomst, pdfs.programma_van_eisen, pdfs.indexatiebrieven["assen"][0],
                pdfs.indexatiebrieven["amersfoort"][0]]:
        lezer = PdfReader(pad)
        catalogus = lezer.trailer["/Root"]
        assert bool(catalogus["/MarkInfo"]["/Marked"]), pad
        assert "/StructTreeRoot" in catalogus, pad
        assert catalogus["/Lang"] == "nl-NL", pad
        xmp = catalogus["/Metadata"].get_object().get_data().decode("utf-8")
        assert re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", xmp), pad
        assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>|pdfaid:conformance=\"B\"",
                         xmp), pad


def _pagina(paginas: list[list[str]], past: Callable[[str], bool]) -> int:
    """The one page with a line that `past` accepts."""
    gevonden = [i for i, regels in enumerate(paginas, start=1) if any(past(r) for r in regels)]
    assert len(gevonden) == 1, gevonden
    return gevonden[0]


@pytest.mark.parametrize("regio", sorted(INDEXATIE))
def test_naam_en_functie_van_de_ondertekenaar_op_dezelfde_pagina(pdfs, regio):
    ondertekening = yaml.safe_load(
        (REGIOS / regio / "brieven.yaml").read_text(encoding="utf-8"))["ondertekening"]
    aanbieders = yaml.safe_load(
        (REGIOS / regio / "aanbieders.yaml").read_text(encoding="utf-8"))["aanbieders"]
    brieven = pdfs.indexatiebrieven[regio]
    assert len(brieven) == len(aanbieders)
    for brief in brieven:
        paginas = [[" ".join(r.split()) for r in p.extract_text().splitlines()]
                   for p in PdfReader(brief).pages]
        groet = _pagina(paginas, lambda r: r == "Met vriendelijke groet,")
        naam = _pagina(paginas, lambda r: r.startswith(ondertekening["naam"]))
        functie = _pagina(paginas, lambda r: r.startswith(ondertekening["functie"]))
        assert groet == naam == functie, (brief.name, groet, naam, functie)


def test_word_werkt_de_inhoudsopgave_bij_bij_openen(assen_eenmaal_gegenereerd):
    """Word fills in the page numbers itself when it opens the document: w:updateFields, in
    its place in the order of settings.xml (Word calls a file with it elsewhere damaged)."""
    volgorde = ["zoom", "proofState", "defaultTabStop", "updateFields", "compat", "rsids",
                "themeFontLang", "decimalSymbol", "listSeparator"]
    map_ = assen_eenmaal_gegenereerd / "assen/2025"
    for pad in [map_ / "overeenkomsten/wonen-plus.docx", map_ / "programma-van-eisen.docx"]:
        instellingen = _xml(pad, "word/settings.xml")
        bijwerken = instellingen.find(f"{W}updateFields")
        assert bijwerken is not None and bijwerken.get(f"{W}val") == "true", pad
        namen = [etree.QName(k).localname for k in instellingen
                 if etree.QName(k).namespace == W_NS]
        aanwezig = [n for n in volgorde if n in namen]
        assert [n for n in namen if n in volgorde] == aanwezig, (pad, namen)


def test_updatefields_komt_op_zijn_plaats_ook_als_het_sjabloon_het_elders_had():
    """A template may carry w:updateFields out of order (as the overeenkomst did, at the end);
    the document gets it in its place, once."""
    from contracten.weergave import pakket

    settings = (f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:compat/>'
                '<w:decimalSymbol w:val=","/><w:updateFields w:val="false"/></w:settings>')
    uit = etree.fromstring(pakket.instellingen(settings.encode(), velden_bijwerken=True,
                                               voetnoten=False))
    assert [etree.QName(k).localname for k in uit] == [
        "zoom", "updateFields", "compat", "decimalSymbol"]
    assert uit.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_een_document_dat_libreoffice_niet_opent_wordt_genoemd_en_er_komt_geen_pdf(tmp_path):
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het")
    kapot = tmp_path / "kapot.docx"
    with zipfile.ZipFile(kapot, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        z.writestr("word/document.xml", "<niet-af")
    goed = tmp_path / "goed.docx"
    shutil.copyfile(SJABLONEN / "socialreturn-overzicht.docx", goed)
    with pytest.raises(contracten.ContractenFout, match=r"niet naar pdf omzetten: kapot\.docx \("):
        naar_pdf([(goed, tmp_path / "goed.pdf"), (kapot, tmp_path / "kapot.pdf")])
    assert not list(tmp_path.glob("*.pdf"))  # all or nothing


def test_lege_documenten_vooraf_veranderen_geen_pagina(pdfs, tmp_path, monkeypatch):
    """The empty documents the macro opens at the first document with a table of contents
    (pdfmacro.VOORAF) only keep more formatted lines in memory: without them every page of the
    overeenkomst (more paragraphs than Writer keeps with one document open: 250 plus 100 per
    open document) and of a letter converted after it is drawn the same, byte for byte."""
    from contracten.weergave import pdfmacro

    with zipfile.ZipFile(pdfs.overeenkomst.with_suffix(".docx")) as z:
        lichaam = z.read("word/document.xml")
    assert lichaam.count(b"<w:p>") + lichaam.count(b"<w:p ") > 250 + 100
    # One LibreOffice, the overeenkomst first: the letter comes after the empties were opened.
    bronnen = [pdfs.overeenkomst.with_suffix(".docx"),
               pdfs.indexatiebrieven["assen"][0].with_suffix(".docx")]
    standaard = pdfmacro.VOORAF
    assert standaard > 0
    paginas = {}
    for vooraf in (standaard, 0):
        monkeypatch.setattr(pdfmacro, "VOORAF", vooraf)
        naar_pdf([(b, tmp_path / str(vooraf) / f"{i}.pdf") for i, b in enumerate(bronnen)],
                 processen=1)
        paginas[vooraf] = [[p.get_contents().get_data()
                            for p in PdfReader(tmp_path / str(vooraf) / f"{i}.pdf").pages]
                           for i in range(len(bronnen))]
    assert all(paginas[0])  # every document has its pages
    assert paginas[standaard] == paginas[0]
