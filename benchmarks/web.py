"""Every page of the web application, timed: each within 200 ms and under 300 KB.

    python benchmarks/web.py                   # the example regions, then a region of 1,000
                                               # aanbieders on SQLite (and on PostgreSQL when
                                               # CONTRACTEN_TEST_POSTGRES is set)
    python benchmarks/web.py --aanbieders 0    # the example regions only (half a minute)
    python benchmarks/web.py --postgres postgresql+psycopg://…/postgres

1. The example regions are generated into a temporary folder (Assen at prijspeil 2025 and,
   indexed, 2026, compared, so that the comparison page shows its report), then every page is
   requested 20 times.
2. A region of `--aanbieders` aanbieders (Assen's copied, as in benchmarks/bulk.py: about
   2·N + 2 documents, each with its .md twin) is generated, and on each register (an SQLite
   file; a new database on the PostgreSQL server of `--postgres`, dropped afterwards) the region
   page, the approval queue (its first and its twentieth page), a contract, a document, its
   history, the termijnenkalender and a step's confirmation page are requested 10 times each,
   and 10 documents are approved (juridisch akkoord, each a POST as the form
   sends it). The first page on a new register is shown apart: it records every version and
   hashes every file once. Then every document is given juridisch akkoord and made definitief
   (as later in the year: two steps per document in the register) and the region page, the
   queue and a document are requested again.

Pages are requested in the same process as a browser would (Starlette's test client: the whole
application, middleware included, without network). Per page the median counts, in wall time
(the server's answer time) and in processor time of this process (less sensitive to other
work on the machine), shown beside the median of the smallest response the application gives
(its style sheet) as a baseline of the same run, with the page's weight. Exits with 1 when a
page's median wall time is over the goal. Results are printed in Dutch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bulk import maak_regio  # noqa: E402

import contracten  # noqa: E402
from contracten.web.app import maak_app  # noqa: E402
from contracten.web.instellingen import Instellingen  # noqa: E402

DOEL_MS = 200.0
DOEL_KB = 300  # the weight of a page (issue 30): paged, so it does not grow with the region
KEER = 20
KEER_GROOT = 10
AANBIEDERS = 1000
KLOK = dt.datetime(2026, 12, 1, 9, 0)
KLOK_GROOT = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aanbieders", type=int, default=AANBIEDERS,
                        help="aanbieders of the large region (0: the example regions only)")
    parser.add_argument("--postgres", default=os.environ.get("CONTRACTEN_TEST_POSTGRES"),
                        help="URL of a PostgreSQL server whose user may create databases "
                             "(default $CONTRACTEN_TEST_POSTGRES)")
    argumenten = parser.parse_args()
    te_traag = voorbeelden()
    if argumenten.aanbieders > 0:
        te_traag += groot(argumenten.aanbieders, argumenten.postgres)
    if te_traag:
        print(f"Boven {DOEL_MS:.0f} ms of {DOEL_KB} KB: {', '.join(te_traag)}")
        return 1
    print(f"Elke pagina binnen {DOEL_MS:.0f} ms en {DOEL_KB} KB.")
    return 0


def voorbeelden() -> list[str]:
    """The example regions, every page; returns the pages over the goal."""
    from starlette.testclient import TestClient

    print("De voorbeeldregio's (Assen en Amersfoort)")
    with tempfile.TemporaryDirectory() as werk:
        map_ = Path(werk)
        regios = map_ / "regios"
        shutil.copytree(ROOT / "regios", regios)
        uitvoer = map_ / "uitvoer"
        for naam in ("assen", "amersfoort"):
            contracten.genereer(contracten.laad_regio(regios, naam), uitvoer=uitvoer,
                                datum=KLOK.date())
        contracten.indexeer(contracten.laad_regio(regios, "assen"), naar=2026,
                            percentage=Decimal("3.5"), genereren=True, datum=KLOK.date(),
                            uitvoer=uitvoer)
        # the comparison page as it is after "Maak de vergelijking": with the whole report
        contracten.vergelijk(uitvoer / "assen/2025", uitvoer / "assen/2026", datum=KLOK.date())
        client = TestClient(maak_app(Instellingen(
            regios=regios, uitvoer=uitvoer, database=map_ / "register.sqlite",
            door="benchmark", sessiesleutel="benchmark", klok=lambda: KLOK,
            hosts=("testserver",))))
        poe = "assen/2026/programma-van-eisen.docx"
        pagina_s = ["/", *(f"/regio/{r}" for r in ("assen", "amersfoort")),
                    "/regio/assen/goedkeuring", "/regio/amersfoort/goedkeuring",
                    *(f"/regio/assen/agenda?binnen={b}" for b in (30, 90, 365)),
                    "/regio/assen/agenda.ics?binnen=365", f"/regio/assen/document?pad={poe}",
                    f"/regio/assen/geschiedenis?pad={poe}",
                    "/regio/assen/vergelijk?oud=2025&nieuw=2026",
                    "/regio/assen/bestand?pad=2026/programma-van-eisen.docx"]
        basis = _meet(client.get, "/statisch/stijl.css", KEER)
        _kop(basis)
        return [url for url in pagina_s
                if not _toon(url, _meet(client.get, url, KEER), basis)]


def groot(aanbieders: int, postgres: str | None) -> list[str]:
    """A region of `aanbieders` aanbieders on SQLite and, with `postgres`, on PostgreSQL;
    returns the pages over the goal."""
    te_traag: list[str] = []
    with tempfile.TemporaryDirectory() as werk:
        map_ = Path(werk)
        regios = map_ / "regios"
        regios.mkdir()
        maak_regio(regios, "groot", aanbieders)
        begin = time.perf_counter()
        contracten.genereer(contracten.laad_regio(regios, "groot"), uitvoer=map_ / "uitvoer",
                            datum=KLOK_GROOT.date())
        bestanden = sum(1 for p in (map_ / "uitvoer").rglob("*") if p.is_file())
        print(f"\nEen regio van {aanbieders} aanbieders: {bestanden} bestanden, gegenereerd in "
              f"{time.perf_counter() - begin:.0f} s")
        te_traag += _groot_op(regios, map_ / "uitvoer", str(map_ / "register.sqlite"), "SQLite")
        if postgres:
            with _nieuwe_database(postgres) as url:
                te_traag += _groot_op(regios, map_ / "uitvoer", url, "PostgreSQL")
        else:
            print("\nPostgreSQL overgeslagen: zet CONTRACTEN_TEST_POSTGRES of --postgres (een "
                  "server starten: eval \"$(bash .ci/postgres)\").")
    return te_traag


def _groot_op(regios: Path, uitvoer: Path, database: str, naam: str) -> list[str]:
    """Every page of the large region on one register; returns those over the goal."""
    from starlette.testclient import TestClient

    client = TestClient(maak_app(Instellingen(
        regios=regios, uitvoer=uitvoer, database=database, door="benchmark",
        sessiesleutel="benchmark", klok=lambda: KLOK_GROOT, hosts=("testserver",))))
    begin = time.perf_counter()
    eerste = client.get("/regio/groot")
    assert eerste.status_code == 200, eerste.status_code
    print(f"\n{naam}: eerste pagina op een nieuw register (alle versies vastleggen, elk bestand "
          f"één keer hashen): {(time.perf_counter() - begin) * 1000:.0f} ms")
    stand = contracten.status(contracten.laad_regio(regios, "groot"), tijdstip=KLOK_GROOT,
                              uitvoer=uitvoer, database=database)
    concept = [d.stand for d in stand.documenten if d.status == "concept"]
    pad = concept[0].pad
    basis = _meet(client.get, "/statisch/stijl.css", KEER_GROOT)
    _kop(basis)
    eigenaar = next(d.aanbieder for d in concept if d.aanbieder)
    contract = f"/regio/groot/contract?aanbieder={eigenaar}&perceel=1"
    te_traag = [url for url in ("/regio/groot", "/regio/groot/goedkeuring",
                                "/regio/groot/goedkeuring?pagina=20", contract,
                                f"/regio/groot/document?pad={pad}",
                                f"/regio/groot/geschiedenis?pad={pad}",
                                "/regio/groot/agenda?binnen=365")
                if not _toon(url, _meet(client.get, url, KEER_GROOT), basis)]
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/regio/groot").text)
    assert token, "geen CSRF-token op de regiopagina"

    def bevestig(url: str) -> Any:  # the confirmation page of one step: records nothing
        return client.post(url, data={"csrf": token.group(1), "stap": "juridisch_akkoord",
                                      "pad": concept[0].pad, "sha256": concept[0].sha256})

    url = "/regio/groot/bevestig"
    if not _toon(f"{url} (POST)", _meet(bevestig, url, KEER_GROOT), basis):
        te_traag.append(url)
    te_akkoord = iter(concept[1:])

    def akkoord(url: str) -> Any:
        document = next(te_akkoord)
        return client.post(url, data={"csrf": token.group(1), "stap": "juridisch_akkoord",
                                      "pad": document.pad, "sha256": document.sha256},
                           follow_redirects=False)

    url = "/regio/groot/stap"
    if not _toon(f"{url} (akkoord, POST)", _meet(akkoord, url, KEER_GROOT, status=303), basis):
        te_traag.append(url)
    # Later in the year: every document approved and definitief (two steps each in the
    # register's chain, every folder's definitief.json full).
    regio = contracten.laad_regio(regios, "groot")
    begin = time.perf_counter()
    contracten.zet_stap(regio, "juridisch_akkoord", door="benchmark", tijdstip=KLOK_GROOT,
                        uitvoer=uitvoer, database=database)
    contracten.markeer_definitief(regio, datum=KLOK_GROOT.date(), uitvoer=uitvoer,
                                  door="benchmark", tijdstip=KLOK_GROOT, database=database,
                                  ook_samenvattingen=True, ook_voorbeelden=True)
    print(f"{naam}: elk document akkoord en definitief gemaakt in "
          f"{time.perf_counter() - begin:.0f} s; opnieuw:")
    te_traag += [f"{url} (alles definitief)" for url in (
        "/regio/groot", "/regio/groot/goedkeuring", contract, f"/regio/groot/document?pad={pad}")
        if not _toon(url, _meet(client.get, url, KEER_GROOT), basis)]
    return [f"{u} ({naam})" for u in te_traag]


@contextmanager
def _nieuwe_database(server: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of `server`, dropped afterwards."""
    import sqlalchemy as sa

    naam = f"benchmark_{uuid.uuid4().hex[:12]}"
    beheer = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with beheer.connect() as v:
        v.execute(sa.text(f'CREATE DATABASE "{naam}"'))
    try:
        yield sa.engine.make_url(server).set(database=naam).render_as_string(hide_password=False)
    finally:
        from contracten.register import verbinding

        for url in [u for u in verbinding._ENGINES if naam in u]:
            verbinding._ENGINES.pop(url).dispose()
        with beheer.connect() as v:
            v.execute(sa.text(f'DROP DATABASE "{naam}" WITH (FORCE)'))
        beheer.dispose()


class Meting:
    def __init__(self, wand: float, processor: float, grootte: int) -> None:
        self.wand, self.processor, self.grootte = wand, processor, grootte


def _meet(vraag: Callable[[str], Any], url: str, keer: int, status: int = 200) -> Meting:
    """The medians of `keer` requests: wall time and processor time (ms), and the size."""
    wand, processor = [], []
    grootte = 0
    for _ in range(keer):
        begin, cpu = time.perf_counter(), time.process_time()
        antwoord = vraag(url)
        processor.append((time.process_time() - cpu) * 1000)
        wand.append((time.perf_counter() - begin) * 1000)
        assert antwoord.status_code == status, (url, antwoord.status_code)
        grootte = len(antwoord.content)
    return Meting(statistics.median(wand), statistics.median(processor), grootte)


def _kop(basis: Meting) -> None:
    print(f"basislijn (stijlblad): {basis.wand:.1f} ms, processor {basis.processor:.1f} ms")
    print(f"{'wandtijd':>9} {'processor':>10} {'× basis':>8} {'gewicht':>9}  pagina")


def _toon(url: str, m: Meting, basis: Meting) -> bool:
    """Print one page's line; whether it is within the goals (time and weight)."""
    snel, licht = m.wand <= DOEL_MS, m.grootte <= DOEL_KB * 1024
    opmerking = ("" if snel else "  (te traag)") + ("" if licht else "  (te zwaar)")
    print(f"{m.wand:6.1f} ms {m.processor:7.1f} ms {m.wand / basis.wand:7.1f}× "
          f"{m.grootte / 1024:6.0f} KB  {url}{opmerking}", flush=True)
    return snel and licht


if __name__ == "__main__":
    sys.exit(main())
