"""The main process of a large run must not hold, at its commit, something the size of the whole
run several times over: measured with tracemalloc's peak (never the clock) at two sizes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tracemalloc
from pathlib import Path

from contracten.lezen import vingerafdruk
from contracten.pijplijn.keuze import kies
from contracten.pijplijn.opties import Opties
from contracten.pijplijn.plan import maak_plan
from contracten.profiel.laden import laad_regio
from contracten.soorten import socialreturn
from contracten.soorten.register import soorten
from contracten.soorten.socialreturnrijen import overzicht_rijen
from contracten.uitvoer import kenmerken, kenmerkrecord

from .conftest import REGIOS, maak_grote_regio


def _bestanden(map_: Path, aantal: int) -> dict[str, kenmerken.Kenmerk]:
    (map_ / "r").mkdir(parents=True)
    bekend: dict[str, kenmerken.Kenmerk] = {}
    for i in range(aantal):
        pad = f"r/overeenkomst-aanbieder-{i:05d}.docx"
        (map_ / pad).write_bytes(b"")
        bekend[pad] = (i, 1_700_000_000_000_000_000 + i, 1_700_000_000_000_000_000 + i, i,
                       f"{i:064x}")
    return bekend


def _piek_van_schrijven(map_: Path, aantal: int, monkeypatch) -> int:
    """The peak of writing the record alone: which files are gone is looked up file by file
    here, as it was before `mapinhoud`, whose listing holds each file's name for a moment
    (about 150 bytes per file, freed before the writing starts)."""
    bekend = _bestanden(map_, aantal)
    monkeypatch.setattr(kenmerkrecord, "geen_bestand", lambda basis, paden: {
        pad for pad in paden if not os.path.isfile(os.path.join(basis, pad))})
    tracemalloc.start()
    try:
        voor = tracemalloc.get_traced_memory()[0]
        kenmerkrecord._schrijf(map_ / "r" / kenmerken.BESTAND, map_, bekend)
        return tracemalloc.get_traced_memory()[1] - voor
    finally:
        tracemalloc.stop()


def test_het_kenmerkenrecord_wordt_in_stukken_geschreven(tmp_path, monkeypatch):
    """Writing the record of 8,000 files takes no more memory than of 1,000: written entry by
    entry, not as one text of every file (with every entry copied into a list for it), which at
    20,000 aanbieders made the record's rewrite the main process's largest moment."""
    klein = _piek_van_schrijven(tmp_path / "klein", 1000, monkeypatch)
    groot = _piek_van_schrijven(tmp_path / "groot", 8000, monkeypatch)
    assert groot < 1.5 * klein, (klein, groot)
    # and the record is what it was: one JSON object of every file still there
    data = json.loads((tmp_path / "groot" / "r" / kenmerken.BESTAND).read_bytes())
    assert data["versie"] == kenmerken.VERSIE and len(data["bestanden"]) == 8000


def test_het_record_in_stukken_is_byte_voor_byte_het_oude(tmp_path):
    """The same bytes as one `json.dumps` of the whole record, with a file that is gone left
    out and a name outside ASCII."""
    bekend = _bestanden(tmp_path, 2500)
    (tmp_path / "r" / "één.docx").write_bytes(b"")
    bekend["r/één.docx"] = (1, 2, 3, 4, "a" * 64)
    bekend["r/weg.docx"] = (1, 2, 3, 4, "b" * 64)
    kenmerkrecord._schrijf(tmp_path / "r" / kenmerken.BESTAND, tmp_path, bekend)
    del bekend["r/weg.docx"]
    verwacht = json.dumps({"versie": kenmerken.VERSIE,
                           "bestanden": {k: list(v) for k, v in bekend.items()}},
                          separators=(",", ":")).encode("utf-8")
    assert (tmp_path / "r" / kenmerken.BESTAND).read_bytes() == verwacht


def _tijdelijk_bij_plannen(regios: Path, naam: str, aantal: int) -> int:
    """What planning a full run of a region of `aantal` aanbieders takes beyond the plan it
    keeps (tracemalloc's peak less what is still held after it)."""
    maak_grote_regio(regios, naam, aantal)
    profiel = laad_regio(regios, naam)
    keuze = kies(profiel, opdracht="genereer", prijspeil=None, soorten=(), aanbieders=(),
                 percelen=())
    opties = Opties(profiel, keuze.soorten, keuze.contracten, keuze.prijspeil,
                    doel=regios / "uit", datum=dt.date(2026, 11, 23), volledig=keuze.volledig)
    maak_plan(opties)  # what is made once per process (the code's hash) does not count
    tracemalloc.start()
    try:
        plan = maak_plan(opties)
        gehouden, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(plan.taken) > aantal
    return piek - gehouden


def test_plannen_houdt_niet_alle_aanbieders_tegelijk_vast(tmp_path):
    """Planning 1,200 aanbieders against 300: beyond the tasks it keeps, what it holds for a
    moment grows by well under 1.5 KB per aanbieder. Before, every aanbieder's JSON was held
    for all kinds at once and the overview's kenmerk was one text of every row (with every row
    made at once): some 3 KB per aanbieder, the planning's peak at 20,000 aanbieders."""
    klein = _tijdelijk_bij_plannen(tmp_path, "klein", 300)
    groot = _tijdelijk_bij_plannen(tmp_path, "groot", 1200)
    assert (groot - klein) / 900 < 1500, (klein, groot)


def test_het_kenmerk_van_het_overzicht_is_de_hash_van_alles_wat_het_toont():
    """Taken a contract at a time, the overview's kenmerk is the sha256 of the repr of each
    row of its Word document beside its row of the workbook, then of the rest of its context
    (but for what regio.yaml and programma.yaml give)."""
    profiel = laad_regio(REGIOS, "assen")
    prijspeil = profiel.laatste_prijspeil()
    context = socialreturn.overzicht_context(profiel, prijspeil, "")
    rijen = list(context["aanbieders"])
    werkmap = list(overzicht_rijen(profiel))
    assert len(rijen) == len(werkmap) == len(profiel.contracten) > 1
    verwacht = hashlib.sha256()
    for rij, werkmaprij in zip(rijen, werkmap, strict=True):
        verwacht.update(repr((rij, werkmaprij)).encode())
    verwacht.update(repr([(k, v) for k, v in context.items()
                          if k not in ("regio", "aanbesteding", "programma", "aanbieders")]
                         ).encode())
    kenmerk = soorten()["socialreturn-overzicht"].kenmerk_alle(profiel, prijspeil)
    assert kenmerk == verwacht.hexdigest()


def _piek_van_afdruk(map_: Path, aantal: int) -> int:
    paden = [str(map_ / pad) for pad in _bestanden(map_, aantal)]
    tracemalloc.start()
    try:
        voor = tracemalloc.get_traced_memory()[0]
        vingerafdruk.afdruk(paden)
        return tracemalloc.get_traced_memory()[1] - voor
    finally:
        tracemalloc.stop()


def test_de_vingerafdruk_van_de_uitvoer_houdt_niet_elk_bestand_vast(tmp_path):
    """The fingerprint of 8,000 files takes no more memory than of 1,000 (the states and their
    text taken a thousand at a time), where the output of 20,000 aanbieders made it the main
    process's largest moment."""
    klein = _piek_van_afdruk(tmp_path / "klein", 1000)
    groot = _piek_van_afdruk(tmp_path / "groot", 8000)
    assert groot < 1.5 * klein, (klein, groot)


def test_de_vingerafdruk_in_stukken_is_de_oude(tmp_path):
    """Still the sha256 of the repr of the list of all states (a missing path as None): a
    fingerprint recorded by an earlier run stays valid."""
    paden = [str(tmp_path / pad) for pad in _bestanden(tmp_path, 2500)]
    paden.insert(1234, str(tmp_path / "bestaat-niet"))
    staten = [vingerafdruk._staat(pad) for pad in paden]
    assert vingerafdruk.afdruk(paden) == vingerafdruk.afdruk(paden, per=7)
    assert vingerafdruk.afdruk(paden)[0] == hashlib.sha256(repr(staten).encode()).hexdigest()
    assert vingerafdruk.afdruk([])[0] == hashlib.sha256(b"[]").hexdigest()
