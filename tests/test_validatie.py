"""Every validation rule, each with one broken profile: the message names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from contracten import InvoerFout, laad_regio
from contracten.fouten import RegioOnbekend
from contracten.opmaak import bedrag
from contracten.profiel.tarieven import BedragRegel

from .conftest import REGIOS, voer_uit, wijzig_yaml


def meldingen(regios: Path, regio: str = "assen"):
    with pytest.raises(InvoerFout) as info:
        laad_regio(regios, regio)
    return info.value.meldingen


def een(regios: Path, regio: str = "assen"):
    gevonden = meldingen(regios, regio)
    assert len(gevonden) == 1, [str(m) for m in gevonden]
    return gevonden[0]


# The iWmo codes of begeleiding complex in assen/inhoud.yaml, up to its eenheid.
COMPLEX = "kaart: begeleiding-complex\n  iwmo:\n    productcategorie: '02'\n    eenheid: "


def vervang(pad: Path, oud: str, nieuw: str, aantal: int = 1) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, aantal), encoding="utf-8")


def test_onbekend_veld_wordt_geweigerd_met_regel(regios):
    vervang(regios / "assen/regio.yaml", "centrumgemeente: Assen",
            "centrumgemeente: Assen\ncentrumgemeentee: Assen")
    m = een(regios)
    assert (m.bestand, m.veld) == ("assen/regio.yaml", "centrumgemeentee")
    assert m.code == "extra_forbidden"
    regels = (regios / "assen/regio.yaml").read_text().splitlines()
    assert regels[m.regel - 1].startswith("centrumgemeentee")


def test_een_aanbieder_meldt_een_onbekend_veld_en_een_tekst_als_adres_net_zo(regios):
    """An aanbieder and its parts are dataclasses, not models: the same codes and messages."""
    vervang(regios / "assen/aanbieders.yaml", "    kvk:", "    kvkk: 1\n    kvk:")
    vervang(regios / "assen/aanbieders.yaml", "    adres:\n", "    adres: Brink 1\n    oud:\n")
    gevonden = {(m.veld, m.code): m for m in meldingen(regios)}
    kvkk = gevonden[("aanbieders[0: zorg-welzijn-de-brug].kvkk", "extra_forbidden")]
    assert "onbekend veld" in kvkk.bericht
    regels = (regios / "assen/aanbieders.yaml").read_text().splitlines()
    assert regels[kvkk.regel - 1].strip() == "kvkk: 1"
    adres = gevonden[("aanbieders[0: zorg-welzijn-de-brug].adres", "model_type")]
    assert adres.bericht.startswith("verwacht een groep velden")


def test_dubbele_sleutel(regios):
    vervang(regios / "assen/regio.yaml", "bekostigingsvorm: outputgericht",
            "bekostigingsvorm: outputgericht\nbekostigingsvorm: taakgericht")
    assert any(m.code == "dubbele_sleutel" and m.veld == "bekostigingsvorm"
               for m in meldingen(regios))


def test_ontbrekend_verplicht_veld(regios):
    wijzig_yaml(regios / "assen/regio.yaml", lambda d: d.pop("centrumgemeente"))
    m = een(regios)
    assert (m.veld, m.code) == ("centrumgemeente", "missing")


def test_ontbrekend_bestand(regios):
    (regios / "assen/inhoud.yaml").unlink()
    m = een(regios)
    assert (m.bestand, m.code) == ("assen/inhoud.yaml", "bestand_ontbreekt")


def test_ongeldige_yaml_noemt_regel(regios):
    vervang(regios / "amersfoort/regio.yaml", "naam: Regio Amersfoort", "naam: [Regio Amersfoort")
    m = een(regios, "amersfoort")
    assert m.code == "yaml" and m.regel is not None


def test_geen_utf8(regios):
    (regios / "assen/aanbieders.yaml").write_bytes("naam: Stichting \xc9\xe9n".encode("latin-1"))
    assert een(regios).code == "codering"


def test_bom_is_geen_probleem(regios):
    pad = regios / "assen/regio.yaml"
    zonder = laad_regio(regios, "assen")
    pad.write_bytes(b"\xef\xbb\xbf" + pad.read_bytes())
    met = laad_regio(regios, "assen")
    assert met.regio.naam == "Regio Assen"  # the first key is read as itself, BOM and all
    assert met == zonder


def test_aanbieder_met_onbekend_product(regios):
    wijzig_yaml(regios / "assen/aanbieders.yaml",
                lambda d: d["aanbieders"][2]["producten"].append("bw-toezciht"))
    m = een(regios)
    assert m.bestand == "assen/aanbieders.yaml"
    assert m.veld.startswith("aanbieders[2: wonen-plus].producten[")
    assert m.code == "verwijzing_onbekend" and "bw-toezciht" in m.bericht


def test_tarief_met_onbekend_product(regios):
    wijzig_yaml(regios / "assen/tarieven/2025.yaml",
                lambda d: d["bedragen"][1].update(product="beschermd-wonen"))
    gevonden = meldingen(regios)
    assert any(m.bestand == "assen/tarieven/2025.yaml" and m.veld.startswith("bedragen[1: ")
               and m.veld.endswith("].product") and m.code == "verwijzing_onbekend"
               for m in gevonden)


def test_productfunctie_met_onbekende_functie(regios):
    wijzig_yaml(regios / "amersfoort/inhoud.yaml",
                lambda d: d["productfuncties"][0]["wordt"][0].update(functie="time-out"))
    m = een(regios, "amersfoort")
    assert (m.veld, m.code) == ("productfuncties[0].wordt[0].functie", "verwijzing_onbekend")


def test_gemeente_scope_met_onbekende_functie(regios):
    vervang(regios / "amersfoort/regio.yaml", "alleen: [beschermd-wonen, beschermd-thuis]",
            "alleen: [beschermd-wonen, beschermd-thuiss]")
    m = een(regios, "amersfoort")
    assert (m.veld, m.code) == ("gemeenten[6].alleen[1]", "verwijzing_onbekend")


def test_kaart_van_product_bestaat_niet(regios):
    wijzig_yaml(regios / "assen/inhoud.yaml", lambda d: d["producten"][0].update(kaart="bw-x"))
    assert een(regios).veld == "producten[0: bw-toezicht].kaart"


def test_dubbel_aanbieder_id(regios):
    def dubbel(d):
        d["aanbieders"][1]["id"] = d["aanbieders"][0]["id"]
    wijzig_yaml(regios / "assen/aanbieders.yaml", dubbel)
    m = een(regios)
    assert (m.veld, m.code) == ("aanbieders[1: zorg-welzijn-de-brug].id", "dubbel")


@pytest.mark.parametrize(("waarde", "code"), [
    ("-5.00", "greater_than_equal"),
    ("39.605", "bedrag_centen"),
    ("'39,60'", "bedrag_komma"),
    ("veel", "decimal_parsing"),
])
def test_ongeldige_bedragen(regios, waarde, code):
    vervang(regios / "assen/tarieven/2024.yaml", "bedrag: 39.60", f"bedrag: {waarde}")
    m = een(regios)
    assert (m.bestand, m.veld, m.code) == (
        "assen/tarieven/2024.yaml", "bedragen[0: afwezigheid-huisvesting].bedrag", code)
    assert m.regel is not None


def test_bedrag_wordt_nooit_float(regios):
    huisvesting = laad_regio(regios, "assen").prijspeilen[2024].bedragen[0].bedrag
    assert repr(huisvesting) == "Decimal('39.60')"


@pytest.mark.parametrize(("veld", "waarde"), [("kvk", "1234567"), ("agb", "123456789"),
                                               ("kvk", "1234567a")])
def test_kvk_en_agb_acht_cijfers(regios, veld, waarde):
    wijzig_yaml(regios / "assen/aanbieders.yaml",
                lambda d: d["aanbieders"][0].update({veld: waarde}))
    m = een(regios)
    assert (m.veld, m.code) == (f"aanbieders[0: zorg-welzijn-de-brug].{veld}",
                                "string_pattern_mismatch")


def test_percentage_buiten_bereik(regios):
    vervang(regios / "assen/regio.yaml", "percentage: 5", "percentage: 150")
    m = een(regios)
    assert (m.veld, m.code) == ("regels.socialreturn.percentage", "less_than_equal")


def test_onmogelijke_datum(regios):
    vervang(regios / "assen/regio.yaml", "datum: 2025-05-14", "datum: 2025-02-30")
    m = een(regios)
    assert m.veld == "aanbesteding.datum" and "datum" in m.bericht


def test_datums_in_volgorde(regios):
    vervang(regios / "assen/regio.yaml", "einde: 2029-12-31", "einde: 2025-12-31")
    m = een(regios)
    assert (m.veld, m.code) == ("aanbesteding.looptijd.einde", "datum_volgorde")


def test_prijspeil_in_verkeerd_bestand(regios):
    vervang(regios / "assen/tarieven/2024.yaml", "prijspeil: 2024", "prijspeil: 2023")
    gevonden = meldingen(regios)
    assert any(m.code == "prijspeil_bestand" for m in gevonden)


def test_onbekende_bekostigingsvorm(regios):
    vervang(regios / "assen/regio.yaml", "bekostigingsvorm: outputgericht",
            "bekostigingsvorm: resultaatgericht")
    m = een(regios)
    assert m.code == "literal_error" and "taakgericht" in m.bericht


def test_selectie_met_onbekende_kaart(regios):
    vervang(regios / "assen/programma.yaml", "- bw-nabij", "- bw-nabijj")
    m = een(regios)
    assert m.bestand == "assen/programma.yaml" and m.code == "verwijzing_onbekend"


def test_voorbeeld_noemt_bestaand_veld(regios):
    vervang(regios / "assen/regio.yaml", "voorbeeld: [opzegtermijn_maanden]",
            "voorbeeld: [opzegtermijn]")
    assert een(regios).code == "voorbeeld_onbekend"


def test_alle_fouten_in_een_keer(regios):
    vervang(regios / "assen/regio.yaml", "percentage: 5", "percentage: 150")
    vervang(regios / "assen/tarieven/2024.yaml", "bedrag: 39.60", "bedrag: -1")
    wijzig_yaml(regios / "assen/aanbieders.yaml", lambda d: d["aanbieders"][0].update(kvk="1"))
    bestanden = {m.bestand for m in meldingen(regios)}
    assert bestanden == {"assen/regio.yaml", "assen/tarieven/2024.yaml", "assen/aanbieders.yaml"}


def test_regio_met_pad_erin_wordt_geweigerd(regios):
    with pytest.raises(RegioOnbekend):
        laad_regio(regios, "../regios/assen")


def test_cli_kapot_profiel_exit_1_zonder_traceback(regios):
    vervang(regios / "assen/tarieven/2024.yaml", "bedrag: 39.60", "bedrag: -1")
    uit = voer_uit("--regios", str(regios), "valideer")
    assert uit.code == 1
    assert "amersfoort: geldig" in uit.stdout and "hoogeveld: geldig" in uit.stdout
    assert "assen/tarieven/2024.yaml:" in uit.stderr
    assert "bedragen[0: afwezigheid-huisvesting].bedrag" in uit.stderr
    assert "Traceback" not in uit.stderr
    assert sorted(p.name for p in regios.iterdir()) == [  # nothing written
        "amersfoort", "assen", "hoogeveld"]


def test_elk_veldpatroon_heeft_een_nederlandse_omschrijving():
    import re

    from contracten.lezen import velden
    from contracten.profiel import aanbieders, brieven, inhoud, model, overeenkomst, typen

    gevonden = 0
    for module in (aanbieders, brieven, inhoud, model, overeenkomst, typen):
        tekst = Path(module.__file__).read_text(encoding="utf-8")
        for patroon in re.findall(r'pattern=r"([^"]*)"', tekst):
            assert patroon in velden.VORMEN, patroon
            gevonden += 1
    assert gevonden >= 3  # the search above still finds the patterns (kvk, agb, postcode ...)


def test_verplichte_aanbieder_zonder_aanneemsom(regios):
    def weg(d):
        boven = next(a for a in d["aanbieders"] if float(a["jaaromzet"]) > 200000)
        boven.pop("aanneemsom")
    wijzig_yaml(regios / "assen/aanbieders.yaml", weg)
    m = een(regios)
    assert m.code == "aanneemsom_ontbreekt" and m.veld.endswith(".aanneemsom")


def test_typefout_en_kruisverwijzing_in_een_keer(regios):
    vervang(regios / "assen/regio.yaml", "percentage: 5", "percentage: 150")
    wijzig_yaml(regios / "assen/aanbieders.yaml",
                lambda d: d["aanbieders"][0]["producten"].append("dagbestedingg"))
    codes = {(m.bestand, m.code) for m in meldingen(regios)}
    assert codes == {("assen/regio.yaml", "less_than_equal"),
                     ("assen/aanbieders.yaml", "verwijzing_onbekend")}


@pytest.mark.parametrize(("bestand", "oud", "nieuw", "code"), [
    ("regio.yaml", "centrumgemeente: Assen", "centrumgemeente: Asen", "centrumgemeente_onbekend"),
    ("regio.yaml", "bekostigingsvorm: outputgericht", "bekostigingsvorm: taakgericht",
     "functies_leeg"),
    ("programma.yaml", "- blok: eisen", "- blok: omvang", "blok_leeg"),
    ("programma.yaml", "- blok: accommodatie_eisen",
     "- blok: accommodatie_eisen\n    selectie: [x]", "selectie_onbekend"),
    ("tarieven/2025.yaml", "ingangsdatum: 2025-01-01", "ingangsdatum: 2024-12-31",
     "datum_volgorde"),
    ("inhoud.yaml", "maximum: 6", "maximum: 3", "volgorde"),
    ("regio.yaml", "naam: Regio Assen", "naam: \"Regio\\u0007Assen\"", "stuurteken"),
    ("regio.yaml", "naam: Regio Assen", "naam: \"Regio\\nAssen\"", "stuurteken"),
    ("regio.yaml", "naam: Regio Assen", "naam: &a [*a]", "yaml_diepte"),
])
def test_meer_regels(regios, bestand, oud, nieuw, code):
    vervang(regios / "assen" / bestand, oud, nieuw)
    assert code in {m.code for m in meldingen(regios)}


def test_geen_bedrag_voor_gecontracteerd_product(regios):
    wijzig_yaml(regios / "assen/tarieven/2025.yaml",
                lambda d: d["bedragen"].pop(next(i for i, b in enumerate(d["bedragen"])
                                                 if b.get("product") == "dagbesteding")))
    assert {m.code for m in meldingen(regios)} == {"bedrag_ontbreekt"}


def test_tariefbestand_met_andere_extensie_wordt_niet_overgeslagen(regios):
    (regios / "assen/tarieven/2024.yaml").rename(regios / "assen/tarieven/2024.yml")
    assert "prijspeil_bestandsnaam" in {m.code for m in meldingen(regios)}


def test_zonder_tarieven(regios):
    for pad in (regios / "assen/tarieven").iterdir():
        pad.unlink()
    assert "prijspeil_ontbreekt" in {m.code for m in meldingen(regios)}


def test_kvk_met_voorloopnul_zonder_aanhalingstekens(regios):
    vervang(regios / "assen/aanbieders.yaml", 'kvk: "90000101"', "kvk: 01234567")
    aanbieder = laad_regio(regios, "assen").aanbieders[0]
    assert aanbieder.kvk == "01234567"


def test_product_dubbel_bij_aanbieder(regios):
    def dubbel(d):
        producten = d["aanbieders"][0]["producten"]
        producten.append(producten[0])
    wijzig_yaml(regios / "assen/aanbieders.yaml", dubbel)
    assert een(regios).code == "dubbel"


def test_bedrag_als_float_via_python_wordt_geweigerd():
    with pytest.raises(ValidationError, match="float"):
        BedragRegel(sleutel="x", omschrijving="x", bedrag=39.6, eenheid="uur")


@settings(database=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_geld_gaat_nooit_door_een_float(waarde):
    with pytest.raises(ValidationError):
        BedragRegel(sleutel="x", omschrijving="x", bedrag=waarde, eenheid="uur")
    with pytest.raises(TypeError):
        bedrag(waarde)


def test_bsn_in_het_profiel_wordt_geweigerd_zonder_herhaling(regios):
    vervang(regios / "assen/aanbieders.yaml", "Brugstraat 12", "Brugstraat 111222333")
    with pytest.raises(InvoerFout) as fout:
        laad_regio(regios, "assen")
    assert [(m.bestand, m.code) for m in fout.value.meldingen] == [("assen/aanbieders.yaml", "bsn")]
    assert fout.value.meldingen[0].veld == "aanbieders.0.adres.straat"  # found when read
    assert fout.value.meldingen[0].regel is not None
    assert "111222333" not in str(fout.value)


def _inspanningsgericht(regios: Path) -> None:
    """Assen as an inspanningsgerichte region, begeleiding complex allocated per uur (04)."""
    vervang(regios / "assen/regio.yaml", "bekostigingsvorm: outputgericht",
            "bekostigingsvorm: inspanningsgericht")
    pad = regios / "assen/inhoud.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("eenheid: '82'\n    frequentie: '2'",
                                 "eenheid: '84'\n    frequentie: '2'")
                   .replace("eenheid: '82'\n    frequentie: '1'",
                            "eenheid: '84'\n    frequentie: '2'"), encoding="utf-8")
    vervang(pad, f"{COMPLEX}'84'",
            f"{COMPLEX}'04'")


def test_iwmo_eenheid_en_tariefeenheid_moeten_bij_elkaar_passen(regios):
    """Begeleiding complex is declared to iWmo per uur (04): a tariff per dagdeel is refused,
    with file, line, field, what was found and every allowed value."""
    _inspanningsgericht(regios)
    assert voer_uit("--regios", str(regios), "valideer", "assen").code == 0
    pad = regios / "assen/tarieven/2025.yaml"
    tekst = pad.read_text(encoding="utf-8")
    oud = '    omschrijving: "Begeleiding complex"\n    bedrag: 78.90\n    eenheid: uur\n'
    assert tekst.count(oud) == 1
    pad.write_text(tekst.replace(oud, oud.replace("eenheid: uur", "eenheid: dagdeel")),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    regel = next(r for r in uit.stderr.splitlines() if "[eenheid_iwmo]" in r)
    assert "assen/tarieven/2025.yaml:71: bedragen" in regel and ".eenheid" in regel
    assert "'dagdeel' past niet bij product 'begeleiding-complex'" in regel
    assert "iWmo-eenheid 04 (uur)" in regel and "verwacht eenheid: uur" in regel
    assert "84 stuks (inspanning)" in regel  # the allowed values in full


def test_valideer_telt_in_goed_nederlands():
    uit = voer_uit("valideer", "amersfoort", env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0 and "amersfoort: geldig (1 aanbieder, prijspeilen 2023)" in uit.stdout


def test_een_onbekend_product_in_goed_nederlands(regios):
    pad = regios / "assen/tarieven/2025.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("product: begeleiding-complex", "product: bestaat-niet", 1),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "'bestaat-niet' is geen bekend product" in uit.stderr


def test_iwmo_eenheid_hoort_bij_de_bekostigingsvorm(regios):
    """An outputgerichte region allocates in stuks (output) or euro's; a unit of time belongs to
    the inspanningsgerichte variant (iWmo 3.2). The message names both and lists what may."""
    vervang(regios / "assen/inhoud.yaml",
            f"{COMPLEX}'82'",
            f"{COMPLEX}'04'")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    regels = [r for r in uit.stderr.splitlines() if "[eenheid_bekostigingsvorm]" in r]
    assert len(regels) == 1
    assert "producten[7: begeleiding-complex].iwmo.eenheid" in regels[0]
    assert "iWmo-eenheid 04 uur hoort niet bij een outputgerichte regio" in regels[0]
    assert regels[0].removesuffix(" [eenheid_bekostigingsvorm]").endswith(
        "toegestaan: 82 stuks (output), 83 euro's")


def test_inspanningsgericht_weigert_stuks_output(regios):
    _inspanningsgericht(regios)
    vervang(regios / "assen/inhoud.yaml", f"{COMPLEX}'04'",
            f"{COMPLEX}'82'")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "[eenheid_bekostigingsvorm]" in uit.stderr
    assert ("toegestaan: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel (4 uur), 84 stuks (inspanning)"
            in uit.stderr)


def test_iwmo_frequentie_hoort_bij_de_eenheid(regios):
    """Euro's (83) are never allocated per dag (CS338)."""
    vervang(regios / "assen/inhoud.yaml", f"{COMPLEX}'82'\n"
            "    frequentie: '2'", f"{COMPLEX}'83'\n"
            "    frequentie: '1'")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    regel = next(r for r in uit.stderr.splitlines() if "[frequentie_eenheid]" in r)
    assert "iWmo-frequentie 1 per dag kan niet bij eenheid 83 euro's" in regel
    assert "toegestaan: 2 per week, 4 per maand, 6 totaal binnen geldigheidsduur" in regel


def test_productcategorie_uit_de_landelijke_lijst(regios):
    """WMO020 in full, with names; an unquoted number is read as the code."""
    pad = regios / "assen/inhoud.yaml"
    vervang(pad, "productcategorie: '07'", "productcategorie: 7")
    assert voer_uit("--regios", str(regios), "valideer", "assen").code == 0
    vervang(pad, "productcategorie: 7", "productcategorie: '19'")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    regel = next(r for r in uit.stderr.splitlines() if "[iwmo_code]" in r)
    assert "producten[6: dagbesteding].iwmo.productcategorie" in regel
    assert "01 Hulp bij het huishouden" in regel and "18 Overige beschermd wonen en opvang" in regel
    assert "(gevonden: 19)" in regel
