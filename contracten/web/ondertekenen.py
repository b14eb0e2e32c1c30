"""A contract signed digitally, uploaded in the browser: the same check and record as
`contracten getekend --pdf` (`contracten.getekend_pdf`), for the signed-in user, with the roots
the server was told to trust (`contracten web --vertrouw`)."""

from __future__ import annotations

from pathlib import PurePath

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

import contracten
from contracten import STAP_NAMEN
from contracten.web.beveiliging import controleer_formulier, gebruiker
from contracten.web.pagina import toon
from contracten.web.weergeven import inst, profiel

MAXIMUM = 50 * 1024 * 1024  # bytes: a signed contract of hundreds of pages fits easily
PARTIJEN = ("opdrachtgever", "opdrachtnemer")


def _grootte(request: Request) -> None:
    """Refused before anything is read: no stated size (411) or a file too large (413)."""
    try:
        lengte = int(request.headers["content-length"])
    except (KeyError, ValueError):
        raise HTTPException(411, "De upload noemt zijn grootte niet; stuur hem met het "
                                 "formulier op de goedkeuringspagina.") from None
    if lengte > MAXIMUM:
        raise _te_groot()


def _te_groot() -> HTTPException:
    return HTTPException(413, f"De getekende pdf is groter dan {MAXIMUM // 1024 // 1024} MB.")


async def getekende_pdf(request: Request) -> Response:
    _grootte(request)
    formulier = await controleer_formulier(request, bestanden=1)
    wie = gebruiker(request)
    if not wie:
        raise HTTPException(403, "Er is geen naam om vast te leggen: start contracten web met "
                                 "--door NAAM (of log in).")
    upload = formulier.get("pdf")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise HTTPException(400, "Kies het getekende pdf-bestand.")
    pad, versie = str(formulier.get("pad", "")), str(formulier.get("sha256", ""))
    if len(versie) != 64:  # the version the page showed: a step is bound to what was read
        raise HTTPException(400, "Het formulier noemt niet welke versie u zag; open de pagina "
                                 "opnieuw.")
    inhoud = await upload.read(MAXIMUM + 1)
    if len(inhoud) > MAXIMUM:  # a body larger than it said
        raise _te_groot()
    i, p = inst(request), profiel(request)
    # the file's own name, only to name it in messages
    naam = "".join(t for t in PurePath(upload.filename.replace("\\", "/")).name
                   if t.isprintable()) or "getekende pdf"
    try:
        resultaat = await run_in_threadpool(
            contracten.getekend_pdf, p, naam, inhoud=inhoud, door=wie, tijdstip=i.klok(),
            vertrouw=i.vertrouw, opmerking=str(formulier.get("opmerking", "")).strip() or None,
            namen={q: str(formulier.get(q, "")).strip() or None for q in PARTIJEN},
            functies={q: str(formulier.get(f"{q}-functie", "")).strip() or None
                      for q in PARTIJEN},
            uitvoer=i.uitvoer, paden=[pad], sha256=versie, database=i.database)
    except contracten.InvoerFout as fout:
        return toon(request, "geweigerd.html", status=400, regio=p,
                    stap=STAP_NAMEN["getekend"], fout=fout, uitzondering=[], uitzonderingen={})
    return toon(request, "getekend.html", regio=p, resultaat=resultaat,
                pdf=resultaat.pdf.relative_to(contracten.Indeling(i.uitvoer).regio(p.sleutel))
                .as_posix())
