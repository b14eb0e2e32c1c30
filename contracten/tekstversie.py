"""The Markdown twin of a generated Word document, for reading and diffing; and HTML from it.

The twin is read back from the .docx itself, so it can never say something the document doesn't.
"""

from __future__ import annotations

import html
import io
import re

import markdown
from docx import Document
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

_KOPPEN = {"Title": 1, **{f"Heading {n}": n + 1 for n in range(1, 6)}}
_LIJSTEN = {"List Bullet": "- ", "List Bullet 2": "    - ", "List Bullet 3": "        - ",
            "List Number": "1. ", "List Number 2": "    1. ", "List Number 3": "        1. "}


def naar_markdown(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    regels: list[str] = []
    vorige_lijst = False
    for blok in document.iter_inner_content():
        if isinstance(blok, Table):
            regels += ["", *_tabel(blok), ""]
            vorige_lijst = False
            continue
        tekst = _alinea(blok)
        stijl = blok.style.name if blok.style is not None else ""
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
    lichaam = markdown.markdown(md, extensions=["tables", "sane_lists"], output_format="html")
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(titel)}</title>\n"
        "<style>body{font-family:Arial,sans-serif;max-width:52em;margin:2em auto;"
        "line-height:1.4}table{border-collapse:collapse}td,th{border:1px solid #999;"
        "padding:.3em;vertical-align:top}</style>\n</head>\n<body>\n"
        f"{lichaam}\n</body>\n</html>\n")


def _escape(tekst: str) -> str:
    # Literal text must stay literal in Markdown and in the HTML made from it.
    tekst = tekst.replace("\\", "\\\\").replace("<", "&lt;")
    return re.sub(r"([*_`\[\]|])", r"\\\1", tekst)


def _geen_lijst(tekst: str) -> str:
    # A paragraph that starts like a list item ("6. De organisatie", "- x") is text, not a list.
    return re.sub(r"^(\d+)\. ", r"\1\\. ", re.sub(r"^([-+]) ", r"\\\1 ", tekst))


def _alinea(alinea: Paragraph) -> str:
    delen = []
    for deel in alinea.iter_inner_content():
        if isinstance(deel, Hyperlink):
            delen.append(f"[{_escape(deel.text)}]({deel.url})" if deel.url else _escape(deel.text))
            continue
        tekst = _escape(deel.text)
        if not tekst.strip():
            delen.append(tekst)
            continue
        if deel.bold:
            tekst = f"**{tekst}**"
        if deel.italic:
            tekst = f"*{tekst}*"
        delen.append(tekst)
    return re.sub(r"\*\*\*\*", "", "".join(delen))


def _cel(cel) -> str:
    delen = []
    for alinea in cel.paragraphs:
        tekst = _alinea(alinea)
        if not tekst.strip():
            continue
        stijl = alinea.style.name if alinea.style is not None else ""
        delen.append(("• " + tekst) if stijl.startswith("List") else tekst)
    return "<br>".join(delen)


def _tabel(tabel: Table) -> list[str]:
    rijen = [[_cel(c) for c in rij.cells] for rij in tabel.rows]
    if not rijen:
        return []
    breedte = max(len(r) for r in rijen)
    regels = ["| " + " | ".join(rijen[0]) + " |", "|" + "---|" * breedte]
    regels += ["| " + " | ".join(r) + " |" for r in rijen[1:]]
    return regels
