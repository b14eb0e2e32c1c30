"""The record of sizes, times and hashes of an output tree (see `kenmerken`) on disk: the record
itself (`.contracten-kenmerken.json`) and a small supplement beside it
(`.contracten-kenmerken.bij.json`) with what changed since. A rerun after one change records a
handful of files: it writes those to the supplement, not the record of 40,000 files again (at
20,000 aanbieders that was some 0.2 s: 15 MB of JSON and a listing of every folder). When the
supplement grows past a tenth of the record (or past AANVULLING_MIN entries, for a small
record), the whole record is written anew and the supplement goes.

The supplement names the record it belongs to (inode, size, modification and change time):
beside a record written since (by another process, or restored from a copy), it is ignored.
Each entry is trusted only when its file did not change within the tick of the clock in which
the file holding it (record or supplement) was written; one that did is read as ONBETROUWBAAR
(size -1, matching no file), so that file is hashed again. Both files are a cache: lost,
damaged or not writable, the files are simply hashed."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contracten.fouten import ContractenFout
from contracten.lezen.bewaard import Bewaard
from contracten.lezen.bewaard import Kenmerk as Toestand
from contracten.lezen.bewaard import kenmerk as toestand_van
from contracten.lezen.gcpauze import zonder_gc
from contracten.uitvoer.map import vervang_atomair
from contracten.uitvoer.mapinhoud import geen_bestand

BESTAND = ".contracten-kenmerken.json"
AANVULLING = ".contracten-kenmerken.bij.json"
VERSIE = 1
AANVULLING_MIN = 64  # entries the supplement may always hold (some 12 KB) …
AANVULLING_DEEL = 10  # … or one in this many of the record's

# per file: size, mtime_ns, ctime_ns, inode, sha256
Kenmerk = tuple[int, int, int, int, str]
ONBETROUWBAAR = -1  # the size of an entry recorded within its file's tick: it matches no file


@dataclass(frozen=True)
class Record:
    """A record as read: `bestanden` every entry (the supplement's over the record's; shared,
    only read it), `basis` the state of the record file (inode, size, mtime, ctime; None:
    there is none), `aanvulling` the supplement's entries (an entry None: that file is
    gone)."""

    bestanden: Mapping[str, Kenmerk]
    basis: Toestand | None
    aanvulling: Mapping[str, Kenmerk | None]


LEEG = Record({}, None, {})


def lees(record: Path) -> Record:
    """The record `record` with its supplement; empty when it is missing or unreadable. Parsed
    again only when a file changed (a page of the web looks at thousands of files)."""
    hoofd = _gelezen.lees(record, lambda: _parse(record))
    if hoofd is None:
        return LEEG
    bestanden, basis = hoofd
    aanvulling = _gelezen_bij.lees(plek := _aanvulling(record), lambda: _parse_bij(plek))
    if aanvulling is None or aanvulling[1] != basis:
        return Record(bestanden, basis, {})
    samen = dict(bestanden)
    for pad, kenmerk in aanvulling[0].items():
        if kenmerk is None:
            samen.pop(pad, None)
        else:
            samen[pad] = kenmerk
    return Record(samen, basis, aanvulling[0])


def schrijf(record: Path, uitvoer: Path, vorig: Record, nieuw: Mapping[str, Kenmerk | None]
            ) -> int | None:
    """Record `nieuw` (None: forget the file) on top of `vorig` (as `lees` gave it): in the
    supplement while it stays small, else the whole record anew, without the files that are
    gone. Returns the modification time (ns) of the file written; None when it could not be
    written (silently: the next look hashes again)."""
    if not record.parent.is_dir():
        return None
    aanvulling = {**vorig.aanvulling, **nieuw}
    if vorig.basis is not None and len(aanvulling) <= max(
            AANVULLING_MIN, len(vorig.bestanden) // AANVULLING_DEEL):
        return _schrijf_bij(record, vorig.basis, aanvulling)
    samen = {**vorig.bestanden, **nieuw}
    return _schrijf(record, uitvoer, {p: k for p, k in samen.items()
                                      if k is not None and k[0] != ONBETROUWBAAR})


def _aanvulling(record: Path) -> Path:
    return record.with_name(AANVULLING)


def _markeer(bestanden: dict[str, Kenmerk] | dict[str, Kenmerk | None], geschreven: int
             ) -> None:
    """Mark in place every entry whose file changed within the tick `geschreven` (ns) in which
    the file holding it was written, or later: it may have changed again unseen."""
    for pad, k in bestanden.items():
        if k is not None and (k[1] >= geschreven or k[2] >= geschreven):
            bestanden[pad] = (ONBETROUWBAAR, k[1], k[2], k[3], k[4])


def _laad(pad: Path) -> tuple[dict[str, Any], Toestand] | None:
    """The JSON object in `pad` of this version, and the state of the file it was read from."""
    with pad.open("rb") as bestand:
        toestand = os.fstat(bestand.fileno())
        inhoud = bestand.read()
    data = json.loads(inhoud)
    if data.get("versie") != VERSIE:
        return None
    return data, (toestand.st_ino, toestand.st_size, toestand.st_mtime_ns, toestand.st_ctime_ns)


def _als_kenmerk(v: Any) -> Kenmerk:
    return int(v[0]), int(v[1]), int(v[2]), int(v[3]), str(v[4])


def _parse(pad: Path) -> tuple[dict[str, Kenmerk], Toestand] | None:
    try:
        with zonder_gc():  # tens of thousands of entries, no cycle (see lezen.gcpauze)
            if (gelezen := _laad(pad)) is None:
                return None
            data, toestand = gelezen
            # Each entry made a tuple in place (not a second dict beside the first): the
            # record of a large run holds tens of thousands.
            bestanden: dict[str, Kenmerk] = data["bestanden"]
            for k, v in bestanden.items():
                bestanden[k] = _als_kenmerk(v)
            _markeer(bestanden, toestand[2])
        return bestanden, toestand
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _parse_bij(pad: Path) -> tuple[dict[str, Kenmerk | None], Toestand] | None:
    """The supplement's entries and the state of the record it belongs to."""
    try:
        if (gelezen := _laad(pad)) is None:
            return None
        data, toestand = gelezen
        bestanden = {str(k): None if v is None else _als_kenmerk(v)
                     for k, v in data["bestanden"].items()}
        _markeer(bestanden, toestand[2])
        basis = data["basis"]
        return bestanden, (int(basis[0]), int(basis[1]), int(basis[2]), int(basis[3]))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _schrijf_bij(record: Path, basis: Toestand, aanvulling: dict[str, Kenmerk | None]
                 ) -> int | None:
    """Write the supplement of the record in state `basis`."""
    plek = _aanvulling(record)
    # (an entry not trusted: forgotten, so the record's older one for that file is not taken)
    bewaard = {p: None if k is None or k[0] == ONBETROUWBAAR else k
               for p, k in aanvulling.items()}
    tekst = json.dumps({"versie": VERSIE, "basis": list(basis), "bestanden": bewaard},
                       separators=(",", ":"))
    with contextlib.suppress(ContractenFout, OSError):
        inode = vervang_atomair(plek, tekst.encode("utf-8"))
        if (toestand := toestand_van(plek)) is not None and toestand[0] == inode:
            _markeer(bewaard, toestand[2])
            _gelezen_bij.houd(plek, (bewaard, basis), toestand)
            return toestand[2]
    return None


def _schrijf(record: Path, uitvoer: Path, bekend: dict[str, Kenmerk]) -> int | None:
    """Rewrite the record, without the files that are gone, and remove its supplement. Written
    in pieces: as one text, the record of 40,000 files would be the main process's largest
    moment. What it wrote is kept as read (`_gelezen`): a look later in this process need not
    parse it again. (Its folder is there: see `schrijf`.)"""
    weg = geen_bestand(os.fspath(uitvoer), bekend)
    bewaard = {k: v for k, v in bekend.items() if k not in weg} if weg else bekend
    with contextlib.suppress(ContractenFout):
        inode = vervang_atomair(record, _stukken(bewaard))
        if (toestand := toestand_van(record)) is None or toestand[0] != inode:
            return None  # another process's record in the meantime: its supplement stays
        with contextlib.suppress(OSError):
            _aanvulling(record).unlink(missing_ok=True)
        bewaard = dict(bewaard)
        _markeer(bewaard, toestand[2])
        _gelezen.houd(record, (bewaard, toestand), toestand)
        return toestand[2]
    return None


def _stukken(bewaard: dict[str, Kenmerk], per: int = 1000) -> Iterator[bytes]:
    """The record's JSON (as `json.dumps({"versie": …, "bestanden": {…}}, separators=(",",
    ":"))` would write it) in pieces of `per` entries, each piece by json's C encoder."""
    yield b'{"versie":%d,"bestanden":{' % VERSIE
    stuk: dict[str, Kenmerk] = {}
    scheiding = ""
    for pad, kenmerk in bewaard.items():
        stuk[pad] = kenmerk
        if len(stuk) >= per:
            yield (scheiding + json.dumps(stuk, separators=(",", ":"))[1:-1]).encode("utf-8")
            stuk, scheiding = {}, ","
    laatste = scheiding + json.dumps(stuk, separators=(",", ":"))[1:-1] if stuk else ""
    yield (laatste + "}}").encode("utf-8")


# A few regions' records and their supplements, as last read or written by this process.
_gelezen: Bewaard[tuple[dict[str, Kenmerk], Toestand]] = Bewaard(8)
_gelezen_bij: Bewaard[tuple[dict[str, Kenmerk | None], Toestand]] = Bewaard(8)
