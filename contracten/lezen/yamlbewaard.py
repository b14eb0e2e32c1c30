"""The data of YAML files kept between runs, in the user's cache folder (`lezen.cachemap`), so a
region is not parsed again: per file what each of its parts read as, under the sha256 of the
part's text together with everything the reading depends on (the reading code of contracten,
PyYAML and libyaml, Python). A changed file reads only its changed parts again.

A file like aanbieders.yaml (comments, one key, and then a list whose items each start on a line
of their own with "  - ") is read per item: the item's text after the file's opening (up to the
first item) is a file of its own that reads as that key with only that item. An edit of one
aanbieder reads one item. Anything else, or a file with a problem anywhere (a message, a value
that may hold a BSN, an anchor or alias, a part that does not read as exactly one item), is read
whole, by the usual path, with its messages and lines: the cache only ever holds parts that
read without a word. Other files are kept whole, under the sha256 of their text. The few parts
a small edit adds go into a supplement beside the file's record (`_houd`): one changed
aanbieder does not write the record of thousands again.

Loaded with pickle, so only what this user wrote and no one else can write (`alleen_van_mij`);
a record that is damaged, from another program or of other code is ignored. Never needed: no
cache folder, not writable, the file is read as always."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from contracten.lezen.cachemap import alleen_van_mij, bewaar, cachemap

VERSIE = 2
MAP = "profielen"  # in the cache folder
# The supplement of a record (see `_houd`): at most this many parts, or one in AANVULLING_DEEL.
AANVULLING = ".aanvulling.pickle"
AANVULLING_MIN = 64
AANVULLING_DEEL = 20
MAXIMUM = 1024  # files kept (a region has some 10, the article library some 50); the oldest go
# The opening of a file read per item: blank and comment lines around one "sleutel:" line.
OPENING = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*([a-z_]+):[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*")
ITEM = re.compile(r"^  - ", re.M)
# Values the walk counts for the opening of an item's own file: the mapping, its key, the list.
OPENING_WAARDEN = 3

# What reading one text gives: its data and how many values the walk counted; None when it
# read with any problem, a suspicion or an anchor (then the file is read the usual way).
Lezer = Callable[[str], "tuple[Any, int] | None"]


def bewaard(tekst: str, pad: Path, lees: Lezer, maximum: int) -> tuple[Any] | None:
    """The data of `tekst` (the file at `pad`), in a 1-tuple, from what was kept and from
    reading the parts that were not (`lees`); None when the file must be read the usual way.
    `maximum`: the most values a file may have (MAX_WAARDEN)."""
    map_ = cachemap()
    if map_ is None:
        return None
    code = code_sleutel()
    record = map_ / MAP / f"{_sha(code + os.path.abspath(pad)).hex()[:40]}.pickle"
    kop = OPENING.match(tekst)
    delen = _delen(tekst, kop.end()) if kop is not None else []
    if kop is None or not delen:
        opening, delen = "", [tekst]
    else:
        opening = tekst[:kop.end()]
    oud = _lees(record, code)
    aanvulling = record.with_name(f"{record.stem}{AANVULLING}")
    erbij = _lees(aanvulling, code)
    nieuw: dict[bytes, tuple[Any, int]] = {}
    sleutels = [_sha(opening + "\0" + deel) for deel in delen]
    for sleutel, deel in zip(sleutels, delen, strict=True):
        if sleutel in nieuw:
            continue
        gevonden = oud.get(sleutel) or erbij.get(sleutel)
        if gevonden is None:
            gevonden = lees(opening + deel)
            if gevonden is None:
                return None
        nieuw[sleutel] = gevonden
    if not opening:
        data, aantal = nieuw[sleutels[0]]
        if aantal > maximum:
            return None  # kept under a higher limit: the usual way says so
    else:
        sleutel_naam = kop.group(1) if kop is not None else ""
        items = []
        aantal = OPENING_WAARDEN
        gehad: set[bytes] = set()
        for sleutel in sleutels:
            gelezen, waarden = nieuw[sleutel]
            if sleutel in gehad:  # the same text twice: its own objects, as a reading gives
                gelezen = pickle.loads(pickle.dumps(gelezen, pickle.HIGHEST_PROTOCOL))
            gehad.add(sleutel)
            if not (isinstance(gelezen, dict) and list(gelezen) == [sleutel_naam]
                    and isinstance(gelezen[sleutel_naam], list)
                    and len(gelezen[sleutel_naam]) == 1):
                return None
            items.append(gelezen[sleutel_naam][0])
            aantal += waarden - OPENING_WAARDEN
        if aantal > maximum:
            return None  # the usual way says so
        data = {sleutel_naam: items}
    _houd(record, aanvulling, code, oud, erbij, nieuw)  # kept before the caller has the data
    return (data,)


def _houd(record: Path, aanvulling: Path, code: str, oud: dict[bytes, tuple[Any, int]],
          erbij: dict[bytes, tuple[Any, int]], nieuw: dict[bytes, tuple[Any, int]]) -> None:
    """Keep the parts `nieuw` of a file whose record held `oud` and its supplement `erbij`.
    A few parts not in the record (an aanbieder changed) go into the supplement, so that the
    record of 20,000 aanbieders is not written again for one; many new parts, or many in the
    record that the file no longer has, write the record anew (and the supplement goes)."""
    vers = {k: v for k, v in nieuw.items() if k not in oud}
    weg = len(oud) - (len(nieuw) - len(vers))  # kept parts the file no longer has
    grens = max(AANVULLING_MIN, len(nieuw) // AANVULLING_DEEL)
    if not oud or len(vers) > grens or weg > grens:
        if nieuw.keys() != oud.keys():
            _schrijf(record, code, nieuw)
        vers = {}
    if vers.keys() != erbij.keys():
        if vers:
            _schrijf(aanvulling, code, vers)
        else:
            with contextlib.suppress(OSError):
                aanvulling.unlink()


def _delen(tekst: str, begin: int) -> list[str]:
    """The items of the list after the opening: each from its "  - " line to the next."""
    if not tekst.startswith("  - ", begin):
        return []
    starts = [m.start() for m in ITEM.finditer(tekst, begin)]
    return [tekst[a:b] for a, b in zip(starts, [*starts[1:], len(tekst)], strict=True)]


def _sha(tekst: str) -> bytes:
    """The sha256 of a text (32 bytes: a record of 20,000 parts holds as many keys)."""
    return hashlib.sha256(tekst.encode("utf-8", "surrogatepass")).digest()


@functools.cache
def code_sleutel() -> str:
    """What reading a text depends on besides the text: the code of contracten that reads
    YAML (the folder lezen and the privacy checks), PyYAML with or without libyaml, Python."""
    basis = Path(__file__).resolve().parent
    bestanden = [*sorted(basis.glob("*.py")), basis.parent / "privacy.py"]
    h = hashlib.sha256(f"{VERSIE}\n{sys.version}\n{yaml.__version__}\n"
                       f"{getattr(yaml, '__with_libyaml__', None)}\n".encode())
    for bestand in bestanden:
        try:
            h.update(bestand.name.encode() + b"\0" + bestand.read_bytes() + b"\0")
        except OSError:
            h.update(os.urandom(16))  # not to be known: never the same key twice
    return h.hexdigest()


def _lees(record: Path, code: str) -> dict[bytes, tuple[Any, int]]:
    """The parts kept for a file, when the record is this user's own and of this code."""
    if not alleen_van_mij(record):  # loaded with pickle: only what this user wrote
        return {}
    try:
        inhoud = pickle.loads(record.read_bytes())
    except Exception:  # damaged, cut off, another program's: read as if there were none
        return {}
    if not (isinstance(inhoud, dict) and inhoud.get("versie") == VERSIE
            and inhoud.get("code") == code and isinstance(inhoud.get("delen"), dict)):
        return {}
    delen: dict[bytes, tuple[Any, int]] = inhoud["delen"]
    return delen


def _schrijf(record: Path, code: str, delen: dict[bytes, tuple[Any, int]]) -> None:
    """Keep the parts of a file (see `cachemap.bewaar`); silently not when they cannot be
    pickled. At most MAXIMUM records stay."""
    with contextlib.suppress(pickle.PicklingError, RecursionError):
        inhoud = pickle.dumps({"versie": VERSIE, "code": code, "delen": delen},
                              pickle.HIGHEST_PROTOCOL)
        bewaar(record, inhoud, MAXIMUM, (".pickle",))
