"""A call of `genereer` remembered under a key of the caller's own (`genereer(...,
onthoud=sleutel)`), so that the same call again can be answered before its arguments are even
parsed: `ongewijzigd(sleutel)`. The command line's key is the command line as typed, with the
working folder and the environment (`cli.snelstart`): an unchanged rerun then starts without
click and without parsing its options.

What is remembered is where that call's record of its fingerprint is and its key
(`opdrachten.snelpad`), in the cache folder (`lezen.cachemap`, folder `opdrachten/`, named by the
sha256 of the caller's key, which may hold anything the caller typed). Whether the call would
change nothing is decided as always, from that record: a remembered call never answers for a
region, template or output folder that changed. Lost, damaged or not the user's own, a record
costs only time: the caller takes the usual way."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from contracten.lezen.cachemap import alleen_van_mij, bewaar, cachemap
from contracten.pijplijn.resultaat import Resultaat

from .snelpad import Snelpad, probeer

MAP = "opdrachten"
MAXIMUM = 64  # remembered calls kept; the least recently written go first


def _pad(sleutel: str) -> Path | None:
    map_ = cachemap()
    if map_ is None:
        return None
    return map_ / MAP / f"{hashlib.sha256(sleutel.encode()).hexdigest()}.json"


def onthoud(sleutel: str, snel: Snelpad) -> None:
    """Remember the call of `snel` under `sleutel` (once: an unchanged record is not written
    again)."""
    pad = _pad(sleutel)
    if pad is None or snel.sleutel is None:
        return
    inhoud = json.dumps({"record": str(snel.record.absolute()), "sleutel": snel.sleutel},
                        separators=(",", ":")).encode()
    try:
        if pad.read_bytes() == inhoud and alleen_van_mij(pad):
            return
    except OSError:
        pass
    bewaar(pad, inhoud, MAXIMUM, (".json",))


def ongewijzigd(sleutel: str) -> Resultaat | None:
    """The result of the call of `genereer` remembered under `sleutel` (its `onthoud`), at once,
    when that call would change nothing now (the result of such a run: `geschreven` empty, its
    manifest read only when asked for); None when no call is remembered under it, or when
    anything it depends on may have changed."""
    pad = _pad(sleutel)
    if pad is None or not alleen_van_mij(pad):
        return None
    try:
        record = json.loads(pad.read_bytes())
        return probeer(Path(record["record"]), str(record["sleutel"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None
