"""`contracten regios` keeps each region's summary in the user's cache folder while nothing it
comes from changed (`opdrachten.samenvattingen`): an unchanged profile is not loaded again, a
changed one is, and an invalid one is reported exactly as always."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contracten import InvoerFout, laad_regio, regio_samenvatting
from contracten.opdrachten import samenvattingen

from .conftest import ROOT, voer_uit
from .test_opstarten import ZWAAR


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    map_ = tmp_path / "cache"
    monkeypatch.setenv("CONTRACTEN_CACHE", str(map_ / "contracten"))
    return map_


def _samenvatting(regios: Path, naam: str = "assen") -> dict[str, object]:
    time.sleep(0.03)  # a file changed just now is trusted a tick of the clock later
    return regio_samenvatting(regios, naam)


def _bewaard(regios: Path, naam: str = "assen") -> bool:
    return samenvattingen.Samenvattingen(regios, naam).bewaard() is not None


def test_bewaard_geeft_wat_het_profiel_geeft_zonder_het_te_laden(regios, monkeypatch, cache):
    verwacht = regio_samenvatting(laad_regio(regios, "assen"))
    assert _samenvatting(regios) == verwacht
    assert _bewaard(regios)
    monkeypatch.setattr("contracten.profiel.laden.laad_regio", None)  # never loaded
    assert _samenvatting(regios) == verwacht
    assert list((cache / "contracten" / "regios").glob("*.json"))
    assert not [p for p in regios.rglob("*") if "cache" in p.name or p.suffix == ".json"]


def test_een_bestand_van_dezelfde_grootte_wordt_gezien(regios):
    _samenvatting(regios)
    pad = regios / "assen" / "regio.yaml"
    tekst = pad.read_text(encoding="utf-8")
    naam = regio_samenvatting(laad_regio(regios, "assen"))["naam"]
    assert isinstance(naam, str)
    nieuw = naam[:-1] + ("X" if naam[-1] != "X" else "Y")
    pad.write_text(tekst.replace(f"naam: {naam}", f"naam: {nieuw}", 1), encoding="utf-8")
    assert not _bewaard(regios)
    assert _samenvatting(regios)["naam"] == nieuw


def test_een_nieuw_tariefbestand_wordt_gezien(regios):
    _samenvatting(regios)
    tarieven = regios / "assen" / "tarieven"
    tekst = (tarieven / "2025.yaml").read_text(encoding="utf-8")
    (tarieven / "2026.yaml").write_text(tekst.replace("prijspeil: 2025", "prijspeil: 2026")
                                        .replace("ingangsdatum: 2025", "ingangsdatum: 2026"),
                                        encoding="utf-8")
    assert not _bewaard(regios)
    assert 2026 in _samenvatting(regios)["prijspeilen"]  # type: ignore[operator]


def test_een_ongeldig_profiel_wordt_gemeld_als_altijd(regios):
    _samenvatting(regios)
    (regios / "assen" / "tarieven" / "notities.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        _samenvatting(regios)
    with pytest.raises(InvoerFout) as zoals_altijd:
        laad_regio(regios, "assen")
    assert str(fout.value) == str(zoals_altijd.value)
    uitkomst = voer_uit("--regios", str(regios), "regios")
    assert uitkomst.code == 1
    assert "Regioprofiel 'assen' is ongeldig" in uitkomst.stderr
    assert "prijspeil_bestandsnaam" in uitkomst.stderr


def test_een_botsende_regionaam_wordt_gemeld(regios):
    _samenvatting(regios)
    (regios / "Assen").mkdir()
    shutil.copy(regios / "assen" / "regio.yaml", regios / "Assen" / "regio.yaml")
    with pytest.raises(InvoerFout, match="naam_botsing"):
        _samenvatting(regios)


def test_een_gewijzigde_artikelbibliotheek_wordt_gezien(regios, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "artikelen", tmp_path / "artikelen")  # the project's own library
    _samenvatting(regios)
    assert _bewaard(regios)
    pad = tmp_path / "artikelen" / "index.yaml"
    pad.write_bytes(pad.read_bytes())
    assert not _bewaard(regios)


def test_een_andere_grenswaarde_telt_mee(regios, monkeypatch):
    _samenvatting(regios)
    monkeypatch.setenv("CONTRACTEN_MAX_WAARDEN", "3000000")
    assert not _bewaard(regios)
    _samenvatting(regios)
    assert _bewaard(regios)
    monkeypatch.setenv("CONTRACTEN_MAX_WAARDEN", "veel")  # the usual way warns about it
    assert not _bewaard(regios)


def test_de_opdracht_toont_hetzelfde(regios):
    eerste = voer_uit("--regios", str(regios), "regios", "--json")
    tweede = voer_uit("--regios", str(regios), "regios", "--json")
    assert eerste.code == tweede.code == 0
    assert eerste.stdout == tweede.stdout
    assert [r["regio"] for r in json.loads(tweede.stdout)] == ["amersfoort", "assen",
                                                                "hoogeveld"]
    assert voer_uit("--regios", str(regios), "regios").stdout == \
        voer_uit("--regios", str(regios), "regios").stdout


_CLI = """
import contextlib, io, json, sys
from contracten.cli import main
with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()) as uit:
    main(sys.argv[1:], prog_name="contracten")
print(json.dumps({"uit": uit.getvalue(), "modules": sorted(sys.modules)}))
"""


def test_bewaarde_samenvattingen_laden_geen_profielmodellen(regios, cache):
    omgeving = {**os.environ, "CONTRACTEN_CACHE": str(cache / "contracten"),
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    uitkomsten = [json.loads(subprocess.run(
        [sys.executable, "-c", _CLI, "--regios", str(regios), "regios"], capture_output=True,
        text=True, env=omgeving, cwd=ROOT, timeout=300, check=True).stdout.splitlines()[-1])
        for _ in range(2)]
    assert uitkomsten[0]["uit"] == uitkomsten[1]["uit"]
    assert "assen:" in uitkomsten[1]["uit"]
    geladen = [m for m in uitkomsten[1]["modules"]
               if any(m == z or m.startswith(f"{z}.") for z in ZWAAR)]
    assert geladen == []
    assert "contracten.profiel.laden" not in uitkomsten[1]["modules"]
