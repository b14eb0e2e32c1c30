"""`valideer` leaves the profile and the modules out of the garbage collector's rounds while it
fills the templates (`gc.freeze`), and undoes that afterwards; what it finds stays the same."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import contracten
from contracten.lezen.gcpauze import bevroren
from contracten.weergave.motor import Motor

from .conftest import bij_elke_aanroep


def _bevroren_tijdens_vullen(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return bij_elke_aanroep(monkeypatch, Motor, "render", lambda *a, **k: gc.get_freeze_count())


def test_valideer_bevriest_wat_er_al_was(regios: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profiel = contracten.laad_regio(regios, "assen")
    tellingen = _bevroren_tijdens_vullen(monkeypatch)
    assert gc.get_freeze_count() == 0
    validatie = contracten.valideer(profiel)
    assert validatie.geldig and validatie.gevallen > 0
    assert tellingen and all(t > 0 for t in tellingen)  # the profile among them
    assert gc.get_freeze_count() == 0  # undone afterwards


def test_wie_zelf_al_bevroor_houdt_dat(regios: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profiel = contracten.laad_regio(regios, "assen")
    gc.freeze()
    try:
        contracten.valideer(profiel)
        assert gc.get_freeze_count() > 0  # not undone by valideer: it is the caller's
    finally:
        gc.unfreeze()


def test_bevroren_ook_na_een_fout() -> None:
    with pytest.raises(RuntimeError), bevroren():
        assert gc.get_freeze_count() > 0
        raise RuntimeError
    assert gc.get_freeze_count() == 0


def test_de_bibliotheek_wordt_zonder_opruimrondes_geimporteerd() -> None:
    """Importing `valideer` brings most of the library (models, kinds, engine): no collection
    runs while it does, and the collector is on again afterwards."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = """
import gc, json, sys
rondes = []
def tel(fase, info):  # a round inside an import of the library (pydantic is its first)
    if "pydantic" not in sys.modules:
        return
    f = sys._getframe(0).f_back
    while f is not None:
        naam = f.f_code.co_filename
        if f.f_code.co_name == "<module>" and not naam.endswith(("valideer.py", "<string>")):
            rondes.append((info["generation"], naam))
            return
        f = f.f_back
gc.callbacks.append(tel)
import contracten.opdrachten.valideer
print(json.dumps([rondes, gc.isenabled(), "contracten.weergave.motor" in sys.modules]))
"""
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=root, env={**os.environ, "PYTHONPATH": os.pathsep.join(
                             [str(root), *filter(None, [os.environ.get("PYTHONPATH")])])})
    assert json.loads(uit.stdout) == [[], True, True]
