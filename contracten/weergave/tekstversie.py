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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_KOPPEN = {"Title": 1, **{f"Heading {n}": n + 1 for n in range(1, 6)}}
_LIJSTEN = {"List Bullet": "- ", "List Bullet 2": "    - ", "List Bullet 3": "        - ",
            "List Number": "1. ", "List Number 2": "    1. ", "List Number 3": "        1. "}


def onderdelen(docx: bytes) -> tuple[Any, dict[str, str], dict[str, str]]:
    """(body element, style id -> name, relationship id -> URL) of a .docx."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
        stijlen = stijlnamen(z.read("word/styles.xml"))
        links: dict[str, str] = {}
        if "word/_rels/document.xml.rels" in z.namelist():
            for rel in etree.fromstring(z.read("word/_rels/document.xml.rels")):
                if rel.get("TargetMode") == "External":
                    links[rel.get("Id")] = rel.get("Target")
    return body, stijlen, links


def stijlnamen(styles_xml: bytes) -> dict[str, str]:
    """Style id -> the name Word shows ('heading 1' in the file is 'Heading 1')."""
    from docx.styles import BabelFish

    return {s.get(f"{W}styleId"): BabelFish.internal2ui(s.find(f"{W}name").get(f"{W}val"))
            for s in etree.fromstring(styles_xml).iter(f"{W}style")
            if s.find(f"{W}name") is not None}


def naar_markdown(docx: bytes) -> str:
    return markdown_van(*onderdelen(docx))


def koppen(body: Any, stijlen: dict[str, str], niveaus: tuple[str, ...]) -> list[str]:
    """The text of the body's paragraphs in the given styles (e.g. the article headings)."""
    return [_platte_tekst(p) for p in body.iterchildren(f"{W}p")
            if _stijl(p, stijlen) in niveaus]


def markdown_van(body: Any, stijlen: dict[str, str], links: dict[str, str]) -> str:
    regels: list[str] = []
    vorige_lijst = False
    for blok in body.iterchildren(f"{W}p", f"{W}tbl"):
        if blok.tag == f"{W}tbl":
            regels += ["", *_tabel(blok, stijlen, links), ""]
            vorige_lijst = False
            continue
        tekst = _alinea(blok, links)
        stijl = _stijl(blok, stijlen)
        if not tekst.strip():
            continue
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
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip() + "\n"


def naar_html(md: str, titel: str) -> str:
    import markdown

    lichaam = markdown.markdown(md, extensions=["tables", "sane_lists"], output_format="html")
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
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
    # A paragraph that starts like a list item ("6. De organisatie", "- x") is text, not a list.
    return re.sub(r"^(\d+)\. ", r"\1\\. ", re.sub(r"^([-+]) ", r"\\\1 ", tekst))


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


def _alinea(p: Any, links: dict[str, str]) -> str:
    delen = []
    for kind in p:
        if kind.tag == f"{W}hyperlink":
            tekst = _escape("".join(_run_tekst(r) for r in kind.iter(f"{W}r")))
            url = links.get(kind.get(f"{R}id", ""))
            delen.append(f"[{tekst}]({url})" if url else tekst)
        elif kind.tag == f"{W}r":
            tekst = _escape(_run_tekst(kind))
            if tekst.strip():
                if _aan(kind, "b"):
                    tekst = f"**{tekst}**"
                if _aan(kind, "i"):
                    tekst = f"*{tekst}*"
            delen.append(tekst)
    return re.sub(r"\*\*\*\*", "", "".join(delen))


def _cel(tc: Any, stijlen: dict[str, str], links: dict[str, str]) -> str:
    delen = []
    for p in tc.iter(f"{W}p"):
        tekst = _alinea(p, links)
        if tekst.strip():
            delen.append(("• " + tekst) if _stijl(p, stijlen).startswith("List") else tekst)
    return "<br>".join(delen)


def _tabel(tbl: Any, stijlen: dict[str, str], links: dict[str, str]) -> list[str]:
    rijen = [[_cel(tc, stijlen, links) for tc in tr.iterchildren(f"{W}tc")]
             for tr in tbl.iterchildren(f"{W}tr")]
    if not rijen:
        return []
    breedte = max(len(r) for r in rijen)
    regels = ["| " + " | ".join(rijen[0]) + " |", "|" + "---|" * breedte]
    regels += ["| " + " | ".join(r) + " |" for r in rijen[1:]]
    return regels
