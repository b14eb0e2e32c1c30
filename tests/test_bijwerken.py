"""The profile format: an older profile keeps working as it is, `contracten bijwerken` rewrites
it to the current format (diff first, comments and order kept), and a profile of a newer
format is refused with the file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import contracten
from contracten.profiel.formaat import FORMAAT, regio_naar_huidig

from .conftest import voer_uit


def _md(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(map_.rglob("*.md"))}


def test_bijwerken_toont_eerst_het_verschil_en_schrijft_pas_na_bevestiging(regios):
    pad = regios / "assen/regio.yaml"
    voor = pad.read_text(encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "bijwerken", "assen")
    assert uit.code == 0, uit.stderr
    assert "-  perceel: Wmo Verblijf\n" in uit.stdout
    assert "+  percelen:\n+    - nummer: 1\n+      naam: Wmo Verblijf\n" in uit.stdout
    assert f"+formaat: {FORMAAT}" in uit.stdout
    assert "Niets geschreven; bevestig met --ja" in uit.stdout
    assert pad.read_text(encoding="utf-8") == voor


def test_bijwerken_houdt_opmerkingen_en_volgorde_en_verandert_geen_document(regios, tmp_path):
    pad = regios / "assen/regio.yaml"
    voor = pad.read_text(encoding="utf-8")
    datum = ["--datum", "2026-01-05"]
    assert voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer",
                    str(tmp_path / "voor"), *datum).code == 0
    uit = voer_uit("--regios", str(regios), "bijwerken", "assen", "--ja")
    assert uit.code == 0, uit.stderr
    assert "bijgewerkt:" in uit.stdout
    na = pad.read_text(encoding="utf-8")
    # Every line but the perceel is still there, in the same order; comments included.
    oude_regels = [r for r in voor.splitlines() if "perceel: Wmo Verblijf" not in r]
    nieuwe_regels = [r for r in na.splitlines()
                     if not r.startswith("formaat:") and "percelen:" not in r
                     and "- nummer: 1" not in r and "naam: Wmo Verblijf" not in r]
    assert nieuwe_regels == oude_regels
    assert na.startswith("# Regio Assen")
    profiel = contracten.laad_regio(regios, "assen")
    assert profiel.regio.formaat == FORMAAT
    assert [(p.nummer, p.naam) for p in profiel.percelen] == [(1, "Wmo Verblijf")]
    assert voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer",
                    str(tmp_path / "na"), *datum).code == 0
    assert _md(tmp_path / "voor/assen/2025") == _md(tmp_path / "na/assen/2025")
    tweede = voer_uit("--regios", str(regios), "bijwerken", "assen", "--ja")
    assert tweede.code == 0 and "al formaat 2" in tweede.stdout
    assert pad.read_text(encoding="utf-8") == na


def test_een_opmerking_bij_het_perceel_blijft_bij_zijn_naam():
    tekst = ("naam: X\naanbesteding:\n  titel: T\n  perceel: Wmo  # zoals de bron het noemt\n"
             "  datum: 2026-01-01\nregels:\n  socialreturn: null\n")
    omzetting = regio_naar_huidig(tekst)
    assert omzetting is not None
    assert re.search(r"\n      naam: Wmo +# zoals de bron het noemt\n", omzetting.nieuw)
    assert "  socialreturn: null\n" in omzetting.nieuw  # an explicit null stays written
    assert regio_naar_huidig(omzetting.nieuw) is None  # current already: nothing to do


def test_een_nieuwer_formaat_wordt_geweigerd_met_bestand_regel_en_veld(regios):
    pad = regios / "assen/regio.yaml"
    pad.write_text(f"formaat: {FORMAAT + 1}\n" + pad.read_text(encoding="utf-8"),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    regel = next(r for r in uit.stderr.splitlines() if "[formaat_te_nieuw]" in r)
    assert "assen/regio.yaml:1: formaat:" in regel
    assert "nieuwere versie van contracten" in regel
