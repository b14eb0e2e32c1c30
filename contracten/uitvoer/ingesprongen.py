"""Indented JSON, byte for byte as `json.dumps(waarde, ensure_ascii=False, indent=2)` writes it,
at a fraction of the cost. With `indent` the standard library leaves its C encoder for a
generator in Python; a manifest of 10,000 documents spent most of its writing there. Here the
layout is laid out directly, each text escaped by the C function the standard library uses
itself. Anything but dicts with text keys, lists, text, whole numbers, booleans and None is
left to `json.dumps` as a whole: the same bytes, the slow way."""

from __future__ import annotations

import json
from typing import Any

try:
    from _json import encode_basestring as _tekst  # the C escaper json.dumps uses
except ImportError:  # another Python: the standard library's own fallback
    from json.encoder import py_encode_basestring as _tekst

STAP = 2  # spaces per level


class _Anders(Exception):
    """A value this module does not lay out itself."""


def ingesprongen(waarde: Any, inspringing: str = "") -> str:
    """`json.dumps(waarde, ensure_ascii=False, indent=2)`, every line after the first preceded
    by `inspringing` (as when the text is nested inside a bigger one)."""
    try:
        return _waarde(waarde, "\n" + inspringing)
    except (_Anders, RecursionError):
        tekst = json.dumps(waarde, ensure_ascii=False, indent=STAP)
        return tekst.replace("\n", "\n" + inspringing) if inspringing else tekst


def _waarde(waarde: Any, regel: str) -> str:
    """`regel`: a newline and the indentation of the line `waarde` starts on."""
    soort = type(waarde)
    if soort is str:
        return str(_tekst(waarde))
    if waarde is None:
        return "null"
    if waarde is True:
        return "true"
    if waarde is False:
        return "false"
    if soort is int:
        return int.__repr__(waarde)
    binnen = regel + " " * STAP
    if soort is dict:
        if not waarde:
            return "{}"
        delen = []
        for sleutel, inhoud in waarde.items():
            if type(sleutel) is not str:
                raise _Anders
            delen.append(f"{_tekst(sleutel)}: {_waarde(inhoud, binnen)}")
        return "{" + binnen + ("," + binnen).join(delen) + regel + "}"
    if soort is list:
        if not waarde:
            return "[]"
        return "[" + binnen + ("," + binnen).join(
            [_waarde(inhoud, binnen) for inhoud in waarde]) + regel + "]"
    raise _Anders
