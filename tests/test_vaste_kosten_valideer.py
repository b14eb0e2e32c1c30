"""Fixed costs of `valideer` and of every run that renders: a command imports only what its own
path needs. `valideer` fills every template but takes no lock (no filelock), and rendering does
not import urllib.request (which xml.sax.saxutils brings); what they do stays the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from contracten.weergave.blokvorm import xml_tekst

ROOT = Path(__file__).resolve().parent.parent
NIET_BIJ_VALIDEER = ("filelock", "urllib.request", "xml.sax.saxutils")
VALIDEER = ("import contracten.cli; contracten.cli.main(['--regios', 'regios', 'valideer', "
            "'assen', '--sjablonen', 'sjablonen'], prog_name='contracten', "
            "standalone_mode=False)")


def _na(code: str, cache: Path) -> tuple[str, set[str]]:
    """What a fresh interpreter printed running `code` (one line), and the modules it then
    held."""
    meten = (f"import contextlib, io, json, sys\nuit = io.StringIO()\n"
             f"with contextlib.redirect_stdout(uit):\n    {code}\n"
             "print(json.dumps({'uit': uit.getvalue(), 'modules': sorted(sys.modules)}))")
    omgeving = {**os.environ, "CONTRACTEN_CACHE": str(cache),
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proces = subprocess.run([sys.executable, "-c", meten], capture_output=True, text=True,
                            check=True, env=omgeving, cwd=ROOT)
    gemeten = json.loads(proces.stdout.strip().splitlines()[-1])
    return gemeten["uit"], set(gemeten["modules"])


def test_valideer_importeert_geen_slot_en_geen_urllib(tmp_path: Path) -> None:
    uit, modules = _na(VALIDEER, tmp_path / "cache")
    assert "assen: geldig" in uit
    assert "contracten.weergave.motor" in modules  # it did fill the templates
    assert sorted(m for m in NIET_BIJ_VALIDEER if m in modules) == []


@pytest.mark.parametrize("tekst", [
    "", "gewoon", "a & b < c > d", "&amp; al ontsnapt", "\"aanhalingstekens\" en 'enkele'",
    "é ü € —", "<w:t>&</w:t>",
])
def test_een_waarde_ontsnapt_zoals_xml_sax_saxutils(tekst: str) -> None:
    assert xml_tekst(tekst) == escape(tekst)
