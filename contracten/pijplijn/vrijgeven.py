"""Give memory a process no longer uses back to the system after a large passing allocation:
pickling the run's Werk (with the whole profile) in the main process, unpickling it in each
worker. Python frees what it no longer needs, but the C library (glibc) keeps freed heap
memory for later and does not return most of it by itself: at 20,000 aanbieders some 17 MB in
the main process, which allocates little after it (a worker, some 12 MB right after reading
its copy, reuses most of it for rendering anyway). `malloc_trim(0)` returns it; it changes
nothing else. Only where the C library has it (glibc, Linux); elsewhere this
does nothing."""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:  # the symbols of the running program, the C library's among them
        functie: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # another C library (musl): nothing to do
        return None
    return functie


def geef_vrij() -> None:
    """Return the C library's free heap memory to the system (see the module)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
