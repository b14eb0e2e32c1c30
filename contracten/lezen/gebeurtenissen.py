"""Walk the YAML parser's events into plain data: the line of each value under its path,
every check on a value that people type (duplicate keys, tags, BSN, control characters), and
numbers as YAML 1.2 reads them. The node tree of a file is never held as a whole."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml

from contracten.fouten import Melding
from contracten.lezen.grenzen import instelbaar
from contracten.lezen.tekens import verboden_teken
from contracten.privacy import bevat_bsn

Pad = tuple[str | int, ...]

_constructor = yaml.SafeLoader(stream="")

# A parser event (yaml.ScalarEvent, yaml.MappingStartEvent, …); typed loosely, as PyYAML's own
# stubs give the base class none of the attributes its subclasses carry.
Gebeurtenis = Any


DIGEST = re.compile(r"[0-9a-f]{64}")  # a sha256 as hex

def _scalar(gebeurtenis: Gebeurtenis, tag: str) -> Any:
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


# Values of one file: some 35 per aanbieder, so a region of 20,000 aanbieders has 700,000 and
# passes with room to spare (about 43,000 like Assen's); stops alias bombs ("billion laughs")
# within seconds and some 50 MB. Raised with CONTRACTEN_MAX_WAARDEN (see `instelbaar`).
MAX_WAARDEN = instelbaar("MAX_WAARDEN", 1_500_000)


TOEGESTAAN = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


class TeGroot(Exception):
    pass


class Gebeurtenissen:
    """The parser's events, one at a time: a file's node tree is never held as a whole (at
    5,000 aanbieders it held some 50 MB besides the data). The events of a part with an
    anchor (&naam) are kept for its aliases (*naam)."""

    def __init__(self, lader: Any) -> None:
        self._lader = lader
        self.opnames: list[list[Gebeurtenis]] = []  # anchored parts still being read

    def __call__(self) -> Gebeurtenis:
        gebeurtenis = self._lader.get_event()
        for opname in self.opnames:
            opname.append(gebeurtenis)
        return gebeurtenis


class Herhaling:
    """An anchored part's events again, for an alias."""

    opnames: list[list[Gebeurtenis]] = []  # never extended: an alias defines no anchors

    def __init__(self, gebeurtenissen: list[Gebeurtenis]) -> None:
        self._volgende = iter(gebeurtenissen).__next__

    def __call__(self) -> Gebeurtenis:
        return self._volgende()


_EINDE = object()  # a sequence or mapping ends here


class Walker:
    def __init__(self, naam: str, lader: Any, *, met_regels: bool = True) -> None:
        self.naam = naam
        self.lader = lader
        self.met_regels = met_regels  # without: messages are found, but name no line
        self.regels: dict[Pad, int] = {}
        self.meldingen: list[Melding] = []
        self.aantal = 0
        self.ankers: dict[str, list[Gebeurtenis] | None] = {}  # None: still being read

    def document(self) -> Any:
        """The data of the file's single document; {} for an empty file."""
        bron = Gebeurtenissen(self.lader)
        bron()  # stream start
        if self.lader.check_event(yaml.StreamEndEvent):
            return {}
        begin = bron()  # document start
        data = self.walk(bron, ())
        bron()  # document end
        if not self.lader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", begin.start_mark,
                "but found another document", bron().start_mark)
        return data

    def walk(self, bron: Gebeurtenissen | Herhaling, loc: Pad) -> Any:
        gebeurtenis = bron()
        if isinstance(gebeurtenis, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            return _EINDE
        if isinstance(gebeurtenis, yaml.AliasEvent):
            return self._alias(gebeurtenis, loc)
        anker = gebeurtenis.anchor if isinstance(bron, Gebeurtenissen) else None
        if anker is None:
            return self._waarde(bron, gebeurtenis, loc)
        if anker in self.ankers:
            eerste = self.ankers[anker]
            waar = f" (first on line {eerste[0].start_mark.line + 1})" if eerste else ""
            raise yaml.composer.ComposerError(
                None, None, f"found duplicate anchor {anker!r}{waar}", gebeurtenis.start_mark)
        opname = [gebeurtenis]
        self.ankers[anker] = None
        bron.opnames.append(opname)
        try:
            return self._waarde(bron, gebeurtenis, loc)
        finally:
            bron.opnames.remove(opname)
            self.ankers[anker] = opname

    def _alias(self, gebeurtenis: Gebeurtenis, loc: Pad) -> Any:
        if gebeurtenis.anchor not in self.ankers:
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias {gebeurtenis.anchor!r}",
                gebeurtenis.start_mark)
        opname = self.ankers[gebeurtenis.anchor]
        if opname is None:  # a part that contains itself
            raise RecursionError
        return self.walk(Herhaling(opname), loc)

    def _waarde(self, bron: Gebeurtenissen | Herhaling, gebeurtenis: Gebeurtenis,
                loc: Pad) -> Any:
        self.aantal += 1
        if self.aantal > MAX_WAARDEN:
            raise TeGroot
        mark = gebeurtenis.start_mark
        if self.met_regels:
            self.regels[loc] = mark.line + 1
        soort = (yaml.MappingNode if isinstance(gebeurtenis, yaml.MappingStartEvent) else
                 yaml.SequenceNode if isinstance(gebeurtenis, yaml.SequenceStartEvent) else
                 yaml.ScalarNode)
        tag = gebeurtenis.tag
        if tag is None or tag == "!":
            tag = self.lader.resolve(soort, getattr(gebeurtenis, "value", None),
                                     gebeurtenis.implicit)
        if tag not in TOEGESTAAN:  # e.g. !!python/object: never constructed
            self._melding(mark, loc, f"geen geldige YAML: onbekende tag '{tag}'", "yaml_tag")
            if soort is not yaml.ScalarNode:
                self._sla_over(bron, 1)
            return None
        if soort is yaml.MappingNode:
            out: dict[Any, Any] = {}
            while (key := self.walk(bron, (*loc, "<sleutel>"))) is not _EINDE:
                regel = self.regels.get((*loc, "<sleutel>"))
                if not isinstance(key, str | int):
                    self._melding(regel, loc, "een sleutel moet tekst zijn", "sleutel_type")
                    self._sla_over(bron, 0)  # its value
                    continue
                key = str(key)
                if key in out:
                    self._melding(regel, (*loc, key), f"sleutel '{key}' staat er twee keer",
                                  "dubbele_sleutel")
                out[key] = self.walk(bron, (*loc, key))
            self.regels.pop((*loc, "<sleutel>"), None)
            return out
        if soort is yaml.SequenceNode:
            uit: list[Any] = []
            while (item := self.walk(bron, (*loc, len(uit)))) is not _EINDE:
                uit.append(item)
            return uit
        waarde = _scalar(gebeurtenis, tag)
        # One gate for every profile value; a sha256 (of an imported file) is a digest, whose
        # hex digits may well hold nine in a row that pass the elfproef.
        if isinstance(waarde, str) and not DIGEST.fullmatch(waarde) and bevat_bsn(waarde):
            self._melding(mark, loc, "bevat een BSN (9 cijfers die de elfproef halen); gebruik "
                          "een pseudoniem", "bsn")
            return re.sub(r"\d", "x", waarde)  # validated on, so nothing else repeats it
        if isinstance(waarde, str) and (teken := verboden_teken(waarde, "\n\t\r")):
            self._melding(mark, loc, f"bevat een onzichtbaar stuurteken of ongeldig teken "
                          f"({teken}); verwijder het", "stuurteken")
            return "".join(t for t in waarde if not verboden_teken(t, "\n\t\r"))
        return waarde

    def _sla_over(self, bron: Gebeurtenissen | Herhaling, diepte: int) -> None:
        """Read past what is not walked: the rest of a sequence or mapping (diepte 1), or the
        next value (diepte 0). Its anchors are still defined, for aliases further on."""
        open_: list[tuple[int, str, list[Gebeurtenis]]] = []  # anchored parts being read
        while True:
            gebeurtenis = bron()
            if isinstance(gebeurtenis, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                if open_ and open_[-1][0] == diepte:
                    _, anker, opname = open_.pop()
                    bron.opnames.remove(opname)
                    self.ankers[anker] = opname
                diepte -= 1
            elif isinstance(bron, Gebeurtenissen) and getattr(gebeurtenis, "anchor", None) \
                    and not isinstance(gebeurtenis, yaml.AliasEvent):
                if isinstance(gebeurtenis, yaml.ScalarEvent):
                    self.ankers.setdefault(str(gebeurtenis.anchor), [gebeurtenis])
                else:
                    diepte += 1
                    opname = [gebeurtenis]
                    bron.opnames.append(opname)
                    open_.append((diepte, gebeurtenis.anchor, opname))
                    continue
            elif isinstance(gebeurtenis, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                diepte += 1
                continue
            if diepte <= 0:
                return

    def _melding(self, waar: Any, loc: Pad, bericht: str, code: str) -> None:
        """`waar`: the line, or the parser's mark of the value (None: no lines kept)."""
        veld = ".".join(str(p) for p in loc)
        regel = waar if waar is None or isinstance(waar, int) else waar.line + 1
        self.meldingen.append(Melding(self.naam, regel, veld, bericht, code))
