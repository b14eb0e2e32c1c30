"""The one place that knows docxtpl's inside: the passes of its render the engine runs itself.

docxtpl documents `DocxTemplate.render` and `save`; the engine instead prepares a template once
and fills it many times, so it calls the steps of that render one by one: the tag clean-up
(`patch_xml`), the line trick around paragraphs for `{%p %}` tags and its undoing, the listing
pass (`resolve_listing`: line breaks, tabs, page breaks), the grid fit of tables
(`fix_tables`) and the renumbering of drawings (`fix_docpr_ids`). None of these is public API,
so they live here and nowhere else; `tests/test_docxtpl_passen.py` checks that the installed
docxtpl still does what this module expects (its result equals docxtpl's own render), and
`Passen` refuses a docxtpl without them with a message that says what to install.
"""

from __future__ import annotations

import io
import re
from typing import Any

import docxtpl
from docxtpl import DocxTemplate

from contracten.fouten import ContractenFout

ONDERSTEUND = ">=0.20,<0.21"  # as in pyproject.toml; raise both only when the test passes
NODIG = ("patch_xml", "resolve_listing", "fix_tables", "fix_docpr_ids")

# What resolve_listing rewrites.
LISTING = re.compile(r"[\n\t\a\f]")
# docxtpl's literal tags in a template's text, and the Jinja that writes what they stand for.
_LETTERLIJK = re.compile(r"\{_\{|\}_\}|\{_%|%_\}")
_ALS_TEKST = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}


class DocxtplOngeschikt(ContractenFout):
    """The installed docxtpl lacks a pass the engine runs."""

    code = "docxtpl_ongeschikt"


def controleer() -> None:
    """Refuse, in Dutch and with what to install, a docxtpl without the passes used here."""
    ontbreekt = [naam for naam in NODIG if not callable(getattr(DocxTemplate, naam, None))]
    if ontbreekt:
        versie = getattr(docxtpl, "__version__", "onbekend")
        raise DocxtplOngeschikt(
            f"docxtpl {versie} past niet bij deze versie van contracten: "
            f"{', '.join(ontbreekt)} ontbreekt. Installeer een versie die werkt: "
            f"pip install 'docxtpl{ONDERSTEUND}'.")


class Passen:
    """docxtpl's passes for one template (read from its bytes, so an unreadable file fails
    here, as docxtpl's own render would)."""

    def __init__(self, docx: bytes) -> None:
        controleer()
        self._tpl = DocxTemplate(io.BytesIO(docx))
        self._tpl.init_docx()

    @property
    def document(self) -> Any:
        """The template as python-docx read it (none of the passes uses it: the engine's
        scratch document for fragments, so the file is read once)."""
        return self._tpl.docx

    def voorbereid(self, xml: str) -> str:
        """A template part ready to compile: tags split over runs joined, a line before every
        paragraph (the trick its `{%p %}` tags rely on), and docxtpl's way of writing a
        literal tag in a template (`{_{`, `}_}`, `{_%`, `%_}`) made a Jinja text that gives
        `{{`, `}}`, `{%` or `%}`. docxtpl undoes that way after filling in, so it changed a
        filled-in value too (an aanbieder named "Zorg {_{ x }_}" came out as "Zorg {{ x }}");
        here only the template's own text is read that way."""
        xml = _LETTERLIJK.sub(lambda m: _ALS_TEKST[m[0]], self._tpl.patch_xml(xml))
        return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)

    def nabewerkt(self, xml: str) -> str:
        """A filled part as docxtpl leaves it: its tricks undone, line breaks and tabs made
        Word's."""
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        if not LISTING.search(xml):  # nothing to turn into breaks or tabs: skip the pass
            return xml
        return str(self._tpl.resolve_listing(xml))

    def tabellen_passend(self, xml: str) -> Any:
        """The body (parsed) with each table's grid fitted to its widest row, after a column
        loop ({%tc %}) added or removed cells."""
        return self._tpl.fix_tables(xml)

    def tekeningen_genummerd(self, body: Any) -> None:
        """Number the drawings (wp:docPr ids) from 1001, so no two collide."""
        self._tpl.docx_ids_index = 1000
        self._tpl.fix_docpr_ids(body)
