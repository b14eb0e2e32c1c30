"""The queue of the web's jobs on PostgreSQL: procrastinate's (schema version 12). The table
`taken` stays the record people see (who asked, progress, how it ended); procrastinate holds
the job each `contracten werker` fetches, with the job's id as its only argument. A job is put
in the queue in the same transaction as its row in `taken`: both or neither. One job per region
waits (queueing lock) and runs (lock) at a time. With SQLite there is no queue: the web process
runs a job itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text

from contracten.register import storingen

if TYPE_CHECKING:
    from procrastinate import App

# procrastinate is imported where it is used: most commands (and every SQLite register) never
# need it, and importing it takes a noticeable part of a second

TAAK = "contracten.genereer"  # procrastinate's name of the task that regenerates a region
WACHTRIJ = "genereer"  # its queue
# What the application's role may change of procrastinate's tables, besides reading and adding
# rows as in every table: a job's status (a werker takes it, ends it; fetching locks the row)
# and the werkers' own rows (a sign of life; a stopped werker's row removed). Never a job
# removed: the queue keeps every job, as `taken` does.
WIJZIGEN = {"procrastinate_jobs": "UPDATE", "procrastinate_workers": "UPDATE, DELETE"}


def v12_wachtrij(verbinding: Connection) -> None:
    """procrastinate's schema, as the installed procrastinate ships it (`procrastinate schema
    --apply` does the same), installed by the role that owns the tables (a database that has it
    already, installed by hand, keeps it); the jobs that wait in `taken` for a werker of an
    earlier version go into its queue. Nothing on SQLite."""
    if verbinding.dialect.name != "postgresql":
        return
    if not verbinding.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar():
        from procrastinate.schema import SchemaManager

        # several statements in one go: psycopg sends them as they are when no parameters
        # come with them (so a % in them stays a %)
        verbinding.connection.driver_connection.execute(  # type: ignore[union-attr]
            SchemaManager.get_schema())
    for taak, regio in verbinding.execute(text(
            "SELECT id, regio FROM taken WHERE status = 'wachtend' ORDER BY aangemaakt, id")):
        zet_in_wachtrij(verbinding, taak, regio)


def toegang(verbinding: Connection, naam: str) -> None:
    """What the application's role `naam` (quoted) needs of procrastinate's tables besides the
    reading and adding every table gets; its functions and types everyone may use already."""
    if verbinding.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar():
        for tabel, rechten in WIJZIGEN.items():
            verbinding.execute(text(f"GRANT {rechten} ON {tabel} TO {naam}"))


def _app() -> App:
    from procrastinate import App, SyncPsycopgConnector

    # never opened: every query goes through the connection given to it
    return App(connector=SyncPsycopgConnector())


def zet_in_wachtrij(verbinding: Connection, taak: str, regio: str) -> int:
    """Queue job `taak` of `regio` in the transaction of `verbinding`; procrastinate's id."""
    psycopg: Any = verbinding.connection.driver_connection
    sleutel = f"{WACHTRIJ}:{regio}"
    return _app().configure_task(TAAK, queue=WACHTRIJ, lock=sleutel, queueing_lock=sleutel,
                                 connection=psycopg).defer(taak=taak)


def werker_app(engine: Engine) -> App:
    """procrastinate for a werker on the register of `engine` (its URL, as the application's
    role), waiting as long as the register's other connections do. Opened by the werker."""
    from procrastinate import App, PsycopgConnector

    seconden = storingen.wachttijd()
    url = engine.url.set(drivername="postgresql")
    opties = storingen.postgres_opties(engine.url, seconden)
    return App(connector=PsycopgConnector(
        conninfo=url.render_as_string(hide_password=False), kwargs=opties,
        timeout=max(2, seconden)))


def verweesd(verbinding: Connection) -> list[str]:
    """The jobs that wait in `taken` while their job in the queue ended without running them
    (a werker could not begin them, or someone removed them from the queue by hand)."""
    return list(verbinding.execute(text(
        "SELECT t.id FROM taken t LEFT JOIN procrastinate_jobs j ON j.args->>'taak' = t.id "
        "AND j.queue_name = :wachtrij WHERE t.status = 'wachtend' "
        "AND (j.id IS NULL OR j.status NOT IN ('todo', 'doing'))"),
        {"wachtrij": WACHTRIJ}).scalars())
