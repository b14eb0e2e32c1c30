"""The two shipped profiles load completely and carry their sources' content."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from contracten import laad_regio
from contracten.profiel.inhoud import KAART_LABELS

from .conftest import REGIOS


@pytest.fixture(scope="module")
def assen():
    return laad_regio(REGIOS, "assen")


@pytest.fixture(scope="module")
def amersfoort():
    return laad_regio(REGIOS, "amersfoort")


def test_amersfoort_taakgericht_met_zes_functies(amersfoort):
    assert amersfoort.regio.bekostigingsvorm == "taakgericht"
    assert [f.naam for f in amersfoort.inhoud.functies] == [
        "Begeleiding", "Beschermd thuis", "Vinger aan de pols", "Begeleid wonen",
        "Stabilisatie en observatie/time-out", "Beschermd wonen"]
    assert amersfoort.regio.aanbesteding.kenmerk == "TN353087"
    assert str(amersfoort.regio.aanbesteding.datum) == "2022-03-15"


def test_amersfoort_gemeenten_nijkerk_alleen_beschermd(amersfoort):
    gemeenten = {g.naam: g.alleen for g in amersfoort.regio.gemeenten}
    assert list(gemeenten) == ["Amersfoort", "Baarn", "Bunschoten", "Leusden", "Soest",
                               "Woudenberg", "Nijkerk"]
    assert sorted(gemeenten["Nijkerk"]) == ["beschermd-thuis", "beschermd-wonen"]
    assert all(not scope for naam, scope in gemeenten.items() if naam != "Nijkerk")


def test_amersfoort_inhoud_volledig(amersfoort):
    inhoud = amersfoort.inhoud
    assert [d.term for d in inhoud.definities] == [
        "Begeleiding", "Beschermd thuis", "Beschermd wonen", "Gemeente van herkomst", "Jongere",
        "Opvang", "Perspectiefplan 18-/18+"]
    assert [t.nummer for t in inhoud.transformatieopgaven] == list(range(1, 14))
    assert Counter(e.groep.rstrip(".") for e in inhoud.uitvoeringseisen) == {
        "3.1": 3, "3.2": 11, "3.3": 9}
    assert len(inhoud.productfuncties) == 5
    tijdelijk = next(r for r in inhoud.productfuncties if r.was == ["Kortdurend verblijf"])
    assert tijdelijk.wordt[0].functie == "stabilisatie-time-out"
    assert {o.aantal for o in inhoud.omvang} >= {2400, 520, 30, 1530, 330, 9}
    assert amersfoort.regio.regels.socialreturn is None


def test_assen_outputgericht_met_producten_en_kaarten(assen):
    assert assen.regio.bekostigingsvorm == "outputgericht"
    inhoud = assen.inhoud
    assert [e.code for e in inhoud.eisen] == ["U1", "U2", "U3", "U4", "U5", "U6"]
    assert all(e.bewijsmiddelen for e in inhoud.eisen)
    assert len(inhoud.kaarten) == 6
    voorzieningen = [p for p in inhoud.producten if p.soort == "voorziening"]
    assert len(voorzieningen) == 6
    assert {p.sleutel for p in inhoud.producten if p.soort == "module"} == {
        "dagbesteding", "begeleiding-complex"}
    assert [(p.afstand.van_km, p.afstand.tot_km) for p in inhoud.producten
            if p.soort == "vervoer"] == [(0, 10), (11, 20), (21, 30)]
    assert [o.onderwerp for o in inhoud.accommodatie_eisen][-1] == "Maatregelen overlast"
    assert len(inhoud.accommodatie_eisen) == 5


def test_assen_kaarten_hebben_alle_rijen(assen):
    for kaart in assen.inhoud.kaarten:
        soorten = {r.soort for r in kaart.rijen}
        assert {"beschrijving", "doelgroep", "doel", "randvoorwaarden"} <= soorten, kaart.sleutel
    voorzieningkaarten = ["bw-toezicht", "bw-nabij", "begeleid-kamer-wonen", "thuis-wonen"]
    for sleutel in voorzieningkaarten:
        kaart = next(k for k in assen.inhoud.kaarten if k.sleutel == sleutel)
        soorten = [r.soort for r in kaart.rijen]
        for soort in ("toezicht", "personeelseisen", "eigen_bijdrage"):
            assert soort in soorten, (sleutel, soort)
    thuis = next(k for k in assen.inhoud.kaarten if k.sleutel == "thuis-wonen")
    assert thuis.rij("huisvesting") is not None
    assert set(KAART_LABELS) >= {r.soort for k in assen.inhoud.kaarten for r in k.rijen}


def test_assen_intensiteit_en_iwmo(assen):
    producten = {p.sleutel: p for p in assen.inhoud.producten}
    licht, intensief = producten["thuiswonen-licht"], producten["thuiswonen-intensief"]
    assert (licht.intensiteit.minimum, licht.intensiteit.maximum) == (4, 6)
    assert (intensief.intensiteit.minimum, intensief.intensiteit.maximum) == (7, 10)
    assert producten["dagbesteding"].iwmo.productcategorie == "07"
    assert producten["dagbesteding"].iwmo.eenheid == "82"  # outputgericht: stuks (output)
    assert producten["vervoer-0-10"].iwmo.productcategorie == "08"
    assert producten["bw-toezicht"].iwmo.eenheid == "82"


def test_assen_regels_uit_de_bron(assen):
    regels = assen.regio.regels
    assert regels.socialreturn.percentage == 5
    assert regels.socialreturn.drempel == Decimal("200000.00")
    assert regels.opzegging.doorlevering_maanden == 6
    assert regels.opzegging.is_voorbeeld("opzegtermijn_maanden")
    assert not regels.opzegging.is_voorbeeld("doorlevering_maanden")
    assert regels.weigeren.meldtermijn_dagen == 5
    assert regels.afwezigheid.maximum_maanden_per_kalenderjaar == 6
    huisvesting = assen.prijspeilen[2024].bedrag(regels.afwezigheid.bedrag)
    assert huisvesting.bedrag == Decimal("39.60")
    assert isinstance(huisvesting.bedrag, Decimal)
    assert huisvesting.eenheid == "etmaal" and not huisvesting.voorbeeld


def test_tarieven_per_prijspeil_decimal_en_voorbeeld(assen, amersfoort):
    assert list(assen.prijspeilen) == [2024, 2025]
    for profiel in (assen, amersfoort):
        laatste = profiel.prijspeilen[profiel.laatste_prijspeil()]
        geprijsd = {b.product for b in laatste.bedragen}
        assert {e.sleutel for e in profiel.eenheden} <= geprijsd
        for regel in laatste.bedragen:
            assert isinstance(regel.bedrag, Decimal)
            if regel.product:
                assert regel.voorbeeld, "de bronnen geven geen tarieven: voorbeeldwaarden"
    assert {b.eenheid for b in amersfoort.prijspeilen[2023].bedragen} == {"jaar"}


def test_voorbeeldaanbieders_dekken_de_grenzen():
    aanbieders = laad_regio(REGIOS, "assen").aanbieders
    assert len(aanbieders) >= 12
    omzetten = [a.jaaromzet for a in aanbieders]
    drempel = Decimal("200000")
    assert any(o > drempel for o in omzetten)
    assert any(o == drempel for o in omzetten)
    assert any(o < drempel for o in omzetten)
    namen = " ".join(a.naam for a in aanbieders)
    for teken in ("&", "<", "'", '"', "É"):
        assert teken in namen, teken
    assert all(a.voorbeeld for a in aanbieders)
    assert len({tuple(sorted(a.producten)) for a in aanbieders}) >= 5


def test_amersfoort_een_contractpartner_met_onderaannemers():
    profiel = laad_regio(REGIOS, "amersfoort")
    (partner,) = profiel.aanbieders
    assert set(partner.producten) == {f.sleutel for f in profiel.inhoud.functies}
    assert partner.voorbeeld and len(partner.onderaannemers) == 3
    functies = [p for o in partner.onderaannemers for p in o.producten]
    assert len(functies) == len(set(functies))  # a functie has at most one onderaannemer


def test_profiel_van_een_eerdere_uitgave_zonder_aanneemsom_per_blijft_geldig(regios):
    """regels.socialreturn.aanneemsom_per came later: a region written before it still validates,
    keeps the amounts that release computed (the percentage once of the aanneemsom), and the
    documents mark the choice as an example value, since the region never made it."""
    import datetime as dt

    import contracten

    pad = regios / "assen/regio.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("    aanneemsom_per: looptijd\n", "").replace(
        "    voorbeeld: [aanneemsom_per]\n", "")
    pad.write_text(tekst, encoding="utf-8")
    assert "aanneemsom_per" not in tekst
    profiel = contracten.laad_regio(regios, "assen")
    regel = profiel.regio.regels.socialreturn
    assert regel.aanneemsom_per == "looptijd" and regel.is_voorbeeld("aanneemsom_per")
    uitkomst = contracten.socialreturn(profiel, datum=dt.date(2026, 12, 1),
                                       uitvoer=regios.parent / "uit").als_json()
    verplicht = next(a for a in uitkomst["aanbieders"] if a["verplicht"])
    assert verplicht["bedrag"] == str((Decimal(verplicht["aanneemsom"]) * Decimal("0.05"))
                                      .quantize(Decimal("0.01")))
