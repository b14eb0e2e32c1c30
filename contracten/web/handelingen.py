"""What changes something: approving a document, comparing two versions (regenerating a
region: `taken`; signing in and out: `aanmelden`). Every one a POST with the session's CSRF
token."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import contracten
from contracten import STAP_NAMEN, STAPPEN, bevat_bsn, markdown_als_html
from contracten.web import bevestigen
from contracten.web.beveiliging import controleer_formulier, gebruiker, regionaam
from contracten.web.pagina import toon
from contracten.web.weergeven import inst, profiel

# Refusals of `definitief` that the command line lets a person override on purpose. The web
# does not: what is marked definitief here can be signed.
UITZONDERINGEN = {"samenvatting_niet_definitief": "--ook-samenvattingen",
                  "voorbeeld_niet_definitief": "--ook-voorbeelden"}


def _ondertekeningen(formulier: Mapping[str, object], stap: str) -> list[contracten.Ondertekening]:
    """Of a step 'getekend': who signed for each party, as the form gives it (the checks are
    those of the command line)."""
    if stap != "getekend":
        return []
    uit = []
    for partij in ("opdrachtgever", "opdrachtnemer"):
        try:
            datum = contracten.lees_datum(str(formulier.get(f"{partij}-datum", "")))
        except ValueError:
            raise HTTPException(400, f"Geef de dag waarop voor de {partij} is getekend "
                                     "(JJJJ-MM-DD).") from None
        uit.append(contracten.Ondertekening(partij, str(formulier.get(partij, "")),
                                            str(formulier.get(f"{partij}-functie", "")),
                                            datum))
    return uit


async def stap(request: Request) -> Response:
    formulier = await controleer_formulier(request, velden=bevestigen.VELDEN)
    naam = regionaam(request)
    wie = gebruiker(request)
    if not wie:
        raise HTTPException(403, "Er is geen naam om vast te leggen: start contracten web met "
                                 "--door NAAM (of log in).")
    gekozen = str(formulier.get("stap", ""))
    if gekozen not in STAPPEN[1:]:
        raise HTTPException(400, "Onbekende stap.")
    opmerking = str(formulier.get("opmerking", "")).strip() or None
    if opmerking and bevat_bsn(opmerking):
        raise HTTPException(400, "De opmerking bevat een BSN; gebruik geen persoonsgegevens.")
    # each document with the version the page showed: a step is bound to what was read
    gezien = dict(bevestigen.gekozen(await request.form()))
    i = inst(request)
    p = profiel(request)
    tijdstip = i.klok()
    try:
        if gekozen == "definitief":  # the files too, with the checks of the command line
            await run_in_threadpool(contracten.markeer_definitief, p,
                                    datum=contracten.dag_van(tijdstip),
                                    uitvoer=i.uitvoer, paden=list(gezien), door=wie,
                                    tijdstip=tijdstip, opmerking=opmerking,
                                    database=i.database, sha256=gezien)
        else:
            await run_in_threadpool(contracten.zet_stap, p, gekozen, door=wie, tijdstip=tijdstip,
                                    opmerking=opmerking, uitvoer=i.uitvoer, paden=list(gezien),
                                    database=i.database, sha256=gezien,
                                    ondertekeningen=_ondertekeningen(formulier, gekozen))
    except contracten.InvoerFout as fout:
        return toon(request, "geweigerd.html", status=400, regio=p, stap=STAP_NAMEN[gekozen],
                    fout=fout, uitzondering=sorted({m.code for m in fout.meldingen}
                                                   & set(UITZONDERINGEN)),
                    uitzonderingen=UITZONDERINGEN)
    return RedirectResponse(bevestigen.adres(naam, gekozen, list(gezien)), status_code=303)


async def vergelijk(request: Request) -> Response:
    """GET: the comparison of two prijspeilen, when it was made; POST: make it."""
    naam = regionaam(request)
    bron = request.query_params if request.method == "GET" else await controleer_formulier(
        request)
    oud, nieuw = str(bron.get("oud", "")), str(bron.get("nieuw", ""))
    p = profiel(request)
    jaren = {str(j) for j in p.prijspeilen}
    if oud not in jaren or nieuw not in jaren or oud == nieuw:
        raise HTTPException(404, "Kies twee verschillende prijspeilen van deze regio.")
    i = inst(request)
    indeling = contracten.Indeling(i.uitvoer)
    map_ = indeling.regio(naam)  # the links of this page are relative to it
    van, naar = indeling.prijspeil(naam, int(oud)), indeling.prijspeil(naam, int(nieuw))
    if request.method == "POST":
        await run_in_threadpool(contracten.vergelijk, van, naar, datum=contracten.dag_van(i.klok()))
        return RedirectResponse(f"/regio/{naam}/vergelijk?oud={oud}&nieuw={nieuw}",
                                status_code=303)
    rapport = indeling.vergelijking(van, naar)  # where `vergelijk` puts it by default
    plek = rapport.relative_to(map_).as_posix()  # only what `vergelijk` made and listed
    redlines = sorted(f"{plek}/{r}" for r in request.app.state.manifesten.van(rapport)
                      if r.endswith(".docx"))
    verslag = rapport / "rapport.md"
    return toon(request, "vergelijk.html", regio=p, oud=oud, nieuw=nieuw,
                gemaakt=verslag.is_file(),
                rapport=(rapport / "rapport.html").relative_to(map_).as_posix()
                if verslag.is_file() else "",
                redlines=redlines,
                inhoud=markdown_als_html(verslag.read_text(encoding="utf-8"))
                if verslag.is_file() else "")
