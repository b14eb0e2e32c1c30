"""The passes a run makes over the previous run's output (its manifest, the record of sizes and
times, the comparison) cost little per existing document, and decide exactly as before."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from contracten import genereer, laad_regio
from contracten.pijplijn import draai

from .conftest import ASSEN_DATUM, bij_elke_aanroep

OPTIES = SimpleNamespace(processen=None, voortgang=None, wissel=None)


def test_een_run_laat_wat_er_al_was_buiten_de_garbage_collection(regios, tmp_path,
                                                                 monkeypatch):
    gezien = bij_elke_aanroep(monkeypatch, draai, "voer_uit",
                              lambda *a, **k: gc.get_freeze_count())
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
        # Not thawed, nor frozen again (which would take in what was made since): the count
        # stays, but for a few frozen objects of other tests that are freed meanwhile.
        binnen = draai.draai(OPTIES)  # type: ignore[arg-type]
        assert bevroren - 100 <= binnen <= bevroren
        assert bevroren - 100 <= gc.get_freeze_count() <= binnen
    finally:
        gc.unfreeze()


def test_welke_paden_geen_bestand_zijn_zoals_isfile_het_zegt(tmp_path):
    import os

    from contracten.uitvoer.mapinhoud import geen_bestand

    (tmp_path / "a" / "b").mkdir(parents=True)
    for pad in ("x.docx", "a/y.docx", "a/b/z.md", "a/echt.md"):
        (tmp_path / pad).write_text("-")
    (tmp_path / "a" / "koppeling.md").symlink_to(tmp_path / "a" / "echt.md")
    (tmp_path / "a" / "dood.md").symlink_to(tmp_path / "a" / "weg.md")
    (tmp_path / "a" / "map.md").mkdir()
    (tmp_path / "los").write_text("een bestand, geen map")
    paden = ["x.docx", "weg.docx", "a/y.docx", "a/b/z.md", "a/b/weg.md", "a/koppeling.md",
             "a/dood.md", "a/map.md", "a/echt.md", "c/d.md", "los/e.md", "a/b"]
    verwacht = {p for p in paden if not os.path.isfile(tmp_path / p)}
    assert verwacht == {"weg.docx", "a/b/weg.md", "a/dood.md", "a/map.md", "c/d.md",
                        "los/e.md", "a/b"}
    assert geen_bestand(str(tmp_path), paden) == verwacht


def test_een_map_die_niet_te_lezen_is_wordt_per_bestand_bekeken(tmp_path, monkeypatch):
    import os

    from contracten.uitvoer import mapinhoud

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "y.docx").write_text("-")

    def geen_lijst(pad):
        raise PermissionError(pad)

    monkeypatch.setattr(mapinhoud.os, "scandir", geen_lijst)
    assert mapinhoud.geen_bestand(str(tmp_path), ["a/y.docx", "a/z.docx"]) == {"a/z.docx"}
    assert os.path.isfile(tmp_path / "a" / "y.docx")


@pytest.mark.parametrize("rest", [["a"], ["{\"id\": \"zorg-é\"}", "2", "2026-01-05"], [""]])
def test_de_invoerhash_met_een_gedeeld_voorvoegsel_is_de_sha256_van_het_geheel(rest):
    import hashlib

    from contracten.pijplijn.plan import met_voorvoegsel, voorvoegsel

    kop = ["code", "overeenkomst", "2025", "ab" * 4000, "cd", "docx,pdf", ""]
    verwacht = hashlib.sha256("\n".join([*kop, *rest]).encode()).hexdigest()
    voor = voorvoegsel(kop)
    assert met_voorvoegsel(voor, rest) == verwacht
    assert met_voorvoegsel(voor, rest) == verwacht  # the prefix is not used up


def test_zonder_pdf_geen_ronde_per_soort_voor_de_bundels(monkeypatch):
    from contracten.pijplijn import uitvoeren
    from contracten.uitvoer.manifest import Document

    def geen(*args, **kwargs):
        raise AssertionError("een ronde per soort")

    monkeypatch.setattr(uitvoeren, "soorten", geen)
    documenten = [Document(soort="socialreturn-brief", formaat=f, pad=f"b/x.{f}", sha256="a",
                           aanbieder="x", versie="v") for f in ("docx", "md")]
    assert uitvoeren._bundels(documenten, None, None, set()) == (documenten, [])  # type: ignore[arg-type]
    # a bundle left in the manifest (of a run with pdfs) still takes the usual way: it goes
    bundel = Document(soort="socialreturn-brief", formaat="docx", pad="b/alle.pdf",
                      sha256="b", aanbieder=None, versie="v", bundel=True)
    with pytest.raises(AttributeError):  # (the usual way needs the plan)
        uitvoeren._bundels([*documenten, bundel], None, None, set())  # type: ignore[arg-type]
