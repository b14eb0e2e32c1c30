"""The limits on a table or workbook that a user gives (a client list, indexation figures, what
the aanbieders realised, a workbook for `importeer`). Each is checked before the file is
unpacked or read further, so a zip bomb or a sheet of a million rows costs a refusal, not the
machine's memory; each refusal names its limit. docs/contractbeheer/excel.md lists them (section
"Grenzen aan invoerbestanden"); change them there too."""

from __future__ import annotations

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

MAXIMUM_RIJEN_WERKBOEK = 10_000
"""Rows of one sheet of the workbook `importeer` reads: aanbieders and tariffs."""

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



def megabytes(aantal: int) -> str:
    """50_000_000 as '50 MB', for messages."""
    return f"{aantal // 1_000_000} MB"
