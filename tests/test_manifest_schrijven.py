"""manifest.json is written one document at a time, and reads back as what was written."""

from __future__ import annotations

import json

import pytest

from contracten.uitvoer.manifest import Document, Herkomst, Invoer, Manifest, lees, schrijf

HERKOMST = [Herkomst(kop="Artikel 1 Looptijd", sjabloon="sjablonen/x.docx", velden=["a", "b"])]
DOCUMENTEN = [
    Document(soort="overeenkomst", formaat="docx", pad="overeenkomsten/zorg-&-co.docx",
             sha256="a" * 64, aanbieder="zorg-&-co", versie="v1", invoerhash="b" * 64,
             artikelen=HERKOMST, samenvattingen=["Artikel 2 \"Slot\""]),
    Document(soort="overzicht", formaat="md", pad="overzicht.md", sha256="c" * 64,
             aanbieder=None, versie="v1", definitief="2026-01-05"),
    Document(soort="overzicht", formaat="pdf", pad="alles.pdf", sha256="d" * 64,
             aanbieder=None, versie="v1", bundel=True),
]
KOP = {"regio": "assen", "versie": "v1", "datum": "2026-01-01", "generator": "contracten 1",
       "invoer": [Invoer(pad="assen/regio.yaml", sha256="e" * 64)]}


@pytest.mark.parametrize("manifest", [
    Manifest(**KOP, prijspeil=2026, documenten=DOCUMENTEN, herkomst={"overeenkomst": HERKOMST}),
    Manifest(**KOP, prijspeil=2026, documenten=DOCUMENTEN[:1]),
    Manifest(**KOP, opdracht="opzegging", aanbieder="zorg-&-co", documenten=DOCUMENTEN[1:]),
    Manifest(**KOP, documenten=[]),
], ids=["met-herkomst", "een-document", "opzegging", "leeg"])
def test_geschreven_zoals_de_json_vorm_en_terug_te_lezen(manifest, tmp_path):
    schrijf(manifest, tmp_path / "manifest.json")
    tekst = (tmp_path / "manifest.json").read_text(encoding="utf-8")
    assert tekst == json.dumps(manifest.als_json(), ensure_ascii=False, indent=2) + "\n"
    assert lees(tmp_path) == manifest
    data = json.loads(tekst)
    assert "opdracht" not in data if manifest.opdracht == "genereer" else data["opdracht"]
    # `aanbieder` always, also when there is none; other empty fields left out
    assert all("aanbieder" in d and "naast_definitief" not in d for d in data["documenten"])
