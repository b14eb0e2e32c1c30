"""Word to PDF through LibreOffice headless, with a clear message when it is not installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from contracten.fouten import ContractenFout


def naar_pdf(bestanden: list[Path], uitvoer: Path) -> None:
    """Convert .docx files into `uitvoer` (same names, .pdf). Raises ContractenFout."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ContractenFout("Voor --formaat pdf is LibreOffice nodig, maar 'soffice' is niet "
                             "gevonden. Installeer het (bijv. apt-get install "
                             "libreoffice-writer-nogui) of kies een ander formaat.")
    # A private profile, so a LibreOffice the user has open does not block the conversion.
    with tempfile.TemporaryDirectory(prefix="contracten-lo-") as profiel:
        proces = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to",
             "pdf", "--outdir", str(uitvoer), *map(str, bestanden)],
            capture_output=True, text=True, timeout=600, check=False)
    ontbreekt = [b.name for b in bestanden if not (uitvoer / b.with_suffix(".pdf").name).is_file()]
    if proces.returncode != 0 or ontbreekt:
        raise ContractenFout(f"LibreOffice kon niet naar pdf omzetten: {', '.join(ontbreekt)} "
                             f"({proces.stderr.strip()[:200]})")
