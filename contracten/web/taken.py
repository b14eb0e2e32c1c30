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
    await controleer_formulier(request)
    naam = regionaam(request)
    i = inst(request)
    taak = await run_in_threadpool(taken(request).start, i.regios, naam, uitvoer=i.uitvoer,
                                   datum=contracten.dag_van(i.klok()))
    return RedirectResponse(f"/taak/{taak.id}", status_code=303)


async def taak(request: Request) -> HTMLResponse:
    gevonden = await run_in_threadpool(taken(request).taak, str(request.path_params["taak"]))
    if gevonden is None:
        raise HTTPException(404, "Onbekende taak.")
    return toon(request, "taak.html", taak=gevonden)
