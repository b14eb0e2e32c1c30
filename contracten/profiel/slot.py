"""What every command that writes a folder (a region profile, an output folder) needs before it
moves anything: the folder's lock, and the check that all it will touch can be written.

The lock file lies beside the folder it guards (`.contracten-<map>.slot` in the same parent), so
it is found by every process that writes there, whoever runs it, and does not pile up in the
system's temp folder. It is empty and stays: removing it while another process waits for it
would let two writers in (only a run that made a new output folder and leaves nothing removes
it, with the folders it made). On Windows filelock removes it on release. It lives in the
profile layer, the lowest that writes; the output folder (`uitvoer.map`) uses the same.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from contracten.fouten import ContractenFout, InvoerFout, Melding, os_reden

VOORVOEGSEL = ".contracten-"
WACHTTIJD = 600  # seconds a second writer waits for the first one
ALLEEN_LEZEN = "alleen_lezen"
_HOOGSTENS = 10  # read-only paths named one by one; the rest counted


class Bezet(ContractenFout):
    """Another command holds the folder's lock for longer than we would wait."""

    code = "bezet"


def slotbestand(map_: Path) -> Path:
    """The lock file of folder `map_`: beside it, hidden."""
    return map_.parent / f"{VOORVOEGSEL}{map_.name}.slot"


_GEHOUDEN = threading.local()  # per thread: the lock files it holds


@contextmanager
def slot(map_: Path, wachttijd: float = WACHTTIJD) -> Iterator[None]:
    """Hold the lock of folder `map_`: one writer at a time; a second one waits up to
    `wachttijd` seconds, then gets `Bezet`. A thread that holds it already holds it again
    (reentrant: `definitief` reads the register, which may put back a marker in the same
    folder). A folder whose parent does not exist has nothing to guard yet (a command that
    creates it makes the parent first)."""
    bestand = slotbestand(map_)
    if not bestand.parent.is_dir():
        yield
        return
    sleutel = str(bestand.parent.resolve() / bestand.name)  # one key however it is spelled
    gehouden: set[str] = _GEHOUDEN.__dict__.setdefault("sloten", set())
    if sleutel in gehouden:
        yield
        return
    # Imported here, not with the module: reading a profile (`valideer`) only takes a lock
    # after a killed process (profiel.wissel), and filelock costs some 20 ms to import.
    from filelock import FileLock, Timeout

    vergrendeling = FileLock(sleutel)
    try:
        vergrendeling.acquire(timeout=wachttijd)
    except Timeout:
        al = f" al {round(wachttijd / 60)} minuten" if wachttijd >= 60 else ""
        raise Bezet(f"{map_} is{al} in gebruik door een andere opdracht; probeer het later "
                    "opnieuw.") from None
    except FileNotFoundError:  # the folder it lies in was removed while we waited
        raise ContractenFout(f"{map_.parent} verdween terwijl deze opdracht op een andere "
                             "wachtte; probeer het opnieuw.") from None
    except OSError as exc:
        raise _alleen_lezen([(bestand.parent, f"het slotbestand kan er niet in worden gemaakt "
                              f"({_reden(exc)}); maak de map schrijfbaar")], map_) from None
    gehouden.add(sleutel)
    try:
        yield
    finally:
        gehouden.discard(sleutel)
        vergrendeling.release()


def controleer_schrijfbaar(waar: Path, mappen: Iterable[Path], bestanden: Iterable[Path]) -> None:
    """Refuse, before anything moves, a change that could not finish: a folder in `mappen`
    (that gains or loses a file; one still to be made counts as its nearest existing folder)
    or a file in `bestanden` (replaced or removed) that is read-only. Read-only: without write
    permission for its owner (chmod a-w, the read-only attribute on Windows), or one the system
    will not let us write (a file open in Word on Windows, an immutable file, a read-only
    disk). Raises InvoerFout (code alleen_lezen) naming every such path in `waar`."""
    gevonden: list[tuple[Path, str]] = []
    for map_ in sorted({_bestaand(m) for m in mappen}):
        if (reden := _map_alleen_lezen(map_)) is not None:
            gevonden.append((map_, reden))
    for pad in sorted(set(bestanden)):
        if (reden := _bestand_alleen_lezen(pad)) is not None:
            gevonden.append((pad, reden))
    if gevonden:
        raise _alleen_lezen(gevonden, waar)


def _alleen_lezen(gevonden: list[tuple[Path, str]], waar: Path) -> InvoerFout:
    meldingen = [Melding(str(pad), None, "", f"{reden} en probeer het opnieuw", ALLEEN_LEZEN)
                 for pad, reden in gevonden[:_HOOGSTENS]]
    if len(gevonden) > _HOOGSTENS:
        meldingen.append(Melding(str(waar), None, "", f"en nog {len(gevonden) - _HOOGSTENS} "
                                 "andere bestanden of mappen die alleen-lezen zijn",
                                 ALLEEN_LEZEN))
    return InvoerFout(meldingen, f"Er is niets gewijzigd: {waar} is (deels) alleen-lezen")


def _bestaand(map_: Path) -> Path:
    while not map_.exists() and map_.parent != map_:
        map_ = map_.parent
    return map_


def _zonder_schrijfrecht(status: os.stat_result) -> bool:
    return not status.st_mode & stat.S_IWUSR


def _map_alleen_lezen(map_: Path) -> str | None:
    try:
        if not map_.is_dir():
            return "is geen map; ruim het op"
        if _zonder_schrijfrecht(map_.stat()):
            return "de map is alleen-lezen; maak haar schrijfbaar"
        fd, proef = tempfile.mkstemp(prefix=f"{VOORVOEGSEL}proef-", dir=map_)
        os.close(fd)
        os.unlink(proef)
    except OSError as exc:
        return f"de map kan niet worden geschreven ({_reden(exc)}); maak haar schrijfbaar"
    return None


def _bestand_alleen_lezen(pad: Path) -> str | None:
    try:
        status = pad.lstat()
    except FileNotFoundError:
        return None  # nothing there (yet)
    except OSError as exc:
        return f"kan niet worden gelezen ({_reden(exc)}); los dat op"
    if stat.S_ISDIR(status.st_mode):
        return "is een map, geen bestand; ruim haar op"
    if not stat.S_ISREG(status.st_mode):
        return None  # a link is replaced, not written through
    if _zonder_schrijfrecht(status):
        return "het bestand is alleen-lezen; maak het schrijfbaar"
    try:
        with open(pad, "r+b"):  # opened for writing, nothing written
            pass
    except OSError as exc:
        return (f"het bestand kan niet worden geschreven ({_reden(exc)}); sluit het (is het "
                "open in Word?) of maak het schrijfbaar")
    return None


def _reden(exc: OSError) -> str:
    return "alleen-lezen" if exc.errno == errno.EROFS else os_reden(exc)
