"""The manifest of a rerun is the manifest a first run makes of the same inputs: the herkomst
of a kind whose documents were all made again stays where a first run puts it."""

from __future__ import annotations

import re
from pathlib import Path

from contracten import genereer

from .conftest import ASSEN_DATUM


def test_een_soort_die_helemaal_opnieuw_gemaakt_is_blijft_op_zijn_plaats(regios, tmp_path):
    uit, vers = tmp_path / "uit", tmp_path / "vers"
    genereer(regios, "assen", uitvoer=uit, datum=ASSEN_DATUM, processen=1)
    # Every aanbieder's telephone number: its letters and contracts are made again, the
    # programma van eisen (which comes after them in the manifest's herkomst) is not.
    pad = regios / "assen" / "aanbieders.yaml"
    tekst, n = re.subn(r'telefoon: "([^"]*)"', r'telefoon: "\1 9"', pad.read_text("utf-8"))
    assert n == tekst.count("\n  - id: ")  # every aanbieder
    pad.write_text(tekst, "utf-8")
    resultaat = genereer(regios, "assen", uitvoer=uit, datum=ASSEN_DATUM, processen=1)
    assert "programma-van-eisen.docx" not in resultaat.geschreven
    assert any(p.startswith("overeenkomsten/") for p in resultaat.geschreven)
    genereer(regios, "assen", uitvoer=vers, datum=ASSEN_DATUM, processen=1)
    manifest = next(Path(uit, "assen").glob("*/manifest.json"))
    assert manifest.read_bytes() == (vers / manifest.relative_to(uit)).read_bytes()
