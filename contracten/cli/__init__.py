"""The command line: parse arguments, call the Python API (`contracten.*`), print.

`main` is the click group (errors become Dutch messages and exit codes there); `run` is the
console script, which also makes click's own phrases Dutch for its process."""

from __future__ import annotations

import signal

from contracten.cli import (
    agenda,
    artikelen,
    beheer,
    documenten,
    gebruikers,
    goedkeuring,
    socialreturn,
    taal,
    web,
    werker,
)
from contracten.cli.groep import bij_sigterm, main

__all__ = ["agenda", "artikelen", "beheer", "documenten", "gebruikers", "goedkeuring", "main",
           "run",
           "socialreturn", "web", "werker"]


def run() -> None:
    taal.gebruik_nederlands()
    signal.signal(signal.SIGTERM, bij_sigterm)
    main(prog_name="contracten")
