"""The web application: its routes and its middleware."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

import contracten
from contracten import ContractenFout
from contracten.web import aanmelden, bevestigen, handelingen, ondertekenen, taken, weergeven
from contracten.web.bestanden import Manifesten
from contracten.web.beveiliging import VRIJ, Koppen
from contracten.web.drempel import Drempel
from contracten.web.instellingen import Instellingen
from contracten.web.pagina import toon

MAP = Path(__file__).parent


class Inloggen:
    """Who acts, for every page: with users in the register or a shared secret, the user of the
    session in the register (every page but the sign-in asks for one); else the server's
    `--door`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/statisch/"):
            await self.app(scope, receive, send)
            return
        i: Instellingen = scope["app"].state.instellingen
        try:
            aanmelden, wie = await run_in_threadpool(_wie, i, scope["session"].get("sessie"))
        except ContractenFout as fout:
            await Response(f"Het register is niet bereikbaar: {fout}", status_code=503,
                           media_type="text/plain; charset=utf-8")(scope, receive, send)
            return
        scope.setdefault("state", {}).update(aanmelden=aanmelden, wie=wie)
        if aanmelden and not wie and not scope["path"].startswith(VRIJ):
            scope["session"].pop("sessie", None)
            antwoord: Response = (RedirectResponse("/inloggen", status_code=303)
                                  if scope["method"] == "GET" else
                                  Response("Log eerst in.", status_code=401))
            await antwoord(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _wie(i: Instellingen, token: object) -> tuple[bool, str | None]:
    """Whether people sign in, and who the session's user is (or the server's `--door`)."""
    if not i.geheim and not contracten.heeft_gebruikers(i.database):
        return False, i.door
    return True, contracten.sessie_van(str(token or ""), tijdstip=i.klok(), database=i.database)


async def _fout(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return toon(request, "fout.html", status=exc.status_code, bericht=exc.detail)
    return toon(request, "fout.html", status=400, bericht=str(exc))


@asynccontextmanager
async def _levensloop(app: Starlette) -> AsyncIterator[None]:
    """At shutdown, the jobs this process runs are recorded as afgebroken at once."""
    yield
    i: Instellingen = app.state.instellingen
    await run_in_threadpool(contracten.Taken(i.database, klok=i.klok).stop)


def maak_app(instellingen: Instellingen) -> Starlette:
    """The application for `instellingen`; serve it with any ASGI server (uvicorn)."""
    routes = [
        Route("/", weergeven.regios),
        Route("/inloggen", aanmelden.inloggen, methods=["GET", "POST"]),
        Route("/uitloggen", aanmelden.uitloggen, methods=["POST"]),
        Route("/regio/{regio}", weergeven.regio),
        Route("/regio/{regio}/contract", weergeven.contract),
        Route("/regio/{regio}/document", weergeven.document),
        Route("/regio/{regio}/bestand", weergeven.bestand),
        Route("/regio/{regio}/geschiedenis", weergeven.geschiedenis),
        Route("/regio/{regio}/goedkeuring", weergeven.goedkeuring),
        Route("/regio/{regio}/agenda", weergeven.agenda),
        Route("/regio/{regio}/agenda.ics", weergeven.agenda_ics),
        Route("/regio/{regio}/vergelijk", handelingen.vergelijk, methods=["GET", "POST"]),
        Route("/regio/{regio}/bevestig", bevestigen.bevestig, methods=["POST"]),
        Route("/regio/{regio}/stap", handelingen.stap, methods=["POST"]),
        Route("/regio/{regio}/vastgelegd", bevestigen.vastgelegd),
        Route("/regio/{regio}/getekende-pdf", ondertekenen.getekende_pdf, methods=["POST"]),
        Route("/regio/{regio}/genereer", taken.genereer, methods=["POST"]),
        Route("/taak/{taak}", taken.taak),
        Mount("/statisch", StaticFiles(directory=MAP / "statisch"), name="statisch"),
    ]
    app = Starlette(routes=routes, lifespan=_levensloop, middleware=[
        Middleware(Koppen),
        # another Host (DNS rebinding, a link to a foreign name) gets 400, so neither a page
        # nor a redirect ever answers for another name
        Middleware(TrustedHostMiddleware, allowed_hosts=list(instellingen.hosts),
                   www_redirect=False),
        # the cookie holds a random id of a session in the register, signed; HttpOnly,
        # SameSite=Strict, and Secure when served over TLS
        Middleware(SessionMiddleware, secret_key=instellingen.sessiesleutel
                   or secrets.token_urlsafe(32), session_cookie="contracten",
                   same_site="strict", https_only=instellingen.tls,
                   max_age=int(instellingen.sessieduur.total_seconds())),
        Middleware(Inloggen),
    ], exception_handlers={HTTPException: _fout, ContractenFout: _fout})
    app.state.instellingen = instellingen
    app.state.drempel = Drempel(instellingen.teller)
    app.state.manifesten = Manifesten()  # per output folder: the files its manifest lists
    app.state.profielen = {}  # region -> (its files' sizes and times, its Profiel)
    return app
