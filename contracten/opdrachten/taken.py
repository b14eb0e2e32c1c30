"""`Taken`: the web's jobs (regenerating a region), recorded in the register, so a restart of
the web application, or a second web process behind the same proxy, sees each job and how it
stands. With an SQLite register the web process runs a job itself, in a thread; with
PostgreSQL it queues the job (procrastinate) and one or more `contracten werker` processes
(`werker`) run it, on any computer that sees the regios and output folders under the same
paths. A job whose process stopped is reported as afgebroken (see `register.taken`)."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from contracten.fouten import ContractenFout
from contracten.opdrachten.genereer import genereer
from contracten.profiel.laden import laad_regio
from contracten.register.taken import HARTSLAG, Taak, Takenregister
from contracten.register.verbinding import open_engine

__all__ = ["Taak", "Taken"]


# The name of the thread that runs a job in this process (SQLite), then the job's id.
DRAAD = "contracten-taak-"
# The jobs this process runs now: id -> (register, this process's name, progress).
_EIGEN: dict[str, tuple[Takenregister, str, list[int | None]]] = {}
_EIGEN_SLOT = threading.Lock()


def nu() -> dt.datetime:
    """The clock of a job's signs of life: UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _proces() -> str:
    """Who runs a job: this computer and process (and a random part: a pid comes back)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


# What a job can do, and the formats it adds to .docx and .md: 'pdf' makes the documents that
# changed and the pdf of every document (one LibreOffice per core, as `genereer --formaat pdf`).
SOORTEN: dict[str, tuple[str, ...]] = {"genereer": (), "pdf": ("pdf",)}


@dataclass
class _Uitkomst:
    status: str
    geschreven: list[str] = field(default_factory=list)
    verwijderd: list[str] = field(default_factory=list)
    fout: str | None = None


class Taken:
    """The jobs in the register `database` (as everywhere: a path or URL, else
    $CONTRACTEN_DATABASE, else ./register.sqlite); `klok` gives the moments recorded."""

    def __init__(self, database: str | Path | None = None, *,
                 klok: Callable[[], dt.datetime] = nu) -> None:
        self.database = database
        self.klok = klok

    def _register(self) -> Takenregister:
        return Takenregister(open_engine(self.database))

    def zelf(self) -> bool:
        """Whether a job runs in the process that starts it (an SQLite register), rather than
        in a `contracten werker` (PostgreSQL)."""
        return self._register().engine.dialect.name == "sqlite"

    def start(self, regios: Path | str, regio: str, *, uitvoer: Path | str,
              datum: dt.date, soort: str = "genereer") -> Taak:
        """Regenerate `regio` (its letters dated `datum`) as a job; returns it. `soort` 'pdf'
        also makes the pdf of every document. A job of `regio` that waits or runs already is
        returned instead: one at a time per region."""
        if soort not in SOORTEN:
            raise ContractenFout(f"Onbekende taak '{soort}'; kies uit: {', '.join(SOORTEN)}.")
        register = self._register()
        eigen = _proces() if register.engine.dialect.name == "sqlite" else None
        taak = register.nieuw(secrets.token_urlsafe(12), soort=soort, regio=regio,
                              regios=str(Path(regios).resolve()),
                              uitvoer=str(Path(uitvoer).resolve()), datum=datum,
                              op=self.klok(), werker=eigen)
        if eigen is not None and taak.werker == eigen:
            threading.Thread(target=self._voer_uit, args=(register, taak, eigen),
                             name=f"{DRAAD}{taak.id}", daemon=True).start()
        return taak

    def taak(self, id_: str) -> Taak | None:
        """The job `id_` as it stands now; None when the register knows no such job."""
        return self._register().taak(id_, self.klok())

    def van(self, regio: str) -> Taak | None:
        """The newest job of `regio` (waiting, running or ended), as it stands now."""
        return self._register().taak("", self.klok(), regio=regio)

    def werk(self, *, eenmaal: bool = False,
             melding: Callable[[Taak], None] | None = None) -> int:
        """Run the queue's jobs, one at a time, the oldest first, until stopped (Ctrl-C or
        SIGTERM: the running job is recorded as afgebroken, then `werker.Gestopt`); with
        `eenmaal`, until none waits. `melding(taak)` hears of each job as it begins and ends.
        Returns how many ran. Only with a register on PostgreSQL (procrastinate's queue)."""
        register = self._register()
        if register.engine.dialect.name == "sqlite":
            raise ContractenFout("Een werker is er voor een register op PostgreSQL; met een "
                                 "SQLite-register maakt contracten web de documenten zelf.")
        from contracten.opdrachten import werker  # procrastinate: only a werker needs it

        return werker.werk(register, proces=_proces(), klok=self.klok,
                           voer_uit=self._voer_uit, stop=self.stop, eenmaal=eenmaal,
                           melding=melding)

    def _voer_uit(self, register: Takenregister, taak: Taak, proces: str) -> Taak:
        """Run `taak` in this process, its progress and signs of life written meanwhile."""
        stand: list[int | None] = [0, None]
        klaar_met = threading.Event()
        with _EIGEN_SLOT:
            _EIGEN[taak.id] = (register, proces, stand)

        def voortgang(klaar: int, totaal: int) -> None:
            stand[:] = [klaar, totaal]

        threading.Thread(target=self._hartslag, args=(register, taak.id, proces, stand,
                                                       klaar_met), daemon=True).start()
        uitkomst = _Uitkomst("mislukt")
        try:
            profiel = laad_regio(Path(taak.regios), taak.regio)
            formaten = SOORTEN.get(taak.soort, ())
            resultaat = genereer(profiel, datum=taak.datum, uitvoer=Path(taak.uitvoer),
                                 voortgang=voortgang, formaten=formaten)
            uitkomst = _Uitkomst("klaar", sorted(p for p in resultaat.geschreven
                                                 if p.endswith((".docx", *formaten))),
                                 sorted(resultaat.verwijderd))
        except ContractenFout as fout:
            uitkomst.fout = str(fout)
        except OSError as exc:  # a full disk, a read-only place: what and where, as on the CLI
            uitkomst.fout = str(ContractenFout.uit_os(exc))
        except Exception as exc:  # a bug: shown on the page instead of a silent thread
            uitkomst.fout = f"Interne fout ({type(exc).__name__}: {exc})"
        except BaseException:  # Ctrl-C, SIGTERM: the werker stops
            uitkomst = _Uitkomst("afgebroken", fout="de werker is gestopt. Start het opnieuw "
                                                    "maken opnieuw.")
            raise
        finally:
            klaar_met.set()
            with _EIGEN_SLOT:
                _EIGEN.pop(taak.id, None)
            # the register gone: without signs of life the job reads as afgebroken
            with suppress(ContractenFout):
                register.einde(taak.id, proces, self.klok(), status=uitkomst.status,
                               klaar=stand[0] or 0, totaal=stand[1], fout=uitkomst.fout,
                               geschreven=uitkomst.geschreven, verwijderd=uitkomst.verwijderd)
        return register.taak(taak.id, self.klok()) or taak

    def stop(self, wie: str = "de webserver") -> int:
        """This process (`wie`: the web server, a werker) stops: each job it runs is recorded
        as afgebroken now, not a minute later; returns how many. A job that still ends before
        the process does records how it ended."""
        with _EIGEN_SLOT:
            eigen = list(_EIGEN.items())
        for id_, (register, proces, stand) in eigen:
            with suppress(ContractenFout):
                register.einde(id_, proces, self.klok(), status="afgebroken",
                               klaar=stand[0] or 0, totaal=stand[1],
                               fout=f"{wie} is gestopt. Start het opnieuw maken opnieuw.")
        return len(eigen)

    def _hartslag(self, register: Takenregister, id_: str, proces: str,
                  stand: list[int | None], klaar_met: threading.Event) -> None:
        """Every second the progress when it moved, and every HARTSLAG seconds a sign of life
        anyway, until the job ends."""
        geschreven: list[int | None] = [0, None]
        stil = 0.0
        while not klaar_met.wait(1.0):
            stil += 1.0
            if stand == geschreven and stil < HARTSLAG:
                continue
            with suppress(ContractenFout):  # the register away a moment: the next beat tries
                register.leeft(id_, proces, self.klok(), stand[0] or 0, stand[1])
                geschreven, stil = list(stand), 0.0
