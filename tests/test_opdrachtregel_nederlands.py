"""click's own phrases are Dutch, from a gettext catalogue we ship; nothing of click is changed,
and importing the package changes nothing of the process."""

from __future__ import annotations

import os
import subprocess
import sys

from contracten.cli.taal import MO, compileer, vertaald

from .conftest import ROOT


def test_catalogus_is_gecompileerd_uit_de_po():
    assert MO.read_bytes() == compileer(), "draai: python -m contracten.cli.taal"


def test_vertalingen():
    assert vertaald("Usage:") == "Gebruik:"
    assert vertaald("Show this message and exit.") == "Toon deze hulp en stop."


def test_importeren_verandert_niets_aan_het_proces():
    code = ("import os, gettext; import contracten, contracten.cli; "
            "print(os.environ.get('LANGUAGE', '-'), gettext.gettext('Usage:'))")
    omgeving = {k: v for k, v in os.environ.items() if k != "LANGUAGE"}
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=omgeving,
                         capture_output=True, text=True, check=True)
    assert uit.stdout.split() == ["-", "Usage:"]


def test_het_commando_spreekt_nederlands_ook_met_een_engelse_omgeving():
    omgeving = {**os.environ, "LANGUAGE": "en", "LANG": "en_US.UTF-8"}
    uit = subprocess.run([sys.executable, "-m", "contracten", "genereer"], cwd=ROOT,
                         env=omgeving, capture_output=True, text=True)
    assert uit.returncode == 2
    assert "Gebruik: contracten genereer" in uit.stderr and "Argument ontbreekt" in uit.stderr
