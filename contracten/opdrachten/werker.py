"""A `contracten werker`: procrastinate's worker on the queue of the web's jobs (register on
PostgreSQL, see `register.wachtrij`). It runs one job at a time, in a thread of its own, while
procrastinate keeps the werker's sign of life; the job's own progress and sign of life go to
its row in `taken` as before. Ctrl-C or SIGTERM stops it at once: the running job is recorded
as afgebroken (not waited for: a regeneration can take long), procrastinate's job as aborted.

A werker that stopped without a word (kill -9, a crash, the computer off) leaves its job
'doing' in procrastinate's queue, holding its region's lock. Once its sign of life is STIL old
(procrastinate's stalled jobs), any werker records that job as failed and its row in `taken`
as afgebroken: reported, not run again by itself (a job that killed its process would kill the
next one too); the person who asked starts it again."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import psycopg
from procrastinate import App
from procrastinate.exceptions import ProcrastinateException
from procrastinate.jobs import Status

from contracten.fouten import ContractenFout
from contracten.register.taken import HARTSLAG, STIL, Taak, Takenregister
from contracten.register.wachtrij import TAAK, WACHTRIJ, werker_app

# procrastinate's own log lines (English, for developers) are not shown to the user
logging.getLogger("procrastinate").addHandler(logging.NullHandler())
logging.getLogger("procrastinate").propagate = False

VoerUit = Callable[[Takenregister, Taak, str], Taak]


class Gestopt(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped the werker; `signaal` which."""

    def __init__(self, signaal: int) -> None:
        super().__init__()
        self.signaal = signaal


def werk(register: Takenregister, *, proces: str, klok: Callable[[], dt.datetime],
         voer_uit: VoerUit, stop: Callable[[str], int], eenmaal: bool,
         melding: Callable[[Taak], None] | None) -> int:
    """Run the queue's jobs as `proces` (each with `voer_uit`) until stopped (Ctrl-C,
    SIGTERM: `stop` records the running job as afgebroken, then Gestopt) or, with `eenmaal`,
    until none waits; how many ran."""
    app = werker_app(register.engine)
    gedaan = [0]

    @app.task(name=TAAK, queue=WACHTRIJ)
    async def genereer(taak: str) -> None:
        begonnen = await asyncio.to_thread(register.begin, taak, proces, klok())
        if begonnen is None:  # recorded as afgebroken while it waited
            return
        if melding:
            melding(begonnen)
        try:
            einde = await _in_draad(voer_uit, register, begonnen, proces)
        except asyncio.CancelledError:  # the werker stops: said at once, not a minute later
            stop("de werker")
            raise
        gedaan[0] += 1
        if melding:
            melding(einde)

    try:
        asyncio.run(_draai(app, register, klok, eenmaal=eenmaal, naam=proces))
    except (ProcrastinateException, psycopg.Error) as fout:  # psycopg's pool waited in vain
        raise ContractenFout(f"De wachtrij van de taken in het register is niet bereikbaar "
                             f"({type(fout).__name__}: {fout}).") from None
    return gedaan[0]


async def _in_draad(voer_uit: VoerUit, register: Takenregister, taak: Taak,
                    proces: str) -> Taak:
    """`voer_uit` in a daemon thread (a stopping werker does not wait for it)."""
    loop = asyncio.get_running_loop()
    uitkomst: asyncio.Future[Taak] = loop.create_future()

    def zet(f: Callable[..., None], waarde: Any) -> None:
        if not uitkomst.done():
            f(waarde)

    def draad() -> None:
        try:
            einde = voer_uit(register, taak, proces)
        except BaseException as exc:  # handed to the waiting job
            loop.call_soon_threadsafe(zet, uitkomst.set_exception, exc)
        else:
            loop.call_soon_threadsafe(zet, uitkomst.set_result, einde)

    threading.Thread(target=draad, daemon=True).start()
    return await uitkomst


async def _draai(app: App, register: Takenregister, klok: Callable[[], dt.datetime], *,
                 eenmaal: bool, naam: str) -> None:
    loop = asyncio.get_running_loop()
    gestopt: list[int] = []
    async with app.open_async():
        await _ruim_op(app, register, klok)  # before the first job: a lock of a dead werker
        werker = asyncio.create_task(app.run_worker_async(
            queues=[WACHTRIJ], name=naam, wait=not eenmaal, concurrency=1,
            install_signal_handlers=False, shutdown_graceful_timeout=0,
            update_heartbeat_interval=HARTSLAG, stalled_worker_timeout=STIL.total_seconds()))

        def bij_signaal(signum: int) -> None:
            gestopt.append(signum)
            werker.cancel()

        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, bij_signaal, signum)
        opruimen = asyncio.create_task(_blijf_opruimen(app, register, klok))
        try:
            await werker
        except asyncio.CancelledError:
            if not gestopt:
                raise
        else:
            if not eenmaal:  # procrastinate stopped it: its connection to the queue failed
                raise ContractenFout("De werker is gestopt: de verbinding met de wachtrij in "
                                     "het register viel weg. Start de werker opnieuw.")
        finally:
            opruimen.cancel()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)
    if gestopt:
        raise Gestopt(gestopt[0])


async def _blijf_opruimen(app: App, register: Takenregister,
                          klok: Callable[[], dt.datetime]) -> None:
    while True:
        await asyncio.sleep(HARTSLAG * 2)
        # the register away a moment: the next round tries again (procrastinate itself stops
        # the werker when it stays away)
        with suppress(ContractenFout, ProcrastinateException):
            await _ruim_op(app, register, klok)


async def _ruim_op(app: App, register: Takenregister, klok: Callable[[], dt.datetime]) -> None:
    """The jobs of werkers without a sign of life for STIL: failed in procrastinate's queue
    (their region's lock freed), afgebroken in `taken`; none run again."""
    for job in await app.job_manager.get_stalled_jobs(
            seconds_since_heartbeat=STIL.total_seconds(), queue=WACHTRIJ, task_name=TAAK):
        await app.job_manager.finish_job(job, status=Status.FAILED, delete_job=False)
        await asyncio.to_thread(register.gestopt, str(job.task_kwargs.get("taak", "")), klok())
