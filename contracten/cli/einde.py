"""The end of the program `contracten`, without the interpreter's finalization. Once a command
is done, Python would free every object it still holds one by one and run a last full garbage
collection over them: at 1,000 aanbieders a tenth of a second after `genereer` has printed its
last line, more with a larger region, for nothing the user sees. As mypy does, the program
ends with `os._exit` instead, when the command that ran allows it (`sta_toe`: one that holds
nothing whose own end matters), after everything that does matter at an exit:

- every exit handler registered after the program began runs first (`atexit` runs the last
  registered first, and `run` registers this one before the command starts): those of
  multiprocessing (its finalizers, its child processes), logging, tempfile and the like, and
  the register's (`register.verbinding.sluit_alle`), which closes its connections, so that
  the last close of an SQLite register moves its write-ahead log into the register file;
- threads that are not daemons were joined before the exit handlers (threading's own);
- standard output and standard error are flushed, with Python's own status 120 when standard
  output cannot be (a closed pipe);
- the exit status is the one the command ended with (`SystemExit`'s code, as Python turns it
  into a status). A command that did not end with SystemExit (an error no handler caught) ends
  the ordinary way, with Python's traceback and status."""

from __future__ import annotations

import atexit
import os
import sys

_STATUS: list[int] = []  # the status the command ended with, once it has and allows it
_TOEGESTAAN: list[bool] = []  # the command that runs allows a quick end


def bij_het_einde() -> None:
    """Register the quick end; call once, before the command starts."""
    atexit.register(_einde)


def status_van(code: object) -> int:
    """The process status for `SystemExit(code)`, as Python computes it (a message is
    printed by Python itself, before the exit handlers, and gives 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1


def sta_toe() -> None:
    """Called for a command that ends quickly: it leaves nothing open that its end would have
    to close but the register, which closes itself at the exit (`groep.SNEL_EINDE`)."""
    _TOEGESTAAN.append(True)


def onthoud(code: object) -> None:
    """The command ended with `SystemExit(code)`."""
    if _TOEGESTAAN:
        _STATUS.append(status_van(code))


def _einde() -> None:
    if not _STATUS:
        return  # not ended by SystemExit: as usual
    status = _STATUS[-1]
    for stroom in (sys.stdout, sys.stderr):
        try:
            if stroom is not None:
                stroom.flush()
        except Exception:  # as Python does: the status says it, nothing more
            if stroom is sys.stdout and status == 0:
                status = 120
    os._exit(status)
