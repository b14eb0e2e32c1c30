"""The limits on a table or workbook that a user gives (a client list, indexation figures, what
the aanbieders realised, a workbook for `importeer`). Each is checked before the file is
unpacked or read further, so a zip bomb or a sheet of a million rows costs a refusal, not the
machine's memory; each refusal names its limit. docs/contractbeheer/excel.md lists them (section
"Grenzen aan invoerbestanden"); change them there too.

Every limit here and elsewhere that a large region may meet (`instelbaar`) can be raised without
changing the code: the environment variable CONTRACTEN_<NAME> (e.g. CONTRACTEN_MAX_WAARDEN=3000000)
replaces its default, and each refusal says so (`verhogen`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

VOORVOEGSEL = "CONTRACTEN_"
GELEZEN: set[str] = set()  # the limits this process read (a fast path checks them again)


class Grens(int):
    """A limit: a whole number that knows its name, so that a refusal can name it and say how
    to raise it."""

    naam: str

    def __new__(cls, waarde: int, naam: str) -> Grens:
        grens = super().__new__(cls, waarde)
        grens.naam = naam
        return grens

    def __reduce__(self) -> tuple[object, ...]:
        return (Grens, (int(self), self.naam))


def instelbaar(naam: str, standaard: int, omgeving: Mapping[str, str] = os.environ) -> Grens:
    """The limit `naam`: `standaard`, or the whole number in CONTRACTEN_<naam> (digits, with
    '.' or '_' between thousands allowed). Read once, when the module is imported: anything
    but a positive whole number leaves the default, with a warning (in Dutch) on stderr, as
    an import cannot stop a command with a message of its own."""
    variabele = VOORVOEGSEL + naam
    GELEZEN.add(naam)
    tekst = omgeving.get(variabele, "").strip()
    if not tekst:
        return Grens(standaard, naam)
    cijfers = tekst.replace(".", "").replace("_", "")
    if not cijfers.isdigit() or int(cijfers) < 1 or len(cijfers) > 15:
        sys.stderr.write(f"Waarschuwing: {variabele} moet een geheel getal groter dan 0 zijn "
                         f"(gevonden: '{tekst[:20]}'); de standaard {duizendtallen(standaard)} "
                         "geldt.\n")
        return Grens(standaard, naam)
    return Grens(int(cijfers), naam)


def verhogen(grens: int) -> str:
    """How to raise `grens`, for the end of a refusal: "grens MAX_WAARDEN; hoger met de
    omgevingsvariabele CONTRACTEN_MAX_WAARDEN"; "" for a plain number."""
    naam = getattr(grens, "naam", None)
    if naam is None:
        return ""
    return f"grens {naam}; hoger met de omgevingsvariabele {VOORVOEGSEL}{naam}"

MAXIMUM_BESTAND = 50_000_000
"""Bytes of the file as it is given (CSV or .xlsx)."""

MAXIMUM_UITGEPAKT = 100_000_000
"""Bytes of all parts of a workbook together, unpacked (as its zip directory states them)."""

MAXIMUM_VERHOUDING = 100
"""Unpacked ÷ packed size of a workbook; a real one is 5 to 20, a zip bomb 1000."""

MAXIMUM_ONDERDELEN = 1_000
"""Parts (files) in a workbook's zip; a real one has 10 to 50."""

MAXIMUM_RIJEN = 100_000
"""Rows of one sheet, beside the header (a client list of 100,000 clients)."""

MAXIMUM_RIJEN_WERKBOEK = instelbaar("MAXIMUM_RIJEN_WERKBOEK", 50_000)
"""Rows of one sheet of the workbook `importeer` reads: aanbieders and tariffs (a region of
20,000 aanbieders fits with room to spare)."""

MAXIMUM_KOLOMMEN = 200
"""Columns of a sheet or CSV."""

MAXIMUM_CELLEN = 2_000_000
"""Cells of all sheets of a workbook together."""

MAXIMUM_TEKENS_PER_CEL = 10_000
"""Characters in one cell or CSV field."""

MAXIMUM_DELEN_PER_CEL = 100
"""XML elements in one cell or shared text (a value, a formula, runs of bold or italic text)."""

MAXIMUM_ELEMENTEN = 100_000
"""XML elements of one part of a workbook outside its cells and texts: formats, names,
column widths, properties (a real workbook has hundreds to a few thousand)."""



def duizendtallen(aantal: int) -> str:
    """1500000 as '1.500.000', for messages."""
    return f"{int(aantal):,}".replace(",", ".")


def megabytes(aantal: int) -> str:
    """50_000_000 as '50 MB', for messages."""
    return f"{aantal // 1_000_000} MB"
