"""Writing an output folder: new files are staged beside it and committed in one step, so a run
that fails or is interrupted leaves the previous output as it was; a run changes only the files
its own manifest lists, so a user's files in the folder are never touched.

Commit: first every folder and file it will touch is checked (a read-only one is refused, with
its path, before anything moves); then the list of files to remove is recorded in a journal
inside the staging folder, and each file is moved into place, the manifest last. Should the
process die halfway, the next run finds the journal and finishes the commit (roll forward); a
staging folder without a journal is a run that never reached its commit and is simply removed.
A new output folder needs no journal: the staging folder becomes it in one rename.

A change of the profile made together with the documents (`indexeer --genereer`, see
`profiel.wissel`) commits with them: the journal names its staging folder, whose files move in
first.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from contracten import vastlegging
from contracten.fouten import ContractenFout, os_reden
from contracten.lezen.vingerafdruk import Staat
from contracten.profiel.slot import VOORVOEGSEL, controleer_schrijfbaar, slot, slotbestand
from contracten.profiel.wissel import Profielwissel
from contracten.uitvoer.journaal import (
    JOURNAAL,
    bestanden,
    herstel,
    staten_van,
    veilig_pad,
    voer_uit,
)
from contracten.uitvoer.manifest import BESTAND, Manifest, schrijf
from contracten.uitvoer.manifestbron import Bron

__all__ = [
    "Uitvoermap",
    "herstel",
    "sha256",
    "slot",
    "slotbestand",
    "veilig_pad",
    "vervang_atomair",
]

def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def vervang_atomair(pad: Path, inhoud: bytes | Iterable[bytes]) -> int:
    """Write one file so that readers see the old or the new content, never half of it (a
    temporary file beside it, then a rename); its folder is made when missing. `inhoud` may
    come in pieces (a large record need never be held whole). Returns the new file's inode."""
    tijdelijk: str | None = None
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}-", dir=pad.parent)
        with os.fdopen(fd, "wb") as bestand:
            if isinstance(inhoud, bytes):
                bestand.write(inhoud)
            else:
                bestand.writelines(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
            inode = os.fstat(bestand.fileno()).st_ino
        os.chmod(tijdelijk, 0o644)
        os.replace(tijdelijk, pad)
        return inode
    except OSError as exc:
        if tijdelijk is not None:
            Path(tijdelijk).unlink(missing_ok=True)
        raise ContractenFout(f"Kan {pad} niet schrijven: {os_reden(exc)}.") from exc


class Uitvoermap:
    """One run's writes into output folder `doel`; use as a context manager.

    Inside it, files are written with `schrijf` (or by workers into `plek`), then `voltooi`
    commits them with the new manifest. Leaving the block without `voltooi` discards them."""

    def __init__(self, doel: Path, wissel: Profielwissel | None = None) -> None:
        self.doel = doel
        self.staging = doel.parent / f"{VOORVOEGSEL}{doel.name}-{secrets.token_hex(4)}"
        self.wissel = wissel  # a change of the profile that commits with this run
        self._slot = slot(doel)
        self._nieuwe_mappen: list[Path] = []

    def __enter__(self) -> Uitvoermap:
        for map_ in (self.doel, self.doel.parent):
            if map_.is_symlink():
                raise ContractenFout(f"{map_} is een symbolische koppeling; kies een gewone map "
                                     "als uitvoer.")
        # The folders above it this run makes (output/<regio>/opzeggingen/perceel-2/<id>/):
        # each goes again when the run leaves it empty.
        self._nieuwe_mappen = [p for p in self.doel.parents if not p.exists()]
        try:
            self.doel.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ContractenFout(f"Kan de uitvoermap {self.doel} niet maken: "
                                 f"{os_reden(exc)}.") from exc
        self._slot.__enter__()
        try:
            herstel(self.doel)
            self.staging.mkdir()
        except BaseException:
            self._slot.__exit__(None, None, None)
            raise
        return self

    def _vastgelegd(self) -> None:
        vastlegging.uitvoer(self.doel)
        if self.wissel is not None:  # the profile's change commits with it
            vastlegging.profiel(self.wissel.map)

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None,
                 tb: TracebackType | None) -> None:
        staat = "De vorige uitvoer is ongewijzigd."
        try:
            if (self.staging / JOURNAAL).is_file():
                # Past the journal the commit finishes, after an error or Ctrl-C too; when it
                # cannot, the staging folder stays for `herstel` on the next run.
                try:
                    voer_uit(self.staging, self.doel)
                    staat = "De nieuwe uitvoer staat er wel volledig."
                    self._vastgelegd()
                except OSError as exc:
                    fout, staat = exc, "De volgende run maakt de wissel af."
            elif not self.staging.exists() and self.doel.is_dir():
                self._vastgelegd()  # committed: moved into place, or renamed
            else:
                shutil.rmtree(self.staging, ignore_errors=True)
            if self.doel.parent in self._nieuwe_mappen and not self.doel.exists():
                # Nothing came of the folders this run made: they go, its lock file with them
                # (a process waiting for it finds the folder gone; see profiel.slot).
                slotbestand(self.doel).unlink(missing_ok=True)
            for map_ in self._nieuwe_mappen:  # leave no empty output/<regio>/ behind
                if map_.is_dir() and not any(map_.iterdir()):
                    map_.rmdir()
        finally:
            self._slot.__exit__(None, None, None)
        if isinstance(fout, OSError):
            raise ContractenFout(f"Kan niet schrijven in {self.doel}: {os_reden(fout)}. "
                                 f"{staat}") from fout

    def plek(self, pad: str) -> Path:
        """Where a new file goes while it is staged (its folder exists)."""
        plek = self.staging / veilig_pad(pad)
        plek.parent.mkdir(parents=True, exist_ok=True)
        return plek

    def schrijf(self, pad: str, inhoud: bytes) -> str:
        """Stage one file; returns its sha256."""
        self.plek(pad).write_bytes(inhoud)
        return sha256(inhoud)

    def bestaand(self, pad: str) -> Path:
        """A file of the current output (not staged)."""
        return self.doel / veilig_pad(pad)

    def voltooi(self, manifest: Manifest, weg: list[str], bron: Bron | None = None
                ) -> dict[str, Staat]:
        """Commit: move every staged file into place, remove `weg`, then write the manifest
        (copying unchanged entries from the one read from `bron`: see `manifest.schrijf`).
        Returns the lstat of the manifest's files as the commit put them there (for the
        record of sizes and times: a look after it could take a file changed since)."""
        # What the staging folder holds goes into place; the journal lists only what goes
        # away (a file written again is replaced, not removed).
        schrijf(manifest, self.staging / BESTAND, bron)
        if self.wissel is None and not weg and not os.path.lexists(self.doel):
            # A new output folder (a region's first run, a new prijspeil): the staging folder,
            # which holds exactly what it will, becomes it in one rename. Before it nothing is
            # there (a staging folder without a journal goes on the next run), after it all.
            # When the rename fails, the staging folder is as it was and its files go one by
            # one with a journal, as into an existing folder (Windows refuses to rename a
            # folder while a file in it is open elsewhere: a virus scanner, a sync client; or
            # another program made the folder meanwhile).
            controleer_schrijfbaar(self.doel, {self.doel}, [])
            # (renaming the folder leaves its files as they are: their states are taken here)
            staten = staten_van(str(self.staging), (d.pad for d in manifest.documenten))
            try:
                os.rename(self.staging, self.doel)
                return staten
            except OSError:
                pass
        weggaand = sorted(p for p in set(weg) if not (self.staging / veilig_pad(p)).is_file())
        journaal: dict[str, object] = {"weg": weggaand}
        doelen = [self.doel / p for p in (*bestanden(self.staging), *weggaand)]
        controleer_schrijfbaar(self.doel, {self.doel, *(d.parent for d in doelen)}, doelen)
        if self.wissel is not None:
            self.wissel.koppel(self.staging / JOURNAAL)  # checked too: then it waits for ours
            journaal["profiel"] = str(self.wissel.staging.absolute())
        tijdelijk = self.staging / f"{JOURNAAL}.tmp"
        tijdelijk.write_text(json.dumps(journaal), encoding="utf-8")
        os.replace(tijdelijk, self.staging / JOURNAAL)  # from here on the commit will finish
        return voer_uit(self.staging, self.doel)
