"""manifest.json is written one document at a time, and reads back as what was written."""

from __future__ import annotations

import json
from pathlib import Path

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


def _varianten() -> list[Document]:
    """Entries with every kind of field empty or filled, and text JSON must escape."""
    lastig = 'zorg "&" co\\ \n\t\x01 é 𝄞 \u2028 </script>'
    herkomst = [Herkomst(kop=lastig, sjabloon="sjablonen/x.docx", velden=[]),
                Herkomst(kop="", sjabloon="s", velden=["a", lastig])]
    basis = dict(soort="overeenkomst", formaat="docx", pad="a/b.docx", sha256="a" * 64,
                 aanbieder="zorg", versie="v1")
    uit = [Document(**basis), Document(**{**basis, "aanbieder": None}),
           Document(**{**basis, "aanbieder": None, "perceel": 2, "bundel": False}),
           Document(**{**basis, "pad": lastig, "soort": lastig, "aanbieder": lastig})]
    for veld, waarden in [("invoerhash", ["b" * 64, ""]), ("naast_definitief", ["x.docx"]),
                          ("definitief", ["2026-01-05"]), ("artikelen", [[], herkomst]),
                          ("samenvattingen", [[], ["één"], [lastig, "b"]]),
                          ("voorbeelden", [0, 3, 10**30]), ("bundel", [True, False]),
                          ("perceel", [0, 1, -7])]:
        for waarde in waarden:
            for aanbieder in ("zorg", None):
                uit.append(Document(**{**basis, "aanbieder": aanbieder, veld: waarde}))
    uit.append(Document(**{**basis, "invoerhash": "c" * 64, "artikelen": herkomst,
                           "samenvattingen": ["x"], "voorbeelden": 1, "bundel": True,
                           "perceel": 3, "definitief": "2026-02-01",
                           "naast_definitief": "y.docx"}))
    return uit


@pytest.mark.parametrize("document", _varianten())
def test_een_document_direct_uitgeschreven_zoals_via_zijn_dict(document):
    from contracten.uitvoer.ingesprongen import ingesprongen
    from contracten.uitvoer.manifestregels import INSPRINGING, _snel, document_tekst

    verwacht = ingesprongen(document.als_json(), INSPRINGING)
    assert _snel(document) == verwacht  # the direct way itself, not its fallback
    assert document_tekst(document) == verwacht
    assert verwacht == json.dumps(document.als_json(), ensure_ascii=False,
                                  indent=2).replace("\n", "\n" + INSPRINGING)


def test_elk_veld_van_een_document_wordt_uitgeschreven():
    """A new field of Document is written by the direct way too (or the test above would
    not see it: every field filled)."""
    import dataclasses

    from contracten.uitvoer.manifestregels import _DOCUMENT

    assert tuple(veld.name for veld in dataclasses.fields(Document)) == _DOCUMENT
    assert set(_DOCUMENT) <= set(_varianten()[-1].als_json())


def test_een_eigen_manifest_wordt_in_een_keer_gelezen(tmp_path, monkeypatch):
    from contracten.uitvoer import manifest as module

    manifest = Manifest(**KOP, prijspeil=2026, documenten=_varianten(),
                        herkomst={"overeenkomst": HERKOMST})
    schrijf(manifest, tmp_path / "manifest.json")
    tekst = (tmp_path / "manifest.json").read_text(encoding="utf-8")
    assert Manifest.model_validate(json.loads(tekst)) == manifest

    def niet(*args, **kwargs):
        raise AssertionError("json.loads")

    monkeypatch.setattr(module.json, "loads", niet)
    assert lees(tmp_path) == manifest


def _met_de_hand_bewerkt(map_: Path, vervang: tuple[str, str]) -> Path:
    """A manifest written in `map_`, then edited by hand: the first `vervang[0]` replaced."""
    pad = map_ / "manifest.json"
    schrijf(Manifest(**KOP, prijspeil=2026, documenten=DOCUMENTEN), pad)
    tekst = pad.read_text(encoding="utf-8")
    assert vervang[0] in tekst
    pad.write_text(tekst.replace(vervang[0], vervang[1], 1), encoding="utf-8")
    return pad


@pytest.mark.parametrize("vervang", [
    ('"pad": "overzicht.md"', '"pad": "\\ud800.md"'),  # Python's json reads a lone surrogate
    ('"sha256": "cccc', '"sha256": "\\u0063ccc'),
    ('"prijspeil": 2026', '"prijspeil": 2026.0'),
    ('"prijspeil": 2026', '"prijspeil": "2026"'),
    ('"prijspeil": 2026', '"prijspeil": 2025, "prijspeil": 2026'),
], ids=["surrogaat", "escape", "kommagetal", "tekst", "dubbel"])
def test_een_met_de_hand_bewerkt_manifest_leest_zoals_altijd(vervang, tmp_path):
    pad = _met_de_hand_bewerkt(tmp_path, vervang)
    assert lees(tmp_path) == Manifest.model_validate(json.loads(pad.read_text(encoding="utf-8")))


@pytest.mark.parametrize("vervang", [
    ('"prijspeil": 2026', '"prijspeil": NaN'), ('"pad": "overzicht.md"', '"pad": 3'),
    ('"versie": "v1"', '"versie": "v1", "onbekend": 1'), ('"pad": "overzicht.md"', '"pad": "\x01"'),
    ("\n}", "\n} x"), ('"documenten": [', '"documenten": [3, '),
], ids=["nan", "getal", "onbekend-veld", "stuurteken", "staart", "geen-document"])
def test_een_beschadigd_manifest_blijft_beschadigd(vervang, tmp_path):
    from contracten.uitvoer.manifest import ManifestBeschadigd

    _met_de_hand_bewerkt(tmp_path, vervang)
    with pytest.raises(ManifestBeschadigd, match="beschadigd of van een andere versie"):
        lees(tmp_path)


def test_een_manifest_van_duizenden_documenten_in_stukken_dezelfde_tekst(tmp_path):
    documenten = [Document(soort="brief", formaat="md", pad=f"brieven/{i:05d}.md",
                           sha256="a" * 64, aanbieder=f"zorg-{i}", versie="v1")
                  for i in range(2001)]  # past two thousand: three pieces
    manifest = Manifest(**KOP, prijspeil=2026, documenten=documenten)
    schrijf(manifest, tmp_path / "manifest.json")
    assert (tmp_path / "manifest.json").read_text(encoding="utf-8") == json.dumps(
        manifest.als_json(), ensure_ascii=False, indent=2) + "\n"
