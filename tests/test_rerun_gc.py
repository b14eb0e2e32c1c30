"""What a rerun reads of the previous output (the manifest, the record of sizes and times) is
read with the cyclic garbage collector paused, and then kept out of it for the rest of the run
(`pijplijn.bevriezen`): its full collections no longer go through all of it again and again."""

from __future__ import annotations

import gc

from contracten import genereer, laad_regio
from contracten.lezen.bewaard import Bewaard
from contracten.pijplijn import bevriezen, keuze, uitvoeren
from contracten.uitvoer import kenmerken, kenmerkrecord, manifest

from .conftest import ASSEN_DATUM, bij_elke_aanroep


def test_een_rerun_bevriest_het_vorige_manifest_voor_het_vergelijken(regios, tmp_path,
                                                                     monkeypatch):
    uitvoer = tmp_path / "uit"
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    def bevroren(taken, vorig, *args, **kwargs) -> tuple[bool, bool]:
        # Every entry of the previous manifest is frozen (not in any generation of the
        # collector) by the time the run compares.
        gevolgd = {id(o) for o in gc.get_objects()}
        return (vorig is not None,
                vorig is not None and not any(id(d) in gevolgd for d in vorig.documenten))

    gezien = bij_elke_aanroep(monkeypatch, uitvoeren, "bereken", bevroren)
    pad = regios / "assen" / "aanbieders.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("telefoon: \"", "telefoon: \"1", 1),
                   encoding="utf-8")
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    assert resultaat.geschreven  # a rerun after one change, with a previous manifest
    assert gezien and gezien[0] == (True, True)
    assert gc.get_freeze_count() == 0  # and all unfrozen after the run


def test_zonder_eigen_run_bevriest_vries_bij_niets():
    assert gc.get_freeze_count() == 0
    bevriezen.vries_bij()
    assert gc.get_freeze_count() == 0


def test_manifest_en_kenmerken_gelezen_zonder_garbage_collection(regios, tmp_path,
                                                                   monkeypatch):
    uitvoer = tmp_path / "uit"
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=ASSEN_DATUM)
    aan: list[tuple[str, bool]] = []
    model_validate_json = manifest.Manifest.model_validate_json
    loads = kenmerkrecord.json.loads

    def via_manifest(data, *args, **kwargs):
        aan.append(("manifest", gc.isenabled()))
        return model_validate_json(data, *args, **kwargs)

    def via_json(data, *args, **kwargs):
        aan.append(("kenmerken", gc.isenabled()))
        return loads(data, *args, **kwargs)

    monkeypatch.setattr(manifest.Manifest, "model_validate_json", via_manifest)
    monkeypatch.setattr(kenmerkrecord.json, "loads", via_json)
    monkeypatch.setattr(kenmerkrecord, "_gelezen", Bewaard(8))  # (read again, not from memory)
    map_ = uitvoer / "assen" / "2025"
    assert manifest.lees(map_) is not None
    kenmerken.in_map(map_, "assen", ["programma-van-eisen.docx"])
    assert ("manifest", False) in aan and ("kenmerken", False) in aan
    assert gc.isenabled()


def test_een_regiomap_is_bevroren_zodra_hij_geladen_is(regios, tmp_path, monkeypatch):
    """`genereer` on a region folder freezes the profile it loads before the collector runs
    again (`draai.geladen`): the choice of contracts that follows makes thousands of objects,
    and its first collection no longer goes through every object of the profile. What the run
    then reads of the previous output is read with the collector paused and joins that freeze
    before the collector runs again (the manifest before the files are looked at); all is
    unfrozen afterwards."""
    uitvoer = tmp_path / "uit"
    genereer(regios, "assen", uitvoer=uitvoer, datum=ASSEN_DATUM)
    pad = regios / "assen" / "aanbieders.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("telefoon: \"", "telefoon: \"1", 1),
                   encoding="utf-8")
    echt = keuze.kies
    bij_de_keuze: list[tuple[bool, bool]] = []

    def kies(regio, **kwargs):
        gevolgd = {id(o) for o in gc.get_objects()}
        bij_de_keuze.append((gc.isenabled(), any(id(o) in gevolgd
                                                 for o in (regio, *regio.aanbieders))))
        return echt(regio, **kwargs)

    def vorig_bevroren(taken, vorig, *args, **kwargs) -> bool:
        gevolgd = {id(o) for o in gc.get_objects()}
        return vorig is not None and not any(id(d) in gevolgd for d in vorig.documenten)

    monkeypatch.setattr(keuze, "kies", kies)
    bij_het_vergelijken = bij_elke_aanroep(monkeypatch, uitvoeren, "bereken", vorig_bevroren)
    bij_de_blik = bij_elke_aanroep(monkeypatch, uitvoeren, "op_schijf",
                                   lambda doel, regio, vorig, register: (
                                       gc.isenabled(), vorig_bevroren(None, vorig)))
    assert genereer(regios, "assen", uitvoer=uitvoer, datum=ASSEN_DATUM).geschreven
    assert bij_de_keuze == [(True, False)]  # collector on, the profile out of its view
    # the files looked at with the collector on, the manifest read before already frozen
    assert bij_de_blik == [(True, True)] and bij_het_vergelijken == [True]
    assert gc.get_freeze_count() == 0 and gc.isenabled()
