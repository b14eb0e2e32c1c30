"""Compiled templates kept in the user's cache folder (weergave/vertaald.py): a kept compilation
is used only for exactly the same source and environment, never a stale one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from jinja2 import StrictUndefined, TemplateSyntaxError

from contracten.weergave import vertaald as vertaald_module
from contracten.weergave.sjabloon import OMGEVING, omgeving
from contracten.weergave.vertaald import variabelen, vertaald


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONTRACTEN_CACHE", str(tmp_path / "cache" / "contracten"))
    return tmp_path / "cache" / "contracten" / vertaald_module.MAP


def _bespied(monkeypatch: pytest.MonkeyPatch, methode: str) -> list[str]:
    """The sources OMGEVING's `methode` (compile, parse) really got."""
    gedaan: list[str] = []
    echt = getattr(type(OMGEVING), methode)

    def spion(self, bron, *args, **kwargs):
        gedaan.append(bron)
        return echt(self, bron, *args, **kwargs)

    monkeypatch.setattr(type(OMGEVING), methode, spion)
    return gedaan


@pytest.fixture
def compilaties(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources OMGEVING really compiled (not taken from the cache)."""
    return _bespied(monkeypatch, "compile")


def test_tweede_keer_uit_de_cache_met_dezelfde_uitkomst(cache, compilaties):
    bron = "{% for x in rij %}{{ x|bedrag }};{% endfor %}{{ naam }}"
    context = {"rij": [Decimal("1"), Decimal("2.5")], "naam": "<a & b>"}
    eerste = vertaald(OMGEVING, bron).render(context)
    assert compilaties == [bron]
    assert len(list(cache.glob("*.code"))) == 1
    tweede = vertaald(OMGEVING, bron).render(context)
    assert compilaties == [bron], "niet uit de cache"
    assert tweede == eerste == OMGEVING.from_string(bron).render(context)
    assert "&lt;a &amp; b&gt;" in tweede  # autoescape as always


def test_een_gewijzigde_bron_wordt_opnieuw_vertaald(cache, compilaties):
    assert vertaald(OMGEVING, "A {{ x }}").render(x=1) == "A 1"
    assert vertaald(OMGEVING, "B {{ x }}").render(x=1) == "B 1"
    assert compilaties == ["A {{ x }}", "B {{ x }}"]


def test_de_lusgrens_geldt_ook_uit_de_cache(cache):
    """The loops are counted by the code generator (invulgrenzen): its code is in the cache."""
    bron = "{% for x in rij %}{{ x }}{% endfor %}"
    vertaald(OMGEVING, bron)
    assert "herhalingen" in OMGEVING.compile(bron, raw=True)
    sjabloon = vertaald(OMGEVING, bron)
    assert sjabloon.render(rij=[1, 2]) == "12"


def test_een_andere_omgeving_vindt_de_vertaling_niet(cache, compilaties):
    """An environment with other filters, or options, compiles for itself."""
    bron = "{{ x|bedrag }}"
    vertaald(OMGEVING, bron)
    ander = omgeving()
    ander.filters["extra"] = str
    vertaald(ander, bron)
    zonder = omgeving()
    zonder.undefined = StrictUndefined
    zonder.trim_blocks = True
    vertaald(zonder, bron)
    assert len(compilaties) == 3
    kaal = omgeving()
    del kaal.filters["bedrag"]
    with pytest.raises(TemplateSyntaxError):  # compiled, not taken from the cache
        vertaald(kaal, bron)


def test_beschadigde_of_vreemde_inhoud_wordt_opnieuw_vertaald(cache, compilaties):
    vertaald(OMGEVING, "C {{ x }}")
    [bestand] = cache.glob("*.code")
    kop = bestand.read_bytes().split(b"\n", 1)[0]
    for inhoud in (b"", kop + b"\nrommel", b"een andere sleutel\n" + bestand.read_bytes()):
        bestand.write_bytes(inhoud)
        assert vertaald(OMGEVING, "C {{ x }}").render(x=2) == "C 2"
    assert len(compilaties) == 4
    assert vertaald(OMGEVING, "C {{ x }}").render(x=3) == "C 3"
    assert len(compilaties) == 4  # rewritten by the last compilation


def test_een_fout_in_het_sjabloon_blijft_dezelfde_fout(cache):
    with pytest.raises(TemplateSyntaxError) as fout:
        vertaald(OMGEVING, "{% if x %}zonder einde")
    with pytest.raises(TemplateSyntaxError) as zonder_cache:
        OMGEVING.from_string("{% if x %}zonder einde")
    assert str(fout.value) == str(zonder_cache.value)
    assert not list(cache.glob("*.code"))


def test_niet_schrijfbare_cache_vertaalt_gewoon(tmp_path, monkeypatch):
    bezet = tmp_path / "bezet"
    bezet.write_text("een bestand, geen map")
    monkeypatch.setenv("CONTRACTEN_CACHE", str(bezet))
    assert vertaald(OMGEVING, "D {{ x }}").render(x=4) == "D 4"


def test_hoogstens_maximum_bewaard(cache, monkeypatch):
    monkeypatch.setattr(vertaald_module, "MAXIMUM", 3)
    for i in range(5):
        assert vertaald(OMGEVING, f"E{i} {{{{ x }}}}").render(x=i) == f"E{i} {i}"
    assert len(list(cache.glob("*.code"))) == 3


def test_variabelen_uit_de_cache_en_nooit_verouderd(cache, monkeypatch):
    ontleed = _bespied(monkeypatch, "parse")
    bron = "{% set z = 1 %}{{ x }}{% for r in rijen %}{{ r.a }}{{ z }}{% endfor %}"
    assert variabelen(OMGEVING, bron) == {"x", "rijen"}
    assert variabelen(OMGEVING, bron) == {"x", "rijen"}
    assert ontleed == [bron]
    assert variabelen(OMGEVING, bron + "{{ y }}") == {"x", "rijen", "y"}
    assert len(ontleed) == 2
    [bestand] = [p for p in cache.glob("*.variabelen")
                 if p.read_text().endswith('["rijen", "x"]')]
    bestand.write_text(bestand.read_text().replace('"x"', '"x", 3'))  # damaged
    assert variabelen(OMGEVING, bron) == {"x", "rijen"}
    assert len(ontleed) == 3
