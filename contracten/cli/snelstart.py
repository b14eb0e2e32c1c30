"""An unchanged rerun of `genereer`, answered before click is imported. A command line that,
typed again in the same folder with the same environment and program, was last answered with
"niets veranderd" (or left its folder so that the same run again changes nothing) is
remembered by the library under its key (`genereer(..., onthoud=...)`); the same command line
again asks the library first (`contracten.ongewijzigd`), which decides from the fingerprint of
that call's inputs and output as always. Then the program says what `genereer` says then, with
neither click nor the parsing of options: those took a third of such a run. Anything else, or
any doubt, takes the usual way (`groep.main`).

The key is the command line as typed, so each option's value is what the remembered call
parsed from the same words: with the working folder (relative paths), every CONTRACTEN_*
variable (each may give an option its value), the program itself and, for a call that was not
given --datum, the day it is (the date its letters carry)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import contracten
from contracten.cli.klok import vandaag
from contracten.cli.onderbreking import afgebroken, status

VERSIE = 1
OPDRACHT = "genereer"


def sleutel(argumenten: Sequence[str], dag: dt.date | None) -> str:
    """The key of a command line `argumenten` (without the program's name); `dag`: the date the
    command takes from the clock, None when it was given one. It may hold what a variable holds
    (a password): the library keeps only its hash."""
    omgeving = sorted((naam, waarde) for naam, waarde in os.environ.items()
                      if naam.startswith("CONTRACTEN_"))
    return json.dumps([VERSIE, list(argumenten), os.getcwd(), sys.executable, sys.version,
                       sys.path, omgeving, None if dag is None else dag.isoformat()])


def niets_veranderd(map_: Path) -> str:
    """What `genereer` says when it changed nothing."""
    return f"Niets veranderd sinds de vorige run: {map_} is bij."


def herhaal(argumenten: list[str]) -> bool:
    """Answer `argumenten` at once when they are an unchanged rerun the library remembers:
    print what `genereer` prints then and return True. Else False, having printed nothing."""
    if OPDRACHT not in argumenten:
        return False
    try:
        # Given --datum, the call was remembered without a day; else under today's (the clock
        # is not read for a command line that names --datum: at worst it takes the usual way).
        resultaat = contracten.ongewijzigd(sleutel(argumenten, None))
        if resultaat is None and not any(a == "--datum" or a.startswith("--datum=")
                                         for a in argumenten):
            resultaat = contracten.ongewijzigd(sleutel(argumenten, vandaag(None)))
    except KeyboardInterrupt as onderbroken:  # Ctrl-C, SIGTERM: nothing was changed
        print(afgebroken(), file=sys.stderr)
        raise SystemExit(status(onderbroken)) from None
    except Exception:
        return False
    if resultaat is None:
        return False
    print(niets_veranderd(resultaat.map), flush=True)
    return True
