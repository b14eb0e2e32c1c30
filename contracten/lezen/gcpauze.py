"""Python's cyclic garbage collector paused while a region profile is read.

Reading a profile (YAML and pydantic validation of thousands of aanbieders) creates tens of
thousands of objects that stay alive, and no reference cycle (measured at 5,000 aanbieders: a
full collection right after loading finds nothing). Every 700 of them set off a collection, and
now and then one that goes through every object of the process, the imported modules included
(at 5,000 aanbieders 137 collections, one of them full, 40-70 ms of processor time; after the
pause one young collection goes through them once). Reference counting frees everything
without a cycle as before; cyclic garbage, which loading hardly makes, waits until the pause
ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_slot = threading.Lock()
_binnen = 0  # how many pauses are open (threads of the web server read profiles too)
_was_aan = False  # whether the collector was on when the first of them began
_bevroren = False  # whether a block of `bevroren` froze the objects and has not ended


@contextmanager
def zonder_gc() -> Iterator[None]:
    """The collector off for the span of the block, and as it was afterwards, also after an
    error. When the blocks of several threads overlap, the last one to end restores the state
    from before the first; a collector someone else switched off stays off."""
    global _binnen, _was_aan
    with _slot:
        if _binnen == 0:
            _was_aan = gc.isenabled()
            gc.disable()
        _binnen += 1
    try:
        yield
    finally:
        with _slot:
            _binnen -= 1
            if _binnen == 0 and _was_aan:
                gc.enable()


@contextmanager
def bevroren() -> Iterator[bool]:
    """What exists when the block begins (a loaded profile, the modules) left out of the
    collector's rounds for the span of the block (`gc.freeze`): a full round then goes through
    what the block made, not again through hundreds of thousands of older objects. Nothing is
    freed later but garbage cycles among those older objects, until the block ends. Not when
    something else froze objects already (then it is theirs to undo). Gives whether this
    block froze them."""
    global _bevroren
    with _slot:
        # Within a block of ours (its own flag: counting the frozen objects goes through
        # every one of them, some 4 ms at 1,000 aanbieders), or someone else's freeze.
        eigen = not _bevroren and not gc.get_freeze_count()
        if eigen:
            gc.freeze()
            _bevroren = True
    if not eigen:
        yield False
        return
    try:
        yield True
    finally:
        with _slot:
            gc.unfreeze()
            _bevroren = False
