"""Finding a template's styles whatever program saved it last.

Word writes a built-in style as id 'Heading1' with the name 'heading 1'; LibreOffice names it
'Heading 1'; a Dutch Word gives it the id 'Kop1'; LibreOffice calls its own table-of-contents
style 'Contents 1'. The engine asks for a style by its English name ('Heading 1', 'List Bullet')
and finds it by name (case-insensitively), by id, or by a known alias.
"""

from __future__ import annotations

from typing import Any

from docx.styles import BabelFish

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Built-in styles the engine uses: canonical key (Word's internal name, lower case) -> the name
# Word shows, and the other names and ids the same style has in Dutch Word and in LibreOffice.
_INGEBOUWD: dict[str, tuple[str, tuple[str, ...]]] = {
    "normal": ("Normal", ("standaard", "default paragraph style")),
    "title": ("Title", ("titel",)),
    **{f"heading {n}": (f"Heading {n}", (f"kop {n}", f"kop{n}")) for n in range(1, 10)},
    "list": ("List", ("lijst",)),
    **{f"list {n}": (f"List {n}", (f"lijst {n}", f"lijst{n}")) for n in range(2, 6)},
    "list bullet": ("List Bullet", ("lijstopsommingsteken", "lijstopsomteken")),
    **{f"list bullet {n}": (f"List Bullet {n}", (f"lijstopsommingsteken {n}",
                                                  f"lijstopsomteken{n}")) for n in range(2, 6)},
    "list number": ("List Number", ("lijstnummering",)),
    **{f"list number {n}": (f"List Number {n}", (f"lijstnummering {n}", f"lijstnummering{n}"))
       for n in range(2, 6)},
    "quote": ("Quote", ("citaat",)),
    "table grid": ("Table Grid", ("tabelraster",)),
    "footnote text": ("footnote text", ("voetnoottekst", "footnote", "footnote text char")),
    "footnote reference": ("footnote reference", (
        "voetnootverwijzing", "voetnootmarkering", "footnote characters", "footnote symbol",
        "footnote anchor")),
    **{f"toc {n}": (f"TOC {n}", (f"inhopg {n}", f"inhopg{n}", f"contents {n}", f"contents{n}"))
       for n in range(1, 10)},
    "toc heading": ("TOC Heading", ("kop van inhoudsopgave", "kopvaninhoudsopgave",
                                    "contents heading", "contentsheading")),
}
_ALIAS = {alias: sleutel for sleutel, (_, aliassen) in _INGEBOUWD.items() for alias in aliassen}


def _sleutel(naam: str) -> str:
    """A style name as compared: case and spacing ignored, aliases resolved."""
    kaal = " ".join(naam.casefold().split())
    return _ALIAS.get(kaal, kaal)


def _id_sleutel(naam: str) -> str:
    return _sleutel(naam).replace(" ", "")


def weergavenaam(naam: str) -> str:
    """The name Word shows for a style: 'heading 1', 'Kop 1' and 'Contents 1' are the built-in
    'Heading 1' and 'TOC 1'; a style of the template's own keeps its name."""
    ingebouwd = _INGEBOUWD.get(_sleutel(naam))
    return ingebouwd[0] if ingebouwd else str(BabelFish.internal2ui(naam))


class Stijlen:
    """The styles of one styles.xml, to look up by name."""

    def __init__(self, styles: Any) -> None:
        self._stijlen: list[tuple[str, str, str]] = []  # (id, type, key of the name)
        self.namen: dict[str, str] = {}  # id -> name as Word shows it
        for stijl in styles.iter(f"{W}style"):
            stijl_id = stijl.get(f"{W}styleId")
            naam_el = stijl.find(f"{W}name")
            naam = naam_el.get(f"{W}val") if naam_el is not None else stijl_id
            if stijl_id is None or naam is None:
                continue
            self._stijlen.append((stijl_id, stijl.get(f"{W}type", "paragraph"), _sleutel(naam)))
            self.namen[stijl_id] = weergavenaam(naam)
        self._gevonden: dict[tuple[str, str], str | None] = {}

    def id_van(self, naam: str, soort: str = "paragraph") -> str | None:
        """The id of the style called `naam` (or None): by name, ignoring case and aliases;
        where several share that name, the one whose id is the name without spaces; else by
        id."""
        if (naam, soort) not in self._gevonden:
            sleutel, id_sleutel = _sleutel(naam), _id_sleutel(naam)
            op_naam = [i for i, s, k in self._stijlen if k == sleutel and s == soort]
            op_id = [i for i, s, _ in self._stijlen
                     if s == soort and _id_sleutel(i) == id_sleutel]
            beste = [i for i in op_naam if i in op_id]
            kandidaten = beste or op_naam or op_id
            self._gevonden[(naam, soort)] = kandidaten[0] if kandidaten else None
        return self._gevonden[(naam, soort)]

    def vereist(self, naam: str, soort: str = "paragraph") -> str:
        """Like `id_van`, but a missing style is the template's error (LookupError)."""
        stijl_id = self.id_van(naam, soort)
        if stijl_id is None:
            raise LookupError(f"het sjabloon heeft geen stijl '{naam}'")
        return stijl_id


def van_deel(deel: Any) -> Stijlen:
    """The styles of a python-docx document part, read once per part."""
    gevonden: Stijlen | None = deel.__dict__.get("_contracten_stijlen")
    if gevonden is None:
        gevonden = Stijlen(deel.styles.element)
        deel.__dict__["_contracten_stijlen"] = gevonden
    return gevonden
