"""Reading a profile pauses Python's cyclic garbage collector and leaves it as it was: on after
a profile that loaded or was refused, off when someone else had switched it off; with the
same profile and the same refusal as without the pause."""

from __future__ import annotations

import gc
import threading

import pytest

from contracten import laad_regio
from contracten.fouten import InvoerFout
from contracten.lezen.gcpauze import zonder_gc
from contracten.profiel import laden

from .conftest import bij_elke_aanroep, wijzig_yaml


@pytest.fixture(autouse=True)
def gc_weer_aan():
    yield
    gc.enable()  # whatever a failing test left


def _spion(monkeypatch) -> list[bool]:
    return bij_elke_aanroep(monkeypatch, laden, "lees_yaml", lambda *a, **k: gc.isenabled())


def test_uit_tijdens_het_laden_en_daarna_weer_aan(regios, monkeypatch):
    gezien = _spion(monkeypatch)
    assert gc.isenabled()
    profiel = laad_regio(regios, "assen")
    assert gezien and not any(gezien)  # every file read with the collector off
    assert gc.isenabled()
    assert profiel == laden._laad_regio(regios, "assen", artikelen=None)  # nothing else changed


def test_weer_aan_na_een_geweigerd_profiel(regios, monkeypatch):
    wijzig_yaml(regios / "assen" / "aanbieders.yaml",
                lambda data: data["aanbieders"][0].update(kvk="12"))
    gezien = _spion(monkeypatch)
    with pytest.raises(InvoerFout) as met_pauze:
        laad_regio(regios, "assen")
    assert gezien and not any(gezien)
    assert gc.isenabled()
    with pytest.raises(InvoerFout) as zonder:
        laden._laad_regio(regios, "assen", artikelen=None)
    assert met_pauze.value.meldingen == zonder.value.meldingen  # the same refusal


def test_weer_aan_na_een_onverwachte_fout(regios, monkeypatch):
    def stuk(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(laden, "lees_yaml", stuk)
    with pytest.raises(RuntimeError):
        laad_regio(regios, "assen")
    assert gc.isenabled()


def test_een_uitgezette_collector_blijft_uit(regios):
    gc.disable()
    laad_regio(regios, "assen")
    assert not gc.isenabled()


def test_overlappende_pauzes_van_threads():
    # A begins, B begins, A ends (B still reading: stays off), B ends (back on).
    a_binnen, a_klaar, b_binnen, b_mag_klaar = (threading.Event() for _ in range(4))
    tijdens_b: list[bool] = []

    def a() -> None:
        with zonder_gc():
            a_binnen.set()
            b_binnen.wait(5)
        a_klaar.set()

    def b() -> None:
        a_binnen.wait(5)
        with zonder_gc():
            b_binnen.set()
            b_mag_klaar.wait(5)
            tijdens_b.append(gc.isenabled())

    draden = [threading.Thread(target=a), threading.Thread(target=b)]
    for draad in draden:
        draad.start()
    assert a_klaar.wait(5)
    b_mag_klaar.set()
    for draad in draden:
        draad.join(5)
    assert tijdens_b == [False]
    assert gc.isenabled()
