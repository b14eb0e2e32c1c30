"""Worker processes that never run the caller's own program. A 'spawn' worker normally imports
the main module of the process that starts it, so a user's script without an
`if __name__ == "__main__":` guard would start its own run in every worker, and a program read
from standard input (`python -`) cannot be found at all. The workers need nothing of it (they
run this package's functions), so while one starts, the main module shows no file and no
module name: the worker then leaves it alone, on Linux, macOS and Windows alike."""

from __future__ import annotations

import multiprocessing.context
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_SLOT = threading.Lock()  # one start at a time changes the main module (threads in the web)
_AFWEZIG = object()


@contextmanager
def _zonder_hoofdprogramma() -> Iterator[None]:
    hoofd = sys.modules.get("__main__")
    if hoofd is None:
        yield
        return
    with _SLOT:
        bewaard = {k: hoofd.__dict__.get(k, _AFWEZIG) for k in ("__file__", "__spec__")}
        hoofd.__dict__.pop("__file__", None)
        hoofd.__dict__["__spec__"] = None
        try:
            yield
        finally:
            for naam, waarde in bewaard.items():
                if waarde is _AFWEZIG:
                    hoofd.__dict__.pop(naam, None)
                else:
                    hoofd.__dict__[naam] = waarde


class _Proces(multiprocessing.context.SpawnProcess):
    def start(self) -> None:
        with _zonder_hoofdprogramma():
            super().start()


class Werkercontext(multiprocessing.context.SpawnContext):
    """The 'spawn' context whose processes start without the caller's main module."""

    Process = _Proces
