"""Size limits (issue 31): explicit constants with documented defaults, sized so that a region of
20,000 aanbieders passes; each refusal names its limit and how to raise it
(CONTRACTEN_<NAAM>), and a value that is no whole number leaves the default."""

from __future__ import annotations

import re
from pathlib import Path

from contracten.lezen import gebeurtenissen
from contracten.lezen.bron import _gelezen
from contracten.lezen.grenzen import MAXIMUM_RIJEN_WERKBOEK, Grens, instelbaar, verhogen
from contracten.weergave import invulgrenzen

from .conftest import REGIOS, voer_uit_als_proces


def test_een_grens_komt_uit_de_omgeving_of_is_de_standaard(capsys):
    assert instelbaar("MAX_WAARDEN", 10, {}) == 10
    grens = instelbaar("MAX_WAARDEN", 10, {"CONTRACTEN_MAX_WAARDEN": " 3.000.000 "})
    assert grens == 3_000_000 and isinstance(grens, Grens) and grens.naam == "MAX_WAARDEN"
    assert instelbaar("X", 10, {"CONTRACTEN_X": "2_500"}) == 2_500
    assert capsys.readouterr().err == ""
    for fout in ("abc", "0", "-5", "1e6", "1,5"):
        assert instelbaar("X", 10, {"CONTRACTEN_X": fout}) == 10
        assert (f"Waarschuwing: CONTRACTEN_X moet een geheel getal groter dan 0 zijn (gevonden: "
                f"'{fout}'); de standaard 10 geldt.") in capsys.readouterr().err
    assert verhogen(grens) == ("grens MAX_WAARDEN; hoger met de omgevingsvariabele "
                               "CONTRACTEN_MAX_WAARDEN")
    assert verhogen(7) == ""  # a plain number (a test's lowered limit) names nothing


def _aanbieders(aantal: int) -> str:
    """Assen's aanbieders.yaml with its aanbieders copied to `aantal`, each with its own id."""
    tekst = (REGIOS / "assen" / "aanbieders.yaml").read_text(encoding="utf-8")
    kop, rest = tekst.split("aanbieders:\n", 1)
    blokken = re.split(r"\n(?=  - id: )", rest)
    uit = [kop + "aanbieders:"]
    for i in range(aantal):
        blok = blokken[i % len(blokken)].rstrip("\n")
        uit.append(re.sub(r"^(  - id: )(\S+)", rf"\g<1>\g<2>-{i:05d}", blok, count=1))
    return "\n".join(uit) + "\n"


def _waarden(aantal: int) -> int:
    _, walker = _gelezen(_aanbieders(aantal), "aanbieders.yaml", met_regels=False)
    assert isinstance(walker, gebeurtenissen.Walker)
    return walker.aantal


def test_de_standaardgrenzen_laten_een_regio_van_20000_aanbieders_door():
    """Measured at 40 and 80 aanbieders (a whole number of copies of Assen's): the values of
    the file grow linearly, so 20,000 aanbieders is the line through them."""
    klein, groot = _waarden(40), _waarden(80)
    per_aanbieder = (groot - klein) / 40
    assert per_aanbieder > 10  # the count means something
    assert klein + per_aanbieder * (20_000 - 40) < 0.6 * gebeurtenissen.MAX_WAARDEN
    assert MAXIMUM_RIJEN_WERKBOEK >= 20_000 + 1  # the importeer workbook: a row per aanbieder
    # An overview of 20,000 aanbieders: a loop round and under 1,000 characters of XML a row.
    assert invulgrenzen.GRENS_HERHALINGEN >= 20 * 20_000
    assert invulgrenzen.GRENS_UITVOER >= 2 * 1_000 * 20_000


def test_een_te_grote_regio_noemt_de_grens_en_hoe_die_hoger_kan(tmp_path: Path):
    klein = voer_uit_als_proces("--regios", str(REGIOS), "valideer", "assen",
                                env={"CONTRACTEN_MAX_WAARDEN": "500"})
    assert klein.code == 1 and "Traceback" not in klein.stderr
    assert (".yaml: te groot: meer dan 500 waarden (grens MAX_WAARDEN; hoger met "
            "de omgevingsvariabele CONTRACTEN_MAX_WAARDEN; of een verwijzing &/* die zichzelf "
            "vermenigvuldigt?) [yaml_te_groot]") in " ".join(klein.stderr.split())
    ongeldig = voer_uit_als_proces("--regios", str(REGIOS), "valideer", "assen",
                                   env={"CONTRACTEN_MAX_WAARDEN": "veel"})
    assert ongeldig.code == 0, ongeldig.stderr
    assert "CONTRACTEN_MAX_WAARDEN moet een geheel getal groter dan 0 zijn" in ongeldig.stderr


def test_een_document_over_een_grens_noemt_hoe_die_hoger_kan(tmp_path: Path):
    uit = voer_uit_als_proces("--regios", str(REGIOS), "genereer", "assen", "--document",
                              "socialreturn-overzicht", "--uitvoer", str(tmp_path / "uit"),
                              "--datum", "2026-01-05", env={"CONTRACTEN_GRENS_HERHALINGEN": "2"})
    assert uit.code == 1 and "Traceback" not in uit.stderr, uit.stderr
    assert ("keer rond (de grens per document, grens GRENS_HERHALINGEN; hoger met de "
            "omgevingsvariabele CONTRACTEN_GRENS_HERHALINGEN)") in " ".join(uit.stderr.split())
    assert not list((tmp_path / "uit").rglob("*.docx"))
