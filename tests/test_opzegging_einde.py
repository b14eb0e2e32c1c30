"""An opzegging after the current end (issue 29): the current end is the end of the looptijd with
only the verlengingen recorded as used (`verlenging.gebruikt`), never the ones that could still
come. A day of receipt, a `tegen` or a gemeente's letter after it is refused (`na_het_einde`); a
confirmation of the aanbieder's own opzegging may come later."""

from __future__ import annotations

import datetime as dt

import pytest

import contracten
from contracten import InvoerFout
from contracten.rekenen.termijnen import einde

from .conftest import REGIOS, voer_uit, wijzig_yaml

EEN_DAG = dt.timedelta(days=1)


@pytest.mark.parametrize("regio", ["assen", "amersfoort", "hoogeveld"])
def test_het_huidige_einde_telt_alleen_vastgelegde_verlengingen(regio, tmp_path):
    profiel = contracten.laad_regio(REGIOS, regio)
    verlenging = profiel.overeenkomst.verlenging
    assert verlenging.aantal > 0 and verlenging.gebruikt == 0  # verlengingen that may come
    assert einde(profiel) == profiel.regio.aanbesteding.looptijd.einde
    contract = profiel.contracten[0]
    na, eerder = einde(profiel) + EEN_DAG, einde(profiel) - dt.timedelta(days=400)
    for veld, argumenten in [("ontvangen", {"ontvangen": na}),
                             ("tegen", {"ontvangen": eerder, "tegen": na})]:
        with pytest.raises(InvoerFout) as fout:
            contracten.opzegging(profiel, aanbieder=contract.aanbieder.id,
                                 perceel=contract.perceel.nummer, door="gemeente",
                                 briefdatum=argumenten["ontvangen"], uitvoer=tmp_path,
                                 **argumenten)
        [melding] = fout.value.meldingen
        assert (melding.veld, melding.code) == (veld, "na_het_einde")
        assert f"na het huidige einde van de overeenkomst ({einde(profiel)}, met de " \
               "verlengingen die zijn vastgelegd)" in melding.bericht
    assert not list(tmp_path.iterdir())


def test_een_brief_van_de_gemeente_na_het_einde_zegt_niets_meer_op(tmp_path):
    """With --terugwerkend the letter may be dated after the day of receipt, but not after the
    contract has ended."""
    uit = voer_uit("--regios", str(REGIOS), "opzegging", "assen", "--aanbieder", "wonen-plus",
                   "--door", "gemeente", "--ontvangen", "2029-06-30", "--terugwerkend",
                   "--briefdatum", "2030-01-02", "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 1 and "[na_het_einde]" in uit.stderr
    assert ("assen: briefdatum: de brief waarmee de gemeente opzegt, is gedateerd 2030-01-02: na "
            "het huidige einde van de overeenkomst (2029-12-31, met de verlengingen die zijn "
            "vastgelegd). Een overeenkomst die al is geëindigd, kan niet meer worden opgezegd. "
            "Is een verlenging ingegaan, leg die dan vast met verlenging.gebruikt in "
            "overeenkomst.yaml.") in uit.stderr
    assert "Interne fout" not in uit.stderr and not (tmp_path / "uit").exists()
    # on the last day it still can
    uit = voer_uit("--regios", str(REGIOS), "opzegging", "assen", "--aanbieder", "wonen-plus",
                   "--door", "gemeente", "--ontvangen", "2029-06-30", "--terugwerkend",
                   "--briefdatum", "2029-12-31", "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 0, uit.stderr


def test_met_een_vastgelegde_verlenging_kan_het_wel(regios, tmp_path):
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d["verlenging"].update(gebruikt=1))
    uit = voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder", "wonen-plus",
                   "--door", "gemeente", "--ontvangen", "2029-06-30", "--terugwerkend",
                   "--briefdatum", "2030-01-02", "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 0, uit.stderr
    uit = voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder", "wonen-plus",
                   "--ontvangen", "2030-06-30", "--briefdatum", "2030-07-01", "--uitvoer",
                   str(tmp_path / "uit"))
    assert uit.code == 0, uit.stderr
    uit = voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder", "wonen-plus",
                   "--ontvangen", "2031-01-01", "--briefdatum", "2031-01-02", "--uitvoer",
                   str(tmp_path / "uit"))
    assert uit.code == 1 and "(2030-12-31, met de verlengingen die zijn vastgelegd)" \
        in uit.stderr and "[na_het_einde]" in uit.stderr


def test_de_bevestiging_van_een_opzegging_mag_na_het_einde_komen(tmp_path):
    """The aanbieder gave notice in time; the gemeente's confirmation (and the transition
    schedule, whose doorlevering runs six months past the end) may still follow."""
    resultaat = contracten.opzegging(
        contracten.laad_regio(REGIOS, "assen"), aanbieder="wonen-plus",
        ontvangen=dt.date(2029, 6, 30), briefdatum=dt.date(2030, 1, 6), uitvoer=tmp_path)
    assert resultaat.schema.einde_overeenkomst == dt.date(2029, 12, 31)
    assert resultaat.schema.uiterste_zorgdatum > dt.date(2030, 1, 6)
