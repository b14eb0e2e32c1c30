"""The passes a run makes over the previous run's output (its manifest, the record of sizes and
times, the comparison) cost little per existing document, and decide exactly as before."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from contracten import genereer, laad_regio
from contracten.pijplijn import draai

from .conftest import ASSEN_DATUM

OPTIES = SimpleNamespace(processen=None, voortgang=None, wissel=None)


def test_een_run_laat_wat_er_al_was_buiten_de_garbage_collection(regios, tmp_path,
                                                                 monkeypatch):
    gezien: list[int] = []
    echt = draai.voer_uit

    def voer_uit(*args, **kwargs):
        gezien.append(gc.get_freeze_count())
        return echt(*args, **kwargs)

    monkeypatch.setattr(draai, "voer_uit", voer_uit)
    genereer(laad_regio(regios, "assen"), uitvoer=tmp_path / "uit", datum=ASSEN_DATUM)
    assert gezien and gezien[0] > 0  # the profile, loaded before, is frozen during the run
    assert gc.get_freeze_count() == 0  # ... and not after it


def test_ook_na_een_fout_niet_meer_bevroren(monkeypatch):
    def fout(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(draai, "maak_plan", fout)
    with pytest.raises(RuntimeError):
        draai.draai(OPTIES)  # type: ignore[arg-type]
    assert gc.get_freeze_count() == 0


def test_wat_een_ander_bevroor_blijft_bevroren(monkeypatch):
    monkeypatch.setattr(draai, "maak_plan", lambda opties: opties)
    monkeypatch.setattr(draai, "voer_uit", lambda plan, **kwargs: gc.get_freeze_count())
    gc.freeze()
    try:
        bevroren = gc.get_freeze_count()
        assert draai.draai(OPTIES) == bevroren  # type: ignore[arg-type]
        assert gc.get_freeze_count() == bevroren
    finally:
        gc.unfreeze()
