"""YAML data kept between runs in the cache folder (lezen.yamlbewaard): the same data and the
same messages as a reading without it, never stale, never someone else's."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from contracten.lezen import yamlbewaard
from contracten.lezen.bron import _gelezen, lees_yaml
from tests.conftest import REGIOS

AANBIEDER = """\
  - id: a{i}
    naam: "Aanbieder {i}"
    contact:
      telefoon: "0592 700 {i:03d}"
    producten:
      - licht
    jaaromzet: 1480250.{i:02d}
"""


def zonder_cache(pad: Path) -> object:
    data, walker = _gelezen(pad.read_text(encoding="utf-8").removeprefix("\ufeff"), "x",
                            met_regels=True)
    assert not isinstance(walker, list) and not walker.meldingen
    return data


def schrijf(pad: Path, aantal: int, kop: str = "# Aanbieders\n\naanbieders:\n") -> None:
    pad.write_text(kop + "".join(AANBIEDER.format(i=i) + "\n" for i in range(aantal)),
                   encoding="utf-8")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    map_ = tmp_path / "cache"
    monkeypatch.setenv("CONTRACTEN_CACHE", str(map_))
    return map_ / yamlbewaard.MAP


def records(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


def test_de_voorbeeldregios_lezen_uit_de_cache_hetzelfde(cache):
    for pad in sorted((REGIOS / "assen").rglob("*.yaml")):
        eerste, _ = lees_yaml(pad, "x")
        tweede, _ = lees_yaml(pad, "x")  # from the record now
        assert eerste is not None and tweede is not None
        assert eerste.data == tweede.data == zonder_cache(pad), pad
    assert records(cache)


def test_een_gewijzigde_aanbieder_wordt_gezien_de_rest_hergebruikt(cache, tmp_path,
                                                                   monkeypatch):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 40)
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)
    gelezen: list[str] = []
    echt = yamlbewaard.bewaard

    def bewaard(tekst, pad_, lees, maximum):
        return echt(tekst, pad_, lambda t: gelezen.append(t) or lees(t), maximum)

    monkeypatch.setattr("contracten.lezen.bron.bewaard", bewaard)
    tekst = pad.read_text(encoding="utf-8").replace('"0592 700 007"', '"0592 799 999"')
    pad.write_text(tekst, encoding="utf-8")
    bron, meldingen = lees_yaml(pad, "x")
    assert not meldingen and bron.data == zonder_cache(pad)
    assert bron.data["aanbieders"][7]["contact"]["telefoon"] == "0592 799 999"
    assert len(gelezen) == 1 and "a7" in gelezen[0]  # only the changed aanbieder was read
    gelezen.clear()
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)
    assert not gelezen  # and the next time none


def test_een_melding_in_een_bewaard_bestand_komt_er_met_regel(cache, tmp_path):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 5)
    lees_yaml(pad, "x")
    tekst = pad.read_text(encoding="utf-8").replace('naam: "Aanbieder 3"',
                                                   'naam: "Aanbieder 111222333"')
    pad.write_text(tekst, encoding="utf-8")
    _, meldingen = lees_yaml(pad, "x")
    assert [(m.regel, m.veld, m.code) for m in meldingen] == [
        (tekst[:tekst.index("Aanbieder 111222333")].count("\n") + 1, "aanbieders.3.naam", "bsn")]
    pad.write_text(tekst.replace("  - id: a4", "  - id: a4\n    id: b4"), encoding="utf-8")
    assert [m.code for m in lees_yaml(pad, "x")[1]] == ["bsn", "dubbele_sleutel"]


@pytest.mark.parametrize("tekst", [
    # an anchor in one item and its alias in the next
    "aanbieders:\n  - id: a\n    adres: &adres {plaats: Assen}\n  - id: b\n    adres: *adres\n",
    # a line starting with "  - " inside a quoted value that spans lines
    'aanbieders:\n  - id: a\n    naam: "een\n  - twee"\n  - id: b\n',
    # a key after the list, a comment at the start of a line between items, an empty item
    "aanbieders:\n  - id: a\nversie: 2\n",
    "# kop\naanbieders:\n  - id: a\n# perceel 2\n  - id: b\n",
    "aanbieders:\n  - id: a\n  -\n    id: b\n",
    "aanbieders:\n  - - a\n    - b\n  - id: c\n",
])
def test_lastige_yaml_leest_als_zonder_cache(cache, tmp_path, tekst):
    pad = tmp_path / "aanbieders.yaml"
    pad.write_text(tekst, encoding="utf-8")
    for _ in range(2):
        bron, meldingen = lees_yaml(pad, "x")
        data, walker = _gelezen(tekst, "x", met_regels=True)
        if isinstance(walker, list):
            assert bron is None and [m.bericht for m in meldingen] == [
                m.bericht for m in walker]
        else:
            assert bron is not None and bron.data == data
            assert [m.code for m in meldingen] == [m.code for m in walker.meldingen]


def test_gelijke_items_zijn_eigen_objecten(cache, tmp_path):
    pad = tmp_path / "aanbieders.yaml"
    pad.write_text("aanbieders:\n" + AANBIEDER.format(i=1) * 2, encoding="utf-8")
    for _ in range(2):
        items = lees_yaml(pad, "x")[0].data["aanbieders"]
        assert items[0] == items[1] and items[0] is not items[1]


def test_te_veel_waarden_samen_zegt_de_gewone_weg(cache, tmp_path, monkeypatch):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 10)
    assert not lees_yaml(pad, "x")[1]
    monkeypatch.setattr("contracten.lezen.bron.MAX_WAARDEN", 30)
    monkeypatch.setattr("contracten.lezen.gebeurtenissen.MAX_WAARDEN", 30)
    bron, meldingen = lees_yaml(pad, "x")  # each item has fewer than 30, all together more
    assert bron is None and [m.code for m in meldingen] == ["yaml_te_groot"]


def test_een_heel_bewaard_bestand_boven_een_lagere_grens_zegt_de_gewone_weg(cache, tmp_path,
                                                                            monkeypatch):
    """A file kept whole (no list of items) under the default limit, read again with a lower
    one (CONTRACTEN_MAX_WAARDEN): the limit holds, as without the cache."""
    pad = tmp_path / "regio.yaml"
    pad.write_text("".join(f"veld_{i}: waarde {i}\n" for i in range(40)), encoding="utf-8")
    assert not lees_yaml(pad, "x")[1]
    assert records(cache)  # kept
    monkeypatch.setattr("contracten.lezen.bron.MAX_WAARDEN", 30)
    monkeypatch.setattr("contracten.lezen.gebeurtenissen.MAX_WAARDEN", 30)
    bron, meldingen = lees_yaml(pad, "x")
    assert bron is None and [m.code for m in meldingen] == ["yaml_te_groot"]


def vervalst(cache: Path, pad: Path) -> Path:
    """The record of `pad`, with every kept part saying it has no items: data no reading
    gives."""
    (record,) = records(cache)
    inhoud = pickle.loads(record.read_bytes())
    inhoud["delen"] = {k: ({"aanbieders": [{"id": "vervalst"}]}, 4)
                       for k in inhoud["delen"]}
    record.write_bytes(pickle.dumps(inhoud))
    return record


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="dit systeem kent geen eigenaars")
def test_een_record_dat_een_ander_kon_schrijven_telt_niet(cache, tmp_path):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 3)
    lees_yaml(pad, "x")
    record = vervalst(cache, pad)
    record.chmod(0o600)
    assert lees_yaml(pad, "x")[0].data["aanbieders"][0] == {"id": "vervalst"}  # it is used…
    vervalst(cache, pad).chmod(0o664)
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)  # … but not from someone else


def test_andere_code_vindt_geen_oud_record(cache, tmp_path, monkeypatch):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 3)
    lees_yaml(pad, "x")
    vervalst(cache, pad).chmod(0o600)
    yamlbewaard.code_sleutel.cache_clear()
    monkeypatch.setattr(yamlbewaard, "VERSIE", yamlbewaard.VERSIE + 1)
    try:
        assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)
    finally:
        yamlbewaard.code_sleutel.cache_clear()


def test_kapot_record_of_geen_cachemap(cache, tmp_path, monkeypatch):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 3)
    lees_yaml(pad, "x")
    (record,) = records(cache)
    record.write_bytes(b"\x80\x05kapot")
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)
    monkeypatch.setattr(yamlbewaard, "cachemap", lambda: None)
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)


def test_een_fout_in_een_bewaarde_aanbieder_noemt_zijn_regel(cache, tmp_path):
    import shutil

    from contracten.fouten import InvoerFout
    from contracten.profiel.laden import laad_regio

    shutil.copytree(REGIOS / "assen", tmp_path / "regios" / "assen")
    laad_regio(tmp_path / "regios", "assen")  # every part kept now
    pad = tmp_path / "regios" / "assen" / "aanbieders.yaml"
    tekst = pad.read_text(encoding="utf-8")
    kvk = tekst.split('kvk: "', 3)[2].split('"', 1)[0]  # the second aanbieder's
    pad.write_text(tekst.replace(f'kvk: "{kvk}"', 'kvk: "7000"', 1), encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        laad_regio(tmp_path / "regios", "assen")
    regel = tekst[:tekst.index(f'kvk: "{kvk}"')].count("\n") + 1
    assert [(m.regel, m.code) for m in fout.value.meldingen] == [
        (regel, "string_pattern_mismatch")]
    assert "aanbieders[1" in fout.value.meldingen[0].veld


def test_een_kleine_wijziging_komt_in_de_aanvulling_niet_in_een_nieuw_record(cache, tmp_path,
                                                                             monkeypatch):
    """One changed aanbieder of 200: its part goes into the supplement beside the record, which
    is not written again (at 20,000 aanbieders that was a large part of such a run); the next
    run reads nothing; many changes write the record anew and the supplement goes."""
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 200)
    lees_yaml(pad, "x")
    (record,) = records(cache)
    inhoud = record.read_bytes()
    gelezen: list[str] = []
    echt = yamlbewaard.bewaard
    monkeypatch.setattr("contracten.lezen.bron.bewaard", lambda tekst, pad_, lees, maximum: echt(
        tekst, pad_, lambda t: gelezen.append(t) or lees(t), maximum))
    origineel = pad.read_text(encoding="utf-8")
    pad.write_text(origineel.replace('"0592 700 007"', '"0592 799 999"'), encoding="utf-8")
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad) and len(gelezen) == 1
    aanvulling = record.with_name(record.stem + yamlbewaard.AANVULLING)
    assert record.read_bytes() == inhoud and aanvulling.is_file()
    assert len(pickle.loads(aanvulling.read_bytes())["delen"]) == 1
    gelezen.clear()
    bron = lees_yaml(pad, "x")[0]  # the changed part from the supplement
    assert bron.data == zonder_cache(pad) and not gelezen
    assert bron.data["aanbieders"][7]["contact"]["telefoon"] == "0592 799 999"
    pad.write_text(origineel, encoding="utf-8")  # back: every part is in the record again
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad) and not gelezen
    assert not aanvulling.exists() and record.read_bytes() == inhoud
    veel = origineel.replace('"0592 700 0', '"0592 711 0')  # 100 aanbieders changed
    pad.write_text(veel, encoding="utf-8")
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad) and len(gelezen) == 100
    assert record.read_bytes() != inhoud and not aanvulling.exists()
    gelezen.clear()
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad) and not gelezen


def test_veel_verdwenen_delen_schrijven_het_record_opnieuw(cache, tmp_path):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 200)
    lees_yaml(pad, "x")
    schrijf(pad, 100)  # the last 100 are gone: not kept for ever
    assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)
    (record,) = records(cache)
    assert len(pickle.loads(record.read_bytes())["delen"]) == 100


def test_een_aanvulling_van_een_ander_telt_niet(cache, tmp_path):
    pad = tmp_path / "aanbieders.yaml"
    schrijf(pad, 100)
    lees_yaml(pad, "x")
    pad.write_text(pad.read_text(encoding="utf-8").replace('"0592 700 007"', '"0592 799 999"'),
                   encoding="utf-8")
    lees_yaml(pad, "x")
    (aanvulling,) = cache.glob("*" + yamlbewaard.AANVULLING)
    inhoud = pickle.loads(aanvulling.read_bytes())
    inhoud["delen"] = {k: ({"aanbieders": [{"id": "vervalst"}]}, 4) for k in inhoud["delen"]}
    aanvulling.write_bytes(pickle.dumps(inhoud))
    aanvulling.chmod(0o600)
    assert lees_yaml(pad, "x")[0].data["aanbieders"][7] == {"id": "vervalst"}  # it is used…
    if hasattr(os, "getuid"):
        aanvulling.chmod(0o664)
        assert lees_yaml(pad, "x")[0].data == zonder_cache(pad)  # … but not from someone else
