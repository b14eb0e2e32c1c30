"""Signing in and out. With users in the register each signs in with their own name and
password, and the steps record that name; without, everyone signs in with the operator's
shared secret and names themselves (or, on this computer only, the server's `--door`). Either
way the session lives in the register: logging out, or a change to the user, ends it there,
so a cookie saved before no longer works. Failed attempts slow down per name and per address,
with one answer whatever was wrong."""

from __future__ import annotations

import hmac

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import contracten
from contracten import bevat_bsn
from contracten.web.beveiliging import controleer_formulier
from contracten.web.drempel import Drempel
from contracten.web.instellingen import Instellingen
from contracten.web.pagina import toon

FOUT = "Naam of wachtwoord klopt niet."


def _inst(request: Request) -> Instellingen:
    return request.app.state.instellingen  # type: ignore[no-any-return]


def _gelijk(gegeven: str, verwacht: str) -> bool:
    return hmac.compare_digest(gegeven.encode("utf-8", "surrogatepass"),
                               verwacht.encode("utf-8", "surrogatepass"))


async def inloggen(request: Request) -> Response:
    i = _inst(request)
    met_gebruikers = await run_in_threadpool(contracten.heeft_gebruikers, i.database)
    if not i.geheim and not met_gebruikers:
        return RedirectResponse("/", status_code=303)
    if request.method == "GET":
        return toon(request, "inloggen.html", melding="", met_gebruikers=met_gebruikers)
    formulier = await controleer_formulier(request)
    naam = " ".join(str(formulier.get("naam", "")).split())[:200]
    wachtwoord = str(formulier.get("wachtwoord" if met_gebruikers else "geheim", ""))[:1000]
    drempel: Drempel = request.app.state.drempel
    sleutels = [("naam", naam.casefold()), ("adres", request.client.host if request.client
                                            else "")]
    if wacht := drempel.wachten(sleutels):
        return toon(request, "inloggen.html", status=429, met_gebruikers=met_gebruikers,
                    melding=f"Te veel mislukte pogingen. Probeer het over {wacht} seconden "
                            "opnieuw.")
    if met_gebruikers:
        wie = await run_in_threadpool(contracten.meld_aan, naam, wachtwoord,
                                      database=i.database)
    else:
        wie = naam if (naam and not bevat_bsn(naam)
                       and _gelijk(wachtwoord, i.geheim or "")) else None
    if not wie:
        drempel.mislukt(sleutels)
        return toon(request, "inloggen.html", status=401, melding=FOUT,
                    met_gebruikers=met_gebruikers)
    drempel.gelukt(sleutels[0])
    token = await run_in_threadpool(contracten.begin_sessie, wie, tijdstip=i.klok(),
                                    geldig=i.sessieduur, database=i.database)
    request.session.clear()  # a new session, a new CSRF token
    request.session["sessie"] = token
    return RedirectResponse("/", status_code=303)


async def uitloggen(request: Request) -> Response:
    await controleer_formulier(request)
    i = _inst(request)
    token = str(request.session.get("sessie", ""))
    if token:
        await run_in_threadpool(contracten.beeindig_sessie, token, tijdstip=i.klok(),
                                database=i.database)
    request.session.clear()
    return RedirectResponse("/inloggen" if getattr(request.state, "aanmelden", False) else "/",
                            status_code=303)
