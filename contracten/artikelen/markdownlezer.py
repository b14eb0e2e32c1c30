"""Read a Markdown export of the published document as the importer's paragraphs.

Lines join into paragraphs as in CommonMark: a converter that wraps its output (pandoc wraps at
72 columns) breaks a sentence over several lines, and those lines are one paragraph. A blank
line ends a paragraph; a heading, a table row, a list item and an entry of the table of
contents start a new one; a hard line break (two spaces or a backslash at the end of a line)
ends one, as a line break in Word does."""

from __future__ import annotations

import re

from contracten.artikelen.bronalineas import MARKER, STREEPJES, Alinea

KOP = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^)\s]+)\)")
ANKERLINK = re.compile(r"^\[.*\]\((?:about:blank)?#[^)]*\)$")  # an entry of a TOC
CURSIEF = re.compile(r"^(\(?)\s*[*_](?![*_])(.+?)(?<![*_])[*_]\s*(\)?)(.*)$")
LIJN = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)$")  # a rule; setext line
# A lid number on a line of its own ("3.9.6", "2.n.1"), the way the export writes the line
# break after it in the Word document.
LIDNUMMER = re.compile(r"^\d+\.(?:\d+[a-z]?|n)\.(?:\d+|n)$")


def uit_markdown(tekst: str) -> list[Alinea]:
    """The paragraphs of a Markdown export: '>' quotes, '#' headings, '**' bold and links are
    unwrapped; list markers ('-', '*', 'a)', '1.') are kept as markers; '| … |' lines form a
    table, in which an empty cell stays an empty string."""
    alineas: list[Alinea] = []
    tabel: list[list[str]] | None = None
    open_: tuple[int, list[str]] | None = None  # the paragraph being read: first line, lines

    def sluit(kop: bool = False) -> None:
        nonlocal open_
        if open_ is not None:
            alineas.append(_alinea(" ".join(open_[1]), f"regel {open_[0]}", kop))
            open_ = None

    for nummer, ruw in enumerate(tekst.splitlines(), start=1):
        regel = ruw.strip()
        while regel.startswith(">"):
            regel = regel[1:].strip()
        if regel.startswith("|") and regel.endswith("|") and len(regel) > 1:
            sluit()
            cellen = _cellen(regel)
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cellen if c) and any(cellen):
                continue  # the separator row under a header
            if tabel is None:
                tabel = []
                alineas.append(Alinea("", f"regel {nummer} (tabel)", tabel=tabel))
            tabel.append([_schoon(c) for c in cellen])
            continue
        tabel = None
        if not regel:
            sluit()
            continue
        if LIJN.match(regel):  # "===" or "---" under a paragraph makes it a heading
            sluit(kop=open_ is not None and not regel.startswith(("*", "_")))
            continue
        if KOP.match(regel):
            sluit()
            alineas.append(_alinea(regel, f"regel {nummer}", kop=True))
            continue
        hard = ruw.endswith("  ") or (regel.endswith("\\") and not regel.endswith("\\\\"))
        regel = regel.removesuffix("\\").strip() if hard and regel.endswith("\\") else regel
        if open_ is None or _begint(regel):
            sluit()
            open_ = (nummer, [regel])
        else:
            open_[1].append(regel)
        if hard or ANKERLINK.match(regel) or (len(open_[1]) == 1 and LIDNUMMER.match(regel)):
            sluit()
    sluit()
    return alineas


def _begint(regel: str) -> bool:
    """Whether a line starts a paragraph of its own, also right under another line."""
    return (regel[:2] in ("- ", "* ", "+ ") or MARKER.match(regel) is not None
            or ANKERLINK.match(regel) is not None or LIDNUMMER.match(regel) is not None)


def _cellen(regel: str) -> list[str]:
    """The cells of a '| a |  | c |' row, empty ones included; '\\|' is a pipe in a cell."""
    binnen = regel[1:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", binnen)]


def _alinea(regel: str, plaats: str, kop: bool = False) -> Alinea:
    regel = KOP.sub("", regel).strip()
    if ANKERLINK.match(regel):
        return Alinea(_schoon(regel), plaats, inhoudsopgave=True)
    marker = None
    if regel[:2] in ("- ", "* ", "+ "):
        marker, regel = "•", regel[2:].strip()
    else:
        gevonden = MARKER.match(regel)
        if gevonden:
            marker, regel = gevonden.group(0).strip(), regel[gevonden.end():]
            if marker in STREEPJES:
                marker = "–"
    cursief = False
    schuin = CURSIEF.match(regel.replace("**", ""))
    if schuin and (not schuin.group(4).strip() or schuin.group(1)):
        # "*Bij … :*", "(*Bij … :*)" or "*(Bij … :)* text": a guidance marker
        cursief = not schuin.group(4).strip()
        if not cursief:
            regel = f"{schuin.group(1)}{schuin.group(2)}{schuin.group(3)} {schuin.group(4)}"
        else:
            regel = f"{schuin.group(1)}{schuin.group(2)}{schuin.group(3)}"
    return Alinea(_schoon(regel), plaats, cursief=cursief, kop=kop, marker=marker)


def _schoon(tekst: str) -> str:
    tekst = LINK.sub(r"\1", tekst)
    tekst = tekst.replace("**", "").replace("__", "")
    tekst = re.sub(r"\\([\[\]()*_#>.\-+!|`])", r"\1", tekst)  # Markdown escapes
    tekst = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1", tekst)  # *italic*
    return " ".join(tekst.split())
