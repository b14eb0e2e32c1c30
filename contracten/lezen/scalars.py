"""A YAML scalar's value as we read it (YAML 1.2, no float), and the checks on plain ASCII
text done for all values of a file at once."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml

from contracten.privacy import SCHEIDING, is_bsn

# A parser event (yaml.ScalarEvent, yaml.MappingStartEvent, …); typed loosely, as PyYAML's own
# stubs give the base class none of the attributes its subclasses carry.
Gebeurtenis = Any

_constructor = yaml.SafeLoader(stream="")

DIGEST = re.compile(r"[0-9a-f]{64}")  # a sha256 as hex
STR = "tag:yaml.org,2002:str"
# The characters `verboden_teken` finds in plain ASCII text (besides tab and line breaks).
STUURTEKEN_ASCII = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# privacy.NEGEN, with its look-behind after the first digit: the same matches, found twice as
# fast (the engine can skip to the next digit).
NEGEN = re.compile(rf"\d(?<!\d\d)(?:{SCHEIDING}*\d){{8}}(?!\d)")


def omgezet(gebeurtenis: Gebeurtenis, tag: str) -> Any:
    """A value as YAML 1.2 reads it, more strictly still: numbers only in plain decimal
    notation, so 1:30 (YAML 1.1: 90), 0x10 (16), 0o17, 1e6 and .inf stay text and validation
    says what it expected; an amount never passes through float; yes/no/on/off stay text."""
    tekst = gebeurtenis.value
    if tag == "tag:yaml.org,2002:str":  # most values: no node, no constructor
        return tekst
    if tag == "tag:yaml.org,2002:float":
        if not re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+)", tekst):
            return tekst
        return Decimal(tekst)
    if tag == "tag:yaml.org,2002:int":
        if re.fullmatch(r"0\d+", tekst) or not re.fullmatch(r"[-+]?\d+", tekst):
            # 01234567 is a KvK-nummer, not octal; 0x10, 1_000, 1:30 are not plain numbers.
            return tekst
        return int(tekst)
    if tag == "tag:yaml.org,2002:bool" and tekst.lower() not in ("true", "false"):
        return tekst
    node = yaml.ScalarNode(tag, tekst, gebeurtenis.start_mark, gebeurtenis.end_mark,
                           style=gebeurtenis.style)
    if tag == "tag:yaml.org,2002:timestamp":
        try:
            return _constructor.construct_yaml_timestamp(node)
        except ValueError:
            return tekst  # an impossible date stays text; validation reports it
    waarde = _constructor.construct_object(node, deep=True)
    _constructor.constructed_objects.clear()  # the shared constructor would keep every value
    return waarde


TOEGESTAAN = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


def verdacht(teksten: list[str]) -> bool:
    """Whether one of `teksten` (plain ASCII, no sha256) holds a control character or a BSN,
    found as `verboden_teken(t, "\\n\\t\\r")` and `bevat_bsn(t)` find them one by one: an ASCII
    text is its own normal form, and a BSN in it is nine digits with separators (`NEGEN`)
    that pass the elfproef. Joined by "|", neither a digit nor a separator, no match runs
    from one text into the next."""
    alles = "|".join(teksten)
    return STUURTEKEN_ASCII.search(alles) is not None or any(
        is_bsn(m.group(0)) for m in NEGEN.finditer(alles))
