"""Read the official text of the Contractstandaard Wmo as published (.docx or .md) into articles
and leden: articles begin with a paragraph "Artikel N.N – Titel" (also "Artikel N.N: Titel",
optionally prefixed "[Optioneel:]"), leden with "N.N.N"; "Hoofdstuk n:" and "Deel n:" close an
article. Headings may or may not carry Word heading styles; a table of contents is skipped."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from contracten.artikelen.laden import Officieel, OfficieelArtikel
from contracten.fouten import InvoerFout, Melding

MAXIMUM = 20 * 1024 * 1024  # bytes: the standard is well under 1 MB
ARTIKEL = re.compile(r"^(?:\[\s*optioneel:?\s*\]\s*)?artikel\s+(\d\.(?:\d+a?|n))\s*[–—:\-]\s*(.+)$",
                     re.I)
LID = re.compile(r"^(\d\.\d+a?)\.(\d+)\.?\s+(.+)$")
GRENS = re.compile(r"^(?:hoofdstuk\s+\d+|deel\s+\d)\s*:", re.I)
INHOUDSOPGAVE = re.compile(r"\t\s*\d+\s*$")  # "Artikel 1.1 – Voorwerp …<tab>11"
VERSIE = re.compile(r"versie\s+(\d+\.\d+)", re.I)


@dataclass
class Verslag:
    """What an import found."""

    officieel: Officieel
    problemen: list[str] = field(default_factory=list)  # articles it could not read, and why


def lees_officieel(pad: Path, versie: str | None = None) -> Verslag:
    """Parse the file at `pad`. Raises InvoerFout when it is no such document at all."""
    naam = pad.name
    try:
        inhoud = pad.read_bytes()
    except OSError as exc:
        raise _fout(naam, f"kan niet worden gelezen ({exc.strerror})", "onleesbaar") from None
    if len(inhoud) > MAXIMUM:
        raise _fout(naam, f"groter dan {MAXIMUM // 1024 // 1024} MB", "te_groot")
    if pad.suffix.lower() == ".docx":
        alineas = _docx(inhoud, naam)
    elif pad.suffix.lower() in (".md", ".txt"):
        alineas = _markdown(inhoud, naam)
    else:
        raise _fout(naam, "verwacht een .docx- of .md-bestand", "formaat")
    versie = versie or _versie(alineas)
    if versie is None:
        raise _fout(naam, "geen versie gevonden (zoals 'versie 1.3'); geef die zelf op",
                    "versie_ontbreekt")
    artikelen, problemen = _artikelen(alineas)
    if not artikelen:
        raise _fout(naam, "geen enkel artikel gevonden ('Artikel 3.1 – …' met leden '3.1.1 …')",
                    "geen_artikelen")
    return Verslag(Officieel(versie=versie, bestand=naam,
                             sha256=hashlib.sha256(inhoud).hexdigest(), artikelen=artikelen),
                   problemen)


def _fout(naam: str, bericht: str, code: str) -> InvoerFout:
    return InvoerFout([Melding(naam, None, "", bericht, code)], "Kan de officiële tekst niet lezen")


def _docx(inhoud: bytes, naam: str) -> list[str]:
    import io
    import zipfile

    from docx import Document

    try:
        document = Document(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _fout(naam, f"geen leesbaar Word-bestand ({exc})", "onleesbaar") from None
    return [a.text for a in document.paragraphs]


def _markdown(inhoud: bytes, naam: str) -> list[str]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fout(naam, "geen UTF-8-tekst", "codering") from None
    alineas = []
    for regel in tekst.splitlines():
        regel = re.sub(r"^\s{0,3}#{1,6}\s+", "", regel)  # a Markdown heading
        regel = re.sub(r"^\s*[-*]\s+", "", regel)  # a list item
        regel = regel.replace("**", "").replace("__", "")
        alineas.append(regel)
    return alineas


def _versie(alineas: list[str]) -> str | None:
    for alinea in alineas[:60]:
        gevonden = VERSIE.search(alinea)
        if gevonden:
            return f"CSW {gevonden.group(1)}"
    return None


def _artikelen(alineas: list[str]) -> tuple[list[OfficieelArtikel], list[str]]:
    """Articles with their leden; a later occurrence of an article (the text after the table of
    contents) replaces an earlier one without leden."""
    gevonden: dict[str, tuple[str, list[str]]] = {}
    huidig: tuple[str, str, list[str]] | None = None
    problemen: list[str] = []

    def sluit() -> None:
        if huidig is not None:
            nummer, titel, leden = huidig
            if leden or nummer not in gevonden:
                gevonden[nummer] = (titel, leden)

    for ruw in alineas:
        alinea = ruw.strip()
        if not alinea:
            continue
        kop = ARTIKEL.match(alinea)
        if kop:
            sluit()
            titel = INHOUDSOPGAVE.sub("", kop.group(2)).strip()
            huidig = None if kop.group(1).endswith(".n") else (kop.group(1), titel, [])
            continue
        if GRENS.match(alinea):
            sluit()
            huidig = None
            continue
        if huidig is None or INHOUDSOPGAVE.search(ruw):
            continue
        lid = LID.match(alinea)
        if lid and lid.group(1) == huidig[0]:
            verwacht = len(huidig[2]) + 1
            if int(lid.group(2)) != verwacht:
                problemen.append(f"artikel {huidig[0]}: lid {huidig[0]}.{lid.group(2)} staat "
                                 f"waar lid {huidig[0]}.{verwacht} verwacht werd")
            huidig[2].append(lid.group(3).strip())
        elif huidig[2]:
            huidig[2][-1] += "\n" + alinea  # a sub-item (a., b., …) belongs to its lid
        else:
            huidig[2].append(alinea)  # an article without numbered leden is one lid
    sluit()
    problemen += [f"artikel {n} ({t}): geen tekst gevonden"
                  for n, (t, leden) in gevonden.items() if not leden]
    return ([OfficieelArtikel(nummer=n, titel=t, leden=leden)
             for n, (t, leden) in gevonden.items() if leden], problemen)
