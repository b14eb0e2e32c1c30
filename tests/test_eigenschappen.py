"""Property-based tests (hypothesis) of the loader and the computations."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from contracten import laad_regio
from contracten.fouten import ContractenFout
from contracten.opmaak import bedrag, rond_af
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.clienten import Client
from contracten.profiel.regels import SocialReturn
from contracten.profiel.tarieven import BedragRegel, IndexatieRecord, Prijspeil
from contracten.rekenen.indexatie import indexeer
from contracten.rekenen.opzegging import bereken
from contracten.rekenen.socialreturn import bereken as sr_bereken

from .conftest import REGIOS

centen = st.decimals(min_value=Decimal("0"), max_value=Decimal("10000000"), places=2,
                     allow_nan=False, allow_infinity=False)
REGEL = SocialReturn(percentage=Decimal(5), drempel=Decimal("200000.00"),
                     brief_verplicht="x", brief_waar_mogelijk="y")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_geld_gaat_nooit_door_een_float(waarde):
    with pytest.raises(ValidationError):
        BedragRegel(sleutel="x", omschrijving="x", bedrag=waarde, eenheid="uur")
    with pytest.raises(TypeError):
        bedrag(waarde)


@settings(max_examples=200)
@given(st.lists(centen, min_size=1, max_size=5),
       st.decimals(min_value=Decimal("0.001"), max_value=Decimal("25"), places=3))
def test_positieve_index_verlaagt_nooit_een_bedrag(bedragen, index):
    profiel = laad_regio(REGIOS, "assen")
    peil = Prijspeil(prijspeil=2024, ingangsdatum=dt.date(2024, 1, 1), bedragen=[
        BedragRegel(sleutel=f"b{i}", omschrijving="x", bedrag=b, eenheid="uur")
        for i, b in enumerate(bedragen)])
    proef = profiel.model_copy(update={"prijspeilen": {2024: peil}})
    record = IndexatieRecord(van=2024, methode="percentage", index=index,
                             datum=dt.date(2024, 11, 1))
    nieuw = indexeer(proef, 2025, record).prijspeil.bedragen
    for oud, regel in zip(bedragen, nieuw, strict=True):
        assert regel.bedrag >= oud
        assert regel.bedrag == rond_af(oud * (1 + index / 100))
        assert isinstance(regel.bedrag, Decimal)


def aanbieder(omzet: Decimal, aanneemsom: Decimal) -> Aanbieder:
    return Aanbieder.model_validate({
        "id": "a", "naam": "A", "kvk": "12345678",
        "adres": {"straat": "S 1", "postcode": "1234 AB", "plaats": "P"},
        "contact": {"naam": "X", "email": "x@voorbeeld.nl"}, "producten": ["p"],
        "jaaromzet": omzet, "aanneemsom": aanneemsom})


@settings(max_examples=300)
@given(st.decimals(min_value=Decimal("199999.00"), max_value=Decimal("200001.00"), places=2),
       centen)
def test_social_return_grens(omzet, aanneemsom):
    uitkomst = sr_bereken(REGEL, aanbieder(omzet, aanneemsom))
    assert uitkomst.verplicht is (omzet > Decimal("200000.00"))
    if uitkomst.verplicht:
        assert uitkomst.bedrag == rond_af(aanneemsom * Decimal("0.05"))
    else:
        assert uitkomst.bedrag is None


@settings(max_examples=300)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)),
       st.integers(0, 36), st.integers(0, 24),
       st.lists(st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1),
                                              max_value=dt.date(2099, 12, 31))), max_size=5))
def test_opzeggingsdata_altijd_op_volgorde(datum, maanden, doorlevering, einden):
    clienten = [Client(f"c{i}", "Assen", "p", e) for i, e in enumerate(einden)]
    schema = bereken("a", datum, maanden, doorlevering, clienten)
    assert schema.instroomstop <= schema.einde_overeenkomst <= schema.uiterste_zorgdatum
    for c in schema.clienten:
        assert c.zorg_tot <= schema.uiterste_zorgdatum
        eind = c.client.einddatum_beschikking
        assert c.zorg_tot == (schema.uiterste_zorgdatum if eind is None
                              else min(eind, schema.uiterste_zorgdatum))


yaml_waarden = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
              st.floats(allow_nan=False, allow_infinity=False)),
    lambda kind: st.one_of(st.lists(kind, max_size=4),
                           st.dictionaries(st.text(max_size=8), kind, max_size=4)),
    max_leaves=20)


@pytest.fixture(scope="module")
def proefmap(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("eigenschappen") / "regios"
    shutil.copytree(REGIOS, doel)
    return doel


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bestand=st.sampled_from(["regio.yaml", "inhoud.yaml", "aanbieders.yaml",
                                "tarieven/2025.yaml"]),
       inhoud=st.one_of(yaml_waarden.map(lambda w: yaml.safe_dump(w, allow_unicode=True)),
                        st.text(max_size=200), st.binary(max_size=200)))
def test_lader_geeft_alleen_nette_fouten(proefmap, bestand, inhoud):
    pad = proefmap / "assen" / bestand
    origineel = (REGIOS / "assen" / bestand).read_bytes()
    try:
        pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
        try:
            laad_regio(proefmap, "assen")
        except ContractenFout as fout:
            assert str(fout)  # a message for the user, never an unhandled exception
    finally:
        pad.write_bytes(origineel)
