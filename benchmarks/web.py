"""Every page of the web application, timed: each must answer within 200 ms.

    python benchmarks/web.py            # the shipped example regions, 20 requests per page

The example regions are generated into a temporary folder (Assen at prijspeil 2025 and,
indexed, 2026, compared, so that the comparison page shows its report), then every page is
requested in the same process as a browser would (Starlette's test client: the whole
application, middleware included, without network). Per page the median of the requests
counts, shown beside the median of the smallest response the application gives (its style
sheet) as a baseline of the same run. Exits with 1 when a page's median is over the goal.
Results are printed in Dutch.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import contracten  # noqa: E402
from contracten.web.app import maak_app  # noqa: E402
from contracten.web.instellingen import Instellingen  # noqa: E402

DOEL_MS = 200.0
KEER = 20
KLOK = dt.datetime(2026, 12, 1, 9, 0)


def main() -> int:
    from starlette.testclient import TestClient

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
            door="benchmark", sessiesleutel="benchmark", klok=lambda: KLOK)))
        poe = "assen/2026/programma-van-eisen.docx"
        pagina_s = ["/", *(f"/regio/{r}" for r in ("assen", "amersfoort")),
                    "/regio/assen/goedkeuring", "/regio/amersfoort/goedkeuring",
                    *(f"/regio/assen/agenda?binnen={b}" for b in (30, 90, 365)),
                    "/regio/assen/agenda.ics?binnen=365", f"/regio/assen/document?pad={poe}",
                    f"/regio/assen/geschiedenis?pad={poe}",
                    "/regio/assen/vergelijk?oud=2025&nieuw=2026",
                    "/regio/assen/bestand?pad=2026/programma-van-eisen.docx"]
        basis = _meet(client, "/statisch/stijl.css")
        print(f"basislijn (stijlblad): {basis:.1f} ms")
        te_traag = []
        for url in pagina_s:
            ms = _meet(client, url)
            te_traag += [url] if ms > DOEL_MS else []
            print(f"{ms:7.1f} ms  ({ms / basis:5.1f}× de basislijn)  {url}")
    if te_traag:
        print(f"Boven {DOEL_MS:.0f} ms: {', '.join(te_traag)}")
        return 1
    print(f"Elke pagina binnen {DOEL_MS:.0f} ms.")
    return 0


def _meet(client: Any, url: str) -> float:
    tijden = []
    for _ in range(KEER):
        begin = time.perf_counter()
        antwoord = client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
        assert antwoord.status_code == 200, (url, antwoord.status_code)
    return statistics.median(tijden)


if __name__ == "__main__":
    sys.exit(main())
