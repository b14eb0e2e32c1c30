"""A run that makes few documents hands what it saw of the files it kept (their lstat, taken
before it began: `Resultaat.gezien`) to the recording of its fingerprint, which then looks only
at what the run wrote. What changed after that look still shows: its state is no longer the one
recorded, so the next run takes the normal path and notices it."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from contracten import genereer
from contracten.lezen import vingerafdruk
from contracten.lezen.vingerafdruk import GROF_NS, MARGE_NS, Gezien
from contracten.opdrachten import snelpad
from contracten.pijplijn import uitvoeren
from contracten.pijplijn.resultaat import OngewijzigdResultaat
from contracten.uitvoer import definitief, kenmerken

from .conftest import ASSEN_DATUM


def _run(regios: Path, uitvoer: Path):
    time.sleep(0.03)  # a file changed just now is trusted a tick of the clock later
    return genereer(regios, "assen", uitvoer=uitvoer, datum=ASSEN_DATUM)


def _nieuw_telefoonnummer(regios: Path, nummer: str) -> None:
    pad = regios / "assen" / "aanbieders.yaml"
    tekst, n = re.subn(r'telefoon: "[^"]*"', f'telefoon: "{nummer}"',
                       pad.read_text(encoding="utf-8"), count=1)
    assert n == 1
    pad.write_text(tekst, encoding="utf-8")


def _bekeken_bij_het_vastleggen(monkeypatch: pytest.MonkeyPatch
                                ) -> tuple[list[str], list[tuple[object, bool]]]:
    """The paths whose lstat is taken while a run's fingerprint is recorded (grows per look),
    and per recording the run's result and whether it recorded."""
    bekeken: list[str] = []
    vastgelegd: list[tuple[object, bool]] = []
    echt_staten, echt_vastleggen = vingerafdruk._staten, snelpad.Snelpad.leg_vast

    def staten(paden, bekend=None):
        if not bekend:
            bekeken.extend(paden)
        return echt_staten(paden, bekend)

    def leg_vast(self, voor, profiel, resultaat, *args):
        with pytest.MonkeyPatch.context() as m:
            m.setattr(vingerafdruk, "_staten", staten)
            gedaan = echt_vastleggen(self, voor, profiel, resultaat, *args)
        vastgelegd.append((resultaat, gedaan))
        return gedaan

    monkeypatch.setattr(snelpad.Snelpad, "leg_vast", leg_vast)
    return bekeken, vastgelegd


def _documenten(bekeken: list[str], map_: Path) -> list[str]:
    """The documents among paths looked at (not the manifest, register or record)."""
    doel = os.path.abspath(map_) + os.sep
    vast = {"manifest.json", definitief.BESTAND, f"../{kenmerken.BESTAND}",
            f"../{kenmerken.AANVULLING}"}  # looked at always
    return sorted(p[len(doel):] for p in bekeken if p.startswith(doel)
                  and p[len(doel):] not in vast)


@pytest.mark.parametrize("vertrouwd", [True, False])
def test_een_kleine_run_kijkt_alleen_naar_wat_ze_schreef(regios, tmp_path, monkeypatch,
                                                        vertrouwd):
    uitvoer = tmp_path / "uit"
    if not vertrouwd:  # a file changed within the tick before the look: everything again
        monkeypatch.setattr(Gezien, "betrouwbaar", lambda self: False)
    bekeken, vastgelegd = _bekeken_bij_het_vastleggen(monkeypatch)
    eerste = _run(regios, uitvoer)
    assert vastgelegd[0][0].gezien is None  # everything made: nothing seen, nothing held
    _nieuw_telefoonnummer(regios, "0592 799 001")
    bekeken.clear()
    tweede = _run(regios, uitvoer)
    resultaat, gedaan = vastgelegd[1]
    assert gedaan and tweede.geschreven and resultaat.gezien is not None
    assert tweede.gezien is None  # served the record only: not held by the caller
    assert not set(tweede.geschreven) & set(resultaat.gezien.staten)  # written: not as seen
    if vertrouwd:
        assert _documenten(bekeken, tweede.map) == sorted(tweede.geschreven)  # kept: not again
    else:
        assert _documenten(bekeken, tweede.map) == sorted(d.pad
                                                          for d in tweede.manifest.documenten)
    monkeypatch.undo()
    assert isinstance(_run(regios, uitvoer), OngewijzigdResultaat)  # and it was recorded
    assert eerste.map == tweede.map


def test_de_blik_telt_vanaf_het_moment_ervoor(regios, tmp_path, monkeypatch):
    """A file changed just before the look (its change time after the moment the look
    began) makes what the look saw untrusted: every document is looked at again."""
    uitvoer = tmp_path / "uit"
    eerste = _run(regios, uitvoer)
    _nieuw_telefoonnummer(regios, "0592 799 003")
    gehouden = eerste.map / next(p for p in eerste.geschreven if "overzicht" in p)
    echt = kenmerken.in_map

    def net_ervoor_aangeraakt(*args):
        os.utime(gehouden)  # content as it was, its times now
        uit = echt(*args)
        time.sleep(0.05)  # a moment taken only after the look would trust it
        return uit

    monkeypatch.setattr(kenmerken, "in_map", net_ervoor_aangeraakt)
    bekeken, vastgelegd = _bekeken_bij_het_vastleggen(monkeypatch)
    tweede = _run(regios, uitvoer)
    assert vastgelegd[-1][1] and tweede.geschreven
    assert _documenten(bekeken, tweede.map) == sorted(d.pad for d in tweede.manifest.documenten)


def _met_de_hand(pad: Path) -> None:
    """Edit a file as someone might: the same size, its modification time put back."""
    voor = pad.stat()
    pad.write_bytes(pad.read_bytes().replace(b"a", b"b", 1))
    os.utime(pad, ns=(voor.st_atime_ns, voor.st_mtime_ns))


@pytest.mark.parametrize("record", ["bij", "verouderd"])
def test_wat_na_de_blik_veranderde_ziet_de_volgende_run(regios, tmp_path, monkeypatch,
                                                         record):
    """Edited while the run makes its documents: after the look, before the record. Also
    when the record of sizes and times was out of date (lost here), so that the run read the
    files again: it records each with the state it was read in, not the edited one."""
    uitvoer = tmp_path / "uit"
    eerste = _run(regios, uitvoer)
    gehouden = next(p for p in eerste.geschreven if p.endswith(".md") and "overzicht" in p)
    if record == "verouderd":
        (uitvoer / "assen" / kenmerken.BESTAND).unlink()
    echt = uitvoeren.op_schijf

    def met_de_hand_tussendoor(*args):
        uit = echt(*args)
        _met_de_hand(eerste.map / gehouden)
        return uit

    monkeypatch.setattr(uitvoeren, "op_schijf", met_de_hand_tussendoor)
    _, vastgelegd = _bekeken_bij_het_vastleggen(monkeypatch)
    _nieuw_telefoonnummer(regios, "0592 799 002")
    tweede = _run(regios, uitvoer)
    resultaat, gedaan = vastgelegd[-1]
    assert gehouden not in tweede.geschreven and resultaat.gezien is not None
    assert gehouden in resultaat.gezien.staten
    assert gedaan  # recorded with what the look saw: the edit is not in it
    monkeypatch.undo()
    derde = _run(regios, uitvoer)
    assert not isinstance(derde, OngewijzigdResultaat)
    assert gehouden in derde.geschreven  # made again, the hand-made version kept beside it
    assert any("buiten contracten om gewijzigd" in w for w in derde.waarschuwingen)


@pytest.mark.parametrize("eerder_onzeker", [False, True])
def test_een_document_dat_een_koppeling_is_wordt_niet_vastgelegd(regios, tmp_path,
                                                                 monkeypatch, eerder_onzeker):
    """The fingerprint sees a link, not what it links to: a run with a document that is a
    link records nothing, and a change of its target is seen by the next run. Also when a
    file before it (in the fingerprint's order) is one the record cannot vouch for: the
    usual way then decides the rest, and it follows the link."""
    uitvoer = tmp_path / "uit"
    eerste = _run(regios, uitvoer)
    if eerder_onzeker:
        eerder = eerste.map / min(eerste.geschreven)
        echt = snelpad.Snelpad.leg_vast

        def net_aangeraakt(self, *args):
            os.utime(eerder)  # same content, a new change time: the record cannot vouch
            return echt(self, *args)

        monkeypatch.setattr(snelpad.Snelpad, "leg_vast", net_aangeraakt)
        monkeypatch.setattr(Gezien, "betrouwbaar", lambda self: False)  # looked at again
    naam = next(p for p in eerste.geschreven if p.endswith(".md") and "overzicht" in p)
    elders = tmp_path / "elders.md"
    shutil.copy2(eerste.map / naam, elders)
    (eerste.map / naam).unlink()
    (eerste.map / naam).symlink_to(elders)
    _run(regios, uitvoer)
    monkeypatch.undo()
    assert not isinstance(_run(regios, uitvoer), OngewijzigdResultaat)
    time.sleep(0.03)
    elders.write_text(elders.read_text(encoding="utf-8") + "\nmet de hand\n", encoding="utf-8")
    vierde = _run(regios, uitvoer)
    assert not isinstance(vierde, OngewijzigdResultaat) and naam in vierde.geschreven


def test_een_blik_wordt_pas_vertrouwd_een_tik_na_de_nieuwste_tijd():
    genomen = 10 * 1_000_000_000 + 500_000_000
    staat = (0o100644, 1, genomen - 2 * MARGE_NS, genomen - 2 * MARGE_NS, 1)
    assert Gezien({"a": staat}, genomen).betrouwbaar()
    assert not Gezien({"a": (*staat[:2], genomen - MARGE_NS // 2, *staat[3:])},
                      genomen).betrouwbaar()  # changed within the tick before the look
    heel = (genomen // 1_000_000_000) * 1_000_000_000  # a whole second: a coarse clock
    grof = (0o100644, 1, heel, heel - MARGE_NS, 1)
    assert not Gezien({"a": grof}, genomen).betrouwbaar()
    assert Gezien({"a": grof}, heel + GROF_NS).betrouwbaar()
    assert Gezien({}, genomen).betrouwbaar()


def test_bekende_staten_worden_genomen_zoals_ze_zijn(tmp_path):
    paden = [str(tmp_path / f"{i}.txt") for i in range(5)]
    for pad in paden[:4]:
        Path(pad).write_text(pad, encoding="utf-8")
    echt = {p: vingerafdruk._staat(p) for p in paden[:4]}
    assert vingerafdruk.afdruk(paden, per=2, bekend=echt) == vingerafdruk.afdruk(paden, per=2)
    oud = {paden[1]: (0o100644, 3, 1, 1, 1)}  # as an earlier look saw it: taken as it is
    assert vingerafdruk.afdruk(paden, bekend=oud) != vingerafdruk.afdruk(paden)
    assert vingerafdruk._staten(paden, oud) == [echt[paden[0]], oud[paden[1]], echt[paden[2]],
                                                echt[paden[3]], None]


def test_in_map_geeft_de_lstat_van_elk_gewoon_bestand(tmp_path):
    doel = tmp_path / "uit" / "r" / "2025"
    doel.mkdir(parents=True)
    (doel / "a.md").write_bytes(b"a")
    (doel / "b.md").symlink_to("a.md")
    (doel / "map").mkdir()
    gezien: dict[str, vingerafdruk.Staat] = {}
    gehasht, _ = kenmerken.in_map(doel, "r", ["a.md", "b.md", "map", "weg.md"], gezien)
    assert gehasht["a.md"] == gehasht["b.md"] is not None  # a link is followed, as before
    assert gehasht["map"] is None and gehasht["weg.md"] is None
    assert gezien == {"a.md": vingerafdruk._staat(str(doel / "a.md"))}
