"""Change a list in a profile file the way a person would: the comments, the order of keys and
items, the quoting and the number formats of everything not changed stay exactly as they were
(ruamel.yaml's round trip). Pure: text in, text out."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from contracten.profiel.werkboek import Veld, waarde_in

# A key whose value starts on the next lines: "bedragen:", "  - adres:"; or a block scalar.
_SLEUTEL = re.compile(r"^(?P<streep>(?:- +)*)(?P<sleutel>[^\s#'\"-][^:#]*|\"[^\"]*\"|'[^']*'):"
                      r"(?:\s+(?P<waarde>[^#]*?))?\s*(?:#.*)?$")
VOORBEELDREGIO = (2, 4, 2)  # the example regions: mapping 2, sequence 4, dash offset 2


def inspringing(tekst: str) -> tuple[int, int, int]:
    """How a YAML text indents (mapping, sequence, offset), as ruamel's `indent()` takes it:
    from its first nested mapping and its first nested list; the example regions' style for
    what the text does not show. `indexeer` writes its files as PyYAML does (2, 2, 0), the
    example regions are written (2, 4, 2): a change keeps whichever the file has."""
    mapping = reeks = None
    ouder: int | None = None  # the column of a key whose value is on the next lines
    blok: int | None = None  # inside a block scalar of a key at this column
    for regel in tekst.splitlines():
        inhoud = regel.strip()
        if not inhoud or inhoud.startswith("#"):
            continue
        kolom = len(regel) - len(regel.lstrip(" "))
        if blok is not None:
            if kolom > blok:
                continue
            blok = None
        m = _SLEUTEL.match(inhoud)
        streep = m.group("streep") if m else ("- " if inhoud.startswith("- ") else "")
        if ouder is not None:
            if streep and kolom >= ouder and reeks is None:
                reeks = (kolom - ouder + len(streep), kolom - ouder)
            elif not streep and kolom > ouder and mapping is None:
                mapping = kolom - ouder
        ouder = None
        if m is None:
            continue
        sleutel = kolom + len(streep)
        waarde = (m.group("waarde") or "").strip()
        if not waarde:
            ouder = sleutel
        elif waarde[0] in "|>":
            blok = sleutel
    standaard_mapping, standaard_reeks, standaard_offset = VOORBEELDREGIO
    sequence, offset = reeks or (standaard_reeks, standaard_offset)
    return mapping or standaard_mapping, sequence, offset


def rondgang(tekst: str | None = None) -> YAML:
    """ruamel.yaml as a person's file is changed: quotes, long lines, the indentation of
    `tekst` (default: the example regions'), an amount as written (Decimal) and an explicit
    null as "null" all stay."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the person wrote on one line
    mapping, sequence, offset = inspringing(tekst) if tekst is not None else VOORBEELDREGIO
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(Decimal, _decimaal)
    yaml.representer.add_representer(
        type(None), lambda r, d: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def _decimaal(representer: Any, getal: Decimal) -> Any:
    """An amount as plain digits, never 1E+6 (which the profile reads as text and refuses)."""
    tekst = format(getal, "f")
    soort = "float" if "." in tekst else "int"
    return representer.represent_scalar(f"tag:yaml.org,2002:{soort}", tekst)


def _gelijk(oud: Any, nieuw: Any) -> bool:
    """Whether a value in the file already says `nieuw` (39.6 and 39.60 are the same amount)."""
    if isinstance(nieuw, Decimal) and isinstance(oud, int | float) and not isinstance(oud, bool):
        return Decimal(repr(float(oud))) == nieuw or Decimal(str(oud)) == nieuw
    if isinstance(nieuw, list) and isinstance(oud, list):
        return [str(o) for o in oud] == [str(n) for n in nieuw]
    if isinstance(nieuw, bool) or isinstance(oud, bool):
        return oud is nieuw or (oud is None and nieuw is False)  # absent: the default, false
    return oud is not None and nieuw is not None and str(oud) == str(nieuw)


def _positie(mapping: CommentedMap, sleutel: str | int, volgorde: list[str | int]) -> int:
    """Where a new key goes: after the keys that come before it in the documented order."""
    voor = volgorde[:volgorde.index(sleutel)] if sleutel in volgorde else volgorde
    return sum(1 for k in mapping if k in voor)


def _zet(mapping: CommentedMap, pad: tuple[str | int, ...], waarde: Any,
         volgorde: list[list[str | int]]) -> None:
    sleutel = pad[0]
    if len(pad) > 1:
        groep = mapping.get(sleutel)
        if groep is None:
            if waarde is None:
                return
            groep = CommentedMap()
            mapping.insert(_positie(mapping, sleutel, volgorde[0]), sleutel, groep)
        _zet(groep, pad[1:], waarde, volgorde[1:])
        if not groep:
            del mapping[sleutel]
        return
    oud = mapping.get(sleutel)
    if _gelijk(oud, waarde) or (oud is None and waarde in (None, False)):
        return
    if waarde is None or (waarde is False and oud is None):
        mapping.pop(sleutel, None)
        return
    if isinstance(waarde, list):
        nieuw: Any = CommentedSeq(waarde)
    elif isinstance(waarde, str):
        nieuw = DoubleQuotedScalarString(waarde)
    else:
        nieuw = waarde
    if sleutel in mapping:
        mapping[sleutel] = nieuw
    else:
        mapping.insert(_positie(mapping, sleutel, volgorde[0]), sleutel, nieuw)


def werk_lijst_bij(tekst: str, lijst: str, sleutel: str, items: list[dict[str, Any]],
                   velden: list[Veld]) -> str | None:
    """`tekst` (a YAML file) with its list `lijst` made equal to `items` in the `velden`, item by
    item matched on `sleutel` and in the order of `items`; other keys of an item stay. None
    when nothing changes."""
    yaml = rondgang(tekst)
    document = yaml.load(tekst)
    oud: CommentedSeq = document[lijst]
    bekend = {str(item.get(sleutel)): item for item in oud}
    volgorde = [[v.pad[0] for v in velden],
                *[[v.pad[n] for v in velden if len(v.pad) > n] for n in range(1, 3)]]
    nieuw = []
    for item in items:
        mapping = bekend.get(str(item[sleutel]))
        if mapping is None:
            mapping = CommentedMap()
        for veld in velden:
            _zet(mapping, veld.pad, waarde_in(item, veld.pad), volgorde)
        nieuw.append(mapping)
    if [id(m) for m in nieuw] != [id(m) for m in oud]:
        oud[:] = nieuw
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    uit = buffer.getvalue()
    return None if uit == tekst else uit
