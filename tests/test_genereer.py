"""contracten genereer: the programma van eisen and an overeenkomst per aanbieder, in Word."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from contracten import genereer, laad_regio
from contracten.weergave.sjabloon import resterende_tags

from .conftest import BRONNEN, REGIOS, ROOT, voer_uit, wijzig_yaml

SJABLONEN = ROOT / "sjablonen"
DEKKING = ROOT.parent / "shared" / "tools" / "dekking.py"
BRON = {"assen": "assen-programma-van-eisen-wmo-verblijf-2025.md",
        "amersfoort": "amersfoort-opdracht-wmo-begeleiding-beschermd-wonen-2022.md"}

DATUM = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("uitvoer")
    for regio in ("assen", "amersfoort"):
        genereer(laad_regio(REGIOS, regio), uitvoer=map_, sjablonen=SJABLONEN, datum=DATUM)
    return map_


def manifest(uitvoer: Path, regio: str) -> tuple[Path, dict]:
    map_ = next(p for p in (uitvoer / regio).iterdir() if p.is_dir())  # beside it: its lock
    return map_, json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))


def alle_docx(uitvoer: Path) -> list[Path]:
    return sorted(uitvoer.rglob("*.docx"))


def tekst(pad: Path) -> str:
    document = Document(pad)
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        for rij in tabel.rows:
            delen += [c.text for c in rij.cells]
    return "\n".join(delen)


def sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


@pytest.mark.parametrize("regio", ["assen", "amersfoort"])
def test_manifest_noemt_elk_document_met_sha256(uitvoer, regio):
    map_, gegevens = manifest(uitvoer, regio)
    assert gegevens["regio"] == regio
    assert gegevens["prijspeil"] == {"assen": 2025, "amersfoort": 2023}[regio]
    soorten = {(d["soort"], d["formaat"]) for d in gegevens["documenten"]}
    verwacht = {("programma-van-eisen", "docx"), ("programma-van-eisen", "md"),
                ("overeenkomst", "docx"), ("overeenkomst", "md")}
    if regio == "assen":  # Assen asks for social return, Amersfoort does not
        verwacht |= {("socialreturn-overzicht", f)
                     for f in ("docx", "md", "xlsx", "csv", "machine.csv")}
        verwacht |= {("socialreturn-brief", "docx"), ("socialreturn-brief", "md")}
    assert soorten == verwacht
    for document in gegevens["documenten"]:
        assert sha(map_ / document["pad"]) == document["sha256"]
    aanbieders = {d["aanbieder"] for d in gegevens["documenten"] if d["soort"] == "overeenkomst"}
    assert len(aanbieders) == {"assen": 14, "amersfoort": 1}[regio]  # taakgericht: one partner
    invoer = {i["pad"]: i["sha256"] for i in gegevens["invoer"]}
    assert invoer[f"{regio}/regio.yaml"] == sha(REGIOS / regio / "regio.yaml")
    assert invoer["sjablonen/overeenkomst.docx"] == sha(SJABLONEN / "overeenkomst.docx")
    on_disk = {p.relative_to(map_).as_posix() for p in map_.rglob("*") if p.is_file()}
    assert on_disk == {d["pad"] for d in gegevens["documenten"]} | {"manifest.json"}


def test_libreoffice_opent_en_converteert_elk_document(uitvoer, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is nodig voor deze test; .ci/run installeert het"
    bestanden = alle_docx(uitvoer)
    assert len(bestanden) >= 30  # both regions: programma, overeenkomsten, social return
    for pad in bestanden:
        Document(pad)  # python-docx reads it back
    profiel = tmp_path / "lo-profiel"
    proces = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, bestanden)],
        capture_output=True, text=True, timeout=900)
    assert proces.returncode == 0, proces.stderr
    for pad in bestanden:
        pdf = tmp_path / pad.with_suffix(".pdf").name
        assert pdf.read_bytes()[:5] == b"%PDF-", pad.name


def test_geen_sjabloontag_blijft_over(uitvoer):
    assert resterende_tags((SJABLONEN / "overeenkomst.docx").read_bytes())  # the check sees tags
    assert alle_docx(uitvoer)
    for pad in alle_docx(uitvoer):
        assert resterende_tags(pad.read_bytes()) == [], pad.name
    for pad in uitvoer.rglob("*.md"):
        assert not re.search(r"\{\{|\{%|%\}|\}\}", pad.read_text(encoding="utf-8")), pad.name


@pytest.mark.parametrize(("regio", "minimum"), [("assen", 98.5), ("amersfoort", 99.0)])
def test_programma_van_eisen_leest_als_de_bron(uitvoer, regio, minimum):
    if not DEKKING.is_file() or not (BRONNEN / BRON[regio]).is_file():
        pytest.skip(f"../shared ontbreekt naast deze checkout ({DEKKING} en de bronnen); CI "
                    "heeft het wel")
    map_, _ = manifest(uitvoer, regio)
    # The Markdown twin, read back from the .docx itself: it holds the footnotes too, which
    # dekking.py does not look for in a .docx (they live in word/footnotes.xml).
    proces = subprocess.run([sys.executable, str(DEKKING), str(BRONNEN / BRON[regio]),
                             str(map_ / "programma-van-eisen.md")],
                            capture_output=True, text=True, check=True)
    dekking = float(re.search(r"dekking: ([\d.]+)%", proces.stdout).group(1))
    assert dekking >= minimum, proces.stdout


def test_zelfde_invoer_geeft_byte_identieke_bestanden(uitvoer, tmp_path):
    genereer(laad_regio(REGIOS, "assen"), uitvoer=tmp_path, sjablonen=SJABLONEN, datum=DATUM)
    eerste, _ = manifest(uitvoer, "assen")
    tweede, _ = manifest(tmp_path, "assen")
    bestanden = sorted(p.relative_to(eerste) for p in eerste.rglob("*") if p.is_file())
    assert bestanden == sorted(p.relative_to(tweede) for p in tweede.rglob("*") if p.is_file())
    for pad in bestanden:
        assert (eerste / pad).read_bytes() == (tweede / pad).read_bytes(), pad


@pytest.mark.parametrize(("regio", "id_", "naam"), [
    ("assen", "zorg-welzijn-de-brug", "Zorg & Welzijn 'De Brug' B.V."),
    ("assen", "wonen-plus", "Wonen <Plus> Coöperatie U.A."),
    ("assen", "stichting-het-anker", 'Stichting "Het Anker"'),
    ("assen", "stichting-een-thuis", "Stichting Één Thuis"),
])
def test_bijzondere_tekens_letterlijk(uitvoer, regio, id_, naam):
    map_, _ = manifest(uitvoer, regio)
    inhoud = tekst(map_ / "overeenkomsten" / f"{id_}.docx")
    assert f"{naam} (voorbeeld), kantoorhoudende aan" in inhoud  # the comparitie
    assert f"Namens Opdrachtnemer, {naam}" in inhoud  # the signature block


def test_markdown_wordt_echte_opmaak(uitvoer):
    map_, _ = manifest(uitvoer, "assen")
    document = Document(map_ / "programma-van-eisen.docx")
    alineas = list(document.paragraphs)
    for tabel in document.tables:
        for rij in tabel.rows:
            for cel in rij.cells:
                alineas += cel.paragraphs
    stijlen = {p.style.name for p in alineas}
    assert {"List Bullet", "Heading 1", "Heading 2", "Heading 3"} <= stijlen
    for alinea in alineas:
        assert not re.match(r"\s*([-*+#] |#)", alinea.text), alinea.text
        assert "**" not in alinea.text and "](" not in alinea.text, alinea.text
    vet = {r.text for p in alineas for r in p.runs if r.bold}
    assert "Wooncomponent:" in vet
    links = [h.url for p in alineas for h in p.hyperlinks]
    assert "http://www.nmdsamenwerking.nl" in [u.rstrip("/") for u in links]
    with zipfile.ZipFile(map_ / "programma-van-eisen.docx") as z:  # a link in a footnote
        assert "https://vved.org/kve/" in z.read("word/_rels/footnotes.xml.rels").decode()


def test_nederlandse_formaten_en_voorbeeld(uitvoer):
    map_, _ = manifest(uitvoer, "assen")
    overeenkomst = tekst(map_ / "overeenkomsten" / "zorg-welzijn-de-brug.docx")
    assert "€ 165,00 (voorbeeld)" in overeenkomst
    assert "€ 41,56 (voorbeeld) per etmaal" in overeenkomst
    assert "1 januari 2026" in overeenkomst
    assert "Let op: dit document bevat voorbeeldwaarden" in overeenkomst
    programma = tekst(map_ / "programma-van-eisen.docx")
    assert "Datum 14 mei 2025" in programma
    bedragen = re.findall(r"€ [\d.]+,\d\d(?: \(voorbeeld\))?", programma)
    assert bedragen, "de tariefbijlage toont bedragen"
    echte = [b for b in bedragen if not b.endswith("(voorbeeld)")]
    assert echte == ["€ 39,60"], "alleen het bronbedrag (prijspeil 2024, in de brontekst) is echt"
    amersfoort, _ = manifest(uitvoer, "amersfoort")
    voorblad = tekst(amersfoort / "programma-van-eisen.docx")
    assert "TenderNed kenmerk: TN353087" in voorblad and "Datum 15 maart 2022" in voorblad


def test_social_return_in_de_overeenkomst(uitvoer):
    map_, _ = manifest(uitvoer, "assen")
    verplicht = tekst(map_ / "overeenkomsten" / "zorg-welzijn-de-brug.docx")
    # The aanneemsom says what it covers (here the whole looptijd), so 5 % of it reads right.
    assert ("de verplichting van artikel 1.9.1 geldt en bedraagt 5 % van de aanneemsom over de "
            "looptijd van € 1.234.567,89 (voorbeeld), dat is € 61.728,39 (voorbeeld) over de "
            "looptijd; per contractjaar € 15.432,10 (voorbeeld) vanaf 1 januari 2026, "
            "€ 15.432,10 (voorbeeld) vanaf 1 januari 2027, € 15.432,10 (voorbeeld) vanaf "
            "1 januari 2028 en € 15.432,09 (voorbeeld) vanaf 1 januari 2029.") in verplicht
    # Per contract year the share of the aanneemsom that falls in it: never 5 % of the whole
    # sum every year.
    assert "ten minste 5 procent van het deel van de aanneemsom exclusief btw dat naar rato van " \
           "de maanden op dat contractjaar valt (voorbeeld)" in verplicht
    op_de_grens = tekst(map_ / "overeenkomsten" / "wonen-plus.docx")  # omzet precies € 200.000
    assert "Die ligt niet boven de drempel van € 200.000,00: artikel 1.9.2 geldt." in op_de_grens
    amersfoort, _ = manifest(uitvoer, "amersfoort")
    geen = tekst(next((amersfoort / "overeenkomsten").glob("*.docx")))
    alineas = geen.split("\n")
    i = alineas.index("Artikel 1.9 – Social Return on Investment", 60)  # the heading, not the TOC
    assert alineas[i + 1] == "Dit artikel is niet van toepassing."


def test_uitvoeringsvariant_volgt_de_bekostigingsvorm(uitvoer):
    for regio, variant in (("assen", "outputgerichte"), ("amersfoort", "taakgerichte")):
        map_, _ = manifest(uitvoer, regio)
        inhoud = tekst(next((map_ / "overeenkomsten").glob("*.docx")))
        assert f"Partijen in deze overeenkomst kiezen voor de {variant} uitvoeringsvariant" \
            in inhoud
    amersfoort, _ = manifest(uitvoer, "amersfoort")
    inhoud = tekst(amersfoort / "overeenkomsten" / "stichting-samen-eemland.docx")
    assert "Voor de gemeente Nijkerk geldt deze overeenkomst alleen voor de functies Beschermd " \
           "wonen en Beschermd thuis" in inhoud


def test_kop_en_voet(uitvoer):
    map_, gegevens = manifest(uitvoer, "amersfoort")
    sectie = Document(map_ / "programma-van-eisen.docx").sections[0]
    kop = sectie.header.paragraphs[0].text
    assert "Regio Amersfoort" in kop and "TN353087" in kop
    voet = sectie.footer.paragraphs[0]
    versie = next(d["versie"] for d in gegevens["documenten"]
                  if d["pad"] == "programma-van-eisen.docx")
    assert f"prijspeil 2023 · versie {versie}" in voet.text
    instructies = voet._p.xpath(".//w:fldSimple/@w:instr")
    assert instructies == ["PAGE", "NUMPAGES"]


def test_smalle_run_vervangt_alleen_de_gekozen_documenten(regios, tmp_path):
    genereer(laad_regio(regios, "assen"), uitvoer=tmp_path, sjablonen=SJABLONEN, datum=DATUM)
    map_ = tmp_path / "assen" / "2025"
    voor = {p.relative_to(map_).as_posix(): sha(p) for p in map_.rglob("*") if p.is_file()}
    # A tariff that reaches the programma van eisen and several overeenkomsten ...
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("bedrag: 165.00", "bedrag: 166.00"),
                   encoding="utf-8")
    # ... but a run narrowed to one overeenkomst replaces that one only.
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--document", "overeenkomst",
                   "--aanbieder", "zorg-welzijn-de-brug", "--uitvoer", str(tmp_path),
                   "--datum", DATUM.isoformat(), "--json")
    assert uit.code == 0, uit.stderr
    na = {p.relative_to(map_).as_posix(): sha(p) for p in map_.rglob("*") if p.is_file()}
    assert set(na) == set(voor)  # nothing removed, nothing added
    assert {p for p in voor if na[p] != voor[p]} == {
        "overeenkomsten/zorg-welzijn-de-brug.docx", "overeenkomsten/zorg-welzijn-de-brug.md",
        "manifest.json"}
    manifest = json.loads(uit.stdout)  # --json prints the manifest, and only that
    assert {d["pad"]: d["sha256"] for d in manifest["documenten"]} == {
        p: s for p, s in na.items() if p != "manifest.json"}


def test_json_zonder_voortgangsbalk_of_andere_tekst(tmp_path):
    uit = voer_uit("genereer", "assen", "--document", "programma-van-eisen", "--json",
                   "--uitvoer", str(tmp_path), "--datum", DATUM.isoformat(),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0 and uit.stderr == ""
    manifest = json.loads(uit.stdout)
    assert manifest["regio"] == "assen"
    assert "programma-van-eisen.docx" in {d["pad"] for d in manifest["documenten"]}


def test_html_en_pdf(tmp_path):
    uit = voer_uit("genereer", "amersfoort", "--document", "programma-van-eisen", "--formaat",
                   "html", "--formaat", "pdf", "--uitvoer", str(tmp_path), "--datum",
                   DATUM.isoformat(), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    map_ = tmp_path / "amersfoort" / "2023"
    html = (map_ / "programma-van-eisen.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h2>0. Definitielijst</h2>" in html
    assert "<table>" in html and "{{" not in html
    pdf = (map_ / "programma-van-eisen.pdf").read_bytes()
    assert pdf[:5] == b"%PDF-"
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", pdf)  # PDF/A-2b, for the archive


def test_pdf_zonder_libreoffice_geeft_duidelijke_melding(tmp_path):
    python = Path(sys.executable)
    uit = voer_uit("genereer", "assen", "--document", "programma-van-eisen", "--formaat", "pdf",
                   "--uitvoer", str(tmp_path), "--datum", DATUM.isoformat(),
                   env={"CONTRACTEN_REGIOS": str(REGIOS), "PATH": str(python.parent)})
    assert uit.code == 1
    assert "LibreOffice" in uit.stderr and "soffice" in uit.stderr
    assert not (tmp_path / "assen").exists() or not any((tmp_path / "assen").rglob("*.docx"))


@pytest.mark.parametrize(("argumenten", "verwacht"), [
    (["--prijspeil", "2030"], "2030 bestaat niet"),
    (["--aanbieder", "bestaat-niet"], "onbekende aanbieder 'bestaat-niet'"),
])
def test_ongeldige_keuze_exit_1(tmp_path, argumenten, verwacht):
    uit = voer_uit("genereer", "assen", *argumenten, "--uitvoer", str(tmp_path),
                   "--datum", DATUM.isoformat(), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and verwacht in uit.stderr
    assert list(tmp_path.iterdir()) == []


def test_onbekende_documentsoort_is_gebruiksfout():
    uit = voer_uit("genereer", "assen", "--document", "brief")
    assert uit.code == 2
    assert "'brief' is niet een van" in uit.stderr and "'overeenkomst'" in uit.stderr


def test_valideer_meldt_kapot_sjabloon(tmp_path):
    kapot = tmp_path / "sjablonen"
    shutil.copytree(SJABLONEN, kapot)
    document = Document(kapot / "programma-van-eisen.docx")
    document.add_paragraph("{{ aanbieder.naam }}")  # no aanbieder in a programma van eisen
    document.save(kapot / "programma-van-eisen.docx")
    uit = voer_uit("valideer", "assen", "--sjablonen", str(kapot))
    assert uit.code == 1
    assert "sjablonen/programma-van-eisen.docx" in uit.stderr and "aanbieder" in uit.stderr


def test_afwezigheid_alleen_bij_beschermd_wonen(uitvoer):
    map_, _ = manifest(uitvoer, "assen")
    zonder = tekst(map_ / "overeenkomsten" / "de-linde-dagbesteding.docx")
    assert "huisvesting" not in zonder
    met = tekst(map_ / "overeenkomsten" / "zorg-welzijn-de-brug.docx")
    assert "alleen in deze gevallen: tijdelijke afwezigheid door klinische opname" in met


def test_taakgericht_contract_toont_het_budget_van_het_perceel(uitvoer):
    map_, _ = manifest(uitvoer, "amersfoort")
    inhoud = tekst(map_ / "overeenkomsten" / "stichting-samen-eemland.docx")
    assert "Taakgericht budget van het perceel" in inhoud
    assert "€ 54.400.000,00 (voorbeeld)" in inhoud  # the sum of the functie budgets
    assert "Het taakgerichte budget is één geheel" in inhoud


def test_voorbeeldmelding_alleen_als_er_voorbeeldwaarden_zijn(regios, tmp_path):
    def echt(d):
        for a in d["aanbieders"]:
            a["voorbeeld"] = False
    wijzig_yaml(regios / "amersfoort/aanbieders.yaml", echt)
    wijzig_yaml(regios / "amersfoort/tarieven/2023.yaml",
                lambda d: [b.update(voorbeeld=False) for b in d["bedragen"]])

    def regels(d):
        d["aanbesteding"]["looptijd"]["voorbeeld"] = False
        d["regels"]["opzegging"]["voorbeeld"] = []
        d["regels"]["indexatie"]["voorbeeld"] = []
    wijzig_yaml(regios / "amersfoort/regio.yaml", regels)
    wijzig_yaml(regios / "amersfoort/overeenkomst.yaml", lambda d: d.update(voorbeeld=[]))
    wijzig_yaml(regios / "amersfoort/inhoud.yaml",  # the iWmo codes the source does not give
                lambda d: [f.pop("voorbeeld", None) for f in d["functies"]])
    genereer(laad_regio(regios, "amersfoort"), soorten=["overeenkomst"],
             aanbieders=["stichting-samen-eemland"], uitvoer=tmp_path, sjablonen=SJABLONEN,
             datum=DATUM)
    pad = tmp_path / "amersfoort/2023/overeenkomsten/stichting-samen-eemland.docx"
    assert "(voorbeeld)" not in tekst(pad) and "voorbeeldwaarden" not in tekst(pad)

    wijzig_yaml(regios / "amersfoort/regio.yaml",
                lambda d: d["aanbesteding"]["looptijd"].update(voorbeeld=True))
    genereer(laad_regio(regios, "amersfoort"), soorten=["overeenkomst"],
             aanbieders=["stichting-samen-eemland"], uitvoer=tmp_path, sjablonen=SJABLONEN,
             datum=DATUM)
    inhoud = tekst(pad)
    assert "Let op: dit document bevat voorbeeldwaarden" in inhoud
    assert "31 december 2030 (voorbeeld)" in inhoud


def test_platte_tekst_in_tabellen_blijft_letterlijk(regios, tmp_path):
    term = "1. <Term> & {{ 7*7 }} *x* [y](z)"
    wijzig_yaml(regios / "amersfoort/inhoud.yaml",
                lambda d: d["definities"][0].update(term=term))
    wijzig_yaml(regios / "amersfoort/aanbieders.yaml",
                lambda d: d["aanbieders"][0].update(naam="Zorg {% if %} & <Co> {{ 7*7 }}"))
    uit = voer_uit("--regios", str(regios), "valideer", "amersfoort")
    assert uit.code == 0, uit.stderr  # data with {{ is not a broken template
    genereer(laad_regio(regios, "amersfoort"), uitvoer=tmp_path, sjablonen=SJABLONEN,
             formaten=["html"], datum=DATUM)
    map_ = tmp_path / "amersfoort/2023"
    assert term in tekst(map_ / "programma-van-eisen.docx")
    import yaml
    id_ = yaml.safe_load((regios / "amersfoort/aanbieders.yaml").read_text())["aanbieders"][0]["id"]
    pad = Path("overeenkomsten") / f"{id_}.docx"
    assert "Zorg {% if %} & <Co> {{ 7*7 }} (voorbeeld), kantoorhoudende" in tekst(map_ / pad)
    html = (map_ / pad).with_suffix(".html").read_text(encoding="utf-8")
    assert "Zorg {% if %} &amp; &lt;Co&gt; {{ 7*7 }} (voorbeeld), kantoorhoudende" in html


def test_prijspeil_zonder_tarieven_wordt_geweigerd(tmp_path):
    uit = voer_uit("genereer", "assen", "--prijspeil", "2024", "--uitvoer", str(tmp_path),
                   "--datum", DATUM.isoformat(), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    assert "geen bedrag voor 'bw-toezicht' in prijspeil 2024" in uit.stderr
    assert list(tmp_path.iterdir()) == []


def test_versie_per_document_volgt_zijn_eigen_invoer(regios, tmp_path):
    eerst = genereer(laad_regio(regios, "assen"), uitvoer=tmp_path, sjablonen=SJABLONEN,
                     datum=DATUM).manifest
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("78.90", "79.90"), encoding="utf-8")
    daarna = genereer(laad_regio(regios, "assen"), uitvoer=tmp_path, sjablonen=SJABLONEN,
                      soorten=["overeenkomst"], aanbieders=["wonen-plus"], datum=DATUM).manifest
    voor = {d.pad: d.versie for d in eerst.documenten}
    na = {d.pad: d.versie for d in daarna.documenten}
    assert na["overeenkomsten/wonen-plus.docx"] != voor["overeenkomsten/wonen-plus.docx"]
    # Not regenerated by this narrowed run: still the version it was made from.
    assert na["programma-van-eisen.docx"] == voor["programma-van-eisen.docx"]


def test_fout_in_sjabloonexpressie_is_sjabloonfout(tmp_path):
    kapot = tmp_path / "sjablonen"
    shutil.copytree(SJABLONEN, kapot)
    document = Document(kapot / "overeenkomst.docx")
    document.add_paragraph("{{ prijspeil|bedrag }}")
    document.save(kapot / "overeenkomst.docx")
    uit = voer_uit("genereer", "assen", "--sjablonen", str(kapot), "--uitvoer",
                   str(tmp_path / "uit"), "--datum", DATUM.isoformat(),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and not (tmp_path / "uit").exists()
    assert "Sjabloon sjablonen/overeenkomst.docx" in uit.stderr and "Interne fout" not in uit.stderr


def test_onschrijfbare_uitvoermap(tmp_path):
    bestand = tmp_path / "bestand"
    bestand.write_text("x")
    uit = voer_uit("genereer", "assen", "--uitvoer", str(bestand / "sub"), "--datum",
                   DATUM.isoformat(), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "geen map" in uit.stderr and "Interne fout" not in uit.stderr


@pytest.mark.parametrize(("argumenten", "verwacht"), [
    (["--prijspeil", "abc"], "'abc' is geen jaartal"),
    (["--formaat", "xls"], "is niet een van"),
])
def test_gebruiksfouten_in_het_nederlands(argumenten, verwacht):
    uit = voer_uit("genereer", "assen", *argumenten)
    assert uit.code == 2 and verwacht in uit.stderr
