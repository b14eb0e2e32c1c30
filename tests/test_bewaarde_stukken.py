"""The pieces of the overview's large table are kept between runs (`weergave.bewaardestukken`,
issue 31): a rerun in which one aanbieder's row changed measures and fits only the piece that
row is in, and the document is byte for byte what a run without the cache makes. A damaged
record, one another user could have written, or one made for other styles is never used."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from contracten.weergave import alineaopmaak, bewaardestukken, grotetabel, stroomblok
from contracten.weergave.motor import Motor

from .test_grote_tabel import SJABLOON, TIJDSTIP, _context

STUKKEN = 5  # 120 aanbieders, a head and a total row, 25 rows a piece


@pytest.fixture
def tellen(tmp_path, monkeypatch) -> dict[str, int]:
    """The table goes the stream's way in pieces of 25 rows; its own cache folder; how often a
    piece is measured and fitted."""
    monkeypatch.setenv("CONTRACTEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(grotetabel, "VANAF", 50)
    monkeypatch.setattr(grotetabel, "PER_STUK", 25)
    monkeypatch.setattr(stroomblok, "DREMPEL", 5_000)
    geteld = {"gemeten": 0, "gevormd": 0}
    meet, vorm = grotetabel.tabelbreedte.minimale_breedtes, grotetabel.Tabelstroom._gevormd

    def gemeten(*args):
        geteld["gemeten"] += 1
        return meet(*args)

    def gevormd(*args):
        geteld["gevormd"] += 1
        return vorm(*args)

    monkeypatch.setattr(grotetabel.tabelbreedte, "minimale_breedtes", gemeten)
    monkeypatch.setattr(grotetabel.Tabelstroom, "_gevormd", gevormd)
    return geteld


def _render(context: dict, sjabloon: Path = SJABLOON) -> tuple[bytes, str]:
    """As a fresh process renders: a new engine (nothing remembered from before but the
    cache folder)."""
    gerenderd = Motor(sjabloon, "sjablonen/socialreturn-overzicht.docx").render(
        context, titel="Social return", tijdstip=TIJDSTIP)
    return gerenderd.docx, gerenderd.markdown()


def _zonder_cache(context: dict, monkeypatch, sjabloon: Path = SJABLOON) -> tuple[bytes, str]:
    with monkeypatch.context() as m:
        m.setattr(bewaardestukken, "cachemap", lambda: None)
        return _render(context, sjabloon)


def _records(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / bewaardestukken.MAP).glob("*.stuk"))


def _opnieuw(tellen: dict[str, int]) -> dict[str, int]:
    uit = dict(tellen)
    tellen.update(gemeten=0, gevormd=0)
    return uit


def test_een_gewijzigde_rij_meet_en_vormt_alleen_haar_stuk(tellen, monkeypatch):
    context = _context(120)
    eerste = _render(context)
    assert _opnieuw(tellen) == {"gemeten": STUKKEN, "gevormd": STUKKEN}
    assert _render(context) == eerste  # all from the cache folder
    assert _opnieuw(tellen) == {"gemeten": 0, "gevormd": 0}
    context["aanbieders"][60]["naam"] = "Aanbieder zestig"  # in the third piece
    gewijzigd = _render(context)
    assert _opnieuw(tellen) == {"gemeten": 1, "gevormd": 1}
    assert gewijzigd != eerste and "| Aanbieder zestig |" in gewijzigd[1]
    assert gewijzigd == _zonder_cache(context, monkeypatch)


def test_bredere_kolommen_vormen_elk_stuk_opnieuw(tellen, monkeypatch):
    """A row that widens a column changes the whole table's widths: every piece is fitted
    again, only the changed one measured."""
    context = _context(120)
    _render(context)
    _opnieuw(tellen)
    context["aanbieders"][7]["naam"] = "Onafscheidelijkelangenaamvaneenaanbieder" * 2
    breder = _render(context)
    assert _opnieuw(tellen) == {"gemeten": 1, "gevormd": STUKKEN}
    assert breder == _zonder_cache(context, monkeypatch)


def test_een_beschadigd_of_vreemd_record_wordt_niet_gebruikt(tellen, tmp_path, monkeypatch):
    context = _context(120)
    eerste = _render(context)
    _opnieuw(tellen)
    records = _records(tmp_path)
    assert len(records) == 2 * STUKKEN
    records[0].write_bytes(records[0].read_bytes()[:40])  # cut off
    records[1].write_bytes(records[2].read_bytes())  # another piece's record: another key
    records[3].write_bytes(records[3].read_bytes()[:-5] + b"xxxxx")  # damaged
    if hasattr(os, "getuid"):
        records[4].chmod(0o666)  # someone else could have written it
    assert _render(context) == eerste
    herdaan = _opnieuw(tellen)
    assert herdaan["gemeten"] + herdaan["gevormd"] == (4 if hasattr(os, "getuid") else 3)


def test_andere_stijlen_zoeken_andere_stukken(tellen, tmp_path, monkeypatch):
    """A template with another default font size gives other widths: nothing of the first
    template's pieces is used for it."""
    context = _context(120)
    _render(context)
    _opnieuw(tellen)
    anders = tmp_path / "anders.docx"
    with zipfile.ZipFile(SJABLOON) as bron, zipfile.ZipFile(anders, "w") as doel:
        for item in bron.infolist():
            inhoud = bron.read(item)
            if item.filename == "word/styles.xml":
                assert b'<w:sz w:val="22"/>' in inhoud
                inhoud = inhoud.replace(b'<w:sz w:val="22"/>', b'<w:sz w:val="30"/>', 1)
            doel.writestr(item, inhoud)
    groter = _render(context, anders)
    assert _opnieuw(tellen) == {"gemeten": STUKKEN, "gevormd": STUKKEN}
    assert groter == _zonder_cache(context, monkeypatch, anders)


def test_de_sleutel_van_de_opmaak_volgt_stijlen_en_nummering():
    with zipfile.ZipFile(SJABLOON) as z:
        stijlen = z.read("word/styles.xml")
    opmaak = alineaopmaak.Opmaak(stijlen, None)
    assert alineaopmaak.Opmaak(stijlen, None).sleutel == opmaak.sleutel
    groter = stijlen.replace(b'<w:sz w:val="22"/>', b'<w:sz w:val="30"/>', 1)
    assert alineaopmaak.Opmaak(groter, None).sleutel != opmaak.sleutel
    nummering = (b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                 b'2006/main"/>')
    assert opmaak.met_nummering(nummering).sleutel not in (
        opmaak.sleutel, alineaopmaak.Opmaak(groter, None).met_nummering(nummering).sleutel)


def test_de_map_houdt_hoogstens_het_maximum(tellen, tmp_path, monkeypatch):
    monkeypatch.setattr(bewaardestukken, "MAXIMUM", 4)
    _render(_context(120))
    assert len(_records(tmp_path)) == 4


def test_zonder_cachemap_gewoon_gemeten(tellen, monkeypatch):
    context = _context(120)
    monkeypatch.setattr(bewaardestukken, "cachemap", lambda: None)
    assert _render(context) == _render(context)
    assert _opnieuw(tellen) == {"gemeten": 2 * STUKKEN, "gevormd": 2 * STUKKEN}


def test_een_record_herhaalt_zijn_sleutel(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTRACTEN_CACHE", str(tmp_path))
    stukken = bewaardestukken.BewaardeStukken("tabel")
    sleutel = stukken.sleutel("maat", "<w:tr/>")
    stukken.houd(sleutel, ([1, 2], [("a", "b")]))
    assert stukken.maat(sleutel) == ([1, 2], [("a", "b")])
    assert stukken.vorm(sleutel) is None  # another shape
    pad = tmp_path / bewaardestukken.MAP / f"{sleutel}.stuk"
    ander = stukken.sleutel("maat", "<w:tr></w:tr>")
    pad.rename(tmp_path / bewaardestukken.MAP / f"{ander}.stuk")
    assert stukken.maat(ander) is None  # the record names another key
