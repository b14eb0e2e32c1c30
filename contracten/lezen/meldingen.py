"""Turn pydantic's validation errors into Dutch Meldingen that name file, line and field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from difflib import get_close_matches
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from contracten.fouten import Melding
from contracten.lezen.bron import Bron, Pad
from contracten.lezen.velden import VORMEN, uitleg, veld_op, velden_van, vorm

_ALS_MODEL = {"unexpected_keyword_argument": "extra_forbidden", "dataclass_type": "model_type",
              "dataclass_args_type": "model_type"}

# pydantic error type -> Dutch message. {ctx} fields are filled from the error's context.
_BERICHTEN: dict[str, str] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (tikfout?); dit veld bestaat niet op deze plek",
    "string_type": "verwacht tekst",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "te lang: hoogstens {max_length} tekens",
    "string_pattern_mismatch": "verwacht {pattern}",
    "int_type": "verwacht een geheel getal",
    "int_parsing": "verwacht een geheel getal",
    "int_from_float": "verwacht een geheel getal",
    "decimal_type": "verwacht een getal, bijv. 1234.56",
    "decimal_parsing": "verwacht een getal, bijv. 1234.56",
    "decimal_max_places": "hoogstens {decimal_places} decimalen",
    "bool_type": "verwacht true of false",
    "bool_parsing": "verwacht true of false",
    "date_type": "verwacht een datum JJJJ-MM-DD",
    "date_parsing": "verwacht een geldige datum JJJJ-MM-DD",
    "date_from_datetime_parsing": "verwacht een geldige datum JJJJ-MM-DD",
    "date_from_datetime_inexact": "verwacht een datum zonder tijd",
    "list_type": "verwacht een lijst",
    "too_short": "verwacht minstens {min_length} element(en)",
    "dict_type": "verwacht een groep velden (sleutel: waarde)",
    "model_type": "verwacht een groep velden (sleutel: waarde)",
    "model_attributes_type": "verwacht een groep velden (sleutel: waarde)",
    "literal_error": "verwacht een van: {expected}",
    "greater_than_equal": "moet minstens {ge} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "less_than": "moet kleiner zijn dan {lt}",
    "union_tag_invalid": "onbekende soort",
}


def _plek(loc: tuple[Any, ...]) -> Pad:
    # Drop pydantic's union-member names (e.g. 'Tekstdeel') so the path is the user's own.
    return tuple(p for p in loc if isinstance(p, int) or not p[:1].isupper())


def veldpad(loc: Pad, data: Any = None) -> str:
    """'aanbieders[3].kvk'; with the file's data, a list item with an id or sleutel is named:
    'aanbieders[3: stichting-het-anker].kvk'."""
    tekst = ""
    for p in loc:
        if isinstance(p, int):
            data = data[p] if isinstance(data, list) and p < len(data) else None
            naam = data.get("id") or data.get("sleutel") if isinstance(data, dict) else None
            tekst += f"[{p}: {naam}]" if isinstance(naam, str) else f"[{p}]"
        else:
            data = data.get(p) if isinstance(data, dict) else None
            tekst += f".{p}" if tekst else str(p)
    return tekst


def uit_validatie(exc: ValidationError, bron: Bron, voorvoegsel: Pad = (),
                  veld_van: Callable[[Pad], str] | None = None, *, model: type | None = None,
                  pagina: str | None = None) -> list[Melding]:
    """The errors in Dutch, each with its file, line and field; `veld_van` names the field
    another way (a spreadsheet's column instead of a YAML path). Given the file's `model`, a
    message shows the form the field accepts; given its `pagina` in the documentation site,
    it links to the field's explanation there."""
    meldingen: dict[tuple[str, str], Melding] = {}
    for err in exc.errors(include_url=False):
        # A dataclass (an aanbieder and its parts) names some errors differently from a model.
        err["type"] = _ALS_MODEL.get(err["type"], err["type"])
        ctx = err.get("ctx") or {}
        # A check of a whole group that is about one field in it names that field (`veld`).
        binnen = (*_plek(err["loc"]), *(ctx["veld"].split(".") if "veld" in ctx else ()))
        loc = (*voorvoegsel, *binnen)
        anker, info, houder = veld_op(model, binnen) if model is not None else ("", None, None)
        bericht = _bericht(err, ctx, binnen, info, houder)
        veld = veld_van(loc) if veld_van else veldpad(loc, bron.data)
        melding = Melding(bron.naam, bron.regel(loc), veld, bericht, err["type"],
                          uitleg(pagina, anker) if pagina is not None else "")
        # A value failing every member of a union is reported once per member; keep the first.
        meldingen.setdefault((melding.veld, err["type"]), melding)
    return list(meldingen.values())


def _bericht(err: Any, ctx: dict[str, Any], loc: Pad, info: FieldInfo | None,
             houder: type | None) -> str:
    """The message of one error: what is wrong, and the form that is accepted."""
    soort, waarde = err["type"], err.get("input")
    sjabloon = _BERICHTEN.get(soort)
    if sjabloon is None:  # our own PydanticCustomErrors already carry a Dutch message
        bericht = err["msg"].removeprefix("Value error, ")
        return bericht if isinstance(waarde, dict) or soort == "bsn" or "input" not in err \
            else f"{bericht} (gevonden: {_toon(waarde)})"
    ctx = {**ctx, "pattern": VORMEN.get(ctx["pattern"], "een andere vorm")} \
        if "pattern" in ctx else ctx
    bericht = sjabloon.format(**{k: _toon(v, heel=True) for k, v in ctx.items()})
    verwacht = vorm(info.annotation, info.metadata) if info is not None else None
    if soort == "missing":
        return bericht + (f"; verwacht {verwacht}" if verwacht else "")
    if soort == "extra_forbidden":
        return _onbekend(str(loc[-1]) if loc else "", houder)
    if soort == "literal_error" and _als_tekst(waarde) in _keuzes(ctx):
        return f"schrijf '{_als_tekst(waarde)}' tussen aanhalingstekens ({bericht})"
    if soort == "string_type" and isinstance(waarde, bool):
        return "verwacht tekst: zet de waarde tussen aanhalingstekens (YAML leest yes, no, " \
               "on en off anders als true of false)"
    if soort == "string_type" and _als_tekst(waarde) is not None:
        return f"verwacht tekst: schrijf '{_als_tekst(waarde)}' tussen aanhalingstekens"
    if soort in _TYPEFOUTEN and verwacht:
        bericht = f"verwacht {verwacht}"
    return f"{bericht} (gevonden: {_toon(waarde)})" if "input" in err else bericht


# Errors of a value's kind: the message is the form the field accepts.
_TYPEFOUTEN = {"string_type", "int_type", "int_parsing", "int_from_float", "decimal_type",
               "decimal_parsing", "bool_type", "bool_parsing", "date_type", "date_parsing",
               "date_from_datetime_parsing", "list_type", "dict_type", "model_type",
               "model_attributes_type", "string_pattern_mismatch"}


def _onbekend(naam: str, houder: type | None) -> str:
    """An unknown key: what it may have meant, or what belongs here."""
    bericht = "onbekend veld (tikfout?); dit veld bestaat niet op deze plek"
    berekend: dict[str, str] = getattr(houder, "BEREKEND", {})
    if naam in berekend:
        return f"{naam} vult u niet in: {berekend[naam]}; laat het weg"
    velden = velden_van(houder) if houder is not None else None
    if not velden:
        return bericht
    lijkt = get_close_matches(naam, list(velden), n=1, cutoff=0.7)
    if lijkt:
        return f"{bericht}; bedoelt u '{lijkt[0]}'?"
    return f"{bericht}; hier horen: {', '.join(velden)}"


def _als_tekst(waarde: Any) -> str | None:
    """A number or date as written in the YAML, which quotes would have made text."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | Decimal | float | dt.date):
        return None
    return waarde.isoformat() if isinstance(waarde, dt.date) else str(waarde)


def _keuzes(ctx: dict[str, Any]) -> set[str]:
    return set(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))


def _toon(waarde: Any, *, heel: bool = False) -> str:
    """A value in a message: a found one shortened, an expected one (`heel`) whole."""
    if isinstance(waarde, dict):
        return "een groep velden"
    if isinstance(waarde, list):
        return "een lijst"
    tekst = str(waarde).replace("' or '", "' of '")
    return tekst if heel or len(tekst) <= 60 else tekst[:57] + "..."
