"""Read the official text of the Contractstandaard Wmo as the Ketenbureau publishes it (.docx,
or a .md exported from it) into articles and leden.

The published layout: a title page with a "Versiebeheer" table (newest version first), a table
of contents, Partijen, Overwegingen, Definities, then "Deel 1: …", "Deel 2: …", "Deel 3: …" with
chapters ("Hoofdstuk 1: …") and articles ("Artikel 3.1 – Titel", "Artikel 3.2: Titel",
"[Optioneel:] Artikel 1.4 – Titel"). A lid number stands on a line of its own ("3.1.1") or at
the start of the lid; a lid runs on over paragraphs, lists and tables until the next number.
An article without lid numbers is one lid. An italic line "Bij … uitvoeringsvariant:" or
"Alleen bij …" (or "(Bij …:)" at the start of a paragraph) makes what follows a variant; the
closing "Opgemaakt te [plaats] d.d. [datum]" starts the ondertekening."""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from contracten.artikelen.bronalineas import Alinea
from contracten.artikelen.markdownlezer import uit_markdown
from contracten.artikelen.officieel import VERSIE as VERSIE_OPGEGEVEN
from contracten.artikelen.officieel import Officieel, versienummer
from contracten.artikelen.ontleden import Lezer, melding
from contracten.artikelen.wordlezer import WordProbleem, uit_word
from contracten.fouten import InvoerFout, Melding

MAXIMUM = 20 * 1024 * 1024  # bytes: the standard is well under 1 MB
VERSIE = re.compile(r"versie[\s_-]*(\d+)[.\s_-](\d+)", re.I)
VERSIENUMMER = re.compile(r"^(\d+)\.(\d+)$")


@dataclass
class ArtikelVerslag:
    """What became of one article."""

    nummer: str
    titel: str
    status: str  # "officieel" | "samenvatting" | "regio" | "niet gelezen" | "niet in deze versie"
    toelichting: str = ""


@dataclass
class Verslag:
    """What an import found."""

    officieel: Officieel
    problemen: list[str] = field(default_factory=list)  # what it could not read, and where
    weggelaten: list[str] = field(default_factory=list)  # guidance lines left out of the text
    afwijkingen: list[str] = field(default_factory=list)  # blanks not as the library expects
    artikelen: list[ArtikelVerslag] = field(default_factory=list)  # filled after the overlay


def lees_officieel(pad: Path, versie: str | None = None) -> Verslag:
    """Parse the file at `pad`. Raises InvoerFout when it is no such document at all, or when
    an article of Deel 3 (which the standard prescribes word for word) cannot be read."""
    naam = pad.name
    if versie is not None and not VERSIE_OPGEGEVEN.match(versie.strip()):
        raise InvoerFout([Melding("--versie", None, "", f"'{versie}' is geen versie van de "
                                  "standaard; geef die als '1.3' of 'CSW 1.3'", "versie_ongeldig")],
                         "Kan de officiële tekst niet lezen")
    try:
        inhoud = pad.read_bytes()
    except OSError as exc:
        raise _fout(naam, f"kan niet worden gelezen ({exc.strerror})", "onleesbaar") from None
    if len(inhoud) > MAXIMUM:
        raise _fout(naam, f"groter dan {MAXIMUM // 1024 // 1024} MB", "te_groot")
    alineas = _alineas(pad, inhoud)
    gevonden = versie or _versie(alineas, naam)
    if gevonden is None:
        raise _fout(naam, "geen versie gevonden: niet in een tabel 'Versiebeheer' en niet in de "
                          "bestandsnaam (zoals 'Overeenkomst-Wmo-versie-1.2.docx'); geef die op "
                          "met --versie", "versie_ontbreekt")
    lezer = Lezer(naam)
    lezer.lees(alineas)
    if not any(a.nummer[0].isdigit() for a in lezer.artikelen):
        raise _fout(naam, "geen enkel artikel gevonden ('Artikel 3.1 – …' met leden '3.1.1'); "
                          "is dit de overeenkomst van de Contractstandaard Wmo?", "geen_artikelen")
    if lezer.fataal:
        raise InvoerFout(lezer.fataal, "Kan de officiële tekst niet lezen; er is niets "
                                       "opgeslagen")
    officieel = Officieel(versie=f"CSW {versienummer(gevonden)}", bestand=naam,
                          sha256=hashlib.sha256(inhoud).hexdigest(), artikelen=lezer.artikelen,
                          ondertekening=lezer.ondertekening)
    return Verslag(officieel, lezer.problemen, lezer.weggelaten)


def _fout(naam: str, bericht: str, code: str, plaats: str | None = None) -> InvoerFout:
    return InvoerFout([melding(naam, bericht, code, plaats)], "Kan de officiële tekst niet lezen")


def _alineas(pad: Path, inhoud: bytes) -> list[Alinea]:
    naam = pad.name
    soort = pad.suffix.lower()
    if inhoud.startswith(b"%PDF"):
        raise _fout(naam, "is een pdf; importeer het Word-document (.docx) dat het Ketenbureau "
                          "publiceert", "formaat")
    if inhoud.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fout(naam, "is met een wachtwoord beveiligd of in het oude Word-formaat (.doc); "
                          "open het in Word of LibreOffice en sla het op als .docx zonder "
                          "wachtwoord", "versleuteld_of_doc")
    if soort == ".docx":
        try:
            return uit_word(inhoud)
        except WordProbleem as probleem:
            raise _fout(naam, probleem.bericht, probleem.code) from None
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise _fout(naam, f"geen leesbaar Word-bestand ({exc})", "onleesbaar") from None
    if soort in (".md", ".txt"):
        try:
            return uit_markdown(inhoud.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise _fout(naam, "geen UTF-8-tekst", "codering") from None
    raise _fout(naam, f"verwacht een .docx- of .md-bestand, niet '{soort or naam}'", "formaat")


def _versie(alineas: list[Alinea], naam: str) -> str | None:
    """The newest version in the 'Versiebeheer' table, else the one in the file name, else a
    'versie 1.3' on the title page."""
    for i, alinea in enumerate(alineas[:80]):
        if not alinea.tekst.lower().startswith("versiebeheer"):
            continue
        for tabel in (a.tabel for a in alineas[i + 1:i + 4] if a.tabel):
            nummers = [tuple(map(int, m.groups())) for rij in tabel if rij
                       if (m := VERSIENUMMER.match(rij[0].strip()))]
            if nummers:
                hoogste = max(nummers)
                return f"{hoogste[0]}.{hoogste[1]}"
    for bron in [naam] + [a.tekst for a in alineas[:60]]:  # the file name, then the title page
        gevonden = VERSIE.search(bron)
        if gevonden:
            return f"{gevonden.group(1)}.{gevonden.group(2)}"
    return None
