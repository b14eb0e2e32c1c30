"""A paragraph of a document whose text starts like Markdown's own syntax (a name on a letter's
own line can: "# Zorg", "> Zorg", "1. Zorg") stays that text in the Markdown twin and in the
HTML made from it: not a heading, a quote, a line or a list."""

from __future__ import annotations

import pytest

from contracten.weergave.htmlversie import naar_html
from contracten.weergave.tweelingblok import in_de_tweeling

GEWOON = ["# Zorg B.V.", "#Zorg", "> Zorg", ">Zorg", "---", "- - -", "- Zorg", "+ Zorg",
          "1. Zorg", "6) Zorg", "Zorg B.V.", "12 maanden", "-- Zorg"]


@pytest.mark.parametrize("tekst", GEWOON)
def test_een_alinea_blijft_gewone_tekst(tekst):
    _, regels = in_de_tweeling(tekst, "Normal")
    lichaam = naar_html("\n".join(regels), "t").split("<body>\n", 1)[1]
    assert lichaam.startswith("<p>"), lichaam
    assert lichaam.split("</p>", 1)[0] == "<p>" + tekst.replace(">", "&gt;"), lichaam


def test_een_gewone_alinea_krijgt_geen_schuine_streep():
    assert in_de_tweeling("Zorg B.V.", "Normal")[1] == ("", "Zorg B.V.", "")
    assert in_de_tweeling("2026-01-01", "Normal")[1] == ("", "2026-01-01", "")
