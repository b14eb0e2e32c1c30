"""Bounded templates (issue 29): filling one document stops at GRENS_HERHALINGEN loop rounds,
GRENS_UITVOER characters or GRENS_SECONDEN seconds, in any thread (the web fills in one) and
with a Dutch message that names the template and the document; a loop fills as before."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

import contracten
from contracten.weergave import invulgrenzen
from contracten.weergave.invulgrenzen import GrensOverschreden, Invulling
from contracten.weergave.sjabloon import OMGEVING, VULFOUTEN, SjabloonFout, sjabloonfout

from .conftest import REGIOS, ROOT, voer_uit

GENEST = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"


def _vul(bron: str, context: dict | None = None, document: str = "Overeenkomst De Brug") -> str:
    try:
        with invulgrenzen.invulgrenzen(document) as invulling:
            return invulling.vul(OMGEVING.from_string(bron), context or {})
    except VULFOUTEN as exc:
        raise sjabloonfout("sjablonen/overeenkomst.docx", exc) from exc


def _in_een_draad(functie):
    """Run `functie` in another thread (as the web does: no timer signal there)."""
    uitkomst: list = []

    def draai() -> None:
        try:
            uitkomst.append(functie())
        except Exception as exc:  # handed to the test
            uitkomst.append(exc)

    draad = threading.Thread(target=draai)
    draad.start()
    draad.join(timeout=120)
    assert not draad.is_alive(), "de invulling stopte niet"
    return uitkomst[0]


def test_een_lus_in_een_lus_stopt_meteen_ook_buiten_de_hoofddraad():
    begin = time.monotonic()
    fout = _in_een_draad(lambda: _vul(GENEST))
    assert isinstance(fout, SjabloonFout) and fout.code == "sjabloon_te_veel_herhalingen"
    assert str(fout) == (
        "Sjabloon sjablonen/overeenkomst.docx: de lussen van 'Overeenkomst De Brug' gaan samen "
        "meer dan 1 miljoen keer rond (de grens per document, grens GRENS_HERHALINGEN; hoger met "
        "de omgevingsvariabele CONTRACTEN_GRENS_HERHALINGEN); staat er een lus in een lus?")
    assert time.monotonic() - begin < 10


def test_ook_een_lus_over_een_opgeslagen_reeks_of_een_filter_telt():
    for bron in ("{% set r = range(99999) %}{% for i in r %}{% for j in r %}{% endfor %}"
                 "{% endfor %}",
                 "{% for i in range(99999) %}{% for j in range(99999)|reverse %}"
                 "{% endfor %}{% endfor %}",
                 "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}"
                 "{% endfor %}"):
        with pytest.raises(SjabloonFout) as fout:
            _vul(bron)
        assert fout.value.code == "sjabloon_te_veel_herhalingen", bron


@pytest.mark.parametrize("bron", ["{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
                                  "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"])
def test_een_sjabloon_dat_zichzelf_eindeloos_aanroept(bron):
    with pytest.raises(SjabloonFout) as fout:
        _vul(bron)
    assert fout.value.code == "sjabloon_te_diep" and "roept zichzelf zonder einde aan" \
        in str(fout.value)


def test_een_lus_over_een_lijst_die_groeit_stopt():
    """The sandbox lets a template append to a list; a loop over it runs over the list as it
    was when the loop started, not on forever without output."""
    bron = ("{% set l = [1, 2, 3] %}{% for x in l %}{{ l.append(x) or '' }}{% endfor %}"
            "{{ l|length }}")
    assert _in_een_draad(lambda: _vul(bron)) == "6"


def test_de_tijdsgrens_geldt_ook_buiten_de_hoofddraad(monkeypatch):
    """Few rounds, each slow: no loop bound is passed, the clock stops it (without a timer
    signal, which only the main thread has)."""
    monkeypatch.setattr(invulgrenzen, "GRENS_SECONDEN", 1)
    begin = time.monotonic()
    fout = _in_een_draad(lambda: _vul("{% for a in range(100000) %}"
                                      "{% set b = range(20000)|list %}{% endfor %}"))
    assert isinstance(fout, SjabloonFout) and fout.code == "sjabloon_te_traag"
    assert ("de grens per document" in str(fout) and "'Overeenkomst De Brug' duurt langer dan 1 "
            "seconde" in str(fout))
    assert time.monotonic() - begin < 10


def test_de_uitvoergrens_telt_alle_delen_van_een_document_samen(monkeypatch):
    monkeypatch.setattr(invulgrenzen, "GRENS_UITVOER", 1000)
    sjabloon = OMGEVING.from_string("{{ 'x' * 600 }}")
    with invulgrenzen.invulgrenzen("Brief") as invulling:
        assert len(invulling.vul(sjabloon, {})) == 600  # the body
        with pytest.raises(GrensOverschreden) as fout:
            invulling.vul(sjabloon, {})  # a header: 1,200 together
    assert fout.value.code == "sjabloon_te_groot"
    assert fout.value.bericht == ("'Brief' wordt meer dan 1.000 tekens Word-XML (de grens per "
                                  "document); staat er een lus in een lus?")
    with invulgrenzen.invulgrenzen("Volgende brief") as invulling:  # each document anew
        assert len(invulling.vul(sjabloon, {})) == 600


def test_de_grenzen_staan_met_hun_standaard_in_de_documentatie():
    tekst = " ".join((ROOT / "docs" / "veiligheid.md").read_text(encoding="utf-8").split())
    assert invulgrenzen.GRENS_SECONDEN == 60 and "`GRENS_SECONDEN`: 60 seconden" in tekst
    assert invulgrenzen.GRENS_UITVOER == 50_000_000 and "`GRENS_UITVOER`: 50 miljoen" in tekst
    assert invulgrenzen.GRENS_HERHALINGEN == 1_000_000 and "`GRENS_HERHALINGEN`: 1 miljoen" \
        in tekst


@pytest.mark.parametrize("bron", [
    "{% for a in x %}{{ loop.index }}/{{ loop.length }}/{{ loop.revindex }}"
    "{% if loop.last %}!{% endif %}{% if not loop.first %}{{ loop.previtem }}{% endif %}|"
    "{% endfor %}",
    "{% for a in x if a is odd %}{{ a }}{{ loop.last }}{% else %}leeg{% endfor %}",
    "{% for a in x|select('even') %}{{ a }}:{{ loop.length }}{{ loop.cycle('a', 'b') }}"
    "{% endfor %}",
    "{% for a, b in d.items() %}{{ a }}={{ b }};{% endfor %}{% for a in [] %}{% else %}niets"
    "{% endfor %}",
    "{% for t in boom recursive %}({{ t.n }}{{ loop(t.kind) }}){% endfor %}",
    "{% macro m(r) %}{% for a in r %}{{ a }}{% endfor %}{% endmacro %}{{ m(x) }}{{ m('abc') }}",
])
@pytest.mark.parametrize("lengte", [3, 300])  # a short loop, and one longer than KLEIN
def test_een_lus_vult_zoals_zonder_telling(bron, lengte):
    context = {"x": list(range(lengte)), "d": {"a": 1, "b": 2},
               "boom": [{"n": 1, "kind": [{"n": 2, "kind": []}]}, {"n": 3, "kind": []}]}
    gewoon = SandboxedEnvironment(autoescape=True).from_string(bron).render(context)
    assert _vul(bron, context) == gewoon
    assert OMGEVING.from_string(bron).render(context) == gewoon  # outside a bounded filling


def test_zonder_grens_telt_er_niets():
    """Outside a document's filling (the lint reading a template) no loop is counted."""
    OMGEVING.from_string(GENEST.replace("99999", "300")).render()
    with invulgrenzen.invulgrenzen("A") as invulling:
        invulling.vul(OMGEVING.from_string("{% for a in range(5) %}{% endfor %}"), {})
        assert invulling.herhalingen == 5


def test_invulling_is_per_document():
    a, b = Invulling("a"), Invulling("b")
    a.tel(10)
    assert (a.herhalingen, b.herhalingen) == (10, 0)


def test_genereer_met_zon_sjabloon_stopt_met_een_melding(tmp_path: Path):
    from docx import Document

    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    document = Document(str(sjablonen / "programma-van-eisen.docx"))
    document.add_paragraph(GENEST)
    document.save(str(sjablonen / "programma-van-eisen.docx"))
    begin = time.monotonic()
    uit = voer_uit("--regios", str(REGIOS), "genereer", "assen", "--sjablonen", str(sjablonen),
                   "--uitvoer", str(tmp_path / "uit"), "--datum", "2026-01-05", "--document",
                   "programma-van-eisen")
    assert uit.code == 1 and "Traceback" not in uit.stderr and "Interne fout" not in uit.stderr
    assert ("sjablonen/programma-van-eisen.docx: de lussen van 'Programma van Eisen Wmo "
            "Verblijf, regio Assen'") in uit.stderr
    assert "meer dan 1 miljoen keer rond (de grens per document, grens GRENS_HERHALINGEN" \
        in " ".join(uit.stderr.split())
    assert time.monotonic() - begin < 30
    assert not list((tmp_path / "uit").rglob("*.docx"))
    uit = voer_uit("--regios", str(REGIOS), "valideer", "assen", "--sjablonen", str(sjablonen))
    assert uit.code == 1 and "[sjabloon_te_veel_herhalingen]" in uit.stderr


def test_gewone_documenten_blijven_ruim_binnen_de_grenzen():
    """The largest example document loops a few hundred times: a hundredfold margin at least."""
    regio = contracten.laad_regio(REGIOS, "assen")
    from contracten.soorten.basis import Uitvoering
    from contracten.soorten.overeenkomst import Overeenkomst
    from contracten.weergave.motor import Motor

    soort = Overeenkomst()
    contract = regio.contracten[0]
    gezien: list[Invulling] = []
    echt = invulgrenzen.Invulling.vul

    def vul(self, sjabloon, context):
        gezien.append(self)
        return echt(self, sjabloon, context)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(invulgrenzen.Invulling, "vul", vul)
        Motor(ROOT / "sjablonen" / soort.sjabloon, soort.sjabloon).render(
            soort.context_van(regio, max(regio.prijspeilen), contract,
                              Uitvoering("x", dt.date(2026, 1, 5))),
            titel="Overeenkomst", tijdstip=dt.datetime(2026, 1, 5))
    assert 0 < gezien[-1].herhalingen * 100 < invulgrenzen.GRENS_HERHALINGEN
    assert 0 < gezien[-1].tekens * 100 < invulgrenzen.GRENS_UITVOER
