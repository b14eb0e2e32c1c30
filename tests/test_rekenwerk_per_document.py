"""What a run does once instead of per document must give the bytes the plain way gives: the
articles of the overeenkomst built for an earlier aanbieder (`soorten.opbouwgeheugen`), and the
articles and summaries a worker process does not send again (`pijplijn.werkproces`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contracten import genereer, laad_regio
from contracten.soorten import contractopbouw, opbouwgeheugen
from contracten.soorten.contractwaarden import contractwaarden
from contracten.soorten.opbouwgeheugen import Opbouwgeheugen, onthouden

from .conftest import ASSEN_DATUM, REGIOS, maak_grote_regio


def _bestanden(map_: Path) -> dict[str, bytes]:
    """Every file of the output but the tool's hidden helpers (with inodes and times)."""
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*"))
            if p.is_file() and not p.name.startswith(".contracten-")}


@pytest.mark.parametrize("naam", ["assen", "amersfoort", "hoogeveld"])
def test_artikelen_uit_het_geheugen_geven_dezelfde_bytes(naam, tmp_path, monkeypatch):
    regio = laad_regio(REGIOS, naam)
    gebruikt: list[int] = []
    bouwsel = Opbouwgeheugen.bouwsel

    def geteld(self, *args, **kwargs):
        gebruikt.append(1)
        return bouwsel(self, *args, **kwargs)

    monkeypatch.setattr(Opbouwgeheugen, "bouwsel", geteld)
    genereer(regio, uitvoer=tmp_path / "geheugen", datum=ASSEN_DATUM, processen=1)
    monkeypatch.setattr(opbouwgeheugen, "huidig", lambda: None)  # the plain way
    genereer(regio, uitvoer=tmp_path / "gewoon", datum=ASSEN_DATUM, processen=1)
    if regio.overeenkomst is not None:
        assert gebruikt, "het geheugen van de artikelen is niet gebruikt"
    met, zonder = _bestanden(tmp_path / "geheugen"), _bestanden(tmp_path / "gewoon")
    assert met.keys() == zonder.keys()
    assert [p for p in met if met[p] != zonder[p]] == []


def _opbouw_van(regio, waarden: dict[str, str], geheugen: Opbouwgeheugen | None):
    contract = regio.contracten[0]
    keuzes, bibliotheek = regio.overeenkomst, regio.bibliotheek
    if geheugen is None:
        return contractopbouw.bouw(contract.perceel, keuzes, bibliotheek, waarden, [])
    with onthouden(geheugen):
        return contractopbouw.bouw(contract.perceel, keuzes, bibliotheek, waarden, [])


def _gelijk(a, b) -> bool:
    return (a.blokken, a.ontbreekt, a.samenvattingen, list(a.leden.items())) == \
        (b.blokken, b.ontbreekt, b.samenvattingen, list(b.leden.items()))


def test_een_waarde_die_een_aanbieder_anders_heeft_bouwt_het_artikel_opnieuw():
    """Articles built for one aanbieder come from memory for the next, but an article that
    reads a value the next one has otherwise (here one deep in Deel 3, which every other
    aanbieder shares) is built again: with the memory the same as without."""
    regio = laad_regio(REGIOS, "assen")
    waarden = contractwaarden(regio, regio.overeenkomst, regio.contracten[0]).waarden
    # A value an article of Deel 1 reads (1.9, social return), not Partijen.
    gedeeld = "socialreturn_drempel"
    assert any(waarden[gedeeld] in b.get("tekst", "")
               for b in _opbouw_van(regio, waarden, None).blokken[40:])
    anders = dict(waarden, **{gedeeld: "€ 999.999,00"})
    geheugen = Opbouwgeheugen()
    eerste = _opbouw_van(regio, waarden, geheugen)
    tweede = _opbouw_van(regio, anders, geheugen)
    derde = _opbouw_van(regio, waarden, geheugen)  # the first again: from memory
    assert _gelijk(eerste, _opbouw_van(regio, waarden, None))
    assert _gelijk(tweede, _opbouw_van(regio, anders, None))
    assert _gelijk(derde, eerste)
    assert any("€ 999.999,00" in b.get("tekst", "") for b in tweede.blokken[40:])
    assert not any("€ 999.999,00" in b.get("tekst", "") for b in derde.blokken)


def test_een_waarde_die_eerst_ontbrak_en_dan_bestaat():
    """A blank without a value the first time (named as missing), with one the next: the
    article is built again, and a blank missing again is named again."""
    regio = laad_regio(REGIOS, "assen")
    waarden = contractwaarden(regio, regio.overeenkomst, regio.contracten[0]).waarden
    naam = next(n for n in waarden if n != "opdrachtnemer"
                and _opbouw_van(regio, {k: v for k, v in waarden.items() if k != n},
                                None).ontbreekt)
    zonder = {k: v for k, v in waarden.items() if k != naam}
    geheugen = Opbouwgeheugen()
    for w in (zonder, waarden, zonder, waarden):
        assert _gelijk(_opbouw_van(regio, w, geheugen), _opbouw_van(regio, w, None))
    assert _opbouw_van(regio, zonder, geheugen).ontbreekt
    assert not _opbouw_van(regio, waarden, geheugen).ontbreekt


def test_zonder_run_wordt_niets_onthouden():
    regio = laad_regio(REGIOS, "assen")
    waarden = contractwaarden(regio, regio.overeenkomst, regio.contracten[0]).waarden
    assert opbouwgeheugen.huidig() is None
    a, b = _opbouw_van(regio, waarden, None), _opbouw_van(regio, waarden, None)
    assert _gelijk(a, b) and a.blokken[0] is not b.blokken[0]


def _regio_met(regios: Path, aantal: int) -> None:
    """regios/veel: Assen with its aanbieders copied to `aantal`, each unique
    (`maak_grote_regio`); the last one with a turnover of its own."""
    pad = maak_grote_regio(regios, "veel", aantal) / "aanbieders.yaml"
    kop, laatste = pad.read_text(encoding="utf-8").rsplit("\n  - id: ", 1)
    laatste, gevonden = re.subn(r"jaaromzet: [\d.]+", "jaaromzet: 123456.78", laatste)
    assert gevonden
    pad.write_text(f"{kop}\n  - id: {laatste}", encoding="utf-8")


def test_werkprocessen_geven_dezelfde_bytes_als_een_proces(tmp_path):
    """Enough documents for a pool of two: what the workers send back (the articles of each
    document only when they differ from what they sent last) makes the same manifest and
    documents as one process making them all."""
    _regio_met(tmp_path / "regios", 16)
    regio = laad_regio(tmp_path / "regios", "veel")
    genereer(regio, uitvoer=tmp_path / "pool", datum=ASSEN_DATUM, processen=2)
    genereer(regio, uitvoer=tmp_path / "een", datum=ASSEN_DATUM, processen=1)
    pool, een = _bestanden(tmp_path / "pool"), _bestanden(tmp_path / "een")
    assert sum(p.endswith(".docx") for p in pool) >= 24  # the pool was used (werk.DREMPEL)
    assert pool.keys() == een.keys()
    assert [p for p in pool if pool[p] != een[p]] == []


def test_wat_een_werkproces_niet_opnieuw_stuurt_wordt_weer_aangevuld(monkeypatch):
    """Two workers, documents of two kinds, articles that change now and then: every document
    read back has its own articles and summaries, and what did not change was not sent."""
    from contracten.pijplijn import werkproces
    from contracten.pijplijn.plan import Taak
    from contracten.pijplijn.werk import Gemaakt

    def gemaakt(taak: Taak, artikelen: tuple, samenvattingen: list[str]) -> Gemaakt:
        return Gemaakt(taak, [], artikelen, samenvattingen, 0)

    a = (("Artikel 1", "sjablonen/x.docx", ("a.yaml",)),)
    b = (("Artikel 1", "sjablonen/x.docx", ("b.yaml",)),)
    reeks = [("brief", a, []), ("overeenkomst", a, ["1.1"]), ("brief", a, []),
             ("brief", b, []), ("overeenkomst", a, ["1.1"]), ("overeenkomst", a, ["1.2"]),
             ("brief", a, []), ("brief", a, [])]
    verwacht = {}
    for i, (soort, artikelen, samenvattingen) in enumerate(reeks):
        taak = Taak(soort, None, f"{soort}-{i}", "x")
        verwacht[taak] = gemaakt(taak, artikelen, samenvattingen)

    class Nep:
        def maak(self, taak: Taak) -> Gemaakt:
            # a fresh tuple and list each time, as a real document has
            v = verwacht[taak]
            return gemaakt(taak, tuple(list(v.artikelen)), list(v.samenvattingen))

    taken = list(verwacht)
    verzonden = []
    for werker, mijn in ((1, taken[0::2]), (2, taken[1::2])):  # each worker its own tasks
        monkeypatch.setattr(werkproces, "_WERKER", Nep())
        monkeypatch.setattr(werkproces, "_VERZONDEN", {})
        monkeypatch.setattr(werkproces.os, "getpid", lambda werker=werker: werker)
        verzonden += [werkproces.maak(t) for t in mijn]
    op_volgorde = sorted(verzonden, key=lambda r: taken.index(r[1].taak))
    assert sum(g.artikelen is werkproces.ZELFDE for _, g in op_volgorde) >= 2
    vorige: dict = {}
    terug = [werkproces.aangevuld(g, werker, vorige) for werker, g in op_volgorde]
    assert terug == [verwacht[t] for t in taken]
