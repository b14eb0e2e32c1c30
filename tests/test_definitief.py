"""contracten definitief: a document marked definitief (signed) is never overwritten by a later
run; a changed version is written beside it."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from docx import Document

from contracten import InvoerFout, genereer, laad_regio, markeer_definitief
from contracten.opmaak import VOORBEELDMELDING
from contracten.uitvoer import voorbeelden

from .conftest import ASSEN_DATUM, REGIOS, ROOT, voer_uit, wijzig_yaml

DATUM = ASSEN_DATUM


def tekst(pad) -> str:
    document = Document(pad)
    delen = [p.text for p in document.paragraphs]
    delen += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


def test_definitief_wordt_nooit_overschreven(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("--regios", str(regios), "definitief", "assen", "--uitvoer", str(uitvoer),
                   "--document", "overeenkomst", "--aanbieder", "zorg-welzijn-de-brug",
                   "--datum", DATUM.isoformat(), "--ook-samenvattingen", "--ook-voorbeelden")
    assert uit.code == 0, uit.stderr
    getekend = (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes()
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text().replace("bedrag: 165.00", "bedrag: 166.00"))
    uit = voer_uit("--regios", str(regios), "genereer", "assen", "--uitvoer", str(uitvoer),
                   "--datum", DATUM.isoformat())
    assert uit.code == 0, uit.stderr
    assert "zorg-welzijn-de-brug.docx is definitief" in uit.stdout
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes() == getekend
    nieuw = list((map_ / "overeenkomsten").glob("zorg-welzijn-de-brug.nieuw-*.docx"))
    assert len(nieuw) == 1
    assert "166,00" in tekst(nieuw[0])
    manifest = json.loads((map_ / "manifest.json").read_text())
    status = {d["pad"]: d for d in manifest["documenten"]}
    assert status["overeenkomsten/zorg-welzijn-de-brug.docx"]["definitief"] == "2026-11-23"
    assert status[nieuw[0].relative_to(map_).as_posix()]["naast_definitief"] == \
        "overeenkomsten/zorg-welzijn-de-brug.docx"
    # Even when the aanbieder leaves the profile, the signed contract stays.
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: d["aanbieders"].pop(0))
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert (map_ / "overeenkomsten/zorg-welzijn-de-brug.docx").read_bytes() == getekend


def test_definitief_blijft_ook_zonder_manifest(regios, assen_gegenereerd):
    uitvoer = assen_gegenereerd  # what genereer made from `regios` on DATUM
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("--regios", str(regios), "definitief", "assen", "--uitvoer", str(uitvoer),
                   "--aanbieder", "wonen-plus", "--document", "overeenkomst",
                   "--datum", DATUM.isoformat(), "--ook-samenvattingen", "--ook-voorbeelden")
    assert uit.code == 0 and "1 document definitief" in uit.stdout
    getekend = (map_ / "overeenkomsten/wonen-plus.docx").read_bytes()
    opnieuw = genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert opnieuw.geschreven == []  # marking changes nothing; an unchanged rerun stays a no-op
    (map_ / "manifest.json").write_text("kapot")
    # A change that reaches this aanbieder's overeenkomst (and no other).
    pad = regios / "assen/aanbieders.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        'straat: "Stationsstraat 23"', 'straat: "Nieuwe Straat 1"'), encoding="utf-8")
    genereer(laad_regio(regios, "assen"), uitvoer=uitvoer, datum=DATUM)
    assert (map_ / "overeenkomsten/wonen-plus.docx").read_bytes() == getekend
    nieuw = list((map_ / "overeenkomsten").glob("wonen-plus.nieuw-*.docx"))
    assert len(nieuw) == 1 and "Nieuwe Straat 1" in tekst(nieuw[0])
    assert "Nieuwe Straat 1" not in tekst(map_ / "overeenkomsten/wonen-plus.docx")
    assert (map_ / "overeenkomsten/wonen-plus.md").is_file()


def test_samenvatting_van_de_standaard_wordt_niet_zomaar_definitief(assen_gegenereerd):
    uitvoer = assen_gegenereerd
    map_ = uitvoer / "assen/2025"
    uit = voer_uit("definitief", "assen", "--uitvoer", str(uitvoer), "--aanbieder", "wonen-plus",
                   "--document", "overeenkomst", "--datum", DATUM.isoformat(),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "[samenvatting_niet_definitief]" in uit.stderr
    assert "overeenkomsten/wonen-plus.docx" in uit.stderr
    assert not (map_ / "definitief.json").exists()


PVE_EERSTE = ("2.4.4. Bekostiging vervoer, tabel, rij ‘Vervoer dagbesteding, enkele reis tot en "
              "met 10 km’: “€ 9,80 (voorbeeld)”")


def _weigering(regio, uitvoer, **keuze) -> InvoerFout:
    with pytest.raises(InvoerFout) as fout:
        markeer_definitief(regio, uitvoer=uitvoer, datum=DATUM, **keuze)
    return fout.value


def test_voorbeeldwaarden_maken_niet_definitief_en_de_weigering_zegt_waar(assen_gegenereerd):
    map_ = assen_gegenereerd / "assen/2025"
    regio = laad_regio(REGIOS, "assen")
    fout = _weigering(regio, assen_gegenereerd, soorten=["programma-van-eisen"],
                      ook_samenvattingen=True)
    [melding] = fout.meldingen
    assert (melding.bestand, melding.code) == ("programma-van-eisen.docx",
                                               "voorbeeld_niet_definitief")
    assert melding.bericht.startswith("bevat 21 voorbeeldwaarden, gemarkeerd met ‘(voorbeeld)’")
    assert f"de eerste 3: {PVE_EERSTE}; " in melding.bericht and "(en nog 18)" in melding.bericht
    assert str(map_) in str(fout)  # the folder, and each document's path in it
    assert not (map_ / "definitief.json").exists()
    _, gemarkeerd = markeer_definitief(regio, uitvoer=assen_gegenereerd, datum=DATUM,
                                       soorten=["programma-van-eisen"], ook_voorbeelden=True)
    assert gemarkeerd == ["programma-van-eisen.docx"]
    register = json.loads((map_ / "definitief.json").read_text(encoding="utf-8"))
    assert register["programma-van-eisen.docx"]["datum"] == DATUM.isoformat()
    # Marked once, it is not checked again: choosing it with others does not stop the others.
    _, opnieuw = markeer_definitief(regio, uitvoer=assen_gegenereerd, datum=DATUM,
                                    soorten=["programma-van-eisen"])
    assert opnieuw == ["programma-van-eisen.docx"]


def test_samenvattingen_en_voorbeelden_elk_hun_eigen_uitzondering(assen_gegenereerd):
    regio = laad_regio(REGIOS, "assen")
    keuze = {"soorten": ["overeenkomst"], "aanbieders": ["wonen-plus"]}
    beide = _weigering(regio, assen_gegenereerd, **keuze)
    assert [m.code for m in beide.meldingen] == ["voorbeeld_niet_definitief",
                                                "samenvatting_niet_definitief"]
    alleen_samenvatting = _weigering(regio, assen_gegenereerd, ook_voorbeelden=True, **keuze)
    assert [m.code for m in alleen_samenvatting.meldingen] == ["samenvatting_niet_definitief"]
    _, gemarkeerd = markeer_definitief(regio, uitvoer=assen_gegenereerd, datum=DATUM,
                                       ook_samenvattingen=True, ook_voorbeelden=True, **keuze)
    assert gemarkeerd == ["overeenkomsten/wonen-plus.docx"]


def test_opdrachtregel_weigert_voorbeelden_ook_met_ook_samenvattingen(assen_gegenereerd):
    map_ = assen_gegenereerd / "assen/2025"
    opdracht = ["definitief", "assen", "--uitvoer", str(assen_gegenereerd), "--aanbieder",
                "wonen-plus", "--document", "overeenkomst", "--datum", DATUM.isoformat(),
                "--ook-samenvattingen"]
    uit = voer_uit(*opdracht, env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and uit.stdout == ""
    assert f"Niet definitief gemaakt in {map_} (1 fout):" in uit.stderr
    assert "overeenkomsten/wonen-plus.docx: bevat 48 voorbeeldwaarden" in uit.stderr
    assert "Partijen: “…in het Handelsregister onder KvK-nummer 01176642 (voorbeeld) …”" \
        in uit.stderr
    assert "(en nog 45)" in uit.stderr and uit.stderr.rstrip().endswith(
        "[voorbeeld_niet_definitief]")
    assert not (map_ / "definitief.json").exists()
    uit = voer_uit(*opdracht, "--ook-voorbeelden", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    assert "definitief: overeenkomsten/wonen-plus.docx" in uit.stdout


def test_amersfoort_taakgericht_ook(tmp_path):
    regio = laad_regio(REGIOS, "amersfoort")
    genereer(regio, uitvoer=tmp_path, datum=DATUM, soorten=["overeenkomst"])
    fout = _weigering(regio, tmp_path, ook_samenvattingen=True)
    [melding] = fout.meldingen
    assert melding.bestand == "overeenkomsten/stichting-samen-eemland.docx"
    assert "Partijen: “…in het Handelsregister onder KvK-nummer 32142587 (voorbeeld) …”" \
        in melding.bericht


def test_een_ouder_manifest_zonder_telling_leest_het_document(assen_gegenereerd):
    """A manifest of an earlier version has no `voorbeelden`: the document's text answers,
    from its Markdown twin, or without one from the Word file itself."""
    map_ = assen_gegenereerd / "assen/2025"
    regio = laad_regio(REGIOS, "assen")
    pad = map_ / "manifest.json"
    manifest = json.loads(pad.read_text(encoding="utf-8"))
    for document in manifest["documenten"]:
        document.pop("voorbeelden", None)
    pad.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    uit_de_tweeling = _weigering(regio, assen_gegenereerd, soorten=["programma-van-eisen"])
    (map_ / "programma-van-eisen.md").unlink()
    uit_word = _weigering(regio, assen_gegenereerd, soorten=["programma-van-eisen"])
    for fout in (uit_de_tweeling, uit_word):
        [melding] = fout.meldingen
        assert melding.code == "voorbeeld_niet_definitief"
        assert "bevat 21 voorbeeldwaarden" in melding.bericht and PVE_EERSTE in melding.bericht
    assert not (map_ / "definitief.json").exists()


def test_genereer_telt_de_voorbeeldwaarden_ook_in_kop_en_voet(tmp_path):
    """Each .docx in the manifest says how many example values it shows, headers and footers
    included (a region's own template may put one there); the explaining note is no value."""
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    _vervang_in_docx(sjablonen / "programma-van-eisen.docx", "word/header1.xml",
                     "{{ regio.naam }}", "{{ regio.naam }} (voorbeeld)")
    regio = laad_regio(REGIOS, "assen")
    genereer(regio, uitvoer=tmp_path / "uit", datum=DATUM, sjablonen=sjablonen,
             soorten=["programma-van-eisen"])
    map_ = tmp_path / "uit/assen/2025"
    documenten = json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))["documenten"]
    telling = {d["formaat"]: d.get("voorbeelden") for d in documenten}
    assert telling == {"docx": 22, "md": None}
    assert (map_ / "programma-van-eisen.md").read_text(encoding="utf-8").count("(voorbeeld)") \
        == 22  # 21 values and the note, which is not counted; the header is not in the twin
    [melding] = _weigering(regio, tmp_path / "uit").meldingen
    assert "bevat 22 voorbeeldwaarden" in melding.bericht


def _vervang_in_docx(pad, deel: str, oud: str, nieuw: str) -> None:
    with zipfile.ZipFile(pad) as z:
        delen = {i.filename: z.read(i.filename) for i in z.infolist()}
    tekst = delen[deel].decode("utf-8")
    assert oud in tekst
    delen[deel] = tekst.replace(oud, nieuw).encode("utf-8")
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)


def test_paden_kiezen_zoals_het_register_ze_noemt(assen_gegenereerd):
    regio = laad_regio(REGIOS, "assen")
    map_, gemarkeerd = markeer_definitief(
        regio, uitvoer=assen_gegenereerd, datum=DATUM, ook_voorbeelden=True,
        paden=["assen/2025/brieven/socialreturn/wonen-plus.docx"])
    assert map_ == assen_gegenereerd / "assen/2025"
    assert gemarkeerd == ["brieven/socialreturn/wonen-plus.docx"]
    for pad in ("assen/2025/../2025/programma-van-eisen.docx", "amersfoort/2023/x.docx",
                "assen/2025/bestaat-niet.docx", "assen/2025/programma-van-eisen.md"):
        fout = _weigering(regio, assen_gegenereerd, ook_voorbeelden=True, paden=[pad])
        assert [m.code for m in fout.meldingen] == ["niets_gekozen"], pad


def test_de_toelichting_is_geen_voorbeeldwaarde_maar_zegt_wel_dat_er_een_is():
    assert voorbeelden.tel("Bijvoorbeeld: geen voorbeeldwaarde.") == 0
    tekst = f"# Brief\n\n{VOORBEELDMELDING}\n\n2\\. **Wonen &lt;Plus>** (voorbeeld), te Beilen\n"
    gevonden = voorbeelden.zoek(tekst)
    assert gevonden.aantal == 1
    assert [str(p) for p in gevonden.plekken] == ["Brief: “2. Wonen <Plus> (voorbeeld) …”"]
    alleen_de_toelichting = voorbeelden.zoek(VOORBEELDMELDING)  # it still says there are some
    assert alleen_de_toelichting.aantal == 1
    assert alleen_de_toelichting.plekken[0].waar == "hoofdtekst"
