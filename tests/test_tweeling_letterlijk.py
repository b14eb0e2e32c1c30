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


def test_lege_regels_samenvoegen_geeft_de_tekst_van_de_oude_weg():
    """The twin's lines joined with at most one empty line in a row (`zonder_lege_regels`, one
    pass over the list) give the text the old way gave: join, collapse every run of three or
    more newlines, strip. Also with lines that hold a line break or only white space."""
    import random
    import re

    from contracten.weergave.tekstversie import zonder_lege_regels

    def oud(regels: list[str]) -> str:
        return re.sub(r"\n\n\n+", "\n\n", "\n".join(regels)).strip() + "\n"

    soorten = ["", "", "", "A", "# Kop", " ", "  ", "\t", "x\n", "\ny", "\n", "\n\n", "a\n\nb",
               "| a | b |", "’t", "1. Lid"]
    toeval = random.Random(31)
    gevallen = [[], [""], ["", ""], ["A"], ["", "", "", "A", "", "", ""], ["A", "\n", "", "B"]]
    gevallen += [[toeval.choice(soorten) for _ in range(toeval.randrange(0, 12))]
                 for _ in range(20_000)]
    for regels in gevallen:
        assert zonder_lege_regels(regels) == oud(regels), regels
