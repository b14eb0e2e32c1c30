"""The pages that show: regions, a region's contracts and documents, a document, its history,
the approval queue and the termijnenkalender. Each calls the Python API; a page reads no file
but through it, or a generated file inside the region's output folder."""

from __future__ import annotations

from typing import Any

import markdown
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

import contracten
from contracten import STAP_NAMEN, STAPPEN, als_ics, veilig_html
from contracten.web.beveiliging import regionaam, veilig_bestand
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
    """The prijspeil a page is about: ?jaar=, else the one in a document's path, else the
    newest (404 for one the region does not have)."""
    tekst = request.query_params.get("jaar") or contracten.Indeling.prijspeil_in(
        request.query_params.get("pad", ""))
    if not tekst:
        return regio.laatste_prijspeil()
    if not tekst.isdigit() or int(tekst) not in regio.prijspeilen:
        raise HTTPException(404, "Onbekend prijspeil.")
    return int(tekst)


def stand(request: Request, regio: contracten.Profiel,
          paden: tuple[str, ...] = ()) -> contracten.StatusResultaat:
    i = inst(request)
    return contracten.status(regio, tijdstip=i.klok(), uitvoer=i.uitvoer, database=i.database,
                             prijspeil=jaar(request, regio), paden=paden)


def regios(request: Request) -> HTMLResponse:
    namen = contracten.vind_regios(inst(request).regios)
    return toon(request, "regios.html", regios=[geladen(request, n) for n in namen])


def regio(request: Request) -> HTMLResponse:
    p = profiel(request)
    s = stand(request, p)
    indeling = contracten.Indeling(inst(request).uitvoer)
    vergelijkbaar = sorted(j for j in p.prijspeilen
                           if indeling.is_uitvoermap(indeling.prijspeil(p.sleutel, j)))
    return toon(request, "regio.html", regio=p, stand=s, stappen=STAP_NAMEN,
                vergelijkbaar=vergelijkbaar, jaar=jaar(request, p),
                taak=request.app.state.taken.van(p.sleutel))


def _document(request: Request) -> tuple[contracten.Profiel, contracten.DocumentStatus]:
    p = profiel(request)
    pad = request.query_params.get("pad", "")
    gevonden = next((d for d in stand(request, p, (pad,)).documenten if d.stand.pad == pad),
                    None)
    if gevonden is None:
        raise HTTPException(404, "Onbekend document.")
    return p, gevonden


def document(request: Request) -> HTMLResponse:
    p, d = _document(request)
    twin = d.bestand.with_suffix(".md")
    inhoud = veilig_html(markdown.markdown(twin.read_text(encoding="utf-8"),
                                           extensions=["tables", "sane_lists"])) \
        if twin.is_file() and not twin.is_symlink() else ""
    pdf = d.bestand.with_suffix(".pdf")
    return toon(request, "document.html", regio=p, document=d, inhoud=inhoud,
                pdf=pdf.is_file(), stappen=STAP_NAMEN)


def bestand(request: Request) -> Response:
    naam = regionaam(request)
    gevonden = veilig_bestand(contracten.Indeling(inst(request).uitvoer).regio(naam),
                              request.query_params.get("pad", ""))
    return FileResponse(gevonden, filename=gevonden.name,
                        content_disposition_type="inline" if gevonden.suffix in (".pdf",)
                        else "attachment")


def geschiedenis(request: Request) -> HTMLResponse:
    p, d = _document(request)
    return toon(request, "geschiedenis.html", regio=p, document=d, stappen=STAP_NAMEN)


def goedkeuring(request: Request) -> HTMLResponse:
    p = profiel(request)
    wachtend = [d for d in stand(request, p).documenten if d.status != STAPPEN[-1]]
    volgende = {s: STAPPEN[i + 1] for i, s in enumerate(STAPPEN[:-1])}
    return toon(request, "goedkeuring.html", regio=p, documenten=wachtend, volgende=volgende,
                stappen=STAP_NAMEN)


def _binnen(request: Request) -> int:
    waarde = request.query_params.get("binnen", "90")
    if not waarde.isdigit() or int(waarde) not in BINNEN:
        raise HTTPException(404, "Kies 30, 90 of 365 dagen.")
    return int(waarde)


def _agenda(request: Request) -> contracten.Agenda:
    i = inst(request)
    return contracten.agenda(profiel(request), vanaf=contracten.dag_van(i.klok()),
                             binnen=_binnen(request),
                             tijdstip=i.klok(), uitvoer=i.uitvoer, database=i.database)


def agenda(request: Request) -> HTMLResponse:
    return toon(request, "agenda.html", regio=profiel(request), agenda=_agenda(request),
                binnen=_binnen(request), keuzes=BINNEN)


def agenda_ics(request: Request) -> Response:
    uitkomst = _agenda(request)
    naam = f"Termijnen {uitkomst.regio}"
    return Response(als_ics(naam, uitkomst.termijnen, tijdstip=inst(request).klok()),
                    media_type="text/calendar; charset=utf-8",
                    headers={"content-disposition":
                             f'attachment; filename="termijnen-{uitkomst.regio}.ics"'})
