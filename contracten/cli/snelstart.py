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
variable (each may give an option its value; of a password only whether it is set), the
program itself (Python, its search path, click's files) and, for a call that was not given
--datum, the day it is (the date its letters carry). Not on Windows, where click expands
wildcards in the command line itself."""

from __future__ import annotations

import datetime as dt
import importlib.util
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
# Variables that may hold a password, which no option of `genereer` reads: only whether each is
# set counts (the key's hash names a file, and the rest of the key can be guessed).
GEHEIM = ("DATABASE", "GEHEIM", "POSTGRES", "WACHTWOORD")


def sleutel(argumenten: Sequence[str], dag: dt.date | None) -> str:
    """The key of a command line `argumenten` (without the program's name); `dag`: the date the
    command takes from the clock, None when it was given one. The library keeps only its hash,
    and of a variable that may hold a password only whether it is set counts (`GEHEIM`)."""
    omgeving = sorted((naam, None if any(g in naam for g in GEHEIM) else waarde)
                      for naam, waarde in os.environ.items() if naam.startswith("CONTRACTEN_"))
    return json.dumps([VERSIE, list(argumenten), os.getcwd(), sys.executable, sys.version,
                       sys.path, _click(), omgeving, None if dag is None else dag.isoformat()])


def _click() -> list[int] | None:
    """Which click parses a command line (its file's size, times and inode), without
    importing it: another version may read the same words otherwise."""
    spec = importlib.util.find_spec("click")
    if spec is None or spec.origin is None:
        return None
    staat = os.stat(spec.origin)
    return [staat.st_size, staat.st_mtime_ns, staat.st_ctime_ns, staat.st_ino]


def niets_veranderd(map_: Path) -> str:
    """What `genereer` says when it changed nothing."""
    return f"Niets veranderd sinds de vorige run: {map_} is bij."


def bij_niets_veranderd(resultaat: contracten.Resultaat) -> str | None:
    """`niets_veranderd` for a run that wrote and removed nothing; None for one that did."""
    return None if resultaat.geschreven or resultaat.verwijderd \
        else niets_veranderd(resultaat.map)


def herhaal(argumenten: list[str]) -> bool:
    """Answer `argumenten` at once when they are an unchanged rerun the library remembers:
    print what `genereer` prints then and return True. Else False, having printed nothing."""
    if OPDRACHT not in argumenten or os.name == "nt":
        return False
    try:
        resultaat = _onthouden(argumenten)
        if resultaat is None:
            return False
        print(niets_veranderd(resultaat.map), flush=True)
    except KeyboardInterrupt as onderbroken:  # Ctrl-C, SIGTERM: nothing was changed
        print(afgebroken(), file=sys.stderr)
        raise SystemExit(status(onderbroken)) from None
    except BrokenPipeError:  # as click does (`| head -0`): quietly, status 1
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (the end of the program flushes it)
        raise SystemExit(1) from None
    return True


def _onthouden(argumenten: list[str]) -> contracten.Resultaat | None:
    """What the library answers for `argumenten`; None also when looking fails (whatever it
    is, the usual way says it properly)."""
    try:
        # Given --datum, the call was remembered without a day; else under today's (the clock
        # is not read for a command line that names --datum: at worst it takes the usual way).
        resultaat = contracten.ongewijzigd(sleutel(argumenten, None))
        if resultaat is None and not any(a == "--datum" or a.startswith("--datum=")
                                         for a in argumenten):
            resultaat = contracten.ongewijzigd(sleutel(argumenten, vandaag(None)))
    except Exception:
        return None
    return resultaat
