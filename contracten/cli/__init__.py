"""The command line: parse arguments, call the Python API (`contracten.*`), print.

`main` is the click group (errors become Dutch messages and exit codes there); `run` is the
console script, which also makes click's own phrases Dutch for its process."""

from __future__ import annotations

import signal

from contracten.cli import einde, taal
from contracten.cli.groep import bij_sigterm, main

# The commands' modules (agenda, beheer, documenten, ...) are imported when their command is
# asked for (`groep.Opdrachten`): `contracten genereer` does not load what `web` needs.
__all__ = ["main", "run"]


def run() -> None:
    """The program `contracten`: runs the command of `sys.argv` and ends the process (see
    `einde`), so call it as a program's last step only."""
    einde.bij_het_einde()
    taal.gebruik_nederlands()
    signal.signal(signal.SIGTERM, bij_sigterm)
    try:
        main(prog_name="contracten")
    except SystemExit as afgesloten:
        einde.onthoud(afgesloten.code)
        raise
