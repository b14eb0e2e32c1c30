"""The profile's character checks, done with one regular expression instead of character by
character (issue 31), find the same first character as before."""

from __future__ import annotations

import random

import pytest
from pydantic import TypeAdapter, ValidationError

from contracten.profiel.namen import VERBODEN_TEKENS, naamprobleem
from contracten.profiel.typen import Markdown, Tekst

TEKENS = "ab é\t\n\r\x00\x01\x1b\x1f\x7f\x80\x85\x9f\xa0<>:\"/\\|?*.-\u200b\ufeff"


def _eerste_stuurteken(waarde: str, toegestaan: str) -> int | None:
    """As the check read it before: character by character."""
    for teken in waarde:
        if (ord(teken) < 32 or 0x7F <= ord(teken) < 0xA0) and teken not in toegestaan:
            return ord(teken)
    return None


def _eerste_naamteken(naam: str) -> str | None:
    return next((t for t in naam if t in VERBODEN_TEKENS or ord(t) < 32), None)


def _teksten(aantal: int) -> list[str]:
    kans = random.Random(31)
    return ["x" + "".join(kans.choice(TEKENS) for _ in range(kans.randint(0, 12)))
            for _ in range(aantal)]


@pytest.mark.parametrize(("soort", "toegestaan"), [(Tekst, ""), (Markdown, "\n\t")])
def test_het_eerste_stuurteken_zoals_teken_voor_teken(soort, toegestaan):
    adapter = TypeAdapter(soort)
    for tekst in _teksten(1500):
        verwacht = _eerste_stuurteken(tekst, toegestaan)
        try:
            adapter.validate_python(tekst)
        except ValidationError as fout:
            (melding,) = fout.errors()
            assert melding["type"] == "stuurteken", tekst
            assert melding["ctx"]["code"] == verwacht, tekst
        else:
            assert verwacht is None, tekst


def test_een_naam_noemt_hetzelfde_verboden_teken():
    for naam in _teksten(3000):
        teken = _eerste_naamteken(naam)
        probleem = naamprobleem(naam)
        if teken is None:
            assert probleem is None or probleem[1] != "naam_teken", naam
        elif probleem is not None and probleem[1] == "naam_teken":
            zichtbaar = teken if ord(teken) >= 32 else f"code {ord(teken)}"
            assert f"({zichtbaar})" in probleem[0], naam
        else:  # a name ending in a dot or space is refused for that first
            assert probleem is not None and probleem[1] == "naam_punt_of_spatie", naam
