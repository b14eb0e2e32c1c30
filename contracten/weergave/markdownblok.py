"""One paragraph or table of a Word body as Markdown: its runs, bold and italic, links, footnote
references and cells. `tekstversie` puts the blocks together into the twin."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from contracten.weergave.geheugen import Geheugen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
LABELLIJSTEN = ("List", "List 2", "List 3")  # list items with their own label: "a.<tab>Vanaf …"


def stijlnaam(p: Any, stijlen: dict[str, str]) -> str:
    waarde = p.find(f"{W}pPr/{W}pStyle")
    if waarde is None:
        return stijlen.get("Normal", "Normal")
    naam: str = waarde.get(f"{W}val")
    return stijlen.get(naam, naam)


def markdown_tekst(tekst: str) -> str:
    """A run's text as the twin shows it: literal in Markdown and in the HTML made from it.
    Character by character, so a part of a run's text is escaped as it would be in the run."""
    return tekst.translate(_MARKDOWN) if _MARKDOWN_TEKENS.search(tekst) else tekst


# Each character markdown_tekst escapes, and how: one pass (none of the replacements holds a
# character that is replaced itself).
_MARKDOWN = str.maketrans({"\\": "\\\\", "<": "&lt;", **{t: "\\" + t for t in "*_`[]|"}})
_MARKDOWN_TEKENS = re.compile(r"[\\<*_`\[\]|]")


@functools.lru_cache(maxsize=8192)  # most lines start with a lid number, and repeat
def gewone_alinea(tekst: str) -> str:
    # A paragraph that starts like Markdown's own syntax is text: like a list item
    # ("6. De organisatie", "1) x", "- x"), a heading ("# x", "#x"), a quote ("> x") or a
    # line ("---", "- - -"), as a name on a letter's own line can.
    if not tekst or tekst[0] not in "+-0123456789#>":
        return tekst
    if tekst[0] in "#>" or _LIJN.fullmatch(tekst):
        return "\\" + tekst
    return re.sub(r"^(\d+)([.)]) ", r"\1\\\2 ", re.sub(r"^([-+]) ", r"\\\1 ", tekst))


_LIJN = re.compile(r"(?:- *){3,}")  # a thematic break


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


def platte_tekst(p: Any) -> str:
    return "".join(_run_tekst(r) for r in p.iter(f"{W}r"))


def alinea(p: Any, links: dict[str, str], nummers: dict[str, int] | None = None) -> str:
    delen = []
    for kind in p:
        if kind.tag == f"{W}hyperlink":
            tekst = markdown_tekst("".join(_run_tekst(r) for r in kind.iter(f"{W}r")))
            url = links.get(kind.get(f"{R}id", ""))
            delen.append(f"[{tekst}]({url})" if url else tekst)
        elif kind.tag == f"{W}r" and kind.find(f"{W}footnoteReference") is not None:
            if nummers is not None:
                noot = kind.find(f"{W}footnoteReference").get(f"{W}id")
                delen.append(f"<sup>{nummers.setdefault(noot, len(nummers) + 1)}</sup>")
        elif kind.tag == f"{W}r" and _tussen_voetnoten(kind):
            continue
        elif kind.tag == f"{W}r":
            tekst = markdown_tekst(_run_tekst(kind))
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
        tekst = alinea(p, links, nummers)
        stijl = stijlnaam(p, stijlen)
        if not tekst.strip():
            continue
        if stijl in LABELLIJSTEN:
            delen.append(tekst.replace("\t", " ", 1))
        else:
            delen.append(("• " + tekst) if stijl.startswith("List") else tekst)
    return "<br>".join(delen)


def tabel(tbl: Any, stijlen: dict[str, str], links: dict[str, str],
          nummers: dict[str, int], rijen: Geheugen[bytes, tuple[str, ...]] | None = None
          ) -> list[str]:
    """A table's lines. `rijen`, a row's XML -> its cells, remembers rows between the tables of
    one template (same `stijlen`); only for a table without footnotes or links, whose cells
    depend on their XML alone."""
    return tabelregels(rijen_van(tbl, stijlen, links, nummers, rijen))


def rijen_van(tbl: Any, stijlen: dict[str, str], links: dict[str, str],
              nummers: dict[str, int], rijen: Geheugen[bytes, tuple[str, ...]] | None = None
              ) -> list[tuple[str, ...]]:
    """The text of each cell of each row of `tbl` (remembered per row's XML in `rijen`)."""
    cellen = []
    for tr in tbl.iterchildren(f"{W}tr"):
        sleutel = etree.tostring(tr) if rijen is not None else b""
        rij = rijen.get(sleutel) if rijen is not None else None
        if rij is None:
            rij = tuple(_cel(tc, stijlen, links, nummers) for tc in tr.iterchildren(f"{W}tc"))
            if rijen is not None:
                rijen[sleutel] = rij
        cellen.append(rij)
    return cellen


def tabelregels(rijen: Sequence[Sequence[str]]) -> list[str]:
    """A table's lines in the twin, from the text of its cells."""
    if not rijen:
        return []
    breedte = max(len(r) for r in rijen)
    regels = ["| " + " | ".join(rijen[0]) + " |", "|" + "---|" * breedte]
    regels += ["| " + " | ".join(r) + " |" for r in rijen[1:]]
    return regels
