"""Make the pictures of the example letters on the site (docs/voorbeelden/*.png): the first
page of each kind of letter of the shipped Assen region, from the generated PDF.

    python scripts/voorbeeldbrieven.py

Needs LibreOffice (for the PDF, as `--formaat pdf`) and pdftoppm (Debian: poppler-utils). Uses
only the public API, on a copy of regios/ in a temporary folder; writes nothing else.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import contracten  # noqa: E402

DATUM = dt.date(2026, 11, 23)
DOEL = ROOT / "docs" / "voorbeelden"


def main() -> int:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm ontbreekt (Debian: apt-get install poppler-utils).")
    with tempfile.TemporaryDirectory(prefix="contracten-voorbeelden-") as tijdelijk:
        werk = Path(tijdelijk)
        shutil.copytree(ROOT / "regios", werk / "regios")
        uit = werk / "uit"
        regio = contracten.laad_regio(werk / "regios" / "assen")
        contracten.indexeer(regio, naar=2026, ova=Decimal("4.18"), ppc=Decimal("1.82"),
                            nacalculatie=Decimal("1.013"), genereren=True, datum=DATUM,
                            uitvoer=uit, formaten=["pdf"])
        regio = contracten.laad_regio(werk / "regios" / "assen")
        contracten.socialreturn(regio, datum=DATUM, uitvoer=uit, formaten=["pdf"])
        # the aanbieder's notice arrived on 16 November; the letter confirms it on DATUM
        contracten.opzegging(regio, aanbieder="wonen-plus", ontvangen=dt.date(2026, 11, 16),
                             briefdatum=DATUM, kenmerk_aanbieder="WP/2026/118",
                             brief_aanbieder=dt.date(2026, 11, 13), uitvoer=uit,
                             formaten=["pdf"])
        brieven = {
            "indexatiebrief": uit / "assen/2026/brieven/indexatie/zorg-welzijn-de-brug.pdf",
            "tariefaddendum": uit / "assen/2026/addenda/zorg-welzijn-de-brug.pdf",
            "socialreturn-brief": uit / "assen/2026/brieven/socialreturn/zorg-welzijn-de-brug.pdf",
            "opzeggingsbrief": uit / "assen/opzeggingen/wonen-plus/2026-11-16/opzeggingsbrief.pdf",
        }
        DOEL.mkdir(parents=True, exist_ok=True)
        for naam, pdf in brieven.items():
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(DOEL / naam)], check=True)
            print(f"{DOEL.relative_to(ROOT) / naam}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
