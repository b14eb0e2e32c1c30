"""What grows with the region while the workers run (issue 31: memory flat to 20,000 aanbieders):
the main process keeps one small row per made document, not its manifest entries, and the
overview's worker makes its rows as the template goes through them. Measured with tracemalloc
(never the clock), and each checked to give exactly what the whole way gave."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from contracten.pijplijn.plan import Taak
from contracten.pijplijn.verzameld import Verzameling
from contracten.pijplijn.werk import Bestand, Gemaakt
from contracten.privacy import versiecode
from contracten.profiel.laden import laad_regio
from contracten.soorten import socialreturn
from contracten.soorten.socialreturnrijen import Rijen, per_contract
from contracten.uitvoer import definitief
from contracten.uitvoer.manifest import Document, Herkomst
from contracten.uitvoer.map import Uitvoermap, sha256

from .conftest import REGIOS, maak_grote_regio

ARTIKELEN = (("Artikel 1 Begrippen", "sjablonen/overeenkomst.docx", ("regio.yaml: naam",)),)


def _gemaakt(i: int, extra: bool = False) -> Gemaakt:
    pad = f"overeenkomsten/aanbieder-{i:05d}"
    formaten = ["docx", "md", *(["machine.csv"] if extra else [])]
    return Gemaakt(Taak("overeenkomst", f"a{i}", pad, sha256(f"invoer {i}".encode()),
                        f"a{i}", None),
                   [Bestand(f, f"{pad}.{f}", sha256(f"{i} {f}".encode())) for f in formaten],
                   ARTIKELEN, ["Artikel 1 Begrippen"], i % 3)


def _zoals_voorheen(gemaakt: Gemaakt, naast: bool) -> list[Document]:
    """A made document's manifest entries as the main process made them at once before."""
    taak = gemaakt.taak
    versie = versiecode(taak.invoerhash)
    return [Document(soort=taak.soort, formaat=b.formaat,
                     pad=definitief.naast(b.pad, versie) if naast else b.pad, sha256=b.sha256,
                     aanbieder=taak.aanbieder, perceel=taak.perceel, versie=versie,
                     invoerhash=taak.invoerhash,
                     naast_definitief=f"{taak.pad}.docx" if naast else None,
                     samenvattingen=(gemaakt.samenvattingen or None)
                     if b.formaat == "docx" else None,
                     voorbeelden=gemaakt.voorbeelden if b.formaat == "docx" else None)
            for b in gemaakt.bestanden]


def test_de_verzameling_geeft_de_regels_die_het_hoofdproces_vroeger_meteen_maakte(tmp_path):
    """The same entries, in the same order, with the articles per .docx and a finalised
    document whose new text differs moved beside it (all its formats)."""
    gemaakte = [_gemaakt(i, extra=i == 2) for i in range(5)]
    getekend = gemaakte[3]
    register = {f"{getekend.taak.pad}.docx": {"sha256": "anders", "datum": "2026-01-01"}}
    with Uitvoermap(tmp_path / "uit") as map_:
        for gemaakt in gemaakte:
            for b in gemaakt.bestanden:
                map_.plek(b.pad).write_bytes(b.pad.encode())
        verzameling = Verzameling(register, map_)
        for gemaakt in gemaakte:
            verzameling.voeg_toe(gemaakt)
        nieuw, artikelen, naast = verzameling.documenten()
        versie = versiecode(getekend.taak.invoerhash)
        for b in getekend.bestanden:  # moved beside the finalised one at once
            assert not map_.plek(b.pad).exists()
            assert map_.plek(definitief.naast(b.pad, versie)).read_bytes() == b.pad.encode()
    assert nieuw == [d for g in gemaakte for d in _zoals_voorheen(g, g is getekend)]
    herkomst = [Herkomst(kop=k, sjabloon=s, velden=list(v)) for k, s, v in ARTIKELEN]
    assert artikelen == {d.pad: herkomst for d in nieuw if d.formaat == "docx"}
    assert naast == [f"{getekend.taak.pad}.docx"]
    assert len(verzameling) == 0  # handed over


def _gehouden_per_document(tmp_path: Path, aantal: int) -> float:
    gemaakte = [_gemaakt(i) for i in range(aantal)]
    with Uitvoermap(tmp_path / f"uit-{aantal}") as map_:
        verzameling = Verzameling({}, map_)
        verzameling.voeg_toe(gemaakte[0])  # what is shared by all is made once
        tracemalloc.start()
        try:
            voor = tracemalloc.get_traced_memory()[0]
            for gemaakt in gemaakte[1:]:
                verzameling.voeg_toe(gemaakt)
            return (tracemalloc.get_traced_memory()[0] - voor) / (aantal - 1)
        finally:
            tracemalloc.stop()


def test_het_hoofdproces_houdt_per_gemaakt_document_een_kleine_rij(tmp_path):
    """A document of two files costs the main process a few hundred bytes while the workers
    run (its task is held anyway), not two manifest entries with path, hash and version as
    text (some 900 bytes)."""
    assert _gehouden_per_document(tmp_path, 2000) < 300


def test_de_rijen_van_het_overzicht_zijn_die_van_de_hele_lijst():
    profiel = laad_regio(REGIOS, "assen")
    context = socialreturn.overzicht_context(profiel, profiel.laatste_prijspeil(), "x")
    rijen = context["aanbieders"]
    regel = profiel.regio.regels.socialreturn
    lijst = [socialreturn._overzicht_rij(regel, c, v) for c, v in per_contract(profiel)]
    assert isinstance(rijen, Rijen) and len(rijen) == len(lijst) == len(profiel.contracten)
    assert list(rijen) == lijst and rijen == lijst and repr(rijen) == repr(lijst)
    assert rijen[3] == lijst[3] and rijen[-1] == lijst[-1] and rijen[2:5] == lijst[2:5]
    assert any(r["bedrag"] for r in lijst) and any(r["per_jaar"] for r in lijst)


def _piek_van_de_context(regios: Path, naam: str, aantal: int) -> int:
    maak_grote_regio(regios, naam, aantal)
    profiel = laad_regio(regios, naam)
    prijspeil = profiel.laatste_prijspeil()
    socialreturn.overzicht_context(profiel, prijspeil, "x")  # what is made once per profile
    tracemalloc.start()
    try:
        context = socialreturn.overzicht_context(profiel, prijspeil, "x")
        gehouden, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(context["aanbieders"]) == aantal
    return max(piek, gehouden)


def test_de_context_van_het_overzicht_houdt_niet_elke_rij_vast(tmp_path):
    """The overview's context of 1,200 aanbieders takes hardly more than of 300: before, it held
    every row (with its formatted amounts) and every obligation, some 1.5 KB per aanbieder."""
    klein = _piek_van_de_context(tmp_path, "klein", 300)
    groot = _piek_van_de_context(tmp_path, "groot", 1200)
    assert (groot - klein) / 900 < 200, (klein, groot)


def test_een_werkproces_houdt_alleen_het_sjabloon_van_zijn_huidige_soort_vast(tmp_path):
    """Tasks come kind by kind: once a process moves on to the next template, the prepared
    template (with its block memory) of the one before is let go, and the documents are what
    a process that kept every template makes."""
    import datetime as dt
    import gc
    import weakref

    from contracten.pijplijn.keuze import kies
    from contracten.pijplijn.opties import Opties
    from contracten.pijplijn.plan import maak_plan
    from contracten.pijplijn.werk import Werk

    profiel = laad_regio(REGIOS, "assen")
    keuze = kies(profiel, opdracht="genereer", prijspeil=None, soorten=(), aanbieders=(),
                 percelen=())
    plan = maak_plan(Opties(profiel, keuze.soorten, keuze.contracten, keuze.prijspeil,
                            doel=tmp_path / "uit", datum=dt.date(2026, 11, 23)))
    eerste = {}  # per kind its first two tasks
    for taak in plan.taken:
        if taak.contract is not None and len(eerste.setdefault(taak.soort, [])) < 2:
            eerste[taak.soort].append(taak)
    soorten = list(eerste)[:2]
    assert len(soorten) == 2, soorten
    taken = eerste[soorten[0]] + eerste[soorten[1]]

    def werk(staging: Path) -> Werk:
        return Werk(profiel, plan.prijspeil, plan.sjablonen, plan.uitvoering, plan.formaten,
                    staging)

    een = werk(tmp_path / "een")
    gemaakt, motoren = [], []
    for taak in taken:
        gemaakt.append(een.maak(taak))
        motoren += [weakref.ref(m) for m in een._motor.values()]
    gc.collect()
    assert len(een._motor) == 1 and motoren[0]() is None  # the first kind's template is gone
    # the same bytes as a process that makes each document afresh
    for taak, g in zip(taken, gemaakt, strict=True):
        los = werk(tmp_path / "los").maak(taak)
        assert [b.sha256 for b in g.bestanden] == [b.sha256 for b in los.bestanden]


def _rss_kb() -> int:
    import re

    status = Path("/proc/self/status").read_text()
    gevonden = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    assert gevonden is not None
    return int(gevonden.group(1))


def test_vrijgeven_geeft_het_vrije_geheugen_van_de_c_bibliotheek_terug():
    """After a large passing allocation (as pickling the Werk) the C library keeps the freed
    heap; `geef_vrij` returns it to the system. Each piece is larger than Python's own small
    objects, so it comes from the C library's heap; the last one stays, so the heap's top is
    in use and the C library cannot give the rest back by itself."""
    import pytest

    from contracten.pijplijn import vrijgeven

    if vrijgeven._malloc_trim() is None:
        pytest.skip("alleen met de C-bibliotheek van GNU (Linux): elders doet geef_vrij niets")
    stukken = [bytearray(4000) for _ in range(40_000)]  # some 160 MB
    laatste = stukken[-1]
    del stukken
    voor = _rss_kb()
    vrijgeven.geef_vrij()
    assert voor - _rss_kb() > 50_000, (voor, _rss_kb())
    assert len(laatste) == 4000


def test_vrijgeven_doet_niets_waar_de_c_bibliotheek_het_niet_kent(monkeypatch):
    from contracten.pijplijn import vrijgeven

    vrijgeven._malloc_trim.cache_clear()
    monkeypatch.setattr(vrijgeven.sys, "platform", "darwin")
    try:
        assert vrijgeven._malloc_trim() is None
        vrijgeven.geef_vrij()  # no error
    finally:
        vrijgeven._malloc_trim.cache_clear()


def test_bij_een_nieuwe_soort_gaat_het_vorige_sjabloon_terug_naar_het_systeem(tmp_path,
                                                                             monkeypatch):
    """Moving on to the next kind, a process lets go of the template before at once (also
    what is held in cycles) and gives what it took back to the system (malloc_trim), once
    per kind, not per document."""
    import datetime as dt
    import weakref

    from contracten.pijplijn import werk as werkmodule
    from contracten.pijplijn.keuze import kies
    from contracten.pijplijn.opties import Opties
    from contracten.pijplijn.plan import maak_plan

    profiel = laad_regio(REGIOS, "assen")
    keuze = kies(profiel, opdracht="genereer", prijspeil=None, soorten=(), aanbieders=(),
                 percelen=())
    plan = maak_plan(Opties(profiel, keuze.soorten, keuze.contracten, keuze.prijspeil,
                            doel=tmp_path / "uit", datum=dt.date(2026, 11, 23)))
    per_soort: dict[str, list] = {}
    for taak in plan.taken:
        if taak.contract is not None and len(per_soort.setdefault(taak.soort, [])) < 2:
            per_soort[taak.soort].append(taak)
    a, b = list(per_soort)[:2]
    vrijgegeven: list[int] = []
    werk = werkmodule.Werk(profiel, plan.prijspeil, plan.sjablonen, plan.uitvoering,
                           plan.formaten, tmp_path / "staging")
    monkeypatch.setattr(werkmodule, "geef_vrij", lambda: vrijgegeven.append(len(werk._motor)))
    for taak in per_soort[a]:
        werk.maak(taak)
    vorige = [weakref.ref(m) for m in werk._motor.values()]
    assert vrijgegeven == []  # the first template: nothing to give back yet
    for taak in per_soort[b]:
        werk.maak(taak)
    assert vrijgegeven == [0] and vorige[0]() is None
