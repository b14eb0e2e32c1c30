"""An unchanged rerun of `genereer` on a region folder decides from a fingerprint (sizes, times,
inodes; `opdrachten.snelpad`) before loading the profile. Every kind of change is noticed, and
then the run does exactly what the usual way does: the same result, the same files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from contracten import InvoerFout, genereer, laad_regio, markeer_definitief
from contracten.opdrachten import snelpad
from contracten.pijplijn import plan
from contracten.pijplijn.resultaat import OngewijzigdResultaat, Resultaat
from contracten.uitvoer import kenmerken

from .conftest import ASSEN_DATUM, ROOT, voer_uit
from .test_opstarten import ZWAAR

BEIDE = (kenmerken.BESTAND, kenmerken.AANVULLING, snelpad.BESTAND)  # caches, not what a run makes


def _run(regios: Path, uitvoer: Path, **opties: object) -> Resultaat:
    # A file changed just now is trusted a tick of the clock later (vingerafdruk.MARGE_NS).
    time.sleep(0.03)
    opties.setdefault("datum", ASSEN_DATUM)
    return genereer(regios, "assen", uitvoer=uitvoer, **opties)  # type: ignore[arg-type]


def _snel(resultaat: Resultaat) -> bool:
    return isinstance(resultaat, OngewijzigdResultaat)


def _boom(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*"))
            if p.is_file() and p.name not in BEIDE and not p.name.endswith(".slot")}


def _samen(resultaat: Resultaat) -> tuple[object, ...]:
    return (resultaat.geschreven, resultaat.ongewijzigd, resultaat.verwijderd,
            resultaat.naast_definitief, resultaat.waarschuwingen,
            resultaat.manifest_als_json())


@pytest.fixture
def gegenereerd(regios: Path, tmp_path: Path) -> Path:
    """Assen made from its folder, and an unchanged rerun that took the fast path."""
    uitvoer = tmp_path / "uit"
    assert _run(regios, uitvoer).geschreven
    assert _snel(_run(regios, uitvoer))
    return uitvoer


def test_de_snelle_weg_geeft_wat_de_gewone_geeft(regios, gegenereerd, monkeypatch):
    gewoon = genereer(laad_regio(regios, "assen"), uitvoer=gegenereerd, datum=ASSEN_DATUM)
    voor = _boom(gegenereerd)
    monkeypatch.setattr("contracten.profiel.laden.laad_regio", None)  # never loaded
    snel = _run(regios, gegenereerd)
    assert _snel(snel)
    assert _samen(snel) == _samen(gewoon)
    assert snel.map == gewoon.map
    assert snel.manifest.als_json() == gewoon.manifest.als_json()  # read when asked for
    assert _boom(gegenereerd) == voor


def _zelfde_grootte(regios: Path, uitvoer: Path) -> None:
    pad = regios / "assen" / "aanbieders.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert '"0592 700 101"' in tekst
    pad.write_text(tekst.replace('"0592 700 101"', '"0592 700 109"'), encoding="utf-8")


def _nieuw_tarief(regios: Path, uitvoer: Path) -> None:
    tarieven = regios / "assen" / "tarieven"
    tekst = (tarieven / "2025.yaml").read_text(encoding="utf-8")
    (tarieven / "2026.yaml").write_text(tekst.replace("prijspeil: 2025", "prijspeil: 2026")
                                        .replace("ingangsdatum: 2025", "ingangsdatum: 2026"),
                                        encoding="utf-8")


def _verwijderd(regios: Path, uitvoer: Path) -> None:
    (uitvoer / "assen" / "2025" / "programma-van-eisen.docx").unlink()


def _met_de_hand(regios: Path, uitvoer: Path) -> None:
    pad = uitvoer / "assen" / "2025" / "programma-van-eisen.md"
    pad.write_bytes(pad.read_bytes().replace(b"a", b"b", 1))  # same size


def _geen_record_van_groottes(regios: Path, uitvoer: Path) -> None:
    (uitvoer / "assen" / kenmerken.BESTAND).unlink()


def _halve_run(regios: Path, uitvoer: Path) -> None:
    (uitvoer / "assen" / ".contracten-2025-0badc0de").mkdir()  # staging of a killed run


WIJZIGINGEN: dict[str, Callable[[Path, Path], None]] = {
    "profiel-zelfde-grootte": _zelfde_grootte,
    "nieuw-tariefbestand": _nieuw_tarief,
    "document-verwijderd": _verwijderd,
    "document-met-de-hand": _met_de_hand,
    "record-van-groottes-weg": _geen_record_van_groottes,
    "halve-run": _halve_run,
}


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_een_wijziging_neemt_de_gewone_weg_met_dezelfde_uitkomst(regios, gegenereerd, tmp_path,
                                                                  wijziging):
    WIJZIGINGEN[wijziging](regios, gegenereerd)
    # The twin: the same folders, run the usual way (a loaded profile never takes the fast path)
    tweeling = tmp_path / "tweeling"
    shutil.copytree(regios, tweeling / "regios", symlinks=True)
    shutil.copytree(gegenereerd, tweeling / "uit", symlinks=True)
    verwacht = genereer(laad_regio(tweeling / "regios", "assen"), uitvoer=tweeling / "uit",
                        datum=ASSEN_DATUM)
    resultaat = _run(regios, gegenereerd)
    assert not _snel(resultaat)
    assert _samen(resultaat) == _samen(verwacht)
    assert _boom(gegenereerd) == _boom(tweeling / "uit")
    volgende = _run(regios, gegenereerd)
    if resultaat.waarschuwingen:  # a run that warns is not recorded; the next one is
        assert not _snel(volgende)
        assert volgende.geschreven == []
        volgende = _run(regios, gegenereerd)
    assert _snel(volgende)


@pytest.mark.parametrize("opties", [{"datum": ASSEN_DATUM.replace(day=24)},
                                    {"formaten": ("html",)}, {"soorten": ("programma-van-eisen",)},
                                    {"aanbieders": ("wonen-plus",)}])
def test_een_andere_optie_neemt_de_gewone_weg(regios, gegenereerd, opties):
    resultaat = _run(regios, gegenereerd, **opties)
    assert not _snel(resultaat)
    assert _snel(_run(regios, gegenereerd, **opties))
    assert not _snel(_run(regios, gegenereerd))  # the record holds the last options only


def test_een_gewijzigd_sjabloon_wordt_gezien(regios, tmp_path):
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    uitvoer = tmp_path / "uit"
    _run(regios, uitvoer, sjablonen=sjablonen)
    assert _snel(_run(regios, uitvoer, sjablonen=sjablonen))
    pad = sjablonen / "programma-van-eisen.docx"
    pad.write_bytes(pad.read_bytes())  # the same content, written again: looked at, not made
    resultaat = _run(regios, uitvoer, sjablonen=sjablonen)
    assert not _snel(resultaat)
    assert resultaat.geschreven == []
    with zipfile.ZipFile(pad, "a") as docx:
        docx.comment = b"nieuw"  # another file: the programma van eisen is made again
    resultaat = _run(regios, uitvoer, sjablonen=sjablonen)
    assert "programma-van-eisen.docx" in resultaat.geschreven
    assert _snel(_run(regios, uitvoer, sjablonen=sjablonen))


def test_een_ongeldig_profiel_wordt_gemeld_als_altijd(regios, gegenereerd):
    (regios / "assen" / "tarieven" / "notities.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        _run(regios, gegenereerd)
    with pytest.raises(InvoerFout) as zoals_altijd:
        laad_regio(regios, "assen")
    assert str(fout.value) == str(zoals_altijd.value)


def test_een_botsende_regionaam_wordt_gemeld(regios, gegenereerd):
    (regios / "Assen").mkdir()
    shutil.copy(regios / "assen" / "regio.yaml", regios / "Assen" / "regio.yaml")
    with pytest.raises(InvoerFout, match="naam_botsing"):
        _run(regios, gegenereerd)


def test_een_andere_versie_van_het_programma(regios, tmp_path, monkeypatch):
    code = tmp_path / "code"
    code.mkdir()
    (code / "module.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(snelpad, "CODE", str(code))
    uitvoer = tmp_path / "uit"
    _run(regios, uitvoer)
    assert _snel(_run(regios, uitvoer))
    (code / "module.py").write_text("x = 2\n", encoding="utf-8")  # same size
    assert not _snel(_run(regios, uitvoer))


def test_de_code_van_het_manifest_valt_onder_de_vingerafdruk():
    """What the manifest's code hash covers (every .py file of the package) is looked at."""
    assert str(Path(plan.__file__).resolve().parent.parent) == snelpad.CODE
    bekeken = set(snelpad.loop(snelpad.CODE))
    assert {str(p) for p in Path(snelpad.CODE).rglob("*.py") if "__pycache__" not in p.parts} \
        <= bekeken


def test_een_grenswaarde_telt_mee_en_een_ongeldige_neemt_de_gewone_weg(regios, gegenereerd,
                                                                        monkeypatch):
    monkeypatch.setenv("CONTRACTEN_MAX_WAARDEN", "3000000")
    assert not _snel(_run(regios, gegenereerd))
    assert _snel(_run(regios, gegenereerd))
    monkeypatch.setenv("CONTRACTEN_MAX_WAARDEN", "veel")  # the usual way warns about it
    assert not _snel(_run(regios, gegenereerd))
    assert not _snel(_run(regios, gegenereerd))
    monkeypatch.setenv("CONTRACTEN_MAX_WAARDEN", "3000000")
    assert not _snel(_run(regios, gegenereerd))  # the record is of the last run
    monkeypatch.setenv("CONTRACTEN_WEB_GEHEIM", "geheim")  # changes nothing genereer makes
    assert _snel(_run(regios, gegenereerd))
    monkeypatch.setenv("CONTRACTEN_IETS_ANDERS", "/een/pad")  # unknown: counts, by its hash
    assert not _snel(_run(regios, gegenereerd))
    assert _snel(_run(regios, gegenereerd))
    assert b"/een/pad" not in (gegenereerd / "assen" / snelpad.BESTAND).read_bytes()


def test_een_beschadigd_record_neemt_de_gewone_weg(regios, gegenereerd):
    (gegenereerd / "assen" / snelpad.BESTAND).write_text("{kapot", encoding="utf-8")
    resultaat = _run(regios, gegenereerd)
    assert not _snel(resultaat)
    assert resultaat.geschreven == []


def test_een_geladen_profiel_neemt_altijd_de_gewone_weg(regios, gegenereerd):
    resultaat = genereer(laad_regio(regios, "assen"), uitvoer=gegenereerd, datum=ASSEN_DATUM)
    assert not _snel(resultaat)
    assert resultaat.geschreven == []


def test_json_toont_hetzelfde_manifest(regios, tmp_path):
    argumenten = ("--regios", str(regios), "genereer", "assen", "--uitvoer", str(tmp_path),
                  "--datum", ASSEN_DATUM.isoformat(), "--json")
    eerste = voer_uit(*argumenten)
    time.sleep(0.03)
    tweede = voer_uit(*argumenten)  # the record is written: this one takes the fast path
    time.sleep(0.03)
    derde = voer_uit(*argumenten)
    assert eerste.code == tweede.code == derde.code == 0
    assert eerste.stdout == tweede.stdout == derde.stdout
    assert json.loads(derde.stdout)["regio"] == "assen"


_CLI = """
import contextlib, io, json, sys
from contracten.cli import main
with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()) as uit:
    main(sys.argv[1:], prog_name="contracten")
print(json.dumps({"uit": uit.getvalue(), "modules": sorted(sys.modules)}))
"""


def _cli_als_proces(*argumenten: str) -> tuple[str, set[str]]:
    omgeving = {**os.environ,
                "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    omgeving.pop("CONTRACTEN_REGIOS", None)
    proces = subprocess.run([sys.executable, "-c", _CLI, *argumenten], capture_output=True,
                            text=True, env=omgeving, cwd=ROOT, timeout=300, check=True)
    uit = json.loads(proces.stdout.strip().splitlines()[-1])
    return uit["uit"], set(uit["modules"])


def test_de_snelle_weg_laadt_geen_profielmodellen(regios, tmp_path):
    argumenten = ("--regios", str(regios), "genereer", "assen", "--uitvoer", str(tmp_path),
                  "--datum", ASSEN_DATUM.isoformat())
    _cli_als_proces(*argumenten)
    time.sleep(0.03)
    _cli_als_proces(*argumenten)  # an unchanged run of its own: it records
    uit, modules = _cli_als_proces(*argumenten)
    assert "Niets veranderd sinds de vorige run" in uit
    assert sorted(m for m in modules if any(m == z or m.startswith(f"{z}.") for z in ZWAAR)) \
        == []
    assert "contracten.profiel.laden" not in modules
    # Nor what only other commands need: time zones (a moment shown), secrets (`web`),
    # decimal (indexeer's percentages), the other commands' own modules.
    assert not {"zoneinfo", "secrets", "decimal"} & modules
    assert {m for m in modules if m.startswith("contracten.cli.")} == {
        "contracten.cli.documenten", "contracten.cli.einde", "contracten.cli.groep",
        "contracten.cli.klok", "contracten.cli.onderbreking", "contracten.cli.opties",
        "contracten.cli.snelstart"}


def test_wat_de_vingerafdruk_bekijkt_kost_geen_inhoud(regios, gegenereerd):
    """The record names the files it looked at, never what they hold."""
    record = (gegenereerd / "assen" / snelpad.BESTAND).read_bytes()
    inhoud = (regios / "assen" / "aanbieders.yaml").read_bytes()
    assert hashlib.sha256(inhoud).hexdigest().encode() not in record
    assert b"0592 700 101" not in record


def test_definitieve_documenten_en_hun_nieuwe_versie(regios, gegenereerd, tmp_path):
    """A finalised document beside which a new version is made: each run does what the usual
    way does, fast or not."""
    markeer_definitief(laad_regio(regios, "assen"), uitvoer=gegenereerd, datum=ASSEN_DATUM,
                       ook_voorbeelden=True, ook_samenvattingen=True)
    assert not _snel(_run(regios, gegenereerd))  # definitief.json is new
    pad = regios / "assen" / "regio.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("naam: Regio Assen",
                                                           "naam: Regio Asses", 1),
                   encoding="utf-8")
    for ronde in range(3):
        tweeling = tmp_path / f"tweeling-{ronde}"
        shutil.copytree(regios, tweeling / "regios", symlinks=True)
        shutil.copytree(gegenereerd, tweeling / "uit", symlinks=True)
        verwacht = genereer(laad_regio(tweeling / "regios", "assen"),
                            uitvoer=tweeling / "uit", datum=ASSEN_DATUM)
        resultaat = _run(regios, gegenereerd)
        assert _samen(resultaat) == _samen(verwacht)
        assert _boom(gegenereerd) == _boom(tweeling / "uit")
    assert resultaat.naast_definitief == [] or not _snel(resultaat)
