"""Make documents: render each task's template, write its files straight into the staging
folder (so memory stays flat however many documents a run makes), and report what was written.

Big runs are spread over the main process and a pool of processes that is started with 'spawn',
so it works the same on Linux, macOS and Windows (see `verdeling`): a worker receives the `Werk`
once (pickled), prepares each template once, and then only task descriptions travel."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contracten.privacy import versiecode
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.soorten.basis import Soort, Uitvoering
from contracten.soorten.opbouwgeheugen import Opbouwgeheugen, onthouden
from contracten.soorten.register import soort
from contracten.uitvoer import voorbeelden
from contracten.uitvoer.map import sha256
from contracten.weergave.htmlversie import naar_html

from .plan import Taak
from .schrijver import Achtergrond
from .verdeling import met_werkers
from .vrijgeven import geef_vrij

if TYPE_CHECKING:
    from contracten.weergave.motor import Motor

DREMPEL = 24  # fewer documents than this: the main process alone (a pool costs a start-up)
KOPNIVEAUS = ("Heading 1", "Heading 2", "Heading 3")  # the headings of a document's articles
HERKOMST_MAX = 64  # sets of headings whose herkomst a run keeps (see Werk._artikelen)


@dataclass(frozen=True)
class Bestand:
    """One file a task wrote into the staging folder."""

    formaat: str
    pad: str
    sha256: str


# An article's origin as plain data (heading, template, fields): cheap to send and to compare.
Artikel = tuple[str, str, tuple[str, ...]]


@dataclass(frozen=True)
class Gemaakt:
    taak: Taak
    bestanden: list[Bestand]
    artikelen: tuple[Artikel, ...]  # see herkomst_per_kop
    samenvattingen: list[str]
    voorbeelden: int  # example values it shows ("(voorbeeld)"), for `definitief`


@dataclass
class Werk:
    """What every task of a run shares. Picklable: it is sent once to each worker."""

    profiel: Profiel
    prijspeil: int
    sjablonen: Path
    uitvoering: Uitvoering
    formaten: tuple[str, ...]
    staging: Path
    # The rendering engine is loaded where documents are made: not in a main process that only
    # hands them out to its workers.
    _motor: dict[str, Motor] = field(default_factory=dict, repr=False)  # by template name
    _contracten: dict[str, Contract] = field(default_factory=dict, repr=False)
    _samenvattingen: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _mappen: set[Path] = field(default_factory=set, repr=False)  # folders made in staging
    # The contract articles built for earlier documents (see soorten.opbouwgeheugen).
    _opbouw: Opbouwgeheugen = field(default_factory=Opbouwgeheugen, repr=False)
    # A kind's herkomst per heading, for a kind whose herkomst is the same for the whole run
    # (Soort.herkomst_per_run): by kind and the document's headings.
    _herkomst: dict[tuple[str, tuple[str, ...]], tuple[Artikel, ...]] = field(
        default_factory=dict, repr=False)
    # The thread that writes the files within `groep` (see schrijver), once one began.
    _schrijver: Achtergrond | None = field(default=None, repr=False)
    _groep: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self._contracten = {c.sleutel: c for c in self.profiel.contracten}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_motor", "_contracten", "_samenvattingen", "_mappen",
                             "_opbouw", "_herkomst", "_schrijver", "_groep")}

    def __setstate__(self, staat: dict[str, Any]) -> None:
        self.__dict__.update(staat, _motor={}, _samenvattingen={},
                             _mappen=set(), _opbouw=Opbouwgeheugen(), _herkomst={},
                             _schrijver=None, _groep=False)
        self.__post_init__()

    def maak(self, taak: Taak) -> Gemaakt:
        profiel = self.profiel
        s = soort(taak.soort)
        contract = self._contracten[taak.contract] if taak.contract else None
        uitvoering = Uitvoering(versiecode(taak.invoerhash), self.uitvoering.datum,
                                self.uitvoering.onderwerp)
        with onthouden(self._opbouw):
            context = s.context_van(profiel, self.prijspeil, contract, uitvoering)
        motor = self._motor.get(s.sjabloon)  # no path made and hashed per document
        if motor is None:
            motor = self._motor[s.sjabloon] = self._motor_van(s.sjabloon)
        titel = s.titel_van(profiel, contract)
        gerenderd = motor.render(context, titel=titel, tijdstip=self._tijdstip())
        md = gerenderd.markdown()
        inhoud = [("docx", gerenderd.docx), ("md", md.encode("utf-8"))]
        if "html" in self.formaten:
            inhoud.append(("html", naar_html(md, titel).encode("utf-8")))
        inhoud += s.extra_van(profiel, self.prijspeil, contract, uitvoering)
        bestanden = []
        for formaat, data in inhoud:
            pad = f"{taak.pad}.{formaat}"
            plek = self.staging / pad
            if plek.parent not in self._mappen:  # one folder holds thousands of documents
                plek.parent.mkdir(parents=True, exist_ok=True)
                self._mappen.add(plek.parent)
            if self._groep and self._schrijver is not None:
                self._schrijver.schrijf(plek, data)
            else:
                plek.write_bytes(data)
            bestanden.append(Bestand(formaat, pad, sha256(data)))
        artikelen = self._artikelen(s, contract, gerenderd.koppen(KOPNIVEAUS))
        if s.naam not in self._samenvattingen:  # the same for every document of a kind
            self._samenvattingen[s.naam] = s.samenvattingen(profiel)
        return Gemaakt(taak, bestanden, artikelen, self._samenvattingen[s.naam],
                       voorbeelden.tel(md, gerenderd.kop_en_voet(voorbeelden.MERK)))

    @contextmanager
    def groep(self) -> Iterator[None]:
        """Make a few documents: within it `maak` hands their files to a thread that writes
        them while the next document is made (see schrijver); when it ends, every file is on
        disk (and a failed write raised)."""
        schrijver = self._schrijver = self._schrijver or Achtergrond()
        self._groep = True
        try:
            yield
        except BaseException:
            schrijver.wacht(stil=True)
            raise
        finally:
            self._groep = False
        schrijver.wacht()

    def _artikelen(self, s: Soort, contract: Contract | None, koppen_: list[str]
                   ) -> tuple[Artikel, ...]:
        """`herkomst_per_kop` of a document: once per run and headings for a kind whose
        herkomst does not depend on the contract (an overeenkomst: a hundred headings)."""
        sleutel = (s.naam, tuple(koppen_)) if s.herkomst_per_run else None
        artikelen = None if sleutel is None else self._herkomst.get(sleutel)
        if artikelen is None:
            artikelen = herkomst_per_kop(koppen_, f"sjablonen/{s.sjabloon}",
                                         s.herkomst_van(self.profiel, contract, self.prijspeil))
            if sleutel is not None:
                if len(self._herkomst) >= HERKOMST_MAX:  # headings naming the aanbieder
                    self._herkomst.clear()
                self._herkomst[sleutel] = artikelen
        return artikelen

    def _motor_van(self, sjabloon: str) -> Motor:
        """A template's prepared Motor, the only one kept: the tasks come kind by kind (see
        plan.taken), so a process that moves on to another template does not come back to
        the one before (should it, that is prepared again), and a prepared template with its
        block memory (tens of MB) would otherwise stay beside the next. In a process that
        keeps its prepared templates (`weergave.voorraad`), it comes from there."""
        from contracten.weergave import voorraad
        from contracten.weergave.motor import Motor

        self.laat_los(opruimen=True)
        pad, naam = self.sjablonen / sjabloon, f"sjablonen/{sjabloon}"
        kast = voorraad.actief()
        return Motor(pad, naam) if kast is None else kast.neem(pad, naam)

    def laat_los(self, opruimen: bool = False, gelukt: bool = True) -> None:
        """Let go of the prepared template: back to the stock of prepared templates if the
        process keeps one and the run did not fail while using it; else, `opruimen`, what its
        block memory held goes back to the system now (once per kind; after the last kind,
        the run's end does that)."""
        if not self._motor:
            return
        from contracten.weergave import voorraad

        kast = voorraad.actief()
        if kast is not None:
            if gelukt:
                for motor in self._motor.values():
                    kast.terug(motor)
            self._motor.clear()
        elif opruimen:
            self._motor.clear()
            gc.collect()
            geef_vrij()

    def _tijdstip(self) -> dt.datetime:
        """Document properties carry the prijspeil's start date: same input, same bytes."""
        peil = self.profiel.prijspeilen.get(self.prijspeil)
        dag = peil.ingangsdatum if peil is not None else self.uitvoering.datum
        return dt.datetime.combine(dag, dt.time())


def herkomst_per_kop(koppen_: list[str], sjabloon: str, bronnen: dict[str, list[str]]
                     ) -> tuple[Artikel, ...]:
    """For every article (heading) of a generated document: its template and profile fields
    (a Herkomst of the manifest, as plain data)."""
    if "*" in bronnen:
        koppen_ = koppen_ or [""]
    uit = []
    for kop in koppen_:
        kaal = kop.removesuffix(" (samenvatting)")
        titel = re.sub(r"^Artikel \d+ ", "", kaal)
        velden = (bronnen.get(kaal) or bronnen.get(titel) or bronnen.get("*")
                  or ["(tekst uit het sjabloon)"])
        uit.append((kop, sjabloon, tuple(velden)))
    return tuple(uit)


def maak_alle(werk: Werk, taken: list[Taak], processen: int | None,
              voortgang: Callable[[int, int], None] | None = None
              ) -> Generator[Gemaakt, None, None]:
    """Make every task, in the main process alone or beside a pool of `processen - 1` worker
    processes (see `verdeling`; from a thread other than the main thread, `processen` workers
    and none in this process); yields each as it is made. `voortgang` hears (klaar, totaal):
    (0, totaal) first, then after each task."""
    totaal = len(taken)
    if voortgang and totaal:
        voortgang(0, totaal)
    aantal = processen if processen is not None else min(os.cpu_count() or 1, 4)
    gelukt = False  # a run that stops halfway keeps nothing for the next (see laat_los)
    try:
        if aantal > 1 and len(taken) >= DREMPEL:
            # Called from another thread (a job of the web), this process keeps to handing out
            # the tasks: its other threads (the web's pages) would otherwise wait for them.
            zelf = threading.current_thread() is threading.main_thread()
            yield from met_werkers(werk, taken, aantal - 1 if zelf else aantal, voortgang, zelf)
        else:
            for i, taak in enumerate(taken, 1):
                yield werk.maak(taak)
                if voortgang:
                    voortgang(i, totaal)
        gelukt = True
    finally:
        werk.laat_los(gelukt=gelukt)
