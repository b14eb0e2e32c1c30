"""A workbook a user gives, checked before anything in it is unpacked: what it is, by its content
whatever its name (an .xlsx; an .xls, .ods or .xlsb must first be saved as .xlsx), its size as
its zip directory states it (the file, everything unpacked, the ratio of the two, the number of
parts), and which parts are its sheets and what belongs to each (comments, drawings).
`werkmapscan` then reads every XML part with bounded work; only after both does openpyxl."""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.grenzen import (
    MAXIMUM_BESTAND,
    MAXIMUM_ONDERDELEN,
    MAXIMUM_UITGEPAKT,
    MAXIMUM_VERHOUDING,
    megabytes,
)
from contracten.opmaak import getal
from contracten.privacy import bevat_bsn

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an .xls, and also a workbook locked with a password
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
OPSLAAN = "open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx)"
ALLEEN_XLSX = "contracten leest alleen een Excel-werkmap (.xlsx)"
CSV_OF_XLSX = "contracten leest een .csv of een Excel-werkmap (.xlsx)"
ONLEESBAAR = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError,
              NotImplementedError, ValueError, KeyError)  # what a broken zip raises
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BIJ = ("/comments", "/threadedComment", "/drawing")  # a sheet's parts that hold text


@dataclass(frozen=True)
class Blad:
    """One sheet as the workbook lists it: its title, place, part and the parts with its
    comments and drawings. `plek` names it in messages: by title, or by place when the title
    itself was refused (it held a BSN)."""

    titel: str
    nummer: int
    pad: str | None  # the XML part of a worksheet; None for a chart sheet
    bij: tuple[str, ...]
    plek: str


@dataclass(frozen=True)
class Werkmap:
    naam: str
    archief: zipfile.ZipFile
    xml: list[str]  # every XML part, in the order of the zip


def fout(naam: str, bericht: str, code: str, titel: str, veld: str = "",
         regel: int | None = None) -> InvoerFout:
    return InvoerFout([Melding(naam, regel, veld, bericht, code)], titel)


def reden(exc: BaseException) -> str:
    """An exception's text for a message, ' (…)'; left out when it holds a BSN (a library
    may quote a value of the file)."""
    tekst = str(exc)
    return f" ({tekst})" if tekst and not bevat_bsn(tekst, excel=True) else ""


def deelnaam(pad: str) -> str:
    """A part of the zip as a message names it: by its path, unless that holds a BSN."""
    return "een onderdeel" if bevat_bsn(pad, excel=True) else f"onderdeel {pad}"


def is_werkmap(inhoud: bytes) -> bool:
    """A zip (an .xlsx, or an .ods to refuse) or an OLE2 file (an .xls): not a CSV."""
    return inhoud.startswith((*ZIP, OLE2))


def _wat(inhoud: bytes, aanvaard: str) -> str:
    """What a file that is no zip is, for a message about a workbook it is not."""
    if inhoud.startswith(OLE2):
        return ("is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord; "
                f"{aanvaard}: {OPSLAAN}, zonder wachtwoord")
    if inhoud.startswith(b"%PDF"):
        return f"is een pdf, geen werkmap; {aanvaard}"
    begin = inhoud[:4096].lower()
    if b"<?xml" in begin or b"<html" in begin or b"<table" in begin:
        return ("is een XML- of HTML-bestand, geen Excel-werkmap (sommige programma's noemen "
                f"zo'n bestand .xls); {aanvaard}: {OPSLAAN}")
    return ("geen leesbaar Excel-bestand: het is tekst (zoals een .csv) of iets anders; "
            f"{aanvaard}: {OPSLAAN}")


def _zip_soort(archief: zipfile.ZipFile, aanvaard: str) -> str | None:
    """Why a zip is not a workbook to read (an OpenDocument file, an .xlsb, a Word document),
    or None."""
    namen = set(archief.namelist())
    if "mimetype" in namen:
        info = archief.getinfo("mimetype")
        soort = archief.read(info)[:100] if info.file_size <= 100 else b""
        if soort.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
            return f"is een OpenDocument-rekenblad (.ods); {aanvaard}: {OPSLAAN}"
        return f"is een OpenDocument-bestand, geen werkmap; {aanvaard}"
    if any(n.endswith("workbook.bin") for n in namen):
        return f"is een binaire Excel-werkmap (.xlsb); {aanvaard}: {OPSLAAN}"
    if "word/document.xml" in namen:
        return f"is een Word-document, geen werkmap; {aanvaard}"
    if "[Content_Types].xml" not in namen:
        return f"is een zip-bestand, geen Excel-werkmap; {aanvaard}"
    return None


def open_werkmap(naam: str, inhoud: bytes, titel: str, aanvaard: str = ALLEEN_XLSX) -> Werkmap:
    """The workbook's zip, its format and sizes checked from the zip directory alone."""
    if len(inhoud) > MAXIMUM_BESTAND:
        raise fout(naam, f"groter dan {megabytes(MAXIMUM_BESTAND)} (de grens voor een "
                   "invoerbestand)", "te_groot", titel)
    if not inhoud.startswith(ZIP):
        raise fout(naam, _wat(inhoud, aanvaard), "formaat", titel)
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        onderdelen = archief.infolist()
    except ONLEESBAAR as exc:
        raise fout(naam, f"geen leesbaar Excel-bestand{reden(exc)}", "xlsx", titel) from None
    if len(onderdelen) > MAXIMUM_ONDERDELEN:
        raise fout(naam, f"bestaat uit meer dan {getal(MAXIMUM_ONDERDELEN)} onderdelen (de "
                   "grens voor een werkmap); is dit een werkmap?", "te_veel_onderdelen", titel)
    uitgepakt = sum(o.file_size for o in onderdelen)
    ingepakt = sum(o.compress_size for o in onderdelen)
    if uitgepakt > MAXIMUM_UITGEPAKT:
        raise fout(naam, f"is uitgepakt groter dan {megabytes(MAXIMUM_UITGEPAKT)} (de grens "
                   "voor een werkmap); niets is uitgepakt", "uitgepakt_te_groot", titel)
    if uitgepakt > MAXIMUM_VERHOUDING * max(ingepakt, 1):
        raise fout(naam, f"wordt uitgepakt meer dan {MAXIMUM_VERHOUDING} keer zo groot (de "
                   "grens voor een werkmap; een gewone werkmap 5 tot 20 keer): een zipbom? "
                   "Niets is uitgepakt", "zipbom", titel)
    try:
        soort = _zip_soort(archief, aanvaard)
    except ONLEESBAAR as exc:
        raise fout(naam, f"geen leesbaar Excel-bestand{reden(exc)}", "xlsx", titel) from None
    if soort:
        raise fout(naam, soort, "formaat", titel)
    xml = [o.filename for o in onderdelen if o.filename.endswith((".xml", ".rels"))]
    return Werkmap(naam, archief, xml)


def _doel(bron: str, doel: str) -> str:
    """A relationship's target as a part name: relative to its source's folder, or from the
    root ('/xl/...')."""
    if doel.startswith("/"):
        return doel.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(bron), doel))


def relaties(archief: zipfile.ZipFile, bron: str) -> dict[str, tuple[str, str]]:
    """The relationships of part `bron` (from its .rels, if there is one): id -> (type,
    part). External targets (a web address) are left out."""
    pad = posixpath.join(posixpath.dirname(bron), "_rels", posixpath.basename(bron) + ".rels")
    if pad not in archief.namelist():
        return {}
    uit = {}
    for rel in ET.fromstring(archief.read(pad)):
        if rel.get("TargetMode") != "External" and rel.get("Target"):
            uit[rel.get("Id", "")] = (rel.get("Type", ""), _doel(bron, rel.get("Target", "")))
    return uit


def boekdeel(archief: zipfile.ZipFile) -> str:
    """The part with the workbook's sheet list, as the package's relationships name it."""
    boek = next((p for t, p in relaties(archief, "").values() if t.endswith("/officeDocument")),
                "xl/workbook.xml")
    if boek not in archief.namelist():
        raise KeyError(f"geen {boek}")
    return boek


def bladen(werkmap: Werkmap, *, excel: bool) -> list[Blad]:
    """The sheets of the workbook in its order, with their parts; only after the relationships
    and `boekdeel` passed `werkmapscan.controleer_xml`. A title with a BSN (`excel` as for
    `bevat_bsn`) never names its sheet in a message: its place does."""
    archief = werkmap.archief
    namen = set(archief.namelist())
    boek = boekdeel(archief)
    rels = relaties(archief, boek)
    uit = []
    for nummer, blad in enumerate((e for e in ET.fromstring(archief.read(boek)).iter()
                                   if e.tag.rpartition("}")[2] == "sheet"), start=1):
        titel = blad.get("name", "")
        soort, pad = rels.get(blad.get(_R_ID, ""), ("", ""))
        eigen = relaties(archief, pad) if pad in namen else {}
        bij = tuple(p for t, p in eigen.values() if t.endswith(_BIJ) and p in namen)
        genoemd = titel if titel and not bevat_bsn(titel, excel=excel) else str(nummer)
        uit.append(Blad(titel, nummer, pad if pad in namen and not soort.endswith("/chartsheet")
                        else None, bij, f"{werkmap.naam}, blad {genoemd}"))
    return uit
