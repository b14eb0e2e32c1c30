"""Run the command line, but stand still at one chosen moment, so that a test can kill -9 the
process exactly there (see `stop_en_dood`):

    STOPPUNT=voor:<regex>   just before the os.replace or os.rename whose target path
                            matches <regex>
    STOPPUNT=na:<regex>     just after it
    STOPPUNT_MELD=<pad>     the file made once the process stands still

Every commit of contracten moves its files with os.replace (a journal into place, then each
file), or makes a new output folder with one os.rename of its staging folder, so these
moments are the ones that matter: before the commit, and every step of it.
A test helper, run as `python -m tests.stoppunt ARGUMENTEN...`; never part of the toolkit.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any

_ECHT = {"replace": os.replace, "rename": os.rename}


def _sta_stil() -> None:
    Path(os.environ["STOPPUNT_MELD"]).touch()
    while True:  # until killed
        time.sleep(60)


def _verplaats(naam: str) -> Any:
    def verplaats(bron: str | os.PathLike[str], doel: str | os.PathLike[str],
                  **opties: object) -> None:
        moment, patroon = os.environ["STOPPUNT"].split(":", 1)
        raak = re.search(patroon, Path(doel).as_posix()) is not None
        if raak and moment == "voor":
            _sta_stil()
        _ECHT[naam](bron, doel, **opties)
        if raak and moment == "na":
            _sta_stil()
    return verplaats


if __name__ == "__main__":
    # Ctrl-C as in a terminal, also when the tests were started in the background by a shell
    # without job control (CI's `… &`, nohup): such a shell starts its children with Ctrl-C
    # ignored, and Python then leaves it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.replace, os.rename = _verplaats("replace"), _verplaats("rename")
    from contracten.cli import run

    sys.argv = ["contracten", *sys.argv[1:]]
    run()
