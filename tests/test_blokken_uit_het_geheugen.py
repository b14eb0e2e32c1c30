"""Blocks from memory (`weergave.blokgeheugen`): a template's body is cut into blocks and a
block filled before is taken from memory. That way must give byte for byte what the whole-body
way gives: for every document of both regions, and for the templates it cannot cut (it then
takes the whole-body way itself)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from contracten import genereer, laad_regio
from contracten.weergave import blokgeheugen, motor
from contracten.weergave.motor import Motor

from .conftest import ASSEN_DATUM, REGIOS
from .test_briefhoofd_logo import png

TIJDSTIP = dt.datetime(2026, 1, 1)


def _bestanden(map_: Path) -> dict[str, bytes]:
    """Every file of the output, without the tool's hidden helpers beside it (the record of
    sizes and times holds each folder's own inodes and times)."""
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*"))
            if p.is_file() and not p.name.startswith(".contracten-")}


@pytest.mark.parametrize("naam", ["assen", "amersfoort", "hoogeveld"])
def test_elk_document_van_beide_regios_is_langs_beide_wegen_gelijk(naam, tmp_path, monkeypatch):
    regio = laad_regio(REGIOS, naam)
    genereer(regio, uitvoer=tmp_path / "snel", datum=ASSEN_DATUM, processen=1)
    gesneden = []
    monkeypatch.setattr(motor, "markeer", lambda body: gesneden.append(body) and False)
    genereer(regio, uitvoer=tmp_path / "heel", datum=ASSEN_DATUM, processen=1)
    assert gesneden, "de hele-body-weg is niet gebruikt"
    snel, heel = _bestanden(tmp_path / "snel"), _bestanden(tmp_path / "heel")
    assert sum(p.endswith(".docx") for p in snel) >= 2
    assert snel.keys() == heel.keys()
    verschillend = [p for p in snel if snel[p] != heel[p]]
    assert not verschillend  # docx, md, manifest (with each document's headings) alike


# --- small templates, each with something the block way must get right or leave alone -----

def _alinea(tekst: str, stijl: str | None = None) -> str:
    opmaak = f'<w:pPr><w:pStyle w:val="{stijl}"/></w:pPr>' if stijl else ""
    return f'<w:p {nsdecls("w")}>{opmaak}<w:r><w:t xml:space="preserve">{tekst}</w:t></w:r></w:p>'


INHOUDSOPGAVE = [
    f'<w:p {nsdecls("w")}><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
    'xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar '
    'w:fldCharType="separate"/></w:r><w:r><w:t>Rechtsklik: veld bijwerken</w:t></w:r></w:p>',
    f'<w:p {nsdecls("w")}><w:r><w:t>{{{{ regio }}}}</w:t></w:r></w:p>',
    f'<w:p {nsdecls("w")}><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
]
BLADWIJZER = (f'<w:p {nsdecls("w")}><w:bookmarkStart w:id="41" w:name="_GoBack"/><w:r><w:t>'
              'Begin</w:t></w:r><w:bookmarkEnd w:id="41"/></w:p>')


def _koppen() -> list[str]:
    return [
        _alinea("Artikel 1 Looptijd van {{ aanbieder }}", "Heading1"),
        _alinea("De overeenkomst met {{ aanbieder }} loopt een jaar."),
        "{%p for lid in leden %}",
        _alinea("Lid {{ lid }} &amp; meer", "Heading2"),
        "{%p endfor %}",
        _alinea("Artikel 2 Slot", "Heading1"),
        _alinea("Diep: {{ regio }}", "Heading3"),  # below the levels the TOC lists
    ]


def _tabel_met(*alineas: str) -> str:
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>'
            f'<w:tc>{"".join(a.replace(nsdecls("w"), "") for a in alineas)}</w:tc>'
            '<w:tc><w:p><w:r><w:t>{{ aanbieder }} en een heel lang woord: '
            'onderaannemersovereenkomstbepalingen</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')


SJABLONEN = {
    # The way a contract is made: a TOC field, headings from a loop, a bookmark already there.
    "inhoudsopgave": [BLADWIJZER, *INHOUDSOPGAVE, *_koppen(), _tabel_met(_alinea("Cel"))],
    # A heading inside a table still gets its bookmark and its entry.
    "kop in een tabel": [*INHOUDSOPGAVE, _tabel_met(_alinea("In de tabel", "Heading1")),
                         *_koppen()],
    # Word's own form: the table of contents in a content control (w:sdt).
    "inhoudsopgave in een w:sdt": [
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of '
        'Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>'
        + "".join(a.replace(f' {nsdecls("w")}', "") for a in INHOUDSOPGAVE)
        + "</w:sdtContent></w:sdt>", *_koppen()],
    # An if over two paragraphs: with `x` false the marker between them is skipped.
    "tag over twee alinea's": [_alinea("Voor {% if x %}weg"), _alinea("ook weg{% endif %} na"),
                               _alinea("{{ aanbieder }}")],
}
# What the block way leaves to the whole-body way.
HEEL = {
    # A table of contents in a cell: the whole-body way fits the table to its entries.
    "inhoudsopgave in een tabel": [_tabel_met(*INHOUDSOPGAVE), *_koppen()],
    # A drawing: their ids are numbered over the whole document.
    "afbeelding": ["afbeelding", *_koppen()],
}


def _maak(pad: Path, delen: list[str]) -> Path:
    document = Document()
    body = document.element.body
    for deel in delen:
        if deel == "afbeelding":
            document.add_picture(io.BytesIO(png(60, 20, (0, 84, 147))))
            body.append(body[-2])  # behind the section properties again
            continue
        if deel.startswith("{%"):
            deel = _alinea(deel)
        body.insert(len(body) - 1, parse_xml(deel))
    document.save(pad)
    return pad


def _render(sjabloon: Path, aanbieder: str, *, snel: bool, monkeypatch) -> tuple:
    if not snel:
        monkeypatch.setattr(motor, "markeer", lambda body: False)
    m = Motor(sjabloon, sjabloon.name)
    context = {"aanbieder": aanbieder, "regio": "Assen & omstreken", "leden": [1, 2],
               "x": False}
    uit = m.render(context, titel="Proef", tijdstip=TIJDSTIP)
    monkeypatch.undo()
    return uit.docx, uit.markdown(), uit.koppen(("Heading 1", "Heading 2")), m


@pytest.mark.parametrize("naam", [*SJABLONEN, *HEEL])
def test_een_klein_sjabloon_is_langs_beide_wegen_gelijk(naam, tmp_path, monkeypatch):
    sjabloon = _maak(tmp_path / "proef.docx", {**SJABLONEN, **HEEL}[naam])
    hele_weg = []
    echt = Motor._heel
    monkeypatch.setattr(Motor, "_heel", lambda self, *a: hele_weg.append(1) or echt(self, *a))
    snel = _render(sjabloon, "Zorg <B.V.>", snel=True, monkeypatch=monkeypatch)
    assert bool(hele_weg) == (naam in HEEL)  # only what it cannot cut goes the whole way
    monkeypatch.setattr(Motor, "_heel", echt)
    heel = _render(sjabloon, "Zorg <B.V.>", snel=False, monkeypatch=monkeypatch)
    assert snel[:3] == heel[:3]
    if naam.startswith("inhoudsopgave") and naam in SJABLONEN:
        with zipfile.ZipFile(io.BytesIO(snel[0])) as z:
            assert z.read("word/document.xml").count(b"w:hyperlink w:anchor=") == 4
    if naam == "inhoudsopgave":
        with zipfile.ZipFile(io.BytesIO(snel[0])) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        assert xml.count('w:name="_Toc0') == 4  # the levels the field asks for (1-2) …
        assert 'w:name="_Toc000000042"' in xml  # … numbered on from the bookmark there
        assert xml.count("w:hyperlink w:anchor=") == 4 and "Rechtsklik" not in xml
        assert snel[2] == ["Artikel 1 Looptijd van Zorg <B.V.>", "Lid 1 & meer", "Lid 2 & meer",
                           "Artikel 2 Slot"]


def test_vanaf_het_tweede_document_komt_wat_ze_delen_uit_het_geheugen(tmp_path, monkeypatch):
    """The blocks of a template's first document are kept from their first use: the second
    document processes only the blocks that name its aanbieder. Those are kept from their
    second use, as any later block (a run of 5,000 aanbieders would otherwise hold thousands
    of blocks nobody uses again)."""
    sjabloon = _maak(tmp_path / "proef.docx", SJABLONEN["inhoudsopgave"])
    m = Motor(sjabloon, sjabloon.name)
    verwerkt: list[str] = []
    echt = blokgeheugen.Blokgeheugen._verwerk

    def verwerk(self, kop, stuk, *rest):
        verwerkt.append(stuk)
        return echt(self, kop, stuk, *rest)

    monkeypatch.setattr(blokgeheugen.Blokgeheugen, "_verwerk", verwerk)
    context = {"regio": "Assen", "leden": [1, 2], "x": False}
    m.render({**context, "aanbieder": "Zorg A"}, titel="A", tijdstip=TIJDSTIP)
    eerste = len(verwerkt)
    assert eerste >= 8
    m.render({**context, "aanbieder": "Zorg B"}, titel="B", tijdstip=TIJDSTIP)
    # Only the blocks that name the aanbieder are new: the heading, its paragraph, the table.
    nieuw = verwerkt[eerste:]
    assert len(nieuw) == 3 and all("Zorg B" in stuk for stuk in nieuw)
    m.render({**context, "aanbieder": "Zorg A"}, titel="A", tijdstip=TIJDSTIP)
    assert len(verwerkt) == eerste + 3  # the first document's own blocks were kept too
    m.render({**context, "aanbieder": "Zorg C"}, titel="C", tijdstip=TIJDSTIP)
    m.render({**context, "aanbieder": "Zorg C"}, titel="C", tijdstip=TIJDSTIP)
    m.render({**context, "aanbieder": "Zorg C"}, titel="C", tijdstip=TIJDSTIP)
    assert len(verwerkt) == eerste + 9  # C's own blocks: kept from their second use


def test_wat_een_motor_onthield_maakt_hetzelfde_als_een_nieuwe_motor(tmp_path):
    """Every aanbieder's documents, made after those before it (blocks, fragments and table
    widths from memory), are byte for byte those made on their own by fresh engines; Assen's
    letters come in two kinds (obliged or not), so a memory that mixed them up would show."""
    regio = laad_regio(REGIOS, "assen")
    genereer(regio, uitvoer=tmp_path / "alle", datum=ASSEN_DATUM, processen=1)
    alle = _bestanden(tmp_path / "alle")
    for aanbieder in regio.aanbieders[1:]:
        map_ = tmp_path / aanbieder.id
        genereer(regio, uitvoer=map_, datum=ASSEN_DATUM, processen=1, aanbieders=[aanbieder.id],
                 soorten=["overeenkomst", "socialreturn-brief"])
        los = {p: inhoud for p, inhoud in _bestanden(map_).items()
               if p.endswith((".docx", ".md")) and aanbieder.id in p}
        assert len(los) == 4, aanbieder.id
        assert {p: alle[p] for p in los} == los, aanbieder.id


def test_het_geheugen_houdt_wat_gebruikt_wordt_en_blijft_begrensd():
    """An entry is kept from its second use; one used in every round then stays however many
    new ones pass; one stored once is never kept; never more than twice a generation is held."""
    from contracten.weergave.geheugen import Geheugen

    geheugen: Geheugen[str, int] = Geheugen(per_generatie=10)
    geheugen["vast"] = 0
    assert geheugen.get("vast") is None and len(geheugen) == 0
    geheugen["vast"] = 0
    for i in range(1, 1000):
        assert geheugen.get("vast") == 0
        geheugen[f"eenmalig-{i}"] = i
        assert geheugen.get(f"eenmalig-{i}") is None
        geheugen[f"tweemaal-{i}"] = i
        geheugen[f"tweemaal-{i}"] = i
        assert len(geheugen) <= 20
    assert geheugen.get("eenmalig-999") is None and geheugen.get("tweemaal-999") == 999
    assert geheugen.get("tweemaal-1") is None
    geheugen.bewaar("meteen", 1)  # kept from its first use
    assert geheugen.get("meteen") == 1 and len(geheugen) <= 20


def test_blok_kent_zijn_utf8_ook_ingevuld_en_anders_niet():
    """A block carries its pieces as UTF-8 (a document's part is joined from them, not encoded
    whole): also a block filled in from its form (dataclasses.replace), and none for a piece
    that cannot be encoded, so that the document is encoded (and refused) as it always was."""
    import dataclasses

    from contracten.weergave.samenstelling import samengesteld

    blok = blokgeheugen.Blok(("<w:p>é ’</w:p>",), (), (), 0, False, None)
    assert blok.utf8 == ("<w:p>é ’</w:p>".encode(),)
    ander = dataclasses.replace(blok, stukken=("<w:p>Zorg &amp; Co</w:p>",))
    assert ander.utf8 == (b"<w:p>Zorg &amp; Co</w:p>",)
    kapot = dataclasses.replace(blok, stukken=("<w:p>\ud800</w:p>",))
    assert kapot.utf8 is None
    geheugen = blokgeheugen.Blokgeheugen(lambda xml: xml, {})
    tekst, _, _, utf8 = samengesteld("<w:body>", [blok, ander], geheugen, {})
    assert not isinstance(tekst, str)  # joined only when asked
    assert utf8 == tekst.tekst().encode("utf-8") == (
        "<w:body><w:p>é ’</w:p><w:p>Zorg &amp; Co</w:p></w:body>".encode())
    tekst, _, _, utf8 = samengesteld("<w:body>", [blok, kapot], geheugen, {})
    assert utf8 is None and tekst == "<w:body><w:p>é ’</w:p><w:p>\ud800</w:p></w:body>"
