"""The documentation site (docs/, mkdocs.yml): it builds strictly, its examples work as written,
and its references, generated from the code, leave nothing out: a profile field, a command, a
template variable or a message code without a description fails here."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REGIOS, ROOT, voer_uit

DOCS = ROOT / "docs"


def _pagina(pad: str) -> str:
    return (DOCS / pad).read_text(encoding="utf-8")


def _sitebron() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sitebron", ROOT / "scripts" / "sitebron.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitebron"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


sitebron = _sitebron()


def test_de_site_bouwt_strikt(tmp_path: Path):
    """`mkdocs build --strict`, as CI runs it: a broken link, a missing anchor or a reference
    that no longer resolves (a renamed function, command or field) fails the build."""
    pytest.importorskip("mkdocs", reason="MkDocs ontbreekt: installeer de extra 'docs' "
                        "(pip install -e '.[docs]')")
    uit = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                          str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**__import__("os").environ,
                                           "NO_MKDOCS_2_WARNING": "1"})
    assert uit.returncode == 0, uit.stderr
    site = tmp_path / "site"
    regio = (site / "regio-beheer" / "regio" / "index.html").read_text(encoding="utf-8")
    assert 'id="aanbesteding.looptijd.begin"' in regio  # one anchor per field
    overeenkomst = (site / "regio-beheer" / "overeenkomst" / "index.html").read_text("utf-8")
    assert 'id="opdrachtgever.vertegenwoordiger.mandaat"' in overeenkomst
    cli = (site / "referentie" / "opdrachtregel" / "index.html").read_text(encoding="utf-8")
    for opdracht in _opdrachten_van_help():
        assert f'id="contracten-{opdracht}"' in cli, opdracht
    assert "Usage" not in cli and "Show this message" not in cli  # Dutch, like --help
    api = (site / "referentie" / "python-api" / "index.html").read_text(encoding="utf-8")
    for pad in sitebron.publieke_namen().values():
        assert f'id="{pad}"' in api, pad
    codes = (site / "referentie" / "meldingen" / "index.html").read_text(encoding="utf-8")
    assert 'id="keuze_onvolledig"' in codes and 'id="extra_forbidden"' in codes
    assert "Eén gezag over de stappen" in (site / "changelog" / "index.html").read_text("utf-8")
    start = re.sub(r"<[^>]+>", "", (site / "index.html").read_text(encoding="utf-8"))
    assert "contracten genereer hoogeveld" in start and "--8&lt;--" not in start  # the README's


def test_elk_veld_van_elk_profielbestand_is_beschreven():
    beschreven = sitebron.lees_beschrijvingen()
    for bestand, velden in sitebron.alle_velden().items():
        paden = {v.pad for v in velden}
        assert paden, bestand
        assert paden <= set(beschreven.get(bestand, {})), (
            f"{bestand}: beschrijf in docs/regio-beheer/velden.yml: "
            f"{sorted(paden - set(beschreven.get(bestand, {})))}")
        assert set(beschreven.get(bestand, {})) <= paden, (
            f"{bestand}: bestaat niet (meer): {sorted(set(beschreven[bestand]) - paden)}")
    assert set(beschreven) == set(sitebron.profielbestanden())
    for bestand, (pagina, _) in sitebron.profielbestanden().items():
        assert f"<!-- genereer: velden {bestand} -->" in _pagina(f"regio-beheer/{pagina}.md")


def test_de_veldentabel_noemt_type_standaard_en_voorbeeld():
    tabel = sitebron.veldentabel("aanbieders.yaml")
    assert "## `aanbieders` { #aanbieders }" in tabel  # a heading per top-level field
    kvk = tabel.split('<a id="aanbieders.kvk"></a>', 1)[1].split("\n\n", 1)[0]
    assert "`KvkNummer` · verplicht · kan een voorbeeldwaarde zijn." in kvk
    assert "8 cijfers" in kvk
    aanhef = tabel.split('<a id="aanbieders.brief.aanhef"></a>', 1)[1].split("\n\n", 1)[0]
    assert 'standaard "Geachte directie,"' in aanhef
    assert 'id="aanbieders.onderaannemers.aandeel"' not in tabel  # no such field


def _opdrachten_van_help() -> set[str]:
    uit = voer_uit("--help")
    hulp = uit.stdout.split("Opdrachten:")[1]
    return set(re.findall(r"^  ([a-z]+) ", hulp, re.M))


def test_het_overzicht_van_de_opdrachten_is_dat_van_help():
    pagina = _pagina("referentie/opdrachtregel.md")
    in_overzicht = set(re.findall(r"^    contracten (?:\[--regios MAP\] )?([a-z]+) ", pagina,
                                  re.M))
    in_overzicht.discard("opdracht")
    in_help = _opdrachten_van_help()
    assert {"genereer", "valideer", "indexeer", "opzegging", "vergelijk"} <= in_help
    assert in_help == in_overzicht


def test_elke_sjabloonvariabele_is_beschreven():
    beschreven = sitebron.lees_variabelen()
    for soort, namen in sitebron.sjabloonvariabelen().items():
        assert set(namen) == set(beschreven.get(soort, {})), (
            f"{soort}: docs/sjablonen/variabelen.yml moet precies {sorted(namen)} beschrijven")
    assert all(tekst.strip() for v in beschreven.values() for tekst in v.values())


# Bracketed words in the tests that are field names in a message, not codes.
_GEEN_CODE = {"aanneemsom_per", "opzegtermijn_maanden", "nieuw_a", "num_id",
              "verwijzing_a"}  # placeholders in article texts, not codes


def test_elke_meldingscode_die_de_tests_zien_staat_in_de_referentie():
    """The codes page is made by reading the sources; every code the tests see the program
    give (`[code]` in a message, `.code == "…"`) must be found that way."""
    gevonden = set(sitebron.meldingcodes())
    gezien: set[str] = set()
    for pad in (ROOT / "tests").glob("*.py"):
        tekst = pad.read_text(encoding="utf-8")
        gezien |= set(re.findall(r"\[([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\]", tekst))
        gezien |= set(re.findall(r"code\s*==\s*\"([a-z_]+)\"", tekst))
        gezien |= set(re.findall(r"\"code\":\s*\"([a-z_]+)\"", tekst))
    assert not gezien - _GEEN_CODE - gevonden
    assert {"keuze_onvolledig", "mandaat_ontbreekt", "alleen_lezen", "versie_gewijzigd",
            "string_pattern_mismatch", "regio_onbekend", "bestand"} <= gevonden
    assert "keuze_onvolledig" in sitebron.codetabel()


def test_een_nieuwe_code_komt_vanzelf_in_de_referentie(tmp_path: Path):
    pakket = tmp_path / "contracten"
    pakket.mkdir()
    (pakket / "nieuw.py").write_text(
        "from contracten.fouten import InvoerFout, Melding\n"
        "def f(x):\n"
        "    raise InvoerFout([Melding('a.yaml', 1, 'x', f'{x} klopt niet', 'x_klopt_niet')])\n"
        "def g(bericht, code): ...\n"
        "g('iets anders gaat mis', code='anders_mis')\n", encoding="utf-8")
    codes = sitebron.meldingcodes(pakket)
    assert codes["x_klopt_niet"].berichten == ["{…} klopt niet"]
    assert "anders_mis" in codes


def _voorbeeldregios(tekst: str) -> dict[str, dict[str, str]]:
    regios: dict[str, dict[str, str]] = {}
    for regio, naam, inhoud in re.findall(r"`regios/([a-z-]+)/([^`]+)`:\n\n```yaml\n(.*?)```",
                                          tekst, re.S):
        regios.setdefault(regio, {})[naam] = inhoud
    return regios


@pytest.mark.parametrize(("pagina", "verwacht"), [
    ("regio-beheer/voorbeelden.md", {"voorbeeld": "inspanningsgericht",
                                     "voorbeeld-output": "outputgericht",
                                     "voorbeeld-taak": "taakgericht"}),
    ("regio-beheer/percelen.md", {"voorbeeld-percelen": None}),
])
def test_de_voorbeeldregios_op_de_site_valideren(tmp_path: Path, pagina: str, verwacht):
    """Each complete example region on the site, written to disk exactly as the page shows it,
    validates, and is of the bekostigingsvorm the page says."""
    regios = _voorbeeldregios(_pagina(pagina))
    assert set(regios) == set(verwacht)
    for regio, bestanden in regios.items():
        assert {"regio.yaml", "inhoud.yaml", "programma.yaml", "aanbieders.yaml"} <= set(
            bestanden), regio
        for naam, tekst in bestanden.items():
            pad = tmp_path / regio / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_text(tekst, encoding="utf-8")
    uit = voer_uit("valideer", *regios, env={"CONTRACTEN_REGIOS": str(tmp_path)})
    assert uit.code == 0, uit.stdout + uit.stderr
    uit = voer_uit("--regios", str(tmp_path), "regios", "--json")
    assert uit.code == 0, uit.stderr
    assert {r["regio"]: r["bekostigingsvorm"] for r in json.loads(uit.stdout)} == verwacht


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


def python_voorbeeld() -> str:
    """The example of the page 'Vanuit Python' (also run as a script: test_python_script.py)."""
    return _pagina("ontwikkelaars/python.md").split("```python\n", 1)[1].split("```", 1)[0]


def test_voorbeeld_vanuit_python_werkt(tmp_path: Path, monkeypatch, capsys):
    shutil.copytree(REGIOS, tmp_path / "regios")
    monkeypatch.chdir(tmp_path)
    exec(compile(python_voorbeeld(), "docs/ontwikkelaars/python.md", "exec"), {})
    uitvoer = capsys.readouterr().out
    assert "bestanden geschreven in output/assen/2025" in uitvoer
    assert (tmp_path / "output/assen/2025/manifest.json").is_file()
    assert "zorg-welzijn-de-brug" in uitvoer  # a provider obliged to social return


def test_de_functies_op_de_pagina_vanuit_python_bestaan():
    import contracten

    tekst = _pagina("ontwikkelaars/python.md")
    genoemd = set(re.findall(r"^\| `([A-Za-z_]+)[(`,]", tekst, re.M))
    assert {"laad_regio", "genereer", "documentsoorten", "webtoepassing"} <= genoemd
    assert genoemd <= set(contracten.__all__)


def test_elk_plaatje_op_de_site_bestaat_en_elke_briefsoort_staat_erbij():
    plaatjes: set[Path] = set()
    for pagina in DOCS.rglob("*.md"):
        for pad in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", pagina.read_text(encoding="utf-8")):
            bestand = (pagina.parent / pad).resolve()
            assert bestand.is_file() and bestand.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", pad
            plaatjes.add(bestand)
    assert {p.stem for p in plaatjes} >= {"indexatiebrief", "tariefaddendum",
                                          "socialreturn-brief", "opzeggingsbrief", "web"}


def test_de_grenzen_van_invoerbestanden_bestaan_in_de_code():
    """The limits of input files (those of a template: test_sjabloongrenzen.py)."""
    from contracten.lezen import grenzen

    excel = _pagina("contractbeheer/excel.md")
    for naam in re.findall(r"^\| `(MAXIMUM_[A-Z_]+)` \|", excel, re.M):
        assert hasattr(grenzen, naam), naam


def test_testopdracht_en_de_reden_van_overslaan():
    """The docs' test command is the README's, and pytest says why a test was skipped."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "-rs" in config["tool"]["pytest"]["ini_options"]["addopts"].split()
    extras = config["project"]["optional-dependencies"]
    assert "contracten[docs]" in extras["test"]  # the site's test needs MkDocs
    assert {"mkdocs", "mkdocs-material", "mkdocs-click", "mkdocstrings"} <= {
        re.split(r"[\[<>=]", e)[0] for e in extras["docs"]}
    assert '--8<-- "README.md:testen"' in _pagina("ontwikkelaars/tests.md")  # not typed twice
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in ci





def test_elke_koppeling_in_een_melding_wijst_naar_een_anker_op_de_site():
    """A message links to `<site>/regio-beheer/<pagina>/#<veld>` (contracten.lezen.velden); the
    field pages make exactly those anchors, file by file."""
    from contracten.lezen.velden import velden
    from contracten.profiel.laden import MODELLEN

    op_de_site = {pagina: {v.pad for v in sitebron.velden(model)}
                  for pagina, model in sitebron.profielbestanden().values()}
    assert set(MODELLEN) == set(op_de_site)
    for pagina, model in MODELLEN.items():
        assert {anker for anker, _ in velden(model)} == op_de_site[pagina], pagina
