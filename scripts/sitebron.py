"""What the documentation site generates from the code, so nothing is typed twice: the fields of
every profile file (from the pydantic models), the message codes (from the sources), the Python
API (from `contracten.__all__`) and the template variables of every document kind (from the
kinds). `scripts/sitehaken.py` puts them into the pages while MkDocs builds; the tests
(tests/test_documentatie.py) use the same functions to check that the docs are complete."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@dataclasses.dataclass(frozen=True)
class Veld:
    """One field of a profile file: its path from the file's root (list items without an index,
    also the anchor on the site), its type as the code writes it, and what the file may omit."""

    pad: str
    type: str
    verplicht: bool
    standaard: str
    voorbeeld: bool  # the model beside it has a `voorbeeld`: it can be marked as an example


def profielbestanden() -> dict[str, tuple[str, type[Any]]]:
    """Each profile file: its page (regio-beheer/<pagina>/) and its model."""
    from contracten.profiel.brieven import Brieven
    from contracten.profiel.laden import BESTANDEN
    from contracten.profiel.overeenkomst import OvereenkomstKeuzes
    from contracten.profiel.tarieven import Prijspeil

    uit = {naam: (naam.removesuffix(".yaml"), model) for naam, model in BESTANDEN.items()}
    uit["tarieven/<jaar>.yaml"] = ("tarieven", Prijspeil)
    uit["overeenkomst.yaml"] = ("overeenkomst", OvereenkomstKeuzes)
    uit["brieven.yaml"] = ("brieven", Brieven)
    return uit


def _velden_van(model: type[Any]) -> dict[str, FieldInfo]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return dict(model.model_fields)
    return dict(getattr(model, "__pydantic_fields__", {}))


def _annotatie(model: type[Any], naam: str) -> str:
    """The field's type as its source writes it (`Tekst | None`, not the expanded Annotated)."""
    for klasse in model.__mro__:
        tekst = inspect.get_annotations(klasse).get(naam)
        if tekst is not None:
            return tekst if isinstance(tekst, str) else getattr(tekst, "__name__", str(tekst))
    return "?"


def _modellen_in(annotatie: Any) -> Iterator[type[Any]]:
    """The models a field's type holds (in a list, a dict's values, an optional)."""
    if isinstance(annotatie, type) and _velden_van(annotatie):
        yield annotatie
        return
    for deel in typing.get_args(annotatie):
        if not isinstance(deel, FieldInfo):
            yield from _modellen_in(deel)


def _standaard(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    waarde = info.get_default(call_default_factory=True)
    if dataclasses.is_dataclass(waarde) or isinstance(waarde, BaseModel):
        return "(de standaardwaarden hieronder)"
    if waarde is None:
        return "leeg"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, list | dict | tuple) and not waarde:
        return "[]" if isinstance(waarde, list | tuple) else "{}"
    return repr(waarde) if not isinstance(waarde, str) else f'"{waarde}"'


def velden(model: type[Any], voorvoegsel: str = "") -> list[Veld]:
    """Every field of `model` and of the models inside it, depth first, in source order."""
    uit: list[Veld] = []
    eigen = _velden_van(model)
    met_voorbeeld = "voorbeeld" in eigen
    for naam, info in eigen.items():
        pad = f"{voorvoegsel}{naam}"
        uit.append(Veld(pad, _annotatie(model, naam), info.is_required(), _standaard(info),
                        met_voorbeeld and naam != "voorbeeld"))
        for binnen in dict.fromkeys(_modellen_in(info.annotation)):
            uit += velden(binnen, f"{pad}.")
    return uit


def alle_velden() -> dict[str, list[Veld]]:
    return {bestand: velden(model) for bestand, (_, model) in profielbestanden().items()}


def lees_beschrijvingen() -> dict[str, dict[str, str]]:
    """The Dutch meaning of every field, per file: docs/regio-beheer/velden.yml."""
    import yaml

    tekst = (DOCS / "regio-beheer" / "velden.yml").read_text(encoding="utf-8")
    return {bestand: dict(v or {}) for bestand, v in yaml.safe_load(tekst).items()}


_ANNOTATED = re.compile(r"Annotated\[([\w\[\], |]+?), Field\(([^()]*)\)\]")


def _type(tekst: str) -> str:
    """A field's type for people: `Annotated[str, Field(pattern=…)]` as `str (pattern=…)`."""
    vorige = None
    while vorige != tekst:
        vorige, tekst = tekst, _ANNOTATED.sub(r"\1 (\2)", tekst)
    return tekst.replace("\\\\", "\\")  # the source's repr doubled each backslash


def _cel(tekst: str) -> str:
    return tekst.replace("|", "\\|").replace("\n", " ")


def veldentabel(bestand: str) -> str:
    """The page section of one profile file: a heading per top-level field, and per field an
    anchor (its path), its type, whether it is required or else its default, whether it can be
    marked as an example value, and its meaning (a definition list: long meanings stay
    readable)."""
    beschrijving = lees_beschrijvingen().get(bestand, {})
    delen: list[str] = []
    for veld in velden(profielbestanden()[bestand][1]):
        if "." not in veld.pad:
            delen.append(f"## `{veld.pad}` {{ #{veld.pad} }}\n")
        eigenschappen = [f"`{_type(veld.type)}`",
                         "verplicht" if veld.verplicht else f"standaard {veld.standaard}"]
        if veld.voorbeeld:
            eigenschappen.append("kan een voorbeeldwaarde zijn")
        tekst = f"*{' · '.join(eigenschappen)}.* {beschrijving.get(veld.pad, '')}\n"
        delen.append(tekst if "." not in veld.pad  # the heading names it
                     else f'<a id="{veld.pad}"></a>`{veld.pad}`\n:   {tekst}')
    return "\n".join(delen)


# --- the message codes --------------------------------------------------------------------

_CODE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
# Where a call carries its code: Melding's fifth field, PydanticCustomError's first argument.
_VASTE_PLAATSEN = {"Melding": 4, "PydanticCustomError": 0}


@dataclasses.dataclass
class Code:
    """A stable code and where the sources give it, with the message beside it (as written)."""

    code: str
    modules: set[str] = dataclasses.field(default_factory=set)
    berichten: list[str] = dataclasses.field(default_factory=list)


def _tekst(knoop: ast.expr | None) -> str | None:
    """A message as the source writes it: a literal, or an f-string with its {placeholders}."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return knoop.value
    if isinstance(knoop, ast.JoinedStr):
        return "".join(d.value if isinstance(d, ast.Constant) else "{…}" for d in knoop.values
                       if isinstance(d, ast.Constant | ast.FormattedValue))
    if isinstance(knoop, ast.BinOp) and isinstance(knoop.op, ast.Add):
        links, rechts = _tekst(knoop.left), _tekst(knoop.right)
        return None if links is None or rechts is None else links + rechts
    return None


def meldingcodes(pakket: Path = ROOT / "contracten") -> dict[str, Code]:
    """Every stable code in the sources: each string passed to a parameter named `code` (of a
    function, a class or Melding, positionally or by name) or assigned to `code`, the first
    argument of a PydanticCustomError, the last item of a tuple (…, message, code), the `code`
    of each error class, and pydantic's own codes that contracten translates
    (lezen/meldingen.py)."""
    bomen = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(pakket.rglob("*.py"))}
    plaatsen: dict[str, set[int]] = {n: {i} for n, i in _VASTE_PLAATSEN.items()}
    berichtplaats = {"Melding": 3, "PydanticCustomError": 1}  # where the message is
    constanten: dict[str, str] = {}
    for boom in bomen.values():
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.FunctionDef):
                namen = [a.arg for a in knoop.args.args]
                if "code" in namen:
                    naam = knoop.name
                    if naam == "__init__":  # the class that holds it
                        naam = next((k.name for k in ast.walk(boom) if isinstance(k, ast.ClassDef)
                                     and knoop in k.body), naam)
                    eerste = 1 if namen[0] in ("self", "cls") else 0
                    plaatsen.setdefault(naam, set()).add(namen.index("code") - eerste)
                    if "bericht" in namen:
                        berichtplaats[naam] = namen.index("bericht") - eerste
        for knoop in boom.body:
            if (isinstance(knoop, ast.Assign) and isinstance(knoop.value, ast.Constant)
                    and isinstance(knoop.value.value, str)):
                for doel in knoop.targets:
                    if isinstance(doel, ast.Name):
                        constanten[doel.id] = knoop.value.value
    codes: dict[str, Code] = {}

    def neem(waarde: ast.expr | None, module: str, bericht: ast.expr | None = None) -> None:
        tekst = (waarde.value if isinstance(waarde, ast.Constant) else
                 constanten.get(waarde.id) if isinstance(waarde, ast.Name) else None)
        if isinstance(tekst, str) and _CODE.match(tekst):
            code = codes.setdefault(tekst, Code(tekst))
            code.modules.add(module)
            zin = _tekst(bericht)
            if zin and zin not in code.berichten:
                code.berichten.append(zin)

    for pad, boom in bomen.items():
        module = ".".join(pad.relative_to(pakket.parent).with_suffix("").parts)
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Call):
                f = knoop.func
                naam = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) \
                    else ""
                bericht = next((k.value for k in knoop.keywords if k.arg == "bericht"), None)
                if berichtplaats.get(naam, len(knoop.args)) < len(knoop.args):
                    bericht = knoop.args[berichtplaats[naam]]
                for plek in plaatsen.get(naam, ()):
                    if plek < len(knoop.args):
                        neem(knoop.args[plek], module, bericht)
                for k in knoop.keywords:
                    if k.arg == "code" and naam in plaatsen:
                        neem(k.value, module, bericht)
            elif isinstance(knoop, ast.Tuple) and len(knoop.elts) >= 2:
                # (…, message, code): how the checks hand their problems on
                if len((_tekst(knoop.elts[-2]) or "").split()) >= 4:  # a message, not a label
                    neem(knoop.elts[-1], module, knoop.elts[-2])
            elif (isinstance(knoop, ast.Assign) and len(knoop.targets) == 1
                  and isinstance(knoop.targets[0], ast.Name) and knoop.targets[0].id == "code"):
                neem(knoop.value, module)
            elif isinstance(knoop, ast.ClassDef):
                for regel in knoop.body:
                    if (isinstance(regel, ast.Assign) and len(regel.targets) == 1
                            and isinstance(regel.targets[0], ast.Name)
                            and regel.targets[0].id == "code"):
                        neem(regel.value, module)
    from contracten.lezen.meldingen import _BERICHTEN

    for code, bericht in _BERICHTEN.items():
        neem(ast.Constant(code), "pydantic (contracten.lezen.meldingen)", ast.Constant(bericht))
    return dict(sorted(codes.items()))


def codetabel() -> str:
    """Per code an anchor (the code itself), the messages as the sources write them, and the
    modules that give it."""
    delen = []
    for code in meldingcodes().values():
        berichten = [f"“{_cel(b)}”" for b in code.berichten[:4]] or ["(de melding wisselt)"]
        waar = ", ".join(f"`{m}`" for m in sorted(code.modules))
        delen.append(f'<a id="{code.code}"></a>`{code.code}`\n:   '
                     + "<br>".join(berichten) + f"<br>*{waar}*\n")
    return "\n".join(delen)


# --- the template variables ----------------------------------------------------------------

def sjabloonvariabelen(regios: Path = ROOT / "regios") -> dict[str, list[str]]:
    """Per document kind, the variables its template may use: what the kind itself puts in the
    context of a sample of each example region (the same samples `valideer` fills the templates
    with), plus the counters; those every kind has are under 'alle'."""
    import datetime as dt

    from contracten import laad_regio
    from contracten.opdrachten.valideer import proefprofiel
    from contracten.profiel.laden import vind_regios
    from contracten.soorten.register import soorten
    from contracten.weergave.sjabloon import TELLERS

    per_soort: dict[str, set[str]] = {}
    for naam in vind_regios(regios):
        profiel = laad_regio(regios, naam)
        for soortnaam, soort in soorten().items():
            proef_en_jaar = proefprofiel(profiel, soort)
            if proef_en_jaar is None:
                continue
            proef, jaar = proef_en_jaar
            contract, uitvoering = soort.proeven(proef, jaar, "x", dt.date(2026, 1, 1))[0]
            per_soort.setdefault(soortnaam, set(TELLERS)).update(
                soort.context_van(proef, jaar, contract, uitvoering))
    alle = set.intersection(*per_soort.values())
    uit = {"alle": sorted(alle)}
    uit.update({soort: sorted(v - alle) for soort, v in per_soort.items()})
    return uit


def lees_variabelen() -> dict[str, dict[str, str]]:
    """The Dutch meaning of every template variable: docs/sjablonen/variabelen.yml."""
    import yaml

    tekst = (DOCS / "sjablonen" / "variabelen.yml").read_text(encoding="utf-8")
    return {soort: dict(v or {}) for soort, v in yaml.safe_load(tekst).items()}


def variabelentabel() -> str:
    beschrijving = lees_variabelen()
    regels = ["| documentsoort | variabele | inhoud |", "|---|---|---|"]
    for soort, namen in sjabloonvariabelen().items():
        for naam in namen:
            tekst = beschrijving.get(soort, {}).get(naam, "")
            regels.append(f'| {soort} | <a id="{soort}-{naam}"></a>`{naam}` | {_cel(tekst)} |')
    return "\n".join(regels)


# --- the Python API -----------------------------------------------------------------------

def publieke_namen() -> dict[str, str]:
    """Each name of `import contracten` and the object mkdocstrings documents for it."""
    import contracten

    uit = {}
    for naam in contracten.__all__:
        module, _, binnen = contracten._MODULES[naam].partition(":")
        uit[naam] = f"{module}.{binnen or naam}"
    return uit


def api_pagina() -> str:
    """Per public name a heading (the name as `contracten.<naam>`), where it lives, and its
    documentation from the docstrings."""
    delen = []
    for naam, pad in sorted(publieke_namen().items(), key=lambda p: p[0].lower()):
        delen.append(f"## `contracten.{naam}` {{ #{naam} }}\n\n*`{pad}`*\n\n::: {pad}\n"
                     "    options:\n      show_root_heading: true\n"
                     "      show_root_toc_entry: false\n      show_root_full_path: false\n"
                     "      heading_level: 3\n")
    return "\n".join(delen)


VERVANGINGEN = {
    "codes": codetabel,
    "api": api_pagina,
    "variabelen": variabelentabel,
}
_PLEK = re.compile(r"<!-- genereer: (\w+)(?: ([^ ]+))? -->")


def vul_in(markdown: str) -> str:
    """A page with its generated parts filled in (`<!-- genereer: velden regio.yaml -->`)."""
    def vervang(treffer: re.Match[str]) -> str:
        soort, argument = treffer.group(1), treffer.group(2)
        if soort == "velden":
            return veldentabel(argument)
        return VERVANGINGEN[soort]()
    return _PLEK.sub(vervang, markdown)



