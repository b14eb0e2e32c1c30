"""Letters a municipality can send as they are: letterhead, addressee, kenmerk, formal salutation,
signature, and no internal words in the footer, from the region's brieven.yaml."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import contracten

from .conftest import REGIOS

DATUM = dt.date(2026, 1, 5)


def _brieven(regios: Path, uit: Path) -> dict[str, list[Path]]:
    regio = contracten.laad_regio(regios / "assen")
    contracten.indexeer(regio, naar=2026, percentage=Decimal("3.5"), genereren=True,
                        datum=DATUM, uitvoer=uit)
    regio = contracten.laad_regio(regios / "assen")
    contracten.socialreturn(regio, uitvoer=uit, datum=DATUM)
    contracten.opzegging(regio, aanbieder="wonen-plus", ontvangen=dt.date(2026, 8, 31),
                         briefdatum=dt.date(2026, 9, 1), uitvoer=uit)  # confirmed after receipt
    return {soort: sorted(uit.glob(f"assen/**/{patroon}.docx"))
            for soort, patroon in (("IDX", "brieven/indexatie/*"), ("SR", "brieven/socialreturn/*"),
                                   ("OPZ", "opzeggingen/*/*/opzeggingsbrief"))}


@pytest.fixture(scope="module")
def brieven(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    basis = tmp_path_factory.mktemp("brieven")
    import shutil

    shutil.copytree(REGIOS, basis / "regios")
    return _brieven(basis / "regios", basis / "uit")


def _md(docx: Path) -> str:
    return docx.with_suffix(".md").read_text(encoding="utf-8")


def _voettekst(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return " ".join(re.sub(r"<[^>]+>", "", z.read(n).decode()) for n in z.namelist()
                        if re.fullmatch(r"word/footer\d*\.xml", n))


def test_elke_brief_heeft_briefhoofd_kenmerk_aanhef_en_ondertekening(brieven):
    assert [len(brieven[s]) for s in ("IDX", "SR", "OPZ")] == [14, 14, 1]
    for soort, paden in brieven.items():
        kenmerken = []
        for pad in paden:
            md = _md(pad)
            assert md.startswith("**Gemeente Assen**\n"), pad
            assert "Bezoekadres: Noordersingel 33, 9401 JW Assen" in md
            assert "\n\nt.a.v. de directie\n\n" in md
            kenmerk = re.search(r"^Ons kenmerk: (\S+)$", md, re.M)
            assert kenmerk, pad
            kenmerken.append(kenmerk.group(1))
            assert re.fullmatch(rf"ASN/2026/{soort}/\d{{4}}", kenmerk.group(1))
            assert "\n\nGeachte directie,\n\n" in md and "Bijlage(n): " in md
            assert md.rstrip().endswith(
                "Met vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van "
                "Assen,\n\nmr. A.B. de Vries (voorbeeld)\n\nteammanager Inkoop Sociaal Domein "
                "(voorbeeld)")
            voet = _voettekst(pad)
            assert f"ons kenmerk {kenmerk.group(1)}" in voet
            assert "versie" not in voet and "prijspeil" not in voet  # no internal words
        assert len(set(kenmerken)) == len(kenmerken)  # unique within a run
    opzegging = _md(brieven["OPZ"][0])
    assert "Bijlage(n): transitieschema" in opzegging
    assert "ASN/2026/OPZ/0003" in opzegging  # wonen-plus is the third aanbieder


def test_de_contactpersoon_is_niet_de_geadresseerde(brieven):
    profiel = contracten.laad_regio(REGIOS, "assen")
    namen = [a.contact.naam for a in profiel.aanbieders]
    for paden in brieven.values():
        for pad in paden:
            assert not any(naam in _md(pad) for naam in namen), pad


def test_het_kenmerk_blijft_hetzelfde_bij_een_nieuwe_run(brieven, tmp_path):
    import shutil

    shutil.copytree(REGIOS, tmp_path / "regios")
    opnieuw = _brieven(tmp_path / "regios", tmp_path / "uit")
    for soort in brieven:
        for a, b in zip(brieven[soort], opnieuw[soort], strict=True):
            kenmerk = re.compile(r"^Ons kenmerk: .*$", re.M)
            assert kenmerk.findall(_md(a)) == kenmerk.findall(_md(b))


def test_een_aanbieder_met_eigen_adressering(regios, tmp_path):
    pad = regios / "assen/aanbieders.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("  - id: wonen-plus\n", "  - id: wonen-plus\n    brief:\n      tav: "
                          "mevrouw M. Hofstede\n      aanhef: \"Geachte mevrouw Hofstede,\"\n", 1)
    pad.write_text(tekst, encoding="utf-8")
    regio = contracten.laad_regio(regios / "assen")
    contracten.socialreturn(regio, uitvoer=tmp_path, datum=DATUM)
    md = (tmp_path / "assen/2025/brieven/socialreturn/wonen-plus.md").read_text(encoding="utf-8")
    assert "t.a.v. mevrouw M. Hofstede" in md and "\n\nGeachte mevrouw Hofstede,\n\n" in md
    ander = (tmp_path / "assen/2025/brieven/socialreturn/hunzedal-zorg.md").read_text("utf-8")
    assert "Geachte directie," in ander


def test_zonder_brieven_yaml_komen_afzender_en_ondertekenaar_uit_de_overeenkomst(regios,
                                                                                tmp_path):
    (regios / "assen/brieven.yaml").unlink()
    regio = contracten.laad_regio(regios / "assen")
    contracten.socialreturn(regio, uitvoer=tmp_path, datum=DATUM)
    md = (tmp_path / "assen/2025/brieven/socialreturn/wonen-plus.md").read_text(encoding="utf-8")
    assert md.startswith("**Gemeente Assen**\n\nPostadres: Noordersingel 33, 9401 JW Assen\n")
    assert "Ons kenmerk: ASS/2026/SR/0003" in md
    assert md.rstrip().endswith("mr. A.B. de Vries\n\nteammanager Inkoop Sociaal Domein")


@pytest.mark.parametrize(("wijziging", "veld", "uitleg"), [
    (("kenmerk_voorvoegsel: ASN", "kenmerk_voorvoegsel: asn/"), "kenmerk_voorvoegsel",
     "2 tot 8 hoofdletters of cijfers"),
    (("  functie: teammanager Inkoop Sociaal Domein\n", ""), "ondertekening.functie",
     "ontbreekt"),
])
def test_een_fout_in_brieven_yaml_noemt_bestand_en_veld(regios, wijziging, veld, uitleg):
    pad = regios / "assen/brieven.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(*wijziging), encoding="utf-8")
    with pytest.raises(contracten.InvoerFout) as fout:
        contracten.laad_regio(regios / "assen")
    tekst = str(fout.value)
    assert "assen/brieven.yaml" in tekst and veld in tekst and uitleg in tekst


def test_een_aanhef_zonder_geachte_wordt_geweigerd(regios):
    pad = regios / "assen/aanbieders.yaml"
    tekst = pad.read_text(encoding="utf-8").replace(
        "  - id: wonen-plus\n", "  - id: wonen-plus\n    brief: {aanhef: \"Hoi Marieke\"}\n", 1)
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(contracten.InvoerFout) as fout:
        contracten.laad_regio(regios / "assen")
    assert "brief.aanhef" in str(fout.value) and "Geachte directie," in str(fout.value)
