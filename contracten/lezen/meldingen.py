"""Turn pydantic's validation errors into Dutch Meldingen that name file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from contracten.fouten import Melding
from contracten.lezen.bron import Bron, Pad

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


# Field patterns (see typen.py and the models) in words a profile editor understands.
_VORMEN: dict[str, str] = {
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
                  veld_van: Callable[[Pad], str] | None = None) -> list[Melding]:
    """The errors in Dutch, each with its file, line and field; `veld_van` names the field
    another way (a spreadsheet's column instead of a YAML path)."""
    meldingen: dict[tuple[str, str], Melding] = {}
    for err in exc.errors(include_url=False):
        # A dataclass (an aanbieder and its parts) names some errors differently from a model.
        err["type"] = _ALS_MODEL.get(err["type"], err["type"])
        loc = (*voorvoegsel, *_plek(err["loc"]))
        sjabloon = _BERICHTEN.get(err["type"])
        ctx = err.get("ctx") or {}
        if sjabloon is None:
            # Our own PydanticCustomErrors already carry a Dutch message.
            bericht = err["msg"].removeprefix("Value error, ")
        else:
            if "pattern" in ctx:
                ctx = {**ctx, "pattern": _VORMEN.get(ctx["pattern"], "een andere vorm")}
            bericht = sjabloon.format(**{k: _toon(v) for k, v in ctx.items()})
        # A check of a whole group (our own, across fields) names its fields itself.
        if err["type"] not in ("missing", "extra_forbidden", "bsn") and "input" in err \
                and not (sjabloon is None and isinstance(err["input"], dict)):
            bericht += f" (gevonden: {_toon(err['input'])})"
        veld = veld_van(loc) if veld_van else veldpad(loc, bron.data)
        melding = Melding(bron.naam, bron.regel(loc), veld, bericht, err["type"])
        # A value failing every member of a union is reported once per member; keep the first.
        meldingen.setdefault((melding.veld, err["type"]), melding)
    return list(meldingen.values())


def _toon(waarde: Any) -> str:
    if isinstance(waarde, dict):
        return "een groep velden"
    if isinstance(waarde, list):
        return "een lijst"
    tekst = str(waarde).replace("' or '", "' of '")
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."
