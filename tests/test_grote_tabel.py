"""A table of thousands of rows (the overview of every aanbieder) is processed a few hundred rows
at a time (`weergave.grotetabel`, issue 31): byte for byte what the whole table gives, and its
Word XML is never one element tree, so the memory of the overview grows less with the number of
aanbieders."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys

import pytest

from contracten import laad_regio
from contracten.soorten.basis import Uitvoering
from contracten.soorten.register import soort
from contracten.weergave import grotetabel
from contracten.weergave.motor import Motor

from .conftest import ASSEN_DATUM, REGIOS, ROOT

TIJDSTIP = dt.datetime(2026, 1, 1)
SJABLOON = ROOT / "sjablonen" / "socialreturn-overzicht.docx"


def _context(aantal: int) -> dict:
    """The overview of Assen with its rows copied to `aantal`, each with its own name."""
    profiel = laad_regio(REGIOS, "assen")
    context = soort("socialreturn-overzicht").context_van(
        profiel, profiel.laatste_prijspeil(), None, Uitvoering("v", ASSEN_DATUM))
    rijen = context["aanbieders"]
    context["aanbieders"] = [{**copy.copy(rijen[i % len(rijen)]), "naam": f"Aanbieder {i}"}
                             for i in range(aantal)]
    return context


def _render(context: dict, gebruikt: list[bool], monkeypatch) -> tuple[bytes, str]:
    echt = grotetabel.in_stukken

    def geteld(*args):
        uit = echt(*args)
        gebruikt.append(uit is not None)
        return uit

    monkeypatch.setattr(grotetabel, "in_stukken", geteld)
    gerenderd = Motor(SJABLOON, "sjablonen/socialreturn-overzicht.docx").render(
        context, titel="Social return", tijdstip=TIJDSTIP)
    return gerenderd.docx, gerenderd.markdown()


@pytest.mark.parametrize("per_stuk", [1, 7, 10_000])
def test_in_stukken_is_byte_voor_byte_de_hele_tabel(per_stuk, monkeypatch):
    context = _context(60)
    monkeypatch.setattr(grotetabel, "VANAF", 10**9)
    heel = _render(context, gebruikt := [], monkeypatch)
    assert not any(gebruikt)
    monkeypatch.setattr(grotetabel, "VANAF", 50)
    monkeypatch.setattr(grotetabel, "PER_STUK", per_stuk)
    stukken = _render(context, gebruikt := [], monkeypatch)
    assert sum(gebruikt) == 1  # the table of 62 rows (a head, 60, a total): in pieces
    assert stukken == heel
    assert "| Aanbieder 59 |" in stukken[1]


def test_een_tabel_met_een_cel_over_twee_kolommen_gaat_heel(monkeypatch):
    """What needs the whole table (here a cell spanning columns) is left to the whole way."""
    context = _context(60)
    monkeypatch.setattr(grotetabel, "VANAF", 50)
    gewoon = grotetabel.in_stukken
    gezien: list[bool] = []

    def met_span(kop, xml, *rest):
        xml = xml.replace("<w:tcPr>", "<w:tcPr><w:gridSpan w:val=\"1\"/>", 1)
        gezien.append(gewoon(kop, xml, *rest) is None)
        return None

    monkeypatch.setattr(grotetabel, "in_stukken", met_span)
    Motor(SJABLOON, "x").render(context, titel="x", tijdstip=TIJDSTIP)
    assert gezien and all(gezien)


METEN = """
import json, resource, sys, datetime as dt
sys.path[:0] = [{wortel!r}]
from tests.test_grote_tabel import _context, SJABLOON, TIJDSTIP
from contracten.weergave.motor import Motor
context = _context(int(sys.argv[1]))
motor = Motor(SJABLOON, "x")
motor.render(_context(10), titel="x", tijdstip=TIJDSTIP)
voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
motor.render(context, titel="x", tijdstip=TIJDSTIP)
print(json.dumps((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - voor) * 1024))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kilobytes: alleen op Linux")
def test_het_geheugen_van_een_groot_overzicht_groeit_minder_dan_de_hele_tabel(tmp_path):
    """Measured in a process of its own at 3,000 rows: the whole table took some 17 KB a row
    (its element tree alone 7 KB); in pieces some 10.5 KB, its text a few times over."""
    script = tmp_path / "meten.py"
    script.write_text(METEN.format(wortel=str(ROOT)), encoding="utf-8")
    uit = subprocess.run([sys.executable, str(script), "3000"], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    groei = json.loads(uit.stdout)
    assert groei / 3000 < 13_000, f"{groei / 3000:.0f} bytes per rij"
