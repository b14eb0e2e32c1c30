"""A rerun copies the entries of manifest.json it writes again unchanged from the previous file
(`uitvoer.manifestbron`), and only when that gives exactly the bytes laying them out would: the
file is the one it read, and `schrijf` of this code wrote it (its mark in the cache folder)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from contracten import genereer, laad_regio
from contracten.uitvoer import manifest, manifestbron, manifestregels
from contracten.uitvoer.manifest import Document, Invoer, Manifest, lees_met_bron, schrijf

from .conftest import ASSEN_DATUM

KOP = {"regio": "assen", "versie": "v1", "datum": "2026-01-01", "generator": "contracten 1",
       "invoer": [Invoer(pad="assen/regio.yaml", sha256="e" * 64)]}


def _manifest(aantal: int = 2500) -> Manifest:
    documenten = [Document(soort="brief", formaat="docx", pad=f"brieven/{i:05d}.docx",
                           sha256="a" * 64, aanbieder=f"zorg-é-{i}", versie="v1",
                           samenvattingen=["3.1", "3.2"] if i % 2 else None)
                  for i in range(aantal)]  # past two thousand: three pieces
    return Manifest(**KOP, prijspeil=2026, documenten=documenten)


@pytest.fixture
def tellen(monkeypatch) -> list[Document]:
    """Every entry laid out anew (not copied), as it is laid out."""
    uitgeschreven: list[Document] = []
    echt = manifestregels.document_tekst

    def document_tekst(document: Document) -> str:
        uitgeschreven.append(document)
        return echt(document)

    monkeypatch.setattr(manifestregels, "document_tekst", document_tekst)
    return uitgeschreven


def _gewijzigd(gelezen: Manifest) -> Manifest:
    """The manifest read, one entry changed and one added."""
    documenten = list(gelezen.documenten)
    documenten[7] = documenten[7].met(sha256="f" * 64)
    documenten.append(Document(soort="brief", formaat="md", pad="zz.md", sha256="b" * 64,
                               aanbieder=None, versie="v2"))
    return gelezen.model_copy(update={"documenten": documenten})


def test_alleen_wat_veranderde_wordt_opnieuw_uitgeschreven(tmp_path, tellen):
    (tmp_path / "a").mkdir()
    schrijf(_manifest(), tmp_path / "a" / "manifest.json")
    gelezen, bron = lees_met_bron(tmp_path / "a")
    assert gelezen is not None and bron is not None
    tellen.clear()
    nieuw = _gewijzigd(gelezen)
    schrijf(nieuw, tmp_path / "met-bron.json", bron)
    assert [d.pad for d in tellen] == ["brieven/00007.docx", "zz.md"]
    schrijf(nieuw, tmp_path / "zonder.json")  # every entry laid out: the same bytes
    assert (tmp_path / "met-bron.json").read_bytes() == (tmp_path / "zonder.json").read_bytes()
    assert (tmp_path / "zonder.json").read_text(encoding="utf-8") == json.dumps(
        nieuw.als_json(), ensure_ascii=False, indent=2) + "\n"


def _zonder_hergebruik(map_: Path, tellen: list[Document], tmp_path: Path) -> None:
    gelezen, bron = lees_met_bron(map_)
    assert gelezen is not None
    tellen.clear()
    nieuw = _gewijzigd(gelezen)
    schrijf(nieuw, tmp_path / "uit.json", bron)
    assert len(tellen) == len(nieuw.documenten)  # all laid out again
    assert (tmp_path / "uit.json").read_text(encoding="utf-8") == json.dumps(
        nieuw.als_json(), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("bewerking", [
    ('"sha256": "aaaa', '"sha256":  "aaaa'),  # still the same manifest, laid out otherwise
    ("\n      ", "\n     "),
    ('"aanbieder": "zorg-\u00e9-1"', '"aanbieder": "zorg-\\u00e9-1"'),
], ids=["spatie", "inspringing", "escape"])
def test_een_met_de_hand_bewerkt_manifest_wordt_helemaal_opnieuw_uitgeschreven(
        bewerking, tmp_path, tellen):
    pad = tmp_path / "manifest.json"
    schrijf(_manifest(), pad)
    pad.write_text(pad.read_text(encoding="utf-8").replace(*bewerking), encoding="utf-8")
    _zonder_hergebruik(tmp_path, tellen, tmp_path)


def test_een_manifest_zonder_merk_van_een_oudere_versie_wordt_uitgeschreven(
        tmp_path, tellen, monkeypatch):
    monkeypatch.setenv("CONTRACTEN_CACHE", str(tmp_path / "lege-cache"))
    pad = tmp_path / "manifest.json"
    # As an older version wrote it (the same layout, but no mark in the cache folder).
    pad.write_text(json.dumps(_manifest().als_json(), ensure_ascii=False, indent=2) + "\n",
                   encoding="utf-8")
    _zonder_hergebruik(tmp_path, tellen, tmp_path)


def test_het_merk_staat_in_de_cachemap(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTRACTEN_CACHE", str(tmp_path / "cache"))
    schrijf(_manifest(), tmp_path / "manifest.json")
    merken = list((tmp_path / "cache" / manifestbron.MAP).iterdir())
    assert [m.name for m in merken] == [
        f"{hashlib.sha256((tmp_path / 'manifest.json').read_bytes()).hexdigest()}.vorm"]


def test_een_merk_van_een_andere_code_telt_niet(tmp_path, tellen, monkeypatch):
    schrijf(_manifest(), tmp_path / "manifest.json")
    monkeypatch.setattr(manifestbron, "vorm", lambda: "andere code")
    _zonder_hergebruik(tmp_path, tellen, tmp_path)


def test_een_manifest_dat_na_het_lezen_veranderde_wordt_uitgeschreven(tmp_path, tellen):
    pad = tmp_path / "manifest.json"
    schrijf(_manifest(), pad)
    gelezen, bron = lees_met_bron(tmp_path)
    assert gelezen is not None
    ander = _manifest(2499)
    schrijf(ander, pad)  # (marked as well: only it is not what was read)
    tellen.clear()
    schrijf(_gewijzigd(gelezen), tmp_path / "uit.json", bron)
    assert len(tellen) == 2501


def test_een_rerun_na_een_wijziging_schrijft_hetzelfde_manifest(regios, tmp_path, tellen):
    uitvoer = tmp_path / "uit"
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    pad = regios / "assen" / "aanbieders.yaml"  # one telephone number, as the benchmark does
    tekst, n = re.subn(r'telefoon: "[^"]*"', 'telefoon: "0592 799 999"',
                       pad.read_text(encoding="utf-8"), count=1)
    assert n == 1
    pad.write_text(tekst, encoding="utf-8")
    tellen.clear()
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    map_ = uitvoer / "assen" / "2025"
    assert resultaat.geschreven and len(tellen) < len(resultaat.manifest.documenten) / 2
    assert {d.pad for d in tellen} >= set(resultaat.geschreven) - {"socialreturn-overzicht.pdf"}
    opnieuw = manifest.lees(map_)
    assert opnieuw == resultaat.manifest
    schrijf(opnieuw, tmp_path / "opnieuw.json")
    assert (map_ / "manifest.json").read_bytes() == (tmp_path / "opnieuw.json").read_bytes()


@pytest.mark.parametrize("bederf", [
    lambda t: t.replace(b"zorg-\xc3\xa9-1", b"zorg-\xff-1", 1),  # in a text
    lambda t: t.replace(b"zorg-\xc3\xa9-1", b"zorg-\xed\xa0\x80-1", 1),  # a surrogate as UTF-8
    lambda t: t + b"\xc3",  # cut off after the end
], ids=["tekst", "surrogaat", "staart"])
def test_een_manifest_dat_geen_utf8_is_blijft_onleesbaar(bederf, tmp_path):
    """Read from its bytes: what is not UTF-8 is still refused as unreadable."""
    pad = tmp_path / "manifest.json"
    schrijf(_manifest(3), pad)
    pad.write_bytes(bederf(pad.read_bytes()))
    with pytest.raises(manifest.ManifestBeschadigd, match="onleesbaar"):
        manifest.lees(tmp_path)


def test_een_manifest_met_windows_regeleinden_leest_zoals_altijd(tmp_path):
    pad = tmp_path / "manifest.json"
    schrijf(_manifest(3), pad)
    pad.write_bytes(pad.read_bytes().replace(b"\n", b"\r\n"))
    assert manifest.lees(tmp_path) == _manifest(3)


@pytest.mark.parametrize("herschik", [
    lambda d: d[:3] + d[4:],  # one gone from the middle
    lambda d: [d[1], d[0], *d[2:]],  # two swapped (never so in a manifest: it is sorted)
    lambda d: d[1000:] + d[:1000],  # the old entries across the pieces of a thousand
    lambda d: [d[-1]],
], ids=["weg", "gewisseld", "verschoven", "laatste"])
def test_overgenomen_reeksen_geven_dezelfde_bytes(herschik, tmp_path, tellen):
    (tmp_path / "a").mkdir()
    schrijf(_manifest(), tmp_path / "a" / "manifest.json")
    gelezen, bron = lees_met_bron(tmp_path / "a")
    assert gelezen is not None
    nieuw = gelezen.model_copy(update={"documenten": herschik(list(gelezen.documenten))})
    tellen.clear()
    schrijf(nieuw, tmp_path / "met-bron.json", bron)
    assert not tellen  # all copied
    assert (tmp_path / "met-bron.json").read_text(encoding="utf-8") == json.dumps(
        nieuw.als_json(), ensure_ascii=False, indent=2) + "\n"
