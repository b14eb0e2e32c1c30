"""Before a step, the page that asks to confirm it and lists exactly what will be recorded
(each document with the version seen); after it, the page that says what the register now
holds. No script: the browser's Content-Security-Policy allows none."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from contracten import STAP_NAMEN, STAPPEN
from contracten.web import overzicht
from contracten.web.beveiliging import controleer_formulier, gebruiker
from contracten.web.pagina import toon
from contracten.web.weergeven import profiel, stand

MAXIMUM = 500  # documents in one step: ten pages of the queue
VELDEN = 2 * MAXIMUM + 20  # a form naming them: a path and a version each, and a few more


def gekozen(formulier: FormData) -> list[tuple[str, str]]:
    """The documents a form names, each with the sha256 of the version the page showed: the
    queue's check boxes ("document-<n>": "<sha256> <path>"; each its own name, so that no
    group of them has to be announced) and pairs of `pad` and `sha256` fields."""
    paren = [(pad, sha) for sha, _, pad in (str(w).partition(" ")
                                            for k, w in formulier.multi_items()
                                            if k.startswith("document-"))]
    paden, versies = formulier.getlist("pad"), formulier.getlist("sha256")
    if len(paden) != len(versies):
        raise HTTPException(400, "Het formulier noemt niet welke versie u zag; open de pagina "
                                 "opnieuw.")
    paren += [(str(p), str(s)) for p, s in zip(paden, versies, strict=True)]
    if not paren:
        raise HTTPException(400, "Kies eerst een of meer documenten.")
    if len(paren) > MAXIMUM:
        raise HTTPException(400, f"Kies hoogstens {MAXIMUM} documenten tegelijk.")
    if any(len(sha) != 64 for _, sha in paren):  # a step is bound to the version that was read
        raise HTTPException(400, "Het formulier noemt niet welke versie u zag; open de pagina "
                                 "opnieuw.")
    return list(dict(paren).items())


async def bevestig(request: Request) -> HTMLResponse:
    """What will be recorded, to confirm: the step, and each document with its version."""
    await controleer_formulier(request, velden=VELDEN)
    formulier = await request.form()
    if not gebruiker(request):
        raise HTTPException(403, "Er is geen naam om vast te leggen: start contracten web met "
                                 "--door NAAM (of log in).")
    paren = gekozen(formulier)
    p = profiel(request)
    alle = {r.pad: r for r in overzicht.rijen(p, stand(request, p))}
    if onbekend := [pad for pad, _ in paren if pad not in alle]:
        raise HTTPException(404, f"Onbekend document: {onbekend[0]}.")
    rijen = [(alle[pad], sha) for pad, sha in paren]
    stap = str(formulier.get("stap", "")) or overzicht.VOLGENDE.get(
        rijen[0][0].document.status, "")
    if stap not in STAPPEN[1:]:
        raise HTTPException(400, "Deze documenten zijn al getekend: er is geen volgende stap.")
    vorige = STAPPEN[STAPPEN.index(stap) - 1]
    if anders := [r.titel for r, _ in rijen if r.document.status != vorige]:
        raise HTTPException(400, f"Kies documenten die op dezelfde stap staan: "
                                 f"{anders[0]} staat niet op '{STAP_NAMEN[vorige]}', zodat "
                                 f"'{STAP_NAMEN[stap]}' er niet op volgt. Filter de lijst op "
                                 "status.")
    return toon(request, "bevestig.html", regio=p, rijen=rijen, stap=stap, stappen=STAP_NAMEN,
                formulier={k: str(v) for k, v in formulier.items()})


def vastgelegd(request: Request) -> HTMLResponse:
    """After a step: each document as the register now holds it (step, who, when)."""
    p = profiel(request)
    paden = request.query_params.getlist("pad")
    stap = request.query_params.get("stap", "")
    if stap not in STAPPEN[1:] or not paden:
        raise HTTPException(404, "Onbekende stap.")
    alle = {r.pad: r for r in overzicht.rijen(p, stand(request, p))}
    return toon(request, "vastgelegd.html", regio=p, stap=stap, stappen=STAP_NAMEN,
                rijen=[alle[pad] for pad in paden if pad in alle])


def adres(regio: str, stap: str, paden: list[str]) -> str:
    """Where a step's result is shown."""
    return f"/regio/{regio}/vastgelegd?" + urlencode([("stap", stap), *(("pad", p)
                                                                         for p in paden)])
