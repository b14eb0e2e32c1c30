"""The template language: one sandboxed Jinja environment (StrictUndefined, autoescape) with our
filters and counters, the checks on a template's tags, and its errors in Dutch. The engine that
fills templates with it is `motor`; the lint uses the same engine."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from contracten import opmaak
from contracten.fouten import ContractenFout
from contracten.weergave.invulgrenzen import FILTER, GrensOverschreden, herhalingen

TELLERS = ("artikel", "lid")  # functions every template gets besides its context
TAG = re.compile(r"\{\{|\{%|%\}|\}\}")


class SjabloonFout(ContractenFout):
    """A template that cannot be rendered: names the template and what went wrong."""

    def __init__(self, sjabloon: str, bericht: str, code: str = "sjabloon_render") -> None:
        self.sjabloon, self.bericht, self.code = sjabloon, bericht, code
        super().__init__(f"Sjabloon {sjabloon}: {bericht}")

    def __reduce__(self) -> tuple[Any, ...]:  # picklable, so it can cross a process boundary
        return (type(self), (self.sjabloon, self.bericht, self.code))


_DICT_ATTRIBUTEN = frozenset(dir(dict))
GRENS_TEKST = 1_000_000  # characters a single expression may produce
GRENS_GETAL = 10**30


class _GeteldeLussen(CodeGenerator):
    """Compiles every `{% for x in y %}` as `{% for x in y|herhalingen %}` (see invulgrenzen):
    a loop is counted, the rest of the template costs nothing extra."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for lus in list(node.find_all(nodes.For)):
            lus.iter = nodes.Filter(lus.iter, FILTER, [], [], None, None, lineno=lus.lineno)
        super().visit_Template(node, frame)


class BegrensdeOmgeving(SandboxedEnvironment):
    """The sandbox, with a bound on what one expression may build: `'x' * 10**9` or
    `2 ** 10**8` in a template is refused instead of eating the machine; and on what one
    document may cost, loops counted (invulgrenzen)."""

    code_generator_class = _GeteldeLussen
    intercepted_binops = frozenset(["*", "**", "+"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise SecurityError("te grote macht in een sjabloonexpressie")
        if operator == "*" and isinstance(right, int) and isinstance(left, str | list | tuple) \
                and len(left) * right > GRENS_TEKST:
            raise SecurityError("sjabloonexpressie maakt een te lange tekst")
        if operator == "*" and isinstance(left, int) and isinstance(right, str | list | tuple) \
                and len(right) * left > GRENS_TEKST:
            raise SecurityError("sjabloonexpressie maakt een te lange tekst")
        uitkomst = super().call_binop(context, operator, left, right)
        if isinstance(uitkomst, str | list | tuple) and len(uitkomst) > GRENS_TEKST:
            raise SecurityError("sjabloonexpressie maakt een te lange tekst")
        if isinstance(uitkomst, int) and abs(uitkomst) > GRENS_GETAL:
            raise SecurityError("sjabloonexpressie maakt een te groot getal")
        return uitkomst

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`x.naam` on a context dict: Jinja tries the attribute first and only after an
        AttributeError the item. A key a dict has no attribute for goes straight to the item:
        the same value, without raising and catching (a contract reads thousands of them)."""
        if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTEN:
            return obj[attribute]
        return super().getattr(obj, attribute)


def omgeving() -> SandboxedEnvironment:
    env = BegrensdeOmgeving(undefined=StrictUndefined, autoescape=True)
    env.filters.update(bedrag=opmaak.bedrag, datum=opmaak.datum, getal=opmaak.getal,
                       procent=opmaak.procent)
    env.filters[FILTER] = herhalingen
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


# What can go wrong while filling a template; {{ prijspeil|bedrag }} or a style the template
# lacks raises an ordinary Python error, and that too is the template's doing.
VULFOUTEN = (TemplateError, LookupError, TypeError, ValueError, ArithmeticError,
             GrensOverschreden, RecursionError)


def sjabloonfout(naam: str, exc: Exception) -> SjabloonFout:
    """The user's message for an error while filling template `naam`."""
    if isinstance(exc, GrensOverschreden):
        return SjabloonFout(naam, exc.bericht, exc.code)
    if isinstance(exc, RecursionError):  # a macro that calls itself, a recursive loop
        return SjabloonFout(naam, "roept zichzelf zonder einde aan (een macro of een lus met "
                            "'recursive' die niet stopt)", "sjabloon_te_diep")
    if isinstance(exc, UndefinedError):
        return SjabloonFout(naam, f"{_ontbreekt(exc.message or '')}{_plek(exc)}")
    if isinstance(exc, SecurityError):
        return SjabloonFout(naam, f"onveilige bewerking geweigerd ({exc})")
    if isinstance(exc, TemplateSyntaxError):
        return SjabloonFout(naam, f"fout in een sjabloontag: {exc.message}{_plek(exc)}",
                            "sjabloon_syntax")
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


HEEL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")  # within one paragraph


def gebroken_tags(xml: str) -> list[str]:
    """Pieces of tags left in a template part after docxtpl's clean-up: a tag that Word split
    beyond repair (part bold, part not). Each with its text around it, tags stripped."""
    # The text a person sees in Word: runs joined, one line per paragraph.
    tekst = re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))
    rest = HEEL.sub(lambda m: " " * len(m.group(0)), tekst)  # whole tags are fine
    stukken = []
    for m in TAG.finditer(rest):
        begin = max(tekst.rfind("\n", 0, m.start()) + 1, m.start() - 30)
        einde = tekst.find("\n", m.end())
        stukken.append(tekst[begin:min(einde if einde >= 0 else len(tekst), m.end() + 30)])
    return [s.strip() for s in stukken]


def resterende_tags(docx: bytes) -> list[str]:
    """Template tags left in a rendered document's text (body, headers, footers)."""
    gevonden = []
    with zipfile.ZipFile(io.BytesIO(docx)) as bron:
        for naam in bron.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", naam):
                tekst = re.sub(r"<[^>]+>", "", bron.read(naam).decode("utf-8"))
                gevonden += [m.group(0) for m in TAG.finditer(tekst)]
    return gevonden
