"""The copy of a document that LibreOffice converts to PDF (see weergave/pdf.py): the same
document without the table styles nothing in it uses.

The templates carry Word's hundred built-in table styles (Light Grid - Accent 1 …), 330 of the
350 KB of their styles.xml, and LibreOffice reads each one into its document whatever uses it:
for a letter that was half of the time its conversion took (measured: 0.13 s against 0.07 s of
processor time per letter, 0.035 s less per overeenkomst). A table style no table refers to,
that is no default and no style another kept one is based on, changes nothing on any page. The
.docx the user gets is never touched: only LibreOffice's copy is smaller. Where anything is not
as expected, LibreOffice gets the document as it is."""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STIJLEN = "word/styles.xml"
_TABELSTIJL = re.compile(rb'<w:tblStyle w:val="([^"<>]*)"\s*/>')
_ELK = re.compile(rb"tblStyle(?![A-Za-z])")  # the element however written, not tblStylePr


def zonder_ongebruikte_tabelstijlen(stijlen: bytes, gebruikt: set[str]) -> bytes:
    """styles.xml without the table styles not in `gebruikt`, no default and no base of a kept
    one; the other styles untouched. Raises etree.XMLSyntaxError on XML that is not."""
    wortel = etree.fromstring(stijlen)
    per_id = {s.get(f"{W}styleId"): s for s in wortel.iterfind(f"{W}style")}
    houden: set[str] = set()
    for stijl_id, stijl in per_id.items():
        if (stijl.get(f"{W}type") != "table" or stijl_id in gebruikt
                or stijl.get(f"{W}default") in ("1", "true", "on")):
            volgende: str | None = stijl_id
            while volgende is not None and volgende in per_id and volgende not in houden:
                houden.add(volgende)
                basis = per_id[volgende].find(f"{W}basedOn")
                volgende = basis.get(f"{W}val") if basis is not None else None
    weg = [s for stijl_id, s in per_id.items() if stijl_id not in houden]
    if not weg:
        return stijlen
    for stijl in weg:
        wortel.remove(stijl)
    uit: bytes = etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", standalone=True)
    return uit


def kopieer(bron: Path, doel: Path, geheugen: dict[tuple[bytes, frozenset[str]], bytes]
            ) -> None:
    """Write LibreOffice's copy of `bron` to `doel` (its parts stored, not compressed: there is
    nothing to gain on a local disk). `geheugen` keeps each styles.xml made, as documents made
    from one template share theirs."""
    try:
        with zipfile.ZipFile(bron) as z:
            delen = [(info, z.read(info)) for info in z.infolist()]
        gebruikt: set[str] = set()
        for info, inhoud in delen:
            if info.filename.startswith("word/") and info.filename != _STIJLEN:
                gevonden = _TABELSTIJL.findall(inhoud)
                if len(_ELK.findall(inhoud)) != len(gevonden):  # written otherwise: unsure
                    raise ValueError(info.filename)
                gebruikt.update(g.decode("utf-8") for g in gevonden)
        sleutel_stijlen = next(inhoud for info, inhoud in delen if info.filename == _STIJLEN)
        sleutel = (hashlib.sha256(sleutel_stijlen).digest(), frozenset(gebruikt))
        if sleutel not in geheugen:
            geheugen[sleutel] = zonder_ongebruikte_tabelstijlen(sleutel_stijlen, gebruikt)
        with zipfile.ZipFile(doel, "w", zipfile.ZIP_STORED) as uit:
            for info, inhoud in delen:
                uit.writestr(zipfile.ZipInfo(info.filename, info.date_time),
                             geheugen[sleutel] if info.filename == _STIJLEN else inhoud)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, StopIteration,
            UnicodeDecodeError, etree.XMLSyntaxError):
        shutil.copyfile(bron, doel)  # as it is: LibreOffice says what is wrong with it
