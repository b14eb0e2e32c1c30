"""The README: at most about 120 lines, its two commands first (verbatim as `.ci/run` runs the
test command), they work, and its pictures and links exist. The command line's own basics (exit
codes, Dutch, the wheel) are checked here too; the site is in tests/test_documentatie.py."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from .conftest import REGIOS, ROOT, voer_uit, voer_uit_als_proces

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_begint_met_installeren_en_testen():
    blokken = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert blokken[0].startswith("pip install -e . && contracten ")
    assert blokken[1].startswith("pip install -e '.[test]' && python -m pytest")


def test_readme_eerste_opdracht_werkt(tmp_path: Path):
    eerste = re.findall(r"```sh\n(.*?)\n```", README, re.S)[0]
    for opdracht in eerste.split(" && ")[1:]:  # the install step is what CI itself just did
        woorden = shlex.split(opdracht)
        assert woorden[0] == "contracten"
        # Run in an empty folder, so the checkout's output/ stays untouched; with a fixed date,
        # so the test does not depend on the day it runs.
        uit = voer_uit(*woorden[1:], "--datum", "2026-01-05", cwd=tmp_path,
                       env={"CONTRACTEN_REGIOS": str(REGIOS)})
        assert uit.code == 0, uit.stderr
    assert (tmp_path / "output/assen/2025/programma-van-eisen.docx").is_file()
    assert (tmp_path / "output/amersfoort/2023/manifest.json").is_file()
    assert (tmp_path / "output/hoogeveld/2026/overeenkomsten/perceel-2").is_dir()





def test_verkeerd_gebruik_exit_2_in_het_nederlands():
    uit = voer_uit("valideer", "--onbekend")
    assert uit.code == 2
    assert "Onbekende optie" in uit.stderr


def test_het_programma_zelf_spreekt_nederlands():
    """The console script sets up Dutch for its own process (in-process, voer_uit does that)."""
    uit = voer_uit_als_proces("valideer", "--onbekend", env={"LANGUAGE": "en"})
    assert uit.code == 2
    assert "Onbekende optie" in uit.stderr and "Gebruik: contracten valideer" in uit.stderr


def test_onbekende_regio_exit_1():
    uit = voer_uit("valideer", "utrecht")
    assert uit.code == 1
    assert "Regio 'utrecht' bestaat niet" in uit.stderr



def test_wiel_bevat_de_sjablonen(tmp_path: Path):
    """A normal (non-editable) install must find its templates too."""
    import subprocess
    import sys
    import zipfile

    # Build from a copy: building writes build/ and *.egg-info/ beside the sources.
    bron = tmp_path / "bron"
    shutil.copytree(ROOT, bron, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "output", "*.egg-info", "__pycache__", ".*_cache",
        ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(bron), "-w",
                    str(tmp_path)], check=True, capture_output=True, timeout=600)
    wiel = next(tmp_path.glob("contracten-*.whl"))
    namen = zipfile.ZipFile(wiel).namelist()
    assert "contracten/sjablonen/overeenkomst.docx" in namen
    assert "contracten/sjablonen/programma-van-eisen.docx" in namen
    # … and the article library, click's Dutch catalogue and the typing marker
    bibliotheek = {n for n in namen if n.startswith("contracten/artikeldata/")}
    assert {"contracten/artikeldata/index.yaml",
            "contracten/artikeldata/3.19.yaml"} <= bibliotheek and len(bibliotheek) > 40
    assert "contracten/cli/taal/nl/LC_MESSAGES/messages.mo" in namen
    assert "contracten/py.typed" in namen


def test_readme_is_kort_en_ci_draait_de_testopdracht_letterlijk():
    assert len(README.splitlines()) <= 120
    blokken = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blokken[1] in ci.splitlines()  # the test command, verbatim, on a line of its own


def test_elk_plaatje_en_elke_verwijzing_in_de_readme_bestaat():
    plaatjes = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert plaatjes
    for pad in plaatjes:
        bestand = ROOT / pad
        assert bestand.is_file() and bestand.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", pad
    verwijzingen = re.findall(r"(?<!!)\[[^\]]+\]\(([^)#]+)(?:#[^)]*)?\)", README)
    assert any(v.startswith("docs/") for v in verwijzingen)
    for pad in verwijzingen:
        assert (ROOT / pad).is_file(), pad

