"""A run that makes few documents hands what it saw of the files it kept (their lstat, taken
before it began: `Resultaat.gezien`) to the recording of its fingerprint, which then looks only
at what the run wrote. What changed after that look still shows: its state is no longer the one
recorded, so the next run takes the normal path and notices it."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from contracten import genereer
from contracten.lezen import vingerafdruk
from contracten.lezen.vingerafdruk import GROF_NS, MARGE_NS, Gezien
from contracten.opdrachten import snelpad
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


def _bekeken_bij_het_vastleggen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths whose lstat is taken while a run's fingerprint is recorded (grows per look)."""
    bekeken: list[str] = []
    echt_staten, echt_vastleggen = vingerafdruk._staten, snelpad.Snelpad.leg_vast

    def staten(paden, bekend=None):
        if not bekend:
            bekeken.extend(paden)
        return echt_staten(paden, bekend)

    def leg_vast(self, *args):
        with pytest.MonkeyPatch.context() as m:
            m.setattr(vingerafdruk, "_staten", staten)
            return echt_vastleggen(self, *args)

    monkeypatch.setattr(snelpad.Snelpad, "leg_vast", leg_vast)
    return bekeken


@pytest.mark.parametrize("vertrouwd", [True, False])
def test_een_kleine_run_kijkt_alleen_naar_wat_ze_schreef(regios, tmp_path, monkeypatch,
                                                        vertrouwd):
    uitvoer = tmp_path / "uit"
    if not vertrouwd:  # a file changed within the tick before the look: everything again
        monkeypatch.setattr(Gezien, "betrouwbaar", lambda self: False)
    eerste = _run(regios, uitvoer)
    assert eerste.gezien is None  # everything made: nothing seen, nothing held
    _nieuw_telefoonnummer(regios, "0592 799 001")
    bekeken = _bekeken_bij_het_vastleggen(monkeypatch)
    tweede = _run(regios, uitvoer)
    assert tweede.geschreven and tweede.gezien is not None
    assert not set(tweede.geschreven) & set(tweede.gezien.staten)  # written: not as seen
    doel = os.path.abspath(tweede.map) + os.sep
    vast = {"manifest.json", definitief.BESTAND, f"../{kenmerken.BESTAND}"}  # looked at always
    documenten = sorted(p[len(doel):] for p in bekeken
                        if p.startswith(doel) and p[len(doel):] not in vast)
    if vertrouwd:
        assert documenten == sorted(tweede.geschreven)  # the kept: not looked at again
    else:
        assert documenten == sorted(d.pad for d in tweede.manifest.documenten)
    monkeypatch.undo()
    assert isinstance(_run(regios, uitvoer), OngewijzigdResultaat)  # and it was recorded


def test_wat_na_de_blik_veranderde_ziet_de_volgende_run(regios, tmp_path, monkeypatch):
    uitvoer = tmp_path / "uit"
    eerste = _run(regios, uitvoer)
    gehouden = next(p for p in eerste.geschreven
                    if p.endswith(".md") and "overzicht" in p)
    pad = eerste.map / gehouden
    echt = snelpad.Snelpad.leg_vast

    def met_de_hand_tussendoor(self, *args):
        voor = pad.stat()
        tekst = pad.read_bytes()
        pad.write_bytes(tekst.replace(b"a", b"b", 1))  # same size, its time put back
        os.utime(pad, ns=(voor.st_atime_ns, voor.st_mtime_ns))
        return echt(self, *args)

    monkeypatch.setattr(snelpad.Snelpad, "leg_vast", met_de_hand_tussendoor)
    _nieuw_telefoonnummer(regios, "0592 799 002")
    tweede = _run(regios, uitvoer)
    assert tweede.gezien is not None and gehouden in tweede.gezien.staten
    assert gehouden not in tweede.geschreven
    monkeypatch.undo()
    derde = _run(regios, uitvoer)
    assert not isinstance(derde, OngewijzigdResultaat)
    assert gehouden in derde.geschreven  # made again, the hand-made version kept beside it
    assert any("buiten contracten om gewijzigd" in w for w in derde.waarschuwingen)


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
