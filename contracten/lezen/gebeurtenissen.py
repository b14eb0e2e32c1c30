"""Walk the YAML parser's events into plain data: the line of each value under its path,
every check on a value that people type (duplicate keys, tags, BSN, control characters), and
numbers as YAML 1.2 reads them. The node tree of a file is never held as a whole."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from contracten.fouten import Melding
from contracten.lezen.grenzen import instelbaar
from contracten.lezen.scalars import DIGEST, STR, TOEGESTAAN, Gebeurtenis, omgezet, verdacht
from contracten.lezen.tekens import verboden_teken
from contracten.privacy import bevat_bsn

Pad = tuple[str | int, ...]

# Values of one file: some 35 per aanbieder, so a region of 20,000 aanbieders has 700,000 and
# passes with room to spare (about 43,000 like Assen's); stops alias bombs ("billion laughs")
# within seconds and some 50 MB. Raised with CONTRACTEN_MAX_WAARDEN (see `instelbaar`).
MAX_WAARDEN = instelbaar("MAX_WAARDEN", 1_500_000)


class TeGroot(Exception):
    pass


class Gebeurtenissen:
    """The parser's events, one at a time (`volgende`): a file's node tree is never held as a
    whole (at 5,000 aanbieders it held some 50 MB besides the data). The events of a part with
    an anchor (&naam) are kept for its aliases (*naam)."""

    def __init__(self, lader: Any) -> None:
        self._lader = lader
        self.opnames: list[list[Gebeurtenis]] = []  # anchored parts still being read
        self.volgende: Callable[[], Gebeurtenis] = lader.get_event  # none kept: the parser's

    def neem_op(self, opname: list[Gebeurtenis]) -> None:
        self.opnames.append(opname)
        self.volgende = self._opgenomen

    def stop(self, opname: list[Gebeurtenis]) -> None:
        self.opnames.remove(opname)
        if not self.opnames:
            self.volgende = self._lader.get_event

    def _opgenomen(self) -> Gebeurtenis:
        gebeurtenis = self._lader.get_event()
        for opname in self.opnames:
            opname.append(gebeurtenis)
        return gebeurtenis


class Herhaling:
    """An anchored part's events again, for an alias."""

    def __init__(self, gebeurtenissen: list[Gebeurtenis]) -> None:
        self.volgende: Callable[[], Gebeurtenis] = iter(gebeurtenissen).__next__


_EINDE = object()  # a sequence or mapping ends here
EINDEN = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class Walker:
    def __init__(self, naam: str, lader: Any, *, met_regels: bool = True) -> None:
        self.naam = naam
        self.lader = lader
        self.met_regels = met_regels  # without: messages are found, but name no line
        self.regels: dict[Pad, int] = {}
        self.meldingen: list[Melding] = []
        self.aantal = 0
        self.ankers: dict[str, list[Gebeurtenis] | None] = {}  # None: still being read
        # Without lines: plain ASCII text, checked all at once after the walk (`verdacht`).
        self.uitgesteld: list[str] | None = None if met_regels else []
        resolvers = getattr(lader, "yaml_implicit_resolvers", {None: []})
        self._eerste = frozenset(resolvers) if None not in resolvers else None

    def document(self) -> Any:
        """The data of the file's single document; {} for an empty file."""
        bron = Gebeurtenissen(self.lader)
        bron.volgende()  # stream start
        if self.lader.check_event(yaml.StreamEndEvent):
            return {}
        begin = bron.volgende()  # document start
        data = self.walk(bron, ())
        bron.volgende()  # document end
        if not self.lader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", begin.start_mark,
                "but found another document", bron.volgende().start_mark)
        return data

    def walk(self, bron: Gebeurtenissen | Herhaling, loc: Pad) -> Any:
        gebeurtenis = bron.volgende()
        if type(gebeurtenis) is yaml.ScalarEvent and (  # most values: without an anchor
                gebeurtenis.anchor is None or not isinstance(bron, Gebeurtenissen)):
            return self._scalar(gebeurtenis, loc)
        if isinstance(gebeurtenis, EINDEN):
            return _EINDE
        if isinstance(gebeurtenis, yaml.AliasEvent):
            return self._alias(gebeurtenis, loc)
        if not isinstance(bron, Gebeurtenissen) or gebeurtenis.anchor is None:
            return self._waarde(bron, gebeurtenis, loc)
        anker = gebeurtenis.anchor
        if anker in self.ankers:
            eerste = self.ankers[anker]
            waar = f" (first on line {eerste[0].start_mark.line + 1})" if eerste else ""
            raise yaml.composer.ComposerError(
                None, None, f"found duplicate anchor {anker!r}{waar}", gebeurtenis.start_mark)
        opname = [gebeurtenis]
        self.ankers[anker] = None
        bron.neem_op(opname)
        try:
            return self._waarde(bron, gebeurtenis, loc)
        finally:
            bron.stop(opname)
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
        if isinstance(gebeurtenis, yaml.ScalarEvent):
            return self._scalar(gebeurtenis, loc)
        self.aantal += 1
        if self.aantal > MAX_WAARDEN:
            raise TeGroot
        mark = gebeurtenis.start_mark
        if self.met_regels:
            self.regels[loc] = mark.line + 1
        soort = (yaml.MappingNode if isinstance(gebeurtenis, yaml.MappingStartEvent) else
                 yaml.SequenceNode)
        tag = gebeurtenis.tag
        if tag is None or tag == "!":
            tag = self.lader.resolve(soort, None, gebeurtenis.implicit)
        if tag not in TOEGESTAAN:  # e.g. !!python/object: never constructed
            self._melding(mark, loc, f"geen geldige YAML: onbekende tag '{tag}'", "yaml_tag")
            self._sla_over(bron, 1)
            return None
        if soort is yaml.MappingNode:
            out: dict[Any, Any] = {}
            sleutel = (*loc, "<sleutel>")  # where the walk of a key puts its line
            while (key := self.walk(bron, sleutel)) is not _EINDE:
                regel = self.regels.get(sleutel) if self.met_regels else None
                if type(key) is not str and not isinstance(key, str | int):
                    self._melding(regel, loc, "een sleutel moet tekst zijn", "sleutel_type")
                    self._sla_over(bron, 0)  # its value
                    continue
                if type(key) is not str:
                    key = str(key)
                if key in out:
                    self._melding(regel, (*loc, key), f"sleutel '{key}' staat er twee keer",
                                  "dubbele_sleutel")
                out[key] = self.walk(bron, (*loc, key))
            self.regels.pop(sleutel, None)
            return out
        uit: list[Any] = []
        while (item := self.walk(bron, (*loc, len(uit)))) is not _EINDE:
            uit.append(item)
        return uit

    def _scalar(self, gebeurtenis: Gebeurtenis, loc: Pad) -> Any:
        """A scalar's value, after every check on what people type."""
        self.aantal += 1
        if self.aantal > MAX_WAARDEN:
            raise TeGroot
        if self.met_regels:
            self.regels[loc] = gebeurtenis.start_mark.line + 1
        tag = gebeurtenis.tag
        if tag is None or tag == "!":
            tekst = gebeurtenis.value
            # What the resolver says, without asking it where it can only say text: a quoted
            # value, or a plain one whose first character no implicit tag starts with.
            tag = (STR if not gebeurtenis.implicit[0] or (
                tekst and self._eerste is not None and tekst[0] not in self._eerste)
                else self.lader.resolve(yaml.ScalarNode, tekst, gebeurtenis.implicit))
        if tag == STR:
            waarde = gebeurtenis.value
        elif tag in TOEGESTAAN:
            waarde = omgezet(gebeurtenis, tag)
        else:  # e.g. !!python/object: never constructed
            self._melding(gebeurtenis.start_mark, loc, f"geen geldige YAML: onbekende tag '{tag}'",
                          "yaml_tag")
            return None
        if not isinstance(waarde, str):
            return waarde
        if self.uitgesteld is not None and waarde.isascii():
            # Checked with all others once the file is read (`verdacht`): one pass for all.
            if len(waarde) != 64 or not DIGEST.fullmatch(waarde):
                self.uitgesteld.append(waarde)
            return waarde
        # One gate for every profile value; a sha256 (of an imported file) is a digest, whose
        # hex digits may well hold nine in a row that pass the elfproef.
        if not DIGEST.fullmatch(waarde) and bevat_bsn(waarde):
            self._melding(gebeurtenis.start_mark, loc, "bevat een BSN (9 cijfers die de "
                          "elfproef halen); gebruik een pseudoniem", "bsn")
            return re.sub(r"\d", "x", waarde)  # validated on, so nothing else repeats it
        if teken := verboden_teken(waarde, "\n\t\r"):
            self._melding(gebeurtenis.start_mark, loc, f"bevat een onzichtbaar stuurteken of "
                          f"ongeldig teken ({teken}); verwijder het", "stuurteken")
            return "".join(t for t in waarde if not verboden_teken(t, "\n\t\r"))
        return waarde

    @property
    def verdacht(self) -> bool:
        """Whether a value whose check waited (plain ASCII text, read without lines) may hold a
        BSN or a control character: then the file is read again, value by value, with lines."""
        return self.uitgesteld is not None and verdacht(self.uitgesteld)

    def _sla_over(self, bron: Gebeurtenissen | Herhaling, diepte: int) -> None:
        """Read past what is not walked: the rest of a sequence or mapping (diepte 1), or the
        next value (diepte 0). Its anchors are still defined, for aliases further on."""
        open_: list[tuple[int, str, list[Gebeurtenis]]] = []  # anchored parts being read
        while True:
            gebeurtenis = bron.volgende()
            if isinstance(gebeurtenis, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                if open_ and open_[-1][0] == diepte and isinstance(bron, Gebeurtenissen):
                    _, anker, opname = open_.pop()
                    bron.stop(opname)
                    self.ankers[anker] = opname
                diepte -= 1
            elif isinstance(bron, Gebeurtenissen) and getattr(gebeurtenis, "anchor", None) \
                    and not isinstance(gebeurtenis, yaml.AliasEvent):
                if isinstance(gebeurtenis, yaml.ScalarEvent):
                    self.ankers.setdefault(str(gebeurtenis.anchor), [gebeurtenis])
                else:
                    diepte += 1
                    opname = [gebeurtenis]
                    bron.neem_op(opname)
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
