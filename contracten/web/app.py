"""The web application: its routes and its middleware."""

from __future__ import annotations

import secrets
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from contracten import ContractenFout
from contracten.web import handelingen, weergeven
from contracten.web.beveiliging import VRIJ, Koppen
from contracten.web.instellingen import Instellingen
from contracten.web.pagina import toon
from contracten.web.taken import Taken

MAP = Path(__file__).parent


class Inloggen:
    """With a shared secret, every page but the sign-in asks for a signed-in user."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        instellingen: Instellingen = scope["app"].state.instellingen
        if (scope["type"] == "http" and instellingen.geheim
                and not scope["path"].startswith(VRIJ)
                and not scope["session"].get("gebruiker")):
            antwoord: Response = (RedirectResponse("/inloggen", status_code=303)
                                  if scope["method"] == "GET" else
                                  Response("Log eerst in.", status_code=401))
            await antwoord(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _fout(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return toon(request, "fout.html", status=exc.status_code, bericht=exc.detail)
    return toon(request, "fout.html", status=400, bericht=str(exc))


def maak_app(instellingen: Instellingen) -> Starlette:
    """The application for `instellingen`; serve it with any ASGI server (uvicorn)."""
    routes = [
        Route("/", weergeven.regios),
        Route("/inloggen", handelingen.inloggen, methods=["GET", "POST"]),
        Route("/uitloggen", handelingen.uitloggen, methods=["POST"]),
        Route("/regio/{regio}", weergeven.regio),
        Route("/regio/{regio}/document", weergeven.document),
        Route("/regio/{regio}/bestand", weergeven.bestand),
        Route("/regio/{regio}/geschiedenis", weergeven.geschiedenis),
        Route("/regio/{regio}/goedkeuring", weergeven.goedkeuring),
        Route("/regio/{regio}/agenda", weergeven.agenda),
        Route("/regio/{regio}/agenda.ics", weergeven.agenda_ics),
        Route("/regio/{regio}/vergelijk", handelingen.vergelijk, methods=["GET", "POST"]),
        Route("/regio/{regio}/stap", handelingen.stap, methods=["POST"]),
        Route("/regio/{regio}/genereer", handelingen.genereer, methods=["POST"]),
        Route("/taak/{taak}", handelingen.taak),
        Mount("/statisch", StaticFiles(directory=MAP / "statisch"), name="statisch"),
    ]
    app = Starlette(routes=routes, middleware=[
        Middleware(Koppen),
        Middleware(SessionMiddleware, secret_key=instellingen.sessiesleutel
                   or secrets.token_urlsafe(32), session_cookie="contracten",
                   same_site="strict", https_only=False),
        Middleware(Inloggen),
    ], exception_handlers={HTTPException: _fout, ContractenFout: _fout})
    app.state.instellingen = instellingen
    app.state.taken = Taken()
    app.state.profielen = {}  # region -> (its files' sizes and times, its Profiel)
    return app
