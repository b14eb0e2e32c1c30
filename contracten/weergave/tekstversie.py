"""The Markdown twin of a generated Word document, for reading and diffing; and HTML from it.

The twin is read back from the document's own XML, so it can never say something the document
doesn't. It walks the WordprocessingML directly (no python-docx objects): fast enough for bulk.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

from lxml import etree

from contracten.weergave.stijlen import Stijlen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_KOPPEN = {"Title": 1, **{f"Heading {n}": n + 1 for n in range(1, 6)}}
_LIJSTEN = {"List Bullet": "- ", "List Bullet 2": "    - ", "List Bullet 3": "        - ",
            "List Number": "1. ", "List Number 2": "    1. ", "List Number 3": "        1. "}


def onderdelen(docx: bytes) -> tuple[Any, dict[str, str], dict[str, str]]:
    """(body element, style id -> name, relationship id -> URL) of a .docx. The footnotes, if
    any, stand beside the body (see `markdown_van`)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        namen = z.namelist()
        document = etree.fromstring(z.read("word/document.xml"))
        body = document.find(f"{W}body")
        stijlen = stijlnamen(z.read("word/styles.xml"))
        links: dict[str, str] = {}
        for deel in ("word/_rels/footnotes.xml.rels", "word/_rels/document.xml.rels"):
            if deel in namen:
                for rel in etree.fromstring(z.read(deel)):
                    if rel.get("TargetMode") == "External":
                        links[rel.get("Id")] = rel.get("Target")
        if "word/footnotes.xml" in namen:
            document.append(etree.fromstring(z.read("word/footnotes.xml")))
    return body, stijlen, links


def stijlnamen(styles_xml: bytes) -> dict[str, str]:
    """Style id -> the name Word shows: 'heading 1' (Word), 'Heading 1' (LibreOffice) and
    'Kop 1' (a Dutch Word) are all 'Heading 1'."""
    return Stijlen(etree.fromstring(styles_xml)).namen


def naar_markdown(docx: bytes) -> str:
    return markdown_van(*onderdelen(docx))


def koppen(body: Any, stijlen: dict[str, str], niveaus: tuple[str, ...]) -> list[str]:
    """The text of the body's paragraphs in the given styles (e.g. the article headings)."""
    return [_platte_tekst(p) for p in body.iterchildren(f"{W}p")
            if _stijl(p, stijlen) in niveaus]


def markdown_van(body: Any, stijlen: dict[str, str], links: dict[str, str],
                 voetnoten: Any = None) -> str:
    """The twin. Footnote references become `<sup>1</sup>` (as in the sources), numbered as
    Word numbers them, with the notes at the end, each after its own `<sup>1</sup>`.
    `voetnoten` is the w:footnotes element, by default the one beside the body (a w:footnotes
    child of the body's parent). The table of contents is left out: it only repeats the
    headings."""
    if voetnoten is None and body.getparent() is not None:
        voetnoten = body.getparent().find(f"{W}footnotes")
    nummers: dict[str, int] = {}
    regels: list[str] = []
    vorige_lijst = False
    inhoud = 0  # depth of the fields of a table of contents we are in
    for blok in body.iterchildren(f"{W}p", f"{W}tbl"):
        if blok.tag == f"{W}tbl":
            regels += ["", *_tabel(blok, stijlen, links, nummers), ""]
            vorige_lijst = False
            continue
        if inhoud or _begint_inhoudsopgave(blok):
            inhoud += _veldbalans(blok)
            continue
        tekst = _alinea(blok, links, nummers)
        stijl = _stijl(blok, stijlen)
        if not tekst.strip() or stijl == "TOC Heading":
            continue
        if stijl in _LABELLIJSTEN:  # a list item with its own label: "a.<tab>Vanaf …"
            tekst = tekst.replace("\t", " ", 1)
        if stijl in _KOPPEN:
            regels += ["", "#" * _KOPPEN[stijl] + " " + tekst, ""]
            vorige_lijst = False
        elif stijl in _LIJSTEN:
            if not vorige_lijst:
                regels.append("")
            regels.append(_LIJSTEN[stijl] + tekst)
            vorige_lijst = True
        else:
            regels += ["", _geen_lijst(tekst), ""]
            vorige_lijst = False
    if nummers and voetnoten is not None:
        noten = {n.get(f"{W}id"): n for n in voetnoten.iterchildren(f"{W}footnote")}
        regels.append("")
        for noot_id, nummer in nummers.items():
            if noot_id in noten:
                delen = [_alinea(p, links, nummers).strip() for p in noten[noot_id].iter(f"{W}p")]
                regels.append(f"<sup>{nummer}</sup> " + " ".join(d for d in delen if d))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip() + "\n"


_LABELLIJSTEN = ("List", "List 2", "List 3")


def _velden(p: Any) -> list[str]:
    return [t.get(f"{W}fldCharType") for t in p.iter(f"{W}fldChar")]


def _begint_inhoudsopgave(p: Any) -> bool:
    instructie = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
    return "begin" in _velden(p) and instructie.strip().upper().startswith("TOC")


def _veldbalans(p: Any) -> int:
    velden = _velden(p)
    return velden.count("begin") - velden.count("end")


# A generated page runs nothing and loads nothing: only its own inline style.
CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
       'style-src \'unsafe-inline\'">')


def veilig_html(fragment: str) -> str:
    """HTML from text that came in: no scripts, no event handlers, links only http(s)/mailto."""
    import nh3

    return str(nh3.clean(fragment, url_schemes={"http", "https", "mailto"},
                         link_rel="noopener noreferrer"))


def naar_html(md: str, titel: str) -> str:
    import markdown

    lichaam = veilig_html(markdown.markdown(md, extensions=["tables", "sane_lists"],
                                            output_format="html"))
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"{CSP}\n"
        f"<title>{html.escape(titel)}</title>\n"
        "<style>body{font-family:Arial,sans-serif;max-width:52em;margin:2em auto;"
        "line-height:1.4}table{border-collapse:collapse}td,th{border:1px solid #999;"
        "padding:.3em;vertical-align:top}</style>\n</head>\n<body>\n"
        f"{lichaam}\n</body>\n</html>\n")


def _stijl(p: Any, stijlen: dict[str, str]) -> str:
    waarde = p.find(f"{W}pPr/{W}pStyle")
    if waarde is None:
        return stijlen.get("Normal", "Normal")
    naam: str = waarde.get(f"{W}val")
    return stijlen.get(naam, naam)


def _escape(tekst: str) -> str:
    # Literal text must stay literal in Markdown and in the HTML made from it.
    tekst = tekst.replace("\\", "\\\\").replace("<", "&lt;")
    return re.sub(r"([*_`\[\]|])", r"\\\1", tekst)


def _geen_lijst(tekst: str) -> str:
    # A paragraph that starts like a list item ("6. De organisatie", "1) x", "- x") is text.
    return re.sub(r"^(\d+)([.)]) ", r"\1\\\2 ", re.sub(r"^([-+]) ", r"\\\1 ", tekst))


def _run_tekst(r: Any) -> str:
    delen = []
    for kind in r:
        if kind.tag == f"{W}t":
            delen.append(kind.text or "")
        elif kind.tag == f"{W}tab":
            delen.append("\t")
        elif kind.tag in (f"{W}br", f"{W}cr"):
            delen.append("\n")
    return "".join(delen)


def _aan(r: Any, eigenschap: str) -> bool:
    el = r.find(f"{W}rPr/{W}{eigenschap}")
    return el is not None and el.get(f"{W}val", "true") not in ("0", "false")


def _platte_tekst(p: Any) -> str:
    return "".join(_run_tekst(r) for r in p.iter(f"{W}r"))


def _alinea(p: Any, links: dict[str, str], nummers: dict[str, int] | None = None) -> str:
    delen = []
    for kind in p:
        if kind.tag == f"{W}hyperlink":
            tekst = _escape("".join(_run_tekst(r) for r in kind.iter(f"{W}r")))
            url = links.get(kind.get(f"{R}id", ""))
            delen.append(f"[{tekst}]({url})" if url else tekst)
        elif kind.tag == f"{W}r" and kind.find(f"{W}footnoteReference") is not None:
            if nummers is not None:
                noot = kind.find(f"{W}footnoteReference").get(f"{W}id")
                delen.append(f"<sup>{nummers.setdefault(noot, len(nummers) + 1)}</sup>")
        elif kind.tag == f"{W}r" and _tussen_voetnoten(kind):
            continue
        elif kind.tag == f"{W}r":
            tekst = _escape(_run_tekst(kind))
            if tekst.strip():
                if _aan(kind, "b"):
                    tekst = f"**{tekst}**"
                if _aan(kind, "i"):
                    tekst = f"*{tekst}*"
            delen.append(tekst)
    return re.sub(r"\*\*\*\*", "", "".join(delen))


def _tussen_voetnoten(r: Any) -> bool:
    """The superscript comma between two footnote references ("¹,²"): "[^1][^2]" in the twin."""
    hoog = r.find(f"{W}rPr/{W}vertAlign")
    return hoog is not None and hoog.get(f"{W}val") == "superscript" and _run_tekst(r) == ","


def _cel(tc: Any, stijlen: dict[str, str], links: dict[str, str],
         nummers: dict[str, int]) -> str:
    delen = []
    for p in tc.iter(f"{W}p"):
        tekst = _alinea(p, links, nummers)
        stijl = _stijl(p, stijlen)
        if not tekst.strip():
            continue
        if stijl in _LABELLIJSTEN:
            delen.append(tekst.replace("\t", " ", 1))
        else:
            delen.append(("• " + tekst) if stijl.startswith("List") else tekst)
    return "<br>".join(delen)


def _tabel(tbl: Any, stijlen: dict[str, str], links: dict[str, str],
           nummers: dict[str, int]) -> list[str]:
    rijen = [[_cel(tc, stijlen, links, nummers) for tc in tr.iterchildren(f"{W}tc")]
             for tr in tbl.iterchildren(f"{W}tr")]
    if not rijen:
        return []
    breedte = max(len(r) for r in rijen)
    regels = ["| " + " | ".join(rijen[0]) + " |", "|" + "---|" * breedte]
    regels += ["| " + " | ".join(r) + " |" for r in rijen[1:]]
    return regels
