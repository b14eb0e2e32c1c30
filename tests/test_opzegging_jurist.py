"""What a lawyer found in the generated opzegging documents (issue 27): an opzegtermijn past the
contract's end, Assen's § 1.6.1 in a notice by the gemeente, duties a region's contract does not
have, the day of receipt a gemeente's notice relies on, a notice against a later end, and one
voice. Every test reads the documents' text."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import contracten
from contracten.rekenen.contractstand import Opzegfeit
from contracten.rekenen.termijnen import termijnen

from .conftest import REGIOS, voer_uit

BRUG = "assen/opzeggingen/zorg-welzijn-de-brug"


def _opzegging(uitvoer: Path, regio: str, aanbieder: str, ontvangen: str, briefdatum: str,
               *extra: str, regios: Path = REGIOS):
    return voer_uit("--regios", str(regios), "opzegging", regio, "--aanbieder", aanbieder,
                    "--ontvangen", ontvangen, "--briefdatum", briefdatum, "--uitvoer",
                    str(uitvoer), *extra)


def _lees(map_: Path) -> tuple[str, str]:
    """The letter and the schedule, as text."""
    return ((map_ / "opzeggingsbrief.md").read_text(encoding="utf-8"),
            (map_ / "transitieschema.md").read_text(encoding="utf-8"))


def test_een_opzegtermijn_voorbij_het_einde_van_de_overeenkomst_wordt_geweigerd(tmp_path):
    """Received 1 September 2029, six months: 1 March 2030, while the contract ends on 31
    December 2029 (no verlenging recorded)."""
    uit = _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2029-09-01", "2029-09-02")
    assert uit.code == 1 and "[na_het_einde]" in uit.stderr
    assert ("de opzegtermijn van 6 maanden van een opzegging die op 2029-09-01 is ontvangen, "
            "loopt tot en met 2030-03-01: na het huidige einde van de overeenkomst (2029-12-31, "
            "met de verlengingen die zijn vastgelegd). De overeenkomst eindigt dan op 2029-12-31 "
            "door het verstrijken van de looptijd. Is een verlenging ingegaan, leg die dan vast "
            "met verlenging.gebruikt in overeenkomst.yaml.") in uit.stderr
    assert list(tmp_path.iterdir()) == []


def test_met_een_vastgelegde_verlenging_past_dezelfde_opzegging_wel(regios, tmp_path):
    pad = regios / "assen/overeenkomst.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        "verlenging:\n  maanden: 12\n  aantal: 2\n",
        "verlenging:\n  maanden: 12\n  aantal: 2\n  gebruikt: 1\n"), encoding="utf-8")
    uit = _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2029-09-01", "2029-09-02",
                     regios=regios)
    assert uit.code == 0, uit.stderr
    brief, _ = _lees(tmp_path / BRUG / "2029-09-01")
    assert "de laatste dag van de overeenkomst is 1 maart 2030;" in brief


def test_tot_het_einde_van_de_looptijd_past_de_opzegtermijn_nog(tmp_path):
    uit = _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2029-06-30", "2029-07-02")
    assert uit.code == 0, uit.stderr
    brief, _ = _lees(tmp_path / BRUG / "2029-06-30")
    assert "de laatste dag van de overeenkomst is 31 december 2029;" in brief


def _agenda_ics(regio: str, uitvoer: Path, tmp_path: Path) -> str:
    """The agenda of `regio` (from the register, brought up to date from `uitvoer`) as the
    calendar file people import."""
    ics = tmp_path / "termijnen.ics"
    contracten.agenda(contracten.laad_regio(REGIOS, regio), vanaf=dt.date(2027, 1, 1),
                      binnen=3650, tijdstip=dt.datetime(2027, 7, 1, 9), uitvoer=uitvoer,
                      database=tmp_path / "r.sqlite", ics=ics)
    return re.sub(r"\r?\n[ \t]", "", ics.read_text(encoding="utf-8"))  # lines unfolded


def test_een_opzegging_door_de_gemeente_legt_geen_instroomstop_op(tmp_path):
    """Assen § 1.6.1 applies "Indien Aanbieder de overeenkomst … opzegt": not to the gemeente's
    own notice, in the letter, the schedule, the JSON or the agenda."""
    uit = _opzegging(tmp_path / "uit", "assen", "zorg-welzijn-de-brug", "2027-06-30",
                     "2027-06-28", "--door", "gemeente", "--json")
    assert uit.code == 0, uit.stderr
    r = json.loads(uit.stdout)
    assert r["instroomstop"] is None and r["begin_opzegtermijn"] == "2027-07-01"
    brief, schema = _lees(tmp_path / "uit" / BRUG / "2027-06-30")
    for tekst in (brief, schema):
        assert "nieuwe inwoners" not in tekst and "vergoed" not in tekst
        assert "instroomstop" not in tekst.lower()
    assert "| 1 juli 2027 | Begin van de opzegtermijn. |" in schema
    # its rules rest on the overeenkomst, not on the programma van eisen's § 1.6.1
    assert "## Regels (artikel 1.3.4 en artikel 3.19.6 van de overeenkomst)" in schema
    assert "§ 1.6.1" not in schema
    agenda = _agenda_ics("assen", tmp_path / "uit", tmp_path)
    assert "laatste dag van de overeenkomst na opzegging (Zorg & Welzijn 'De Brug' B.V.)" in agenda
    assert "instroomstop" not in agenda


def test_een_opzegging_door_de_aanbieder_houdt_de_instroomstop_van_assen(tmp_path):
    uit = _opzegging(tmp_path / "uit", "assen", "zorg-welzijn-de-brug", "2027-06-30",
                     "2027-07-02")
    assert uit.code == 0, uit.stderr
    brief, _ = _lees(tmp_path / "uit" / BRUG / "2027-06-30")
    assert "Vanaf 1 juli 2027 neemt u geen nieuwe inwoners in zorg of hulp" in brief
    assert "instroomstop: geen nieuwe cliënten meer (Zorg & Welzijn 'De Brug' B.V.)" in _agenda_ics(
        "assen", tmp_path / "uit", tmp_path)


def test_zonder_wie_opzegde_is_het_de_aanbieder(tmp_path):
    """A register row without `opgezegd_door` (and a folder from before the manifest recorded
    the opzegging) reads as a notice by the aanbieder, as before."""
    feit = Opzegfeit(dt.date(2027, 6, 30), 6, dt.date(2027, 12, 31), dt.date(2028, 6, 30))
    assert feit.door == "aanbieder" and feit.instroomstop == dt.date(2027, 7, 1)
    gemeente = Opzegfeit(dt.date(2027, 6, 30), 6, dt.date(2027, 12, 31), dt.date(2028, 6, 30),
                         "gemeente")
    assen = contracten.laad_regio(REGIOS, "assen")
    soorten = {t.sleutel.rsplit("/", 1)[1] for t in termijnen(
        assen, {"zorg-welzijn-de-brug": gemeente}) if t.soort == "opzegging"}
    assert gemeente.instroomstop is None and soorten == {"einde", "zorg-tot"}


EEMLAND = "amersfoort/opzeggingen/stichting-samen-eemland"
HOOILAND = "hoogeveld/opzeggingen/perceel-2/dagcentrum-het-hooiland"


def test_amersfoort_en_hoogeveld_vragen_alleen_wat_hun_overeenkomst_kent(tmp_path):
    """Talks about continuing the relations of care are Assen § 1.6.1(b); the doorlevering of
    both is an example value, and so is the date it gives."""
    assert _opzegging(tmp_path, "amersfoort", "stichting-samen-eemland", "2027-09-15",
                      "2027-09-10", "--door", "gemeente").code == 0
    assert _opzegging(tmp_path, "hoogeveld", "dagcentrum-het-hooiland", "2027-09-15",
                      "2027-09-10", "--door", "gemeente").code == 0
    amersfoort, _ = _lees(tmp_path / EEMLAND / "2027-09-15")
    hoogeveld, _ = _lees(tmp_path / HOOILAND / "2027-09-15")
    for brief in (amersfoort, hoogeveld):
        assert "hulpverleningsrelaties" not in brief and "in overleg" not in brief
    assert ("Daarna blijft u de ondersteuning aan uw cliënten leveren tot uiterlijk 15 maart 2029 "
            "(voorbeeld), of tot het einde van hun beschikking als dat eerder is.") in amersfoort
    assert "leveren tot uiterlijk 15 juni 2028 (voorbeeld), of tot" in hoogeveld


def test_assen_houdt_het_overleg_van_paragraaf_1_6_1_alleen_bij_de_aanbieder(tmp_path):
    assert _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2027-06-30", "2027-07-02"
                      ).code == 0
    assert _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2027-07-30", "2027-07-28",
                      "--door", "gemeente").code == 0
    aanbieder, _ = _lees(tmp_path / BRUG / "2027-06-30")
    gemeente, _ = _lees(tmp_path / BRUG / "2027-07-30")
    assert ("U treedt direct in overleg met ons en de nieuwe aanbieder over het zo veel mogelijk "
            "voortzetten van bestaande hulpverleningsrelaties") in aanbieder
    assert "hulpverleningsrelaties" not in gemeente
    # Assen's doorlevering comes from its programma van eisen: no example date.
    assert "leveren tot uiterlijk 30 juni 2028, of tot" in aanbieder


def test_de_gemeente_noemt_de_ontvangstdag_waarvan_zij_uitgaat(tmp_path):
    assert _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2027-06-30", "2027-06-28",
                      "--door", "gemeente").code == 0
    brief, _ = _lees(tmp_path / BRUG / "2027-06-30")
    assert ("met u op, op grond van artikel 1.3.4 van de overeenkomst. Deze opzegging gaat ervan "
            "uit dat zij u uiterlijk op 30 juni 2027 bereikt; de opzegtermijn gaat de dag daarna "
            "in. De opzegtermijn van 6 maanden (voorbeeld) gaat in op 1 juli 2027; de laatste dag "
            "van de overeenkomst is 31 december 2027; met ingang van 1 januari 2028 geldt zij niet "
            "meer.") in brief


def test_opzeggen_tegen_een_latere_dag_zegt_dat_de_termijn_in_acht_is_genomen(tmp_path):
    """Twelve months from 16 March 2027 end on 15 March 2028: a letter that said the termijn
    starts on 16 March 2027 and the last day is 31 March 2028 read as wrong arithmetic."""
    uit = _opzegging(tmp_path, "amersfoort", "stichting-samen-eemland", "2027-03-15",
                     "2027-03-10", "--door", "gemeente", "--tegen", "2028-03-31")
    assert uit.code == 0, uit.stderr
    brief, schema = _lees(tmp_path / EEMLAND / "2027-03-15")
    assert ("Wij zeggen op tegen 31 maart 2028; de opzegtermijn van 12 maanden (voorbeeld) loopt "
            "tot en met 15 maart 2028 en is daarmee in acht genomen. De laatste dag van de "
            "overeenkomst is 31 maart 2028; met ingang van 1 april 2028 geldt zij niet meer."
            ) in brief
    assert "gaat in op 16 maart 2027; de laatste dag" not in brief
    assert ("| 31 maart 2028 | Laatste dag van de overeenkomst, waartegen is opgezegd (de "
            "opzegtermijn van 12 maanden (voorbeeld) loopt tot en met 15 maart 2028 en is daarmee "
            "in acht genomen); met ingang van 1 april 2028 geldt zij niet meer.") in schema
    assert "(na 12 maanden" not in schema


def test_de_aanbieder_zegt_op_tegen_een_latere_dag(tmp_path):
    assert _opzegging(tmp_path, "assen", "wonen-plus", "2027-03-15", "2027-03-17", "--tegen",
                      "2027-12-31").code == 0
    brief, _ = _lees(tmp_path / "assen/opzeggingen/wonen-plus/2027-03-15")
    assert ("die wij op 15 maart 2027 ontvingen. U zegt op tegen 31 december 2027; de "
            "opzegtermijn van 6 maanden (voorbeeld) loopt tot en met 15 september 2027 en is "
            "daarmee in acht genomen. De laatste dag van de overeenkomst is 31 december 2027;"
            ) in brief


def test_tegen_de_laatste_dag_van_de_termijn_zelf_leest_als_zonder_tegen(tmp_path):
    assert _opzegging(tmp_path, "assen", "wonen-plus", "2027-03-15", "2027-03-17", "--tegen",
                      "2027-09-15").code == 0
    brief, schema = _lees(tmp_path / "assen/opzeggingen/wonen-plus/2027-03-15")
    assert ("De opzegtermijn van 6 maanden (voorbeeld) gaat in op 16 maart 2027; de laatste dag "
            "van de overeenkomst is 15 september 2027;") in brief
    assert "zegt op tegen" not in brief and "waartegen" not in schema


def _romp(brief: str) -> str:
    """The letter's body: from the aanhef to the greeting."""
    return brief[brief.index("Geachte"):brief.index("Met vriendelijke groet")]


def test_de_brief_spreekt_met_een_stem(tmp_path):
    """"wij" throughout the body; the gemeente by name only where it says who "wij" are, or
    with whom the aanbieder contracted."""
    assert _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2027-06-30", "2027-07-02"
                      ).code == 0
    assert _opzegging(tmp_path, "assen", "zorg-welzijn-de-brug", "2027-07-30", "2027-07-28",
                      "--door", "gemeente").code == 0
    aanbieder = _romp(_lees(tmp_path / BRUG / "2027-06-30")[0])
    gemeente = _romp(_lees(tmp_path / BRUG / "2027-07-30")[0])
    assert "ondersteuning die u toch start, vergoeden wij niet." in aanbieder
    assert "Hierbij zeggen wij, de gemeente Assen, namens de gemeenten" in gemeente
    for romp in (aanbieder, gemeente):
        rest = romp.replace("wij, de gemeente Assen,", "").replace(
            "met de gemeente Assen opgezegd", "")
        assert not re.search(r"\b[Dd]e gemeente\b(?!n)", rest), rest
        assert "Hebt u vragen over deze brief" in romp and "Heeft u" not in romp
