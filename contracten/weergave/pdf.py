"""Word to PDF through LibreOffice headless: one LibreOffice process for a whole run, with a clear
message when it is not installed. Every PDF is PDF/A-2b, the archival format: a municipality
must keep the letters it sends, and a PDF/A shows the same in fifty years (fonts embedded, no
external content)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from contracten.fouten import ContractenFout

# LibreOffice's PDF export with SelectPdfVersion 2: PDF/A-2b.
PDF_A = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def naar_pdf(paren: list[tuple[Path, Path]]) -> None:
    """Convert each .docx `bron` into the .pdf `doel`. Raises ContractenFout."""
    if not paren:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ContractenFout("Voor pdf is LibreOffice nodig, maar 'soffice' is niet gevonden. "
                             "Installeer het (bijv. apt-get install libreoffice-writer-nogui) of "
                             "kies een ander formaat.")
    with tempfile.TemporaryDirectory(prefix="contracten-pdf-") as tijdelijk:
        werk = Path(tijdelijk)
        # Numbered copies: documents in different folders may share a name.
        invoer = []
        for i, (bron, _) in enumerate(paren):
            kopie = werk / f"{i:06d}.docx"
            shutil.copyfile(bron, kopie)
            invoer.append(kopie)
        uit = werk / "pdf"
        # A private profile, so a LibreOffice the user has open does not block the conversion.
        proces = subprocess.run(
            [soffice, f"-env:UserInstallation={(werk / 'profiel').as_uri()}", "--headless",
             "--convert-to", PDF_A, "--outdir", str(uit), *map(str, invoer)],
            capture_output=True, text=True, timeout=600 + 10 * len(paren), check=False)
        ontbreekt = [bron.name for i, (bron, _) in enumerate(paren)
                     if not (uit / f"{i:06d}.pdf").is_file()]
        if proces.returncode != 0 or ontbreekt:
            raise ContractenFout(f"LibreOffice kon niet naar pdf omzetten: {', '.join(ontbreekt)} "
                                 f"({proces.stderr.strip()[:200]})")
        for i, (_, doel) in enumerate(paren):
            doel.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(uit / f"{i:06d}.pdf", doel)


def samengevoegd(delen: list[Path], doel: Path) -> None:
    """One pdf of `delen`, in that order (for printing all letters of a kind at once)."""
    from pypdf import PdfWriter  # only needed with --formaat pdf

    schrijver = PdfWriter()
    for deel in delen:
        schrijver.append(str(deel))
    doel.parent.mkdir(parents=True, exist_ok=True)
    with doel.open("wb") as uit:
        schrijver.write(uit)
