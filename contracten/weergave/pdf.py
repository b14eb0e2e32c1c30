"""Word to PDF through LibreOffice headless, with a clear message when it is not installed: one
LibreOffice process per core for a whole run, each started once with its own private profile
and its share of the documents (one LibreOffice converts one document at a time). Every PDF is
PDF/A-2b, the archival format: a municipality must keep the letters it sends, and a PDF/A
shows the same in fifty years (fonts embedded, no external content). It is tagged as well
(headings, paragraphs, tables and the reading order for a screen reader, in the document's
language, nl-NL), as the Wet digitale overheid asks of what a government publishes.

LibreOffice's own `--convert-to` cannot update a table of contents, and without that the
contents have no page numbers (only a word processor knows them). So the run goes through a
small Basic macro in the private LibreOffice profile of each process (weergave/pdfprofiel.py):
it opens each document, updates its indexes (twice: page numbers that make the contents one
line longer can move a heading to the next page), and exports the PDF."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from contracten.fouten import ContractenFout

from . import pdfinvoer, pdfprofiel

# How long a run may take, in seconds: this much, and this much more per document.
TIJD_PER_RUN = 600.0
TIJD_PER_DOCUMENT = 10.0

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
    a share in their own order. The same sizes give the same shares. (Measured at 20
    aanbieders, with the time each document took: within 2 % of the best split; weighing by
    the length of the text instead did no better.)"""
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
    # Removing the folder never turns an error or an interruption into another error.
    with tempfile.TemporaryDirectory(prefix="contracten-pdf-",
                                     ignore_cleanup_errors=True) as tijdelijk:
        mappen = [Path(tijdelijk) / str(d) for d in range(len(delen))]
        stijlen: dict[tuple[bytes, frozenset[str]], bytes] = {}
        for werk, deel in zip(mappen, delen, strict=True):
            # Numbered copies: documents in different folders may share a name, and the macro
            # needs no file names from outside (it reads none of their characters).
            (werk / "in").mkdir(parents=True)
            (werk / "pdf").mkdir()
            for j, i in enumerate(deel):  # without the table styles nothing uses
                pdfinvoer.kopieer(paren[i][0], werk / "in" / f"{j:06d}.docx", stijlen)
        # A private profile per process: LibreOffice runs one instance per profile, and a
        # LibreOffice the user has open does not block the conversion.
        vers = [pdfprofiel.maak(werk / "profiel", soffice) for werk in mappen]
        try:
            afgebroken = _draai(soffice, mappen, delen, time.monotonic() + TIJD_PER_RUN
                                + TIJD_PER_DOCUMENT * len(paren))
        except ContractenFout:
            if not all(vers):  # the kept profile may be to blame: the next run makes another
                pdfprofiel.vergeet()
            raise
        # A process that ended with an error may have left its last pdf half written: none of
        # its pdfs is trusted then.
        ontbreekt = {i for d, (werk, deel) in enumerate(zip(mappen, delen, strict=True))
                     for j, i in enumerate(deel)
                     if d in afgebroken or not (werk / "pdf" / f"{j:06d}.pdf").is_file()}
        if ontbreekt:
            redenen = {deel[j]: reden for werk, deel in zip(mappen, delen, strict=True)
                       for j, reden in _redenen(werk / "fouten.txt").items() if j < len(deel)}
            if not all(vers) and not redenen:  # no document to blame: perhaps the profile
                pdfprofiel.vergeet()
            namen = ", ".join(f"{paren[i][0].name} ({redenen[i]})" if i in redenen
                              else paren[i][0].name for i in sorted(ontbreekt)[:10])
            stderr = " ".join((werk / "stderr.txt").read_text(errors="replace")
                              for werk in mappen if (werk / "stderr.txt").is_file()).strip()
            raise ContractenFout(f"LibreOffice kon niet naar pdf omzetten: {namen}"
                                 + ("" if redenen else f" ({stderr[:200]})"))
        # A fresh profile that served without error is kept for the next runs.
        if True in vers:
            pdfprofiel.bewaar(mappen[vers.index(True)] / "profiel", soffice)
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
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
                    start_new_session=os.name == "posix"))
        for proces in lopend:
            try:
                proces.wait(timeout=max(0.0, uiterlijk - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise ContractenFout("LibreOffice werd niet op tijd klaar met het omzetten naar "
                                     "pdf; er is niets geschreven.") from None
        return {d for d, proces in enumerate(lopend) if proces.returncode != 0}
    finally:
        for proces in lopend:
            if proces.returncode is None:  # not yet waited for: its number is still its own
                _stop(proces)


def _stop(proces: subprocess.Popen[bytes]) -> None:
    """End a LibreOffice and what it started: `soffice` starts `soffice.bin`, which would
    otherwise go on running (and writing in its folder) after an interruption or a time-out."""
    if os.name == "posix":  # its own session, so its own process group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proces.pid, signal.SIGKILL)
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
