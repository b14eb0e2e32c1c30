"""Word to PDF through LibreOffice headless, with a clear message when it is not installed: one
LibreOffice process per core for a whole run, each started once with its own private profile
and its share of the documents (one LibreOffice converts one document at a time). Every PDF is
PDF/A-2b, the archival format: a municipality must keep the letters it sends, and a PDF/A
shows the same in fifty years (fonts embedded, no external content). It is tagged as well
(headings, paragraphs, tables and the reading order for a screen reader, in the document's
language, nl-NL), as the Wet digitale overheid asks of what a government publishes.

LibreOffice's own `--convert-to` cannot update a table of contents, and without that the
contents have no page numbers (only a word processor knows them). So the run goes through a
small Basic macro in the private LibreOffice profile of the run: it opens each document, updates
its indexes (twice: page numbers that make the contents one line longer can move a heading to
the next page), and exports the PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from contracten.fouten import ContractenFout

# How long a run may take, in seconds: this much, and this much more per document.
TIJD_PER_RUN = 600.0
TIJD_PER_DOCUMENT = 10.0

# The PDF export's options: PDF/A-2b (SelectPdfVersion 2), tagged.
PDF_OPTIES = {"SelectPdfVersion": 2, "UseTaggedPDF": True}

# The macro: Omzetten(werk, aantal) converts werk/in/000000.docx … into werk/pdf/000000.pdf …;
# what fails is written to werk/fouten.txt (number, tab, LibreOffice's message), the rest goes on.
# Only the indexes are updated, never the other fields: a date field would show the day of the
# run, and the same input must give the same document.
_MACRO = """Sub Omzetten(werk As String, aantal As Long)
    Dim laden(0) As New com.sun.star.beans.PropertyValue
    laden(0).Name = "Hidden" : laden(0).Value = True
    Dim opties(1) As New com.sun.star.beans.PropertyValue
    opties(0).Name = "SelectPdfVersion" : opties(0).Value = {versie}
    opties(1).Name = "UseTaggedPDF" : opties(1).Value = {tagged}
    Dim opslaan(1) As New com.sun.star.beans.PropertyValue
    opslaan(0).Name = "FilterName" : opslaan(0).Value = "writer_pdf_Export"
    opslaan(1).Name = "FilterData" : opslaan(1).Value = opties
    Dim fouten As Integer, i As Long, k As Long, ronde As Integer, naam As String
    Dim doc As Object, indexen As Object
    fouten = FreeFile
    Open ConvertFromURL(werk & "/fouten.txt") For Output As #fouten
    For i = 0 To aantal - 1
        naam = Format(i, "000000")
        doc = Nothing
        On Error GoTo Fout
        doc = StarDesktop.loadComponentFromURL(werk & "/in/" & naam & ".docx", "_blank", 0, laden)
        indexen = doc.getDocumentIndexes()
        If indexen.getCount() > 0 Then
            For ronde = 1 To 2
                For k = 0 To indexen.getCount() - 1
                    indexen.getByIndex(k).update()
                Next k
            Next ronde
        End If
        doc.storeToURL(werk & "/pdf/" & naam & ".pdf", opslaan)
        GoTo Sluiten
Fout:
        Print #fouten, naam & Chr(9) & Error$
        Resume Sluiten
Sluiten:
        On Error Resume Next
        If Not IsNull(doc) Then doc.close(True)
        On Error GoTo 0
    Next i
    Close #fouten
    StarDesktop.terminate()
End Sub
"""

_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_DTD = '<!DOCTYPE {wortel} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">\n'
_BIBLIOTHEEK = "http://openoffice.org/2000/library"


def _profiel(map_: Path) -> None:
    """A private LibreOffice profile with the macro in its Basic library 'Standard'. It is marked
    as set up, or LibreOffice would replace the library with its empty default on first start."""
    gebruiker = map_ / "user"
    basic = gebruiker / "basic"
    (basic / "Standard").mkdir(parents=True)
    (gebruiker / "registrymodifications.xcu").write_text(
        _XML + '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" '
        'oor:op="fuse"><value>true</value></prop></item>\n</oor:items>\n', encoding="utf-8")
    for soort in ("script", "dialog"):
        (basic / f"{soort}.xlc").write_text(
            _XML + _DTD.format(wortel="library:libraries", dtd="libraries.dtd")
            + f'<library:libraries xmlns:library="{_BIBLIOTHEEK}" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            f' <library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/'
            f'{soort}.xlb/" xlink:type="simple" library:link="false"/>\n'
            '</library:libraries>\n', encoding="utf-8")
        element = ('>\n <library:element library:name="Pdf"/>\n</library:library>\n'
                   if soort == "script" else "/>\n")
        (basic / "Standard" / f"{soort}.xlb").write_text(
            _XML + _DTD.format(wortel="library:library", dtd="library.dtd")
            + f'<library:library xmlns:library="{_BIBLIOTHEEK}" library:name="Standard" '
            f'library:readonly="false" library:passwordprotected="false"{element}',
            encoding="utf-8")
    macro = _MACRO.format(versie=PDF_OPTIES["SelectPdfVersion"],
                          tagged="True" if PDF_OPTIES["UseTaggedPDF"] else "False")
    (basic / "Standard" / "Pdf.xba").write_text(
        _XML + _DTD.format(wortel="script:module", dtd="module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Pdf" '
        f'script:language="StarBasic">{escape(macro)}</script:module>\n', encoding="utf-8")


def _redenen(fouten: Path) -> dict[int, str]:
    """What the macro wrote about the documents it could not convert, by number."""
    if not fouten.is_file():
        return {}
    uit = {}
    for regel in fouten.read_text(encoding="utf-8", errors="replace").splitlines():
        nummer, _, reden = regel.partition("\t")
        if nummer.isdigit():
            uit[int(nummer)] = " ".join(reden.split())[:200]
    return uit


def verdeel(groottes: list[int], aantal: int) -> list[list[int]]:
    """The documents (numbered by position, each with its size) over `aantal` processes with
    about the same number of bytes each: the largest first, each to the lightest share; within
    a share in their own order. The same sizes give the same shares."""
    delen: list[list[int]] = [[] for _ in range(max(1, min(aantal, len(groottes))))]
    gewicht = [0] * len(delen)
    for i in sorted(range(len(groottes)), key=lambda i: (-groottes[i], i)):
        licht = min(range(len(delen)), key=lambda d: (gewicht[d], d))
        delen[licht].append(i)
        gewicht[licht] += groottes[i]
    return [sorted(deel) for deel in delen if deel]


def naar_pdf(paren: list[tuple[Path, Path]], *, processen: int | None = None) -> None:
    """Convert each .docx `bron` into the .pdf `doel`, with `processen` LibreOffice processes
    side by side (default: one per core), each started once. Writes no pdf unless all of them
    could be made. Raises ContractenFout."""
    if not paren:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ContractenFout("Voor pdf is LibreOffice nodig, maar 'soffice' is niet gevonden. "
                             "Installeer het (bijv. apt-get install libreoffice-writer-nogui) of "
                             "kies een ander formaat.")
    delen = verdeel([bron.stat().st_size for bron, _ in paren],
                    processen if processen is not None else os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="contracten-pdf-") as tijdelijk:
        mappen = [Path(tijdelijk) / str(d) for d in range(len(delen))]
        for werk, deel in zip(mappen, delen, strict=True):
            # Numbered copies: documents in different folders may share a name, and the macro
            # needs no file names from outside (it reads none of their characters).
            (werk / "in").mkdir(parents=True)
            (werk / "pdf").mkdir()
            for j, i in enumerate(deel):
                shutil.copyfile(paren[i][0], werk / "in" / f"{j:06d}.docx")
            # A private profile per process: LibreOffice runs one instance per profile, and a
            # LibreOffice the user has open does not block the conversion.
            _profiel(werk / "profiel")
        afgebroken = _draai(soffice, mappen, delen, time.monotonic() + TIJD_PER_RUN
                            + TIJD_PER_DOCUMENT * len(paren))
        # A process that ended with an error may have left its last pdf half written: none of
        # its pdfs is trusted then.
        ontbreekt = {i for d, (werk, deel) in enumerate(zip(mappen, delen, strict=True))
                     for j, i in enumerate(deel)
                     if d in afgebroken or not (werk / "pdf" / f"{j:06d}.pdf").is_file()}
        if ontbreekt:
            redenen = {deel[j]: reden for werk, deel in zip(mappen, delen, strict=True)
                       for j, reden in _redenen(werk / "fouten.txt").items() if j < len(deel)}
            namen = ", ".join(f"{paren[i][0].name} ({redenen[i]})" if i in redenen
                              else paren[i][0].name for i in sorted(ontbreekt)[:10])
            stderr = " ".join((werk / "stderr.txt").read_text(errors="replace")
                              for werk in mappen if (werk / "stderr.txt").is_file()).strip()
            raise ContractenFout(f"LibreOffice kon niet naar pdf omzetten: {namen}"
                                 + ("" if redenen else f" ({stderr[:200]})"))
        for werk, deel in zip(mappen, delen, strict=True):
            for j, i in enumerate(deel):
                doel = paren[i][1]
                doel.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(werk / "pdf" / f"{j:06d}.pdf", doel)


def _draai(soffice: str, mappen: list[Path], delen: list[list[int]], uiterlijk: float
           ) -> set[int]:
    """Run one LibreOffice per folder, all at once, and wait for them (until `uiterlijk`, a
    moment of time.monotonic). Returns the numbers of those that ended with an error. On an
    error or an interruption none is left running."""
    lopend: list[subprocess.Popen[bytes]] = []
    try:
        for werk, deel in zip(mappen, delen, strict=True):
            macro = f'macro:///Standard.Pdf.Omzetten("{werk.as_uri()}",{len(deel)})'
            with (werk / "stderr.txt").open("wb") as stderr:
                lopend.append(subprocess.Popen(
                    [soffice, f"-env:UserInstallation={(werk / 'profiel').as_uri()}",
                     "--headless", "--norestore", macro],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr))
        for proces in lopend:
            try:
                proces.wait(timeout=max(0.0, uiterlijk - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise ContractenFout("LibreOffice werd niet op tijd klaar met het omzetten naar "
                                     "pdf; er is niets geschreven.") from None
        return {d for d, proces in enumerate(lopend) if proces.returncode != 0}
    finally:
        for proces in lopend:
            if proces.poll() is None:
                proces.kill()
                proces.wait()


def samengevoegd(delen: list[Path], doel: Path) -> None:
    """One pdf of `delen`, in that order (for printing all letters of a kind at once)."""
    from pypdf import PdfWriter  # only needed with --formaat pdf

    schrijver = PdfWriter()
    for deel in delen:
        schrijver.append(str(deel))
    doel.parent.mkdir(parents=True, exist_ok=True)
    with doel.open("wb") as uit:
        schrijver.write(uit)
