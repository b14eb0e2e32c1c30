"""contracten vergelijk: review report, redlines with real Word revisions, provenance."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

from contracten.opmaak import bedrag

from .conftest import REGIOS, voer_uit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def genereer(regios: Path, uitvoer: Path) -> Path:
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer", str(uitvoer),
                   "--datum", "2026-11-23")
    assert uit.code == 0, uit.stderr
    return uitvoer / "assen/2025"


@pytest.fixture(scope="module")
def twee_mappen(tmp_path_factory, assen_eenmaal_gegenereerd) -> tuple[Path, Path, Path]:
    basis = tmp_path_factory.mktemp("vergelijk")
    oud = assen_eenmaal_gegenereerd / "assen/2025"  # genereer of REGIOS on 23 November 2026
    regios = basis / "regios"
    shutil.copytree(REGIOS, regios)
    pad = regios / "assen/tarieven/2025.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("bedrag: 165.00") == 1
    pad.write_text(tekst.replace("bedrag: 165.00", "bedrag: 166.00"), encoding="utf-8")
    nieuw = genereer(regios, basis / "nieuw")
    rapport = basis / "rapport"
    uit = voer_uit("vergelijk", str(oud), str(nieuw), "--uitvoer", str(rapport), "--datum",
                   "2026-11-23")
    assert uit.code == 0, uit.stderr
    return oud, nieuw, rapport


def revisies(docx: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    uit = []
    for soort, inhoud in re.findall(r"<w:(del|ins) [^>]*>(.*?)</w:\1>", xml, re.S):
        tekst = "".join(re.findall(r"<w:(?:t|delText)[^>]*>([^<]*)<", inhoud))
        uit.append((soort, tekst))
    return uit


def test_een_tarief_geeft_precies_een_del_ins_paar(twee_mappen):
    _, _, rapport = twee_mappen
    redline = rapport / "redlines/overeenkomsten/zorg-welzijn-de-brug.docx"
    assert revisies(redline) == [("del", "165,00"), ("ins", "166,00")]
    with zipfile.ZipFile(redline) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert 'w:author="contracten"' in xml and 'w:date="2026-11-23T00:00:00Z"' in xml
    pve = rapport / "redlines/programma-van-eisen.docx"
    assert revisies(pve) == [("del", "165,00"), ("ins", "166,00")]


def test_ongewijzigde_documenten_krijgen_geen_redline(twee_mappen):
    _, nieuw, rapport = twee_mappen
    manifest = json.loads((nieuw / "manifest.json").read_text())
    aanbieders = yaml.safe_load((REGIOS / "assen/aanbieders.yaml").read_text())["aanbieders"]
    met_toezicht = {d["aanbieder"] for d in manifest["documenten"]
                    if d["soort"] == "overeenkomst"} & {
        a["id"] for a in aanbieders if "bw-toezicht" in a["producten"]}
    redlines = {p.stem for p in (rapport / "redlines/overeenkomsten").glob("*.docx")}
    assert met_toezicht and redlines == met_toezicht
    assert not (rapport / "redlines/brieven").exists()


def test_redline_opent_in_python_docx_en_libreoffice(twee_mappen, tmp_path):
    _, _, rapport = twee_mappen
    bestanden = sorted(rapport.rglob("*.docx"))
    assert len(bestanden) >= 2  # the programma van eisen and at least one overeenkomst
    for pad in bestanden:
        Document(pad)
    proces = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), *map(str, bestanden)],
        capture_output=True, text=True, timeout=600)
    assert proces.returncode == 0, proces.stderr
    for pad in bestanden:
        assert (tmp_path / pad.with_suffix(".pdf").name).read_bytes()[:5] == b"%PDF-", pad.name


def test_rapport_per_document_en_artikel(twee_mappen):
    _, _, rapport = twee_mappen
    html = (rapport / "rapport.html").read_text(encoding="utf-8")
    assert "<h2>overeenkomsten/zorg-welzijn-de-brug.docx <small>(gewijzigd)</small></h2>" in html
    assert "<h3>Artikel 2.1 – Tarieven en budget (samenvatting)</h3>" in html
    assert "<del>165,00</del><ins>166,00</ins>" in html
    assert not re.search(r"(src|href)=\"https?://", html)  # self-contained, no network
    md = (rapport / "rapport.md").read_text(encoding="utf-8")
    assert "€ [-165,00-]{+166,00+} (voorbeeld)" in md
    assert ("Artikel 2.1 – Tarieven en budget (samenvatting) — sjablonen/overeenkomst.docx; "
            "artikelen/2.1.yaml; assen/overeenkomst.yaml; assen/tarieven/2025.yaml") in md
    assert "assen/tarieven/2025.yaml: bedragen" in md


def test_herkomst_van_elk_artikel_in_het_manifest(twee_mappen):
    _, nieuw, _ = twee_mappen
    manifest = json.loads((nieuw / "manifest.json").read_text())
    for document in manifest["documenten"]:  # its own sources, or its kind's (stored once)
        if document["formaat"] == "docx":
            assert document.get("artikelen") or manifest["herkomst"][document["soort"]], \
                document["pad"]
    overeenkomst = next(d for d in manifest["documenten"]
                        if d["pad"] == "overeenkomsten/wonen-plus.docx")
    artikelen = overeenkomst.get("artikelen") or manifest["herkomst"]["overeenkomst"]
    social = next(a for a in artikelen if a["kop"].startswith("Artikel 1.9 – Social Return"))
    assert social["sjabloon"] == "sjablonen/overeenkomst.docx"
    assert social["velden"] == ["artikelen/1.9.yaml", "assen/overeenkomst.yaml"]
    assert "herkomst" in manifest and len(json.dumps(manifest)) < 200_000


def test_gelijke_mappen_geen_wijzigingen(twee_mappen, tmp_path):
    oud, _, _ = twee_mappen
    uit = voer_uit("vergelijk", str(oud), str(oud), "--uitvoer", str(tmp_path / "r"),
                   "--datum", "2026-11-23")
    assert uit.code == 0 and "Geen wijzigingen" in uit.stdout
    assert "Geen wijzigingen." in (tmp_path / "r/rapport.md").read_text()
    assert not (tmp_path / "r/redlines").exists()


def test_map_zonder_manifest(tmp_path):
    uit = voer_uit("vergelijk", str(tmp_path), str(tmp_path), "--uitvoer", str(tmp_path / "r"),
                   "--datum", "2026-11-23")
    assert uit.code == 1 and "manifest.json ontbreekt" in uit.stderr
    assert list(tmp_path.iterdir()) == []


def test_vergelijk_weigert_paden_buiten_de_map(tmp_path):
    for naam in ("oud", "nieuw"):
        (tmp_path / naam).mkdir()
        (tmp_path / naam / "manifest.json").write_text(json.dumps({
            "regio": "assen", "versie": "a", "datum": "2026-01-05", "invoer": [],
            "documenten": [{"soort": "x", "formaat": "docx", "pad": "../../x.docx",
                            "sha256": naam, "aanbieder": None, "versie": "a"}]}))
    uit = voer_uit("vergelijk", str(tmp_path / "oud"), str(tmp_path / "nieuw"), "--uitvoer",
                   str(tmp_path / "r"), "--datum", "2026-11-23")
    assert uit.code == 1 and "Ongeldig pad" in uit.stderr and "../../x.docx" in uit.stderr
    assert not (tmp_path / "r").exists()


def test_klaar_als_na_indexatie(regios, assen_gegenereerd):
    """indexeer --genereer, then vergelijk the two prijspeil folders."""
    from decimal import Decimal

    uitvoer = assen_gegenereerd  # genereer of `regios` on 23 November 2026
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5", "--genereer", "--json", "--uitvoer", str(uitvoer),
                   "--datum", "2026-11-23")
    assert uit.code == 0, uit.stderr
    tabel = {r["sleutel"]: r for r in json.loads(uit.stdout)["bedragen"]}
    uit = voer_uit("vergelijk", str(uitvoer / "assen/2025"), str(uitvoer / "assen/2026"),
                   "--datum", "2026-11-23")
    assert uit.code == 0, uit.stderr
    rapport = uitvoer / "assen/vergelijking-2025-2026"
    assert (rapport / "rapport.html").is_file()
    aanbieders = yaml.safe_load((regios / "assen/aanbieders.yaml").read_text())["aanbieders"]
    for aanbieder in aanbieders:
        paren = revisies(rapport / "redlines/overeenkomsten" / f"{aanbieder['id']}.docx")
        for product in aanbieder["producten"]:
            oud, nieuw = (bedrag(Decimal(tabel[product][k])).removeprefix("€ ")
                          for k in ("oud", "nieuw"))
            assert ("del", oud) in paren and ("ins", nieuw) in paren, (aanbieder["id"], product)
