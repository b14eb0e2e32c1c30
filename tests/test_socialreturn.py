"""The social-return computation: strict threshold, 5 % of the aanneemsom, half up to cents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contracten.aanbieders import Aanbieder
from contracten.fouten import InvoerFout
from contracten.opmaak import bedrag
from contracten.regels import SocialReturn
from contracten.socialreturn import bereken, toelichting

REGEL = SocialReturn(percentage=Decimal(5), drempel=Decimal("200000.00"))


def aanbieder(omzet: str, aanneemsom: str | None = "100000.00") -> Aanbieder:
    return Aanbieder.model_validate({
        "id": "a", "naam": "A", "kvk": "12345678",
        "adres": {"straat": "Straat 1", "postcode": "1234 AB", "plaats": "Plaats"},
        "contact": {"naam": "X", "email": "x@voorbeeld.nl"}, "producten": ["p"],
        "jaaromzet": omzet, "aanneemsom": aanneemsom})


@pytest.mark.parametrize(("omzet", "verplicht"), [
    ("199999.99", False), ("200000.00", False), ("200000.01", True), ("1480250.00", True)])
def test_drempel_is_strikt_boven(omzet, verplicht):
    assert bereken(REGEL, aanbieder(omzet)).verplicht is verplicht


@pytest.mark.parametrize(("aanneemsom", "verwacht"), [
    ("1234567.89", "61728.39"),  # 61728.3945
    ("10.10", "0.51"),  # 0.505: half up, not half even
    ("10.30", "0.52"),  # 0.515
    ("0.00", "0.00"),
])
def test_bedrag_half_up_op_centen(aanneemsom, verwacht):
    uitkomst = bereken(REGEL, aanbieder("300000.00", aanneemsom))
    assert uitkomst.bedrag == Decimal(verwacht)
    assert str(uitkomst.bedrag) == verwacht


def test_niet_verplicht_heeft_geen_bedrag_en_zegt_waar_mogelijk():
    uitkomst = bereken(REGEL, aanbieder("200000.00"))
    assert uitkomst.bedrag is None
    assert "waar mogelijk" in toelichting(uitkomst, REGEL, aanbieder_voorbeeld=False)


def test_verplicht_zonder_aanneemsom_is_invoerfout():
    with pytest.raises(InvoerFout, match="aanneemsom"):
        bereken(REGEL, aanbieder("300000.00", None))


def test_toelichting_markeert_voorbeeldwaarden():
    uitkomst = bereken(REGEL, aanbieder("300000.00"))
    tekst = toelichting(uitkomst, REGEL, aanbieder_voorbeeld=True)
    assert "(€ 300.000,00 (voorbeeld))" in tekst and "(€ 100.000,00 (voorbeeld))" in tekst
    assert "€ 200.000,00;" in tekst  # the threshold is from the source


def test_weergave_weigert_onafgeronde_bedragen():
    assert bedrag(Decimal("1234.5")) == "€ 1.234,50"
    assert bedrag(Decimal("-0.00")) == "€ 0,00"
    with pytest.raises(ValueError):
        bedrag(Decimal("0.005"))
