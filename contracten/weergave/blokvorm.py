"""A block that names the aanbieder (the line "Opdrachtnemer: …", Partijen, the signature table,
a letter's address and kenmerk) is new in every document, but has the same form for every
aanbieder: only its name, address, KvK number and the like differ. Such a block is processed
once in its form, with a placeholder character where each of those values stood, and then
filled in per aanbieder: the values go into its XML and its twin as they are.

That is only the same as processing the block itself when nothing the processing decides
depends on those values, so a value takes part only when it is plain text (letters, digits,
spaces and `.,/()+@&'"<>-`, not starting with a space, no name of an XML element in it) and
stands in a run's text (`<w:t>`); it goes into the XML as lxml writes it, into the twin as the
twin escapes it. What does depend on the text is checked per aanbieder: the
width a table column needs (measured again with the values, as `tabelbreedte` measures) and
whether a row is short enough to stay on one page; when either would come out differently, or
the form has a value in a heading or a field, the block is processed the ordinary way.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from html import escape as html_tekst
from typing import TYPE_CHECKING, Any

from lxml import etree
from markupsafe import escape

from contracten.weergave import tabelbreedte
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.markdownblok import markdown_tekst
from contracten.weergave.tabelvorm import PRIVE, TEKENS, Tabelvorm, ingevuld, tabelvorm
from contracten.weergave.tekstversie import Onderdeel
from contracten.weergave.tweelingblok import ANDERS, Gelezen, in_de_tweeling

if TYPE_CHECKING:
    from contracten.weergave.blokgeheugen import Blok

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# '&', '<' and '>' escaped, as xml.sax.saxutils.escape does, without importing urllib.request
# with it (some 10 ms per run).
xml_tekst = partial(html_tekst, quote=False)
# The values of a document's context that make a block its own: the aanbieder's, and a letter's
# kenmerk.
VELDEN = ("aanbieder.naam", "aanbieder.kvk", "aanbieder.agb", "aanbieder.adres.straat",
          "aanbieder.adres.postcode", "aanbieder.adres.plaats", "aanbieder.contact.naam",
          "aanbieder.contact.telefoon", "aanbieder.contact.email", "kenmerk")
GRENS = 100_000  # characters: a larger block goes the ordinary way
PER_GENERATIE = 256  # forms per generation (see Geheugen)

_VEILIG = re.compile(r"(?:[^\W_]|[.,/()+@&'\"<>-])(?:[^\W_]|[ .,/()+@&'\"<>-])*")
_XML_NAAM = re.compile(r"[a-z][A-Z]")  # docPr, fldChar, footnoteReference, …
_RUN_TEKST = ("<w:t>", '<w:t xml:space="preserve">')
ONBRUIKBAAR: Any = object()  # a form that cannot be filled in: the ordinary way


@lru_cache(maxsize=4096)  # a place or a phone number recurs from aanbieder to aanbieder
def veilig(waarde: str) -> bool:
    """Whether `waarde` may take part: text no step of processing a block looks at."""
    return bool(_VEILIG.fullmatch(waarde)) and not _XML_NAAM.search(waarde)


def eigen_waarden(context: dict[str, Any]) -> tuple[str, ...]:
    """The values of VELDEN in a document's context ("" for one it lacks or that may not take
    part); () when it has none."""
    if "aanbieder" not in context and "kenmerk" not in context:
        return ()
    uit = []
    for pad in VELDEN:
        eerste, *rest = pad.split(".")
        waarde = context.get(eerste)
        for deel in rest:
            waarde = getattr(waarde, deel, None)
        uit.append(waarde if isinstance(waarde, str) and veilig(waarde) else "")
    return tuple(uit) if any(uit) else ()


def vorm_van(stuk: str, waarden: tuple[str, ...]) -> str | None:
    """`stuk` with each of `waarden` (as the filled template has them: escaped) replaced by its
    placeholder where it is a run's text (the longest first); None when none is, or the block
    may not take part."""
    if len(stuk) > GRENS or PRIVE.search(stuk) or _met_regelovergang(stuk):
        return None
    tekst = stuk
    for i in sorted(range(len(waarden)), key=lambda i: -len(waarden[i])):
        waarde = waarden[i]
        if not waarde or waarde not in tekst:
            continue
        delen: list[str] = []
        begin, plek = 0, tekst.find(waarde)
        while plek >= 0:
            if _in_run(tekst, plek):
                delen += (tekst[begin:plek], TEKENS[i])
                begin = plek + len(waarde)
                plek = tekst.find(waarde, begin)
            else:
                plek = tekst.find(waarde, plek + 1)
        if delen:
            tekst = "".join(delen) + tekst[begin:]
    if tekst == stuk or ingevuld(tekst, waarden) != stuk:
        return None
    return tekst


def _met_regelovergang(stuk: str) -> bool:
    """Whether docxtpl's pass for line breaks and tabs runs on `stuk` (see nabewerkt): left to
    the ordinary way. Its lines before a paragraph go first (`\\n<w:p `, `\\n<w:p>`)."""
    if "\t" in stuk or "\a" in stuk or "\f" in stuk:
        return True
    return stuk.count("\n") != stuk.count("\n<w:p ") + stuk.count("\n<w:p>")


def _in_run(tekst: str, plek: int) -> bool:
    """Whether `plek` is in the text of a w:t element (not in a tag or another element)."""
    begin = tekst.rfind("<", 0, plek)
    return any(tekst.startswith(tag, begin) and plek >= begin + len(tag) for tag in _RUN_TEKST)


@dataclass(frozen=True, slots=True)
class Vorm:
    """A block processed with placeholders, and what its tables' fitting depends on."""

    blok: Blok
    tabellen: tuple[Tabelvorm, ...]

    def ingevuld(self, waarden: tuple[str, ...]) -> Blok | None:
        """The block with `waarden` in it; None when processing it would not give that."""
        ruw, _, xml, md = vormen(waarden)
        if not all(tabel.past(ruw) for tabel in self.tabellen):
            return None
        return dataclasses.replace(
            self.blok, stukken=tuple(ingevuld(s, xml) for s in self.blok.stukken),
            delen=tuple(_deel(d, ruw, md) for d in self.blok.delen))


@lru_cache(maxsize=16)  # the documents being made
def vormen(waarden: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """`waarden` as they are, as the filled template has them (escaped by Jinja), as lxml
    writes them in a run's text, and as the twin shows them."""
    ruw, sjabloon, xml, md = [], [], [], []
    for waarde in waarden:
        ruw.append(waarde)
        sjabloon.append(str(escape(waarde)))
        xml.append(in_run_tekst(waarde))
        md.append(markdown_tekst(waarde))
    return tuple(ruw), tuple(sjabloon), tuple(xml), tuple(md)


def in_run_tekst(waarde: str) -> str:
    """`waarde` as lxml writes it in a run's text. A value that may take part (`veilig`: no
    control character, no carriage return) has only '&', '<' and '>' escaped."""
    if veilig(waarde):
        return xml_tekst(waarde)
    if not waarde:
        return ""
    element = etree.Element("t")
    element.text = waarde
    tekst: str = etree.tostring(element, encoding="unicode")
    return tekst[3:-4]


def _deel(deel: Onderdeel, ruw: tuple[str, ...], md: tuple[str, ...]) -> Onderdeel:
    """A part of the twin with the values in it, read as `tweelingblok.lees` reads it."""
    g = deel.gelezen
    assert g is not None, "checked by maak_vorm"
    if g.tabel is not None:
        if not any(PRIVE.search(regel) for regel in g.tabel):
            return deel
        regels = tuple(ingevuld(r, md) for r in g.tabel)
        return Onderdeel(None, Gelezen(regels, "", "", False, 0, "", ANDERS, ("", *regels, "")))
    if not PRIVE.search(g.tekst) and not PRIVE.search(g.platte_tekst):
        return deel
    tekst = ingevuld(g.tekst, md)
    return Onderdeel(None, Gelezen(None, tekst, g.stijl, g.begint_inhoudsopgave, g.veldbalans,
                                   ingevuld(g.platte_tekst, ruw),
                                   *in_de_tweeling(tekst, g.stijl)))


def maak_vorm(blok: Blok, body: Any, opmaak: tabelbreedte.Opmaak, beschikbaar: int) -> Any:
    """The Vorm of a block processed with placeholders (`blok`; `body`, the same block parsed
    but not fitted); ONBRUIKBAAR when it cannot be filled in by replacing them."""
    if blok.veld or blok.niveaus is not None or blok.stroom is not None \
            or any(PRIVE.search(tekst) for _, tekst in blok.koppen):
        return ONBRUIKBAAR
    for deel in blok.delen:
        g = deel.gelezen
        if deel.element is not None or deel.gelinkt is not None or g is None:
            return ONBRUIKBAAR
        if g.tabel is not None:
            if g != Gelezen(g.tabel, "", "", False, 0, "", ANDERS, ("", *g.tabel, "")):
                return ONBRUIKBAAR
        elif (g.soort, g.regels) != in_de_tweeling(g.tekst, g.stijl):
            return ONBRUIKBAAR
    tabellen = []
    for tbl in body.iter(f"{W}tbl"):
        if any(voorouder.tag == f"{W}tc" for voorouder in tbl.iterancestors()):
            continue
        if any(PRIVE.search(t.text or "") for t in tbl.iter(f"{W}t")):
            try:
                tabellen.append(tabelvorm(tbl, opmaak, beschikbaar))
            except ValueError:
                return ONBRUIKBAAR
    return Vorm(blok, tuple(tabellen))


class Vormen:
    """The forms of one template's blocks (per layout, for blocks with a table)."""

    def __init__(self) -> None:
        self._geheugen: Geheugen[str, Any] = Geheugen(PER_GENERATIE)

    def blok(self, stuk: str, waarden: tuple[str, ...],
             maak: Callable[[str], tuple[Blok, Any]], opmaak: tabelbreedte.Opmaak,
             beschikbaar: int, bewaar: bool) -> Blok | None:
        """Block `stuk` made from its form; None when it has none (the ordinary way).
        `maak` processes a form: the Blok, and the form parsed but not fitted."""
        vorm_tekst = vorm_van(stuk, vormen(waarden)[1])
        if vorm_tekst is None:
            return None
        vorm = self._geheugen.get(vorm_tekst)
        if vorm is None:
            try:
                vorm = maak_vorm(*maak(vorm_tekst), opmaak, beschikbaar)
            except Exception:  # the ordinary way reports it as it always did
                vorm = ONBRUIKBAAR
            if bewaar:
                self._geheugen.bewaar(vorm_tekst, vorm)
            else:
                self._geheugen[vorm_tekst] = vorm
        return None if vorm is ONBRUIKBAAR else vorm.ingevuld(waarden)
