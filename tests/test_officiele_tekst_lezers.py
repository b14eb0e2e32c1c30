"""The readers of the official text, on small documents in our own words: Word text in content
controls and fields, tracked changes refused, Word's list numbering as ECMA-376 §17.9 counts it,
a soft-wrapped Markdown export, and table cells kept in their columns."""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml

from contracten.artikelen.bronalineas import Alinea
from contracten.artikelen.importeren import lees_officieel
from contracten.artikelen.markdownlezer import uit_markdown
from contracten.artikelen.wordlezer import WordProbleem, uit_word
from contracten.fouten import InvoerFout

from .standaard_nagemaakt import W_NS, Regel, als_markdown, als_word, regels

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Word XML, compact: `_p("tekst")` a paragraph, `_r("tekst")` a run.


def _r(tekst: str, extra: str = "") -> str:
    return f'<w:r>{extra}<w:t xml:space="preserve">{tekst}</w:t></w:r>'


def _p(inhoud: str, ppr: str = "") -> str:
    eigenschappen = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{eigenschappen}{inhoud if '<' in inhoud else _r(inhoud)}</w:p>"


def _num(num_id: int, ilvl: int | None = 0) -> str:
    niveau = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{niveau}<w:numId w:val="{num_id}"/></w:numPr>'


def _lvl(ilvl: int, formaat: str, tekst: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{formaat}"/>'
            f'<w:lvlText w:val="{tekst}"/>{extra}</w:lvl>')


def _word(*blokken: str, nummering: tuple[str, ...] = (), stijlen: tuple[str, ...] = ()) -> bytes:
    """A .docx whose body holds `blokken`, numbering.xml also `nummering`, styles.xml `stijlen`
    (each a string of w: elements)."""
    document = Document()
    body = document.element.body
    for blok in blokken:
        body.insert(len(body) - 1, parse_xml(f"<w:body {W_NS}>{blok}</w:body>")[0])
    lijsten = document.part.numbering_part.element
    for oud in list(lijsten) if nummering else []:  # the template's own lists
        lijsten.remove(oud)
    for element in nummering:
        lijsten.append(parse_xml(element.replace(">", f" {W_NS}>", 1)))
    for element in stijlen:
        document.styles.element.append(parse_xml(element.replace(">", f" {W_NS}>", 1)))
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def _abstract(abstract_id: int, *niveaus: str, extra: str = "") -> str:
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(niveaus)}'
            "</w:abstractNum>")


def _numdef(num_id: int, abstract_id: int, herstart: int | None = None) -> str:
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{herstart}"/></w:lvlOverride>'
                if herstart is not None else "")
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def _markers(alineas: list[Alinea]) -> list[str | None]:
    return [a.marker for a in alineas]


# 1. Word: text outside plain runs, and tracked changes.

def test_tekst_in_inhoudsbesturingselementen_velden_en_aangepaste_xml():
    veld = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("7")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    alineas = uit_word(_word(
        f"<w:sdt><w:sdtPr><w:alias w:val='Blok'/></w:sdtPr><w:sdtContent>"
        f"{_p('Tekst in een blok-besturingselement.')}</w:sdtContent></w:sdt>",
        _p(_r("Voor ") + "<w:sdt><w:sdtContent>" + _r("[naam]") + "</w:sdtContent></w:sdt>"
           + _r(" na.")),
        f"<w:customXml w:element='x'>{_p('Tekst in aangepaste XML.')}</w:customXml>",
        _p(_r("Pagina ") + veld + '<w:fldSimple w:instr=" NUMPAGES ">' + _r("9")
           + "</w:fldSimple>"),
        _p(_r("3.9.6", "") + "<w:r><w:br/></w:r>" + _r("Na de regelovergang")
           + "<w:r><w:tab/></w:r>" + _r("12")),
        "<w:tbl><w:tr><w:tc><w:sdt><w:sdtContent>" + _p("In een cel") + "</w:sdtContent></w:sdt>"
        "</w:tc></w:tr></w:tbl>"))
    teksten = [a.tekst for a in alineas if a.tabel is None]
    assert teksten == ["Tekst in een blok-besturingselement.", "Voor [naam] na.",
                       "Tekst in aangepaste XML.", "Pagina 79", "3.9.6",
                       "Na de regelovergang\t12"]
    assert alineas[-1].tabel == [["In een cel"]]


def test_cursief_ook_in_een_besturingselement():
    schuin = "<w:rPr><w:i/></w:rPr>"
    alineas = uit_word(_word(_p("<w:sdt><w:sdtContent>" + _r("Bij de proefvariant:", schuin)
                                + "</w:sdtContent></w:sdt>"),
                             _p(_r("Schuin ", schuin) + "<w:hyperlink>" + _r("recht")
                                + "</w:hyperlink>")))
    assert [a.cursief for a in alineas] == [True, False]


@pytest.mark.parametrize("wijziging", [
    '<w:ins w:id="1" w:author="Iemand" w:date="2026-01-01T00:00:00Z">' + _r("erbij") + "</w:ins>",
    '<w:del w:id="2" w:author="Iemand"><w:r><w:delText>eraf</w:delText></w:r></w:del>',
], ids=["ingevoegd", "verwijderd"])
def test_bijgehouden_wijzigingen_worden_geweigerd(wijziging, tmp_path: Path):
    inhoud = _word(_p(_r("Een zin ") + wijziging))
    with pytest.raises(WordProbleem) as probleem:
        uit_word(inhoud)
    assert probleem.value.code == "bijgehouden_wijzigingen"
    (tmp_path / "standaard.docx").write_bytes(inhoud)
    with pytest.raises(InvoerFout) as fout:
        lees_officieel(tmp_path / "standaard.docx")
    assert "accepteer of verwerp ze eerst in Word" in fout.value.meldingen[0].bericht
    assert fout.value.meldingen[0].code == "bijgehouden_wijzigingen"


# 2. Word list numbering.

LETTERS = _abstract(1, _lvl(0, "lowerLetter", "%1)"))


def test_twee_nums_op_een_lijstdefinitie_tellen_door():
    alineas = uit_word(_word(*[_p(t, _num(11)) for t in ("een", "twee", "drie")],
                             _p("tussendoor"), *[_p(t, _num(12)) for t in ("vier", "vijf")],
                             nummering=(LETTERS, _numdef(11, 1), _numdef(12, 1))))
    assert _markers(alineas) == ["a)", "b)", "c)", None, "d)", "e)"]


def test_startoverride_begint_opnieuw_bij_het_eerste_gebruik():
    alineas = uit_word(_word(*[_p(t, _num(11)) for t in ("een", "twee")],
                             *[_p(t, _num(12)) for t in ("drie", "vier")],
                             _p("terug", _num(11)), _p("weer", _num(12)),
                             nummering=(LETTERS, _numdef(11, 1), _numdef(12, 1, herstart=1))))
    assert _markers(alineas) == ["a)", "b)", "a)", "b)", "c)", "d)"]


def test_alleen_een_niveau_in_de_alinea_met_de_lijst_uit_de_stijl():
    lijst = _abstract(1, _lvl(0, "decimal", "%1."), _lvl(1, "lowerLetter", "%2)"))
    stijl = ('<w:style w:type="paragraph" w:styleId="Proeflijst"><w:name w:val="Proeflijst"/>'
             f'<w:pPr>{_num(11, None)}</w:pPr></w:style>')
    op_stijl = '<w:pStyle w:val="Proeflijst"/>'
    alleen_niveau = '<w:numPr><w:ilvl w:val="1"/></w:numPr>'
    alineas = uit_word(_word(_p("een", op_stijl), _p("sub", op_stijl + alleen_niveau),
                             _p("twee", op_stijl),
                             nummering=(lijst, _numdef(11, 1)), stijlen=(stijl,)))
    assert _markers(alineas) == ["1.", "a)", "2."]


def test_lijst_via_stijl_gekoppeld_niveau_en_numstylelink():
    """A heading style linked to level 1 by w:pStyle; a second abstractNum that only points to
    a numbering style (w:numStyleLink) shares the first one's definition and counter."""
    lijst = _abstract(1, _lvl(0, "upperRoman", "%1."),
                      _lvl(1, "upperLetter", "%2.", '<w:pStyle w:val="Proefkop"/>'),
                      extra='<w:styleLink w:val="Proefnummering"/>')
    koppeling = _abstract(2, extra='<w:numStyleLink w:val="Proefnummering"/>')
    stijlen = ('<w:style w:type="numbering" w:styleId="Proefnummering"><w:name w:val="Pn"/>'
               f'<w:pPr>{_num(11, None)}</w:pPr></w:style>',
               '<w:style w:type="paragraph" w:styleId="Proefkop"><w:name w:val="Proefkop"/>'
               f'<w:pPr>{_num(12, None)}</w:pPr></w:style>')
    alineas = uit_word(_word(_p("deel", _num(11)), _p("kop", '<w:pStyle w:val="Proefkop"/>'),
                             _p("kop", '<w:pStyle w:val="Proefkop"/>'), _p("deel", _num(12, 0)),
                             nummering=(lijst, koppeling, _numdef(11, 1), _numdef(12, 2)),
                             stijlen=stijlen))
    assert _markers(alineas) == ["I.", "A.", "B.", "II."]


def test_romeinse_cijfers_hoofdletters_en_geneste_niveaus():
    lijst = _abstract(1, _lvl(0, "decimal", "%1."), _lvl(1, "decimal", "%1.%2."),
                      _lvl(2, "lowerRoman", "%3)"))
    letters = _abstract(2, _lvl(0, "upperLetter", "%1."))
    niveaus = [0, 1, 1, 2, 2, 2, 2, 1, 0, 1]
    alineas = uit_word(_word(*[_p(f"punt {i}", _num(11, n)) for i, n in enumerate(niveaus)],
                             *[_p("letter", _num(12)) for _ in range(28)],
                             nummering=(lijst, letters, _numdef(11, 1), _numdef(12, 2))))
    assert _markers(alineas)[:10] == ["1.", "1.1.", "1.2.", "i)", "ii)", "iii)", "iv)", "1.3.",
                                      "2.", "2.1."]
    assert _markers(alineas)[10:] == [f"{c}." for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] + [
        "AA.", "BB."]  # Word repeats the letter after z (§17.18.59)


def test_nagemaakte_standaard_begint_elke_nieuwe_lijst_zoals_word(tmp_path: Path):
    """A new list in the made-up document is a new w:num on the shared list definition that
    restarts its level 0 (w:startOverride), as Word writes it; so it counts from a) again."""
    inhoud = [Regel("een", lijst="letter"), Regel("twee", lijst="letter"), Regel("tussendoor"),
              Regel("drie", lijst="letter"), Regel("vier", lijst="letter")]
    pad = als_word(tmp_path / "lijsten.docx", inhoud)
    nummering = Document(str(pad)).part.numbering_part.element
    eigen = [n for n in nummering.iterchildren()
             if n.tag == f"{W}num" and int(n.get(f"{W}numId")) >= 200]
    assert len(eigen) == 2
    assert all(n.find(f"{W}lvlOverride/{W}startOverride") is not None for n in eigen)
    assert [a.marker for a in uit_word(pad.read_bytes())] == ["a)", "b)", None, "a)", "b)"]


# 3. Markdown: a soft-wrapped export.

BLOKBEGIN = re.compile(r"^(?:[-*+>#|]|\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})[.)]$|\d+\.\d+)")


def _omgebroken(markdown: str, breedte: int = 72) -> str:
    """The export as pandoc writes it with --wrap=auto: paragraphs, list items and italic lines
    wrapped at `breedte` columns, a list item's next lines indented; a word that would read as
    the start of a block (a marker, '#', '|') is not put at the start of a line."""
    uit: list[str] = []
    for regel in markdown.splitlines():
        if not regel.strip() or regel.startswith(("#", "|")) or len(regel) <= breedte:
            uit.append(regel)
            continue
        inspringing = "  " if regel.startswith("- ") else ""
        huidig = ""
        for woord in regel.split(" "):
            if huidig and len(huidig) + 1 + len(woord) > breedte and not BLOKBEGIN.match(woord):
                uit.append(huidig)
                huidig = inspringing + woord
            else:
                huidig = f"{huidig} {woord}" if huidig else woord
        uit.append(huidig)
    return "\n".join(uit)


def _leden(pad: Path) -> dict[str, list[str]]:
    return {a.nummer: [lid.tekst() for lid in a.als_leden()]
            for a in lees_officieel(pad).officieel.artikelen}


def test_omgebroken_markdown_leest_als_een_alinea_per_regel(tmp_path: Path):
    inhoud = regels(deel3={"3.4": 2, "3.5": 1},
                    extra=" Deze zin is lang genoeg om over meer dan één regel te lopen, ook "
                          "nadat pandoc hem op tweeënzeventig tekens heeft afgebroken.")
    ongebroken = als_markdown(tmp_path / "Overeenkomst-Wmo-versie-1.2.md", inhoud)
    omgebroken = tmp_path / "omgebroken" / ongebroken.name
    omgebroken.parent.mkdir()
    omgebroken.write_text(_omgebroken(ongebroken.read_text(encoding="utf-8")), encoding="utf-8")
    assert omgebroken.read_text(encoding="utf-8").count("\n") > (
        ongebroken.read_text(encoding="utf-8").count("\n") + 10)
    verwacht = _leden(ongebroken)
    assert verwacht["3.4"] == ["Proeftekst van lid 3.4.1. Deze zin is lang genoeg om over meer "
                               "dan één regel te lopen, ook nadat pandoc hem op tweeënzeventig "
                               "tekens heeft afgebroken.", verwacht["3.4"][1]]
    assert _leden(omgebroken) == verwacht


def test_markdown_alineas_regelovergangen_en_lijstitems():
    alineas = uit_markdown(textwrap.dedent("""\
        > Een zin die
        > doorloopt.
        >
        3.9.6
        Tekst van het lid
        op twee regels.\\
        Na een harde regelovergang.
        - eerste punt dat
          doorloopt
        - tweede punt
        a) een letter

        *Bij de proefvariant die
        lang is:*

        Titel
        =====
        [Partijen 4](about:blank#partijen)
        [Definities 7](about:blank#definities)
        """))
    assert [(a.marker, a.tekst, a.cursief, a.kop, a.inhoudsopgave) for a in alineas] == [
        (None, "Een zin die doorloopt.", False, False, False),
        (None, "3.9.6", False, False, False),
        (None, "Tekst van het lid op twee regels.", False, False, False),
        (None, "Na een harde regelovergang.", False, False, False),
        ("•", "eerste punt dat doorloopt", False, False, False),
        ("•", "tweede punt", False, False, False),
        ("a)", "een letter", False, False, False),
        (None, "Bij de proefvariant die lang is:", True, False, False),
        (None, "Titel", False, True, False),
        (None, "Partijen 4", False, False, True),
        (None, "Definities 7", False, False, True),
    ]


# 4. Tables: every cell keeps its column.

def test_word_tabel_houdt_lege_en_samengevoegde_cellen_op_hun_plaats():
    def cel(tekst: str, opmaak: str = "") -> str:
        return f"<w:tc><w:tcPr>{opmaak}</w:tcPr>{_p(tekst) if tekst else '<w:p/>'}</w:tc>"

    tabel = ("<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1000"/>' * 4 + "</w:tblGrid>"
             + "<w:tr>" + cel("Soort") + cel("") + cel("Termijn") + cel("Noot") + "</w:tr>"
             + "<w:tr>" + cel("Melding", '<w:gridSpan w:val="2"/>')
             + cel("5 dagen", '<w:vMerge w:val="restart"/>') + cel("") + "</w:tr>"
             + '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
             + cel("Spoed") + cel("", "<w:vMerge/>") + "</w:tr></w:tbl>")
    (alinea,) = uit_word(_word(tabel))
    assert alinea.tabel == [["Soort", "", "Termijn", "Noot"], ["Melding", "", "5 dagen", ""],
                            ["", "Spoed", "", ""]]


def test_markdown_tabel_houdt_lege_cellen_op_hun_plaats():
    (alinea,) = uit_markdown("| Soort |  | Termijn |\n| --- | --- | --- |\n"
                             "| Melding || 5 dagen |\n|  |  |  |\n| a \\| b | c ||\n")
    assert alinea.tabel == [["Soort", "", "Termijn"], ["Melding", "", "5 dagen"], ["", "", ""],
                            ["a | b", "c", ""]]
