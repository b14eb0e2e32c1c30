"""What a run made before it goes over the previous run's output, kept out of Python's cyclic
garbage collection as well, while the run itself froze what was there before it (see
`draai._bevroren`).

The previous manifest alone is hundreds of thousands of objects at 20,000 aanbieders (its
entries, their lists), the record of sizes and times tens of thousands more. Read after the run
froze the rest, they stayed in the collector's view: every full collection that the run's own
work set off went through them all again (at 20,000 aanbieders five full collections of a
rerun after one change, together as much time as reading the manifest). Nothing among them
forms a cycle; reference counting frees them as before."""

from __future__ import annotations

import gc
import threading

_eigen = 0  # open runs whose freeze this process made (draai._bevroren)
# Threads of one process (the web) run at once: a freeze is never added after the run that
# owns it has ended (then it would stay, owned by nobody).
_slot = threading.Lock()


def begonnen() -> None:
    global _eigen
    with _slot:
        _eigen += 1


def geeindigd() -> None:
    """Before the run's own freeze is undone: no `vries_bij` adds to it after this."""
    global _eigen
    with _slot:
        _eigen -= 1


def vries_bij() -> None:
    """Everything made until now out of the collection too, when a run of this process froze
    (it unfreezes all at its end); else nothing (someone else's freeze is theirs)."""
    with _slot:
        if _eigen:
            gc.freeze()
