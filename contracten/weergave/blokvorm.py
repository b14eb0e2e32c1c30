"""A block that names the aanbieder (the line "Opdrachtnemer: …", Partijen, the signature table)
is new in every document, but has the same form for every aanbieder: only its name, address,
KvK number and the like differ. Such a block is processed once in its form, with a placeholder
character where each of those values stood, and then filled in per aanbieder: the values go
into its XML, its twin and its headings as they are.

That is only the same as processing the block itself when nothing the processing decides
depends on those values, so a value takes part only when it is plain text (letters, digits,
spaces and `.,/()+@-`, starting with a letter or digit, no name of an XML element in it) and
stands in a run's text (`<w:t>`). What does depend on the text is checked per aanbieder: the
width a table column needs (measured again with the values, as `tabelbreedte` measures) and
whether a row is short enough to stay on one page; when either would come out differently, or
the form has a value in a heading or a field, the block is processed the ordinary way.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contracten.weergave import tabelbreedte
from contracten.weergave.docxtplpassen import LISTING
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.tabelindeling import KORTE_RIJ
from contracten.weergave.tekstversie import Onderdeel
from contracten.weergave.tweelingblok import ANDERS, Gelezen, in_de_tweeling

if TYPE_CHECKING:
    from contracten.weergave.blokgeheugen import Blok

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The aanbieder's values a block may name (attributes of the context's `aanbieder`).
VELDEN = ("naam", "kvk", "agb", "adres.straat", "adres.postcode", "adres.plaats",
          "contact.naam", "contact.telefoon", "contact.email")
TEKENS = tuple(chr(0xE000 + i) for i in range(len(VELDEN)))  # Unicode's private use area
GRENS = 100_000  # characters: a larger block goes the ordinary way
PER_GENERATIE = 256  # forms per generation (see Geheugen)
_PRIVE = re.compile("[\ue000-\uf8ff]")
_VEILIG = re.compile(r"[^\W_](?:[^\W_]|[ .,/()+@-])*")
_XML_NAAM = re.compile(r"[a-z][A-Z]")  # docPr, fldChar, footnoteReference, …
_ALINEA = re.compile(r"\n<w:p([ >])")  # docxtpl's line before each paragraph (see nabewerkt)
_RUN_TEKST = ("<w:t>", '<w:t xml:space="preserve">')
ONBRUIKBAAR: Any = object()  # a form that cannot be filled in: the ordinary way


def veilig(waarde: str) -> bool:
    """Whether `waarde` may take part: text no step of processing a block looks at."""
    return bool(_VEILIG.fullmatch(waarde)) and not _XML_NAAM.search(waarde)


def eigen_waarden(context: dict[str, Any]) -> tuple[str, ...]:
    """The aanbieder's values of a document's context, by VELDEN ("" for one that may not
    take part); () without an aanbieder."""
    aanbieder = context.get("aanbieder")
    if aanbieder is None:
        return ()
    uit = []
    for pad in VELDEN:
        waarde = aanbieder
        for deel in pad.split("."):
            waarde = getattr(waarde, deel, None)
        uit.append(waarde if isinstance(waarde, str) and veilig(waarde) else "")
    return tuple(uit) if any(uit) else ()


def vorm_van(stuk: str, waarden: tuple[str, ...]) -> str | None:
    """`stuk` with each of `waarden` replaced by its placeholder where it is a run's text (the
    longest value first); None when none is, or the block may not take part."""
    if len(stuk) > GRENS or _PRIVE.search(stuk) or LISTING.search(_ALINEA.sub(r"<w:p\1", stuk)):
        return None  # (docxtpl's pass for line breaks and tabs is left to the ordinary way)
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


def _in_run(tekst: str, plek: int) -> bool:
    """Whether `plek` is in the text of a w:t element (not in a tag or another element)."""
    begin = tekst.rfind("<", 0, plek)
    return any(tekst.startswith(tag, begin) and plek >= begin + len(tag) for tag in _RUN_TEKST)


def ingevuld(tekst: str, waarden: tuple[str, ...]) -> str:
    """`tekst` with each placeholder replaced by its value."""
    if not _PRIVE.search(tekst):
        return tekst
    for teken, waarde in zip(TEKENS, waarden, strict=False):
        tekst = tekst.replace(teken, waarde)
    return tekst


Cel = tuple[int, int, int] | tuple[int, int, int, tuple[tuple[tabelbreedte.Stukken, int], ...]]


@dataclass(frozen=True, slots=True)
class Tabelvorm:
    """What the fitting of one table with a placeholder in it depends on (see tabelbreedte)."""

    huidig: tuple[int, ...]  # its grid's widths before fitting ((): no grid)
    beschikbaar: int
    rijen: tuple[tuple[Cel, ...], ...]  # (column, span, need) or (column, span, margin, its
    # paragraphs as measured) for a cell with a placeholder
    breedtes: tuple[int, ...]  # the widths its form got
    korte: tuple[tuple[int, str], ...]  # of each row with a placeholder: its length and text

    def past(self, waarden: tuple[str, ...]) -> bool:
        """Whether the table filled in with `waarden` gets the same widths and rows."""
        for lengte, tekst in self.korte:
            if (len(ingevuld(tekst, waarden)) <= KORTE_RIJ) != (lengte <= KORTE_RIJ):
                return False
        if not self.huidig:
            return True
        rijen = [[cel if len(cel) == 3 else (cel[0], cel[1], _behoefte(cel, waarden))
                  for cel in rij] for rij in self.rijen]
        minima = tabelbreedte.minima_van(rijen, len(self.huidig))
        return tuple(tabelbreedte.verdeel(list(self.huidig), minima, self.beschikbaar)) \
            == self.breedtes


def _behoefte(cel: Any, waarden: tuple[str, ...]) -> int:
    """`tabelbreedte._cellen`'s need of a cell, its placeholders filled in."""
    behoefte = max((tabelbreedte.nodig_voor(tuple((ingevuld(t, waarden), grootte, vet)
                                                   for t, grootte, vet in stukken), inspringen)
                    for stukken, inspringen in cel[3]), default=0)
    return behoefte + cel[2] if behoefte else 0


def tabelvorm(tbl: Any, opmaak: tabelbreedte.Opmaak, beschikbaar: int) -> Tabelvorm:
    """The Tabelvorm of `tbl`, a table of a form not fitted yet."""
    links, rechts = tabelbreedte.cel_marges(tbl, opmaak)
    rijen, korte = [], []
    for tr in tbl.iterchildren(f"{W}tr"):
        tekst = "".join(t.text or "" for t in tr.iter(f"{W}t"))
        if _PRIVE.search(tekst):
            korte.append((len(tekst), tekst))
        rij: list[Cel] = []
        for kolom, span, tc in tabelbreedte.celindeling(tr):
            alineas = []
            for p in tc.iterchildren(f"{W}p"):
                stukken, stijl = tabelbreedte.alinea_stukken(p, opmaak)
                alineas.append((stukken, opmaak.inspringen(p, stijl)))
            cel = (kolom, span, links + rechts, tuple(alineas))
            met = any(_PRIVE.search(t) for stukken, _ in alineas for t, _, _ in stukken)
            rij.append(cel if met else (kolom, span, _behoefte(cel, ())))
        rijen.append(tuple(rij))
    huidig = tuple(int(k.get(f"{W}w", "0") or 0) for k in tbl.findall(f"{W}tblGrid/{W}gridCol"))
    minima = tabelbreedte.minimale_breedtes(tbl, opmaak)
    if tabelbreedte.minima_van([[cel if len(cel) == 3 else (cel[0], cel[1], _behoefte(cel, ()))
                                 for cel in rij] for rij in rijen], len(huidig)) != minima:
        raise ValueError("anders gemeten dan tabelbreedte")  # then not to be used
    eigen = tabelbreedte.tabel_beschikbaar(tbl, beschikbaar)
    breedtes = tuple(tabelbreedte.verdeel(list(huidig), minima, eigen)) if huidig else ()
    return Tabelvorm(huidig, eigen, tuple(rijen), breedtes, tuple(korte))


@dataclass(frozen=True, slots=True)
class Vorm:
    """A block processed with placeholders, and what its tables' fitting depends on."""

    blok: Blok
    tabellen: tuple[Tabelvorm, ...]

    def ingevuld(self, waarden: tuple[str, ...]) -> Blok | None:
        """The block with `waarden` in it; None when processing it would not give that."""
        if not all(tabel.past(waarden) for tabel in self.tabellen):
            return None
        return dataclasses.replace(
            self.blok, stukken=tuple(ingevuld(s, waarden) for s in self.blok.stukken),
            delen=tuple(_deel(d, waarden) for d in self.blok.delen))


def _deel(deel: Onderdeel, waarden: tuple[str, ...]) -> Onderdeel:
    """A part of the twin with `waarden` in it, read as `tweelingblok.lees` reads it."""
    g = deel.gelezen
    assert g is not None, "checked by maak_vorm"
    if g.tabel is not None:
        if not any(_PRIVE.search(regel) for regel in g.tabel):
            return deel
        regels = tuple(ingevuld(r, waarden) for r in g.tabel)
        return Onderdeel(None, Gelezen(regels, "", "", False, 0, "", ANDERS, ("", *regels, "")))
    if not _PRIVE.search(g.tekst) and not _PRIVE.search(g.platte_tekst):
        return deel
    tekst = ingevuld(g.tekst, waarden)
    return Onderdeel(None, Gelezen(None, tekst, g.stijl, g.begint_inhoudsopgave, g.veldbalans,
                                   ingevuld(g.platte_tekst, waarden),
                                   *in_de_tweeling(tekst, g.stijl)))


def maak_vorm(blok: Blok, body: Any, opmaak: tabelbreedte.Opmaak, beschikbaar: int) -> Any:
    """The Vorm of a block processed with placeholders (`blok`; `body`, the same block parsed
    but not fitted); ONBRUIKBAAR when it cannot be filled in by replacing them."""
    if blok.veld or blok.niveaus is not None or blok.stroom is not None \
            or any(_PRIVE.search(tekst) for _, tekst in blok.koppen):
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
        if any(_PRIVE.search(t.text or "") for t in tbl.iter(f"{W}t")):
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
        vorm_tekst = vorm_van(stuk, waarden)
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
