"""Opzegging dates: months are added in one step from the original date, so no clamp to the end
of a short month eats days of a later period."""

from __future__ import annotations

import datetime as dt

import pytest

from contracten.profiel.clienten import Client
from contracten.rekenen.opzegging import bereken, plus_maanden

D = dt.date


@pytest.mark.parametrize(("begin", "termijn", "nalevering", "einde", "uiterste"), [
    (D(2026, 8, 31), 6, 3, D(2027, 2, 28), D(2027, 5, 31)),  # not 28 May via 28 February
    (D(2026, 8, 31), 6, 6, D(2027, 2, 28), D(2027, 8, 31)),  # not 28 August
    (D(2027, 8, 31), 6, 6, D(2028, 2, 29), D(2028, 8, 31)),  # leap year
    (D(2026, 1, 31), 1, 1, D(2026, 2, 28), D(2026, 3, 31)),
    (D(2026, 3, 15), 0, 6, D(2026, 3, 15), D(2026, 9, 15)),
])
def test_perioden_in_een_stap_vanaf_de_opzegdatum(begin, termijn, nalevering, einde, uiterste):
    schema = bereken("x", begin, termijn, nalevering, [])
    assert (schema.einde_overeenkomst, schema.uiterste_zorgdatum) == (einde, uiterste)
    assert schema.uiterste_zorgdatum == plus_maanden(begin, termijn + nalevering)


def test_beschikking_tot_31_augustus_verliest_geen_dagen():
    client = Client("C-1", "Assen", "bw-toezicht", D(2027, 8, 31))
    schema = bereken("x", D(2026, 8, 31), 6, 6, [client])
    assert schema.clienten[0].zorg_tot == D(2027, 8, 31)
