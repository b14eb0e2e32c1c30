"""The README's commands work, and a region written from the README alone validates."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import shutil
from pathlib import Path

from .conftest import REGIOS, ROOT, voer_uit, voer_uit_als_proces

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_begint_met_installeren_en_testen():
    blokken = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert blokken[0].startswith("pip install -e . && contracten ")
    assert blokken[1].startswith("pip install -e '.[test]' && python -m pytest")


def test_readme_eerste_opdracht_werkt(tmp_path: Path):
    eerste = re.findall(r"```sh\n(.*?)\n```", README, re.S)[0]
    for opdracht in eerste.split(" && ")[1:]:  # the install step is what CI itself just did
        woorden = shlex.split(opdracht)
        assert woorden[0] == "contracten"
        # Run in an empty folder, so the checkout's output/ stays untouched; with a fixed date,
        # so the test does not depend on the day it runs.
        uit = voer_uit(*woorden[1:], "--datum", "2026-01-05", cwd=tmp_path,
                       env={"CONTRACTEN_REGIOS": str(REGIOS)})
        assert uit.code == 0, uit.stderr
    assert (tmp_path / "output/assen/2025/programma-van-eisen.docx").is_file()
    assert (tmp_path / "output/amersfoort/2023/manifest.json").is_file()
    assert (tmp_path / "output/hoogeveld/2026/overeenkomsten/perceel-2").is_dir()


def test_regio_uit_de_readme_valideert(tmp_path: Path):
    bestanden = re.findall(r"`regios/voorbeeld/([^`]+)`:\n\n```yaml\n(.*?)```", README, re.S)
    assert {naam for naam, _ in bestanden} == {
        "regio.yaml", "inhoud.yaml", "programma.yaml", "aanbieders.yaml", "tarieven/2027.yaml"}
    for naam, tekst in bestanden:
        pad = tmp_path / "voorbeeld" / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
    uit = voer_uit("valideer", "voorbeeld", env={"CONTRACTEN_REGIOS": str(tmp_path)})
    assert uit.code == 0, uit.stderr
    uit = voer_uit("--regios", str(tmp_path), "regios", "--json")
    assert uit.code == 0, uit.stderr
    assert json.loads(uit.stdout)[0]["bekostigingsvorm"] == "inspanningsgericht"


def test_regios_json_volgens_ontwerp():
    uit = voer_uit("regios", "--json")
    assert uit.code == 0, uit.stderr
    regios = {r["regio"]: r for r in json.loads(uit.stdout)}
    assert set(regios) == {"amersfoort", "assen", "hoogeveld"}
    assert regios["amersfoort"]["bekostigingsvorm"] == "taakgericht"
    assert regios["assen"]["bekostigingsvorm"] == "outputgericht"
    assert regios["hoogeveld"]["bekostigingsvorm"] is None  # its percelen differ
    assert regios["assen"]["prijspeilen"] == [2024, 2025]
    for regio in regios.values():
        assert set(regio) == {"regio", "naam", "bekostigingsvorm", "gemeenten", "prijspeilen",
                              "producten", "aanbieders", "percelen"}
        for perceel in regio["percelen"]:
            assert set(perceel) == {"nummer", "naam", "bekostigingsvorm", "opdrachtnemers"}
    for naam in ("assen", "amersfoort"):  # a tender of one perceel: perceel 1, every aanbieder
        [perceel] = regios[naam]["percelen"]
        assert (perceel["nummer"], perceel["bekostigingsvorm"], perceel["opdrachtnemers"]) == (
            1, regios[naam]["bekostigingsvorm"], regios[naam]["aanbieders"])
    assert regios["assen"]["percelen"][0]["naam"] == "Wmo Verblijf"
    assert [p["nummer"] for p in regios["hoogeveld"]["percelen"]] == [1, 2]
    assert len(regios["assen"]["aanbieders"]) == 14
    assert regios["amersfoort"]["aanbieders"] == ["stichting-samen-eemland"]  # one partner


def test_opdrachten_in_readme_zijn_de_opdrachten_van_help():
    uit = voer_uit("--help")
    hulp = uit.stdout.split("Opdrachten:")[1]
    in_help = set(re.findall(r"^  ([a-z]+) ", hulp, re.M))
    in_readme = set(re.findall(r"^    contracten (?:\[--regios MAP\] )?([a-z]+) ", README, re.M))
    in_readme.discard("opdracht")
    assert {"genereer", "valideer", "indexeer", "opzegging", "vergelijk"} <= in_help
    assert in_help == in_readme


def test_verkeerd_gebruik_exit_2_in_het_nederlands():
    uit = voer_uit("valideer", "--onbekend")
    assert uit.code == 2
    assert "Onbekende optie" in uit.stderr


def test_het_programma_zelf_spreekt_nederlands():
    """The console script sets up Dutch for its own process (in-process, voer_uit does that)."""
    uit = voer_uit_als_proces("valideer", "--onbekend", env={"LANGUAGE": "en"})
    assert uit.code == 2
    assert "Onbekende optie" in uit.stderr and "Gebruik: contracten valideer" in uit.stderr


def test_onbekende_regio_exit_1():
    uit = voer_uit("valideer", "utrecht")
    assert uit.code == 1
    assert "Regio 'utrecht' bestaat niet" in uit.stderr


def test_readme_noemt_elke_sjabloonvariabele():
    from contracten import laad_regio
    from contracten.opdrachten.valideer import proefprofiel
    from contracten.soorten.register import soorten
    from contracten.weergave.sjabloon import TELLERS

    gedocumenteerd: dict[str, set[str]] = {}
    for soort, variabele in re.findall(r"^\| ([a-z-]+) \| `(\w+)` \|", README, re.M):
        gedocumenteerd.setdefault(soort, set()).add(variabele)
    for regio in ("assen", "amersfoort", "hoogeveld"):
        profiel = laad_regio(REGIOS, regio)
        for naam, soort in soorten().items():
            proef_en_jaar = proefprofiel(profiel, soort)
            if proef_en_jaar is None:
                continue
            proef, jaar = proef_en_jaar
            contract, uitvoering = soort.proeven(proef, jaar, "x", dt.date(2026, 1, 1))[0]
            context = soort.context_van(proef, jaar, contract, uitvoering)
            verwacht = {*context, *TELLERS}
            assert verwacht == gedocumenteerd["alle"] | gedocumenteerd.get(naam, set()), naam


def test_wiel_bevat_de_sjablonen(tmp_path: Path):
    """A normal (non-editable) install must find its templates too."""
    import subprocess
    import sys
    import zipfile

    # Build from a copy: building writes build/ and *.egg-info/ beside the sources.
    bron = tmp_path / "bron"
    shutil.copytree(ROOT, bron, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "output", "*.egg-info", "__pycache__", ".*_cache",
        ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(bron), "-w",
                    str(tmp_path)], check=True, capture_output=True, timeout=600)
    wiel = next(tmp_path.glob("contracten-*.whl"))
    namen = zipfile.ZipFile(wiel).namelist()
    assert "contracten/sjablonen/overeenkomst.docx" in namen
    assert "contracten/sjablonen/programma-van-eisen.docx" in namen
    # … and the article library, click's Dutch catalogue and the typing marker
    bibliotheek = {n for n in namen if n.startswith("contracten/artikeldata/")}
    assert {"contracten/artikeldata/index.yaml",
            "contracten/artikeldata/3.19.yaml"} <= bibliotheek and len(bibliotheek) > 40
    assert "contracten/cli/taal/nl/LC_MESSAGES/messages.mo" in namen
    assert "contracten/py.typed" in namen


def test_voorbeeld_vanuit_python_werkt(tmp_path: Path, monkeypatch, capsys):
    sectie = README.split("## Vanuit Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", sectie, re.S).group(1)
    shutil.copytree(REGIOS, tmp_path / "regios")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md (Vanuit Python)", "exec"), {})
    uitvoer = capsys.readouterr().out
    assert "bestanden geschreven in output/assen/2025" in uitvoer
    assert (tmp_path / "output/assen/2025/manifest.json").is_file()
    assert "zorg-welzijn-de-brug" in uitvoer  # a provider obliged to social return


def test_elk_plaatje_in_de_readme_bestaat_en_elke_briefsoort_staat_erbij():
    plaatjes = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert {Path(p).stem for p in plaatjes} >= {"indexatiebrief", "tariefaddendum",
                                               "socialreturn-brief", "opzeggingsbrief"}
    for pad in plaatjes:
        bestand = ROOT / pad
        assert bestand.is_file() and bestand.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", pad
