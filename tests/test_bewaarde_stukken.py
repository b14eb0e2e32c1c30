"""The pieces of the overview's large table are kept between runs (`weergave.bewaardestukken`,
issue 31): a rerun in which one aanbieder's row changed measures and fits only the piece that
row is in, and the document is byte for byte what a run without the cache makes. A damaged
record, one another user could have written, or one made for other styles is never used."""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

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


def _ander_sjabloon(tmp_path: Path, deel: str, patroon: bytes,
                    vervang: Callable[[re.Match[bytes]], bytes]) -> Path:
    """The overview's template with the first match of `patroon` in part `deel` replaced."""
    anders = tmp_path / "anders.docx"
    with zipfile.ZipFile(SJABLOON) as bron, zipfile.ZipFile(anders, "w") as doel:
        for item in bron.infolist():
            inhoud = bron.read(item)
            if item.filename == deel:
                inhoud, n = re.subn(patroon, vervang, inhoud, count=1)
                assert n == 1
            doel.writestr(item, inhoud)
    return anders


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
    """Every record spoiled, each in one of five ways: everything is measured and fitted again,
    and the document is what a run without a cache makes."""
    context = _context(120)
    _render(context)
    zonder = _zonder_cache(context, monkeypatch)
    _opnieuw(tellen)
    records = _records(tmp_path)
    assert len(records) == 2 * STUKKEN
    inhoud = [r.read_bytes() for r in records]
    for i, record in enumerate(records):
        sleutel = record.name.removesuffix(bewaardestukken.SOORT)
        bederf = i % 5
        if bederf == 0:
            record.write_bytes(inhoud[i][:len(sleutel) + 20])  # cut off
        elif bederf == 1:
            record.write_bytes(inhoud[i - 1])  # another piece's record: it names another key
        elif bederf == 2:
            record.write_bytes(inhoud[i][:-5] + b"xxxxx")  # damaged
        elif bederf == 3:  # the right key, but not what a record of a piece holds
            record.write_bytes(f"{sleutel}\n".encode() + zlib.compress(b'["a", [1]]'))
        elif hasattr(os, "getuid"):
            record.chmod(0o666)  # someone else could have written it
        else:
            record.write_bytes(b"")
    assert _render(context) == zonder
    assert _opnieuw(tellen) == {"gemeten": STUKKEN, "gevormd": STUKKEN}


def test_een_andere_bladspiegel_past_opnieuw_maar_meet_niet_opnieuw(tellen, tmp_path,
                                                                     monkeypatch):
    """Wider margins leave less room for the table: every piece is fitted again (the space
    available is part of a fitted piece's key), none measured again."""
    context = _context(120)
    _render(context)
    _opnieuw(tellen)
    smaller = _ander_sjabloon(tmp_path, "word/document.xml", rb'w:left="(\d+)"',
                              lambda m: b'w:left="%d"' % (int(m[1]) + 700))
    uit = _render(context, smaller)
    assert _opnieuw(tellen) == {"gemeten": 0, "gevormd": STUKKEN}
    assert uit == _zonder_cache(context, monkeypatch, smaller)


def test_gebruikte_stukken_blijven_het_langst(tellen, tmp_path, monkeypatch):
    """Beyond the maximum, records that were not read in the last run go first: those that
    were are marked as used."""
    monkeypatch.setattr(bewaardestukken, "MAXIMUM", 2 * STUKKEN)
    context = _context(120)
    _render(context)
    lang_geleden = 1_000_000_000_000_000_000  # 2001
    for record in _records(tmp_path):
        os.utime(record, ns=(lang_geleden, lang_geleden))
    context["aanbieders"][60]["naam"] = "Aanbieder zestig"
    gewijzigd = _render(context)
    over = _records(tmp_path)
    assert len(over) == 2 * STUKKEN
    assert all(r.stat().st_mtime_ns > lang_geleden for r in over)  # read now, or written now
    _opnieuw(tellen)
    assert _render(context) == gewijzigd
    assert _opnieuw(tellen) == {"gemeten": 0, "gevormd": 0}


@pytest.mark.parametrize("stroom", [True, False])
def test_ook_een_tabel_in_een_blok_onder_de_drempel(stroom, tellen, monkeypatch):
    """A table too small to be kept compressed while it is filled (`stroomblok.DREMPEL`) but
    large enough to be processed in pieces (`VANAF`) keeps its pieces the same way."""
    if not stroom:
        monkeypatch.setattr(stroomblok, "DREMPEL", 10**9)
    context = _context(120)
    eerste = _render(context)
    context["aanbieders"][60]["naam"] = "Aanbieder zestig"
    _opnieuw(tellen)
    assert _render(context) != eerste
    assert _opnieuw(tellen) == {"gemeten": 1, "gevormd": 1}
    assert _render(context) == _zonder_cache(context, monkeypatch)


def test_een_tabel_die_laat_afvalt_ruimt_toch_op(tellen, tmp_path, monkeypatch):
    """A table found to need the whole way only in a later piece (here a heading in its last
    rows) keeps what it measured, and the folder still holds at most the maximum."""
    monkeypatch.setattr(bewaardestukken, "MAXIMUM", 2)
    context = _context(120)
    heel = _zonder_cache(context, monkeypatch)
    kandidaten = grotetabel.inhoudsopgave.kandidaten

    def kop_in_het_laatste(body, *args):
        laatste = "Aanbieder 119" in etree.tostring(body, encoding="unicode")
        return laatste or kandidaten(body, *args)

    monkeypatch.setattr(grotetabel.inhoudsopgave, "kandidaten", kop_in_het_laatste)
    assert _render(context) == heel  # the whole way (no heading there in truth)
    assert tellen["gemeten"] >= STUKKEN - 1  # the pieces before the last were measured
    assert 0 < len(_records(tmp_path)) <= 2


def test_een_programma_dat_na_het_laden_veranderde_bewaart_niets(tellen, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(bewaardestukken, "_GELADEN", 0)  # every source is newer
    bewaardestukken._programma.cache_clear()
    try:
        _render(_context(120))
    finally:
        bewaardestukken._programma.cache_clear()
    assert _records(tmp_path) == []


def test_andere_stijlen_zoeken_andere_stukken(tellen, tmp_path, monkeypatch):
    """A template with another default font size gives other widths: nothing of the first
    template's pieces is used for it."""
    context = _context(120)
    _render(context)
    _opnieuw(tellen)
    anders = _ander_sjabloon(tmp_path, "word/styles.xml", rb'<w:sz w:val="22"/>',
                             lambda m: b'<w:sz w:val="30"/>')
    groter = _render(context, anders)
    assert _opnieuw(tellen) == {"gemeten": STUKKEN, "gevormd": STUKKEN}
    assert groter == _zonder_cache(context, monkeypatch, anders)


def test_de_sleutel_van_de_opmaak_volgt_stijlen_en_nummering():
    with zipfile.ZipFile(SJABLOON) as z:
        stijlen = z.read("word/styles.xml")
    opmaak = alineaopmaak.Opmaak(stijlen, None)
    assert alineaopmaak.Opmaak(stijlen, None).sleutel == opmaak.sleutel
    gelezen = etree.fromstring(stijlen)  # as the engine gives it, with the bytes beside it
    assert alineaopmaak.Opmaak(gelezen, None, bron=stijlen).sleutel == opmaak.sleutel
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
    assert stukken.maat(sleutel, 2) == ([1, 2], [("a", "b")])
    assert stukken.maat(sleutel, 3) is None  # a table of three columns: not its measure
    assert stukken.vorm(sleutel) is None  # another shape
    pad = tmp_path / bewaardestukken.MAP / f"{sleutel}.stuk"
    ander = stukken.sleutel("maat", "<w:tr></w:tr>")
    pad.rename(tmp_path / bewaardestukken.MAP / f"{ander}.stuk")
    assert stukken.maat(ander, 2) is None  # the record names another key
