"""A call of `genereer` remembered under a key of the caller's own (`genereer(...,
onthoud=sleutel)`), so that the same call again can be answered before its arguments are even
parsed: `ongewijzigd(sleutel)`. The command line's key is the command line as typed, with the
working folder and the environment (`cli.snelstart`): an unchanged rerun then starts without
click and without parsing its options.

What is remembered is where that call's record of its fingerprint is and the key of that
record (`opdrachten.snelpad`), in the cache folder (`lezen.cachemap`, folder `opdrachten/`, only
the user's), in a file named by the sha256 of the caller's key (which is not kept). Whether the
call would change nothing is decided as always, from that record: a remembered call never
answers for a region, template or output folder that changed. Lost, damaged, not the user's own
or kept for another key, a record costs only time: the caller takes the usual way."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from contracten.lezen.cachemap import bewaar, cachemap, lees_van_mij
from contracten.pijplijn.resultaat import Resultaat

from .snelpad import Snelpad, probeer

MAP = "opdrachten"
MAXIMUM = 64  # remembered calls kept; the least recently written go first


def _pad(sleutel: str) -> tuple[Path, str] | None:
    """Where the call remembered under `sleutel` is kept, and the hash that names it."""
    map_ = cachemap()
    if map_ is None:
        return None
    naam = hashlib.sha256(sleutel.encode()).hexdigest()
    return map_ / MAP / f"{naam}.json", naam


def onthoud(sleutel: str, snel: Snelpad) -> None:
    """Remember the call of `snel` under `sleutel` (once: an unchanged record is not written
    again)."""
    plaats = _pad(sleutel)
    if plaats is None or snel.sleutel is None:
        return
    pad, naam = plaats
    inhoud = json.dumps({"naam": naam, "record": str(snel.record.absolute()),
                         "sleutel": snel.sleutel}, separators=(",", ":")).encode()
    if lees_van_mij(pad) == inhoud:
        return
    with contextlib.suppress(OSError):  # the names tell which commands ran: the user's only
        pad.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    bewaar(pad, inhoud, MAXIMUM, (".json",))


def ongewijzigd(sleutel: str) -> Resultaat | None:
    """The result of the call of `genereer` remembered under `sleutel` (its `onthoud`), at once,
    when that call would change nothing now (the result of such a run: `geschreven` empty, its
    manifest read only when asked for); None when no call is remembered under it, or when
    anything it depends on may have changed."""
    plaats = _pad(sleutel)
    inhoud = None if plaats is None else lees_van_mij(plaats[0])
    if plaats is None or inhoud is None:
        return None
    try:
        record = json.loads(inhoud)
        if record["naam"] != plaats[1]:  # another key's record, copied or linked here
            return None
        return probeer(Path(record["record"]), str(record["sleutel"]))
    except (ValueError, TypeError, KeyError):
        return None
