"""Regenerating a region from the web: a job in the register (`contracten.Taken`), run by this
process in a thread (SQLite register) or by a `contracten werker` (PostgreSQL); its page shows
how it stands, also after a restart of the web application."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

import contracten
from contracten.web.beveiliging import controleer_formulier, regionaam
from contracten.web.pagina import toon
from contracten.web.weergeven import inst


def taken(request: Request) -> contracten.Taken:
    i = inst(request)
    return contracten.Taken(i.database, klok=i.klok)


async def genereer(request: Request) -> Response:
    """Regenerate the region ('genereer'), or also make every document's pdf ('pdf')."""
    formulier = await controleer_formulier(request)
    naam = regionaam(request)
    soort = str(formulier.get("soort", "genereer"))
    if soort not in ("genereer", "pdf"):
        raise HTTPException(400, "Kies documenten opnieuw maken of pdf's maken.")
    i = inst(request)
    taak = await run_in_threadpool(taken(request).start, i.regios, naam, uitvoer=i.uitvoer,
                                   datum=contracten.dag_van(i.klok()), soort=soort)
    return RedirectResponse(f"/taak/{taak.id}", status_code=303)


async def taak(request: Request) -> HTMLResponse:
    gevonden = await run_in_threadpool(taken(request).taak, str(request.path_params["taak"]))
    if gevonden is None:
        raise HTTPException(404, "Onbekende taak.")
    return toon(request, "taak.html", taak=gevonden,
                wat="Pdf's maken" if gevonden.soort == "pdf" else "Documenten maken",
                word=sum(p.endswith(".docx") for p in gevonden.geschreven),
                pdfs=sum(p.endswith(".pdf") for p in gevonden.geschreven))
