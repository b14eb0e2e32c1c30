"""The sender's logo above the letterhead (brieven.yaml: afzender.logo): the image itself goes
into every letter's package, a changed logo makes the letters new, and a wrong file is refused
with the file and field named."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

import contracten
from contracten import InvoerFout

from .conftest import REGIOS

DATUM = dt.date(2026, 1, 5)


def png(breedte: int, hoogte: int, kleur: tuple[int, int, int]) -> bytes:
    """A small, valid PNG of one colour."""
    def stuk(soort: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + soort + data
                + struct.pack(">I", zlib.crc32(soort + data)))
    rij = b"\x00" + bytes(kleur) * breedte
    return (b"\x89PNG\r\n\x1a\n"
            + stuk(b"IHDR", struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0))
            + stuk(b"IDAT", zlib.compress(rij * hoogte)) + stuk(b"IEND", b""))


@pytest.fixture
def met_logo(tmp_path: Path) -> Path:
    regios = tmp_path / "regios"
    shutil.copytree(REGIOS, regios)
    (regios / "assen/logo.png").write_bytes(png(120, 40, (0, 84, 147)))
    brieven = regios / "assen/brieven.yaml"
    tekst = brieven.read_text(encoding="utf-8")
    brieven.write_text(tekst.replace("  organisatie: Gemeente Assen\n",
                                     "  organisatie: Gemeente Assen\n  logo: logo.png\n"
                                     "  logo_breedte_mm: 35\n", 1), encoding="utf-8")
    return regios


def _brieven(regios: Path, uit: Path) -> list[Path]:
    contracten.socialreturn(contracten.laad_regio(regios / "assen"), uitvoer=uit, datum=DATUM)
    return sorted(uit.glob("assen/*/brieven/socialreturn/*.docx"))


def test_het_logo_staat_in_elke_brief(met_logo, tmp_path):
    brieven = _brieven(met_logo, tmp_path / "uit")
    assert len(brieven) == 14
    logo = (met_logo / "assen/logo.png").read_bytes()
    for pad in brieven:
        with zipfile.ZipFile(pad) as z:
            media = [n for n in z.namelist() if n.startswith("word/media/")]
            assert len(media) == 1 and z.read(media[0]) == logo
            rels = z.read("word/_rels/document.xml.rels").decode()
            assert f'Target="{media[0].removeprefix("word/")}"' in rels
            assert 'Extension="png" ContentType="image/png"' in z.read(
                "[Content_Types].xml").decode()
            document = z.read("word/document.xml").decode()
        # 35 mm wide (EMU), above the sender's name
        assert 'cx="1260000"' in document
        assert document.index("<w:drawing>") < document.index("Gemeente Assen")
        assert pad.with_suffix(".md").read_text(encoding="utf-8").startswith(
            "**Gemeente Assen**\n")


def test_zonder_logo_geen_afbeelding(tmp_path):
    regios = tmp_path / "regios"
    shutil.copytree(REGIOS, regios)
    for pad in _brieven(regios, tmp_path / "uit"):
        with zipfile.ZipFile(pad) as z:
            assert not [n for n in z.namelist() if n.startswith("word/media/")]
            assert "<w:drawing>" not in z.read("word/document.xml").decode()


def test_een_nieuw_logo_maakt_de_brieven_opnieuw(met_logo, tmp_path):
    uit = tmp_path / "uit"
    eerst = {p: p.read_bytes() for p in _brieven(met_logo, uit)}
    assert {p: p.read_bytes() for p in _brieven(met_logo, uit)} == eerst  # unchanged: kept
    (met_logo / "assen/logo.png").write_bytes(png(120, 40, (200, 0, 0)))
    for pad in _brieven(met_logo, uit):
        assert pad.read_bytes() != eerst[pad]


@pytest.mark.parametrize(("inhoud", "uitleg"), [
    (None, "'logo.png' staat niet in de regiomap"),
    (b"GIF89a" + b"\x00" * 20, "'logo.png' is geen PNG- of JPEG-afbeelding"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 1_000_001, "'logo.png' is groter dan 1 MB"),
])
def test_een_verkeerd_logo_wordt_geweigerd(met_logo, inhoud, uitleg):
    logo = met_logo / "assen/logo.png"
    if inhoud is None:
        logo.unlink()
    else:
        logo.write_bytes(inhoud)
    with pytest.raises(InvoerFout) as fout:
        contracten.laad_regio(met_logo / "assen")
    [melding] = fout.value.meldingen
    assert (melding.bestand, melding.veld, melding.code) == (
        "assen/brieven.yaml", "afzender.logo", "logo_ongeldig")
    assert melding.regel is not None and uitleg in melding.bericht


def test_een_logo_buiten_de_regiomap_wordt_geweigerd(met_logo):
    brieven = met_logo / "assen/brieven.yaml"
    brieven.write_text(brieven.read_text(encoding="utf-8").replace(
        "logo: logo.png", "logo: ../amersfoort/logo.png"), encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        contracten.laad_regio(met_logo / "assen")
    [melding] = fout.value.meldingen
    assert melding.veld == "afzender.logo" and "PNG- of JPEG-bestand in de regiomap" in \
        melding.bericht


def test_ook_indexatiebrief_addendum_en_opzegging_tonen_het_logo(met_logo, tmp_path):
    from decimal import Decimal

    uit = tmp_path / "uit"
    contracten.indexeer(contracten.laad_regio(met_logo / "assen"), naar=2026,
                        percentage=Decimal("3.5"), genereren=True, datum=DATUM, uitvoer=uit)
    contracten.opzegging(contracten.laad_regio(met_logo / "assen"), aanbieder="wonen-plus",
                         ontvangen=dt.date(2026, 8, 31), briefdatum=dt.date(2026, 9, 1),
                         uitvoer=uit)  # the aanbieder's notice, confirmed after it arrived
    paden = [next(uit.glob(f"assen/**/{patroon}.docx")) for patroon in (
        "brieven/indexatie/*", "addenda/*", "opzeggingen/*/*/opzeggingsbrief")]
    for pad in paden:
        with zipfile.ZipFile(pad) as z:
            assert any(n.startswith("word/media/") for n in z.namelist()), pad
