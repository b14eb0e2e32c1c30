"""The opzegging letter and schedule follow the region's own contract (issue 27, item 5): no
instroomstop a contract does not have, the source of the rules per region, contact details, and
a confirmation that cites the aanbieder's own letter and artikel 1.3.4."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import contracten
from contracten.rekenen.contractstand import Opzegfeit
from contracten.rekenen.termijnen import termijnen

from .conftest import REGIOS, voer_uit

AMERSFOORT = ("opzegging", "amersfoort", "--aanbieder", "stichting-samen-eemland", "--door",
              "gemeente", "--ontvangen", "2027-09-15", "--briefdatum", "2027-09-10")
MAP_AMERSFOORT = "amersfoort/opzeggingen/stichting-samen-eemland/2027-09-15"


def _assen(tmp_path: Path, *extra: str):
    return voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--ontvangen",
                    "2026-08-31", "--briefdatum", "2026-09-03", "--uitvoer", str(tmp_path),
                    *extra, env={"CONTRACTEN_REGIOS": str(REGIOS)})


def _brief(tmp_path: Path, map_: str = "assen/opzeggingen/zorg-welzijn-de-brug/2026-08-31"
           ) -> str:
    return (tmp_path / map_ / "opzeggingsbrief.md").read_text(encoding="utf-8")


def test_amersfoort_legt_geen_instroomstop_op_die_haar_overeenkomst_niet_kent(tmp_path):
    uit = voer_uit(*AMERSFOORT, "--json", "--uitvoer", str(tmp_path),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    r = json.loads(uit.stdout)
    assert r["instroomstop"] is None and r["begin_opzegtermijn"] == "2027-09-16"
    brief = _brief(tmp_path, MAP_AMERSFOORT)
    assert "nieuwe inwoners" not in brief and "instroomstop" not in brief
    assert "Tot en met 15 september 2028 levert u de ondersteuning zoals afgesproken." in brief
    assert "op grond van artikel 1.3.4 van de overeenkomst." in brief
    # Contact details (brieven.yaml), in the letter's own voice.
    assert ("Hebt u vragen over deze brief, neem dan contact met ons op via 033 469 49 49 of "
            "inkoop.sociaaldomein@amersfoort.voorbeeld.nl.") in brief
    schema = (tmp_path / MAP_AMERSFOORT / "transitieschema.md").read_text(encoding="utf-8")
    assert "| 16 september 2027 | Begin van de opzegtermijn. |" in schema
    assert "nieuwe inwoners" not in schema
    # Its rules come from the overeenkomst and § 3.3 of its Opdracht, never from "het programma
    # van eisen", which says nothing about opzegging.
    assert ("## Regels (artikel 1.3.4 en artikel 3.19.6 van de overeenkomst en § 3.3 van de "
            "Opdracht Wmo begeleiding en beschermd wonen)") in schema
    assert "programma van eisen" not in schema + brief


def test_de_agenda_van_amersfoort_heeft_geen_instroomstop():
    amersfoort = contracten.laad_regio(REGIOS, "amersfoort")
    assen = contracten.laad_regio(REGIOS, "assen")
    feit = Opzegfeit(ontvangen=dt.date(2027, 9, 15), opzegtermijn_maanden=6,
                     einde=dt.date(2028, 3, 15), zorg_tot=dt.date(2028, 9, 15))
    soorten = {t.sleutel.rsplit("/", 1)[1] for t in termijnen(
        amersfoort, {"stichting-samen-eemland": feit}) if t.soort == "opzegging"}
    assert soorten == {"einde", "zorg-tot"}
    assert "instroomstop" in {t.sleutel.rsplit("/", 1)[1] for t in termijnen(
        assen, {"wonen-plus": feit}) if t.soort == "opzegging"}


def test_assen_houdt_de_instroomstop_en_noemt_de_paragraaf_van_het_programma(tmp_path):
    assert _assen(tmp_path).code == 0
    brief = _brief(tmp_path)
    assert "Vanaf 1 september 2026 neemt u geen nieuwe inwoners in zorg of hulp" in brief
    assert "gelden de volgende verplichtingen (§ 1.6.1 van het programma van eisen):" in brief
    schema = (tmp_path / "assen/opzeggingen/zorg-welzijn-de-brug/2026-08-31/"
                         "transitieschema.md").read_text(encoding="utf-8")
    assert "## Regels (§ 1.6.1 van het programma van eisen)" in schema
    assert "Vanaf deze dag neemt de aanbieder geen nieuwe inwoners in zorg." in schema


def test_de_bevestiging_noemt_de_brief_van_de_aanbieder(tmp_path):
    uit = _assen(tmp_path, "--kenmerk-aanbieder", "DB/2026/112", "--brief-aanbieder",
                 "28-08-2026")
    assert uit.code == 0, uit.stderr
    brief = _brief(tmp_path)
    assert "Uw kenmerk: DB/2026/112" in brief and "Uw brief van: 28 augustus 2026" in brief
    assert ("U hebt de overeenkomst Wmo Verblijf met de gemeente Assen opgezegd op grond van "
            "artikel 1.3.4 van de overeenkomst, met uw brief van 28 augustus 2026 (kenmerk "
            "DB/2026/112). Wij bevestigen die opzegging, die wij op 31 augustus 2026 ontvingen."
            ) in brief


@pytest.mark.parametrize(("extra", "zin"), [
    ((), "opgezegd op grond van artikel 1.3.4 van de overeenkomst. Wij bevestigen"),
    (("--kenmerk-aanbieder", "DB-7"), "overeenkomst, met uw brief met kenmerk DB-7. Wij "),
    (("--brief-aanbieder", "2026-08-31"), "overeenkomst, met uw brief van 31 augustus 2026. Wij"),
])
def test_zonder_of_met_een_deel_van_de_brief_leest_de_bevestiging_goed(tmp_path, extra, zin):
    assert _assen(tmp_path, *extra).code == 0
    brief = _brief(tmp_path)
    assert zin in brief
    assert "kenmerk ," not in brief and "van ." not in brief and "()" not in brief
    assert ("Uw kenmerk:" in brief) == ("--kenmerk-aanbieder" in extra)
    assert ("Uw brief van:" in brief) == ("--brief-aanbieder" in extra)


@pytest.mark.parametrize(("extra", "code", "tekst"), [
    (("--brief-aanbieder", "2026-09-01"), "brief_na_ontvangst",
     "de brief van de aanbieder is gedateerd 2026-09-01, na de dag waarop de opzegging is "
     "ontvangen (2026-08-31)"),
    (("--brief-aanbieder", "2026-02-30"), "datum", "'2026-02-30' is geen datum"),
    (("--door", "gemeente", "--kenmerk-aanbieder", "X", "--briefdatum", "2026-08-01"),
     "brief_aanbieder_door", "horen bij een opzegging door de aanbieder"),
])
def test_een_onmogelijke_brief_van_de_aanbieder_wordt_geweigerd(tmp_path, extra, code, tekst):
    uit = _assen(tmp_path, *extra)
    assert uit.code == 1 and f"[{code}]" in uit.stderr and tekst in uit.stderr
    assert list(tmp_path.iterdir()) == []


def test_het_schema_telt_een_client_in_het_enkelvoud(tmp_path):
    clienten = tmp_path / "c.csv"
    clienten.write_text("client,gemeente,product,einddatum_beschikking\n"
                        "C-0001,Assen,bw-toezicht,\n", encoding="utf-8")
    uit = _assen(tmp_path / "uit", "--clienten", str(clienten))
    assert uit.code == 0, uit.stderr
    schema = (tmp_path / "uit/assen/opzeggingen/zorg-welzijn-de-brug/2026-08-31/"
                         "transitieschema.md").read_text(encoding="utf-8")
    assert "opzegtermijn 6 maanden (voorbeeld) · 1 cliënt\n" in schema
    assert "1 cliënten" not in schema


def test_hoogeveld_noemt_de_overeenkomst_als_bron_van_de_regels(tmp_path):
    """Hoogeveld's programma van eisen says nothing about opzegging either."""
    uit = voer_uit("opzegging", "hoogeveld", "--aanbieder", "dagcentrum-het-hooiland", "--door",
                   "gemeente", "--ontvangen", "2027-09-15", "--briefdatum", "2027-09-10",
                   "--uitvoer", str(tmp_path), env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 0, uit.stderr
    map_ = tmp_path / "hoogeveld/opzeggingen/perceel-2/dagcentrum-het-hooiland/2027-09-15"
    schema = (map_ / "transitieschema.md").read_text(encoding="utf-8")
    assert "## Regels (artikel 1.3.4 en artikel 3.19.6 van de overeenkomst)" in schema
    assert "nieuwe inwoners" not in schema + (map_ / "opzeggingsbrief.md").read_text(
        encoding="utf-8")
