"""Read the YAML files people edit: keep line numbers, refuse duplicate keys, never make a float.

Money must not pass through float: a YAML float such as ``39.60`` becomes ``Decimal("39.60")``.
Every value's line is recorded under its path, so a validation error can point at the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from contracten.fouten import Melding, os_reden
from contracten.lezen.tekens import verboden_teken
from contracten.privacy import bevat_bsn

Pad = tuple[str | int, ...]

_constructor = yaml.SafeLoader(stream="")
# libyaml's parser when present (ten times faster on a region with many aanbieders).
_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Bron:
    """The data of one file and the line of each value in it."""

    pad: Path
    naam: str  # as shown in messages, relative to the regios folder
    data: Any
    regels: dict[Pad, int] = field(default_factory=dict)

    def regel(self, loc: Pad) -> int | None:
        """Line of the value at loc, or of its nearest existing parent."""
        for n in range(len(loc), -1, -1):
            if loc[:n] in self.regels:
                return self.regels[loc[:n]]
        return None


def _scalar(node: yaml.ScalarNode) -> Any:
    """A value as YAML 1.2 reads it, more strictly still: numbers only in plain decimal
    notation, so 1:30 (YAML 1.1: 90), 0x10 (16), 0o17, 1e6 and .inf stay text and validation
    says what it expected; an amount never passes through float; yes/no/on/off stay text."""
    tag, tekst = node.tag, node.value
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
    if tag == "tag:yaml.org,2002:timestamp":
        try:
            return _constructor.construct_yaml_timestamp(node)
        except ValueError:
            return tekst  # an impossible date stays text; validation reports it
    waarde = _constructor.construct_object(node, deep=True)
    _constructor.constructed_objects.clear()  # the shared constructor would keep every value
    return waarde


MAX_WAARDEN = 250_000  # far above any real profile; stops alias bombs ("billion laughs")


TOEGESTAAN = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


class TeGroot(Exception):
    pass


class _Walker:
    def __init__(self, naam: str) -> None:
        self.naam = naam
        self.regels: dict[Pad, int] = {}
        self.meldingen: list[Melding] = []
        self.aantal = 0

    def walk(self, node: yaml.Node, loc: Pad) -> Any:
        self.aantal += 1
        if self.aantal > MAX_WAARDEN:
            raise TeGroot
        self.regels[loc] = node.start_mark.line + 1
        if node.tag not in TOEGESTAAN:  # e.g. !!python/object: never constructed
            self._melding(node, loc, f"geen geldige YAML: onbekende tag '{node.tag}'", "yaml_tag")
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.walk(key_node, (*loc, "<sleutel>"))
                if not isinstance(key, str | int):
                    self._melding(key_node, loc, "een sleutel moet tekst zijn", "sleutel_type")
                    continue
                key = str(key)
                if key in out:
                    self._melding(key_node, (*loc, key), f"sleutel '{key}' staat er twee keer",
                                  "dubbele_sleutel")
                out[key] = self.walk(value_node, (*loc, key))
            self.regels.pop((*loc, "<sleutel>"), None)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*loc, i)) for i, item in enumerate(node.value)]
        waarde = _scalar(node)  # type: ignore[arg-type]
        if isinstance(waarde, str) and bevat_bsn(waarde):  # one gate for every profile value
            self._melding(node, loc, "bevat een BSN (9 cijfers die de elfproef halen); gebruik "
                          "een pseudoniem", "bsn")
            return re.sub(r"\d", "x", waarde)  # validated on, so nothing else repeats it
        if isinstance(waarde, str) and (teken := verboden_teken(waarde, "\n\t\r")):
            self._melding(node, loc, f"bevat een onzichtbaar stuurteken of ongeldig teken "
                          f"({teken}); verwijder het", "stuurteken")
            return "".join(t for t in waarde if not verboden_teken(t, "\n\t\r"))
        return waarde

    def _melding(self, node: yaml.Node, loc: Pad, bericht: str, code: str) -> None:
        veld = ".".join(str(p) for p in loc)
        self.meldingen.append(
            Melding(self.naam, node.start_mark.line + 1, veld, bericht, code))


def lees_yaml(pad: Path, naam: str) -> tuple[Bron | None, list[Melding]]:
    """Parse one YAML file. Returns the Bron (None when unreadable) and the problems found."""
    try:
        tekst = pad.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Melding(naam, None, "", f"bestand is geen geldige UTF-8-tekst ({exc.reason} "
                                              f"op positie {exc.start})", "codering")]
    except OSError as exc:
        return None, [Melding(naam, None, "", f"bestand kan niet worden gelezen: {os_reden(exc)}",
                              "onleesbaar")]
    tekst = tekst.removeprefix("\ufeff")  # a BOM from Windows editors is harmless
    try:
        node = yaml.compose(tekst, Loader=_LADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        regel = mark.line + 1 if mark is not None else None
        probleem = getattr(exc, "problem", None) or str(exc)
        return None, [Melding(naam, regel, "", f"geen geldige YAML: {probleem}", "yaml")]
    if node is None:
        return Bron(pad, naam, {}), []
    walker = _Walker(naam)
    try:
        data = walker.walk(node, ())
    except yaml.YAMLError as exc:
        return None, [Melding(naam, None, "", f"geen geldige YAML: {exc}", "yaml")]
    except TeGroot:
        return None, [Melding(naam, None, "", f"te groot: meer dan {MAX_WAARDEN} waarden (een "
                                              "verwijzing &/* die zichzelf vermenigvuldigt?)",
                              "yaml_te_groot")]
    except RecursionError:
        return None, [Melding(naam, None, "", "te diep genest of een verwijzing (&/*) naar "
                                              "zichzelf", "yaml_diepte")]
    return Bron(pad, naam, data, walker.regels), walker.meldingen
