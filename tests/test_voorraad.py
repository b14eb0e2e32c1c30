"""A process that stays (`genereer --volg`) keeps its prepared templates between runs
(`weergave.voorraad`): the next run finds them ready, makes the same bytes as a run that
prepared them afresh, and a changed template is prepared again. Off unless turned on."""

from __future__ import annotations

import shutil
import threading

import pytest

from contracten import genereer
from contracten.weergave import voorraad
from contracten.weergave.motor import Motor
from contracten.weergave.sjabloon import SjabloonFout

from .conftest import ASSEN_DATUM, ROOT, bij_elke_aanroep, wijzig_telefoon
from .test_briefhoofd_logo import png
from .test_snelpad import _boom

SJABLOON = ROOT / "sjablonen" / "overeenkomst.docx"


def _voorbereid(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every template prepared from now on."""
    return bij_elke_aanroep(monkeypatch, Motor, "__init__",
                            lambda motor, pad, naam, **_: naam)


def test_zonder_voorraad_wordt_elk_sjabloon_elke_run_voorbereid(regios, tmp_path, monkeypatch):
    genereer(regios, "assen", uitvoer=tmp_path / "uit", datum=ASSEN_DATUM, processen=1)
    assert voorraad.actief() is None
    voorbereid = _voorbereid(monkeypatch)
    wijzig_telefoon(regios, "0592 799 001")
    genereer(regios, "assen", uitvoer=tmp_path / "uit", datum=ASSEN_DATUM, vastleggen=False,
             processen=1)
    assert "sjablonen/overeenkomst.docx" in voorbereid


def test_volgende_run_neemt_het_voorbereide_sjabloon_en_maakt_dezelfde_bytes(
        regios, tmp_path, monkeypatch):
    met, zonder = tmp_path / "met", tmp_path / "zonder"
    genereer(regios, "assen", uitvoer=zonder, datum=ASSEN_DATUM)
    with voorraad.houd_voorbereid() as kast:
        genereer(regios, "assen", uitvoer=met, datum=ASSEN_DATUM, processen=1)
        assert len(kast) >= 1  # given back at the end of the run
        voorbereid = _voorbereid(monkeypatch)
        wijzig_telefoon(regios, "0592 799 002")
        resultaat = genereer(regios, "assen", uitvoer=met, datum=ASSEN_DATUM,
                             vastleggen=False,
             processen=1)
        assert any(p.startswith("overeenkomsten/") for p in resultaat.geschreven)
        assert voorbereid == []  # every template of this run came from the stock
    assert voorraad.actief() is None  # let go with the last holder
    monkeypatch.undo()
    genereer(regios, "assen", uitvoer=zonder, datum=ASSEN_DATUM)  # the same rerun, without
    assert _boom(met) == _boom(zonder)


def test_een_gewijzigd_sjabloon_wordt_opnieuw_voorbereid(tmp_path):
    pad = tmp_path / "overeenkomst.docx"
    shutil.copyfile(SJABLOON, pad)
    kast = voorraad.Voorraad()
    eerste = kast.neem(pad, "sjablonen/overeenkomst.docx")
    kast.terug(eerste)
    assert kast.neem(pad, "sjablonen/overeenkomst.docx") is eerste
    kast.terug(eerste)
    assert kast.neem(pad, "sjablonen/andere-naam.docx") is not eerste  # the name counts too
    pad.write_bytes(SJABLOON.read_bytes() + b"\0")  # other bytes, still a readable zip
    tweede = kast.neem(pad, "sjablonen/overeenkomst.docx")
    assert tweede is not eerste
    assert tweede.bytes == pad.read_bytes()


def test_twee_runs_tegelijk_delen_geen_sjabloon():
    kast = voorraad.Voorraad()
    bewaard = kast.neem(SJABLOON, "sjablonen/overeenkomst.docx")
    kast.terug(bewaard)
    genomen: list[Motor] = []
    begin = threading.Barrier(2)

    def neem() -> None:
        begin.wait()
        genomen.append(kast.neem(SJABLOON, "sjablonen/overeenkomst.docx"))

    draden = [threading.Thread(target=neem) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert genomen[0] is not genomen[1]
    assert sum(motor is bewaard for motor in genomen) == 1  # the kept one, to one run only
    for motor in genomen:
        kast.terug(motor)
    assert len(kast) == 1  # the same template: one is kept


def test_een_gewijzigd_sjabloon_laat_zijn_vorige_versie_los(tmp_path):
    pad = tmp_path / "overeenkomst.docx"
    shutil.copyfile(SJABLOON, pad)
    kast = voorraad.Voorraad()
    kast.terug(kast.neem(pad, "sjablonen/overeenkomst.docx"))
    pad.write_bytes(SJABLOON.read_bytes() + b"\0")
    kast.terug(kast.neem(pad, "sjablonen/overeenkomst.docx"))
    assert len(kast) == 1


def test_een_nieuw_logo_tussen_twee_runs_komt_in_de_brieven_als_in_een_nieuwe_run(tmp_path):
    """A letter's logo is a fragment named by its path; a template that placed one is not kept,
    so a logo replaced between two runs comes out as a fresh run makes it."""
    regios = tmp_path / "regios"
    shutil.copytree(ROOT / "regios", regios)
    logo = regios / "assen" / "logo.png"
    logo.write_bytes(png(120, 40, (0, 84, 147)))
    brieven = regios / "assen" / "brieven.yaml"
    brieven.write_text(brieven.read_text("utf-8").replace(
        "  organisatie: Gemeente Assen\n",
        "  organisatie: Gemeente Assen\n  logo: logo.png\n  logo_breedte_mm: 35\n", 1),
        "utf-8")
    met, vers = tmp_path / "met", tmp_path / "vers"
    with voorraad.houd_voorbereid():
        genereer(regios, "assen", uitvoer=met, datum=ASSEN_DATUM, processen=1)
        logo.write_bytes(png(120, 40, (200, 0, 0)))  # another logo, same name
        genereer(regios, "assen", uitvoer=met, datum=ASSEN_DATUM, processen=1,
                 vastleggen=False)
    genereer(regios, "assen", uitvoer=vers, datum=ASSEN_DATUM, processen=1)
    letters = sorted((vers / "assen").glob("*/brieven/socialreturn/*.docx"))
    assert letters
    for pad in letters:
        assert (met / pad.relative_to(vers)).read_bytes() == pad.read_bytes(), pad.name


def test_hoogstens_het_maximum_en_het_langst_ongebruikte_gaat_eerst(tmp_path):
    kast = voorraad.Voorraad(maximum=2)
    motoren = []
    for naam in ("a", "b", "c"):
        pad = tmp_path / f"{naam}.docx"
        shutil.copyfile(SJABLOON, pad)
        motoren.append((pad, kast.neem(pad, f"sjablonen/{naam}.docx")))
    for _, motor in motoren:
        kast.terug(motor)
    assert len(kast) == 2
    (pad_a, a), (pad_b, b), (pad_c, c) = motoren
    assert kast.neem(pad_a, "sjablonen/a.docx") is not a
    assert kast.neem(pad_b, "sjablonen/b.docx") is b
    assert kast.neem(pad_c, "sjablonen/c.docx") is c


def test_genest_en_in_draden_een_voorraad_die_met_de_laatste_verdwijnt():
    with voorraad.houd_voorbereid() as buiten:
        with voorraad.houd_voorbereid() as binnen:
            assert binnen is buiten is voorraad.actief()
        assert voorraad.actief() is buiten
    assert voorraad.actief() is None


def test_een_run_die_halverwege_stopt_legt_zijn_sjablonen_niet_terug(regios, tmp_path,
                                                                       monkeypatch):
    echt, gevuld = Motor.render, []

    def tweede_faalt(motor: Motor, *args, **kwargs):
        gevuld.append(motor.naam)
        if len(gevuld) == 2:
            raise SjabloonFout(motor.naam, "kapot halverwege")
        return echt(motor, *args, **kwargs)

    monkeypatch.setattr(Motor, "render", tweede_faalt)
    with voorraad.houd_voorbereid() as kast:
        with pytest.raises(SjabloonFout):
            genereer(regios, "assen", uitvoer=tmp_path / "uit", datum=ASSEN_DATUM,
                     processen=1)
        # What it was using when it stopped may be halfway: prepared anew next time.
        assert gevuld[1] not in {naam for naam, _ in kast._klaar}
