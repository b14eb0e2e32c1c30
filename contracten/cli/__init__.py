"""The command line: parse arguments, call the Python API (`contracten.*`), print.

`main` is the click group (errors become Dutch messages and exit codes there); `run` is the
console script, which also makes click's own phrases Dutch for its process. An unchanged rerun
of `genereer` is answered before click is imported (`snelstart`)."""

from __future__ import annotations

import signal
import sys
from typing import TYPE_CHECKING, Any

from contracten.cli import einde, snelstart
from contracten.cli.onderbreking import bij_sigterm

if TYPE_CHECKING:
    from contracten.cli.groep import main

# The commands' modules (agenda, beheer, documenten, ...) are imported when their command is
# asked for (`groep.Opdrachten`): `contracten genereer` does not load what `web` needs.
__all__ = ["main", "run"]


def __getattr__(naam: str) -> Any:
    if naam == "main":  # click and the group: not for an unchanged rerun
        from contracten.cli.groep import main

        return main
    raise AttributeError(f"module 'contracten.cli' has no attribute {naam!r}")


def run() -> None:
    """The program `contracten`: runs the command of `sys.argv` and ends the process (see
    `einde`), so call it as a program's last step only."""
    einde.bij_het_einde()
    signal.signal(signal.SIGTERM, bij_sigterm)
    try:
        if snelstart.herhaal(sys.argv[1:]):
            einde.sta_toe()  # nothing was opened
            raise SystemExit(0)
        from contracten.cli import taal
        from contracten.cli.groep import main

        taal.gebruik_nederlands()
        main(prog_name="contracten")
    except SystemExit as afgesloten:
        einde.onthoud(afgesloten.code)
        raise
