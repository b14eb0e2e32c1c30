"""Reading YAML from the parser's events: anchors and aliases, lines, and the checks on what
people type, as a region's files need them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from contracten.lezen.bron import lees_yaml


def _lees(tmp_path: Path, tekst: str):
    pad = tmp_path / "proef.yaml"
    pad.write_text(tekst, encoding="utf-8")
    return lees_yaml(pad, "regio/proef.yaml")


def test_een_verwijzing_geeft_de_waarden_en_regels_van_haar_anker(tmp_path):
    bron, meldingen = _lees(tmp_path, "a: &x\n  p: 1.50\n  q: [1, 2]\nb: *x\n"
                                      "c: &s tekst\nd: *s\n")
    assert meldingen == []
    assert bron.data == {"a": {"p": Decimal("1.50"), "q": [1, 2]},
                         "b": {"p": Decimal("1.50"), "q": [1, 2]}, "c": "tekst", "d": "tekst"}
    assert bron.regels[("b",)] == 1 and bron.regels[("b", "p")] == 2
    assert bron.regels[("b", "q", 1)] == 3 and bron.regels[("d",)] == 5


def test_ankers_binnen_ankers_en_verwijzingen_daarbinnen(tmp_path):
    bron, meldingen = _lees(tmp_path, "a: &o {b: &i [1, 2], c: 3}\nd: *i\ne: *o\n"
                                      "f: &y [*i, *i]\ng: *y\n")
    assert meldingen == []
    assert bron.data["d"] == [1, 2] and bron.data["e"] == {"b": [1, 2], "c": 3}
    assert bron.data["g"] == [[1, 2], [1, 2]]


def test_een_onbekende_tag_wordt_gemeld_en_haar_ankers_blijven_bruikbaar(tmp_path):
    bron, meldingen = _lees(tmp_path, "a: !!python/object {x: [&p 1, *p], y: &m {z: 1}}\n"
                                      "b: *m\nc: *p\n")
    assert [(m.code, m.veld, m.regel) for m in meldingen] == [("yaml_tag", "a", 1)]
    assert bron.data == {"a": None, "b": {"z": 1}, "c": 1}


def test_een_sleutel_die_geen_tekst_is_wordt_gemeld_en_haar_waarde_niet_gelezen(tmp_path):
    bron, meldingen = _lees(tmp_path, "a: 1\n? [1, 2]\n: {bsn: '111222333'}\nb: 2\n")
    assert [(m.code, m.veld, m.regel) for m in meldingen] == [("sleutel_type", "", 2)]
    assert bron.data == {"a": 1, "b": 2}


def test_een_dubbele_sleutel_noemt_de_regel_van_de_tweede(tmp_path):
    _, meldingen = _lees(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [(m.code, m.veld, m.regel) for m in meldingen] == [("dubbele_sleutel", "a", 3)]


@pytest.mark.parametrize(("tekst", "code", "regel", "in_bericht"), [
    ("a: &x [1, *x]\n", "yaml_diepte", None, "naar zichzelf"),
    ("a: *nergens\n", "yaml", 1, "'nergens'"),
    ("a: &x 1\nb: &x 2\n", "yaml", 2, "duplicate anchor 'x' (first on line 1)"),
    ("a: 1\n---\nb: 2\n", "yaml", 2, "another document"),
    ("a: [1, 2\nb: 3\n", "yaml", 2, "geen geldige YAML"),
])
def test_wat_geen_bruikbare_yaml_is_geeft_een_melding_en_geen_gegevens(
        tmp_path, tekst, code, regel, in_bericht):
    bron, meldingen = _lees(tmp_path, tekst)
    assert bron is None
    assert [(m.code, m.regel) for m in meldingen] == [(code, regel)]
    assert in_bericht in meldingen[0].bericht


@pytest.mark.parametrize("tekst", ["", "# alleen commentaar\n"])
def test_een_leeg_bestand_is_een_lege_groep(tmp_path, tekst):
    bron, meldingen = _lees(tmp_path, tekst)
    assert bron is not None and bron.data == {} and meldingen == []
