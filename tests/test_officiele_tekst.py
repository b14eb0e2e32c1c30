"""Importing the Contractstandaard as the Ketenbureau publishes it (.docx, and the .md exported
from it), on a document made up in its exact layout (tests/standaard_nagemaakt.py): lid numbers on
their own line, Word list numbering, variants per uitvoeringsvariant, named blanks, the
ondertekening, the version from 'Versiebeheer', and versions kept side by side."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from docx import Document

import contracten
from contracten.artikelen.importeren import lees_officieel
from contracten.fouten import InvoerFout

from .conftest import REGIOS, voer_uit, wijzig_yaml
from .standaard_nagemaakt import Regel, als_markdown, als_word, regels, volledig_deel3

DATUM = dt.date(2026, 12, 1)


def _deel3(versie: str = "1.2") -> dict[str, int]:
    return volledig_deel3(versie)


# The example regions contract under 1.3 (csw_versie in overeenkomst.yaml).
NIEUWSTE = ("1.3", "1.2", "1.1", "1.0")


@pytest.fixture(scope="module")
def word(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("standaard")
    return als_word(map_ / "Overeenkomst-Wmo.docx", regels(NIEUWSTE, _deel3("1.3")))


@pytest.fixture(scope="module")
def markdown(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("standaard-md")
    return als_markdown(map_ / "Overeenkomst-Wmo.md", regels(NIEUWSTE, _deel3("1.3")))


def _artikelen(pad: Path) -> dict[str, list[str]]:
    verslag = lees_officieel(pad)
    return {a.nummer: [lid.tekst() for lid in a.als_leden()] for a in verslag.officieel.artikelen}


@pytest.mark.parametrize("bron", ["word", "markdown"])
def test_leden_op_een_eigen_regel_met_alineas_lijsten_en_tabellen(bron, request):
    artikelen = _artikelen(request.getfixturevalue(bron))
    assert len(artikelen["1.3"]) == 4 and len(artikelen["3.19"]) == 6
    assert artikelen["3.1"][1].split("\n") == [
        "Opdrachtnemer levert goede proefhulp.", "Hij houdt daarbij deze proeftabel aan:",
        "Soort | Termijn", "Proefmelding | 5 dagen",
        "Na de tabel volgt nog een alinea van hetzelfde lid."]
    # list markers of Word's numbering and literal ones are kept
    assert "a) er een proefstop geldt;\nb) de proefhulp niet past;\nc) de proefruimte op is." \
        in artikelen["3.1"][0]
    # a Word bullet list keeps its dash; a Markdown export writes every bullet as '-'
    streep = "–" if bron == "word" else "•"
    assert f"{streep} het proeftarief verlagen" in artikelen["3.19"][0]
    assert "i) het eerste kenmerk geldt;\nii) het tweede kenmerk geldt." in \
        artikelen["definities"][0]
    assert "– wat de oorzaak is,\n– om wie het gaat." in artikelen["3.31"][0]
    assert "1. eerst stoppen;\n2. dan melden." in artikelen["3.31"][0]
    # the table of contents and the standard's models for the region's own articles are skipped
    assert "2.n" not in artikelen and "1.n" not in artikelen
    assert "Opgemaakt" not in "\n".join(artikelen["3.31"])


@pytest.mark.parametrize("bron", ["word", "markdown"])
def test_varianten_en_toelichting_en_ondertekening(bron, request):
    verslag = lees_officieel(request.getfixturevalue(bron))
    artikelen = {a.nummer: a for a in verslag.officieel.artikelen}
    delen = artikelen["3.1"].als_leden()[0].delen
    assert {tuple(d.alleen.get("uitvoeringsvariant", [])) for d in delen} == {
        ("inspanningsgericht", "outputgericht"), ("taakgericht",)}
    assert not any("uitvoeringsvariant:" in d.tekst for d in delen)  # the guidance line
    overwegingen = artikelen["overwegingen"].als_leden()[0].delen
    assert [d.alleen.get("procedure") for d in overwegingen if "proefaanbesteding" in d.tekst] \
        == [["aanbesteding_met_emvi", "aanbesteding_zonder_emvi"]]
    opties = [d.alleen.get("opzegoptie") for d in artikelen["1.3"].als_leden()[3].delen]
    assert opties == [["1"], ["2"], ["3"], ["3"]]
    assert any("proefopties" in w for w in verslag.weggelaten)
    assert verslag.officieel.ondertekening[0] == "Opgemaakt te [plaats] d.d. [datum]"


def test_versie_uit_versiebeheer_bestandsnaam_of_opgegeven(tmp_path):
    nieuwste_onderaan = als_word(tmp_path / "standaard.docx", regels(versies=("1.0", "1.3")))
    assert lees_officieel(nieuwste_onderaan).officieel.versie == "CSW 1.3"
    zonder_tabel = [r for r in regels() if r.tabel is None or r.tabel[0][0] == "Soort"]
    naam = als_word(tmp_path / "Overeenkomst-Wmo-versie-1.2.docx", zonder_tabel)
    assert lees_officieel(naam).officieel.versie == "CSW 1.2"
    assert lees_officieel(naam, "1.3").officieel.versie == "CSW 1.3"
    md = als_markdown(tmp_path / "Overeenkomst-Wmo-versie-1 2.md", zonder_tabel)
    assert lees_officieel(md).officieel.versie == "CSW 1.2"


def test_geimporteerd_contract_draagt_alleen_de_eigen_variant(word, tmp_path):
    uitkomst = contracten.importeer_artikelen(word, map_=tmp_path / "artikelen")
    assert uitkomst.bestand.name == "officieel-1.3.yaml"
    status = {a.nummer: a.status for a in uitkomst.verslag.artikelen}
    assert status["3.1"] == status["3.19"] == status["overwegingen"] == "officieel"
    assert status["partijen"] == status["1.2"] == status["1.10"] == "regio"
    teksten = {}
    for regio, aanbieder in (("assen", "wonen-plus"), ("amersfoort", "stichting-samen-eemland")):
        profiel = contracten.laad_regio(REGIOS, regio, artikelen=tmp_path / "artikelen")
        contracten.genereer(profiel, uitvoer=tmp_path / "uit", datum=DATUM,
                            soorten=["overeenkomst"], aanbieders=[aanbieder])
        pad = next((tmp_path / "uit" / regio).glob(f"*/overeenkomsten/{aanbieder}.md"))
        teksten[regio] = pad.read_text(encoding="utf-8")
    assen, amersfoort = teksten["assen"], teksten["amersfoort"]
    assert "behalve als:" in assen and "tenzij de proefhulp niet past" not in assen
    assert "tenzij de proefhulp niet past" in amersfoort and "behalve als:" not in amersfoort
    assert "het proeftarief verlagen" in assen and "het proefbudget verlagen" in amersfoort
    for tekst in teksten.values():
        assert "uitvoeringsvariant:" not in tekst and "proefopties" not in tekst
        assert "Opgemaakt te [plaats]" not in tekst and "[" not in tekst.split("Bijlagen")[0]
        assert "CSW 1.3" in tekst and "samenvatting" not in tekst.split("Deel 3")[-1]
    # the region's own overwegingen follow the standard's, under a sentence of their own
    eigen = assen.index("in aanvulling op de Contractstandaard, in aanmerking dat:")
    assert assen.index("proeftarieven horen bij deze overeenkomst") < eigen
    assert "[Partijen kunnen hier" not in assen
    assert re.search(r"Voor 90%( \(voorbeeld\))? volgens", assen)  # never "90 (voorbeeld)%"
    # 3.6 holds for the inspannings- and outputgerichte variant only
    assert "Opdrachtnemer meldt een proefstop" in assen
    assert "Opdrachtnemer meldt een proefstop" not in amersfoort


def test_elke_open_plek_krijgt_zijn_eigen_waarde(word, tmp_path):
    contracten.importeer_artikelen(word, map_=tmp_path / "artikelen")
    profiel = contracten.laad_regio(REGIOS, "assen", artikelen=tmp_path / "artikelen")
    contracten.genereer(profiel, uitvoer=tmp_path / "uit", datum=DATUM, soorten=["overeenkomst"],
                        aanbieders=["wonen-plus"])
    doc = Document(next((tmp_path / "uit/assen").glob("*/overeenkomsten/wonen-plus.docx")))
    alineas = [p.text for p in doc.paragraphs]
    lid = next(a for a in alineas if a.startswith("3.2.2"))
    # two [xx], two values (example values in the Assen profile, and marked so)
    assert re.search(r"Voor 90%( \(voorbeeld\))? volgens", lid)
    assert re.search(r"voor 10%( \(voorbeeld\))? volgens", lid)
    assert "[" not in lid
    # art. 1.1: this aanbieder's own products where the standard says "[Uitwerken …]"
    inleiding = alineas.index("Het gaat om de volgende proefondersteuning:")
    voorwerp = alineas[inleiding + 1]
    assert "Wmo Verblijf" in voorwerp and "artikel 2.1" in voorwerp
    # an optional reference to an article the region does not use disappears with its comma
    # (Assen: option 3, six months for either party, no art. 1.6)
    opzeg = next(a for a in alineas if a.startswith("1.3.4"))
    vb = r"( \(voorbeeld\))?"
    assert re.search(rf"Opdrachtgever met 6{vb} maanden, Opdrachtnemer met 6{vb} maanden, naast "
                     rf"artikel 1\.4\.2 en 3\.22{vb}\.$", opzeg)


def test_onleesbaar_deel_3_geeft_exit_1_en_slaat_niets_op(tmp_path):
    inhoud = regels()
    plek = next(i for i, r in enumerate(inhoud) if r.tekst == "3.19.3")
    inhoud[plek] = Regel("3.19.4")  # a lid number skipped
    bron = als_word(tmp_path / "standaard.docx", inhoud)
    uit = voer_uit("artikelen", "--artikelen", str(tmp_path / "artikelen"), "importeer",
                   str(bron))
    assert uit.code == 1
    assert "standaard.docx" in uit.stderr and "3.19.4" in uit.stderr and "alinea" in uit.stderr
    assert not (tmp_path / "artikelen").exists()


def test_artikel_twee_keer_genummerd_wordt_geweigerd(tmp_path):
    inhoud = regels()
    kop = next(i for i, r in enumerate(inhoud) if r.tekst.startswith("Artikel 3.6"))
    inhoud[kop + 4:kop + 4] = inhoud[kop:kop + 3]
    with pytest.raises(InvoerFout) as fout:
        lees_officieel(als_word(tmp_path / "standaard.docx", inhoud))
    assert fout.value.meldingen[0].code == "artikel_dubbel"
    assert "alinea" in fout.value.meldingen[0].bericht


@pytest.mark.parametrize(("naam", "inhoud", "code"), [
    ("Overeenkomst.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "versleuteld_of_doc"),
    ("Overeenkomst.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "versleuteld_of_doc"),
    ("Overeenkomst.docx", b"%PDF-1.7", "formaat"),
    ("Overeenkomst.rtf", b"{\\rtf1}", "formaat"),
])
def test_geen_standaard_wordt_geweigerd_met_naam(tmp_path, naam, inhoud, code):
    (tmp_path / naam).write_bytes(inhoud)
    uit = voer_uit("artikelen", "--artikelen", str(tmp_path / "artikelen"), "importeer",
                   str(tmp_path / naam))
    assert uit.code == 1 and naam in uit.stderr and f"[{code}]" in uit.stderr
    assert not (tmp_path / "artikelen").exists()


def test_ander_document_heeft_geen_artikelen(tmp_path):
    document = Document()
    document.add_paragraph("Notulen van het overleg, versie 1.0")
    document.save(tmp_path / "notulen.docx")
    with pytest.raises(InvoerFout) as fout:
        lees_officieel(tmp_path / "notulen.docx")
    assert fout.value.meldingen[0].code == "geen_artikelen"


def test_versies_naast_elkaar_en_de_regio_kiest(tmp_path, regios):
    map_ = tmp_path / "artikelen"
    oud_ = contracten.importeer_artikelen(als_word(tmp_path / "oud.docx", regels(
        deel3=_deel3("1.2"))), map_=map_)
    status = {a.nummer: a.status for a in oud_.verslag.artikelen}
    assert status["3.9a"] == status["1.10"] == "niet in deze versie"
    nieuw = als_word(tmp_path / "nieuw.docx",
                     regels(versies=("1.3", "1.2"), deel3=_deel3("1.3"), extra=" (nieuw)"))
    uitkomst = contracten.importeer_artikelen(nieuw, map_=map_)
    assert uitkomst.versies == ["CSW 1.2", "CSW 1.3"]
    assert sorted(p.name for p in map_.iterdir()) == ["officieel-1.2.yaml", "officieel-1.3.yaml"]
    # two versions and no choice: the region must choose, nothing changes silently
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d.pop("csw_versie"))
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 1 and "csw_versie" in uit.stderr and "[csw_versie_kiezen]" in uit.stderr
    for versie in ("1.2", "1.3"):  # 1.2 has no article 1.10, and Assen's overweging names 1.3
        wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d, v=versie: (
            d.update(csw_versie=v, overwegingen=[]),
            d["artikelen"].update(implementatie=v == "1.3")))
        profiel = contracten.laad_regio(regios, "assen", artikelen=map_)
        assert profiel.bibliotheek.standaard == f"CSW {versie}"
        contracten.genereer(profiel, uitvoer=tmp_path / versie, datum=DATUM,
                            soorten=["overeenkomst"], aanbieders=["wonen-plus"])
    oud = next((tmp_path / "1.2/assen").glob("*/overeenkomsten/wonen-plus.md")).read_text("utf-8")
    nieuw_ = next((tmp_path / "1.3/assen").glob("*/overeenkomsten/wonen-plus.md")).read_text(
        "utf-8")
    assert "(nieuw)" in nieuw_ and "(nieuw)" not in oud
    assert "3.9a" in nieuw_ and "3.9a" not in oud and "1.10" not in oud
    assert "CSW 1.2" in oud and "CSW 1.3" not in oud
    # the listing shows both versions per article
    uit = voer_uit("artikelen", "--json", "--artikelen", str(map_))
    rijen = {r["nummer"]: r for r in json.loads(uit.stdout)}
    assert rijen["3.1"]["officieel_in"] == ["CSW 1.2", "CSW 1.3"]
    # and `vergelijk` gives the lawyer the redlines between the two generations
    jaar = next(p for p in (tmp_path / "1.2/assen").iterdir() if p.is_dir()).name
    vergelijking = contracten.vergelijk(tmp_path / "1.2/assen" / jaar,
                                        tmp_path / "1.3/assen" / jaar,
                                        uitvoer=tmp_path / "verschil", datum=DATUM)
    assert vergelijking.gewijzigd
    assert any(d.pad == "overeenkomsten/wonen-plus.docx" and d.status == "gewijzigd"
               for d in vergelijking.documenten)


def test_vastgezette_versie_die_ontbreekt_wordt_genoemd(regios, tmp_path):
    # 1.3 without an import: the library's summaries (of 1.3) serve for drafting; 1.2: refused
    assert contracten.laad_regio(regios, "assen", artikelen=tmp_path / "leeg").bibliotheek \
        .standaard == "CSW 1.3"
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d.update(csw_versie="1.2"))
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 1
    assert "assen/overeenkomst.yaml" in uit.stderr and "[csw_versie_onbekend]" in uit.stderr


def test_artikelen_van_een_wet_zijn_geen_verwijzing_naar_de_overeenkomst():
    from contracten.rekenen.verwijzingen import verwijzingen

    tekst = ("De wijzigingsmogelijkheden uit de Aanbestedingswet 2012 gelden: artikel 2.163b, "
             "2.163d en 2.163f. Zie ook artikel 3.19 lid 6.")
    assert [v.tekst for v in verwijzingen(tekst, in_overeenkomst=True)] == ["artikel 3.19 lid 6"]


def test_officiele_tekst_van_een_eerdere_uitgave_wordt_nog_gelezen(tmp_path):
    """artikelen/officieel.yaml as earlier releases wrote it: leden as plain strings."""
    map_ = tmp_path / "artikelen"
    map_.mkdir()
    (map_ / "officieel.yaml").write_text(
        "versie: CSW 1.3\nbestand: standaard.md\nsha256: abc\nartikelen:\n"
        "- nummer: '3.3'\n  titel: Marketing\n  leden:\n  - Eerste lid.\n"
        "  - |-\n    Tweede lid:\n    a. een onderdeel.\n", encoding="utf-8")
    bibliotheek = contracten.artikelbibliotheek(map_)
    marketing = bibliotheek.artikelen["3.3"]
    assert marketing.bron == "officieel" and bibliotheek.standaard == "CSW 1.3"
    uit = voer_uit("artikelen", "--artikelen", str(map_))
    assert uit.code == 0 and "importeer de officiële tekst opnieuw" in uit.stderr
    assert [lid.tekst for lid in marketing.leden] == ["Eerste lid.",
                                                      "Tweede lid:\na. een onderdeel."]
    # a new import of the same version from another file is refused, unless it replaces it
    nieuw = als_markdown(tmp_path / "s.md", regels(NIEUWSTE, _deel3("1.3")))
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer_artikelen(nieuw, map_=map_)
    assert fout.value.meldingen[0].code == "versie_al_geimporteerd"
    assert sorted(p.name for p in map_.iterdir()) == ["officieel.yaml"]  # nothing stored
    uitkomst = contracten.importeer_artikelen(nieuw, map_=map_, vervang=True)
    assert "3.3" in uitkomst.gewijzigd
    assert sorted(p.name for p in map_.iterdir()) == ["officieel-1.3.yaml"]


def test_valideer_noemt_elke_open_plek_zonder_waarde(tmp_path, regios):
    inhoud = regels(NIEUWSTE, _deel3("1.3"))
    plek = next(i for i, r in enumerate(inhoud) if r.tekst == "Proeftekst van lid 3.23.1.")
    inhoud[plek] = Regel("Geschillen gaan eerst naar [te kiezen instantie] en dan naar "
                         "[te kiezen instantie].")
    contracten.importeer_artikelen(als_word(tmp_path / "s.docx", inhoud),
                                   map_=tmp_path / "artikelen")
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 1 and "[te kiezen instantie] in artikel 3.23.1" in uit.stderr
    assert "3.23.1 [te kiezen instantie]#2" in uit.stderr  # how to give each its own value
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d.update(invullingen={
        "3.23.1 [te kiezen instantie]#1": "de klachtencommissie",
        "3.23.1 [te kiezen instantie]#2": "de Geschillencommissie Sociaal Domein"}))
    assert voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path).code == 0
    profiel = contracten.laad_regio(regios, "assen", artikelen=tmp_path / "artikelen")
    contracten.genereer(profiel, uitvoer=tmp_path / "uit", datum=DATUM, soorten=["overeenkomst"],
                        aanbieders=["wonen-plus"])
    tekst = next((tmp_path / "uit/assen").glob("*/overeenkomsten/wonen-plus.md")).read_text(
        "utf-8")
    assert ("Geschillen gaan eerst naar de klachtencommissie en dan naar de Geschillencommissie "
            "Sociaal Domein.") in tekst


def test_de_gekozen_versie_tegen_de_eigen_tekst_en_de_eigen_keuzes(tmp_path, regios):
    """Under 1.2, article 1.10 does not exist: a region that switched it on hears so, and an
    overweging of its own that names version 1.3 is a contradiction."""
    contracten.importeer_artikelen(als_word(tmp_path / "s.docx", regels(deel3=_deel3("1.2"))),
                                   map_=tmp_path / "artikelen")
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d.update(csw_versie="1.2"))
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 1
    assert "artikelen.implementatie" in uit.stderr and "[artikel_niet_in_versie]" in uit.stderr
    assert "overwegingen[0]" in uit.stderr and "[csw_versie_tegenstrijdig]" in uit.stderr
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: (
        d["artikelen"].update(implementatie=False),
        d.update(overwegingen=["Partijen versie 1.2 van de contractstandaard toepassen;"])))
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 0, uit.stderr


def _lid(inhoud: list[Regel], nummer: str, *regels_: Regel) -> list[Regel]:
    """`inhoud` with the text of lid `nummer` (as the made-up document writes it) replaced."""
    plek = next(i for i, r in enumerate(inhoud) if r.tekst == f"Proeftekst van lid {nummer}.")
    return inhoud[:plek] + list(regels_) + inhoud[plek + 1:]


def _delen(pad: Path, artikel: str, lid: int) -> list[tuple[str, dict[str, list[str]], bool]]:
    leden = {a.nummer: a for a in lees_officieel(pad).officieel.artikelen}[artikel].als_leden()
    return [(d.tekst, d.alleen, d.aansluitend) for d in leden[lid - 1].delen]


def test_koppen_zonder_streepje_en_inhoudsopgave_zonder_stijl(tmp_path):
    inhoud = regels(deel3={"3.12": 1})
    kop = next(i for i, r in enumerate(inhoud) if r.tekst.startswith("Artikel 3.6 –"))
    # a heading style without the dash is read; body text with a tab and a number is kept
    inhoud[kop] = Regel("Artikel 3.6 Cliëntenstop door Opdrachtnemer", kop=3)
    inhoud = _lid(inhoud, "3.12.1", Regel("Zie de bijlage\t2"))
    artikelen = _artikelen(als_word(tmp_path / "a.docx", inhoud))
    assert artikelen["3.6"] == ["Opdrachtnemer meldt een proefstop veertien dagen vooraf."]
    assert artikelen["3.12"] == ["Zie de bijlage\t2"]
    # the same heading as plain text is no heading: refused, never merged into 3.2
    inhoud[kop] = Regel("Artikel 3.6 Cliëntenstop door Opdrachtnemer")
    with pytest.raises(InvoerFout) as fout:
        lees_officieel(als_word(tmp_path / "b.docx", inhoud))
    assert {m.code for m in fout.value.meldingen} == {"artikelkop"}


def test_varianten_binnen_een_alinea_en_na_alle_varianten(tmp_path):
    inhoud = _lid(regels(deel3={"3.12": 2}), "3.12.1",
                  Regel("(Bij een toelatingsprocedure:) Eerst A. (Bij een aanbestedingsprocedure:) "
                        "Dan B."),
                  Regel("Bij taakgerichte uitvoeringsvariant:", cursief=True),
                  Regel("Alleen taak. (Bij een aanbestedingsprocedure:) Taak en aanbesteding."),
                  Regel("Bij alle uitvoeringsvarianten:", cursief=True),
                  Regel("Voor iedereen, ook (bij twijfel) hier."))
    alle = ["aanbesteding_met_emvi", "aanbesteding_zonder_emvi"]
    assert _delen(als_word(tmp_path / "c.docx", inhoud), "3.12", 1) == [
        ("Eerst A.", {"procedure": ["toelating"]}, False),
        ("Dan B.", {"procedure": alle}, True),
        ("Alleen taak.", {"uitvoeringsvariant": ["taakgericht"]}, False),
        ("Taak en aanbesteding.", {"uitvoeringsvariant": ["taakgericht"], "procedure": alle},
         True),
        ("Voor iedereen, ook (bij twijfel) hier.", {}, False)]


def test_een_toelichting_die_een_variant_uitsluit_is_in_deel_3_onleesbaar(tmp_path):
    inhoud = _lid(regels(deel3={"3.12": 1}), "3.12.1",
                  Regel("Niet bij taakgerichte uitvoeringsvariant:", cursief=True),
                  Regel("Tekst."))
    with pytest.raises(InvoerFout) as fout:
        lees_officieel(als_word(tmp_path / "d.docx", inhoud))
    assert fout.value.meldingen[0].code == "variant_onleesbaar"


def test_meer_open_plekken_dan_de_bibliotheek_kent_blijven_open(tmp_path, regios):
    inhoud = regels(NIEUWSTE, _deel3("1.3"))
    plek = next(i for i, r in enumerate(inhoud) if r.tekst.startswith("Voor [xx]%"))
    inhoud[plek] = Regel("Voor [xx]% loon, voor [xx]% materiaal en voor [xx]% overig, volgens "
                         "het [gebruikte indexcijfer] en het [gebruikte indexcijfer].")
    uitkomst = contracten.importeer_artikelen(als_word(tmp_path / "s.docx", inhoud),
                                              map_=tmp_path / "artikelen")
    assert any(a.startswith("3.2.2: [xx…] staat er 3 keer") for a in uitkomst.verslag.afwijkingen)
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 1 and "[xx] in artikel 3.2.2" in uit.stderr  # the third, not 'prijs'
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d.update(invullingen={"3.2.2 [xx]": "0"}))
    profiel = contracten.laad_regio(regios, "assen", artikelen=tmp_path / "artikelen")
    contracten.genereer(profiel, uitvoer=tmp_path / "uit", datum=DATUM, soorten=["overeenkomst"],
                        aanbieders=["wonen-plus"])
    tekst = next((tmp_path / "uit/assen").glob("*/overeenkomsten/wonen-plus.md")).read_text(
        "utf-8")
    assert re.search(r"Voor 90%( \(voorbeeld\))? loon, voor 10%( \(voorbeeld\))? materiaal en "
                     r"voor 0% overig", tekst)


def test_onbekende_versie_en_kapotte_opgeslagen_versie_slaan_niets_op(tmp_path):
    bron = als_word(tmp_path / "s.docx", regels(NIEUWSTE, _deel3("1.3")))
    uit = voer_uit("artikelen", "--artikelen", str(tmp_path / "artikelen"), "importeer",
                   str(bron), "--versie", "twee")
    assert uit.code == 1 and "--versie" in uit.stderr and "[versie_ongeldig]" in uit.stderr
    assert not (tmp_path / "artikelen").exists()
    (tmp_path / "artikelen").mkdir()
    (tmp_path / "artikelen/officieel-1.2.yaml").write_text("versie: [kapot\n", encoding="utf-8")
    uit = voer_uit("artikelen", "--artikelen", str(tmp_path / "artikelen"), "importeer",
                   str(bron))
    assert uit.code == 1 and "officieel-1.2.yaml" in uit.stderr
    assert sorted(p.name for p in (tmp_path / "artikelen").iterdir()) == ["officieel-1.2.yaml"]


def test_een_regio_zonder_keuze_verandert_niet_ongemerkt_van_versie(tmp_path, regios):
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d.pop("csw_versie"))
    contracten.importeer_artikelen(als_word(tmp_path / "s.docx", regels(deel3=_deel3("1.2"))),
                                   map_=tmp_path / "artikelen")
    uit = voer_uit("--regios", str(regios), "valideer", "assen", cwd=tmp_path)
    assert uit.code == 1 and "[csw_versie_kiezen]" in uit.stderr
    # an import of the version the library follows (1.3) is used without a choice
    leeg = tmp_path / "ander"
    contracten.importeer_artikelen(als_word(tmp_path / "t.docx", regels(NIEUWSTE, _deel3("1.3"))),
                                   map_=leeg / "artikelen")
    assert contracten.laad_regio(regios, "assen", artikelen=leeg / "artikelen").bibliotheek \
        .standaard == "CSW 1.3"


def test_een_sha256_met_negen_cijfers_is_geen_bsn(tmp_path):
    """The sha256 of the imported file is stored beside its text; its hex digits may hold nine in
    a row that pass the elfproef, and that must not make the stored text unreadable."""
    map_ = tmp_path / "artikelen"
    map_.mkdir()
    (map_ / "officieel-1.3.yaml").write_text(
        f"versie: CSW 1.3\nbestand: s.md\nsha256: 123456782{'a' * 55}\nartikelen:\n"
        "- nummer: '3.3'\n  titel: Marketing\n  leden:\n  - Eerste lid.\n", encoding="utf-8")
    assert contracten.artikelbibliotheek(map_).artikelen["3.3"].bron == "officieel"
