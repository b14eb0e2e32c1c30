"""Messages that say what to do: each validation message of a profile file names the choice or
rule that needs the field, shows the form it accepts, and links to the field's explanation in
the documentation site (one anchor per field, the same the site makes from `velden`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ValidationError

from contracten import InvoerFout, laad_regio
from contracten.lezen.bron import Bron
from contracten.lezen.meldingen import uit_validatie
from contracten.lezen.velden import DOCUMENTATIE, velden
from contracten.profiel.aanbieders import Aanbieders
from contracten.profiel.laden import MODELLEN
from contracten.profiel.overeenkomst import OvereenkomstKeuzes

from .conftest import ROOT, voer_uit

OVEREENKOMST = f"{DOCUMENTATIE}/regio-beheer/overeenkomst/"


def _meldingen(regios: Path, regio: str = "assen"):
    with pytest.raises(InvoerFout) as info:
        laad_regio(regios, regio)
    return info.value.meldingen


def _wijzig(pad: Path, patroon: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    gewijzigd, aantal = re.subn(patroon, nieuw, tekst, count=1, flags=re.M)
    assert aantal == 1, patroon
    pad.write_text(gewijzigd, encoding="utf-8")


def _ankers(model: type) -> set[str]:
    return {anker for anker, _ in velden(model)}


def test_opzegoptie_als_getal_is_de_optie_als_tekst(regios):
    """`opzegoptie: 3` means option "3": taken as such, so the profile is valid."""
    _wijzig(regios / "assen/overeenkomst.yaml", r'^opzegoptie: "3"$', "opzegoptie: 3")
    assert laad_regio(regios, "assen").overeenkomst.opzegoptie == "3"


def test_een_getal_waar_een_keuze_in_tekst_staat_zegt_schrijf_het_tussen_aanhalingstekens():
    class Keuze(BaseModel):
        optie: Literal["1", "2"]

    with pytest.raises(ValidationError) as fout:
        Keuze.model_validate({"optie": 2})
    [melding] = uit_validatie(fout.value, Bron(Path("k.yaml"), "k.yaml", {"optie": 2}),
                              model=Keuze, pagina="overeenkomst")
    assert melding.bericht.startswith("schrijf '2' tussen aanhalingstekens")
    assert "'1' of '2'" in melding.bericht  # and the accepted choices, whole
    assert melding.uitleg == f"{OVEREENKOMST}#optie"


def test_een_onvolledige_keuze_noemt_de_keuze_en_de_vorm(regios):
    pad = regios / "assen/overeenkomst.yaml"
    _wijzig(pad, r"^opzegvoorwaarden_opdrachtnemer: >-\n(?:  .*\n)+", "")
    _wijzig(pad, r"^implementatie_datum:.*\n", "")
    [m] = _meldingen(regios)
    assert m.code == "keuze_onvolledig"
    assert "opzegoptie '3' (beide partijen kunnen tussentijds opzeggen) vraagt ook " \
           "opzegvoorwaarden_opdrachtnemer (tekst)" in m.bericht
    assert "artikelen.implementatie: true vraagt ook implementatie_datum " \
           "(een datum JJJJ-MM-DD)" in m.bericht
    assert "gevonden" not in m.bericht  # not "(gevonden: een groep velden)"
    assert m.veld == "opzegvoorwaarden_opdrachtnemer"
    assert m.uitleg == f"{OVEREENKOMST}#opzegvoorwaarden_opdrachtnemer"


def test_een_ontbrekend_mandaat_noemt_de_regel_en_linkt_naar_het_veld(regios):
    _wijzig(regios / "assen/overeenkomst.yaml", r"^    mandaat: >-\n(?:      .*\n)+", "")
    [m] = _meldingen(regios)
    assert (m.code, m.veld) == ("mandaat_ontbreekt", "opdrachtgever.vertegenwoordiger.mandaat")
    assert "artikel 171 Gemeentewet" in m.bericht and "bijv. 'volmachtbesluit" in m.bericht
    assert m.uitleg == f"{OVEREENKOMST}#opdrachtgever.vertegenwoordiger.mandaat"
    assert "opdrachtgever.vertegenwoordiger.mandaat" in _ankers(OvereenkomstKeuzes)


def test_aandeel_van_een_onderaannemer_berekent_contracten_zelf(regios):
    """The old README listed an `aandeel` per onderaannemer: it is worked out from the budget,
    and the message says so instead of 'unknown field'."""
    _wijzig(regios / "amersfoort/aanbieders.yaml", r"^(        producten: \[begeleiding\]\n)",
            r"\1        aandeel: 30\n")
    [m] = _meldingen(regios, "amersfoort")
    assert m.veld.endswith("onderaannemers[0].aandeel") and m.code == "extra_forbidden"
    assert "contracten berekent het aandeel" in m.bericht and "laat het weg" in m.bericht
    assert m.uitleg.endswith("/regio-beheer/aanbieders/#aanbieders.onderaannemers")
    assert "aanbieders.onderaannemers" in _ankers(Aanbieders)


def test_een_ontbrekend_veld_toont_de_vorm_en_een_tikfout_de_bedoeling(regios):
    _wijzig(regios / "assen/regio.yaml", r"^centrumgemeente:", "centrumgemeentee:")
    tikfout, ontbreekt = sorted(_meldingen(regios), key=lambda m: m.code)
    assert (ontbreekt.code, ontbreekt.bericht) == ("missing", "verplicht veld ontbreekt; "
                                                              "verwacht tekst")
    assert ontbreekt.uitleg == f"{DOCUMENTATIE}/regio-beheer/regio/#centrumgemeente"
    assert tikfout.code == "extra_forbidden" and "bedoelt u 'centrumgemeente'?" in tikfout.bericht


def test_een_getal_voor_tekst_en_tekst_voor_een_getal(regios):
    pad = regios / "assen/overeenkomst.yaml"
    _wijzig(pad, r'^csw_versie: "1.3"$', "csw_versie: 1.3")
    _wijzig(pad, r"^opzegtermijn_opdrachtgever_maanden: 6$",
            "opzegtermijn_opdrachtgever_maanden: zes")
    berichten = {m.veld: m.bericht for m in _meldingen(regios)}
    assert berichten["csw_versie"] == "verwacht tekst: schrijf '1.3' tussen aanhalingstekens"
    assert berichten["opzegtermijn_opdrachtgever_maanden"] == (
        "verwacht een geheel getal van 1 tot en met 36 (gevonden: zes)")


def test_de_opdrachtregel_toont_de_koppeling_onder_de_melding(regios):
    _wijzig(regios / "assen/overeenkomst.yaml", r"^    mandaat: >-\n(?:      .*\n)+", "")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "Traceback" not in uit.stderr
    regels = uit.stderr.splitlines()
    i = next(i for i, r in enumerate(regels) if "[mandaat_ontbreekt]" in r)
    assert regels[i + 1] == f"    zie {OVEREENKOMST}#opdrachtgever.vertegenwoordiger.mandaat"


def test_elk_profielbestand_heeft_een_pagina_en_elk_veld_een_eigen_anker():
    assert set(MODELLEN) == {"regio", "inhoud", "programma", "aanbieders", "tarieven",
                             "overeenkomst", "brieven"}
    for model in MODELLEN.values():
        ankers = [anker for anker, _ in velden(model)]
        assert ankers and len(ankers) == len(set(ankers)), model


def test_het_adres_van_de_site_staat_op_een_plek():
    """The base address lives in lezen.velden only; mkdocs.yml names the same site."""
    elders = [p for p in (ROOT / "contracten").rglob("*.py")
              if DOCUMENTATIE in p.read_text(encoding="utf-8") and p.name != "velden.py"]
    assert elders == []
    mkdocs = ROOT / "mkdocs.yml"
    if mkdocs.is_file():
        site = re.search(r"^site_url:\s*['\"]?([^'\"\s]+)", mkdocs.read_text(encoding="utf-8"),
                         re.M)
        assert site is not None and site.group(1).rstrip("/") == DOCUMENTATIE
