"""Render a Word template with a document context: sandboxed Jinja with StrictUndefined and
autoescape, Fragments turned into Word content, byte-identical output for identical input."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from contracten import opmaak
from contracten.fouten import ContractenFout
from contracten.weergave.fragment import Fragment
from contracten.weergave.word import vul
from contracten.weergave.zipschrijver import vaste_zip

TELLERS = ("artikel", "lid")  # functions every template gets besides its context
TAG = re.compile(r"\{\{|\{%|%\}|\}\}")


class SjabloonFout(ContractenFout):
    """A template that cannot be rendered: names the template and what went wrong."""

    def __init__(self, sjabloon: str, bericht: str) -> None:
        self.sjabloon, self.bericht = sjabloon, bericht
        super().__init__(f"Sjabloon {sjabloon}: {bericht}")

    def __reduce__(self) -> tuple:  # picklable, so it can cross a process boundary
        return (type(self), (self.sjabloon, self.bericht))


def omgeving() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters.update(bedrag=opmaak.bedrag, datum=opmaak.datum, getal=opmaak.getal,
                       procent=opmaak.procent)
    return env


OMGEVING = omgeving()


class ArtikelTeller:
    """`{{ artikel('Titel') }}` gives 'Artikel 1 Titel', 'Artikel 2 …' in document order;
    `{{ lid() }}` numbers the clauses within the current article: '1.', '2.', …"""

    def __init__(self) -> None:
        self.nummer = 0
        self.leden = 0

    def __call__(self, titel: str) -> str:
        self.nummer += 1
        self.leden = 0
        return f"Artikel {self.nummer} {titel}"

    def lid(self) -> str:
        self.leden += 1
        return f"{self.leden}."


def render(sjabloon: Path, context: dict[str, Any], *, titel: str, tijdstip: dt.datetime,
           naam: str | None = None) -> bytes:
    """Render `sjabloon` with `context`; returns the .docx bytes. Raises SjabloonFout."""
    naam = naam or f"sjablonen/{sjabloon.name}"
    try:
        tpl = DocxTemplate(sjabloon)
        tpl.init_docx()
    except Exception as exc:  # a file that is no Word document at all
        raise SjabloonFout(naam, f"geen leesbaar Word-bestand ({exc})") from exc
    try:
        inhoud = {sleutel: _als_word(tpl, waarde) for sleutel, waarde in context.items()}
        teller = ArtikelTeller()
        inhoud["artikel"], inhoud["lid"] = teller, teller.lid
        tpl.render(inhoud, jinja_env=OMGEVING)
    except VULFOUTEN as exc:
        raise sjabloonfout(naam, exc) from exc
    eigenschappen = tpl.docx.core_properties
    eigenschappen.title = titel
    eigenschappen.author = eigenschappen.last_modified_by = "contracten"
    eigenschappen.created = eigenschappen.modified = tijdstip
    eigenschappen.last_printed = tijdstip
    eigenschappen.revision = 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return vaste_zip(buffer.getvalue())


def _als_word(tpl: DocxTemplate, waarde: Any) -> Any:
    if isinstance(waarde, Fragment):
        subdoc = tpl.new_subdoc()
        vul(subdoc, waarde)
        return subdoc
    if isinstance(waarde, dict):
        return {k: _als_word(tpl, v) for k, v in waarde.items()}
    return waarde


# What can go wrong while filling a template; {{ prijspeil|bedrag }} or a style the template
# lacks raises an ordinary Python error, and that too is the template's doing.
VULFOUTEN = (TemplateError, LookupError, TypeError, ValueError, ArithmeticError)


def sjabloonfout(naam: str, exc: Exception) -> SjabloonFout:
    """The user's message for an error while filling template `naam`."""
    if isinstance(exc, UndefinedError):
        return SjabloonFout(naam, f"{_ontbreekt(exc.message or '')}{_plek(exc)}")
    if isinstance(exc, SecurityError):
        return SjabloonFout(naam, f"onveilige bewerking geweigerd ({exc})")
    if isinstance(exc, TemplateSyntaxError):
        return SjabloonFout(naam, f"fout in een sjabloontag: {exc.message}{_plek(exc)}")
    if isinstance(exc, TemplateError):
        return SjabloonFout(naam, f"{exc}{_plek(exc)}")
    return SjabloonFout(naam, f"kan niet worden gevuld: {exc}")


def _ontbreekt(bericht: str) -> str:
    veld = re.search(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']+)'", bericht)
    if veld:
        waarin = "" if veld.group(1) == "dict" else f" in {veld.group(1)}"
        return f"veld '{veld.group(2)}' bestaat niet{waarin}"
    variabele = re.search(r"'([^']+)' is undefined", bericht)
    if variabele:
        return f"variabele '{variabele.group(1)}' bestaat niet in deze documentsoort"
    return bericht


def _plek(exc: Exception) -> str:
    regels = [r.strip() for r in getattr(exc, "docx_context", []) if r.strip()]
    tags = [r for r in regels if TAG.search(r)]
    return f" (bij: {tags[0][:80]})" if tags else ""


def resterende_tags(docx: bytes) -> list[str]:
    """Template tags left in a rendered document's text (body, headers, footers)."""
    gevonden = []
    with zipfile.ZipFile(io.BytesIO(docx)) as bron:
        for naam in bron.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", naam):
                tekst = re.sub(r"<[^>]+>", "", bron.read(naam).decode("utf-8"))
                gevonden += [m.group(0) for m in TAG.finditer(tekst)]
    return gevonden
