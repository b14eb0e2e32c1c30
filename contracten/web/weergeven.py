"""The pages that show: regions, a region's contracts and documents, a document, its history,
the approval queue and the termijnenkalender. Each calls the Python API; a page reads no file
but through it, or a generated file inside the region's output folder."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

import contracten
from contracten import STAP_NAMEN, STAPPEN, markdown_als_html
from contracten.web import overzicht
from contracten.web.bestanden import gemaakt_bestand
from contracten.web.beveiliging import regionaam
from contracten.web.instellingen import Instellingen
from contracten.web.pagina import toon

BINNEN = (30, 90, 365)


def inst(request: Request) -> Instellingen:
    return request.app.state.instellingen  # type: ignore[no-any-return]


def profiel(request: Request) -> contracten.Profiel:
    return geladen(request, regionaam(request))


def geladen(request: Request, naam: str) -> contracten.Profiel:
    """A region's profile, read again only when one of its files changed."""
    map_ = inst(request).regios / naam
    kenmerk = tuple(sorted((str(p), staat.st_mtime_ns, staat.st_size)
                           for p in map_.rglob("*") if p.is_file()
                           for staat in (p.stat(),)))
    cache: dict[str, tuple[Any, contracten.Profiel]] = request.app.state.profielen
    gevonden = cache.get(naam)
    if gevonden is None or gevonden[0] != kenmerk:
        cache[naam] = gevonden = (kenmerk, contracten.laad_regio(inst(request).regios, naam))
    return gevonden[1]


def jaar(request: Request, regio: contracten.Profiel) -> int:
    """The prijspeil a page is about: ?jaar=, else the one in a document's path (an
    opzegging's has none: the newest follows it), else the newest (404 for one the region
    does not have)."""
    uit_pad = contracten.Indeling.prijspeil_in(request.query_params.get("pad", ""))
    tekst = request.query_params.get("jaar") or (uit_pad if uit_pad.isdigit() else "")
    if not tekst:
        return regio.laatste_prijspeil()
    if not tekst.isdigit() or int(tekst) not in regio.prijspeilen:
        raise HTTPException(404, "Onbekend prijspeil.")
    return int(tekst)


def stand(request: Request, regio: contracten.Profiel,
          paden: tuple[str, ...] = ()) -> contracten.StatusResultaat:
    i = inst(request)
    return contracten.status(regio, tijdstip=i.klok(), uitvoer=i.uitvoer, database=i.database,
                             prijspeil=jaar(request, regio), paden=paden, onthoud=True)


def regios(request: Request) -> HTMLResponse:
    namen = contracten.vind_regios(inst(request).regios)
    return toon(request, "regios.html", regios=[geladen(request, n) for n in namen])


def regio(request: Request) -> HTMLResponse:
    """Region → perceel → contracts, each with its documents by kind; 50 contracts a page."""
    p = profiel(request)
    s = stand(request, p)
    indeling = contracten.Indeling(inst(request).uitvoer)
    vergelijkbaar = sorted(j for j in p.prijspeilen
                           if indeling.is_uitvoermap(indeling.prijspeil(p.sleutel, j)))
    alle = overzicht.rijen(p, s)
    zoek = request.query_params.get("zoek", "").strip()[:200]
    gekozen = [c for c in sorted(s.contracten, key=lambda c: (c.perceelnummer,
                                                               c.naam.casefold()))
               if zoek.casefold() in c.naam.casefold()]
    deel = overzicht.pagina(gekozen, request.query_params.get("pagina", ""))
    percelen = {q.nummer: q for q in p.percelen}
    groepen: dict[int, list[tuple[Any, list[overzicht.Rij]]]] = {}
    for c in deel.items:
        groepen.setdefault(c.perceelnummer, []).append(
            (c, overzicht.van_contract(alle, c.aanbieder, c.perceelnummer)))
    return toon(request, "regio.html", regio=p, stand=s, keten=s.keten, stappen=STAP_NAMEN,
                vergelijkbaar=vergelijkbaar, jaar=jaar(request, p), zoek=zoek, deel=deel,
                groepen=[(percelen.get(n), g) for n, g in sorted(groepen.items())],
                eigen=[r for r in alle if r.aanbieder is None],
                taak=contracten.Taken(inst(request).database, klok=inst(request).klok)
                .van(p.sleutel))


def contract(request: Request) -> HTMLResponse:
    """One contract: its facts and its documents by kind, each with its status, its next
    step, who did what and when, and its warnings."""
    p = profiel(request)
    s = stand(request, p)
    aanbieder, perceel = (request.query_params.get(v, "") for v in ("aanbieder", "perceel"))
    gevonden = next((c for c in s.contracten if c.aanbieder == aanbieder
                     and str(c.perceelnummer) == (perceel or str(c.perceelnummer))), None)
    if gevonden is None:
        raise HTTPException(404, "Onbekend contract.")
    documenten = overzicht.van_contract(overzicht.rijen(p, s), gevonden.aanbieder,
                                        gevonden.perceelnummer)
    return toon(request, "contract.html", regio=p, contract=gevonden, documenten=documenten,
                meer=len(p.percelen) > 1, stappen=STAP_NAMEN, jaar=jaar(request, p),
                waarschuwingen={r.pad: overzicht.waarschuwingen(r.document.bestand)
                                for r in documenten})


def _document(request: Request) -> tuple[contracten.Profiel, overzicht.Rij]:
    p = profiel(request)
    pad = request.query_params.get("pad", "")
    gevonden = next((r for r in overzicht.rijen(p, stand(request, p, (pad,))) if r.pad == pad),
                    None)
    if gevonden is None:
        raise HTTPException(404, "Onbekend document.")
    return p, gevonden


def document(request: Request) -> HTMLResponse:
    """A document: its text (warnings red), the change against the version before it, and its
    next step with the version's short hash."""
    p, r = _document(request)
    d = r.document
    twin = d.bestand.with_suffix(".md")
    inhoud = overzicht.rood(markdown_als_html(twin.read_text(encoding="utf-8"))) \
        if twin.is_file() and not twin.is_symlink() else ""
    try:  # a pdf only when contracten made it (the link would be refused otherwise)
        pdf = bool(gemaakt_bestand(inst(request).uitvoer, p.sleutel,
                                   f"{d.stand.pad.split('/', 1)[1][:-5]}.pdf",
                                   request.app.state.manifesten, lambda *_: False))
    except HTTPException:
        pdf = False
    return toon(request, "document.html", regio=p, document=d, rij=r, inhoud=inhoud,
                pdf=pdf, stappen=STAP_NAMEN, jaar=jaar(request, p),
                vorige=overzicht.vorige(inst(request).uitvoer, p, d.stand.pad),
                waarschuwingen=overzicht.waarschuwingen(d.bestand))


def bestand(request: Request) -> Response:
    """A file contracten made (`bestanden`): listed in its folder's manifest, or a signed PDF
    the register recorded."""
    naam = regionaam(request)
    i = inst(request)

    def getekend(document: str, pdf: str) -> bool:
        regio = geladen(request, naam)
        peil = contracten.Indeling.prijspeil_in(document)
        jaar = int(peil) if peil.isdigit() and int(peil) in regio.prijspeilen else None
        stand_ = contracten.status(regio, tijdstip=i.klok(), uitvoer=i.uitvoer,
                                   database=i.database, prijspeil=jaar, paden=[document])
        return any(h.pad == pdf for d in stand_.documenten for s in d.stand.geschiedenis
                   for h in s.handtekeningen)

    gevonden = gemaakt_bestand(i.uitvoer, naam, request.query_params.get("pad", ""),
                               request.app.state.manifesten, getekend)
    return FileResponse(gevonden, filename=gevonden.name,
                        content_disposition_type="inline" if gevonden.suffix in (".pdf",)
                        else "attachment")


def geschiedenis(request: Request) -> HTMLResponse:
    p, r = _document(request)
    return toon(request, "geschiedenis.html", regio=p, document=r.document, rij=r,
                stappen=STAP_NAMEN)


def goedkeuring(request: Request) -> HTMLResponse:
    """The approval queue: filtered by status, kind, perceel and aanbieder or searched by
    name, 50 a page; choose several to take their next step together."""
    p = profiel(request)
    s = stand(request, p)
    keuze = overzicht.Keuze.uit(request.query_params)
    alle = overzicht.rijen(p, s)
    deel = overzicht.pagina([r for r in alle if keuze.past(r)],
                            request.query_params.get("pagina", ""))
    return toon(request, "goedkeuring.html", regio=p, deel=deel, keuze=keuze, keten=s.keten,
                stappen=STAP_NAMEN, statussen=STAPPEN,
                soorten=sorted({r.document.stand.soort: r.soort for r in alle}.items(),
                               key=lambda x: x[1]),
                aanbieders=sorted(((c.aanbieder, c.naam) for c in {
                    c.aanbieder: c for c in s.contracten}.values()), key=lambda x: x[1]),
                alles=request.query_params.get("kies") == "alle", jaar=jaar(request, p),
                waarschuwingen={r.pad: overzicht.waarschuwingen(r.document.bestand)
                                for r in deel.items})


def _binnen(request: Request) -> int:
    waarde = request.query_params.get("binnen", "90")
    if not waarde.isdigit() or int(waarde) not in BINNEN:
        raise HTTPException(404, "Kies 30, 90 of 365 dagen.")
    return int(waarde)


def _agenda(request: Request, kalender: bool = False) -> contracten.Agenda:
    i = inst(request)
    return contracten.agenda(profiel(request), vanaf=contracten.dag_van(i.klok()),
                             binnen=_binnen(request), kalender=kalender,
                             tijdstip=i.klok(), uitvoer=i.uitvoer, database=i.database)


def agenda(request: Request) -> HTMLResponse:
    return toon(request, "agenda.html", regio=profiel(request), agenda=_agenda(request),
                binnen=_binnen(request), keuzes=BINNEN)


def agenda_ics(request: Request) -> Response:
    uitkomst = _agenda(request, kalender=True)
    return Response(uitkomst.kalender,
                    media_type="text/calendar; charset=utf-8",
                    headers={"content-disposition":
                             f'attachment; filename="termijnen-{uitkomst.regio}.ics"'})
