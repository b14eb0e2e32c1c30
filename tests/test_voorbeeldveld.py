"""`OvereenkomstKeuzes.is_voorbeeld` (asked some thirty times per contract) answers as the plain
rule says: a field is an example value when it, or the part before one of its dots, is listed
under `voorbeeld`."""

from __future__ import annotations

import pytest

import contracten

from .conftest import REGIOS

LIJSTEN = [[], ["opdrachtgever"], ["opdrachtgever.kvk", "procedure"],
           ["a.b", "a", "socialreturn", "opdrachtgever.vertegenwoordiger.naam"]]
VELDEN = ["", "a", "a.", ".a", "a.b", "a.bc", "ab.c", "a.b.c", "opdrachtgever", "opdrachtgever.kvk",
          "opdrachtgever.kvk.x", "opdrachtgeverx", "opdrachtgever.vertegenwoordiger",
          "opdrachtgever.vertegenwoordiger.naam", "procedure", "procedures", "socialreturn.x"]


@pytest.fixture(scope="module")
def keuzes():
    return contracten.laad_regio(REGIOS, "assen").overeenkomst


@pytest.mark.parametrize("lijst", LIJSTEN)
def test_is_voorbeeld_volgt_de_regel(keuzes, lijst):
    k = keuzes.model_copy(update={"voorbeeld": lijst})
    for veld in VELDEN:
        verwacht = any(veld == v or veld.startswith(f"{v}.") for v in lijst)
        assert k.is_voorbeeld(veld) == verwacht, (lijst, veld)
