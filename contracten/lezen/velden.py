"""The fields of a profile model as a person editing its YAML sees them: where each is explained
in the documentation site, and the form it accepts, in Dutch.

An anchor is the path of field names from the top of the file, joined by dots, without list
positions or the keys of a group: `opdrachtgever.vertegenwoordiger.mandaat`,
`aanbieders.onderaannemers.producten`. The site makes one anchor per field from `velden`, the
messages link to the same one (`lezen.meldingen`), so the two never drift apart.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

# The documentation site, in one place (mkdocs.yml's site_url is the same address).
DOCUMENTATIE = "https://contracten.readthedocs.io/nl/latest"

# Field patterns (see typen.py and the models) in words a profile editor understands.
VORMEN: dict[str, str] = {
    r"^\d{8}$": "precies 8 cijfers",
    r"^[a-z0-9][a-z0-9-]{0,63}$": "een sleutel van kleine letters, cijfers en koppeltekens",
    r"^(0[1-9]|1[0-8])$": "een iWmo-productcategorie van 01 tot en met 18",
    r"^[0-9A-Z]{5}$": "een iWmo-productcode van 5 tekens",
    r"^[1-9]\d{3} ?[A-Z]{2}$": "een postcode zoals 3811 AB",
    r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$": "een e-mailadres",
    r"^[0-9 +()-]{10,16}$": "een telefoonnummer (10 tot 16 cijfers, spaties, +, haakjes)",
    r"^\d+(\.\d+)*\.?$": "een sectienummer zoals 1.3.2",
    r"^Geachte .+,$": "een aanhef zoals 'Geachte directie,' (met 'Geachte' en een komma)",
    r"^[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$": "een website zoals www.assen.nl",
    r"^[A-Z][A-Z0-9]{1,7}$": "2 tot 8 hoofdletters of cijfers, zoals ASN",
    r"^[A-Za-z0-9_.-]+\.(png|jpe?g)$": "de naam van een PNG- of JPEG-bestand in de regiomap, "
                                        "zoals logo.png",
    r"^(?:CSW )?\d+\.\d+$": "een versienummer zoals \"1.3\" (tussen aanhalingstekens)",
    r"^(1\.(1[1-9]|[2-9]\d)|2\.([2-9]|[1-9]\d))$":
        "een artikelnummer in Deel 1 vanaf 1.11 of in Deel 2 vanaf 2.2",
}


def pagina_van(bestand: str) -> str:
    """The page of a profile file: 'overeenkomst.yaml' -> 'overeenkomst', every
    'tarieven/<jaar>.yaml' -> 'tarieven'."""
    return bestand.split("/")[0].removesuffix(".yaml")


def uitleg(pagina: str, anker: str = "") -> str:
    """The address of a field's explanation in the documentation site."""
    return f"{DOCUMENTATIE}/regio-beheer/{pagina}/" + (f"#{anker}" if anker else "")


def velden_van(tp: Any) -> dict[str, FieldInfo] | None:
    """The fields of a model or a pydantic dataclass, else None."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return dict(tp.model_fields)
    velden = getattr(tp, "__pydantic_fields__", None)
    return dict(velden) if isinstance(tp, type) and isinstance(velden, dict) else None


def _kaal(tp: Any) -> tuple[Any, list[Any]]:
    """The type without Annotated, and the constraints that were on it."""
    metadata: list[Any] = []
    while get_origin(tp) is Annotated:
        tp, *meer = get_args(tp)
        for m in meer:  # a Field(...) inside Annotated holds its constraints as metadata
            metadata += m.metadata if isinstance(m, FieldInfo) else [m]
    return tp, metadata


def _leden(tp: Any) -> list[Any]:
    """The members of a union (without None, each with its Annotated), or the type itself."""
    kaal, _ = _kaal(tp)
    if get_origin(kaal) in (Union, types.UnionType):
        return [lid for arg in get_args(kaal) if arg is not type(None) for lid in _leden(arg)]
    return [tp]


def _binnen(tp: Any, stap: str | int) -> list[Any]:
    """The types a step into a list (a position) or a group's key leads to."""
    uit = []
    for lid in _leden(tp):
        lid, _ = _kaal(lid)
        oorsprong, args = get_origin(lid), get_args(lid)
        if oorsprong in (list, tuple, set, frozenset) and args:
            uit.append(args[0])
        elif oorsprong is dict and len(args) == 2:
            uit.append(args[1])
    return uit


def veld_op(model: type, loc: tuple[str | int, ...]) -> tuple[str, FieldInfo | None, type | None]:
    """The anchor of the field at `loc` in a file of `model`, the field's FieldInfo (None when
    the path leaves the known fields, e.g. an unknown key) and the model holding the last field
    name reached (for an unknown key: the group it was found in)."""
    namen: list[str] = []
    huidig: list[Any] = [model]
    info: FieldInfo | None = None
    houder: type | None = model
    for stap in loc:
        modellen = [(_kaal(lid)[0], velden) for tp in huidig for lid in _leden(tp)
                    if (velden := velden_van(_kaal(lid)[0])) is not None]
        if isinstance(stap, str) and any(stap in velden for _, velden in modellen):
            houder, velden = next((m, v) for m, v in modellen if stap in v)
            info = velden[stap]
            namen.append(stap)
            huidig = [info.annotation]
            continue
        if modellen and isinstance(stap, str):  # a key no model here has
            return ".".join(namen), None, modellen[0][0]
        binnen = [t for tp in huidig for t in _binnen(tp, stap)]
        if not binnen:
            return ".".join(namen), None, houder
        huidig = binnen
    return ".".join(namen), info, houder


def velden(model: type, voor: str = "") -> Iterator[tuple[str, FieldInfo]]:
    """Every field of a file of `model`, depth first: its anchor and its FieldInfo."""
    def af(tp: Any, voor: str, diepte: int) -> Iterator[tuple[str, FieldInfo]]:
        for lid in _leden(tp):
            eigen = velden_van(_kaal(lid)[0])
            if eigen is not None and diepte < 12:
                for naam, info in eigen.items():
                    anker = f"{voor}.{naam}" if voor else naam
                    yield anker, info
                    yield from af(info.annotation, anker, diepte + 1)
            else:
                for binnen in _binnen(lid, 0):
                    yield from af(binnen, voor, diepte + 1)

    yield from af(model, voor, 0)


def vorm(tp: Any, metadata: list[Any] | None = None) -> str:
    """The form a field of type `tp` accepts, in words: 'een geheel getal van 1 tot en met 36',
    "een van: '1', '2' of '3'", 'een groep velden: naam, functie (en eventueel mandaat)'."""
    leden = _leden(tp)
    if len(leden) > 1:
        return " of ".join(dict.fromkeys(vorm(lid) for lid in leden))
    tp, extra = _kaal(leden[0] if leden else tp)
    metadata = [*(metadata or []), *extra]
    grenzen = {k: getattr(m, k) for m in metadata for k in ("ge", "gt", "le", "lt", "pattern",
                                                           "min_length", "max_length")
               if getattr(m, k, None) is not None}
    oorsprong, args = get_origin(tp), get_args(tp)
    if oorsprong is Literal:
        keuzes = [repr(a) if isinstance(a, str) else str(a) for a in args]
        return keuzes[0] if len(keuzes) == 1 else \
            f"een van: {', '.join(keuzes[:-1])} of {keuzes[-1]}"
    if oorsprong in (list, tuple, set, frozenset):
        minstens = grenzen.get("min_length")
        return "een lijst" + (f" (minstens {minstens})" if minstens else "") + \
            (f" van {vorm(args[0])}" if args else "")
    if oorsprong is dict:
        return f"een groep 'sleutel: waarde', elke waarde {vorm(args[1])}" if args \
            else "een groep 'sleutel: waarde'"
    eigen = velden_van(tp)
    if eigen is not None:
        nodig = [n for n, i in eigen.items() if i.is_required()]
        mag = [n for n, i in eigen.items() if not i.is_required()]
        return "een groep velden" + (f": {', '.join(nodig)}" if nodig else "") + \
            (f" (en eventueel {', '.join(mag)})" if mag and len(mag) <= 6 else "")
    if tp is bool:
        return "true of false"
    if tp is int:
        return "een geheel getal" + _bereik(grenzen)
    if tp is Decimal or tp is float:
        return "een getal" + _bereik(grenzen) + " met een punt als decimaalteken, zoals 1234.56"
    if tp is dt.date:
        return "een datum JJJJ-MM-DD"
    if tp is str:
        if "pattern" in grenzen:
            return VORMEN.get(grenzen["pattern"], "tekst in een bepaalde vorm")
        return "tekst (Markdown)" if grenzen.get("max_length", 0) > 1000 else "tekst"
    return "een waarde"


def _bereik(grenzen: dict[str, Any]) -> str:
    onder = grenzen.get("ge", grenzen.get("gt"))
    boven = grenzen.get("le", grenzen.get("lt"))
    if onder is not None and boven is not None:
        return f" van {onder} tot en met {boven}" if "ge" in grenzen and "le" in grenzen \
            else f" tussen {onder} en {boven}"
    if onder is not None:
        return f" van minstens {onder}" if "ge" in grenzen else f" groter dan {onder}"
    if boven is not None:
        return f" van hoogstens {boven}" if "le" in grenzen else f" kleiner dan {boven}"
    return ""
