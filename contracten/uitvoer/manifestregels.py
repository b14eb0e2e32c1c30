"""A manifest's document entries as text, laid out directly: byte for byte what
`ingesprongen(document.als_json(), "    ")` writes, without making a dict of each entry through
pydantic and walking it again. A manifest of 20,000 documents spent most of its writing there.
Anything but text, whole numbers, booleans and lists of those or of `Herkomst` (which a
validated entry never holds) is left to the general way: the same bytes, the slow way."""

from __future__ import annotations

import dataclasses
import operator
from typing import Any

from contracten.uitvoer.ingesprongen import STAP, _Anders, _waarde, ingesprongen
from contracten.uitvoer.manifest import Document, Herkomst

try:
    from _json import encode_basestring as _tekst  # the C escaper json.dumps uses
except ImportError:  # another Python: the standard library's own fallback
    from json.encoder import py_encode_basestring as _tekst

INSPRINGING = "    "  # of an entry in the manifest's "documenten"
_REGEL = "\n" + INSPRINGING + " " * STAP  # a field's line
_REGEL2 = _REGEL + " " * STAP  # an item's line in a list field
_EINDE = "\n" + INSPRINGING + "}"


# The fields in their order (a field name is a plain identifier: JSON writes it as it is).
_DOCUMENT = tuple(veld.name for veld in dataclasses.fields(Document))
_HERKOMST = tuple(veld.name for veld in dataclasses.fields(Herkomst))
_VOOR = tuple(f'"{naam}": ' for naam in _DOCUMENT)
_WAARDEN = operator.attrgetter(*_DOCUMENT)


def document_tekst(document: Document) -> str:
    """`ingesprongen(document.als_json(), INSPRINGING)`: the fields in their order, empty ones
    left out, `aanbieder` always (last when empty, as `als_json` adds it back)."""
    try:
        return _snel(document)
    except _Anders:
        return ingesprongen(document.als_json(), INSPRINGING)


def _snel(document: Document) -> str:
    if type(document) is not Document:
        raise _Anders
    delen = []
    for voor, waarde in zip(_VOOR, _WAARDEN(document), strict=True):
        soort = type(waarde)
        if soort is str:
            delen.append(voor + _tekst(waarde))
        elif waarde is None:
            continue
        elif soort is int:
            delen.append(voor + int.__repr__(waarde))
        elif soort is bool:
            delen.append(voor + ("true" if waarde else "false"))
        elif soort is list and all(type(w) is str for w in waarde):
            delen.append(voor + _tekstlijst(waarde))
        elif soort is list:
            delen.append(voor + _waarde([_gewoon(w) for w in waarde], _REGEL))
        else:
            raise _Anders
    if document.aanbieder is None:
        delen.append('"aanbieder": null')
    return "{" + _REGEL + ("," + _REGEL).join(delen) + _EINDE


def _tekstlijst(lijst: list[str]) -> str:
    if not lijst:
        return "[]"
    return "[" + _REGEL2 + ("," + _REGEL2).join(map(_tekst, lijst)) + _REGEL + "]"


def _gewoon(waarde: Any) -> Any:
    """An item of a list field as `als_json` gives it: text as it is, a `Herkomst` as the
    dict of its fields (none of which is ever empty)."""
    if type(waarde) is str:
        return waarde
    if type(waarde) is not Herkomst:
        raise _Anders
    uit = {naam: getattr(waarde, naam) for naam in _HERKOMST}
    if any(w is None for w in uit.values()):
        raise _Anders
    return uit
