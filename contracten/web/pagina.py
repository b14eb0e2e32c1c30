"""How a page is drawn: the HTML templates in paginas/ (Jinja, autoescaped, a missing value
an error), with what every page shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

import contracten
from contracten.web.beveiliging import aanmelden, csrf_token, gebruiker

MAP = Path(__file__).parent
PAGINAS = Environment(loader=FileSystemLoader(MAP / "paginas"), undefined=StrictUndefined,
                      autoescape=select_autoescape(default=True, default_for_string=True))
PAGINAS.filters.update(datum=contracten.als_datum, bedrag=contracten.als_bedrag,
                       tijdstip=contracten.als_tijdstip)


def toon(request: Request, sjabloon: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page: the template with what every page shows (who, the CSRF token)."""
    inhoud = PAGINAS.get_template(sjabloon).render(
        gebruiker=gebruiker(request), aanmelden=aanmelden(request),
        csrf=csrf_token(request), **context)
    return HTMLResponse(inhoud, status_code=status)
