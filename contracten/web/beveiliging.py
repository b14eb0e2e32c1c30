"""Safe by default: a signed-in user when the register has users or the operator set a secret,
a CSRF token on every form, strict security headers, and only known regions (the files a
page may serve: `bestanden`)."""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import contracten

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
KOPPEN = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
          (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
VRIJ = ("/inloggen", "/statisch/")  # reachable without signing in


class Koppen:
    """Every response carries the security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def met_koppen(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                bericht["headers"] = [*bericht.get("headers", []), *KOPPEN]
            await send(bericht)

        await self.app(scope, receive, met_koppen if scope["type"] == "http" else send)


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


async def controleer_formulier(request: Request, bestanden: int = 0,
                               velden: int = 50) -> dict[str, Any]:
    """The form of a POST, refused (403) without the session's CSRF token; with at most
    `bestanden` uploaded files and `velden` fields (more: 400). A field given more than once:
    `await request.form()` afterwards (read once, kept)."""
    try:
        formulier = dict(await request.form(max_files=bestanden, max_fields=velden))
    except HTTPException as fout:  # starlette's own words are English
        raise HTTPException(400, "Het formulier is niet te lezen (te veel velden of bestanden, "
                                 "of beschadigd); laad de pagina opnieuw.") from fout
    verwacht = request.session.get("csrf")
    gegeven = str(formulier.get("csrf", ""))
    if not verwacht or not hmac.compare_digest(gegeven.encode("utf-8", "surrogatepass"),
                                               str(verwacht).encode()):
        raise HTTPException(403, "Het formulier is verlopen of niet van deze pagina; laad de "
                                 "pagina opnieuw.")
    return formulier


def gebruiker(request: Request) -> str | None:
    """Who acts: the signed-in user (their session in the register), or on localhost without
    users and secret the name the server was started with; set by `Inloggen`."""
    return getattr(request.state, "wie", None)


def aanmelden(request: Request) -> bool:
    """Whether people sign in here (users in the register, or a shared secret)."""
    return bool(getattr(request.state, "aanmelden", False))


def regionaam(request: Request) -> str:
    """The region of the path: one of the profile folders, nothing else (404)."""
    naam = str(request.path_params["regio"])
    if naam not in contracten.vind_regios(request.app.state.instellingen.regios):
        raise HTTPException(404, f"Regio '{naam}' bestaat niet.")
    return naam
