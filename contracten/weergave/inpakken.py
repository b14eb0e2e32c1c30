"""A document's zip from its template's parts: the parts it keeps are packed once per template,
and a part it replaces that recurs from document to document (the same footer, settings or
relationships for every aanbieder) is packed once too. Only the body, different in every
document, is compressed each time. The bytes are those `zipschrijver` makes of the parts."""

from __future__ import annotations

from collections.abc import Mapping

from contracten.weergave import pakket
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.zipschrijver import Lid, pak_in, zip_van

LICHAAM = "word/document.xml"  # different in every document: never remembered
PER_GENERATIE = 64  # replaced parts remembered (see Geheugen): a few per template


class Inpakker:
    """The parts of one template (name -> bytes, in the template's order)."""

    def __init__(self, delen: dict[str, bytes]) -> None:
        self.delen = delen
        self.ingepakt = {naam: pak_in(naam, inhoud) for naam, inhoud in delen.items()}
        # (name, bytes) -> that part packed; keyed by the name as well, so two parts with the
        # same bytes never share an entry (a member's header holds its name).
        self._vervangen: Geheugen[tuple[str, bytes], Lid] = Geheugen(PER_GENERATIE)
        self._instellingen: dict[tuple[bool, bool], bytes] = {}

    def lid(self, naam: str, inhoud: bytes | Lid) -> Lid:
        """`inhoud` packed as the member `naam` (packed already: a body written in pieces)."""
        if isinstance(inhoud, Lid):
            return inhoud
        if naam == LICHAAM:
            return pak_in(naam, inhoud)
        sleutel = (naam, inhoud)
        lid = self._vervangen.get(sleutel)
        if lid is None:
            lid = pak_in(naam, inhoud)
            self._vervangen[sleutel] = lid
        return lid

    def zip(self, vervangen: Mapping[str, bytes | Lid]) -> bytes:
        """The template's parts with `vervangen` (name -> bytes) replacing or added to them:
        the template's parts in their order, then the added ones by name."""
        leden = [self.lid(naam, vervangen[naam]) if naam in vervangen else self.ingepakt[naam]
                 for naam in self.delen]
        leden += [self.lid(naam, vervangen[naam]) for naam in sorted(vervangen)
                  if naam not in self.delen]
        return zip_van(leden)

    def instellingen(self, *, velden_bijwerken: bool, voetnoten: bool) -> bytes:
        """The template's settings.xml as `pakket.instellingen` makes it: the same for every
        document with the same flags."""
        sleutel = (velden_bijwerken, voetnoten)
        if sleutel not in self._instellingen:
            self._instellingen[sleutel] = pakket.instellingen(
                self.delen["word/settings.xml"], velden_bijwerken=velden_bijwerken,
                voetnoten=voetnoten)
        return self._instellingen[sleutel]
