"""Read a Markdown export of the published document as the importer's paragraphs."""

from __future__ import annotations

import re

from contracten.artikelen.bronalineas import MARKER, STREEPJES, Alinea

KOP = re.compile(r"^\s{0,3}#{1,6}\s*")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^)\s]+)\)")
ANKERLINK = re.compile(r"^\[.*\]\((?:about:blank)?#[^)]*\)$")  # an entry of a TOC
CURSIEF = re.compile(r"^(\(?)\s*[*_](?![*_])(.+?)(?<![*_])[*_]\s*(\)?)(.*)$")


def uit_markdown(tekst: str) -> list[Alinea]:
    """The paragraphs of a Markdown export: a line is a paragraph; '>' quotes, '#' headings,
    '**' bold and links are unwrapped; list markers ('-', '*', 'a)', '1.') are kept as markers;
    '| … |' lines form a table."""
    alineas: list[Alinea] = []
    tabel: list[list[str]] | None = None
    for nummer, ruw in enumerate(tekst.splitlines(), start=1):
        regel = ruw.strip()
        while regel.startswith(">"):
            regel = regel[1:].strip()
        if regel.startswith("|") and regel.endswith("|") and len(regel) > 1:
            cellen = [c.strip() for c in regel.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cellen if c):
                continue  # the separator row under a header
            if tabel is None:
                tabel = []
                alineas.append(Alinea("", f"regel {nummer} (tabel)", tabel=tabel))
            tabel.append([_schoon(c) for c in cellen])
            continue
        tabel = None
        if not regel:
            continue
        kop = KOP.match(regel) is not None
        regel = KOP.sub("", regel)
        if ANKERLINK.match(regel):
            alineas.append(Alinea(_schoon(regel), f"regel {nummer}", inhoudsopgave=True))
            continue
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
        alineas.append(Alinea(_schoon(regel), f"regel {nummer}", cursief=cursief, kop=kop,
                              marker=marker))
    return alineas


def _schoon(tekst: str) -> str:
    tekst = LINK.sub(r"\1", tekst)
    tekst = tekst.replace("**", "").replace("__", "")
    tekst = re.sub(r"\\([\[\]()*_#>.\-+!|`])", r"\1", tekst)  # Markdown escapes
    tekst = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1", tekst)  # *italic*
    return " ".join(tekst.split())
