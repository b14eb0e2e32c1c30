"""What `contracten regios` shows of a region, kept while nothing it comes from changed.

Validating a profile means loading every model of it (pydantic); showing a list of regions
needs none of that when the profiles are as they were the last time. Per region a small record
in the user's cache folder (`cachemap`, never in the regions folder itself) keeps the summary
with the fingerprint (`lezen.vingerafdruk`: sizes, times, inodes) of everything its loading
depended on: the region's files and folders, the regions folder and which regions it holds
(clashing names, a change of a profile left halfway), the article library (the project's and
the package's), this program's files, the working folder, Python and the CONTRACTEN_* limits.
Only a profile that loaded without a problem is kept; anything changed, or in doubt, and the
profile is loaded and checked as always (an invalid one reported exactly as always)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from contracten.lezen.cachemap import cachemap
from contracten.lezen.vingerafdruk import afdruk, betrouwbaar

from .snelpad import grenzen, grenzen_geldig, omgeving, profielpaden

VERSIE = 1


class Samenvattingen:
    """The kept summary of one region folder (`regios`/`naam`)."""

    def __init__(self, regios: Path, naam: str) -> None:
        self.regios, self.naam = os.path.abspath(regios), naam
        gewoon = naam not in ("", ".", "..") and "/" not in naam and "\\" not in naam
        map_ = cachemap()
        self.sleutel = json.dumps([VERSIE, self.regios, naam, os.getcwd(), sys.version,
                                   sys.executable, sys.path, omgeving()]) \
            if gewoon and map_ is not None else None  # (no cache folder: nothing kept)
        plek = hashlib.sha256(os.path.join(self.regios, naam).encode()).hexdigest()[:24]
        self.record = (map_ or Path()) / "regios" / f"{plek}.json"

    def bewaard(self) -> dict[str, Any] | None:
        """The summary kept, when nothing it came from changed; else None."""
        if self.sleutel is None:
            return None
        try:
            record = json.loads(self.record.read_bytes())
            if record.get("sleutel") != self.sleutel \
                    or not grenzen_geldig(list(record["grenzen"])) \
                    or afdruk(record["paden"])[0] != record["afdruk"]:
                return None
            samenvatting: dict[str, Any] = record["samenvatting"]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return samenvatting

    def neem_waar(self) -> tuple[list[str], str, int, int] | None:
        """Before the profile is loaded: the fingerprint of what loading it reads, and when."""
        if self.sleutel is None:
            return None
        genomen = time.time_ns()
        paden = list(dict.fromkeys(profielpaden(self.regios, self.naam)))
        vingerafdruk, vanaf = afdruk(paden)
        return paden, vingerafdruk, vanaf, genomen

    def bewaar(self, voor: tuple[list[str], str, int, int] | None, gelezen: set[str],
               samenvatting: dict[str, Any]) -> None:
        """After the profile loaded: keep its summary, when everything it read (`gelezen`,
        absolute paths) was looked at before and did not change while it was read."""
        if voor is None or self.sleutel is None:
            return
        paden, vingerafdruk, vanaf, genomen = voor
        if not (gelezen <= set(paden) and betrouwbaar(vanaf, genomen)
                and afdruk(paden)[0] == vingerafdruk):
            return
        from contracten.uitvoer.map import vervang_atomair

        with contextlib.suppress(Exception):  # a cache: not writable, then not kept
            vervang_atomair(self.record, json.dumps({
                "versie": VERSIE, "sleutel": self.sleutel, "paden": paden,
                "afdruk": vingerafdruk, "samenvatting": samenvatting,
                "grenzen": grenzen()},
                ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
