"""Regeneration in the background: one run per region at a time, in a thread of its own, so
the other pages keep answering; its progress and result are kept for the page that shows it."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

import contracten


@dataclass
class Taak:
    id: str
    regio: str
    totaal: int = 0  # documents this run makes, as the run reports it (0 until it does)
    klaar: int = 0
    bezig: bool = True
    geschreven: list[str] = field(default_factory=list)
    verwijderd: list[str] = field(default_factory=list)
    fout: str | None = None


class Taken:
    def __init__(self) -> None:
        self._taken: dict[str, Taak] = {}
        self._slot = threading.Lock()

    def van(self, regio: str) -> Taak | None:
        """The running or last run of `regio`."""
        with self._slot:
            return next((t for t in reversed(self._taken.values()) if t.regio == regio), None)

    def get(self, id_: str) -> Taak | None:
        with self._slot:
            return self._taken.get(id_)

    def start(self, regios: Path, regio: str, *, uitvoer: Path, datum: dt.date) -> Taak:
        with self._slot:
            lopend = next((t for t in self._taken.values() if t.regio == regio and t.bezig),
                          None)
            if lopend is not None:
                return lopend
            taak = Taak(secrets.token_urlsafe(12), regio)
            self._taken[taak.id] = taak
        threading.Thread(target=self._draai, args=(taak, regios, uitvoer, datum),
                         daemon=True).start()
        return taak

    @staticmethod
    def _draai(taak: Taak, regios: Path, uitvoer: Path, datum: dt.date) -> None:
        def voortgang(klaar: int, totaal: int) -> None:
            taak.klaar, taak.totaal = klaar, totaal

        try:
            profiel = contracten.laad_regio(regios, taak.regio)
            resultaat = contracten.genereer(profiel, datum=datum, uitvoer=uitvoer,
                                            voortgang=voortgang)
            taak.geschreven = sorted(p for p in resultaat.geschreven if p.endswith(".docx"))
            taak.verwijderd = sorted(resultaat.verwijderd)
        except contracten.ContractenFout as fout:
            taak.fout = str(fout)
        except OSError as exc:  # a full disk, a read-only place: what and where, as on the CLI
            taak.fout = str(contracten.ContractenFout.uit_os(exc))
        except Exception as exc:  # a bug: shown on the page instead of a silent thread
            taak.fout = f"Interne fout ({type(exc).__name__}: {exc})"
        finally:
            taak.bezig = False
