"""`Invulling.vooraf`: the engine gathers the first pieces of a filling in one loop instead of a
generator per piece (issue 31); what it gives, joined and cut by `stroomblok.uit_begin`, is
exactly what the piece-by-piece way (`stroom`, `gesplitst`) gives, within the same bounds."""

from __future__ import annotations

import pytest

from contracten.weergave import invulgrenzen, stroomblok
from contracten.weergave.blokgeheugen import GRENS
from contracten.weergave.invulgrenzen import GrensOverschreden
from contracten.weergave.sjabloon import OMGEVING

BRON = ("<w:body>{% for i in reeks %}<w:p>{{ i }} &amp; {{ tekst }}</w:p>" + GRENS
        + "{% endfor %}</w:body>")


@pytest.mark.parametrize("aantal", [0, 1, 40, 3000])
@pytest.mark.parametrize("tot", [1, 50, 10_000, 10**9])
@pytest.mark.parametrize("stap", [7, 65_536])
def test_vooraf_geeft_wat_de_stroom_geeft(aantal, tot, stap, monkeypatch):
    monkeypatch.setattr(invulgrenzen, "STAP", stap)
    monkeypatch.setattr(stroomblok, "DREMPEL", tot)
    sjabloon = OMGEVING.from_string(BRON)
    context = {"reeks": list(range(aantal)), "tekst": "Zorg & Welzijn"}
    with invulgrenzen.invulgrenzen("Overeenkomst") as invulling:
        verwacht = stroomblok.gesplitst(invulling.stroom(sjabloon, context), GRENS)
        tekens = invulling.tekens
    with invulgrenzen.invulgrenzen("Overeenkomst") as invulling:
        begin, rest = invulling.vooraf(sjabloon, context, tot)
        if rest is None:  # all of it, and fewer than `tot` characters
            assert len("".join(begin)) < tot
        gesplitst = stroomblok.uit_begin(begin, rest, GRENS)
        assert invulling.tekens == tekens  # counted alike
    assert [s if isinstance(s, str) else s.tekst() for s in gesplitst] == \
        [s if isinstance(s, str) else s.tekst() for s in verwacht]
    assert [isinstance(s, str) for s in gesplitst] == [isinstance(s, str) for s in verwacht]


@pytest.mark.parametrize("tot", [10, 10**9])
def test_vooraf_houdt_de_uitvoergrens(tot, monkeypatch):
    monkeypatch.setattr(invulgrenzen, "GRENS_UITVOER", 1000)
    monkeypatch.setattr(invulgrenzen, "STAP", 100)
    sjabloon = OMGEVING.from_string("{% for i in range(50) %}{{ 'x' * 30 }}{% endfor %}")
    with invulgrenzen.invulgrenzen("Brief") as invulling, \
            pytest.raises(GrensOverschreden) as fout:
        _, rest = invulling.vooraf(sjabloon, {}, tot)
        list(rest or ())
    assert fout.value.code == "sjabloon_te_groot"
    assert fout.value.bericht == ("'Brief' wordt meer dan 1.000 tekens Word-XML (de grens per "
                                  "document); staat er een lus in een lus?")


def test_vooraf_houdt_de_tijdsgrens(monkeypatch):
    monkeypatch.setattr(invulgrenzen, "STAP", 10)
    sjabloon = OMGEVING.from_string("{% for i in range(50) %}{{ 'x' * 30 }}{% endfor %}")
    with invulgrenzen.invulgrenzen("Brief") as invulling, \
            pytest.raises(GrensOverschreden) as fout:
        invulling.einde = 0.0  # the time is up
        invulling.vooraf(sjabloon, {}, 10**9)
    assert fout.value.code == "sjabloon_te_traag"
